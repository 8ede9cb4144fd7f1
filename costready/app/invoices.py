"""Invoicing use cases: settings, customers, the invoice list, drafts, issue and credit notes.

Each function is one unit of work; amounts in and out are Decimal pounds (storage keeps
pence); anything the user must fix comes back as InvoicingError naming the field. Personal
data of individuals (names, addresses) stays out of logs and error texts.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from costready.costing.price_lists import PriceList
from costready.i18n import _
from costready.invoicing import credits
from costready.invoicing import documents as docs
from costready.invoicing.bank import BankDetails, normalise
from costready.invoicing.customers import Customer, terms_days, validate_customer
from costready.invoicing.disclosures import sender_problems
from costready.invoicing.documents import Document, DocumentKind, Line, Totals
from costready.invoicing.errors import InvoicingError
from costready.invoicing.links import link_for
from costready.invoicing.listing import (
    DEFAULT_ORDER,
    InvoiceFilter,
    InvoiceRow,
    ListOrder,
    SortKey,
)
from costready.invoicing.numbering import format_number
from costready.invoicing.payments import (
    Payment,
    apply_credit_note,
    balance,
    creditable,
    validate_credit_note_amount,
)
from costready.invoicing.settings import InvoicingSettings, validate_settings
from costready.invoicing.status import Status, status
from costready.money import ZERO
from costready.organisation import Organisation
from costready.problems import Problem
from costready.rules_file import VatTreatment
from costready.storage.errors import InvalidData
from costready.storage.unit_of_work import UnitOfWork
from costready.storage.workspace import Workspace

__all__ = [
    "DocumentView",
    "InvoiceFilter",
    "InvoiceRow",
    "InvoicingError",
    "InvoicingSettings",
    "ListOrder",
    "MenuItem",
    "MoneyTiles",
    "SortKey",
    "count_documents",
    "credit",
    "customer",
    "customers",
    "delete_customer",
    "delete_draft",
    "document_rows",
    "document_view",
    "find_document",
    "invoicing_settings",
    "issue",
    "menu_lines",
    "money_tiles",
    "new_draft",
    "save_customer",
    "save_draft",
    "save_invoicing_settings",
]

#: The setting (per organisation) holding InvoicingSettings as JSON.
SETTINGS_KEY = "invoicing"


# Settings -----------------------------------------------------------------------------------


def invoicing_settings(ws: Workspace, org_id: int) -> InvoicingSettings:
    with ws.reading() as uow:
        return read_settings(uow, org_id)


def save_invoicing_settings(ws: Workspace, org_id: int, settings: InvoicingSettings) -> None:
    """Validated whole (InvoicingError naming each field), then saved."""
    if settings.bank is not None:
        settings = dataclasses.replace(settings, bank=normalise(settings.bank))
    problems = validate_settings(settings)
    if problems:
        raise InvoicingError(problems)
    with ws.writing() as uow:
        uow.organisations.lock(org_id)
        before = read_settings(uow, org_id)
        if settings.yearly_numbers != before.yearly_numbers and uow.invoices.any_issued(org_id):
            # a series changed part-way would leave numbers that no longer follow one another
            raise InvoicingError(
                [
                    Problem(
                        "yearly_numbers",
                        _(
                            "Numbering: it is chosen before the first invoice is issued, and "
                            "stays as it is after that"
                        ),
                    )
                ]
            )
        uow.settings.set(org_id, SETTINGS_KEY, json.dumps(settings_json(settings)))
        uow.invoices.set_yearly(org_id, settings.yearly_numbers)


def read_settings(uow: UnitOfWork, org_id: int) -> InvoicingSettings:
    """The organisation's settings as saved (the defaults when none are)."""
    text = uow.settings.get(org_id, SETTINGS_KEY, "")
    if not text:
        return InvoicingSettings()
    data = json.loads(text)
    bank = data.pop("bank", None)
    known = {field.name for field in dataclasses.fields(InvoicingSettings)}
    values = {name: value for name, value in data.items() if name in known}
    return InvoicingSettings(bank=BankDetails(**bank) if bank else None, **values)


def settings_json(settings: InvoicingSettings) -> dict[str, object]:
    """The settings as the JSON the workspace keeps."""
    data = dataclasses.asdict(settings)
    if settings.bank is None or settings.bank.is_empty:
        data["bank"] = None
    return data


# Customers ----------------------------------------------------------------------------------


def customers(ws: Workspace, org_id: int) -> list[Customer]:
    """The organisation's customers by name."""
    with ws.reading() as uow:
        return uow.customers.all(org_id)


def customer(ws: Workspace, customer_id: int) -> Customer:
    with ws.reading() as uow:
        return uow.customers.get(customer_id)


def save_customer(ws: Workspace, org_id: int, value: Customer) -> Customer:
    """Insert (id None) or update (version-checked: StaleRecord); InvoicingError with every
    problem when it is not valid."""
    problems = validate_customer(value)
    if problems:
        raise InvoicingError(problems)
    with ws.writing() as uow:
        return uow.customers.save(org_id, value)


def delete_customer(ws: Workspace, customer_id: int) -> None:
    """Remove a customer and their drafts; refused (InvoicingError) when they have issued
    invoices or credit notes."""
    try:
        with ws.writing() as uow:
            uow.customers.delete(customer_id)
    except InvalidData as error:
        raise InvoicingError(error.problems) from error


# The list -----------------------------------------------------------------------------------


def count_documents(ws: Workspace, org_id: int, filt: InvoiceFilter, today: date) -> int:
    with ws.reading() as uow:
        return uow.invoices.count_rows(org_id, filt, today)


def document_rows(
    ws: Workspace,
    org_id: int,
    filt: InvoiceFilter,
    today: date,
    offset: int,
    limit: int,
    order: ListOrder = DEFAULT_ORDER,
) -> list[InvoiceRow]:
    """One page of the invoice list, filtered, sorted, balances and statuses worked out in SQL
    (drafts first, then the newest issued, unless `order` names a column)."""
    with ws.reading() as uow:
        return uow.invoices.rows(org_id, filt, today, offset, limit, order)


@dataclass(frozen=True)
class MoneyTiles:
    """Home's money tiles: what is owed, how many invoices are overdue, this month's total."""

    owed: Decimal
    overdue_count: int
    invoiced_this_month: Decimal


def month_bounds(day: date) -> tuple[date, date]:
    """The first and last day of `day`'s month."""
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def money_tiles(ws: Workspace, org_id: int, today: date) -> MoneyTiles:
    first, last = month_bounds(today)
    with ws.reading() as uow:
        owed, overdue = uow.invoices.owed(org_id, today)
        return MoneyTiles(owed, overdue, uow.invoices.invoiced_between(org_id, first, last))


# One document -------------------------------------------------------------------------------


def find_document(ws: Workspace, org_id: int, wanted: str) -> int | None:
    """The id of the organisation's document numbered `wanted` (INV-0001), or with id
    `wanted`; None when there is none."""
    with ws.reading() as uow:
        found = uow.invoices.by_number(org_id, wanted.strip())
        if found is None and wanted.strip().isdigit():
            candidate = int(wanted.strip())
            if uow.invoices.exists(candidate) and uow.invoices.organisation_id(candidate) == org_id:
                found = candidate
        return found


@dataclass(frozen=True)
class DocumentView:
    """Everything a screen or a PDF shows of one document (its figures from `totals`)."""

    document: Document
    customer: Customer
    totals: Totals
    payments: tuple[Payment, ...]
    credit_notes: tuple[Document, ...]
    paid: Decimal
    credited: Decimal
    balance: Decimal
    status: Status
    payment_link: str | None
    seller: Organisation
    settings: InvoicingSettings


def document_view(ws: Workspace, doc_id: int, today: date) -> DocumentView:
    with ws.reading() as uow:
        return view_in(uow, doc_id, today)


def view_in(uow: UnitOfWork, doc_id: int, today: date) -> DocumentView:
    """The view of a document read in an open unit of work."""
    document = uow.invoices.get(doc_id)
    org_id = uow.invoices.organisation_id(doc_id)
    settings = read_settings(uow, org_id)
    figures = docs.totals(document)
    paid = uow.invoices.paid(doc_id)
    credited = uow.invoices.credited(doc_id)
    owing = ZERO if document.is_credit_note else balance(figures.gross, paid, credited)
    link = None
    if document.number is not None:
        try:
            link = link_for(
                settings.link_template,
                owing,
                document.number,
                document.number,
                document.is_credit_note,
            )
        except ValueError:  # a template saved before it was checked: show no link
            link = None
    return DocumentView(
        document=document,
        customer=uow.customers.get(document.customer_id or 0),
        totals=figures,
        payments=uow.payments.for_document(doc_id),
        credit_notes=uow.invoices.credit_notes(doc_id),
        paid=paid,
        credited=credited,
        balance=owing,
        status=status(document, figures.gross, paid, credited, today),
        payment_link=link,
        seller=uow.organisations.get(org_id),
        settings=settings,
    )


# Drafts -------------------------------------------------------------------------------------


def new_draft(ws: Workspace, org_id: int, customer_id: int) -> Document:
    """A saved, empty draft invoice for the customer: dated today, due after their terms,
    following the organisation's VAT status today."""
    with ws.writing() as uow:
        return uow.invoices.save_draft(org_id, _fresh_draft(uow, org_id, customer_id))


def _fresh_draft(uow: UnitOfWork, org_id: int, customer_id: int) -> Document:
    """An empty draft invoice for the customer (not saved): dated today, due after their
    terms, following the organisation's VAT status today."""
    today = date.today()
    buyer = _customer_of(uow, org_id, customer_id)
    settings = read_settings(uow, org_id)
    org = uow.organisations.get(org_id)
    return Document(
        kind=DocumentKind.INVOICE,
        customer_id=customer_id,
        issue_date=today,
        due_date=docs.due_date_for(today, terms_days(buyer, settings.default_terms_days)),
        vat_registered=docs.vat_registered_at(org, today),
    )


def copy_as_draft(ws: Workspace, doc_id: int) -> Document:
    """A new draft invoice like invoice `doc_id` (a draft or issued one): the same customer,
    lines, purchase order, reference and notes, menu lines at today's prices; dated today,
    with no service period (the new one is for other work). A credit note is not copied."""
    with ws.writing() as uow:
        source = uow.invoices.get(doc_id)
        if source.is_credit_note:
            raise InvoicingError(
                [Problem("kind", _("A credit note is not copied: copy the invoice it corrects"))]
            )
        org_id = uow.invoices.organisation_id(doc_id)
        items = _menu_items(uow.price_lists.current(org_id, date.today()))
        menu = {item.service_key: (item.unit_price, item.treatment) for item in items}
        draft = dataclasses.replace(
            _fresh_draft(uow, org_id, source.customer_id or 0),
            lines=docs.copied_lines(source.lines, menu),
            purchase_order=source.purchase_order,
            customer_reference=source.customer_reference,
            notes=source.notes,
        )
        return uow.invoices.save_draft(org_id, draft)


def save_draft(ws: Workspace, org_id: int, document: Document) -> Document:
    """Save a draft (version-checked: StaleRecord when changed elsewhere); InvoicingError for
    an issued one or with the draft's problems."""
    if document.is_issued:
        raise InvoicingError([_issued_problem(document.number or "")])
    problems = docs.validate_draft(document) + docs.mixed_scope_problems(document)
    if problems:
        raise InvoicingError(problems)
    with ws.writing() as uow:
        _customer_of(uow, org_id, document.customer_id or 0)
        if document.id is not None and uow.invoices.get(document.id).is_issued:
            raise InvoicingError([_issued_problem(uow.invoices.get(document.id).number or "")])
        org = uow.organisations.get(org_id)
        if not document.is_credit_note:
            document = dataclasses.replace(
                document,
                vat_registered=docs.vat_registered_at(org, document.issue_date or date.today()),
            )
        return uow.invoices.save_draft(org_id, document)


def delete_draft(ws: Workspace, doc_id: int) -> None:
    """Delete a draft and free the deliveries it reserved; an issued one is refused."""
    with ws.writing() as uow:
        document = uow.invoices.get(doc_id)
        if document.is_issued:
            raise InvoicingError([_issued_problem(document.number or "")])
        uow.deliveries.free(doc_id)
        uow.invoices.delete_draft(doc_id)


@dataclass(frozen=True)
class MenuItem:
    """A service as the price list in force prices it (copied onto a line when chosen)."""

    service_key: str
    name: str
    unit: str
    unit_price: Decimal
    treatment: VatTreatment


def menu_lines(ws: Workspace, org_id: int, on: date) -> list[MenuItem]:
    """The adopted price list in force on `on`, as menu items (empty when none is)."""
    with ws.reading() as uow:
        return _menu_items(uow.price_lists.current(org_id, on))


def _menu_items(price_list: PriceList | None) -> list[MenuItem]:
    """Each service on `price_list` as a menu item (none when no list is in force)."""
    if price_list is None:
        return []
    items = []
    for key, price in price_list.prices.items():
        published = price_list.services.get(key)
        items.append(
            MenuItem(
                service_key=key,
                name=published.name if published else key,
                unit=published.unit if published else "",
                unit_price=price,
                treatment=_treatment(published.vat if published else ""),
            )
        )
    return items


def _treatment(text: str) -> VatTreatment:
    try:
        return VatTreatment(text)
    except ValueError:
        return VatTreatment.EXEMPT


# Issue and credit -----------------------------------------------------------------------------


def issue(ws: Workspace, doc_id: int, issue_date: date | None = None) -> Document:
    """Issue a draft: validated (the document, the sender's disclosures, the PO when the
    customer requires one), numbered from the organisation's series inside this one write,
    VAT status fixed at the tax point, reserved deliveries marked billed."""
    with ws.writing() as uow:
        return issue_in(uow, doc_id, issue_date or date.today())


def issue_in(uow: UnitOfWork, doc_id: int, day: date) -> Document:
    """Issue within an open writing unit of work (InvoicingError before anything is written)."""
    org_id = uow.invoices.organisation_id(doc_id)
    org = uow.organisations.lock(org_id)  # first: numbers never interleave (PostgreSQL)
    draft = uow.invoices.get(doc_id)
    if draft.is_issued:
        raise InvoicingError([_issued_problem(draft.number or "")])
    buyer = uow.customers.get(draft.customer_id or 0)
    settings = read_settings(uow, org_id)
    tax_point = docs.default_tax_point(day, draft.period_end)
    if not draft.is_credit_note:
        draft = dataclasses.replace(draft, vat_registered=docs.vat_registered_at(org, tax_point))
    problems: list[Problem] = []
    invoice_figures = None
    if draft.is_credit_note and draft.credits_id is not None:
        invoice = uow.invoices.get(draft.credits_id)
        earlier = uow.invoices.credit_notes(invoice.id or 0)
        # worked out again here, inside the lock: a credit note issued meanwhile counts
        draft = credits.with_figures(invoice, earlier, draft)
        invoice_figures = docs.totals(invoice)
        left = creditable(invoice_figures.gross, uow.invoices.credited(invoice.id or 0))
        problems += credits.over_credit_problems(invoice, earlier, draft)
        problems += validate_credit_note_amount(docs.totals(draft).gross, left)
    problems = docs.validate_document(draft, buyer) + sender_problems(org) + problems
    if problems:
        raise InvoicingError(problems)
    series = uow.invoices.series(org_id, draft.kind, settings.yearly_numbers)
    year = day.year if series.yearly else 0
    sequence = uow.invoices.next_sequence(org_id, draft.kind, year)
    issued = docs.issue(
        draft,
        format_number(series, sequence, day.year),
        day,
        _due_date(draft, day, buyer, settings),
        draft.vat_registered,
        tax_point,
    )
    stored = uow.invoices.issue(issued, sequence, year)
    uow.deliveries.mark_billed(doc_id, day)
    if invoice_figures is not None and draft.credits_id is not None:
        _credit_beyond_balance(uow, org_id, stored, draft.credits_id, invoice_figures.gross)
    return stored


def _due_date(draft: Document, day: date, buyer: Customer, settings: InvoicingSettings) -> date:
    """The draft's own terms (its due date less its date) kept from the issue date; else the
    customer's terms. A credit note is due when issued."""
    if draft.is_credit_note:
        return day
    if draft.issue_date is not None and draft.due_date is not None:
        return day + timedelta(days=(draft.due_date - draft.issue_date).days)
    return docs.due_date_for(day, terms_days(buyer, settings.default_terms_days))


def _credit_beyond_balance(
    uow: UnitOfWork, org_id: int, note: Document, invoice_id: int, invoice_total: Decimal
) -> None:
    """A credit note beyond what the invoice still owes (it was paid) becomes customer credit."""
    amount = docs.totals(note).gross
    credited_before = uow.invoices.credited(invoice_id) - amount
    allocation = apply_credit_note(
        invoice_total, uow.invoices.paid(invoice_id), credited_before, amount
    )
    if allocation.to_customer_credit > 0:
        uow.payments.add(
            org_id,
            note.customer_id or 0,
            "credit_note_excess",
            note.issue_date or date.today(),
            allocation.to_customer_credit,
            reference=note.number or "",
        )


def credit(
    ws: Workspace,
    invoice_id: int,
    lines: tuple[Line, ...] | None,
    reason: str,
    issue_date: date | None = None,
) -> Document:
    """Issue a credit note against an issued invoice: `lines` (part of it, each naming the
    invoice line it credits) or, when None, everything left to credit. Refused beyond what is
    left on any line (`credits.over_credit_problems`) or on the invoice as a whole."""
    day = issue_date or date.today()
    with ws.writing() as uow:
        org_id = uow.invoices.organisation_id(invoice_id)
        uow.organisations.lock(org_id)
        invoice = uow.invoices.get(invoice_id)
        if not invoice.is_issued or invoice.is_credit_note:
            raise InvoicingError(
                [Problem("credits_number", _("Credit note: choose an issued invoice to correct"))]
            )
        if lines is None:
            earlier = uow.invoices.credit_notes(invoice_id)
            lines = _remaining_lines(invoice, earlier, uow.invoices.credited(invoice_id))
        note = dataclasses.replace(
            docs.credit_note_for(invoice, lines), notes=reason, issue_date=day, due_date=day
        )
        problems = docs.validate_draft(note)
        if problems:
            raise InvoicingError(problems)
        draft = uow.invoices.save_draft(org_id, note)
        return issue_in(uow, draft.id or 0, day)


def _remaining_lines(
    invoice: Document, earlier: tuple[Document, ...], credited: Decimal
) -> tuple[Line, ...]:
    """Everything left to credit: what is left on each line (`credits.remaining_lines`). When
    an earlier credit was tied to no line (an adjustment), what is left line by line is not
    known: one line for what is left, when that can be exact (no VAT charged on the invoice);
    else the user must choose lines."""
    if not credits.has_adjustments(invoice, earlier):
        lines = credits.remaining_lines(invoice, earlier)
        if not lines:
            raise InvoicingError([_nothing_left(invoice)])
        return lines
    figures = docs.totals(invoice)
    left = creditable(figures.gross, credited)
    if left <= 0:
        raise InvoicingError([_nothing_left(invoice)])
    if figures.vat != 0:
        raise InvoicingError(
            [
                Problem(
                    "lines",
                    _(
                        "Credit note: {number} is already part credited and charged VAT; "
                        "choose the lines to credit"
                    ).format(number=invoice.number),
                )
            ]
        )
    treatment = invoice.lines[0].treatment if invoice.lines else VatTreatment.EXEMPT
    description = _("Remainder of {number}").format(number=invoice.number)
    return (Line(description, Decimal(1), "", left, treatment, vat_rate=Decimal(0)),)


def _nothing_left(invoice: Document) -> Problem:
    return Problem(
        "lines",
        _("Credit note: nothing is left to credit on {number}").format(number=invoice.number),
    )


# Helpers --------------------------------------------------------------------------------------


def _customer_of(uow: UnitOfWork, org_id: int, customer_id: int) -> Customer:
    """The customer, refused unless it belongs to the organisation."""
    if customer_id <= 0 or uow.customers.organisation_id(customer_id) != org_id:
        raise InvoicingError([Problem("customer_id", _("Customer: choose who to invoice"))])
    return uow.customers.get(customer_id)


def _issued_problem(number: str) -> Problem:
    return Problem(
        "number",
        _("{number} is issued and cannot change: correct it with a credit note").format(
            number=number
        ),
    )
