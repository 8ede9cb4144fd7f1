"""Validation, issue, immutability, credit notes and the tax point."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from costready.invoicing.customers import Customer, CustomerKind
from costready.invoicing.documents import (
    Document,
    DocumentKind,
    IssuedDocumentError,
    Line,
    credit_note_for,
    default_tax_point,
    due_date_for,
    edit,
    issue,
    part_credit_lines,
    split_outside_scope,
    totals,
    validate_document,
    validate_draft,
    vat_registered_at,
)
from costready.organisation import Organisation
from costready.rules_file import VatTreatment

D = Decimal
COUNCIL = Customer("Anytown Council", CustomerKind.LOCAL_AUTHORITY, po_required=True, id=1)


def line(treatment: VatTreatment = VatTreatment.EXEMPT, **changes: object) -> Line:
    base = Line("Support", D("2"), "hour", D("20.00"), treatment)
    return replace(base, **changes)  # type: ignore[arg-type]


def draft(*lines: Line, **changes: object) -> Document:
    base = Document(
        DocumentKind.INVOICE,
        1,
        lines or (line(),),
        purchase_order="PO-1",
        vat_registered=True,
        issue_date=date(2026, 10, 31),
        due_date=date(2026, 11, 30),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def paths(problems: list) -> list[str]:
    return [problem.path for problem in problems]


def test_a_good_draft_has_no_problems() -> None:
    assert validate_document(draft(), COUNCIL) == []


def test_issue_needs_a_line() -> None:
    assert "lines" in paths(validate_document(draft(lines=()), COUNCIL))


def test_outside_scope_mixed_with_others_is_refused_naming_the_rule() -> None:
    mixed = draft(line(), line(VatTreatment.OUTSIDE_SCOPE))
    problems = [p for p in validate_document(mixed, COUNCIL) if p.path == "lines"]
    assert len(problems) == 1
    assert "BR-O-11" in problems[0].message
    # unregistered, every line is category O: no mix
    assert validate_document(replace(mixed, vat_registered=False), COUNCIL) == []


def test_a_required_purchase_order_is_named() -> None:
    problems = validate_document(draft(purchase_order=" "), COUNCIL)
    assert paths(problems) == ["purchase_order"]
    assert "Anytown Council" in problems[0].message
    other = replace(COUNCIL, po_required=False)
    assert validate_document(draft(purchase_order=""), other) == []


def test_line_problems_name_the_line_and_field() -> None:
    bad = draft(
        line(quantity=D("0")),
        line(unit_price=D("1.005")),
        line(description=" "),
        line(quantity=D("-1")),
        line(unit_price=D("-1")),
    )
    assert paths(validate_draft(bad)) == [
        "lines[0].quantity",
        "lines[1].unit_price",
        "lines[2].description",
        "lines[3].quantity",
        "lines[4].unit_price",
    ]


def test_fractional_quantities_are_allowed() -> None:
    assert validate_draft(draft(line(quantity=D("1.5")))) == []


def test_dates_in_order() -> None:
    assert paths(validate_draft(draft(due_date=date(2026, 10, 1)))) == ["due_date"]
    assert paths(
        validate_draft(draft(period_start=date(2026, 10, 31), period_end=date(2026, 10, 1)))
    ) == ["period_end"]
    assert paths(validate_draft(draft(period_start=date(2026, 10, 1)))) == ["period_end"]


def test_a_credit_note_names_its_invoice() -> None:
    note = draft(kind=DocumentKind.CREDIT_NOTE)
    assert paths(validate_draft(note)) == ["credits_number"]
    assert validate_draft(replace(note, credits_id=7, credits_number="INV-0007")) == []
    assert paths(validate_draft(draft(credits_number="INV-0001"))) == ["credits_number"]


def test_issue_fixes_number_dates_status_and_rates() -> None:
    issued = issue(
        draft(line(VatTreatment.STANDARD)), "INV-0001", date(2026, 11, 2), date(2026, 12, 2), True
    )
    assert issued.is_issued and issued.number == "INV-0001"
    assert issued.issue_date == date(2026, 11, 2) and issued.tax_point == date(2026, 11, 2)
    assert issued.lines[0].vat_rate == D("0.20")
    assert totals(issued).vat == D("8.00")


def test_an_issued_document_cannot_change() -> None:
    issued = issue(draft(), "INV-0001", date(2026, 11, 2), date(2026, 12, 2), False)
    with pytest.raises(IssuedDocumentError):
        edit(issued, notes="changed")
    with pytest.raises(IssuedDocumentError):
        issue(issued, "INV-0002", date(2026, 11, 2), date(2026, 12, 2), False)
    assert "number" in paths(validate_document(issued, COUNCIL))
    assert edit(draft(), notes="fine").notes == "fine"


def test_the_basic_tax_point_rule_for_services() -> None:
    # no period, or invoiced before the work ends: the issue date
    assert default_tax_point(date(2026, 11, 2), None) == date(2026, 11, 2)
    assert default_tax_point(date(2026, 10, 15), date(2026, 10, 31)) == date(2026, 10, 15)
    # invoiced within 14 days after the work: the issue date (VATA 1994 s.6(5))
    assert default_tax_point(date(2026, 11, 14), date(2026, 10, 31)) == date(2026, 11, 14)
    # later than that: the day the service was performed
    assert default_tax_point(date(2026, 11, 15), date(2026, 10, 31)) == date(2026, 10, 31)


def test_issue_takes_the_period_into_the_tax_point() -> None:
    late = draft(period_start=date(2026, 10, 1), period_end=date(2026, 10, 31))
    issued = issue(late, "INV-0003", date(2026, 12, 1), date(2026, 12, 31), True)
    assert issued.tax_point == date(2026, 10, 31)


def test_vat_status_follows_the_tax_point() -> None:
    org = Organisation("Org", vat_registered=True, vat_registered_from=date(2026, 11, 1))
    assert not vat_registered_at(org, date(2026, 10, 31))
    assert vat_registered_at(org, date(2026, 11, 1))
    assert not vat_registered_at(replace(org, vat_registered=False), date(2027, 1, 1))
    assert vat_registered_at(replace(org, vat_registered_from=None), date(2000, 1, 1))


def test_a_credit_note_copies_the_invoice() -> None:
    invoice = replace(
        issue(
            draft(line(VatTreatment.STANDARD, delivery_ids=(3,))),
            "INV-0009",
            date(2026, 11, 2),
            date(2026, 12, 2),
            True,
        ),
        id=9,
    )
    note = credit_note_for(invoice)
    assert note.kind is DocumentKind.CREDIT_NOTE and not note.is_issued
    assert (note.credits_id, note.credits_number) == (9, "INV-0009")
    assert totals(note).gross == totals(invoice).gross
    assert note.lines[0].delivery_ids == ()
    part = credit_note_for(invoice, [replace(invoice.lines[0], quantity=D("1"))])
    assert totals(part).gross == D("24.00")
    with pytest.raises(ValueError):
        credit_note_for(draft())


def test_part_credit_lines_take_a_quantity_up_to_the_line_s_own() -> None:
    invoice = draft(line(quantity=D("4")), line(description="Lunch", quantity=D("1")))
    lines, problems = part_credit_lines(invoice, {0: D("1.5")})
    assert problems == [] and [(x.description, x.quantity) for x in lines] == [
        ("Support", D("1.5"))
    ]
    assert totals(draft(*lines)).gross == D("30.00")  # 1.5 of 4 hours at £20
    lines, problems = part_credit_lines(
        invoice,
        {
            0: D("4.5"),
            1: D("0"),
        },
    )
    assert lines == ()
    assert [p.path for p in problems] == ["lines[0].quantity", "lines[1].quantity"]
    assert problems[0].message == "Line 1 (Support): 4 hours left to credit, 4.5 asked"
    assert problems[1].message.startswith("Quantity to credit (Lunch)")
    assert "more than 0" in problems[1].message
    # after earlier credits, at most what is left on the line
    lines, problems = part_credit_lines(invoice, {0: D("2.5"), 1: D("1")}, (D("2.5"), D("0.5")))
    assert [x.credits_line for x in lines] == [0]
    assert [p.message for p in problems] == ["Line 2 (Lunch): 0.5 hours left to credit, 1 asked"]
    _, problems = part_credit_lines(invoice, {0: D("1.00001")})
    assert "4 decimal places" in problems[0].message


def test_split_outside_scope_keeps_order() -> None:
    a, b, c = (
        line(),
        line(VatTreatment.OUTSIDE_SCOPE, description="Grant"),
        line(VatTreatment.STANDARD),
    )
    assert split_outside_scope([a, b, c]) == [(a, c), (b,)]
    assert split_outside_scope([a]) == [(a,)]
    assert split_outside_scope([]) == []


def test_due_date_for_terms() -> None:
    assert due_date_for(date(2026, 10, 31), 30) == date(2026, 11, 30)
