"""Removing a service takes everything that pointed at it, and says what went."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from costready.costing.model import (
    Basis,
    CostLine,
    OverheadPool,
    Scenario,
    Service,
    StaffPost,
    Volume,
)
from costready.costing.scenarios import remove_service
from costready.costing.validate import validate

D = Decimal


def _scenario() -> Scenario:
    return Scenario(
        name="Budget 2026-27",
        period_start=date(2026, 4, 1),
        period_end=date(2027, 3, 31),
        tax_year="2026-27",
        services=(
            Service("home", "Home support", volume=_units(1000)),
            Service("trips", "Day trips", unit="session", volume=_units(50)),
            Service("club", "Lunch club", unit="session", volume=_units(200)),
        ),
        staff=(
            StaffPost(
                "worker",
                "Support worker",
                hourly_rate=D("12.50"),
                paid_hours_per_person=D(1950),
                time={"home": D("0.6"), "trips": D("0.3"), "club": D("0.1")},
            ),
            StaffPost(
                "manager",
                "Manager",
                annual_salary=D(30000),
                time={"home": D("0.5"), "overhead:management": D("0.5")},
            ),
        ),
        pools=(
            OverheadPool(
                "management",
                Basis.SHARES,
                {"home": D("0.7"), "trips": D("0.3")},
                name="Management and administration",
            ),
        ),
        costs=(
            CostLine("minibus", "Minibus lease", D("4000.00"), direct="trips"),
            CostLine("food", "Food", D("1500.00"), direct="club"),
            CostLine(
                "rent",
                "Rent",
                D("6000.00"),
                basis=Basis.SHARES,
                shares={"home": D("0.8"), "trips": D("0.2")},
            ),
            CostLine("hall", "Hall hire", D("900.00"), basis=Basis.FLOOR_AREA),
        ),
        bases={"floor_area": {"home": D(10), "trips": D(30), "club": D(20)}},
    )


def _units(number: int) -> Volume:
    return Volume(units=D(number))


def test_the_service_and_its_direct_costs_go_and_nothing_else_does():
    new, _notes = remove_service(_scenario(), "trips")
    assert [s.id for s in new.services] == ["home", "club"]
    assert [c.id for c in new.costs] == ["food", "rent", "hall"]  # the minibus went with it
    assert new.cost("food").direct == "club"


def test_time_shares_and_weights_lose_the_service_without_being_re_spread():
    new, _notes = remove_service(_scenario(), "trips")
    assert new.post("worker").time == {"home": D("0.6"), "club": D("0.1")}
    assert new.post("manager").time == _scenario().post("manager").time
    assert new.cost("rent").shares == {"home": D("0.8")}
    assert new.pools[0].shares == {"home": D("0.7")}
    assert new.bases["floor_area"] == {"home": D(10), "club": D(20)}


def test_validation_names_what_needs_putting_right():
    new, _notes = remove_service(_scenario(), "trips")
    assert {p.path for p in validate(new)} == {
        "$.staff[0].time",  # the support worker's time adds up to 70%
        "$.costs[1].apportion.shares",  # rent's shares add up to 80%
        "$.overhead_pools.management.shares",
    }


def test_the_notes_say_in_plain_english_what_went_and_what_to_fix():
    _new, notes = remove_service(_scenario(), "trips")
    text = "\n".join(notes)
    assert "Support worker spent 30% of their time on Day trips" in text
    assert "their time now adds up to 70%" in text
    assert "“Minibus lease” (£4,000.00 a year) was charged only to Day trips" in text
    assert "“Rent” gave 20% to Day trips: its shares now add up to 80%" in text
    assert "“Management and administration” gave 30%" in text
    assert "floor area figure for Day trips" in text
    assert "Manager" not in text
    assert "Lunch club" not in text


def test_an_unknown_service_changes_nothing():
    scenario = _scenario()
    assert remove_service(scenario, "nope") == (scenario, [])


def test_removing_every_service_leaves_a_scenario_with_no_references():
    scenario = _scenario()
    for service in _scenario().services:
        scenario, _notes = remove_service(scenario, service.id)
    assert scenario.services == () and [c.id for c in scenario.costs] == ["rent", "hall"]
    assert all(set(p.time) <= {"overhead:management"} for p in scenario.staff)
    assert scenario.bases["floor_area"] == {}
