"""Time the 200-service price list PDF beside a bare reportlab page made in the same run."""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from costready.costing.model import Scenario, Service, SurplusKind, VatTreatment
from costready.costing.results import ScenarioResult, ServiceResult
from costready.organisation import Organisation
from costready.reports.charts import cost_buildup_drawing, drawing_to_svg
from costready.reports.price_list import entries_from_result, write_price_list

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/generate.py

RUNS = 9
SERVICES = 200
GOAL_SECONDS = 0.300


def _service(i: int) -> ServiceResult:
    units = Decimal(100 + i)
    staff, other, overhead = Decimal(1500 + 7 * i), Decimal(50), Decimal(200)
    full = staff + other + overhead
    price = (full / units * Decimal("1.05")).quantize(Decimal("0.05"))
    vat = VatTreatment.STANDARD if i % 3 == 0 else VatTreatment.EXEMPT
    rate = Decimal("0.20") if vat == VatTreatment.STANDARD else Decimal(0)
    return ServiceResult(
        id=f"svc-{i:03d}",
        name=f"Service {i:03d} & <group> session",
        unit="session",
        planned_units=units,
        direct_staff=staff,
        direct_staff_lines={"worker": staff},
        direct_other=other,
        direct_other_lines={"materials": other},
        overheads={"rent": overhead},
        overhead_total=overhead,
        full_cost=full,
        unit_cost_exact=full / units,
        unit_cost=(full / units).quantize(Decimal("0.01")),
        surplus_convention=SurplusKind.MARKUP_ON_COST,
        surplus_value=Decimal("0.05"),
        price_before_rounding=full / units * Decimal("1.05"),
        price=price,
        price_rounding=Decimal("0.05"),
        vat=vat,
        vat_rate=rate,
        vat_per_unit=price * rate,
        price_inc_vat=price * (1 + rate),
        surplus_per_unit=price - full / units,
        surplus_at_planned_volume=price * units - full,
        fixed_cost=full - other,
        variable_cost=other,
        break_even_units=None,
    )


def large_result() -> tuple[Scenario, ScenarioResult]:
    """The shared benchmark scenario (bench/generate.py) priced by the engine, or, when either
    is missing, a result with SERVICES services built directly."""
    try:
        from generate import large_scenario

        from costready.costing.engine import price_scenario
    except ImportError:
        return built_result()
    scenario = large_scenario(services=SERVICES)
    return scenario, price_scenario(scenario)


def built_result() -> tuple[Scenario, ScenarioResult]:
    """A scenario result with SERVICES services built directly (no engine needed)."""
    services = tuple(_service(i) for i in range(SERVICES))
    scenario = Scenario(
        "Bench",
        date(2026, 4, 1),
        date(2027, 3, 31),
        "2026-27",
        services=tuple(
            Service(s.id, s.name, s.unit, description="Weekly group, up to 12 people")
            for s in services
        ),
    )
    total = sum((s.full_cost for s in services), Decimal(0))
    return scenario, ScenarioResult(
        "Bench", "2026-27", (), (), services, total, total, Decimal(0), Decimal(0)
    )


def bare_page() -> None:
    """The baseline: a bare reportlab canvas page with one line of text."""
    canvas = Canvas(io.BytesIO())
    canvas.drawString(72, 720, "Price list")
    canvas.showPage()
    canvas.save()


def median_seconds(work: Callable[[], object]) -> float:
    work()  # warm up: imports, font metrics
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> None:
    scenario, result = large_result()
    print(f"scenario: {scenario.name}, {len(result.services)} services")
    entries = entries_from_result(scenario, result)
    org = Organisation(
        name="Bench & <Co>",
        address="1 High Street\nLeeds",
        vat_registered=True,
        vat_number="GB980780684",
    )

    def price_list() -> None:
        write_price_list(io.BytesIO(), org, entries, date(2026, 4, 1), draft=False)

    def chart() -> None:
        drawing_to_svg(cost_buildup_drawing(result, [s.id for s in result.services[:10]]))

    baseline = median_seconds(bare_page)
    pdf = median_seconds(price_list)
    svg = median_seconds(chart)
    print(f"baseline (bare canvas page, one line): {baseline * 1000:8.2f} ms")
    print(
        f"price list, {SERVICES} services:          {pdf * 1000:8.2f} ms"
        f"  ratio {pdf / baseline:7.1f}x  goal <= {GOAL_SECONDS * 1000:.0f} ms"
        f"  {'OK' if pdf <= GOAL_SECONDS else 'OVER'}"
    )
    print(
        f"chart SVG, 10 services:               {svg * 1000:8.2f} ms  ratio {svg / baseline:7.1f}x"
    )


if __name__ == "__main__":
    main()
