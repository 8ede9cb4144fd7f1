"""Money: one constructor that refuses floats, named roundings, the largest-remainder allocator."""

from __future__ import annotations

from decimal import Decimal

import pytest

from costready.money import (
    MoneyError,
    allocate,
    format_exact_money,
    format_money,
    format_number,
    format_percent,
    half_up,
    is_whole,
    is_whole_pennies,
    line_net,
    parse_money,
    parse_number,
    parse_percent,
    round_up_to_step,
    to_decimal,
    to_four_places,
    to_penny,
    vat_amount,
    whole_units_up,
)

D = Decimal


def test_floats_are_refused():
    with pytest.raises(MoneyError, match="Rent: give a decimal string, not a float"):
        to_decimal(0.1, "Rent")


def test_strings_and_ints_are_exact():
    assert to_decimal("0.1074") == D("0.1074")
    assert to_decimal(3) == D(3)
    with pytest.raises(MoneyError, match="is not a number"):
        to_decimal("lots", "Amount")


def test_half_up_to_the_penny():
    assert to_penny(D("2.675")) == D("2.68")
    assert to_penny(D("-2.675")) == D("-2.68")


def test_round_up_to_the_step():
    assert round_up_to_step(D("27.346"), D("0.05")) == D("27.35")
    assert round_up_to_step(D("16.2164"), D("0.50")) == D("16.50")
    assert round_up_to_step(D("12.00"), D("0.50")) == D("12.00")


def test_leftover_pennies_go_to_the_largest_remainders():
    # 10.00 by 1:1:1 -> 3.333... each; one penny left, remainders tie -> smallest key
    assert allocate(D("10.00"), {"b": D(1), "a": D(1), "c": D(1)}) == {
        "a": D("3.34"),
        "b": D("3.33"),
        "c": D("3.33"),
    }
    # 1.00 by 2:1 -> 0.666 and 0.333: the larger remainder (0.666) takes the penny
    assert allocate(D("1.00"), {"x": D(2), "y": D(1)}) == {"x": D("0.67"), "y": D("0.33")}


def test_ties_never_follow_input_order():
    forwards = allocate(D("0.02"), {"a": D(1), "b": D(1), "c": D(1)})
    backwards = allocate(D("0.02"), {"c": D(1), "b": D(1), "a": D(1)})
    assert forwards == backwards == {"a": D("0.01"), "b": D("0.01"), "c": D("0.00")}


def test_all_zero_weights_are_an_error():
    with pytest.raises(ValueError, match="all zero"):
        allocate(D("5.00"), {"a": D(0)})


def test_uk_formatting_and_parsing():
    assert format_money(D("1234.5")) == "£1,234.50"
    assert parse_money("£1,234.50", "Rent") == D("1234.50")
    with pytest.raises(MoneyError, match="Rent: “abc” is not an amount"):
        parse_money("abc", "Rent")


def test_a_comma_as_a_decimal_point_is_refused_with_a_hint():
    with pytest.raises(MoneyError, match=r"Rent: “12,50” is not an amount\. Did you mean"):
        parse_money("12,50", "Rent")
    assert parse_number("1,950", "Hours") == D(1950)


def test_part_pennies_are_refused_in_amounts():
    with pytest.raises(MoneyError, match="Rent: give pounds and whole pence"):
        parse_money("100.005", "Rent")


def test_percentages_read_and_show_without_floats():
    assert parse_percent("5", "Share") == D("0.05")
    assert parse_percent(" 10.74 % ", "Share") == D("0.1074")
    assert format_percent(D("0.80")) == "80%"
    assert format_percent(D("0.1074")) == "10.74%"


def test_money_is_shown_half_up_never_half_even():
    # babel alone would give £500.02 and £0.12 (half to even)
    assert format_money(D("500.025")) == "£500.03"
    assert format_money(D("0.125")) == "£0.13"
    assert format_money(D("-500.025")) == "-£500.03"
    assert format_money(D("1E+3")) == "£1,000.00"


def test_a_price_before_rounding_shows_four_places_half_up():
    assert format_exact_money(D("27.34565")) == "£27.3457"  # half-even: £27.3456
    assert format_exact_money(D("27.34725")) == "£27.3473"  # half-even: £27.3472
    assert format_exact_money(D("11.205")) == "£11.2050"
    assert format_exact_money(D("1234.5")) == "£1,234.5000"


def test_named_roundings_say_their_rule():
    assert half_up(D("0.0125"), 3) == D("0.013")
    assert to_four_places(D("0.51282")) == D("0.5128")
    assert to_four_places(D("0.00005")) == D("0.0001")
    assert line_net(D("3"), D("0.335")) == D("1.01")  # 1.005 up, once, on the whole line
    assert line_net(D("2.5"), D("12.71")) == D("31.78")  # 31.775
    assert vat_amount(D("11.30"), D("0.05")) == D("0.57")  # 0.565, half-even would give 0.56
    assert vat_amount(D("-11.30"), D("0.05")) == D("-0.57")  # a credit mirrors the charge
    assert whole_units_up(D("4222.01")) == D(4223)
    assert whole_units_up(D("96")) == D(96)


def test_whole_numbers_and_pennies_are_checked_exactly():
    assert is_whole(D("2")) and is_whole(D("2.00")) and is_whole(D("1E+2"))
    assert not is_whole(D("2.5")) and not is_whole(D("-0.5"))
    assert is_whole_pennies(D("12.50")) and is_whole_pennies(D("12.5"))
    assert not is_whole_pennies(D("12.505")) and not is_whole_pennies(D("-0.001"))


def test_allocate_splits_every_penny_by_largest_remainder():
    parts = allocate(D("100.00"), {"b": D(1), "a": D(1), "c": D(1)})
    assert parts == {"a": D("33.34"), "b": D("33.33"), "c": D("33.33")}  # the tie to "a"
    assert sum(parts.values()) == D("100.00")


def test_numbers_and_percentages_are_shown_half_up():
    assert format_number(D("2.5"), places=0) == "3"  # half-even: 2
    assert format_number(D("4446.625"), places=2) == "4,446.63"
    assert format_percent(D("0.123450"), places=2) == "12.35%"  # half-even: 12.34%
    assert format_percent(D("0.05"), places=2) == "5%"
    assert format_percent(D("1"), places=2) == "100%"


# Bounds, exponents and the wide context (issue 13) -----------------------------------------


def test_exponents_are_recognised_and_refused_when_typed():
    from costready.money import has_exponent, parse_money, parse_number

    assert [has_exponent(t) for t in ("1e30", "1E+5", " -2.5e-3 ", ".5e2", "1,000e5")] == [True] * 5
    assert not any(has_exponent(t) for t in ("12", "twelve", "NaN", "Infinity", "1,000.50"))
    for typed in ("1e30", "1E+5"):
        with pytest.raises(MoneyError, match="without an exponent"):
            parse_number(typed, "Planned units")
        with pytest.raises(MoneyError, match="without an exponent"):
            parse_money(typed, "Rent")
    with pytest.raises(MoneyError, match="finite"):
        parse_number("Infinity", "Planned units")


def test_decimal_places_are_counted_without_arithmetic():
    from costready.money import decimal_places

    cases = {"12.50": 1, "12.505": 3, "1E+2": 0, "1e-999999999": 999999999, "0.000": 0}
    assert {text: decimal_places(Decimal(text)) for text in cases} == cases
    assert decimal_places(Decimal("1e999999999")) == 0
    assert decimal_places(Decimal("NaN")) == 0


def test_numbers_are_written_out_in_full():
    from costready.money import plain

    assert [plain(Decimal(t)) for t in ("1E+2", "0.10", "-0", "1E-7")] == [
        "100",
        "0.10",
        "-0",
        "0.0000001",
    ]


def test_bounds_refuse_in_plain_words_and_never_raise():
    from costready.money import NumberBound, TextBound

    bound = NumberBound(Decimal(0), Decimal(10), 2, "from 0 to 10")
    assert bound.refusal(Decimal("9.99"), "Rent") is None
    for value in ("10.001", "-0.01", "1e999999999", "-1e999999999", "1e-999999999", "NaN"):
        refusal = bound.refusal(Decimal(value), "Rent")
        assert refusal is not None and refusal.startswith("Rent must be")
    text = TextBound(3)
    assert text.refusal("ŵŷŵ", "Unit") is None
    assert text.refusal("abcd", "Unit") == "Unit must be at most 3 characters long (it has 4)"
    assert "not text" in (text.refusal("a\x00", "Unit") or "")


def test_roundings_hold_figures_beyond_28_digits():
    from costready.money import line_net, round_up_to_step, to_penny, wide_arithmetic

    big = Decimal("123456789012345678901234567890.125")  # 33 digits: the default context fails
    assert to_penny(big) == Decimal("123456789012345678901234567890.13")
    assert round_up_to_step(big, Decimal("0.05")) == Decimal("123456789012345678901234567890.15")
    assert line_net(Decimal("100000000"), Decimal("1000000000.0049")) == Decimal(
        "100000000000490000.00"
    )
    with wide_arithmetic() as context:
        assert context.prec == 60
        assert (big * 10).is_finite()


@pytest.mark.parametrize("text", ["1e40", "-1e40", "1e-999999999", "1e999999999", "NaN", "12.5"])
def test_any_stored_value_can_be_shown(text):
    from costready.money import format_exact_money, format_money, format_number, format_percent

    value = Decimal(text)
    shown = [format_money(value), format_exact_money(value), format_number(value)]
    shown += [format_number(value, places=1), format_percent(value)]
    assert all(0 < len(item) < 60 for item in shown)
    if text == "12.5":
        assert shown == ["£12.50", "£12.5000", "12.5", "12.5", "1,250%"]
    else:
        assert shown == [str(value)] * 5  # as written, beyond any bound: seen, to be put right


def test_figures_beyond_28_digits_are_laid_out():
    from costready.money import format_money

    assert format_money(Decimal("123456789012345678901234567.891")) == (
        "£123,456,789,012,345,678,901,234,567.89"
    )
