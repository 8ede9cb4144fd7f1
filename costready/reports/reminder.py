"""Reminder letters for an overdue invoice (first, second, final), with optional statutory
interest and fixed compensation under the Late Payment of Commercial Debts (Interest) Act 1998
for a business or public-body customer, never for an individual."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from costready.i18n import N_, _
from costready.invoicing import late_payment
from costready.invoicing.aged_debt import days_overdue
from costready.reports import fonts, styles
from costready.reports.invoice import DocumentData, addressee, heading, long_day, payment_block
from costready.reports.styles import PathOrFile, para


class ReminderLevel(StrEnum):
    FIRST = "first"
    SECOND = "second"
    FINAL = "final"


REMINDER_TITLES = {
    ReminderLevel.FIRST: N_("Reminder: invoice {number} is overdue"),
    ReminderLevel.SECOND: N_("Second reminder: invoice {number} is overdue"),
    ReminderLevel.FINAL: N_("Final reminder: invoice {number} is overdue"),
}
REMINDER_ASKS = {
    ReminderLevel.FIRST: N_(
        "Our records show that this invoice was due on {due} and is not yet paid in full. "
        "It may simply have been missed: please pay the balance below, or let us know if "
        "there is a problem with the invoice."
    ),
    ReminderLevel.SECOND: N_(
        "We wrote to you about this invoice, which was due on {due}, and have not yet "
        "received the balance below. Please pay it within 14 days, or contact us if "
        "something is holding the payment up."
    ),
    ReminderLevel.FINAL: N_(
        "This invoice was due on {due} and, despite our reminders, the balance below is "
        "still unpaid. Please pay it within 7 days of this letter. If we do not hear from "
        "you, we may take further steps to recover the debt."
    ),
}


@dataclass(frozen=True)
class LatePaymentClaim:
    """The reference rate (a fraction: the Bank of England base rate on `rate_date`, the 30
    June or 31 December before the debt fell overdue) the statutory interest is worked on."""

    reference_rate: Decimal
    rate_date: date


@dataclass(frozen=True)
class ReminderData:
    """A reminder for one overdue invoice, dated `letter_date`; `claim` adds statutory
    interest and fixed compensation (ignored for an individual customer)."""

    invoice: DocumentData
    level: ReminderLevel
    letter_date: date
    claim: LatePaymentClaim | None = None


@dataclass(frozen=True)
class LateCharges:
    """What the Act adds: interest from the day after the due date to the letter's date, and
    the fixed sum for a debt of this size."""

    days: int
    yearly_rate: Decimal
    interest: Decimal
    compensation: Decimal

    @property
    def total(self) -> Decimal:
        return self.interest + self.compensation


def late_charges(data: ReminderData) -> LateCharges | None:
    """The statutory interest and compensation to claim, or None: no claim, an individual
    customer (never charged under the 1998 Act), no due date or nothing overdue."""
    invoice, claim = data.invoice, data.claim
    due = invoice.document.due_date
    if claim is None or due is None or not late_payment.applies_to(invoice.customer):
        return None
    debt = invoice.balance
    days = days_overdue(due, data.letter_date)
    if debt <= 0 or days <= 0:
        return None
    return LateCharges(
        days=days,
        yearly_rate=late_payment.statutory_rate(claim.reference_rate),
        interest=late_payment.interest(debt, due, data.letter_date, claim.reference_rate),
        compensation=late_payment.fixed_compensation(debt),
    )


def write_reminder(target: PathOrFile, data: ReminderData) -> None:
    """Write the reminder letter PDF. Raises ValueError for a document that is not an issued
    invoice."""
    invoice = data.invoice
    document = invoice.document
    if document.is_credit_note or not document.is_issued or document.issue_date is None:
        raise ValueError(_("A reminder is for an issued invoice"))
    organisation = fonts.clipped(invoice.organisation, "name")
    locale = organisation.locale
    title = _(REMINDER_TITLES[data.level]).format(number=document.number)
    due = long_day(document.due_date, locale) if document.due_date else "—"
    charges = late_charges(data)
    story: list[Flowable] = [
        heading(organisation, _("Payment reminder"), _facts(data, locale)),
        Spacer(1, 5 * mm),
        addressee(_("To"), invoice.customer),
        Spacer(1, 5 * mm),
        para(title, "h1"),
        para(_(REMINDER_ASKS[data.level]).format(due=due), "body"),
        Spacer(1, 2 * mm),
        _amounts(data, charges, locale),
        *_claim_notes(data, charges, locale),
        Spacer(1, 2 * mm),
        para(_("If you have already paid, thank you, and please ignore this letter."), "body"),
        *payment_block(invoice, None),
    ]
    footer = _("{name} · {title}").format(name=organisation.name, title=title)
    styles.build(target, story, title=title, author=organisation.name, footer=footer)


def _facts(data: ReminderData, locale: str) -> list[tuple[str, str]]:
    document = data.invoice.document
    assert document.issue_date is not None
    facts = [
        (_("Date"), long_day(data.letter_date, locale)),
        (_("Invoice number"), document.number or ""),
        (_("Invoice date"), long_day(document.issue_date, locale)),
    ]
    if document.due_date is not None:
        facts.append((_("Due date"), long_day(document.due_date, locale)))
        days = days_overdue(document.due_date, data.letter_date)
        if days > 0:
            facts.append((_("Days overdue"), str(days)))
    if document.purchase_order.strip():
        facts.append((_("Purchase order"), document.purchase_order.strip()))
    return facts


def _amounts(data: ReminderData, charges: LateCharges | None, locale: str) -> Flowable:
    invoice = data.invoice
    rows: list[list[Flowable | str]] = [[_("Amount"), ""]]
    rows.append([_("Invoice total"), styles.money(invoice.totals.gross, locale)])
    if invoice.paid > 0:
        rows.append([_("Paid"), styles.money(-invoice.paid, locale)])
    if invoice.credited > 0:
        rows.append([_("Credited"), styles.money(-invoice.credited, locale)])
    rows.append([_("Balance overdue"), styles.money(invoice.balance, locale)])
    due_now = invoice.balance
    total_rows = [len(rows) - 1]
    if charges is not None:
        rows.append(
            [
                _("Statutory interest: {rate} a year for {days} days").format(
                    rate=styles.percent(charges.yearly_rate, locale), days=charges.days
                ),
                styles.money(charges.interest, locale),
            ]
        )
        rows.append([_("Fixed compensation"), styles.money(charges.compensation, locale)])
        due_now += charges.total
        rows.append([_("Total now due"), styles.money(due_now, locale)])
        total_rows.append(len(rows) - 1)
    width = styles.frame_width()
    return styles.table(rows, [width - 110.0, 110.0], numeric_from=1, total_rows=total_rows)


def _claim_notes(data: ReminderData, charges: LateCharges | None, locale: str) -> list[Flowable]:
    """Which law the interest and compensation are claimed under, and the rate quoted."""
    if charges is None or data.claim is None:
        return []
    claim = data.claim
    text = _(
        "Under the Late Payment of Commercial Debts (Interest) Act 1998 we claim statutory "
        "interest at 8% over the reference rate, simple, from the day after the due date "
        "to the date of this letter, and fixed compensation for a debt of this size. The "
        "reference rate is the Bank of England base rate of {rate} on {date}."
    ).format(
        rate=styles.percent(claim.reference_rate, locale), date=long_day(claim.rate_date, locale)
    )
    interest_note = _("Interest continues at {daily} a day until the debt is paid.").format(
        daily=styles.money(
            late_payment.interest(
                data.invoice.balance, data.letter_date, _next(data), claim.reference_rate
            ),
            locale,
        )
    )
    return [Spacer(1, 2 * mm), para(text, "body"), para(interest_note, "small")]


def _next(data: ReminderData) -> date:
    return data.letter_date + timedelta(days=1)
