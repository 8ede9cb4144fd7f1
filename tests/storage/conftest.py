"""Fixtures for the storage tests: a fresh SQLite file per test and a scenario using every field."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from costready.costing.model import (
    Basis,
    CostLine,
    EmployerNi,
    NiKind,
    OverheadPool,
    Pension,
    PensionBase,
    Scenario,
    Service,
    StaffPost,
    Surplus,
    SurplusKind,
    VatTreatment,
    Volume,
    VolumeKind,
)
from costready.costing.rules import AgeBand
from costready.organisation import LegalForm, Organisation
from costready.storage.workspace import Workspace

D = Decimal


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "workspace.sqlite"


@pytest.fixture
def workspace(db_path: Path) -> Iterator[Workspace]:
    ws = Workspace(sqlite_url(db_path))
    yield ws
    ws.close()


@pytest.fixture
def org(workspace: Workspace) -> Organisation:
    return workspace.save_organisation(
        Organisation(name="Riverside Community Support", legal_form=LegalForm.CIC)
    )


def full_scenario(name: str = "Budget 2026-27") -> Scenario:
    """A hand-built scenario with every kind of field the model has."""
    services = (
        Service(
            id="home-support",
            name="Home support",
            unit="hour",
            volume=Volume(kind=VolumeKind.FROM_STAFF_HOURS),
            surplus=Surplus(SurplusKind.MARKUP_ON_COST, D("0.05")),
            vat=VatTreatment.EXEMPT,
            price_rounding=D("0.05"),
            description="Support at home, by the hour.",
        ),
        Service(
            id="day-centre",
            name="Day centre",
            unit="place-day",
            volume=Volume(kind=VolumeKind.CAPACITY, capacity=D("3000"), occupancy=D("0.85")),
            surplus=Surplus(SurplusKind.SHARE_OF_PRICE, D("0.10")),
            vat=VatTreatment.STANDARD,
            price_rounding=D("0.50"),
        ),
        Service(
            id="cafe",
            name="Community café",
            unit="session",
            volume=Volume(kind=VolumeKind.TYPED, units=D("150")),
            surplus=Surplus(SurplusKind.FIXED_PER_UNIT, D("2.00")),
            vat=VatTreatment.REDUCED,
            price_rounding=D("1"),
        ),
    )
    staff = (
        StaffPost(
            id="support-worker",
            role="Support worker",
            headcount=D("4"),
            hourly_rate=D("12.60"),
            paid_hours_per_person=D("1560"),
            delivers_units=True,
            employer_ni=EmployerNi(NiKind.AUTO),
            pension=Pension(D("0.03"), PensionBase.QUALIFYING_EARNINGS),
            non_chargeable={"holiday": D("0.1074"), "training": D("0.02"), "travel": D("0.05")},
            time={"home-support": D("0.8"), "day-centre": D("0.2")},
            age_band=AgeBand.AGED_18_TO_20,
            paid_for_hours_worked=True,
        ),
        StaffPost(
            id="manager",
            role="Manager",
            annual_salary=D("34000.00"),
            fte=D("0.8"),
            employer_ni=EmployerNi(NiKind.RATE, D("0.138")),
            pension=Pension(D("0.05"), PensionBase.TOTAL_PAY),
            other_oncosts_rate=D("0.01"),
            non_chargeable={"holiday": D("0.1074")},
            time={"overhead:management": D("0.6"), "cafe": D("0.4")},
        ),
        StaffPost(
            id="sessional",
            role="Sessional cook",
            hourly_rate=D("11.44"),
            paid_hours_per_person=D("300"),
            employer_ni=EmployerNi(NiKind.NONE),
            pension=None,
            time={"cafe": D("1")},
        ),
    )
    pools = (
        OverheadPool(id="management", basis=Basis.STAFF_TIME, name="Management"),
        OverheadPool(
            id="admin",
            basis=Basis.SHARES,
            shares={"home-support": D("0.5"), "day-centre": D("0.3"), "cafe": D("0.2")},
        ),
        OverheadPool(id="empty-shares", basis=Basis.SHARES, shares={}),
    )
    costs = (
        CostLine(
            id="rent",
            name="Rent",
            annual_amount=D("12000.00"),
            category="premises",
            basis=Basis.FLOOR_AREA,
        ),
        CostLine(
            id="mileage",
            name="Mileage",
            annual_amount=D("3200.50"),
            category="travel",
            direct="home-support",
            varies_with_volume=True,
        ),
        CostLine(
            id="insurance",
            name="Insurance",
            annual_amount=D("1450"),
            category="insurance",
            basis=Basis.SHARES,
            shares={"home-support": D("0.7"), "cafe": D("0.3")},
        ),
        CostLine(
            id="phones", name="Phones", annual_amount=D("600.00"), category="it", pool="management"
        ),
        CostLine(
            id="audit",
            name="Audit",
            annual_amount=D("900"),
            category="governance",
            basis=Basis.EQUAL,
        ),
    )
    return Scenario(
        name=name,
        period_start=date(2026, 4, 1),
        period_end=date(2027, 3, 31),
        tax_year="2026-27",
        services=services,
        staff=staff,
        pools=pools,
        costs=costs,
        bases={
            "floor_area": {"home-support": D("10"), "day-centre": D("120.5"), "cafe": D("40")},
            "usage": {},
        },
        claims_employment_allowance=True,
    )


def large_scenario() -> Scenario:
    """200 services, 100 posts and 1,000 cost lines (what bench/bench_storage.py times)."""
    services = tuple(
        Service(id=f"s{i}", name=f"Service {i}", volume=Volume(units=D("100"))) for i in range(200)
    )
    staff = tuple(
        StaffPost(
            id=f"p{i}",
            role="Worker",
            annual_salary=D("25000"),
            time={f"s{(i * 5 + j) % 200}": D("0.2") for j in range(5)},
            non_chargeable={"holiday": D("0.1074")},
        )
        for i in range(100)
    )
    costs = tuple(
        CostLine(
            id=f"c{i}",
            name="Cost",
            annual_amount=D("100.50"),
            basis=Basis.SHARES,
            shares={"s1": D("0.5"), "s2": D("0.5")},
        )
        if i % 2
        else CostLine(id=f"c{i}", name="Cost", annual_amount=D("10"), direct=f"s{i % 200}")
        for i in range(1000)
    )
    return replace(full_scenario(), services=services, staff=staff, costs=costs, pools=(), bases={})
