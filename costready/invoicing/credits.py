"""What is left to credit on each line of an invoice, and a credit note's figures worked so its
credits add up to the invoice's own figures to the penny."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from costready.i18n import _, ngettext
from costready.money import (
    PENNY,
    ZERO,
    format_money,
    format_number,
    format_quantity,
    line_net,
    vat_amount,
)
from costready.problems import Problem

from .documents import Document, FixedVat, Line, more_than_left, totals


@dataclass(frozen=True)
class Credited:
    """What earlier credit notes took from one invoice line: its quantity and their nets."""

    quantity: Decimal = ZERO
    net: Decimal = ZERO


def links(invoice: Document, note: Document) -> tuple[int | None, ...]:
    """For each line of `note`, the position of the invoice line it credits.

    Recorded (`Line.credits_line`) since revision 0011; for a line saved before then, inferred:
    the next invoice line, in order, for the same item (description, unit, unit price, VAT
    treatment, service), as whole and part credit notes have always listed them. None for a line
    that matches none (an adjustment, such as "Remainder of INV-0001"): it counts against the
    invoice's total only."""
    found: list[int | None] = []
    start = 0
    for line in note.lines:
        if line.credits_line is not None:
            known = 0 <= line.credits_line < len(invoice.lines)
            found.append(line.credits_line if known else None)
            continue
        match = next(
            (i for i in range(start, len(invoice.lines)) if _same_item(invoice.lines[i], line)),
            None,
        )
        found.append(match)
        if match is not None:
            start = match + 1
    return tuple(found)


def _same_item(invoiced: Line, credited: Line) -> bool:
    return (
        invoiced.description,
        invoiced.unit,
        invoiced.unit_price,
        invoiced.treatment,
        invoiced.service_key,
    ) == (
        credited.description,
        credited.unit,
        credited.unit_price,
        credited.treatment,
        credited.service_key,
    )


def credited_by_line(invoice: Document, notes: Sequence[Document]) -> tuple[Credited, ...]:
    """Per invoice line, the quantity and net the issued credit notes `notes` took from it."""
    quantities = [ZERO] * len(invoice.lines)
    nets = [ZERO] * len(invoice.lines)
    for note in notes:
        for line, link in zip(note.lines, links(invoice, note), strict=True):
            if link is not None:
                quantities[link] += line.quantity
                nets[link] += line.net
    return tuple(Credited(q, n) for q, n in zip(quantities, nets, strict=True))


def left_to_credit(invoice: Document, notes: Sequence[Document]) -> tuple[Decimal, ...]:
    """Per invoice line, the quantity left to credit: its quantity less what `notes` credited
    of it, never below 0."""
    return tuple(
        max(ZERO, line.quantity - done.quantity)
        for line, done in zip(invoice.lines, credited_by_line(invoice, notes), strict=True)
    )


def has_adjustments(invoice: Document, notes: Sequence[Document]) -> bool:
    """True when some credit in `notes` is tied to no invoice line (it counts against the total
    only, so what is left line by line overstates what is left to credit)."""
    return any(link is None for note in notes for link in links(invoice, note))


def remaining_lines(invoice: Document, notes: Sequence[Document]) -> tuple[Line, ...]:
    """A credit of everything left: each invoice line with something left, at what is left."""
    return tuple(
        dataclasses.replace(line, quantity=left, credits_line=index, delivery_ids=())
        for index, (line, left) in enumerate(
            zip(invoice.lines, left_to_credit(invoice, notes), strict=True)
        )
        if left > 0
    )


def over_credit_problems(
    invoice: Document, notes: Sequence[Document], note: Document
) -> list[Problem]:
    """A credit note may take from each invoice line at most what is left on it (after the
    issued `notes`), at the line's own price and VAT treatment. Path "lines"."""
    left = left_to_credit(invoice, notes)
    asked: dict[int, Decimal] = {}
    problems = []
    for position, (line, link) in enumerate(zip(note.lines, links(invoice, note), strict=True)):
        if link is None:
            if line.credits_line is not None:
                problems.append(
                    Problem(
                        "lines",
                        _("Line {n}: {number} has no such line to credit").format(
                            n=position + 1, number=invoice.number
                        ),
                    )
                )
            continue
        source = invoice.lines[link]
        if (line.unit_price, line.treatment) != (source.unit_price, source.treatment):
            problems.append(
                Problem(
                    "lines",
                    _("Line {n} ({description}): credit it at the price and VAT invoiced").format(
                        n=link + 1, description=source.description
                    ),
                )
            )
        asked[link] = asked.get(link, ZERO) + line.quantity
    for index, quantity in sorted(asked.items()):
        if quantity > left[index]:
            problems.append(
                Problem("lines", more_than_left(index, invoice.lines[index], left[index], quantity))
            )
    return problems


def with_figures(invoice: Document, notes: Sequence[Document], note: Document) -> Document:
    """`note` with each line naming the invoice line it credits and its figures worked
    cumulatively, so every penny rounded away by one credit comes back with the next.

    A line's net is the invoice line's net for the quantity credited so far including it, less
    the nets credited before; a VAT group's VAT is the VAT on the group's nets credited so far
    including this note, less the VAT credited before (half-up, as `totals`). So a note that
    takes everything left comes to exactly what is left: the invoice's own line nets and group
    VAT, less what earlier notes credited. A figure that would differ from the plain one by
    more than a penny (credits rounded another way before this was kept) stays plain."""
    so_far = list(credited_by_line(invoice, notes))
    lines = []
    for line, link in zip(note.lines, links(invoice, note), strict=True):
        plain = dataclasses.replace(line, fixed_net=None, credits_line=link)
        if link is None:
            lines.append(plain)
            continue
        source, done = invoice.lines[link], so_far[link]
        quantity = done.quantity + line.quantity
        net = plain.net
        if quantity <= source.quantity and line.unit_price == source.unit_price:
            net = _within_a_penny(line_net(quantity, source.unit_price) - done.net, plain.net)
        so_far[link] = Credited(quantity, done.net + net)
        lines.append(dataclasses.replace(plain, fixed_net=None if net == plain.net else net))
    draft = dataclasses.replace(note, lines=tuple(lines), fixed_vat=())
    if not draft.vat_registered:
        return draft
    return dataclasses.replace(draft, fixed_vat=_group_vat(draft, notes))


def _group_vat(draft: Document, notes: Sequence[Document]) -> tuple[FixedVat, ...]:
    before: dict[tuple[str, Decimal], tuple[Decimal, Decimal]] = {}
    for earlier in notes:
        for group in totals(earlier).groups:
            taxable, vat = before.get((group.category, group.rate), (ZERO, ZERO))
            before[(group.category, group.rate)] = (taxable + group.taxable, vat + group.vat)
    fixed = []
    for group in totals(draft).groups:
        if group.category != "S":
            continue
        rate = group.rate / 100
        taxable, vat = before.get((group.category, group.rate), (ZERO, ZERO))
        figure = _within_a_penny(vat_amount(taxable + group.taxable, rate) - vat, group.vat)
        if figure != group.vat:
            fixed.append(FixedVat(group.category, rate, figure))
    return tuple(fixed)


def _within_a_penny(cumulative: Decimal, plain: Decimal) -> Decimal:
    return cumulative if abs(cumulative - plain) <= PENNY else plain


def penny_notes(document: Document, locale: str = "en_GB") -> list[str]:
    """Why a credit note's figure is a penny off the one a reader would work out, in words the
    document prints beside it: each line net and VAT figure kept by `with_figures` that differs
    from quantity x price or from the group's net x rate, then the reason. None for a document
    whose figures are all the plain ones (every invoice, most credit notes).

    A trustee must be able to redo every figure by hand: these say which figure, what the plain
    working gives, and why it was not used."""
    if not document.is_credit_note:
        return []
    notes = []
    for index, line in enumerate(document.lines):
        worked = line_net(line.quantity, line.unit_price)
        if line.fixed_net is not None and line.fixed_net != worked:
            notes.append(
                _("Line {n}: net {net}, where {quantity} × {price} would give {worked}.").format(
                    n=index + 1,
                    net=format_money(line.fixed_net, locale),
                    quantity=format_quantity(line.quantity, locale),
                    price=format_money(line.unit_price, locale),
                    worked=format_money(worked, locale),
                )
            )
    plain = {
        (g.category, g.rate): g.vat
        for g in totals(dataclasses.replace(document, fixed_vat=())).groups
    }
    for group in totals(document).groups:
        worked = plain.get((group.category, group.rate), group.vat)
        if group.vat != worked:
            notes.append(
                _("VAT at {rate}%: {vat}, where {net} × {rate}% would give {worked}.").format(
                    rate=format_number(group.rate, locale),
                    vat=format_money(group.vat, locale),
                    net=format_money(group.taxable, locale),
                    worked=format_money(worked, locale),
                )
            )
    if not notes:
        return []
    reason = ngettext(
        "It differs by a penny so that the credit notes for {number} add up to exactly what it "
        "charged (the pennies one credit rounded away come back with the next).",
        "Each differs by a penny so that the credit notes for {number} add up to exactly what "
        "it charged (the pennies one credit rounded away come back with the next).",
        len(notes),
    ).format(number=document.credits_number or _("the invoice"))
    return [*notes, reason]
