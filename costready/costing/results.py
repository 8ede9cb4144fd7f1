"""What the engine works out: per post, per pool, per service and for the whole scenario.

Every figure keeps the lines it came from so a trustee can follow a price back to its sources.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from costready.costing.model import SurplusKind, VatTreatment
from costready.money import line_net
from costready.problems import Problem

#: How a pool's share is keyed in ServiceResult.overheads ("pool:management"), beside cost line
#: ids; a cost line id must not start with it, or the two would collide.
POOL_KEY_PREFIX = "pool:"


class CostingError(ValueError):
    """The model cannot be priced; `problems` says every reason, each with its path."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class LazyBreakdown(Mapping[str, Decimal]):
    """A breakdown built the first time it is read: a large model has thousands of lines per
    service, and most recalculations (an edit on screen) only need the totals."""

    def __init__(self, build: Callable[[], dict[str, Decimal]]):
        self._build: Callable[[], dict[str, Decimal]] | None = build
        self._data: dict[str, Decimal] = {}

    def _items(self) -> dict[str, Decimal]:
        if self._build is not None:
            self._data = self._build()
            self._build = None
        return self._data

    def __getitem__(self, key: str) -> Decimal:
        return self._items()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items())

    def __len__(self) -> int:
        return len(self._items())

    def __repr__(self) -> str:
        return repr(self._items())


@dataclass(frozen=True)
class PostCost:
    """A post's pay and on-costs (annual, per person unrounded; the total rounded once)."""

    post_id: str
    role: str
    headcount: Decimal
    paid_hours_per_person: Decimal
    pay_per_person: Decimal
    employer_ni_per_person: Decimal
    pension_per_person: Decimal
    other_per_person: Decimal
    employment_allowance: Decimal  # the post's share of the allowance, a reduction (>= 0)
    annual_cost: Decimal  # headcount x per-person cost, half-up to the penny, less the allowance
    chargeable_hours: Decimal  # headcount x paid hours x (1 - non-chargeable)
    split: dict[str, Decimal]  # time key (service id or overhead:POOL) -> pennies


@dataclass(frozen=True)
class PoolCost:
    """An overhead pool's cost and how it was shared."""

    pool_id: str
    label: str
    basis: str
    staff: dict[str, Decimal]  # post id -> cost given to the pool
    lines: dict[str, Decimal]  # cost line id -> amount
    total: Decimal
    allocation: dict[str, Decimal]  # service id -> share
    # service id -> the weight the pool was shared by (its basis's weights, or its own shares)
    weights: Mapping[str, Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class Sensitivity:
    """Unit cost and surplus if volume moved by `change` (e.g. -0.20) at the same price."""

    change: Decimal
    units: Decimal
    full_cost: Decimal
    unit_cost: Decimal
    surplus: Decimal


@dataclass(frozen=True)
class ServiceResult:
    """A service's full cost, unit cost and price, with every line they came from."""

    id: str
    name: str
    unit: str
    planned_units: Decimal
    direct_staff: Decimal
    direct_staff_lines: dict[str, Decimal]  # post id -> amount
    direct_other: Decimal
    direct_other_lines: dict[str, Decimal]  # cost line id -> amount
    overheads: Mapping[str, Decimal]  # cost line id or POOL_KEY_PREFIX + pool id -> share
    full_cost: Decimal
    unit_cost_exact: Decimal
    unit_cost: Decimal  # half-up to the penny, for display
    surplus_convention: SurplusKind
    surplus_value: Decimal
    price_before_rounding: Decimal
    price: Decimal  # net, rounded up to the service's step: what a price list publishes
    price_rounding: Decimal
    vat: VatTreatment
    vat_rate: Decimal
    vat_per_unit: Decimal
    price_inc_vat: Decimal
    surplus_per_unit: Decimal
    surplus_at_planned_volume: Decimal
    fixed_cost: Decimal
    variable_cost: Decimal
    break_even_units: Decimal | None  # None: the price does not exceed the variable cost a unit
    overhead_total: Decimal  # every overhead share added up (lines and pools)
    sensitivity: tuple[Sensitivity, ...] = field(default=())

    @property
    def income(self) -> Decimal:
        """Price × planned units, half-up to the penny: what the engine adds up into
        ScenarioResult.total_income (a property, so a changed copy can never disagree)."""
        return line_net(self.planned_units, self.price)

    @property
    def surplus_share_of_price(self) -> Decimal | None:
        """Surplus as a share of the price (None for a zero price), for comparison only."""
        return (self.surplus_per_unit / self.price) if self.price else None


@dataclass(frozen=True)
class UnpricedService:
    """A service the engine could not price, and why: its own problems first, then any in the
    staff or costs it depends on (each with its JSON path). The other services still price."""

    id: str
    name: str
    unit: str
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class ScenarioResult:
    """Everything the engine worked out for a scenario.

    `services` holds the services it priced, `unpriced` the ones it could not (with the reason);
    the totals add up the priced services only. `warnings` are figures that price but need a
    second look (pay below the legal minimum; a £0.00 price, one below its unit cost or one far
    above the rest of the menu): shown wherever the prices are, never a refusal.
    """

    scenario_name: str
    tax_year: str
    posts: tuple[PostCost, ...]
    pools: tuple[PoolCost, ...]
    services: tuple[ServiceResult, ...]
    total_cost: Decimal  # every cost in the model: staff plus cost lines
    total_full_cost: Decimal  # the services' full costs added up (always equals total_cost)
    total_income: Decimal  # price x planned units over services
    total_surplus: Decimal
    # basis value ("staff_time", "floor_area", "headcount", "usage", "equal") -> service id ->
    # the weight the engine shared by: staff time in hours (pool time left out), the others as
    # given in the model's bases (or one each). Set percentages are per line, in the model.
    basis_weights: Mapping[str, Mapping[str, Decimal]] = field(default_factory=dict)
    unpriced: tuple[UnpricedService, ...] = ()
    warnings: tuple[Problem, ...] = ()

    @property
    def problems(self) -> list[Problem]:
        """Every reason a service could not be priced, each once, in the order found."""
        return list(dict.fromkeys(p for s in self.unpriced for p in s.problems))

    def reasons(self, service_id: str) -> tuple[Problem, ...]:
        """Why the service could not be priced (empty when it was)."""
        return next((s.problems for s in self.unpriced if s.id == service_id), ())

    def check_complete(self) -> None:
        """CostingError with every reason when any service could not be priced (a price list
        is published whole, or not at all)."""
        if self.unpriced:
            raise CostingError(self.problems)

    def service(self, service_id: str) -> ServiceResult:
        return next(s for s in self.services if s.id == service_id)

    def post(self, post_id: str) -> PostCost:
        return next(p for p in self.posts if p.post_id == post_id)
