"""Hand-built scenarios and results for the PDF tests (no engine needed)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_CEILING, Decimal
from pathlib import Path

from pypdf import PdfReader

from costready.costing.model import (
    Basis,
    CostLine,
    OverheadPool,
    Scenario,
    Service,
    StaffPost,
    Surplus,
    SurplusKind,
    VatTreatment,
    Volume,
    VolumeKind,
)
from costready.costing.results import PoolCost, PostCost, ScenarioResult, Sensitivity, ServiceResult
from costready.money import PENNY, to_penny
from costready.organisation import LegalForm, Organisation

D = Decimal
TEA = 'Tea & <Cake> "club"'
#: Hours of staff time per service (headcount x paid hours x time share), as the engine weighs.
STAFF_HOURS = {"home-support": D(6708), "day-activities": D(1638), "befriending": D(546)}


def service_result(
    sid: str,
    name: str,
    units: str,
    staff: dict[str, str],
    other: dict[str, str],
    overheads: dict[str, str],
    price: str,
    vat: VatTreatment = VatTreatment.EXEMPT,
    kind: SurplusKind = SurplusKind.MARKUP_ON_COST,
    value: str = "0.05",
    unit: str = "hour",
) -> ServiceResult:
    """A ServiceResult whose totals add up from the lines given."""
    planned = D(units)
    direct_staff = sum((D(v) for v in staff.values()), D(0))
    direct_other = sum((D(v) for v in other.values()), D(0))
    full = direct_staff + direct_other + sum((D(v) for v in overheads.values()), D(0))
    exact = full / planned
    net = D(price)
    rate = D("0.20") if vat == VatTreatment.STANDARD else D(0)
    variable = direct_other
    fixed = full - variable
    margin = net - variable / planned
    break_even = (fixed / margin).to_integral_value(rounding=ROUND_CEILING) if margin > 0 else None
    sens = tuple(
        Sensitivity(
            change=D(change),
            units=planned * (1 + D(change)),
            full_cost=fixed + variable * (1 + D(change)),
            unit_cost=to_penny((fixed + variable * (1 + D(change))) / (planned * (1 + D(change)))),
            surplus=to_penny(net * planned * (1 + D(change)) - fixed - variable * (1 + D(change))),
        )
        for change in ("-0.20", "-0.10", "0", "0.10")  # as the engine gives them
    )
    return ServiceResult(
        id=sid,
        name=name,
        unit=unit,
        planned_units=planned,
        direct_staff=direct_staff,
        direct_staff_lines={k: D(v) for k, v in staff.items()},
        direct_other=direct_other,
        direct_other_lines={k: D(v) for k, v in other.items()},
        overheads={k: D(v) for k, v in overheads.items()},
        overhead_total=sum((D(v) for v in overheads.values()), D(0)),
        full_cost=full,
        unit_cost_exact=exact,
        unit_cost=to_penny(exact),
        surplus_convention=kind,
        surplus_value=D(value),
        price_before_rounding=_before_rounding(exact, kind, D(value)),
        price=net,
        price_rounding=D("0.05"),
        vat=vat,
        vat_rate=rate,
        vat_per_unit=to_penny(net * rate),
        price_inc_vat=net + to_penny(net * rate),
        surplus_per_unit=net - exact,
        surplus_at_planned_volume=to_penny(net * planned - full),
        fixed_cost=fixed,
        variable_cost=variable,
        break_even_units=break_even,
        sensitivity=sens,
    )


def _before_rounding(exact: Decimal, kind: SurplusKind, value: Decimal) -> Decimal:
    if kind == SurplusKind.MARKUP_ON_COST:
        return exact * (1 + value)
    if kind == SurplusKind.SHARE_OF_PRICE:
        return exact / (1 - value)
    return exact + value


def example_scenario(tea_name: str = TEA) -> Scenario:
    """The shape of the reference example, with one awkwardly named service."""
    services = (
        Service(
            "home-support",
            "Home support",
            "hour",
            Volume(VolumeKind.FROM_STAFF_HOURS),
            Surplus(SurplusKind.MARKUP_ON_COST, D("0.05")),
            VatTreatment.EXEMPT,
            D("0.05"),
            "Practical and personal support at home, & more",
        ),
        Service(
            "day-activities",
            tea_name,
            "session",
            Volume(VolumeKind.CAPACITY, capacity=D("3000"), occupancy=D("0.80")),
            Surplus(SurplusKind.SHARE_OF_PRICE, D("0.03")),
            VatTreatment.STANDARD,
            D("0.50"),
            "Weekly <social> afternoon",
        ),
        Service(
            "befriending",
            "Befriending visit",
            "visit",
            Volume(VolumeKind.TYPED, D("900")),
            Surplus(SurplusKind.FIXED_PER_UNIT, D("1.00")),
            VatTreatment.EXEMPT,
            D("0.50"),
        ),
    )
    staff = (
        StaffPost(
            "support-worker",
            "Support worker",
            headcount=D(4),
            hourly_rate=D("12.71"),
            paid_hours_per_person=D(1950),
            delivers_units=True,
            time={"home-support": D("0.80"), "day-activities": D("0.15"), "befriending": D("0.05")},
        ),
        StaffPost(
            "coordinator",
            "Service coordinator",
            annual_salary=D(29000),
            fte=D("0.8"),
            time={
                "home-support": D("0.30"),
                "day-activities": D("0.30"),
                "befriending": D("0.10"),
                "overhead:management": D("0.30"),
            },
        ),
    )
    costs = (
        CostLine(
            "mileage",
            "Mileage",
            D("6200.00"),
            "travel",
            direct="home-support",
            varies_with_volume=True,
        ),
        CostLine(
            "activity-materials",
            "Activity materials",
            D("2400.00"),
            "supplies",
            direct="day-activities",
            varies_with_volume=True,
        ),
        CostLine(
            "manager-phone",
            "Manager's phone and travel",
            D("640.00"),
            "management",
            pool="management",
        ),
        CostLine("rent", "Hall & office rent", D("9000.00"), "premises", basis=Basis.FLOOR_AREA),
        CostLine("insurance", "Insurance", D("1850.00"), "insurance", basis=Basis.STAFF_TIME),
    )
    return Scenario(
        name="Budget 2026-27 <draft> & co",
        period_start=date(2026, 4, 1),
        period_end=date(2027, 3, 31),
        tax_year="2026-27",
        services=services,
        staff=staff,
        pools=(OverheadPool("management", Basis.STAFF_TIME),),
        costs=costs,
        claims_employment_allowance=True,
    )


def example_result(tea_name: str = TEA) -> ScenarioResult:
    """Figures shaped like the reference example (home support at £27.35 an hour)."""
    services = (
        service_result(
            "home-support",
            "Home support",
            "4446.624",
            {"support-worker": "90587.23", "coordinator": "8352.00"},
            {"mileage": "6200.00"},
            {"rent": "1080.00", "insurance": "1395.61", "pool:management": "6783.44"},
            "27.35",
        ),
        service_result(
            "day-activities",
            tea_name,
            "2400",
            {"support-worker": "16985.11", "coordinator": "8352.00"},
            {"activity-materials": "2400.00"},
            {"rent": "7200.00", "insurance": "340.79", "pool:management": "1656.42"},
            "16.50",
            vat=VatTreatment.STANDARD,
            kind=SurplusKind.SHARE_OF_PRICE,
            value="0.03",
            unit="session",
        ),
        service_result(
            "befriending",
            "Befriending visit",
            "900",
            {"support-worker": "5661.70", "coordinator": "2784.00"},
            {},
            {"rent": "720.00", "insurance": "113.60", "pool:management": "552.14"},
            "12.50",
            kind=SurplusKind.FIXED_PER_UNIT,
            value="1.00",
            unit="visit",
        ),
    )
    posts = (
        PostCost(
            "support-worker",
            "Support worker",
            D(4),
            D(1950),
            D("24784.50"),
            D("2967.675"),
            D("556.59"),
            D(0),
            D("0"),
            D("113234.04"),
            D("5324.42"),
            {
                "home-support": D("90587.23"),
                "day-activities": D("16985.11"),
                "befriending": D("5661.70"),
            },
        ),
        PostCost(
            "coordinator",
            "Service coordinator",
            D(1),
            D(1560),
            D("23200"),
            D("3480"),
            D("1160"),
            D(0),
            D("0"),
            D("27840.00"),
            D("1560"),
            {
                "home-support": D("8352.00"),
                "day-activities": D("8352.00"),
                "befriending": D("2784.00"),
                "overhead:management": D("8352.00"),
            },
        ),
    )
    pools = (
        PoolCost(
            "management",
            "Management",
            "staff_time",
            {"coordinator": D("8352.00")},
            {"manager-phone": D("640.00")},
            D("8992.00"),
            {
                "home-support": D("6783.44"),
                "day-activities": D("1656.42"),
                "befriending": D("552.14"),
            },
            STAFF_HOURS,
        ),
    )
    total = sum((s.full_cost for s in services), D(0))
    income = sum((s.price * s.planned_units for s in services), D(0))
    return ScenarioResult(
        "Budget 2026-27 <draft> & co",
        "2026-27",
        posts,
        pools,
        services,
        total,
        total,
        to_penny(income),
        to_penny(income - total),
        {
            "staff_time": STAFF_HOURS,
            "floor_area": {"home-support": D(12), "day-activities": D(80), "befriending": D(8)},
            "equal": dict.fromkeys(STAFF_HOURS, D(1)),
        },
    )


def large_result(count: int = 200) -> tuple[Scenario, ScenarioResult]:
    """`count` services with long typed names, for layout and speed."""
    services = []
    results = []
    for i in range(count):
        sid = f"svc-{i:03d}"
        name = f"Service {i:03d} & <group> session with a rather long name for wrapping"
        services.append(Service(sid, name, "session", description="Runs weekly " * (i % 5)))
        price = (D("10") + D(i) / 7).quantize(PENNY)
        results.append(
            service_result(
                sid,
                name,
                str(100 + i),
                {"worker": str(500 + 3 * i)},
                {"materials": "50"},
                {"rent": "120.00", "pool:management": "80.00"},
                str(price),
                vat=VatTreatment.STANDARD if i % 3 == 0 else VatTreatment.EXEMPT,
                unit="session",
            )
        )
    scenario = Scenario(
        "Big year",
        date(2026, 4, 1),
        date(2027, 3, 31),
        "2026-27",
        services=tuple(services),
        staff=(StaffPost("worker", "Worker", annual_salary=D(30000)),),
        pools=(OverheadPool("management"),),
        costs=(
            CostLine("rent", "Rent", D("24000"), basis=Basis.EQUAL),
            CostLine("materials", "Materials", D("10000"), direct="svc-000"),
        ),
    )
    total = sum((s.full_cost for s in results), D(0))
    result = ScenarioResult("Big year", "2026-27", (), (), tuple(results), total, total, D(0), D(0))
    return scenario, result


def make_organisation(vat_registered: bool = True) -> Organisation:
    """A registered charity with typed text that needs escaping."""
    return Organisation(
        name="Riverside <Community> & Arts Hub",
        legal_form=LegalForm.CIO,
        registered_charity=True,
        charity_number="1234567",
        company_number="",
        address="The Old Chapel\n12 Mill Lane\nLeeds LS1 4AB",
        vat_registered=vat_registered,
        vat_number="GB980780684",
    )


def pdf_text(path: Path) -> str:
    """Every page's text, joined, as a reader would copy it."""
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)
