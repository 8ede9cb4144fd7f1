"""Document totals worked by hand: line nets half-up, VAT per (category, rate) group."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from costready.invoicing.documents import Document, DocumentKind, Line, percent, totals
from costready.rules_file import VatTreatment

D = Decimal
S, R, Z, E, OUT = (
    VatTreatment.STANDARD,
    VatTreatment.REDUCED,
    VatTreatment.ZERO,
    VatTreatment.EXEMPT,
    VatTreatment.OUTSIDE_SCOPE,
)


def line(quantity: str, price: str, treatment: VatTreatment = E) -> Line:
    return Line("Support", D(quantity), "hour", D(price), treatment)


def invoice(*lines: Line, registered: bool = True) -> Document:
    return Document(DocumentKind.INVOICE, 1, tuple(lines), vat_registered=registered)


def test_a_half_penny_line_rounds_up() -> None:
    # 0.5 x £0.01 = £0.005 -> £0.01 (half-up, not banker's rounding to £0.00)
    assert line("0.5", "0.01").net == D("0.01")
    # 1.5 hours at £17.35 = £26.025 -> £26.03
    assert line("1.5", "17.35").net == D("26.03")


def test_mixed_groups_by_hand() -> None:
    doc = invoice(
        line("1.5", "17.35", S),  # 26.03
        line("3", "10.01", S),  # 30.03  -> S 20%: 56.06, VAT 11.212 -> 11.21
        line("2", "12.50", R),  # 25.00  -> S 5%: VAT 1.25
        line("1", "9.99", R),  # 9.99   -> S 5%: 34.99, VAT 1.7495 -> 1.75
        line("4", "2.50", Z),  # 10.00  -> Z
        line("2.25", "20.00", E),  # 45.00 -> E
    )
    result = totals(doc)
    assert result.line_nets == (
        D("26.03"),
        D("30.03"),
        D("25.00"),
        D("9.99"),
        D("10.00"),
        D("45.00"),
    )
    groups = [(g.category, g.rate, g.taxable, g.vat) for g in result.groups]
    assert groups == [
        ("S", D("20"), D("56.06"), D("11.21")),
        ("S", D("5"), D("34.99"), D("1.75")),
        ("Z", D("0"), D("10.00"), D("0")),
        ("E", D("0"), D("45.00"), D("0")),
    ]
    assert result.net == D("146.05")
    assert result.vat == D("12.96")
    assert result.gross == D("159.01")


def test_vat_is_worked_on_the_group_not_per_line() -> None:
    # three lines of £0.12 at 20%: per line 0.024 -> 0.02 each would make 0.06; on the
    # group's summed nets, 0.36 x 0.2 = 0.072 -> 0.07 (EN 16931 BR-CO-17)
    doc = invoice(line("1", "0.12", S), line("1", "0.12", S), line("1", "0.12", S))
    assert totals(doc).vat == D("0.07")


def test_not_registered_is_one_outside_scope_group_without_vat() -> None:
    doc = invoice(line("1", "100.00", S), line("2", "5.00", E), registered=False)
    result = totals(doc)
    assert [(g.category, g.vat, g.taxable) for g in result.groups] == [("O", D("0"), D("110.00"))]
    assert result.vat == 0
    assert result.gross == D("110.00")
    # the lines keep their own treatment
    assert [item.treatment for item in doc.lines] == [S, E]


def test_an_empty_draft_has_no_groups() -> None:
    result = totals(invoice())
    assert result.groups == ()
    assert result.gross == 0


def test_a_rate_fixed_on_the_line_wins_over_the_rules_file() -> None:
    fixed = Line("Old rate", D("1"), "item", D("100.00"), S, vat_rate=D("0.175"))
    result = totals(invoice(fixed))
    assert (result.groups[0].rate, result.vat) == (D("17.5"), D("17.50"))


def test_percent_is_written_as_en_16931_wants() -> None:
    assert str(percent(D("0.20"))) == "20"
    assert str(percent(D("0.05"))) == "5"
    assert str(percent(D("0.175"))) == "17.5"
    assert str(percent(D("0"))) == "0"


def test_dates_do_not_change_totals() -> None:
    doc = invoice(line("1", "10.00", S))
    dated = Document(
        DocumentKind.INVOICE, 1, doc.lines, issue_date=date(2026, 10, 1), vat_registered=True
    )
    assert totals(doc) == totals(dated)
