"""Pay rules: salary and hourly rate at the same pay, FTE from hours, holiday weeks and shares."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from costready.costing.model import StaffPost
from costready.costing.pay import (
    as_hourly,
    as_salaried,
    fte_from_hours,
    holiday_share,
    holiday_weeks,
    hourly_from_salary,
    salary_from_hourly,
)

D = Decimal


def test_salary_and_hourly_rate_meet_at_full_time_hours_half_up():
    assert hourly_from_salary(D("24072.75")) == D("12.35")  # 12.345 an hour; half-even 12.34
    assert salary_from_hourly(D("12.71")) == D("24784.50")  # x 1,950 hours
    assert salary_from_hourly(D("0.0001")) == D("0.20")  # 0.195


def test_fte_from_hours_to_four_places_half_up():
    assert fte_from_hours(D("1000")) == D("0.5128")  # 0.512820...
    assert fte_from_hours(D("1950")) == D("1.0000")
    assert fte_from_hours(D("0.0975")) == D("0.0001")  # 0.00005; half-even would give 0


def test_holiday_weeks_and_shares_one_precision_each():
    assert holiday_share(D("5.6")) == D("0.1074")  # 5.6 / 52.14 = 0.107403...
    assert holiday_weeks(D("0.1074")) == D("5.60")  # 5.599836 half-up to two places
    assert holiday_weeks(D("0.05")) == D("2.61")  # 2.607 (the guide once showed 2.6)


@given(st.integers(min_value=0, max_value=5214))
def test_weeks_typed_to_two_places_come_back_as_typed(hundredths):
    # a share is off by at most 0.00005 x 52.14 = 0.0026 weeks, under half of 0.01
    weeks = D(hundredths).scaleb(-2)
    assert holiday_weeks(holiday_share(weeks)) == weeks


def test_a_salaried_post_made_hourly_keeps_its_pay_and_hours():
    post = StaffPost(id="p", role="P", annual_salary=D("24072.75"), fte=D("0.8"))
    hourly = as_hourly(post, D("1560"))
    assert (hourly.hourly_rate, hourly.annual_salary) == (D("12.35"), None)
    assert (hourly.paid_hours_per_person, hourly.fte) == (D("1560"), D(1))


def test_an_hourly_post_made_salaried_keeps_hours_ftes_cannot_give():
    post = StaffPost(id="p", role="P", hourly_rate=D("12"), paid_hours_per_person=D("1000"))
    salaried = as_salaried(post, D("1000"))
    assert (salaried.annual_salary, salaried.hourly_rate) == (D("23400.00"), None)
    assert salaried.fte == D("0.5128")
    assert salaried.paid_hours_per_person == D("1000")  # 0.5128 x 1,950 = 999.96
    half = as_salaried(post, D("975"))
    assert (half.fte, half.paid_hours_per_person) == (D("0.5000"), None)  # the FTE gives them


def test_travel_minutes_per_contact_hour_is_a_share_of_paid_hours():
    from costready.costing.pay import travel_minutes, travel_share

    assert travel_share(Decimal(15)) == Decimal("0.2")  # 15 of every 75 paid minutes
    assert travel_share(Decimal(10)) == Decimal("0.1429")  # 10 / 70, half-up to four places
    assert travel_share(Decimal(0)) == Decimal(0)
    assert travel_minutes(Decimal("0.2")) == Decimal("15.00")
    assert travel_minutes(Decimal("0.15")) == Decimal("10.59")  # 9 / 0.85
    assert travel_minutes(Decimal(1)) == Decimal(0)
