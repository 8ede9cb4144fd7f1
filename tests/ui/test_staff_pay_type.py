"""The Staff page switching a post between salaried and hourly pay: the rate and hours it keeps."""

from __future__ import annotations

from decimal import Decimal

from costready.costing.model import StaffPost
from costready.ui.pages.staff import _set_pay_type


def test_salary_to_hourly_rounds_the_rate_half_up():
    post = StaffPost(id="p", role="P", annual_salary=Decimal("24072.75"))  # £12.345 an hour
    hourly = _set_pay_type(post, "hourly")
    assert hourly.hourly_rate == Decimal("12.35")  # half-even would give 12.34
    assert hourly.paid_hours_per_person == Decimal("1950.0")


def test_hourly_to_salary_keeps_the_hours():
    post = StaffPost(
        id="p", role="P", hourly_rate=Decimal("12"), paid_hours_per_person=Decimal("1000")
    )
    salaried = _set_pay_type(post, "salary")
    assert salaried.annual_salary == Decimal("23400.00")
    assert salaried.fte == Decimal("0.5128")
    assert salaried.paid_hours_per_person == Decimal("1000")
