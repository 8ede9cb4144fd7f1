"""Invoices and credit notes: drafts saved and replaced, issue (the number allocated inside the
writing unit of work), and the list, balances, statuses and aged debt worked out in SQL over
integer pence."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    case,
    delete,
    func,
    insert,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session, aliased

from costready.i18n import _
from costready.invoicing.aged_debt import BUCKET_BOUNDS, AgedRow, Bucket
from costready.invoicing.documents import Document, DocumentKind, FixedVat, Line, totals
from costready.invoicing.listing import (
    DEFAULT_ORDER,
    DRAFT_NUMBER,
    InvoiceFilter,
    InvoiceRow,
    ListOrder,
    SortKey,
)
from costready.invoicing.numbering import NumberSeries, default_series
from costready.invoicing.status import Status
from costready.money import ZERO, from_pennies, line_net, to_pennies
from costready.rules_file import VatTreatment
from costready.storage.errors import StaleRecord, StorageError
from costready.storage.models_invoicing import (
    CustomerRow,
    DocumentLineRow,
    DocumentRow,
    NumberSeriesRow,
    PartyRow,
    PaymentRow,
)

#: Payment kinds that count as paid against the invoice they name.
PAID_KINDS = ("payment", "credit_applied")


class InvoiceRepository:
    """Documents in the unit of work's session (issued ones never change: triggers agree)."""

    def __init__(self, session: Session):
        self.session = session

    # Reading one ----------------------------------------------------------------------------
    def get(self, document_id: int) -> Document:
        row = self._row(document_id)
        lines = self.session.scalars(
            select(DocumentLineRow)
            .where(DocumentLineRow.document_id == document_id)
            .order_by(DocumentLineRow.position)
        )
        credits_number = None
        if row.credits_id is not None:
            credits_number = self.session.scalar(
                select(DocumentRow.number).where(DocumentRow.id == row.credits_id)
            )
        return _document(row, [_line(line) for line in lines], credits_number)

    def organisation_id(self, document_id: int) -> int:
        return self._row(document_id).organisation_id

    def exists(self, document_id: int) -> bool:
        return self.session.get(DocumentRow, document_id) is not None

    def by_number(self, organisation_id: int, number: str) -> int | None:
        """The id of the issued document numbered `number`, if any."""
        return self.session.scalar(
            select(DocumentRow.id).where(
                DocumentRow.organisation_id == organisation_id, DocumentRow.number == number
            )
        )

    def paid(self, document_id: int) -> Decimal:
        """Payments against the document (including customer credit set against it)."""
        pence = self.session.scalar(
            select(func.coalesce(func.sum(PaymentRow.amount_pence), 0)).where(
                PaymentRow.document_id == document_id, PaymentRow.kind.in_(PAID_KINDS)
            )
        )
        return from_pennies(int(pence or 0))

    def credited(self, document_id: int) -> Decimal:
        """The issued credit notes against an invoice, summed."""
        pence = self.session.scalar(
            select(func.coalesce(func.sum(DocumentRow.gross_pence), 0)).where(
                DocumentRow.credits_id == document_id, DocumentRow.number.is_not(None)
            )
        )
        return from_pennies(int(pence or 0))

    def credit_notes(self, document_id: int) -> tuple[Document, ...]:
        ids = self.session.scalars(
            select(DocumentRow.id)
            .where(DocumentRow.credits_id == document_id, DocumentRow.number.is_not(None))
            .order_by(DocumentRow.issue_date, DocumentRow.id)
        )
        return tuple(self.get(i) for i in ids)

    # Drafts ---------------------------------------------------------------------------------
    def save_draft(self, organisation_id: int, document: Document) -> Document:
        """Insert (id None) or replace a draft and its lines; StaleRecord when read at an older
        version; StorageError for an issued document (the triggers refuse it too)."""
        figures = totals(document)
        fields = _fields(document, figures.net, figures.vat, figures.gross)
        if document.id is None:
            row = DocumentRow(organisation_id=organisation_id, version=1, **fields)
            self.session.add(row)
            self.session.flush()
        else:
            row = self._row(document.id)
            if row.number is not None:
                raise issued_error(row.number)
            if document.version is not None and document.version != row.version:
                raise StaleRecord(_("the draft invoice"), None)
            self.session.execute(
                delete(DocumentLineRow).where(DocumentLineRow.document_id == row.id)
            )
            for name, value in fields.items():
                setattr(row, name, value)
            row.version += 1
            self.session.flush()
        self._insert_lines(row.id, document.lines)
        return self.get(row.id)

    def _insert_lines(self, document_id: int, lines: Sequence[Line]) -> None:
        if not lines:
            return
        self.session.execute(
            insert(DocumentLineRow),
            [_line_fields(document_id, position, line) for position, line in enumerate(lines)],
        )

    def delete_draft(self, document_id: int) -> None:
        row = self._row(document_id)
        if row.number is not None:
            raise issued_error(row.number)
        self.session.delete(row)
        self.session.flush()

    # Issue ------------------------------------------------------------------------------------
    def series(self, organisation_id: int, kind: DocumentKind, yearly: bool) -> NumberSeries:
        """The organisation's series for `kind` (made on first use with the default prefix)."""
        row = self.session.scalars(
            select(NumberSeriesRow).where(
                NumberSeriesRow.organisation_id == organisation_id,
                NumberSeriesRow.kind == str(kind),
            )
        ).first()
        if row is None:
            series = default_series(kind, yearly)
            self.session.add(
                NumberSeriesRow(
                    organisation_id=organisation_id,
                    kind=str(kind),
                    prefix=series.prefix,
                    yearly=series.yearly,
                    width=series.width,
                )
            )
            self.session.flush()
            return series
        return NumberSeries(row.prefix, row.yearly, row.width)

    def set_yearly(self, organisation_id: int, yearly: bool) -> None:
        """Choose yearly numbering for every series of the organisation (before any issue)."""
        for kind in DocumentKind:
            self.series(organisation_id, kind, yearly)
        self.session.execute(
            update(NumberSeriesRow)
            .where(NumberSeriesRow.organisation_id == organisation_id)
            .values(yearly=yearly)
        )

    def next_sequence(self, organisation_id: int, kind: DocumentKind, year: int) -> int:
        """One more than the highest issued in the series (call after locking the
        organisation: numbers are then unique and have no gaps)."""
        highest = self.session.scalar(
            select(func.max(DocumentRow.sequence)).where(
                DocumentRow.organisation_id == organisation_id,
                DocumentRow.kind == str(kind),
                DocumentRow.series_year == year,
            )
        )
        return int(highest or 0) + 1

    def issue(self, issued: Document, sequence: int, series_year: int) -> Document:
        """Write the issued value of a draft: its lines (rates fixed) first, while it is still
        a draft, then number, dates and totals in the one update the triggers allow."""
        assert issued.id is not None and issued.number is not None
        row = self._row(issued.id)
        if row.number is not None:
            raise issued_error(row.number)
        self.session.execute(delete(DocumentLineRow).where(DocumentLineRow.document_id == row.id))
        self._insert_lines(row.id, issued.lines)
        figures = totals(issued)
        fields = _fields(issued, figures.net, figures.vat, figures.gross)
        self.session.execute(
            update(DocumentRow)
            .where(DocumentRow.id == row.id, DocumentRow.number.is_(None))
            .values(**fields, sequence=sequence, series_year=series_year, version=row.version + 1)
        )
        self.session.expire(row)
        return self.get(row.id)

    # Lists ------------------------------------------------------------------------------------
    def count_rows(self, organisation_id: int, filt: InvoiceFilter, today: date) -> int:
        if filt.status is None:  # no balance needed: a count over the indexed columns
            query = _plain(organisation_id, filt).with_only_columns(func.count(DocumentRow.id))
            return int(self.session.scalar(query) or 0)
        listing = _listing(organisation_id, filt, today).subquery()
        return int(self.session.scalar(select(func.count()).select_from(listing)) or 0)

    def rows(
        self,
        organisation_id: int,
        filt: InvoiceFilter,
        today: date,
        offset: int,
        limit: int,
        order: ListOrder = DEFAULT_ORDER,
    ) -> list[InvoiceRow]:
        """A page of the list: drafts first, then newest issue date first (then newest id),
        unless `order` names a column.

        Without a status filter the page's ids are found first from stored columns, and only
        those rows' balances are worked out; a status filter must work out every row's."""
        if order.key is not None:
            return self._sorted_rows(organisation_id, filt, today, offset, limit, order)
        if filt.status is None:
            ids = self._page_ids(organisation_id, filt, offset, limit)
            if not ids:
                return []
            query = _listing(organisation_id, InvoiceFilter(), today, ordered=True, ids=ids)
        elif filt.status is Status.DRAFT:
            ids = self._page_ids(organisation_id, filt, offset, limit, drafts_only=True)
            query = _listing(organisation_id, InvoiceFilter(), today, ordered=True, ids=ids)
        else:
            ids = list(self.session.scalars(_streamed(organisation_id, filt, today, offset, limit)))
            query = _listing(organisation_id, InvoiceFilter(), today, ordered=True, ids=ids)
        return [_invoice_row(found) for found in self.session.execute(query)]

    def _sorted_rows(
        self,
        organisation_id: int,
        filt: InvoiceFilter,
        today: date,
        offset: int,
        limit: int,
        order: ListOrder,
    ) -> list[InvoiceRow]:
        """A page sorted by a column: its ids found by an ORDER BY over stored columns when
        it can be (a stored column, no status filter), else over every row's worked-out
        balance and status; then only the page's rows are read in full."""
        assert order.key is not None
        if order.key in _STORED_KEYS and filt.status is None:
            base = _plain(organisation_id, filt, names=order.key is SortKey.CUSTOMER)
            column = _stored_column(order.key)
            query = base.order_by(*_sorted_by(column, DocumentRow.id, order.descending))
        else:
            docs = _listing(organisation_id, filt, today).subquery()
            column = _listed_column(order.key, docs)
            query = select(docs.c.id).order_by(*_sorted_by(column, docs.c.id, order.descending))
        ids = list(self.session.scalars(query.offset(offset).limit(limit)))
        if not ids:
            return []
        place = {id_: index for index, id_ in enumerate(ids)}
        found = self.session.execute(_listing(organisation_id, InvoiceFilter(), today, ids=ids))
        return sorted((_invoice_row(row) for row in found), key=lambda row: place[row.id])

    def _page_ids(
        self,
        organisation_id: int,
        filt: InvoiceFilter,
        offset: int,
        limit: int,
        drafts_only: bool = False,
    ) -> list[int]:
        """The ids of a page from stored columns: the drafts (few; their own index) first,
        then issued documents newest first, read down the (organisation, issue date, id)
        index so the first page costs the same at 100 or 100,000 documents."""
        newest = (DocumentRow.issue_date.desc(), DocumentRow.id.desc())
        # sorted here, not in SQL: an ORDER BY would lead the database to the date index
        # (every document) rather than the drafts' own
        found = self.session.execute(
            _plain(organisation_id, filt)
            .add_columns(DocumentRow.issue_date)
            .where(DocumentRow.number.is_(None))
        )
        drafts = [
            id_ for id_, _day in sorted(found, key=lambda r: (r[1] or date.min, r[0]), reverse=True)
        ]
        page = drafts[offset : offset + limit]
        wanted = limit - len(page)
        if wanted > 0 and not drafts_only:
            page += self.session.scalars(
                _plain(organisation_id, filt)
                .where(DocumentRow.number.is_not(None))
                .order_by(*newest)
                .offset(max(0, offset - len(drafts)))
                .limit(wanted)
            )
        return page

    def aged_debt(self, organisation_id: int, today: date) -> list[AgedRow]:
        """Outstanding balances of issued invoices by customer and bucket, by name."""
        docs = _with_balances(organisation_id, today).subquery()
        days = _days_between(docs.c.due_date, today, self.session)
        columns = [
            func.sum(case((_in_bucket(days, first, last), docs.c.balance), else_=0)).label(
                bucket.value
            )
            for bucket, first, last in BUCKET_BOUNDS
        ]
        query = (
            select(docs.c.customer_id, docs.c.customer_name, *columns)
            .where(docs.c.kind == str(DocumentKind.INVOICE), docs.c.number.is_not(None))
            .where(docs.c.balance > 0)
            .group_by(docs.c.customer_id, docs.c.customer_name)
            .order_by(docs.c.customer_name, docs.c.customer_id)
        )
        result = []
        for found in self.session.execute(query):
            buckets = {
                bucket: from_pennies(int(found._mapping[bucket.value] or 0)) for bucket in Bucket
            }
            result.append(
                AgedRow(
                    found.customer_id, found.customer_name, buckets, sum(buckets.values(), ZERO)
                )
            )
        return result

    def owed(self, organisation_id: int, today: date) -> tuple[Decimal, int]:
        """(what issued invoices still owe, how many are overdue)."""
        docs = _with_balances(organisation_id, today).subquery()
        found = self.session.execute(
            select(
                func.coalesce(func.sum(docs.c.balance), 0),
                func.count().filter(docs.c.status == str(Status.OVERDUE)),
            ).where(docs.c.kind == str(DocumentKind.INVOICE), docs.c.number.is_not(None))
        ).one()
        return from_pennies(int(found[0] or 0)), int(found[1] or 0)

    def invoiced_between(self, organisation_id: int, first: date, last: date) -> Decimal:
        """Invoices issued from `first` to `last` less credit notes issued then, gross."""
        sign = case((DocumentRow.kind == str(DocumentKind.CREDIT_NOTE), -1), else_=1)
        pence = self.session.scalar(
            select(func.coalesce(func.sum(DocumentRow.gross_pence * sign), 0)).where(
                DocumentRow.organisation_id == organisation_id,
                DocumentRow.number.is_not(None),
                DocumentRow.issue_date >= first,
                DocumentRow.issue_date <= last,
            )
        )
        return from_pennies(int(pence or 0))

    # Files and facts (app/invoice_files.py, app/compliance.py) ---------------------------------
    def issued_ids(self, organisation_id: int, customer_id: int | None = None) -> list[int]:
        """The issued invoices and credit notes of the organisation (of one customer when
        given), oldest first."""
        query = select(DocumentRow.id).where(
            DocumentRow.organisation_id == organisation_id, DocumentRow.number.is_not(None)
        )
        if customer_id is not None:
            query = query.where(DocumentRow.customer_id == customer_id)
        return list(self.session.scalars(query.order_by(DocumentRow.issue_date, DocumentRow.id)))

    def taxable_net(self, organisation_id: int, first: date, last: date) -> Decimal | None:
        """The line nets of standard-, reduced- and zero-rated lines on invoices whose tax
        point falls from `first` to `last`, less those of credit notes then; exempt and
        outside-the-scope lines left out. None when no document was issued in that time."""
        taxable = (VatTreatment.STANDARD, VatTreatment.REDUCED, VatTreatment.ZERO)
        sign = case((DocumentRow.kind == str(DocumentKind.CREDIT_NOTE), -1), else_=1)
        counted = case((DocumentLineRow.treatment.in_([str(t) for t in taxable]), 1), else_=0)
        day = func.coalesce(DocumentRow.tax_point, DocumentRow.issue_date)
        found = self.session.execute(
            select(
                func.count(func.distinct(DocumentRow.id)),
                func.coalesce(func.sum(DocumentLineRow.net_pence * sign * counted), 0),
            )
            .select_from(DocumentRow)
            .outerjoin(DocumentLineRow, DocumentLineRow.document_id == DocumentRow.id)
            .where(
                DocumentRow.organisation_id == organisation_id,
                DocumentRow.number.is_not(None),
                day >= first,
                day <= last,
            )
        ).one()
        if not found[0]:
            return None
        return from_pennies(int(found[1] or 0))

    def any_issued(self, organisation_id: int) -> bool:
        """True once the organisation has issued an invoice."""
        found = self.session.scalar(
            select(DocumentRow.id)
            .where(
                DocumentRow.organisation_id == organisation_id,
                DocumentRow.kind == str(DocumentKind.INVOICE),
                DocumentRow.number.is_not(None),
            )
            .limit(1)
        )
        return found is not None

    def _row(self, document_id: int) -> DocumentRow:
        row = self.session.get(DocumentRow, document_id, populate_existing=True)
        if row is None:
            raise StorageError(
                _("There is no invoice or credit note with id {id}.").format(id=document_id)
            )
        return row


def issued_error(number: str) -> StorageError:
    return StorageError(
        _("{number} is issued and cannot change: correct it with a credit note").format(
            number=number
        )
    )


# SQL for the list and aged debt -------------------------------------------------------------


def _with_balances(
    organisation_id: int,
    today: date,
    filt: InvoiceFilter | None = None,
    ids: Sequence[int] | None = None,
) -> Select[Any]:
    """Every document of the organisation (that `filt` keeps) with customer name, paid,
    credited, balance and status as columns: correlated sums over indexed columns, fast per
    page and per scan. Filters that need no balance apply inside, where indexes serve them."""
    paid, credited = _sums()
    inner = (
        select(
            DocumentRow.id,
            DocumentRow.kind,
            DocumentRow.number,
            DocumentRow.customer_id,
            PartyRow.name.label("customer_name"),
            DocumentRow.issue_date,
            DocumentRow.due_date,
            DocumentRow.gross_pence,
            paid.label("paid"),
            credited.label("credited"),
        )
        .join(CustomerRow, CustomerRow.id == DocumentRow.customer_id)
        .join(PartyRow, PartyRow.id == CustomerRow.party_id)
        # given ids (a page, found for this organisation) are read by their keys
        .where(
            *(
                [DocumentRow.id.in_(ids)]
                if ids is not None
                else [DocumentRow.organisation_id == organisation_id, *_conditions(filt)]
            )
        )
        # worked out once per row: inlined, each use of `paid` below would run its sum again
        .cte("figures")
        .prefix_with("MATERIALIZED")
    )
    balance, status = _balance_and_status(
        inner.c.kind,
        inner.c.number,
        inner.c.gross_pence,
        inner.c.due_date,
        inner.c.paid,
        inner.c.credited,
        today,
    )
    return select(*inner.c, balance.label("balance"), status.label("status"))


def _sums() -> tuple[Any, Any]:
    """(paid, credited) of the document row in scope, in pence: correlated sums over
    indexed columns (payments by document, credit notes by the invoice they credit)."""
    credit = aliased(DocumentRow)
    paid = (
        select(func.coalesce(func.sum(PaymentRow.amount_pence), 0))
        .where(PaymentRow.document_id == DocumentRow.id, PaymentRow.kind.in_(PAID_KINDS))
        .scalar_subquery()
    )
    credited = (
        select(func.coalesce(func.sum(credit.gross_pence), 0))
        .where(credit.credits_id == DocumentRow.id, credit.number.is_not(None))
        .scalar_subquery()
    )
    return paid, credited


def _balance_and_status(
    kind: Any, number: Any, gross: Any, due: Any, paid: Any, credited: Any, today: date
) -> tuple[Any, Any]:
    """The balance (pence) and status as SQL, as `invoicing.status.status` decides them."""
    owing = gross - paid - credited
    is_credit_note = kind == str(DocumentKind.CREDIT_NOTE)
    balance = case((number.is_(None), gross), (is_credit_note, 0), (owing > 0, owing), else_=0)
    status = case(
        (number.is_(None), literal(str(Status.DRAFT))),
        (is_credit_note, literal(str(Status.ISSUED))),
        (and_(gross > 0, credited >= gross), literal(str(Status.CREDITED))),
        (owing <= 0, literal(str(Status.PAID))),
        (due < today, literal(str(Status.OVERDUE))),
        (or_(paid > 0, credited > 0), literal(str(Status.PART_PAID))),
        else_=literal(str(Status.ISSUED)),
    )
    return balance, status


def _listing(
    organisation_id: int,
    filt: InvoiceFilter,
    today: date,
    ordered: bool = False,
    ids: Sequence[int] | None = None,
) -> Select[Any]:
    """The list's rows, filtered (the status outside, on the derived column); `ordered`:
    drafts first, then the newest issue date, then the newest id."""
    docs = _with_balances(organisation_id, today, filt, ids).subquery()
    query = select(docs)
    if filt.status is not None:
        query = query.where(docs.c.status == str(filt.status))
    if ordered:
        query = query.order_by(*_order(docs.c.number, docs.c.issue_date, docs.c.id))
    return query


def _streamed(
    organisation_id: int, filt: InvoiceFilter, today: date, offset: int, limit: int
) -> Select[Any]:
    """The ids of a page of issued documents of one status, newest first: read down the
    (organisation, issue date, id) index, each row's status worked out as it is read, and
    stopped once the page is full, so a common status's first page is quick at any size (a
    rare one's reads further)."""
    paid, credited = _sums()
    _balance, status = _balance_and_status(
        DocumentRow.kind,
        DocumentRow.number,
        DocumentRow.gross_pence,
        DocumentRow.due_date,
        paid,
        credited,
        today,
    )
    return (
        _plain(organisation_id, filt)
        .where(DocumentRow.number.is_not(None), status == str(filt.status))
        .order_by(DocumentRow.issue_date.desc(), DocumentRow.id.desc())
        .offset(offset)
        .limit(limit)
    )


def _order(number: Any, issue_date: Any, id_: Any) -> tuple[Any, ...]:
    """Drafts first, then the newest issue date, then the newest id."""
    return (number.is_(None).desc(), issue_date.desc(), id_.desc())


def _plain(organisation_id: int, filt: InvoiceFilter, names: bool = False) -> Select[Any]:
    """The ids of the documents `filt` keeps, from stored columns only (the customer's name
    joined only when the text search or `names`, a sort by it, needs it)."""
    query = select(DocumentRow.id)
    if names or filt.text.strip():
        query = query.join(CustomerRow, CustomerRow.id == DocumentRow.customer_id).join(
            PartyRow, PartyRow.id == CustomerRow.party_id
        )
    return query.where(DocumentRow.organisation_id == organisation_id, *_conditions(filt))


#: Sort keys read from stored columns (an index or a plain sort, no balances worked out).
_STORED_KEYS = frozenset(
    {SortKey.NUMBER, SortKey.KIND, SortKey.CUSTOMER, SortKey.ISSUED, SortKey.DUE, SortKey.TOTAL}
)


def _stored_column(key: SortKey) -> Any:
    """The stored column a sort by `key` reads (the customer's name needs `_plain`'s join)."""
    columns = {
        SortKey.NUMBER: DocumentRow.number,
        SortKey.KIND: DocumentRow.kind,
        SortKey.CUSTOMER: func.lower(PartyRow.name),
        SortKey.ISSUED: DocumentRow.issue_date,
        SortKey.DUE: DocumentRow.due_date,
        SortKey.TOTAL: DocumentRow.gross_pence,
    }
    return columns[key]


def _listed_column(key: SortKey, docs: Any) -> Any:
    """The column of `_listing`'s rows a sort by `key` reads (a status by its rank)."""
    if key is SortKey.STATUS:
        return case(
            *((docs.c.status == str(status), rank) for rank, status in enumerate(Status)),
            else_=len(Status),
        )
    columns = {
        SortKey.NUMBER: docs.c.number,
        SortKey.KIND: docs.c.kind,
        SortKey.CUSTOMER: func.lower(docs.c.customer_name),
        SortKey.ISSUED: docs.c.issue_date,
        SortKey.DUE: docs.c.due_date,
        SortKey.TOTAL: docs.c.gross_pence,
        SortKey.BALANCE: docs.c.balance,
    }
    return columns[key]


def _sorted_by(column: Any, id_: Any, descending: bool) -> tuple[Any, ...]:
    """ORDER BY terms: `column` then the id, both one way; no value (NULL) last either way
    (said outright: SQLite and PostgreSQL differ)."""
    if descending:
        return (column.desc().nulls_last(), id_.desc())
    return (column.asc().nulls_last(), id_.asc())


def _conditions(filt: InvoiceFilter | None) -> list[ColumnElement[bool]]:
    if filt is None:
        return []
    conditions: list[ColumnElement[bool]] = []
    if filt.customer_id is not None:
        conditions.append(DocumentRow.customer_id == filt.customer_id)
    if filt.date_from is not None:
        conditions.append(DocumentRow.issue_date >= filt.date_from)
    if filt.date_to is not None:
        conditions.append(DocumentRow.issue_date <= filt.date_to)
    text = filt.text.strip()
    if text:
        pattern = f"%{_escape_like(text.casefold())}%"
        conditions.append(
            or_(
                func.lower(DocumentRow.number).like(pattern, escape="\\"),
                func.lower(PartyRow.name).like(pattern, escape="\\"),
                func.lower(DocumentRow.purchase_order).like(pattern, escape="\\"),
            )
        )
    return conditions


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _invoice_row(found: Any) -> InvoiceRow:
    return InvoiceRow(
        id=found.id,
        kind=DocumentKind(found.kind),
        number=found.number or DRAFT_NUMBER,
        customer_name=found.customer_name,
        issue_date=found.issue_date,
        due_date=found.due_date,
        total=from_pennies(int(found.gross_pence)),
        balance=from_pennies(int(found.balance)),
        status=Status(found.status),
    )


def _days_between(due: Any, today: date, session: Session) -> Any:
    """Days from `due` to `today` as SQL (julianday on SQLite; date subtraction elsewhere)."""
    if session.get_bind().dialect.name == "sqlite":
        return func.julianday(literal(today.isoformat())) - func.julianday(due)
    return literal(today) - due


def _in_bucket(days: Any, first: int | None, last: int | None) -> ColumnElement[bool]:
    conditions = []
    if first is not None:
        conditions.append(days >= first)
    if last is not None:
        conditions.append(days <= last)
    return and_(*conditions)


# Rows <-> values ----------------------------------------------------------------------------


def _fields(document: Document, net: Decimal, vat: Decimal, gross: Decimal) -> dict[str, Any]:
    return {
        "kind": str(document.kind),
        "number": document.number,
        "customer_id": document.customer_id,
        "issue_date": document.issue_date,
        "tax_point": document.tax_point,
        "due_date": document.due_date,
        "period_start": document.period_start,
        "period_end": document.period_end,
        "purchase_order": document.purchase_order,
        "customer_reference": document.customer_reference,
        "notes": document.notes,
        "vat_registered": document.vat_registered,
        "credits_id": document.credits_id,
        "fixed_vat": _fixed_vat_json(document.fixed_vat),
        "net_pence": to_pennies(net),
        "vat_pence": to_pennies(vat),
        "gross_pence": to_pennies(gross),
    }


def _line_fields(document_id: int, position: int, line: Line) -> dict[str, Any]:
    return {
        "document_id": document_id,
        "position": position,
        "description": line.description,
        "quantity": line.quantity,
        "unit": line.unit,
        "unit_price_pence": to_pennies(line.unit_price),
        "treatment": str(line.treatment),
        "vat_rate": line.vat_rate,
        "service_key": line.service_key,
        "net_pence": to_pennies(line.net),
        "delivery_ids": ",".join(str(i) for i in line.delivery_ids),
        "credits_line": line.credits_line,
    }


def _line(row: DocumentLineRow) -> Line:
    return Line(
        description=row.description,
        quantity=row.quantity,
        unit=row.unit,
        unit_price=from_pennies(row.unit_price_pence),
        treatment=VatTreatment(row.treatment),
        service_key=row.service_key,
        delivery_ids=tuple(int(i) for i in row.delivery_ids.split(",") if i),
        vat_rate=row.vat_rate,
        credits_line=row.credits_line,
        fixed_net=_fixed_net(row),
    )


def _fixed_net(row: DocumentLineRow) -> Decimal | None:
    """The net stored when it is not quantity x unit price (a credit's cumulative net)."""
    net = from_pennies(row.net_pence)
    return None if net == line_net(row.quantity, from_pennies(row.unit_price_pence)) else net


def _fixed_vat_json(fixed: tuple[FixedVat, ...]) -> str | None:
    if not fixed:
        return None
    return json.dumps([[f.category, str(f.rate), to_pennies(f.vat)] for f in fixed])


def _fixed_vat(text: str | None) -> tuple[FixedVat, ...]:
    if not text:
        return ()
    return tuple(
        FixedVat(category, Decimal(rate), from_pennies(pence))
        for category, rate, pence in json.loads(text)
    )


def _document(row: DocumentRow, lines: list[Line], credits_number: str | None) -> Document:
    return Document(
        kind=DocumentKind(row.kind),
        customer_id=row.customer_id,
        lines=tuple(lines),
        number=row.number,
        issue_date=row.issue_date,
        tax_point=row.tax_point,
        due_date=row.due_date,
        period_start=row.period_start,
        period_end=row.period_end,
        purchase_order=row.purchase_order,
        customer_reference=row.customer_reference,
        notes=row.notes,
        vat_registered=row.vat_registered,
        credits_id=row.credits_id,
        credits_number=credits_number,
        fixed_vat=_fixed_vat(row.fixed_vat),
        id=row.id,
        version=row.version,
    )
