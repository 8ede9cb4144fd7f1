"""Invoicing's files: invoice and credit-note PDFs, e-invoices, statements, reminders, aged
debt and the accountant's CSVs.

Every figure comes from `app.invoices.view_in` (the screen's `DocumentView`), so the screen and
every file show the same pence; every file is written whole or not at all
(`files.write_atomically`), and nothing is written when there is a problem to fix.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from multiprocessing import get_context
from pathlib import Path
from typing import Any, BinaryIO

from costready import i18n
from costready.app.invoices import DocumentView, read_settings, view_in
from costready.files import write_atomically
from costready.i18n import N_, _
from costready.invoicing import late_payment
from costready.invoicing.bank import BankDetails
from costready.invoicing.customers import Customer
from costready.invoicing.disclosures import SenderExtras
from costready.invoicing.errors import InvoicingError
from costready.invoicing.status import Status
from costready.problems import Problem
from costready.reports.aged_debt import write_aged_debt
from costready.reports.invoice import DocumentData, long_day, write_document
from costready.reports.invoice_csv import PaymentRow, aged_debt_csv, documents_csv, payments_csv
from costready.reports.reminder import LatePaymentClaim, ReminderData, ReminderLevel, write_reminder
from costready.reports.statement import StatementData, statement_entries, write_statement
from costready.reports.ubl import ubl_bytes, ubl_problems
from costready.storage.repositories.payments import RECEIVED_KINDS, REFUNDED
from costready.storage.unit_of_work import UnitOfWork
from costready.storage.workspace import Workspace

__all__ = [
    "ReminderLevel",
    "document_data",
    "save_aged_debt_csv",
    "save_aged_debt_pdf",
    "save_document_pdf",
    "save_document_pdfs",
    "save_documents_csv",
    "save_payments_csv",
    "save_reminder_pdf",
    "save_statement_pdf",
    "save_ubl",
    "write_pdfs",
]


# One document -------------------------------------------------------------------------------


def document_data(ws: Workspace, doc_id: int, today: date) -> DocumentData:
    """What an invoice or credit note's files show, from the screen's `document_view`."""
    with ws.reading() as uow:
        return data_of(view_in(uow, doc_id, today))


def data_of(view: DocumentView) -> DocumentData:
    """A document's `DocumentData` from its view: the view's totals, what was paid and
    credited, the payment link, the bank details and the seller's Peppol id. The charity
    statement is always printed (its income test is not known here, and saying so is
    always allowed)."""
    document, settings = view.document, view.settings
    terms = None
    if not document.is_credit_note and document.issue_date and document.due_date:
        terms = (document.due_date - document.issue_date).days
    return DocumentData(
        document=document,
        customer=view.customer,
        organisation=view.seller,
        totals=view.totals,
        bank=settings.bank or BankDetails(),
        terms_days=terms,
        paid=view.paid,
        credited=view.credited,
        payment_link=view.payment_link,
        sender_extras=SenderExtras(),
        seller_peppol_scheme=settings.peppol_scheme,
        seller_peppol_id=settings.peppol_id,
    )


def _issued(data: DocumentData) -> None:
    """Refuse a draft: it has no number, so no document yet."""
    if not data.document.is_issued:
        raise InvoicingError(
            [Problem("number", _("Draft: issue it first; a draft has no document yet"))]
        )


def save_document_pdf(ws: Workspace, doc_id: int, path: str | Path, today: date) -> None:
    """The invoice or credit note PDF (a draft is refused with InvoicingError)."""
    data = document_data(ws, doc_id, today)
    _issued(data)
    write_atomically(path, _writer(write_document, data))


def save_ubl(ws: Workspace, doc_id: int, path: str | Path) -> None:
    """The e-invoice (UBL 2.1, Peppol BIS 3.0). InvoicingError naming every missing piece
    (Peppol ids, buyer reference or purchase order, addresses...) before anything is written;
    a draft is refused."""
    data = document_data(ws, doc_id, date.today())
    _issued(data)
    problems = ubl_problems(data)
    if problems:
        raise InvoicingError(problems)
    write_atomically(path, ubl_bytes(data))


def _writer(write: Callable[[BinaryIO, Any], None], value: object) -> Callable[[BinaryIO], None]:
    """A content function for `write_atomically`: `write(handle, value)`."""

    def content(handle: BinaryIO) -> None:
        write(handle, value)

    return content


# Many PDFs at once ----------------------------------------------------------------------------

#: Below this many documents one process is quicker than starting a second one.
POOL_FROM = 40


def save_document_pdfs(
    ws: Workspace, ids: Sequence[int], folder: str | Path, today: date, workers: int = 2
) -> list[Path]:
    """Each issued document's PDF in `folder`, named by its number (INV-0001.pdf); drafts are
    skipped. The figures are read in one unit of work, then drawn by `write_pdfs`. Returns the
    files written."""
    with ws.reading() as uow:
        found = [data_of(view_in(uow, doc_id, today)) for doc_id in ids]
    return write_pdfs([data for data in found if data.document.is_issued], folder, workers)


def write_pdfs(
    documents: Sequence[DocumentData], folder: str | Path, workers: int = 2
) -> list[Path]:
    """Each document's PDF in `folder`, named by its number, drawn by `workers` processes
    (spawned, so nothing of this process, Qt included, is copied into them; each file written
    whole or not at all). Fewer than `POOL_FROM` documents are drawn here."""
    jobs = [
        (data, str(Path(folder) / f"{file_stem(data.document.number or '')}.pdf"))
        for data in documents
    ]
    if workers <= 1 or len(jobs) < POOL_FROM:
        for job in jobs:
            _draw(job)
    else:
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=get_context("spawn"),
            initializer=i18n.install,
            initargs=(i18n.current_locale(),),
        ) as pool:
            # a few chunks per process: little pickling, and a slow chunk cannot hold up much
            chunk = max(1, len(jobs) // (workers * 4))
            list(pool.map(_draw, jobs, chunksize=chunk))
    return [Path(target) for _data, target in jobs]


def _draw(job: tuple[DocumentData, str]) -> None:
    data, target = job
    write_atomically(target, _writer(write_document, data))


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def file_stem(number: str) -> str:
    """A document number as a file name: letters, digits, dot, dash and underscore kept."""
    return _UNSAFE.sub("-", number).strip(".-") or "document"


# Statement and reminder -----------------------------------------------------------------------


def save_statement_pdf(ws: Workspace, customer_id: int, path: str | Path, today: date) -> None:
    """The customer's statement as of `today`: their issued invoices and credit notes and the
    payments against them, with a running balance."""
    with ws.reading() as uow:
        data = statement_data(uow, customer_id, today)
    write_atomically(path, _writer(write_statement, data))


def statement_data(uow: UnitOfWork, customer_id: int, today: date) -> StatementData:
    org_id = uow.customers.organisation_id(customer_id)
    documents = [uow.invoices.get(i) for i in uow.invoices.issued_ids(org_id, customer_id)]
    documents = [d for d in documents if d.issue_date is not None and d.issue_date <= today]
    # money received (against invoices, or beyond them and held as credit) and credit refunded;
    # credit later set against an invoice moved money already listed, so it is not listed again
    received = [
        payment
        for payment in uow.payments.of_customer(customer_id, RECEIVED_KINDS)
        if payment.date <= today
    ]
    refunds = [
        payment
        for payment in uow.payments.of_customer(customer_id, (REFUNDED,))
        if payment.date <= today
    ]
    settings = read_settings(uow, org_id)
    return StatementData(
        organisation=uow.organisations.get(org_id),
        customer=uow.customers.get(customer_id),
        statement_date=today,
        entries=tuple(statement_entries(documents, received, refunds)),
        bank=settings.bank or BankDetails(),
    )


@dataclass(frozen=True)
class ReminderNote:
    """What a reminder did about late payment, for the person to read: `claimed` when
    statutory interest and compensation were added; else `message` says why not (None for an
    ordinary reminder: no charge made and no rate given)."""

    claimed: bool
    message: str | None = None


def save_reminder_pdf(
    ws: Workspace,
    doc_id: int,
    level: ReminderLevel | str,
    path: str | Path,
    today: date,
    reference_rate: Decimal | None = None,
) -> ReminderNote:
    """A first, second or final reminder for an overdue invoice, dated `today`.

    Statutory interest and fixed compensation are added only when the organisation charges
    late payment and the customer is not an individual. The reference rate is the rules
    file's Bank Rate for the half-year the debt fell overdue in; when the file has none,
    `reference_rate` (a fraction: 0.04 for 4%, the organisation's own figure) is used, and
    without it the reminder goes without interest, the returned note saying so.
    InvoicingError when the invoice is not overdue."""
    level = ReminderLevel(level)
    with ws.reading() as uow:
        view = view_in(uow, doc_id, today)
    data = data_of(view)
    _issued(data)
    document = data.document
    if document.is_credit_note or view.status is not Status.OVERDUE or document.due_date is None:
        raise InvoicingError(
            [
                Problem(
                    "status",
                    _("Reminder: {number} is not overdue, so no reminder is due").format(
                        number=document.number
                    ),
                )
            ]
        )
    claim, note = _claim(view, document.due_date, reference_rate)
    write_atomically(path, _writer(write_reminder, ReminderData(data, level, today, claim)))
    return note


_NOT_TO_PEOPLE = N_(
    "Late payment: interest and compensation are never charged to an individual; the "
    "reminder was written without them"
)
_NOT_CHARGED = N_(
    "Late payment: the organisation does not charge it (see the invoicing settings); the "
    "reminder was written without interest or compensation"
)


def _refused(reference_rate: Decimal | None, why: str) -> str | None:
    """Why no late-payment claim was made, when a rate was given for one (else nothing to
    say: an ordinary reminder)."""
    return _(why) if reference_rate is not None else None


def _claim(
    view: DocumentView, due: date, reference_rate: Decimal | None
) -> tuple[LatePaymentClaim | None, ReminderNote]:
    """The late-payment claim for a reminder, and the note that says what was done."""
    if not late_payment.applies_to(view.customer):
        return None, ReminderNote(False, _refused(reference_rate, _NOT_TO_PEOPLE))
    if not view.settings.charge_late_payment:
        return None, ReminderNote(False, _refused(reference_rate, _NOT_CHARGED))
    overdue_from = due + timedelta(days=1)
    start = late_payment.reference_period_start(overdue_from)
    rate_date = start - timedelta(days=1)
    rate = late_payment.reference_rate_for(overdue_from)
    if rate is None:
        rate = reference_rate
    if rate is None:
        locale = view.seller.locale
        return None, ReminderNote(
            False,
            _(
                "Reference rate: the rules file holds no Bank of England base rate for "
                "{date}; give the rate in force that day to claim late-payment interest and "
                "compensation. This reminder was written without them."
            ).format(date=long_day(rate_date, locale)),
        )
    return LatePaymentClaim(rate, rate_date), ReminderNote(True)


# Aged debt and the accountant's CSVs ---------------------------------------------------------


def save_aged_debt_pdf(ws: Workspace, org_id: int, path: str | Path, today: date) -> None:
    with ws.reading() as uow:
        organisation = uow.organisations.get(org_id)
        rows = uow.invoices.aged_debt(org_id, today)

    def content(handle: BinaryIO) -> None:
        write_aged_debt(handle, organisation, rows, today)

    write_atomically(path, content)


def save_aged_debt_csv(ws: Workspace, org_id: int, path: str | Path, today: date) -> None:
    with ws.reading() as uow:
        rows = uow.invoices.aged_debt(org_id, today)
    write_atomically(path, aged_debt_csv(rows))


def save_documents_csv(ws: Workspace, org_id: int, path: str | Path) -> None:
    """Every issued invoice and credit note, oldest first, with its figures (from `totals`),
    what was paid and credited, and the balance."""
    with ws.reading() as uow:
        organisation = uow.organisations.get(org_id)
        buyers: dict[int, Customer] = {}
        found = []
        for doc_id in uow.invoices.issued_ids(org_id):
            document = uow.invoices.get(doc_id)
            customer_id = document.customer_id or 0
            if customer_id not in buyers:
                buyers[customer_id] = uow.customers.get(customer_id)
            credit = document.is_credit_note
            found.append(
                DocumentData.of(
                    document,
                    buyers[customer_id],
                    organisation,
                    paid=Decimal(0) if credit else uow.invoices.paid(doc_id),
                    credited=Decimal(0) if credit else uow.invoices.credited(doc_id),
                )
            )
    write_atomically(path, documents_csv(found))


def save_payments_csv(ws: Workspace, org_id: int, path: str | Path) -> None:
    """Every payment received (and money beyond a balance kept as the customer's credit)."""
    with ws.reading() as uow:
        rows = [PaymentRow(p, number, name) for p, number, name in uow.payments.received(org_id)]
    write_atomically(path, payments_csv(rows))
