"""Everything wrong with a scenario, each problem with its JSON path and a plain message."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from functools import lru_cache
from typing import TypeVar

from costready.costing import bounds
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
from costready.costing.rules import AgeBand, tax_years
from costready.i18n import N_, _
from costready.money import NumberBound, TextBound, is_whole
from costready.problems import Problem

ZERO = Decimal(0)


def validate(scenario: Scenario) -> list[Problem]:
    """Every problem that stops `scenario` being priced (an empty list when it can be)."""
    problems: list[Problem] = []
    problems += _text(scenario.name, bounds.NAME, "$.scenario.name", N_("Scenario name"))
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
        problems += _time_problems(path, post, _called(post.role or post.id), service_ids, pool_ids)
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
        refused = _text(item_id, bounds.ID, f"{path}[{index}].id", N_("An id"))
        if refused:
            problems += refused
        elif not item_id:
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


#: Items a validator has found clean, remembered before it starts afresh (bounded memory).
CLEAN_LIMIT = 100_000
Item = TypeVar("Item")


def _remembering_clean(
    check: Callable[[Item, str], list[Problem]],
) -> Callable[[Item, str], list[Problem]]:
    """`check`, skipping an item it found clean before. Items never change (an edit makes a new
    one) and a clean item is clean at any path and in any language, so after an edit to one
    line of a large model only that line is checked again. Held by identity: an item stays
    alive while it is remembered, so its id cannot be reused by another."""
    clean: dict[int, object] = {}

    @functools.wraps(check)
    def checked(item: Item, path: str) -> list[Problem]:
        if clean.get(id(item)) is item:
            return []
        problems = check(item, path)
        if not problems:
            if len(clean) >= CLEAN_LIMIT:
                clean.clear()
            clean[id(item)] = item
        return problems

    return checked


@_remembering_clean
def validate_service(service: Service, path: str) -> list[Problem]:
    """Every problem with one service on its own (`path` such as "$.services[0]").

    The Services page checks an edit with this too, so the screen and the engine agree.
    """
    name = _called(service.name or service.id)
    problems = []
    if not service.name.strip():
        problems.append(
            Problem(f"{path}.name", _("Service “{id}”: enter a name").format(id=service.id))
        )
    problems += _text(
        service.name,
        bounds.NAME,
        f"{path}.name",
        N_("{name}: the name"),
        name,
    )
    problems += _text(service.unit, bounds.UNIT, f"{path}.unit", N_("{name}: the unit"), name)
    problems += _text(
        service.description,
        bounds.DESCRIPTION,
        f"{path}.description",
        N_("{name}: the description"),
        name,
    )
    problems += _volume_problems(service, path, name)
    problems += _surplus_problems(service, path, name)
    # the bound is whole pence from 0.01 up, so it says the rounding rule too
    label = (N_("{name}: the price rounding step"), name)
    _number(problems, service.price_rounding, bounds.PRICE_STEP, f"{path}.price_rounding", *label)
    return problems


def _volume_problems(service: Service, path: str, name: str) -> list[Problem]:
    volume = service.volume
    problems: list[Problem] = []
    if volume.kind is VolumeKind.TYPED:
        refusal = _("{service}: planned units must be more than zero").format(service=name)
        label = (N_("{name}: planned units"), name)
        _positive_units(problems, volume.units, f"{path}.planned_units", refusal, label)
    if volume.kind is VolumeKind.CAPACITY:
        refusal = _("{service}: capacity must be more than zero").format(service=name)
        label = (N_("{name}: capacity"), name)
        _positive_units(problems, volume.capacity, f"{path}.capacity_units", refusal, label)
        occupancy = volume.occupancy
        if not _finite(occupancy) or occupancy is None or not ZERO < occupancy <= ONE:
            problems.append(
                Problem(
                    f"{path}.occupancy",
                    _("{service}: occupancy must be more than 0% and at most 100%").format(
                        service=name
                    ),
                )
            )
        else:
            label = (N_("{name}: occupancy"), name)
            _number(problems, occupancy, bounds.SHARE, f"{path}.occupancy", *label)
    return problems


def _positive_units(
    problems: list[Problem],
    value: Decimal | None,
    path: str,
    refusal: str,
    label: tuple[str, str],
) -> None:
    """A count of units: more than zero (else `refusal`), then within the units bound."""
    if not _finite(value) or value is None or value <= 0:
        problems.append(Problem(path, refusal))
    else:
        _number(problems, value, bounds.UNITS, path, *label)


def _surplus_problems(service: Service, path: str, name: str) -> list[Problem]:
    surplus = service.surplus
    problems: list[Problem] = []
    label = (N_("{name}: the surplus"), name)
    if not _finite(surplus.value):
        message = _("{label} must be a number").format(label=_Label(*label))
        return [Problem(f"{path}.surplus.value", message)]
    if surplus.kind is SurplusKind.SHARE_OF_PRICE and surplus.value >= ONE:
        problems.append(
            Problem(
                f"{path}.surplus.value",
                _("{service}: a surplus as a share of the price must be under 100%").format(
                    service=name
                ),
            )
        )
    elif surplus.kind is SurplusKind.MARKUP_ON_COST and surplus.value <= -ONE:
        problems.append(
            Problem(
                f"{path}.surplus.value",
                _("{service}: a mark-up must be more than −100%").format(service=name),
            )
        )
    else:
        bound = bounds.surplus_bound(surplus.kind.value)
        _number(problems, surplus.value, bound, f"{path}.surplus.value", *label)
    return problems


@_remembering_clean
def validate_post(post: StaffPost, path: str) -> list[Problem]:
    """Every problem with one post's own figures (`path` such as "$.staff[0]"); its time split
    is checked against the scenario's services and pools by `validate`.

    The Staff page checks an edit with this too, so the screen and the engine agree.
    """
    who = _called(post.role or post.id)
    problems = []
    if not post.role.strip():
        problems.append(Problem(f"{path}.role", _("Post “{id}”: enter a role").format(id=post.id)))
    problems += _text(post.role, bounds.NAME, f"{path}.role", N_("{name}: the role"), who)
    if (post.annual_salary is None) == (post.hourly_rate is None):
        problems.append(
            Problem(
                path, _("{post}: give either an annual salary or an hourly rate").format(post=who)
            )
        )
    for field_name, value, bound, label in (
        ("annual_salary", post.annual_salary, bounds.AMOUNT, N_("{name}: the annual salary")),
        ("hourly_rate", post.hourly_rate, bounds.HOURLY_RATE, N_("{name}: the hourly rate")),
    ):
        if value is None:
            continue
        negative = N_("{post}: pay cannot be negative")
        _not_negative(problems, value, bound, f"{path}.{field_name}", negative, label, who)
    problems += _hours_problems(path, post, who)
    problems += _rate_problems(path, post, who)
    if post.age_band not in set(AgeBand):
        problems.append(
            Problem(f"{path}.age_band", _("{post}: choose an age band").format(post=who))
        )
    return problems


def _hours_problems(path: str, post: StaffPost, who: str) -> list[Problem]:
    problems: list[Problem] = []
    hours = post.paid_hours_per_person
    if post.hourly_rate is not None and not hours:
        problems.append(
            Problem(
                f"{path}.paid_hours_per_person",
                _("{post}: an hourly post needs paid hours a year per person").format(post=who),
            )
        )
    elif hours is not None and _finite(hours) and hours <= 0:
        problems.append(
            Problem(
                f"{path}.paid_hours_per_person",
                _("{post}: paid hours must be more than zero").format(post=who),
            )
        )
    else:
        label = (N_("{name}: paid hours a year per person"), who)
        _number(problems, hours, bounds.HOURS, f"{path}.paid_hours_per_person", *label)
    if _finite(post.fte) and post.fte <= 0:
        problems.append(
            Problem(f"{path}.fte", _("{post}: FTE must be more than zero").format(post=who))
        )
    else:
        _number(problems, post.fte, bounds.FTE, f"{path}.fte", N_("{name}: FTE"), who)
    headcount = post.headcount
    if not _number(
        problems,
        headcount,
        bounds.HEADCOUNT,
        f"{path}.headcount",
        N_("{name}: people in the post (headcount)"),
        who,
    ):
        return problems
    if headcount <= 0 or not is_whole(headcount):
        # people come whole: a part-time post is one person at a smaller FTE
        problems.append(
            Problem(
                f"{path}.headcount",
                _(
                    "{post}: people in the post (headcount) must be a whole number, 1 or more"
                ).format(post=who),
            )
        )
    return problems


def _rate_problems(path: str, post: StaffPost, who: str) -> list[Problem]:
    problems: list[Problem] = []
    ni = post.employer_ni
    if ni.kind is NiKind.RATE:
        ni_path = f"{path}.employer_ni.rate"
        if ni.rate is None:
            problems.append(
                Problem(
                    ni_path,
                    _("{post}: employer NI rate must be between 0% and 100%").format(post=who),
                )
            )
        else:
            label = (N_("{name}: employer NI rate"), who)
            _number(problems, ni.rate, bounds.SHARE, ni_path, *label)
    if post.pension is not None:
        _number(
            problems,
            post.pension.rate,
            bounds.SHARE,
            f"{path}.pension.rate",
            N_("{name}: pension rate"),
            who,
        )
    _number(
        problems,
        post.other_oncosts_rate,
        bounds.SHARE,
        f"{path}.other_oncosts.rate",
        N_("{name}: other on-costs"),
        who,
    )
    within = True
    for kind, share in post.non_chargeable.items():
        kind_path = f"{path}.non_chargeable.{kind}"
        problems += _text(kind, bounds.KEY, kind_path, N_("{name}: a kind of time"), who)
        negative = N_("{post}: non-chargeable time cannot be negative")
        label = (N_("{name}: non-chargeable time"), who)
        within = (
            _not_negative(problems, share, bounds.SHARE, kind_path, negative, *label) and within
        )
    if within and sum(post.non_chargeable.values(), ZERO) >= ONE:
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
    problems: list[Problem] = []
    within = True
    for key, share in post.time.items():
        key_path = f"{path}.time.{key}"
        refused = _text(key, bounds.KEY, key_path, N_("{name}: a time key"), who)
        if refused:
            problems += refused
        elif key.startswith(POOL_PREFIX):
            if key[len(POOL_PREFIX) :] not in pool_ids:
                problems.append(
                    Problem(
                        key_path,
                        _("{post}: there is no overhead pool “{pool}”").format(
                            post=who, pool=key[len(POOL_PREFIX) :]
                        ),
                    )
                )
        elif key not in service_ids:
            problems.append(
                Problem(
                    key_path,
                    _("{post}: time is given to “{key}”, which is not a service").format(
                        post=who, key=key
                    ),
                )
            )
        negative = N_("{post}: a share of time cannot be negative")
        label = (N_("{name}: a share of time"), who)
        within = _not_negative(problems, share, bounds.SHARE, key_path, negative, *label) and within
    if within:
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


@_remembering_clean
def validate_cost_line(line: CostLine, path: str) -> list[Problem]:
    """Every problem with one cost line's own figures and text (`path` such as "$.costs[0]");
    where it goes is checked against the scenario's services and pools by `validate`.

    For a screen that edits one line: it refuses what would stop the engine, as validate does.
    """
    if _plain_line(line):
        return []
    name = _called(line.name or line.id)
    problems = _text(line.name, bounds.NAME, f"{path}.name", N_("{name}: the name"), name)
    problems += _text(
        line.category,
        bounds.CODE,
        f"{path}.category",
        N_("{name}: the category"),
        name,
    )
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
    amount = line.annual_amount
    if _finite(amount) and amount < 0:
        problems.append(
            Problem(
                f"{path}.annual_amount",
                _("{line}: the amount cannot be negative").format(line=name),
            )
        )
    elif _finite(amount) and amount <= bounds.MONEY_LIMIT and not _within(bounds.AMOUNT, amount):
        problems.append(
            Problem(
                f"{path}.annual_amount",
                _("{line}: give the amount in pounds and whole pence").format(line=name),
            )
        )
    else:
        label = (N_("{name}: the annual amount"), name)
        _number(problems, amount, bounds.AMOUNT, f"{path}.annual_amount", *label)
    return problems


def _plain_line(line: CostLine) -> bool:
    """True for the usual line, decided in one step: short plain text, one target, an amount in
    whole pence within bounds (a large model has thousands of lines, checked on every edit)."""
    amount = line.annual_amount
    return (
        _short(line.name, bounds.NAME)
        and _short(line.category, bounds.CODE)
        and (line.direct is not None) + (line.basis is not None) + (line.pool is not None) == 1
        and isinstance(amount, Decimal)
        and amount.is_finite()
        and _within(bounds.AMOUNT, amount)
    )


def _short(text: str, bound: TextBound) -> bool:
    return len(text) <= bound.limit and text.isascii() and "\x00" not in text


def _cost_problems(
    path: str, line: CostLine, service_ids: set[str], pool_ids: set[str]
) -> list[Problem]:
    name = _called(line.name or line.id)
    problems = validate_cost_line(line, path)
    if line.direct is not None and line.direct not in service_ids:
        problems.append(
            Problem(
                f"{path}.direct",
                _("{line}: “{service}” is not a service").format(
                    line=name, service=line.direct[:100]
                ),
            )
        )
    if line.pool is not None and line.pool not in pool_ids:
        problems.append(
            Problem(
                f"{path}.pool",
                _("{line}: there is no overhead pool “{pool}”").format(
                    line=name, pool=line.pool[:100]
                ),
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
    problems = _text(pool.id, bounds.ID, path, N_("An overhead pool's id"))
    problems += _text(
        pool.name,
        bounds.NAME,
        f"{path}.name",
        N_("{name}: the name"),
        _called(pool.id),
    )
    if pool.basis is Basis.SHARES:
        problems += _shares_problems(
            f"{path}.shares", _called(pool.label), pool.shares, service_ids
        )
    return problems


def _shares_problems(
    path: str, name: str, shares: Mapping[str, Decimal] | None, service_ids: set[str]
) -> list[Problem]:
    shares = shares or {}
    problems = [
        Problem(
            f"{path}.{key[:100]}",
            _("{line}: “{key}” is not a service").format(line=name, key=key[:100]),
        )
        for key in shares
        if key not in service_ids
    ]
    within = True
    for key, value in shares.items():
        if _finite(value) and value < 0:
            problems.append(
                Problem(f"{path}.{key}", _("{line}: a share cannot be negative").format(line=name))
            )
            within = False
        else:
            label = (N_("{name}: a share"), name)
            within = (
                _number(problems, value, bounds.SHARE, f"{path}.{key[:100]}", *label) and within
            )
    if within:
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
                    basis=basis[:100]
                ),
            )
        )
    for key, value in weights.items():
        key_path = f"{path}.{key[:100]}"
        if key not in service_ids:
            problems.append(Problem(key_path, _("“{key}” is not a service").format(key=key[:100])))
        negative = N_("A weight cannot be negative")
        _not_negative(problems, value, bounds.WEIGHT, key_path, negative, N_("A weight"))
    return problems


def _percent(share: Decimal) -> str:
    return f"{(share * 100).normalize():f}"


class _Label:
    """A field's label, such as “Cook: the hourly rate”, put into words only when a message
    needs it: most values are within bounds, and a large model has thousands of them."""

    __slots__ = ("name", "template")

    def __init__(self, template: str, name: str = ""):
        self.template = template
        self.name = name

    def __str__(self) -> str:
        return _(self.template).format(name=self.name)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


@lru_cache(maxsize=4096)
def _within(bound: NumberBound, value: Decimal) -> bool:
    """The bound's verdict on a finite value, remembered: amounts, shares and rates repeat
    across a model's rows and across every recalculation of it."""
    return bound.refusal(value, "") is None


def _number(
    problems: list[Problem],
    value: Decimal | None,
    bound: NumberBound,
    path: str,
    template: str,
    name: str = "",
) -> bool:
    """Adds the bound's problem for `value`; True when it is within bounds, so the rules about
    it may be checked (they compare and add, which a value out of bounds could overflow)."""
    if value is None or (
        isinstance(value, Decimal) and value.is_finite() and _within(bound, value)
    ):
        return True
    refusal = bound.refusal(value, _Label(template, name))
    if refusal is not None:
        problems.append(Problem(path, refusal))
    return refusal is None


def _not_negative(
    problems: list[Problem],
    value: Decimal | None,
    bound: NumberBound,
    path: str,
    negative: str,
    template: str,
    name: str = "",
) -> bool:
    """As `_number`, but a negative `value` is refused first, with the message `negative`
    (a template whose {post} is `name`, put into words only then)."""
    if _finite(value) and value is not None and value < 0:
        problems.append(Problem(path, _(negative).format(post=name)))
        return False
    return _number(problems, value, bound, path, template, name)


def _finite(value: Decimal | None) -> bool:
    """False for NaN or Infinity, which no comparison may touch (a NaN comparison raises)."""
    return value is None or (isinstance(value, Decimal) and value.is_finite())


def _text(value: str, bound: TextBound, path: str, template: str, name: str = "") -> list[Problem]:
    if _short(value, bound):
        return []  # the common case, decided before any message is put into words
    refusal = bound.refusal(value, _Label(template, name))
    return [] if refusal is None else [Problem(path, refusal)]


def _called(name: str) -> str:
    """A name as a message quotes it: cut to 60 characters, so a name far over its bound still
    gives a message that fits on a line."""
    return name if len(name) <= 60 else name[:59] + "…"
