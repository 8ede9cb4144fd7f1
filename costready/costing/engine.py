"""The full-cost-recovery engine: DESIGN.md "The costing arithmetic, exactly", step by step."""

from __future__ import annotations

import operator
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from decimal import Decimal
from functools import cached_property

from costready.costing.bounds import MONEY_LIMIT
from costready.costing.floors import floor_warnings
from costready.costing.model import (
    POOL_PREFIX,
    Basis,
    EmployerNi,
    NiKind,
    PensionBase,
    Scenario,
    Service,
    StaffPost,
    SurplusKind,
    VolumeKind,
)
from costready.costing.plausibility import price_warnings
from costready.costing.results import (
    POOL_KEY_PREFIX,
    CostingError,
    LazyBreakdown,
    PoolCost,
    PostCost,
    ScenarioResult,
    Sensitivity,
    ServiceResult,
    UnpricedService,
)
from costready.costing.rules import TaxYearRules, full_time_hours, rules_for, vat_rate
from costready.costing.validate import validate
from costready.i18n import _
from costready.money import (
    Allocator,
    allocator_for,
    from_pennies,
    round_up_to_step,
    to_pennies,
    to_penny,
    vat_amount,
    whole_units_up,
    wide_arithmetic,
)
from costready.problems import Problem

ZERO = Decimal(0)
ONE = Decimal(1)
SENSITIVITY_CHANGES = (Decimal("-0.20"), Decimal("-0.10"), ZERO, Decimal("0.10"))


def price_scenario(scenario: Scenario) -> ScenarioResult:
    """Work out every post, pool and service figure.

    A service that cannot be priced (its own figures, or a post or cost line it depends on, has
    a problem; or it has no planned units) is in `ScenarioResult.unpriced` with the reason, and
    the rest still price. CostingError lists every problem when the model as a whole cannot be
    priced (no service, unknown tax year, clashing ids, or no service left to price).

    Runs in money.wide_context(): within the bounds validate checks nothing overflows, and an
    arithmetic error is never a traceback, only a service that could not be priced.
    """
    with wide_arithmetic():
        try:
            return _price(scenario)
        except ArithmeticError:  # cannot happen within the bounds; refuse rather than crash
            raise CostingError(
                [Problem("$", _("The costing could not be worked out: a figure is out of range"))]
            ) from None


def _price(scenario: Scenario) -> ScenarioResult:
    problems = validate(scenario)
    triage = _Triage(scenario, problems)
    if triage.whole or len(triage.reasons) == len(scenario.services):
        raise CostingError(problems)
    scenario = triage.neutralised()
    rules = rules_for(scenario.tax_year)
    posts = _post_costs(scenario, rules)
    units = _planned_units(scenario)
    reasons = {sid: list(found) for sid, found in triage.reasons.items()}
    for sid, problem in _unit_problems(scenario, units):
        reasons.setdefault(sid, []).append(problem)
    if len(reasons) == len(scenario.services):
        raise CostingError(_every(problems, reasons))
    bases = _BasisWeights(scenario, _staff_time_weights(scenario))
    pools = _pool_costs(scenario, posts, bases)
    shared = _apportioned_lines(scenario, bases)
    groups = _Groups(scenario, posts)
    priced = []
    for index, service in enumerate(scenario.services):
        if service.id not in reasons:
            result = _guarded_result(service, index, units[service.id], groups, pools, shared)
            if isinstance(result, Problem):
                reasons[service.id] = [result]
            else:
                priced.append(result)
    if not priced:
        raise CostingError(_every(problems, reasons))
    unpriced = tuple(
        UnpricedService(s.id, s.name, s.unit, tuple(dict.fromkeys(reasons[s.id])))
        for s in scenario.services
        if s.id in reasons
    )
    paths = {s.id: f"$.services[{i}]" for i, s in enumerate(scenario.services)}
    warnings = (
        *floor_warnings(triage.scenario, skip=triage.bad_posts),
        *price_warnings(priced, paths),
    )
    return replace(
        _scenario_result(scenario, posts, pools, bases, tuple(priced), unpriced),
        warnings=warnings,
    )


def _every(problems: list[Problem], reasons: Mapping[str, list[Problem]]) -> list[Problem]:
    """Validation's problems and the engine's own, each once, in the order found."""
    return list(dict.fromkeys(problems + [p for found in reasons.values() for p in found]))


def _scenario_result(
    scenario: Scenario,
    posts: Mapping[str, PostCost],
    pools: Mapping[str, PoolCost],
    bases: _BasisWeights,
    services: tuple[ServiceResult, ...],
    unpriced: tuple[UnpricedService, ...],
) -> ScenarioResult:
    """The result with its totals: every cost in the model, and over the services priced."""
    total_cost = sum((p.annual_cost for p in posts.values()), ZERO) + sum(
        (c.annual_amount for c in scenario.costs), ZERO
    )
    total_full = sum((s.full_cost for s in services), ZERO)
    income = sum((s.income for s in services), ZERO)
    return ScenarioResult(
        scenario_name=scenario.name,
        tax_year=scenario.tax_year,
        posts=tuple(posts.values()),
        pools=tuple(pools.values()),
        services=services,
        total_cost=total_cost,
        total_full_cost=total_full,
        total_income=income,
        total_surplus=income - total_full,
        basis_weights=bases.every_basis(),
        unpriced=unpriced,
    )


# Which services a problem stops ---------------------------------------------------------------

_ITEM = re.compile(r"^\$\.(services|staff|costs)\[(\d+)\](.*)$")
#: A post's fields that change only its cost, not its hours or where its time goes: a problem
#: in one stops the services the post works on directly (and any pool it gives time to).
_PAY_FIELDS = frozenset(
    ("", ".role", ".annual_salary", ".hourly_rate", ".employer_ni", ".pension", ".other_oncosts")
) | {".non_chargeable", ".age_band"}


class _Triage:
    """Sorts validation problems: whole-model ones, and per service the problems it depends on.

    A service's own problem stops only that service (its figures do not feed any other). A post
    whose pay is wrong stops the services it works on; a cost line direct to a service stops
    that service; anything shared (hours, time splits, pools, apportioned lines, basis tables)
    stops every service, since every share depends on it. Ids that clash or are missing, the
    tax year and the period make the whole model meaningless.
    """

    def __init__(self, scenario: Scenario, problems: list[Problem]):
        self.scenario = scenario
        self.whole: list[Problem] = []
        self.reasons: dict[str, list[Problem]] = {}
        self.bad_posts: set[int] = set()
        self.bad_lines: set[int] = set()
        self._ids = [s.id for s in scenario.services]
        for problem in problems:
            self._sort(problem)

    def _sort(self, problem: Problem) -> None:
        match = _ITEM.match(problem.path)
        if match is None:
            if problem.path.startswith(("$.overhead_pools", "$.bases")):
                self._stop(self._ids, problem)
            else:
                self.whole.append(problem)
            return
        table, index, rest = match.group(1), int(match.group(2)), match.group(3)
        if rest.startswith(".id"):
            self.whole.append(problem)
        elif table == "services":
            self._stop([self._ids[index]], problem)
        elif table == "staff":
            self._post_problem(index, rest, problem)
        else:
            self._line_problem(index, rest, problem)

    def _stop(self, service_ids: list[str], problem: Problem) -> None:
        for sid in service_ids:
            self.reasons.setdefault(sid, []).append(problem)

    def _post_problem(self, index: int, rest: str, problem: Problem) -> None:
        post = self.scenario.staff[index]
        field = "." + rest.split(".")[1] if rest.startswith(".") else rest
        reaches_pool = any(key.startswith(POOL_PREFIX) for key in post.time)
        if field not in _PAY_FIELDS or reaches_pool or self.scenario.claims_employment_allowance:
            self._stop(self._ids, problem)  # hours, time splits and allowances are shared
            return
        self.bad_posts.add(index)
        self._stop([key for key in post.time if key in self._ids], problem)

    def _line_problem(self, index: int, rest: str, problem: Problem) -> None:
        line = self.scenario.costs[index]
        if line.direct in self._ids and rest and not rest.startswith(".direct"):
            self.bad_lines.add(index)
            self._stop([line.direct], problem)  # type: ignore[list-item]
        else:
            self._stop(self._ids, problem)

    def neutralised(self) -> Scenario:
        """The scenario with each post and line in doubt costing nothing: only the services they
        stop would have shown their cost, so every other figure is as it would be."""
        staff = tuple(
            replace(
                post,
                annual_salary=ZERO,
                hourly_rate=None,
                employer_ni=EmployerNi(NiKind.NONE),
                pension=None,
                other_oncosts_rate=ZERO,
                non_chargeable={},
            )
            if index in self.bad_posts
            else post
            for index, post in enumerate(self.scenario.staff)
        )
        costs = tuple(
            replace(line, annual_amount=ZERO) if index in self.bad_lines else line
            for index, line in enumerate(self.scenario.costs)
        )
        return replace(self.scenario, staff=staff, costs=costs)


# Staff ------------------------------------------------------------------------------------


def paid_hours(post: StaffPost) -> Decimal:
    """Paid hours a year per person: given, or fte x 1,950 for a salaried post."""
    if post.paid_hours_per_person is not None:
        return post.paid_hours_per_person
    return post.fte * full_time_hours()


def pay_per_person(post: StaffPost) -> Decimal:
    """Annual pay of one person: salary x fte, or hourly rate x paid hours."""
    if post.hourly_rate is not None:
        return post.hourly_rate * paid_hours(post)
    return (post.annual_salary or ZERO) * post.fte


def employer_ni(post: StaffPost, pay: Decimal, rules: TaxYearRules) -> Decimal:
    """Employer NI per person, unrounded: auto = rate x max(0, pay - secondary threshold)."""
    ni = post.employer_ni
    if ni.kind is NiKind.NONE:
        return ZERO
    if ni.kind is NiKind.RATE:
        return (ni.rate or ZERO) * pay
    return rules.employer_ni_rate * max(ZERO, pay - rules.employer_ni_secondary_threshold)


def pension(post: StaffPost, pay: Decimal, rules: TaxYearRules) -> Decimal:
    """Employer pension per person, unrounded, on qualifying earnings (the band) or total pay."""
    if post.pension is None:
        return ZERO
    if post.pension.on is PensionBase.TOTAL_PAY:
        return post.pension.rate * pay
    lower, upper = rules.pension_qualifying_lower, rules.pension_qualifying_upper
    return post.pension.rate * (min(max(pay, lower), upper) - lower)


def _post_costs(scenario: Scenario, rules: TaxYearRules) -> dict[str, PostCost]:
    figures = {}
    for post in scenario.staff:
        pay = pay_per_person(post)
        figures[post.id] = (
            pay,
            employer_ni(post, pay, rules),
            pension(post, pay, rules),
            post.other_oncosts_rate * pay,
        )
    allowance = _employment_allowance(scenario, figures, rules)
    costs = {}
    for post in scenario.staff:
        pay, ni, pen, other = figures[post.id]
        reduction = allowance.get(post.id, ZERO)
        annual = to_penny(post.headcount * (pay + ni + pen + other)) - reduction
        hours = paid_hours(post)
        non_chargeable = sum(post.non_chargeable.values(), ZERO)
        costs[post.id] = PostCost(
            post_id=post.id,
            role=post.role,
            headcount=post.headcount,
            paid_hours_per_person=hours,
            pay_per_person=pay,
            employer_ni_per_person=ni,
            pension_per_person=pen,
            other_per_person=other,
            employment_allowance=reduction,
            annual_cost=annual,
            chargeable_hours=post.headcount * hours * (ONE - non_chargeable),
            split=allocator_for(post.time).split(annual),
        )
    return costs


def _employment_allowance(
    scenario: Scenario, figures: Mapping[str, tuple[Decimal, ...]], rules: TaxYearRules
) -> dict[str, Decimal]:
    """The allowance (up to the organisation's employer NI), shared over posts by their NI."""
    if not scenario.claims_employment_allowance:
        return {}
    ni_by_post = {p.id: p.headcount * figures[p.id][1] for p in scenario.staff}
    total_ni = sum(ni_by_post.values(), ZERO)
    if total_ni <= 0:
        return {}
    reduction = to_penny(min(rules.employment_allowance, total_ni))
    return allocator_for(ni_by_post).split(reduction)


# Units and bases --------------------------------------------------------------------------


def _planned_units(scenario: Scenario) -> dict[str, Decimal]:
    from_hours = {s.id: ZERO for s in scenario.services}
    for post in scenario.staff:
        if not post.delivers_units:
            continue
        chargeable = ONE - sum(post.non_chargeable.values(), ZERO)
        hours = post.headcount * paid_hours(post)
        for key, share in post.time.items():
            if key in from_hours:
                from_hours[key] += hours * share * chargeable
    units = {}
    for service in scenario.services:
        volume = service.volume
        if volume.kind is VolumeKind.FROM_STAFF_HOURS:
            units[service.id] = from_hours[service.id]
        elif volume.kind is VolumeKind.CAPACITY:
            units[service.id] = (volume.capacity or ZERO) * (volume.occupancy or ZERO)
        else:
            units[service.id] = volume.units or ZERO
    return units


def _unit_problems(scenario: Scenario, units: Mapping[str, Decimal]) -> list[tuple[str, Problem]]:
    """(service id, problem) for each service left with no planned units."""
    return [
        (
            service.id,
            Problem(
                f"$.services[{index}].planned_units",
                _(
                    "{service}: no planned units — no post marked “Does the work sold” "
                    "spends time on it"
                ).format(service=service.name),
            ),
        )
        for index, service in enumerate(scenario.services)
        if units[service.id] <= 0
    ]


def _staff_time_weights(scenario: Scenario) -> dict[str, Decimal]:
    """Hours (not cost) each service gets from posts: headcount x paid hours x time share."""
    weights = {s.id: ZERO for s in scenario.services}
    for post in scenario.staff:
        hours = post.headcount * paid_hours(post)
        for key, share in post.time.items():
            if key in weights:
                weights[key] += hours * share
    return weights


class _BasisWeights:
    """One Allocator per basis (built once), so many lines share the same integer weights; the
    weights themselves go into the result, so an explanation reads what was used."""

    def __init__(self, scenario: Scenario, staff_time: dict[str, Decimal]):
        self._scenario = scenario
        self._staff_time = staff_time
        self._cache: dict[Basis, Allocator | None] = {}
        self._weights_cache: dict[Basis, dict[str, Decimal]] = {}

    def weights(self, basis: Basis) -> dict[str, Decimal]:
        """Service id -> weight for a basis other than set percentages (built once)."""
        if basis not in self._weights_cache:
            self._weights_cache[basis] = self._weights(basis)
        return self._weights_cache[basis]

    def every_basis(self) -> dict[str, dict[str, Decimal]]:
        """Basis value -> service id -> weight, for every basis but set percentages."""
        return {basis.value: self.weights(basis) for basis in Basis if basis is not Basis.SHARES}

    def allocator(
        self, basis: Basis, shares: Mapping[str, Decimal] | None, path: str, name: str
    ) -> Allocator:
        if basis is Basis.SHARES:
            return self._checked(dict(shares or {}), path, name)
        if basis not in self._cache:
            try:
                self._cache[basis] = allocator_for(self.weights(basis))
            except ValueError:
                self._cache[basis] = None
        allocator = self._cache[basis]
        if allocator is None:
            raise CostingError([_all_zero(path, name, basis)])
        return allocator

    def _weights(self, basis: Basis) -> dict[str, Decimal]:
        ids = [s.id for s in self._scenario.services]
        if basis is Basis.STAFF_TIME:
            return dict(self._staff_time)
        if basis is Basis.EQUAL:
            return dict.fromkeys(ids, ONE)
        table = self._scenario.bases.get(basis.value, {})
        return {sid: table.get(sid, ZERO) for sid in ids}

    @staticmethod
    def _checked(weights: dict[str, Decimal], path: str, name: str) -> Allocator:
        try:
            return allocator_for(weights)
        except ValueError:
            raise CostingError([_all_zero(path, name, Basis.SHARES)]) from None


def _all_zero(path: str, name: str, basis: Basis) -> Problem:
    return Problem(
        path,
        _(
            "{line}: the basis “{basis}” gives every service a weight of zero, so the cost cannot "
            "be shared"
        ).format(line=name, basis=basis.value),
    )


def _pool_costs(
    scenario: Scenario, posts: Mapping[str, PostCost], bases: _BasisWeights
) -> dict[str, PoolCost]:
    pools = {}
    for pool in scenario.pools:
        key = POOL_PREFIX + pool.id
        staff = {pid: post.split[key] for pid, post in posts.items() if key in post.split}
        lines = {c.id: c.annual_amount for c in scenario.costs if c.pool == pool.id}
        total = sum(staff.values(), ZERO) + sum(lines.values(), ZERO)
        if total:
            allocator = bases.allocator(
                pool.basis, pool.shares, f"$.overhead_pools.{pool.id}", pool.label
            )
            allocation = allocator.split(total)
        else:
            allocation = {s.id: ZERO for s in scenario.services}
        weights = (
            dict(pool.shares or {}) if pool.basis is Basis.SHARES else bases.weights(pool.basis)
        )
        pools[pool.id] = PoolCost(
            pool_id=pool.id,
            label=pool.label,
            basis=pool.basis.value,
            staff=staff,
            lines=lines,
            total=total,
            allocation=allocation,
            weights=weights,
        )
    return pools


class _SharedLines:
    """Every cost line shared by a basis, split in whole pennies, with running totals per
    service; a service's line-by-line breakdown is built only when it is read."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, Allocator, tuple[int, ...]]] = []
        self._running: dict[int, tuple[Allocator, Sequence[int]]] = {}

    def add(self, line_id: str, allocator: Allocator, pennies: int) -> None:
        parts = allocator.split_pennies(pennies)
        self.lines.append((line_id, allocator, parts))
        running = self._running.get(id(allocator))
        total: Sequence[int] = (
            parts if running is None else list(map(operator.add, running[1], parts))
        )
        self._running[id(allocator)] = (allocator, total)

    @cached_property
    def totals(self) -> dict[str, int]:
        """Pennies per service id over every shared line (read once every line is added)."""
        totals: dict[str, int] = {}
        for allocator, running in self._running.values():
            for key, pennies in zip(allocator.keys, running, strict=True):
                totals[key] = totals.get(key, 0) + pennies
        return totals

    def column(self, service_id: str) -> dict[str, Decimal]:
        """Line id -> the service's share, in the order of the lines."""
        column = {}
        for line_id, allocator, parts in self.lines:
            index = allocator.position.get(service_id)
            column[line_id] = from_pennies(parts[index]) if index is not None else ZERO
        return column


def _apportioned_lines(scenario: Scenario, bases: _BasisWeights) -> _SharedLines:
    shared = _SharedLines()
    for index, line in enumerate(scenario.costs):
        if line.basis is None:
            continue
        allocator = bases.allocator(
            line.basis, line.shares, f"$.costs[{index}].apportion", line.name
        )
        shared.add(line.id, allocator, to_pennies(line.annual_amount))
    return shared


class _Groups:
    """Staff and direct lines grouped by service once, not searched once per service."""

    def __init__(self, scenario: Scenario, posts: Mapping[str, PostCost]):
        self.staff: dict[str, dict[str, Decimal]] = {s.id: {} for s in scenario.services}
        for post_id, post in posts.items():
            for key, amount in post.split.items():
                if key in self.staff:
                    self.staff[key][post_id] = amount
        self.direct: dict[str, dict[str, Decimal]] = {s.id: {} for s in scenario.services}
        self.variable: dict[str, Decimal] = {s.id: ZERO for s in scenario.services}
        for staff_post in scenario.staff:
            # paid for the hours worked: its pay follows the units; its pool time stays fixed
            if staff_post.paid_for_hours_worked:
                for key, amount in posts[staff_post.id].split.items():
                    if key in self.variable:
                        self.variable[key] += amount
        for line in scenario.costs:
            if line.direct is None:
                continue
            self.direct[line.direct][line.id] = line.annual_amount
            if line.varies_with_volume:
                self.variable[line.direct] += line.annual_amount


# Per service ------------------------------------------------------------------------------


def _guarded_result(
    service: Service,
    index: int,
    units: Decimal,
    groups: _Groups,
    pools: Mapping[str, PoolCost],
    shared: _SharedLines,
) -> ServiceResult | Problem:
    """The service's figures, or the Problem that stopped them (a price beyond the bounds)."""
    try:
        result = _service_result(service, units, groups, pools, shared)
    except ArithmeticError:
        result = None
    if result is None or max(abs(result.price_inc_vat), abs(result.unit_cost)) > MONEY_LIMIT:
        return Problem(
            f"$.services[{index}]",
            _(
                "{service}: the price would be more than £1,000,000,000 a unit; check its "
                "planned units and surplus"
            ).format(service=service.name),
        )
    return result


def _service_result(
    service: Service,
    units: Decimal,
    groups: _Groups,
    pools: Mapping[str, PoolCost],
    shared: _SharedLines,
) -> ServiceResult:
    sid = service.id
    staff_lines = groups.staff[sid]
    direct_lines = groups.direct[sid]
    variable = groups.variable[sid]
    pool_shares = {
        POOL_KEY_PREFIX + pool_id: pool.allocation.get(sid, ZERO) for pool_id, pool in pools.items()
    }
    overhead_total = from_pennies(shared.totals.get(sid, 0)) + sum(pool_shares.values(), ZERO)
    direct_staff = sum(staff_lines.values(), ZERO)
    direct_other = sum(direct_lines.values(), ZERO)
    full_cost = direct_staff + direct_other + overhead_total
    unit_cost = full_cost / units
    before = price_before_rounding(service, unit_cost)
    price = round_up_to_step(before, service.price_rounding)
    rate = vat_rate(service.vat.value)
    vat = vat_amount(price, rate)
    fixed = full_cost - variable
    return ServiceResult(
        id=sid,
        name=service.name,
        unit=service.unit,
        planned_units=units,
        direct_staff=direct_staff,
        direct_staff_lines=staff_lines,
        direct_other=direct_other,
        direct_other_lines=direct_lines,
        overheads=LazyBreakdown(lambda: shared.column(sid) | pool_shares),
        overhead_total=overhead_total,
        full_cost=full_cost,
        unit_cost_exact=unit_cost,
        unit_cost=to_penny(unit_cost),
        surplus_convention=service.surplus.kind,
        surplus_value=service.surplus.value,
        price_before_rounding=before,
        price=price,
        price_rounding=service.price_rounding,
        vat=service.vat,
        vat_rate=rate,
        vat_per_unit=vat,
        price_inc_vat=price + vat,
        surplus_per_unit=to_penny(price - unit_cost),
        surplus_at_planned_volume=to_penny(price * units - full_cost),
        fixed_cost=fixed,
        variable_cost=variable,
        break_even_units=break_even(fixed, variable / units, price),
        sensitivity=tuple(
            _sensitivity(change, units, fixed, variable, price) for change in SENSITIVITY_CHANGES
        ),
    )


def price_before_rounding(service: Service, unit_cost: Decimal) -> Decimal:
    """The price from the exact unit cost by the service's surplus convention (unrounded)."""
    surplus = service.surplus
    if surplus.kind is SurplusKind.SHARE_OF_PRICE:
        return unit_cost / (ONE - surplus.value)
    if surplus.kind is SurplusKind.FIXED_PER_UNIT:
        return unit_cost + surplus.value
    return unit_cost * (ONE + surplus.value)


def break_even(fixed: Decimal, variable_per_unit: Decimal, price: Decimal) -> Decimal | None:
    """Units needed to cover fixed costs at `price`, rounded up; None if price <= variable cost."""
    contribution = price - variable_per_unit
    if contribution <= 0:
        return None
    return whole_units_up(fixed / contribution)


def _sensitivity(
    change: Decimal, units: Decimal, fixed: Decimal, variable: Decimal, price: Decimal
) -> Sensitivity:
    """Volume moves by `change`: fixed costs stay, variable costs scale with it."""
    moved_units = units * (ONE + change)
    full = fixed + variable * (ONE + change)
    return Sensitivity(
        change=change,
        units=moved_units,
        full_cost=to_penny(full),
        unit_cost=to_penny(full / moved_units),
        surplus=to_penny(price * moved_units - full),
    )
