"""A customer statement PDF: their invoices, credit notes and payments with a running balance."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from costready.i18n import N_, _
from costready.invoicing.bank import BankDetails
from costready.invoicing.customers import Customer
from costready.invoicing.documents import Document, totals
from costready.invoicing.payments import PAYMENT_METHOD_LABELS, Payment
from costready.money import ZERO
from costready.organisation import Organisation
from costready.reports import fonts, styles
from costready.reports.invoice import addressee, bank_table, heading, long_day
from costready.reports.styles import PathOrFile, para


class EntryKind(StrEnum):
    """What moved the balance: an invoice and a refund add to it; a credit note and money
    received (against an invoice, or beyond what was owed and held as credit) reduce it."""

    INVOICE = "invoice"
    CREDIT_NOTE = "credit_note"
    PAYMENT = "payment"
    ON_ACCOUNT = "on_account"
    REFUND = "refund"


ENTRY_LABELS = {
    EntryKind.INVOICE: N_("Invoice {number}"),
    EntryKind.CREDIT_NOTE: N_("Credit note {number}"),
    EntryKind.PAYMENT: N_("Payment for {number}, thank you"),
    EntryKind.ON_ACCOUNT: N_("Payment beyond what was owed, held as your credit"),
    EntryKind.REFUND: N_("Your credit refunded"),
}
_ORDER = {kind: index for index, kind in enumerate(EntryKind)}


@dataclass(frozen=True)
class StatementEntry:
    """One row: `charged` adds to what the customer owes, `credited` takes from it."""

    day: date
    kind: EntryKind
    number: str
    details: str
    charged: Decimal = ZERO
    credited: Decimal = ZERO


def statement_entries(
    documents: Iterable[Document], payments: Iterable[Payment], refunds: Iterable[Payment] = ()
) -> list[StatementEntry]:
    """The customer's issued documents (each total from `invoicing.documents.totals`), the
    money received from them (`payments`: against an invoice, or with no invoice when it was
    more than was owed and became their credit) and their credit refunded, by date; on one day
    invoices first, then credit notes, payments and refunds.

    Credit set against a later invoice is not money received: it moved money already on the
    statement (a payment beyond the balance, or a credit note beyond it), so it is not listed
    again, and the closing balance is what the invoices still owe less the credit held."""
    documents = [document for document in documents if document.is_issued]
    numbers = {document.id: document.number or "" for document in documents}
    entries = []
    for document in documents:
        assert document.issue_date is not None
        gross = totals(document).gross
        if document.is_credit_note:
            kind, charged, credited = EntryKind.CREDIT_NOTE, ZERO, gross
        else:
            kind, charged, credited = EntryKind.INVOICE, gross, ZERO
        entries.append(
            StatementEntry(document.issue_date, kind, document.number or "", "", charged, credited)
        )
    for payment in payments:
        number = numbers.get(payment.invoice_id, "")
        kind = EntryKind.PAYMENT if payment.invoice_id is not None else EntryKind.ON_ACCOUNT
        entries.append(
            StatementEntry(payment.date, kind, number, _how(payment), credited=payment.amount)
        )
    for refund in refunds:
        entries.append(
            StatementEntry(refund.date, EntryKind.REFUND, "", _how(refund), charged=refund.amount)
        )
    return sorted(entries, key=lambda e: (e.day, _ORDER[e.kind], e.number))


def _how(payment: Payment) -> str:
    """Bank transfer NHS SBS 55120: the method and the reference."""
    return f"{_(PAYMENT_METHOD_LABELS[payment.method])} {payment.reference}".strip()


def running_balances(opening: Decimal, entries: Sequence[StatementEntry]) -> list[Decimal]:
    """The balance after each entry, starting from `opening`."""
    balances, balance = [], opening
    for entry in entries:
        balance += entry.charged - entry.credited
        balances.append(balance)
    return balances


@dataclass(frozen=True)
class StatementData:
    """A statement as of `statement_date`; `opening_balance` is what was owed before the first
    entry (when the statement starts at `period_start`)."""

    organisation: Organisation
    customer: Customer
    statement_date: date
    entries: tuple[StatementEntry, ...]
    opening_balance: Decimal = ZERO
    period_start: date | None = None
    bank: BankDetails = field(default_factory=BankDetails)

    @property
    def closing_balance(self) -> Decimal:
        return self.opening_balance + sum((e.charged - e.credited for e in self.entries), ZERO)


def write_statement(target: PathOrFile, data: StatementData) -> None:
    """Write the statement PDF: every entry with the running balance, what is owed (or the
    customer's credit) and how to pay."""
    organisation = fonts.clipped(data.organisation, "name")
    locale = organisation.locale
    facts = [(_("Statement date"), long_day(data.statement_date, locale))]
    if data.period_start is not None:
        facts.append((_("From"), long_day(data.period_start, locale)))
    story: list[Flowable] = [
        heading(organisation, _("Statement"), facts),
        Spacer(1, 5 * mm),
        addressee(_("Statement for"), data.customer),
        Spacer(1, 5 * mm),
        _entries_table(data, locale),
        Spacer(1, 4 * mm),
        para(_closing_text(data, locale), "h2"),
        *_how_to_pay(data),
    ]
    footer = _("{name} · Statement for {customer}").format(
        name=organisation.name, customer=data.customer.name
    )
    styles.build(target, story, title=_("Statement"), author=organisation.name, footer=footer)


def _entries_table(data: StatementData, locale: str) -> Flowable:
    width = styles.frame_width()
    fixed = [70.0, 72.0, 82.0, 76.0]
    widths = [fixed[0], width - sum(fixed), *fixed[1:]]
    rows: list[list[Flowable | str]] = [
        [_("Date"), _("Details"), _("Charged"), _("Paid or credited"), _("Balance")]
    ]
    if data.period_start is not None:
        rows.append(
            [
                styles.day(data.period_start, locale),
                _("Balance brought forward"),
                "",
                "",
                styles.money(data.opening_balance, locale),
            ]
        )
    balances = running_balances(data.opening_balance, data.entries)
    for entry, balance in zip(data.entries, balances, strict=True):
        details = _(ENTRY_LABELS[entry.kind]).format(number=entry.number or "—")
        if entry.details:
            details = f"{details} ({entry.details})"
        rows.append(
            [
                styles.day(entry.day, locale),
                styles.cell(details, widths[1]),
                styles.money(entry.charged, locale) if entry.charged else "",
                styles.money(entry.credited, locale) if entry.credited else "",
                styles.money(balance, locale),
            ]
        )
    if len(rows) == 1:
        rows.append(["", _("Nothing invoiced or paid yet."), "", "", ""])
    return styles.table(rows, widths, numeric_from=2)


def _closing_text(data: StatementData, locale: str) -> str:
    closing = data.closing_balance
    if closing < 0:
        return _("You are in credit by {amount}").format(amount=styles.money(-closing, locale))
    return _("Balance owed {amount}").format(amount=styles.money(closing, locale))


def _how_to_pay(data: StatementData) -> list[Flowable]:
    if data.closing_balance <= 0 or data.bank.is_empty:
        return []
    return [
        Spacer(1, 3 * mm),
        para(_("How to pay"), "h2"),
        para(_("Please quote the number of each invoice you pay as its reference."), "body"),
        bank_table(data.bank, _("the invoice number")),
    ]
