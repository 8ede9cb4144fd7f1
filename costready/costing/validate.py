"""Everything wrong with a scenario, each problem with its JSON path and a plain message."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from costready.costing.model import (
    ONE,
    POOL_PREFIX,
    WEIGHTED_BASES,
    Basis,
    CostLine,
    NiKind,
    OverheadPool,
    Scenario,
    Service,
    StaffPost,
    SurplusKind,
    VolumeKind,
)
from costready.costing.results import POOL_KEY_PREFIX
from costready.costing.rules import tax_years
from costready.i18n import _
from costready.money import PENNY, is_whole, is_whole_pennies
from costready.problems import Problem

ZERO = Decimal(0)


def validate(scenario: Scenario) -> list[Problem]:
    """Every problem that stops `scenario` being priced (an empty list when it can be)."""
    problems: list[Problem] = []
    if scenario.tax_year not in tax_years():
        problems.append(
            Problem(
                "$.scenario.tax_year",
                _("Tax year {year} is not in the rules file (it has {years})").format(
                    year=scenario.tax_year, years=", ".join(tax_years())
                ),
            )
        )
    if scenario.period_end < scenario.period_start:
        problems.append(Problem("$.scenario.period_end", _("The period ends before it starts")))
    if not scenario.services:
        problems.append(Problem("$.services", _("Add at least one service to price")))
    service_ids = {s.id for s in scenario.services}
    pool_ids = {p.id for p in scenario.pools}
    problems += _duplicates("$.services", (s.id for s in scenario.services), _("service"))
    problems += _duplicates("$.staff", (p.id for p in scenario.staff), _("post"))
    problems += _duplicates("$.costs", (c.id for c in scenario.costs), _("cost line"))
    problems += [  # "pool:NAME" names a pool's share in a service's overheads
        Problem(
            f"$.costs[{index}].id",
            _("{line}: a cost line's id cannot start with “{prefix}”").format(
                line=line.name or line.id, prefix=POOL_KEY_PREFIX
            ),
        )
        for index, line in enumerate(scenario.costs)
        if line.id.startswith(POOL_KEY_PREFIX)
    ]
    for index, service in enumerate(scenario.services):
        problems += validate_service(service, f"$.services[{index}]")
    for index, post in enumerate(scenario.staff):
        path = f"$.staff[{index}]"
        problems += validate_post(post, path)
        problems += _time_problems(path, post, post.role or post.id, service_ids, pool_ids)
    for index, line in enumerate(scenario.costs):
        problems += _cost_problems(f"$.costs[{index}]", line, service_ids, pool_ids)
    for pool in scenario.pools:
        problems += _pool_problems(f"$.overhead_pools.{pool.id}", pool, service_ids)
    for basis, weights in scenario.bases.items():
        problems += _basis_table_problems(f"$.bases.{basis}", basis, weights, service_ids)
    return problems


def _duplicates(path: str, ids: Iterable[str], what: str) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for index, item_id in enumerate(ids):
        if not item_id:
            problems.append(
                Problem(f"{path}[{index}].id", _("Each {what} needs an id").format(what=what))
            )
        elif item_id in seen:
            problems.append(
                Problem(
                    f"{path}[{index}].id",
                    _("The id “{id}” is used by more than one {what}").format(
                        id=item_id, what=what
                    ),
                )
            )
        seen.add(item_id)
    return problems


def validate_service(service: Service, path: str) -> list[Problem]:
    """Every problem with one service on its own (`path` such as "$.services[0]").

    The Services page checks an edit with this too, so the screen and the engine agree.
    """
    name = service.name or service.id
    problems = []
    if not service.name.strip():
        problems.append(
            Problem(f"{path}.name", _("Service “{id}”: enter a name").format(id=service.id))
        )
    volume = service.volume
    if volume.kind is VolumeKind.TYPED and (volume.units is None or volume.units <= 0):
        problems.append(
            Problem(
                f"{path}.planned_units",
                _("{service}: planned units must be more than zero").format(service=name),
            )
        )
    if volume.kind is VolumeKind.CAPACITY:
        if volume.capacity is None or volume.capacity <= 0:
            problems.append(
                Problem(
                    f"{path}.capacity_units",
                    _("{service}: capacity must be more than zero").format(service=name),
                )
            )
        if volume.occupancy is None or not ZERO < volume.occupancy <= ONE:
            problems.append(
                Problem(
                    f"{path}.occupancy",
                    _("{service}: occupancy must be more than 0% and at most 100%").format(
                        service=name
                    ),
                )
            )
    surplus = service.surplus
    if surplus.kind is SurplusKind.SHARE_OF_PRICE and surplus.value >= ONE:
        problems.append(
            Problem(
                f"{path}.surplus.value",
                _("{service}: a surplus as a share of the price must be under 100%").format(
                    service=name
                ),
            )
        )
    if surplus.kind is SurplusKind.MARKUP_ON_COST and surplus.value <= -ONE:
        problems.append(
            Problem(
                f"{path}.surplus.value",
                _("{service}: a mark-up must be more than −100%").format(service=name),
            )
        )
    step = service.price_rounding
    if step <= 0 or step % PENNY:
        problems.append(
            Problem(
                f"{path}.price_rounding",
                _(
                    "{service}: the price rounding step must be a whole number of pence, such as "
                    "0.01, 0.05 or 0.50"
                ).format(service=name),
            )
        )
    return problems


def validate_post(post: StaffPost, path: str) -> list[Problem]:
    """Every problem with one post's own figures (`path` such as "$.staff[0]"); its time split
    is checked against the scenario's services and pools by `validate`.

    The Staff page checks an edit with this too, so the screen and the engine agree.
    """
    who = post.role or post.id
    problems = []
    if not post.role.strip():
        problems.append(Problem(f"{path}.role", _("Post “{id}”: enter a role").format(id=post.id)))
    if (post.annual_salary is None) == (post.hourly_rate is None):
        problems.append(
            Problem(
                path, _("{post}: give either an annual salary or an hourly rate").format(post=who)
            )
        )
    for field_name, value in (
        ("annual_salary", post.annual_salary),
        ("hourly_rate", post.hourly_rate),
    ):
        if value is not None and value < 0:
            problems.append(
                Problem(
                    f"{path}.{field_name}", _("{post}: pay cannot be negative").format(post=who)
                )
            )
    if post.hourly_rate is not None and not post.paid_hours_per_person:
        problems.append(
            Problem(
                f"{path}.paid_hours_per_person",
                _("{post}: an hourly post needs paid hours a year per person").format(post=who),
            )
        )
    if post.paid_hours_per_person is not None and post.paid_hours_per_person <= 0:
        problems.append(
            Problem(
                f"{path}.paid_hours_per_person",
                _("{post}: paid hours must be more than zero").format(post=who),
            )
        )
    if post.fte <= 0:
        problems.append(
            Problem(f"{path}.fte", _("{post}: FTE must be more than zero").format(post=who))
        )
    if post.headcount <= 0 or not is_whole(post.headcount):
        # people come whole: a part-time post is one person at a smaller FTE
        problems.append(
            Problem(
                f"{path}.headcount",
                _(
                    "{post}: people in the post (headcount) must be a whole number, 1 or more"
                ).format(post=who),
            )
        )
    problems += _rate_problems(path, post, who)
    return problems


def _rate_problems(path: str, post: StaffPost, who: str) -> list[Problem]:
    problems = []
    ni = post.employer_ni
    if ni.kind is NiKind.RATE and (ni.rate is None or not ZERO <= ni.rate <= ONE):
        problems.append(
            Problem(
                f"{path}.employer_ni.rate",
                _("{post}: employer NI rate must be between 0% and 100%").format(post=who),
            )
        )
    if post.pension is not None and not ZERO <= post.pension.rate <= ONE:
        problems.append(
            Problem(
                f"{path}.pension.rate",
                _("{post}: pension rate must be between 0% and 100%").format(post=who),
            )
        )
    if not ZERO <= post.other_oncosts_rate <= ONE:
        problems.append(
            Problem(
                f"{path}.other_oncosts.rate",
                _("{post}: other on-costs must be between 0% and 100% of pay").format(post=who),
            )
        )
    for kind, share in post.non_chargeable.items():
        if share < 0:
            problems.append(
                Problem(
                    f"{path}.non_chargeable.{kind}",
                    _("{post}: non-chargeable time cannot be negative").format(post=who),
                )
            )
    if sum(post.non_chargeable.values(), ZERO) >= ONE:
        problems.append(
            Problem(
                f"{path}.non_chargeable",
                _("{post}: non-chargeable time must be under 100% of paid hours").format(post=who),
            )
        )
    return problems


def _time_problems(
    path: str, post: StaffPost, who: str, service_ids: set[str], pool_ids: set[str]
) -> list[Problem]:
    problems = []
    for key, share in post.time.items():
        if key.startswith(POOL_PREFIX):
            if key[len(POOL_PREFIX) :] not in pool_ids:
                problems.append(
                    Problem(
                        f"{path}.time.{key}",
                        _("{post}: there is no overhead pool “{pool}”").format(
                            post=who, pool=key[len(POOL_PREFIX) :]
                        ),
                    )
                )
        elif key not in service_ids:
            problems.append(
                Problem(
                    f"{path}.time.{key}",
                    _("{post}: time is given to “{key}”, which is not a service").format(
                        post=who, key=key
                    ),
                )
            )
        if share < 0:
            problems.append(
                Problem(
                    f"{path}.time.{key}",
                    _("{post}: a share of time cannot be negative").format(post=who),
                )
            )
    total = sum(post.time.values(), ZERO)
    if total != ONE:
        problems.append(
            Problem(
                f"{path}.time",
                _("{post}: time adds up to {total}%, not 100%").format(
                    post=who, total=_percent(total)
                ),
            )
        )
    return problems


def _cost_problems(
    path: str, line: CostLine, service_ids: set[str], pool_ids: set[str]
) -> list[Problem]:
    name = line.name or line.id
    problems = []
    targets = [line.direct is not None, line.basis is not None, line.pool is not None]
    if sum(targets) != 1:
        problems.append(
            Problem(
                path,
                _(
                    "{line}: give exactly one of: direct to a service, shared by a basis, or an "
                    "overhead pool"
                ).format(line=name),
            )
        )
    if line.annual_amount < 0:
        problems.append(
            Problem(
                f"{path}.annual_amount",
                _("{line}: the amount cannot be negative").format(line=name),
            )
        )
    elif not is_whole_pennies(line.annual_amount):
        problems.append(
            Problem(
                f"{path}.annual_amount",
                _("{line}: give the amount in pounds and whole pence").format(line=name),
            )
        )
    if line.direct is not None and line.direct not in service_ids:
        problems.append(
            Problem(
                f"{path}.direct",
                _("{line}: “{service}” is not a service").format(line=name, service=line.direct),
            )
        )
    if line.pool is not None and line.pool not in pool_ids:
        problems.append(
            Problem(
                f"{path}.pool",
                _("{line}: there is no overhead pool “{pool}”").format(line=name, pool=line.pool),
            )
        )
    if line.varies_with_volume and line.direct is None:
        problems.append(
            Problem(
                f"{path}.varies_with_volume",
                _("{line}: only a direct cost can vary with volume").format(line=name),
            )
        )
    if line.basis is Basis.SHARES:
        problems += _shares_problems(f"{path}.apportion.shares", name, line.shares, service_ids)
    return problems


def _pool_problems(path: str, pool: OverheadPool, service_ids: set[str]) -> list[Problem]:
    if pool.basis is Basis.SHARES:
        return _shares_problems(f"{path}.shares", pool.label, pool.shares, service_ids)
    return []


def _shares_problems(
    path: str, name: str, shares: Mapping[str, Decimal] | None, service_ids: set[str]
) -> list[Problem]:
    shares = shares or {}
    problems = [
        Problem(f"{path}.{key}", _("{line}: “{key}” is not a service").format(line=name, key=key))
        for key in shares
        if key not in service_ids
    ]
    problems += [
        Problem(f"{path}.{key}", _("{line}: a share cannot be negative").format(line=name))
        for key, value in shares.items()
        if value < 0
    ]
    total = sum(shares.values(), ZERO)
    if total != ONE:
        problems.append(
            Problem(
                path,
                _("{line}: the shares add up to {total}%, not 100%").format(
                    line=name, total=_percent(total)
                ),
            )
        )
    return problems


def _basis_table_problems(
    path: str, basis: str, weights: Mapping[str, Decimal], service_ids: set[str]
) -> list[Problem]:
    problems = []
    if basis not in {b.value for b in WEIGHTED_BASES}:
        problems.append(
            Problem(
                path,
                _("“{basis}” is not a basis with weights (floor_area, headcount or usage)").format(
                    basis=basis
                ),
            )
        )
    for key, value in weights.items():
        if key not in service_ids:
            problems.append(Problem(f"{path}.{key}", _("“{key}” is not a service").format(key=key)))
        if value < 0:
            problems.append(Problem(f"{path}.{key}", _("A weight cannot be negative")))
    return problems


def _percent(share: Decimal) -> str:
    return f"{(share * 100).normalize():f}"
