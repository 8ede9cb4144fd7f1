"""A large, deterministic costing scenario for benchmarks (every basis, every volume kind)."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal
from itertools import pairwise

from costready.costing.model import (
    POOL_PREFIX,
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

SERVICES_PER_POST = 5
#: Pools and their bases; the "administration" pool is shared by set percentages.
POOLS = (
    ("management", Basis.STAFF_TIME),
    ("administration", Basis.SHARES),
    ("premises", Basis.FLOOR_AREA),
)
#: Apportioned cost lines cycle through every basis.
LINE_BASES = tuple(Basis)


def large_scenario(
    services: int = 200, posts: int = 100, costs: int = 1000, seed: int = 0
) -> Scenario:
    """A scenario of the given size; the same arguments always give the same scenario."""
    rng = random.Random(seed)
    service_ids = [f"svc-{index:04d}" for index in range(services)]
    staff = tuple(_post(rng, index, service_ids) for index in range(posts))
    delivered = {key for post in staff if post.delivers_units for key in post.time}
    return Scenario(
        name=f"Benchmark {services}x{posts}x{costs} (seed {seed})",
        period_start=date(2026, 4, 1),
        period_end=date(2027, 3, 31),
        tax_year="2026-27",
        services=tuple(
            _service(rng, index, sid, delivered) for index, sid in enumerate(service_ids)
        ),
        staff=staff,
        pools=tuple(_pool(rng, pool_id, basis, service_ids) for pool_id, basis in POOLS),
        costs=tuple(_cost(rng, index, service_ids) for index in range(costs)),
        bases={
            basis.value: {sid: Decimal(rng.randint(1, 60)) for sid in service_ids}
            for basis in (Basis.FLOOR_AREA, Basis.HEADCOUNT, Basis.USAGE)
        },
        claims_employment_allowance=True,
    )


def whole_percents(rng: random.Random, parts: int, total: int = 100) -> list[Decimal]:
    """`parts` shares of at least 1% each, in whole percents, adding up to `total` percent."""
    cuts = sorted(rng.sample(range(1, total), parts - 1))
    bounds = [0, *cuts, total]
    return [Decimal(high - low).scaleb(-2) for low, high in pairwise(bounds)]


def _pennies(rng: random.Random, low: int, high: int) -> Decimal:
    """A random amount between £low and £high, in whole pennies."""
    return Decimal(rng.randint(low * 100, high * 100)).scaleb(-2)


def _service(rng: random.Random, index: int, sid: str, delivered: set[str]) -> Service:
    if index % 3 == 1 and sid in delivered:
        volume = Volume(kind=VolumeKind.FROM_STAFF_HOURS)
    elif index % 3 == 2:
        volume = Volume(
            kind=VolumeKind.CAPACITY,
            capacity=Decimal(rng.randint(200, 4000)),
            occupancy=Decimal(rng.randint(50, 100)).scaleb(-2),
        )
    else:
        volume = Volume(kind=VolumeKind.TYPED, units=Decimal(rng.randint(100, 5000)))
    kind = list(SurplusKind)[index % len(SurplusKind)]
    value = (
        Decimal("1.00")
        if kind is SurplusKind.FIXED_PER_UNIT
        else Decimal(rng.randint(0, 8)).scaleb(-2)
    )
    return Service(
        id=sid,
        name=f"Service {index}",
        unit=("hour", "session", "visit", "place-week")[index % 4],
        volume=volume,
        surplus=Surplus(kind=kind, value=value),
        vat=VatTreatment.EXEMPT if index % 5 else VatTreatment.STANDARD,
        price_rounding=(Decimal("0.01"), Decimal("0.05"), Decimal("0.50"))[index % 3],
    )


def _post(rng: random.Random, index: int, service_ids: list[str]) -> StaffPost:
    chosen = rng.sample(service_ids, min(SERVICES_PER_POST, len(service_ids)))
    pool_id = POOLS[index % len(POOLS)][0]
    shares = whole_percents(rng, len(chosen) + 1)
    time = dict(zip([*chosen, POOL_PREFIX + pool_id], shares, strict=True))
    hourly = index % 2 == 0
    return StaffPost(
        id=f"post-{index:04d}",
        role=f"Post {index}",
        headcount=Decimal(rng.randint(1, 6)),
        hourly_rate=Decimal(rng.randint(1271, 1800)).scaleb(-2) if hourly else None,
        paid_hours_per_person=Decimal(rng.randint(800, 1950)) if hourly else None,
        annual_salary=None if hourly else Decimal(rng.randint(22000, 45000)),
        fte=Decimal(1) if hourly else Decimal(rng.randint(4, 10)).scaleb(-1),
        delivers_units=index % 4 != 3,
        employer_ni=(
            EmployerNi(NiKind.AUTO),
            EmployerNi(NiKind.RATE, Decimal("0.138")),
            EmployerNi(NiKind.NONE),
        )[0 if index % 10 else 1 + index // 10 % 2],
        pension=None
        if index % 7 == 6
        else Pension(
            rate=Decimal(rng.randint(3, 8)).scaleb(-2),
            on=PensionBase.TOTAL_PAY if index % 3 == 0 else PensionBase.QUALIFYING_EARNINGS,
        ),
        other_oncosts_rate=Decimal("0.01") if index % 5 == 0 else Decimal(0),
        non_chargeable={
            "holiday": Decimal("0.1074"),
            "training": Decimal(rng.randint(1, 4)).scaleb(-2),
            "travel": Decimal(rng.randint(0, 15)).scaleb(-2),
        },
        time=time,
    )


def _pool(rng: random.Random, pool_id: str, basis: Basis, service_ids: list[str]) -> OverheadPool:
    shares = None
    if basis is Basis.SHARES:
        chosen = rng.sample(service_ids, min(20, len(service_ids)))
        shares = dict(zip(chosen, whole_percents(rng, len(chosen)), strict=True))
    return OverheadPool(id=pool_id, basis=basis, shares=shares, name=pool_id.capitalize())


def _cost(rng: random.Random, index: int, service_ids: list[str]) -> CostLine:
    common = {"id": f"cost-{index:05d}", "name": f"Cost line {index}"}
    kind = index % 10
    if kind < 3:  # direct, a third of them varying with volume
        return CostLine(
            **common,
            annual_amount=_pennies(rng, 100, 15000),
            category="supplies",
            direct=rng.choice(service_ids),
            varies_with_volume=kind == 0,
        )
    if kind == 3:
        return CostLine(
            **common,
            annual_amount=_pennies(rng, 100, 5000),
            category="management",
            pool=POOLS[index // 10 % len(POOLS)][0],
        )
    basis = LINE_BASES[index // 10 % len(LINE_BASES)]
    shares = None
    if basis is Basis.SHARES:
        chosen = rng.sample(service_ids, min(10, len(service_ids)))
        shares = dict(zip(chosen, whole_percents(rng, len(chosen)), strict=True))
    return CostLine(
        **common,
        annual_amount=_pennies(rng, 100, 20000),
        category="premises",
        basis=basis,
        shares=shares,
    )
