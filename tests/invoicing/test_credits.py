"""What is left to credit per invoice line, and credit notes' figures landing on the penny."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from costready.invoicing import credits
from costready.invoicing.documents import (
    Document,
    DocumentKind,
    FixedVat,
    Line,
    credit_note_for,
    fixed_figure_problems,
    issue,
    part_credit_lines,
    totals,
)
from costready.invoicing.payments import creditable, validate_credit_note_amount
from costready.rules_file import VatTreatment

DAY = date(2026, 10, 1)


def invoice_of(*lines: Line, vat_registered: bool = True) -> Document:
    draft = Document(DocumentKind.INVOICE, 1, lines, id=7)
    return issue(draft, "INV-0007", DAY, DAY, vat_registered)


def issued_note(invoice: Document, earlier: list[Document], lines: tuple[Line, ...]) -> Document:
    """A credit note as `app.invoices.issue_in` issues it: figures worked against `earlier`."""
    note = credits.with_figures(invoice, earlier, credit_note_for(invoice, lines))
    return issue(note, f"CN-{len(earlier) + 1}", DAY, DAY, invoice.vat_registered)


SUPPORT = Line("Support session", D("4"), "hour", D("25.25"), VatTreatment.STANDARD)
LUNCH = Line("Lunch", D("1"), "meal", D("7.49"), VatTreatment.EXEMPT)


def test_left_to_credit_takes_each_earlier_credit_off_its_line() -> None:
    invoice = invoice_of(SUPPORT, LUNCH)
    lines, problems = part_credit_lines(invoice, {0: D("1.5")})
    assert problems == [] and lines[0].credits_line == 0
    first = issued_note(invoice, [], lines)
    assert credits.left_to_credit(invoice, [first]) == (D("2.5"), D("1"))
    remaining = credits.remaining_lines(invoice, [first])
    assert [(line.quantity, line.credits_line) for line in remaining] == [(D("2.5"), 0), (1, 1)]


def test_more_than_is_left_on_a_line_is_refused_naming_it() -> None:
    invoice = invoice_of(LUNCH, SUPPORT)
    first = issued_note(invoice, [], part_credit_lines(invoice, {1: D("2.5")})[0])
    again = credit_note_for(invoice, (replace(SUPPORT, quantity=D("2"), credits_line=1),))
    (problem,) = credits.over_credit_problems(invoice, [first], again)
    assert problem.path == "lines"
    assert problem.message == "Line 2 (Support session): 1.5 hours left to credit, 2 asked"
    # the same line twice in one note counts twice
    twice = credit_note_for(invoice, (replace(SUPPORT, quantity=D("1"), credits_line=1),) * 2)
    assert len(credits.over_credit_problems(invoice, [first], twice)) == 1
    cheaper = credit_note_for(invoice, (replace(SUPPORT, unit_price=D("1"), credits_line=1),))
    assert "price and VAT invoiced" in credits.over_credit_problems(invoice, [], cheaper)[0].message


def test_credit_notes_saved_before_lines_were_recorded_are_matched_in_order() -> None:
    twin = replace(LUNCH, quantity=D("2"))
    invoice = invoice_of(twin, SUPPORT, twin)
    legacy = replace(
        credit_note_for(invoice),
        lines=(
            replace(twin, quantity=D("1")),  # the first lunch line
            replace(twin, quantity=D("2")),  # the second: the next one in order
            Line("Remainder of INV-0007", D("1"), "", D("3"), VatTreatment.EXEMPT),
        ),
    )
    assert credits.links(invoice, legacy) == (0, 2, None)
    assert credits.left_to_credit(invoice, [legacy]) == (D("1"), D("4"), D("0"))
    assert credits.has_adjustments(invoice, [legacy])


def test_the_last_credit_lands_on_the_penny() -> None:
    # 1.5 h then 2.5 h of 4 h at £25.25: £37.875 and £63.125 round up to £37.88 and £63.13,
    # a penny more than the line's £101.00; the VAT (20%) likewise
    invoice = invoice_of(SUPPORT)
    first = issued_note(invoice, [], part_credit_lines(invoice, {0: D("1.5")})[0])
    last = issued_note(invoice, [first], credits.remaining_lines(invoice, [first]))
    assert last.lines[0].net == D("63.12") and last.lines[0].fixed_net == D("63.12")
    assert totals(first).vat + totals(last).vat == totals(invoice).vat == D("20.20")
    assert totals(first).gross + totals(last).gross == totals(invoice).gross
    assert fixed_figure_problems(last) == []


def test_fixed_figures_more_than_a_penny_off_are_refused() -> None:
    invoice = invoice_of(SUPPORT)
    note = credit_note_for(invoice, (replace(SUPPORT, credits_line=0, fixed_net=D("100.98")),))
    assert [p.path for p in fixed_figure_problems(note)] == ["lines[0].net"]
    wrong = replace(credit_note_for(invoice), fixed_vat=(FixedVat("S", D("0.2"), D("20.22")),))
    assert [p.path for p in fixed_figure_problems(wrong)] == ["vat"]
    assert totals(wrong).vat == D("20.22")  # totals uses the figure carried
    assert fixed_figure_problems(replace(wrong, kind=DocumentKind.INVOICE))


TREATMENTS = st.sampled_from(
    [VatTreatment.STANDARD, VatTreatment.REDUCED, VatTreatment.ZERO, VatTreatment.EXEMPT]
)
LINES = st.lists(
    st.builds(
        lambda hundredths, pence, treatment: Line(
            "Item", D(hundredths).scaleb(-2), "unit", D(pence).scaleb(-2), treatment
        ),
        st.integers(1, 2_000),
        st.integers(1, 9_999),
        TREATMENTS,
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=150, deadline=None)
@given(LINES, st.booleans(), st.data())
def test_part_credits_never_exceed_the_invoice_and_the_rest_lands_on_zero(
    lines: list[Line], registered: bool, data: st.DataObject
) -> None:
    invoice = invoice_of(*lines, vat_registered=registered)
    issued: list[Document] = []
    for _step in range(data.draw(st.integers(0, 5))):
        left = credits.left_to_credit(invoice, issued)
        asked = {
            index: D(data.draw(st.integers(1, int(line.quantity * 100)))).scaleb(-2)
            for index, line in enumerate(invoice.lines)
            if data.draw(st.booleans())
        }
        chosen, problems = part_credit_lines(invoice, asked, left)
        assert bool(problems) == any(quantity > left[i] for i, quantity in asked.items())
        if problems or not chosen:
            continue
        note = credits.with_figures(invoice, issued, credit_note_for(invoice, chosen))
        assert credits.over_credit_problems(invoice, issued, note) == []
        assert fixed_figure_problems(note) == []
        so_far = sum((totals(n).gross for n in issued), D(0))
        room = creditable(totals(invoice).gross, so_far)
        assert validate_credit_note_amount(totals(note).gross, room) == []
        issued.append(issue(note, f"CN-{len(issued)}", DAY, DAY, registered))
    done = credits.credited_by_line(invoice, issued)
    assert all(d.quantity <= line.quantity for d, line in zip(done, invoice.lines, strict=True))
    rest = credits.remaining_lines(invoice, issued)
    if rest:
        issued.append(issued_note(invoice, issued, rest))
        assert fixed_figure_problems(issued[-1]) == []
    assert all(left == 0 for left in credits.left_to_credit(invoice, issued))
    assert credits.remaining_lines(invoice, issued) == ()
    credited = [totals(n) for n in issued]
    assert sum((t.gross for t in credited), D(0)) == totals(invoice).gross
    for index, line in enumerate(invoice.lines):
        assert credits.credited_by_line(invoice, issued)[index].net == line.net
    by_group: dict[tuple[str, D], tuple[D, D]] = {}
    for figures in credited:
        for group in figures.groups:
            taxable, vat = by_group.get((group.category, group.rate), (D(0), D(0)))
            by_group[(group.category, group.rate)] = (taxable + group.taxable, vat + group.vat)
    expected = {(g.category, g.rate): (g.taxable, g.vat) for g in totals(invoice).groups}
    assert by_group == expected


def test_a_figure_a_penny_off_the_plain_working_is_explained_on_the_note() -> None:
    # a trustee redoing 2.5 x £25.25 gets £63.13: the note says why it shows £63.12
    invoice = invoice_of(SUPPORT)
    first = issued_note(invoice, [], part_credit_lines(invoice, {0: D("1.5")})[0])
    assert credits.penny_notes(first) == []  # the first credit's figures are the plain ones
    last = issued_note(invoice, [first], credits.remaining_lines(invoice, [first]))
    notes = credits.penny_notes(last)
    assert notes[0] == "Line 1: net £63.12, where 2.5 × £25.25 would give £63.13."
    assert "add up to exactly what it charged" in notes[-1] and "INV-0007" in notes[-1]
    vat_notes = [n for n in notes if n.startswith("VAT at 20%")]
    figures = totals(last)
    plain = totals(replace(last, fixed_vat=()))
    assert bool(vat_notes) == (figures.vat != plain.vat)
    assert credits.penny_notes(invoice) == []  # an invoice's figures are always the plain ones
