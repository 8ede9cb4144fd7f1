"""Invoices and credit notes: lines, totals by VAT group (the one source of every figure),
validation, issue and immutability."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any

from costready.i18n import N_, _
from costready.money import (
    PENNY,
    ZERO,
    NumberBound,
    TextBound,
    format_money,
    format_number,
    is_whole,
    line_net,
    vat_amount,
)
from costready.organisation import Organisation
from costready.problems import Problem
from costready.rules_file import VatTreatment, section_figure, vat_rate

from .customers import Customer

#: A line's description (what was supplied), as printed.
DESCRIPTION = TextBound(1_000)
#: A unit such as "hour", "session", "place-week".
UNIT = TextBound(50)
#: Purchase-order number, the customer's reference (Peppol BT-10/BT-13 allow more; councils
#: use short ones).
REFERENCE = TextBound(100)
#: Free notes printed on the document.
NOTES = TextBound(2_000)
#: A line's quantity: more than 0 (checked apart), up to a million units, in at most 4 places.
QUANTITY = NumberBound(
    Decimal("0"), Decimal("1000000"), 4, N_("from 0 to 1,000,000, in at most 4 decimal places")
)
#: A unit price: pounds and whole pence, not negative (a credit note's lines are positive too).
UNIT_PRICE = NumberBound(
    Decimal("0"),
    Decimal("1000000000"),
    2,
    N_("from £0 to £1,000,000,000, in pounds and pence"),
)


class DocumentKind(StrEnum):
    """An invoice, or a credit note that corrects one."""

    INVOICE = "invoice"
    CREDIT_NOTE = "credit_note"


DOCUMENT_KIND_LABELS = {
    DocumentKind.INVOICE: N_("Invoice"),
    DocumentKind.CREDIT_NOTE: N_("Credit note"),
}


class IssuedDocumentError(Exception):
    """An issued invoice or credit note cannot change: correct it with a credit note."""


#: EN 16931 VAT category codes (UNCL5305 subset, BR-CL-17/18) by treatment.
CATEGORY = {
    VatTreatment.STANDARD: "S",
    VatTreatment.REDUCED: "S",
    VatTreatment.ZERO: "Z",
    VatTreatment.EXEMPT: "E",
    VatTreatment.OUTSIDE_SCOPE: "O",
}
#: The order VAT groups are listed in (screen, PDF, UBL agree).
CATEGORY_ORDER = ("S", "Z", "E", "O")


@dataclass(frozen=True)
class Line:
    """One line: quantity (fractional allowed, more than 0) x unit price (whole pence, not
    negative), with its VAT treatment.

    `service_key` is the menu service's id when the line came from the menu (the price is copied,
    so later price changes never alter the line); `delivery_ids` the deliveries it bills.
    `vat_rate` is the rate (a fraction, 0.20) fixed on the line at issue, so an issued
    document's figures never change when the rules file does; None on a draft (the rules
    file's current rate is used).

    On a credit note, `credits_line` is the position (from 0) of the invoice line it credits
    (None: an adjustment tied to no line, or a line saved before this was recorded), and
    `fixed_net` the net that keeps the line's credits summing to the invoice line's own net
    (`invoicing.credits`): within a penny of quantity x unit price; None for that figure."""

    description: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    treatment: VatTreatment = VatTreatment.EXEMPT
    service_key: str | None = None
    delivery_ids: tuple[int, ...] = ()
    vat_rate: Decimal | None = None
    credits_line: int | None = None
    fixed_net: Decimal | None = None

    @property
    def net(self) -> Decimal:
        """Quantity x unit price, half-up to the penny (money.line_net); a credit note line's
        `fixed_net` when it has one."""
        if self.fixed_net is not None:
            return self.fixed_net
        return line_net(self.quantity, self.unit_price)


@dataclass(frozen=True)
class FixedVat:
    """A credit note's VAT for one (category, rate) group, carried on the document so its
    credits sum to the VAT the invoice charged (`invoicing.credits`): `totals` uses it instead of
    working the group's VAT out, and it is within a penny of that figure (`validate_draft`).
    `rate` is a fraction (0.20), as on the lines."""

    category: str
    rate: Decimal
    vat: Decimal


def line_rate(line: Line) -> Decimal:
    """The line's VAT rate as a fraction: fixed at issue, else the rules file's current one."""
    return line.vat_rate if line.vat_rate is not None else vat_rate(line.treatment)


@dataclass(frozen=True)
class Document:
    """An invoice or a credit note. `number` is None while a draft (allocated at issue).

    `tax_point` is the time of supply (see `default_tax_point`); `vat_registered` the seller's
    VAT status at the tax point, fixed at issue. A credit note names the invoice it corrects in
    `credits_id` / `credits_number`, and may carry `fixed_vat` for some of its VAT groups."""

    kind: DocumentKind
    customer_id: int | None
    lines: tuple[Line, ...] = ()
    number: str | None = None
    issue_date: date | None = None
    tax_point: date | None = None
    due_date: date | None = None
    period_start: date | None = None
    period_end: date | None = None
    purchase_order: str = ""
    customer_reference: str = ""
    notes: str = ""
    vat_registered: bool = False
    credits_id: int | None = None
    credits_number: str | None = None
    fixed_vat: tuple[FixedVat, ...] = ()
    id: int | None = None
    #: the stored version this value was read at (optimistic lock); not part of equality
    version: int | None = field(default=None, compare=False)

    @property
    def is_issued(self) -> bool:
        """True once issued (it has a number): it can never change again."""
        return self.number is not None

    @property
    def is_credit_note(self) -> bool:
        return self.kind is DocumentKind.CREDIT_NOTE


@dataclass(frozen=True)
class VatGroup:
    """One row of the VAT breakdown (EN 16931 BG-23): category "S", "Z", "E" or "O", the rate
    as a percentage (Decimal("20"); 0 for Z, E and O), the summed nets and their VAT."""

    category: str
    treatment: VatTreatment
    rate: Decimal
    taxable: Decimal
    vat: Decimal


@dataclass(frozen=True)
class Totals:
    """A document's figures: every screen, PDF, e-invoice, CSV and payment link reads these."""

    line_nets: tuple[Decimal, ...]
    groups: tuple[VatGroup, ...]
    net: Decimal
    vat: Decimal
    gross: Decimal


def totals(document: Document) -> Totals:
    """THE one place a document's figures come from.

    Each line's net is half-up to the penny; VAT is worked per (category, rate) group on the
    sum of that group's line nets, half-up (EN 16931 BR-CO-17); zero and exempt are groups of
    their own. When the seller is not VAT registered every line goes in one group "O" with no
    VAT (lines keep their own treatment). Net = sum of line nets, VAT = sum of group VAT,
    gross = net + VAT, exactly."""
    line_nets = tuple(line.net for line in document.lines)
    if document.vat_registered:
        groups = _vat_groups(document.lines, line_nets, _fixed_vat(document))
    elif document.lines:
        groups = (VatGroup("O", VatTreatment.OUTSIDE_SCOPE, ZERO, sum(line_nets, ZERO), ZERO),)
    else:
        groups = ()
    net = sum(line_nets, ZERO)
    vat = sum((group.vat for group in groups), ZERO)
    return Totals(line_nets, groups, net, vat, net + vat)


def _fixed_vat(document: Document) -> dict[tuple[str, Decimal], Decimal]:
    return {(fixed.category, fixed.rate): fixed.vat for fixed in document.fixed_vat}


def _vat_groups(
    lines: Sequence[Line],
    nets: Sequence[Decimal],
    fixed: Mapping[tuple[str, Decimal], Decimal] | None = None,
) -> tuple[VatGroup, ...]:
    """One group per (category, rate): nets summed first, VAT worked once on the sum (or the
    group's figure in `fixed`, a credit note's)."""
    fixed = fixed or {}
    sums: dict[tuple[str, Decimal], Decimal] = {}
    treatments: dict[tuple[str, Decimal], VatTreatment] = {}
    for line, net in zip(lines, nets, strict=True):
        category = CATEGORY[line.treatment]
        # Z, E and O carry no VAT whatever the rules file says; the rate is part of the key
        rate = line_rate(line) if category == "S" else ZERO
        key = (category, rate)
        sums[key] = sums.get(key, ZERO) + net
        treatments.setdefault(key, line.treatment)
    ordered = sorted(sums, key=lambda key: (CATEGORY_ORDER.index(key[0]), -key[1]))
    return tuple(
        VatGroup(
            category=category,
            treatment=treatments[(category, rate)],
            rate=percent(rate),
            taxable=sums[(category, rate)],
            vat=fixed.get((category, rate), vat_amount(sums[(category, rate)], rate)),
        )
        for category, rate in ordered
    )


def percent(rate: Decimal) -> Decimal:
    """A fraction as the percentage EN 16931 writes (0.20 -> 20, 0.05 -> 5, 0 -> 0); exact."""
    value = rate * 100
    return Decimal(int(value)) if is_whole(value) else value.normalize()


def default_tax_point(issue_date: date, period_end: date | None) -> date:
    """The time of supply of services (VAT Notice 700 s.14; VATA 1994 s.6).

    The basic tax point of a service is when it is performed (the period's end). An invoice
    issued before that, or within 14 days after it, makes the issue date the tax point
    (s.6(4), s.6(5)); an invoice issued later leaves the basic tax point (the period's end).
    We follow the basic tax point rule for single supplies of services; continuous supplies
    (s.6(14), reg 90) are not modelled: a period's invoice issued on time gets its issue date."""
    if period_end is None or period_end >= issue_date:
        return issue_date
    if issue_date - period_end <= timedelta(days=invoice_days_rule()):
        return issue_date
    return period_end


def invoice_days_rule() -> int:
    """Days after the basic tax point within which an invoice moves the tax point to its own
    date (VATA 1994 s.6(5); rules file `[vat_tax_point.invoice_within_days]`)."""
    return int(section_figure("vat_tax_point", "invoice_within_days").value)


def validate_draft(document: Document) -> list[Problem]:
    """Problems a draft can be saved with none of: each line's text and numbers, text lengths,
    dates in order, credit-note reference. Paths such as `lines[2].quantity`."""
    problems: list[Problem] = []
    for index, line in enumerate(document.lines):
        problems += line_problems(line, f"lines[{index}]")
    texts = (
        ("purchase_order", document.purchase_order, REFERENCE, _("Purchase order")),
        ("customer_reference", document.customer_reference, REFERENCE, _("Customer reference")),
        ("notes", document.notes, NOTES, _("Notes")),
    )
    for path, value, bound, label in texts:
        refusal = bound.refusal(value, label)
        if refusal is not None:
            problems.append(Problem(path, refusal))
    problems += _date_problems(document)
    if document.is_credit_note and document.credits_id is None and not document.credits_number:
        problems.append(Problem("credits_number", _("Credit note: choose the invoice it corrects")))
    if not document.is_credit_note and (document.credits_id or document.credits_number):
        problems.append(
            Problem("credits_number", _("Only a credit note refers to an invoice it corrects"))
        )
    return problems + fixed_figure_problems(document)


def fixed_figure_problems(document: Document) -> list[Problem]:
    """A credit note's fixed figures (`Line.fixed_net`, `Document.fixed_vat`) are each within a
    penny of the figure worked out, for a VAT group the document has; an invoice has none."""
    problems = []
    for index, line in enumerate(document.lines):
        if line.fixed_net is None:
            continue
        worked = line_net(line.quantity, line.unit_price)
        if not document.is_credit_note or abs(line.fixed_net - worked) > PENNY:
            problems.append(
                Problem(
                    f"lines[{index}].net",
                    _("Line {n} ({description}): its net {net} should be {worked}").format(
                        n=index + 1,
                        description=line.description,
                        net=format_money(line.fixed_net),
                        worked=format_money(worked),
                    ),
                )
            )
    if not document.fixed_vat:
        return problems
    plain = totals(dataclasses.replace(document, fixed_vat=()))
    worked_vat = {(group.category, group.rate): group.vat for group in plain.groups}
    for fixed in document.fixed_vat:
        group_vat = worked_vat.get((fixed.category, percent(fixed.rate)))
        if not document.is_credit_note or group_vat is None or abs(fixed.vat - group_vat) > PENNY:
            problems.append(
                Problem(
                    "vat",
                    _("VAT at {rate}%: {vat} is not within a penny of the VAT worked out").format(
                        rate=format_number(percent(fixed.rate)), vat=format_money(fixed.vat)
                    ),
                )
            )
    return problems


def line_problems(line: Line, path: str) -> list[Problem]:
    """Problems with one line: a description, quantity more than 0, unit price in pounds and
    whole pence and not negative, text lengths."""
    problems = []
    if not line.description.strip():
        problems.append(Problem(f"{path}.description", _("Description: say what was supplied")))
    for name, value, bound, label in (
        ("description", line.description, DESCRIPTION, _("Description")),
        ("unit", line.unit, UNIT, _("Unit")),
    ):
        refusal = bound.refusal(value, label)
        if refusal is not None:
            problems.append(Problem(f"{path}.{name}", refusal))
    quantity = QUANTITY.refusal(line.quantity, _("Quantity"))
    if quantity is None and line.quantity <= 0:
        quantity = _("Quantity: must be more than 0")
    if quantity is not None:
        problems.append(Problem(f"{path}.quantity", quantity))
    price = UNIT_PRICE.refusal(line.unit_price, _("Unit price"))
    if price is not None:
        problems.append(Problem(f"{path}.unit_price", price))
    return problems


def _date_problems(document: Document) -> list[Problem]:
    problems = []
    start, end = document.period_start, document.period_end
    if (start is None) != (end is None):
        missing = "period_end" if end is None else "period_start"
        problems.append(
            Problem(missing, _("Service period: give both the first and the last day, or neither"))
        )
    elif start is not None and end is not None and start > end:
        problems.append(
            Problem("period_end", _("Service period: the last day is before the first day"))
        )
    issued, due = document.issue_date, document.due_date
    if issued is not None and due is not None and due < issued:
        problems.append(Problem("due_date", _("Due date: must be on or after the issue date")))
    return problems


def validate_document(document: Document, customer: Customer) -> list[Problem]:
    """Every problem that stops `document` being issued to `customer`: the draft's problems, at
    least one line, outside-the-scope lines mixed with other categories (EN 16931 BR-O-11/12),
    a purchase-order number when the customer requires one, issue and due dates given and in
    order, a credit note naming its invoice."""
    problems = validate_draft(document)
    if document.is_issued:
        problems.append(Problem("number", _("This document is already issued")))
    if not document.lines:
        problems.append(Problem("lines", _("Lines: add at least one line before issuing")))
    problems += mixed_scope_problems(document)
    if customer.po_required and not document.is_credit_note and not document.purchase_order.strip():
        problems.append(
            Problem(
                "purchase_order",
                _("Purchase order: {customer} requires a purchase-order number").format(
                    customer=customer.name
                ),
            )
        )
    return problems


def mixed_scope_problems(document: Document) -> list[Problem]:
    """Outside-the-scope lines may not share a document with other VAT categories when the
    seller is VAT registered (EN 16931 BR-O-11/12). Unregistered, every line is category O."""
    if not document.vat_registered or len(split_outside_scope(document.lines)) < 2:
        return []
    return [
        Problem(
            "lines",
            _(
                "Lines: outside-the-scope lines cannot share an invoice with other VAT "
                "categories (EN 16931 rules BR-O-11 and BR-O-12); put them on an invoice "
                "of their own"
            ),
        )
    ]


def split_outside_scope(lines: Iterable[Line]) -> list[tuple[Line, ...]]:
    """The lines as the invoices they must go on: the others together, the outside-the-scope
    ones on their own (EN 16931 BR-O-11/12); empty groups left out, order kept."""
    lines = tuple(lines)
    outside = VatTreatment.OUTSIDE_SCOPE
    groups = (
        tuple(line for line in lines if line.treatment is not outside),
        tuple(line for line in lines if line.treatment is outside),
    )
    return [group for group in groups if group]


def issue(
    draft: Document,
    number: str,
    issue_date: date,
    due_date: date,
    vat_registered: bool,
    tax_point: date | None = None,
) -> Document:
    """The issued value of `draft`: numbered, dated, the seller's VAT status and each line's VAT
    rate fixed. `tax_point` defaults to `default_tax_point`. Raises IssuedDocumentError when
    `draft` is already issued. (The caller validates first: `validate_document`.)"""
    _refuse_issued(draft)
    point = tax_point or default_tax_point(issue_date, draft.period_end)
    lines = tuple(dataclasses.replace(line, vat_rate=line_rate(line)) for line in draft.lines)
    return dataclasses.replace(
        draft,
        lines=lines,
        number=number,
        issue_date=issue_date,
        due_date=due_date,
        tax_point=point,
        vat_registered=vat_registered,
    )


def _refuse_issued(document: Document) -> None:
    if document.is_issued:
        raise IssuedDocumentError(
            _("{number} is issued and cannot change: correct it with a credit note").format(
                number=document.number
            )
        )


def edit(document: Document, **changes: Any) -> Document:
    """A draft with `changes` (dataclass fields); IssuedDocumentError for an issued document."""
    _refuse_issued(document)
    return dataclasses.replace(document, **changes)


def credit_note_for(invoice: Document, lines: Sequence[Line] | None = None) -> Document:
    """A draft credit note for an issued `invoice`: its lines (the whole invoice) or `lines`
    (part of it), same customer, references and VAT status, naming the invoice."""
    if not invoice.is_issued or invoice.is_credit_note:
        raise ValueError("a credit note corrects an issued invoice")
    if lines is None:
        chosen = tuple(
            dataclasses.replace(line, credits_line=index)
            for index, line in enumerate(invoice.lines)
        )
    else:
        chosen = tuple(lines)
    return Document(
        kind=DocumentKind.CREDIT_NOTE,
        customer_id=invoice.customer_id,
        # the invoice's rates travel with its lines: a credit reverses the VAT it charged
        lines=tuple(dataclasses.replace(line, delivery_ids=()) for line in chosen),
        period_start=invoice.period_start,
        period_end=invoice.period_end,
        purchase_order=invoice.purchase_order,
        customer_reference=invoice.customer_reference,
        vat_registered=invoice.vat_registered,
        credits_id=invoice.id,
        credits_number=invoice.number,
    )


def copied_lines(
    lines: Sequence[Line], menu: Mapping[str, tuple[Decimal, VatTreatment]]
) -> tuple[Line, ...]:
    """An invoice's lines for a new draft: a line from the menu at the price and VAT treatment
    in force now (`menu`: service key -> (price, treatment)), or as it was when the service is
    no longer listed; a typed line as it was. Nothing that belonged to the old document comes
    with them: no deliveries, no VAT rate fixed at its issue, no credit links."""
    copied = []
    for line in lines:
        price, treatment = menu.get(line.service_key or "", (line.unit_price, line.treatment))
        copied.append(
            Line(
                line.description,
                line.quantity,
                line.unit,
                price,
                treatment,
                service_key=line.service_key,
            )
        )
    return tuple(copied)


def part_credit_lines(
    invoice: Document,
    quantities: Mapping[int, Decimal],
    left: Sequence[Decimal] | None = None,
) -> tuple[tuple[Line, ...], list[Problem]]:
    """The lines a part credit note carries: the invoice's line at each index in `quantities`,
    at the quantity given (fractional allowed, more than 0, at most what is `left` to credit on
    that line: `invoicing.credits.left_to_credit`; the line's own quantity when not given), each
    naming the line it credits, and the problems with those quantities (paths
    `lines[i].quantity`, i the invoice's line).

    What is left to credit on the invoice as a whole is checked at issue (`payments`)."""
    chosen: list[Line] = []
    problems: list[Problem] = []
    for index, quantity in sorted(quantities.items()):
        line = invoice.lines[index]
        label = _("Quantity to credit ({description})").format(description=line.description)
        refusal = QUANTITY.refusal(quantity, label)
        if refusal is None and quantity <= 0:
            refusal = _("{label}: must be more than 0").format(label=label)
        most = line.quantity if left is None else left[index]
        if refusal is None and quantity > most:
            refusal = more_than_left(index, line, most, quantity)
        if refusal is not None:
            problems.append(Problem(f"lines[{index}].quantity", refusal))
        else:
            chosen.append(dataclasses.replace(line, quantity=quantity, credits_line=index))
    return tuple(chosen), problems


def more_than_left(index: int, line: Line, left: Decimal, asked: Decimal) -> str:
    """ "Line 2 (Support session): 1.5 hours left to credit, 2 asked"."""
    return _("Line {n} ({description}): {left} left to credit, {asked} asked").format(
        n=index + 1,
        description=line.description,
        left=quantity_in_units(left, line.unit),
        asked=format_number(asked),
    )


def quantity_in_units(quantity: Decimal, unit: str) -> str:
    """ "1.5 hours", "1 session", "3 place-weeks": the organisation's own unit (English, as it
    typed it), made plural with an "s" unless the quantity is 1 or it already ends in one."""
    number = format_number(quantity)
    if not unit.strip():
        return number
    plural = quantity != 1 and not unit.endswith("s")
    return f"{number} {unit}s" if plural else f"{number} {unit}"


def vat_registered_at(organisation: Organisation, tax_point: date) -> bool:
    """The seller's VAT status at a document's tax point: registered, and from a date on or
    before it when the profile gives the registration's effective date."""
    if not organisation.vat_registered:
        return False
    start = organisation.vat_registered_from
    return start is None or start <= tax_point


def due_date_for(issue_date: date, terms_days: int) -> date:
    """The due date: `terms_days` after the issue date."""
    return issue_date + timedelta(days=terms_days)
