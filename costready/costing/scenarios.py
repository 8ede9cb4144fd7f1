"""Scenarios over time: copy one to next year with an inflation uplift, and compare two."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from costready.costing.model import (
    BASIS_LABELS,
    Basis,
    CostLine,
    OverheadPool,
    Scenario,
    StaffPost,
)
from costready.costing.results import ScenarioResult
from costready.costing.rules import tax_year_for, tax_years
from costready.i18n import _
from costready.money import format_money, format_percent, to_penny
from costready.organisation import Organisation

#: The overhead pool every new scenario starts with.
MANAGEMENT_POOL = "management"

ONE = Decimal(1)


def financial_year(year_start: date, today: date) -> tuple[date, date]:
    """The financial year (first and last day) that `today` falls in, for a year starting on
    `year_start`'s day and month."""
    start = _on(today.year, year_start)
    if start > today:
        start = _on(today.year - 1, year_start)
    return start, _on(start.year + 1, year_start) - timedelta(days=1)


def _on(year: int, day_and_month: date) -> date:
    # 29 February does not exist every year; the 28th keeps the year length right
    day = min(day_and_month.day, 28) if day_and_month.month == 2 else day_and_month.day
    return date(year, day_and_month.month, day)


def tax_year_for_period(start: date, end: date) -> str:
    """The tax year covering most of the period (the one its midpoint falls in), or the nearest
    year the rules file has figures for."""
    wanted = tax_year_for(start + (end - start) / 2)
    known = tax_years()
    if wanted in known:
        return wanted
    earlier = [year for year in known if year <= wanted]
    return earlier[-1] if earlier else known[0]


def scenario_name(start: date, end: date) -> str:
    """“Budget 2026-27” for a year across two calendar years, “Budget 2027” within one."""
    if start.year == end.year:
        return _("Budget {year}").format(year=start.year)
    return _("Budget {start}-{end:02d}").format(start=start.year, end=end.year % 100)


def management_pool() -> OverheadPool:
    """The overhead pool every guided scenario starts with, shared by staff time."""
    return OverheadPool(
        id=MANAGEMENT_POOL, basis=Basis.STAFF_TIME, name=_("Management and administration")
    )


def new_scenario(organisation: Organisation, today: date) -> Scenario:
    """An empty scenario for the financial year `today` falls in, with a management pool."""
    start, end = financial_year(organisation.financial_year_start, today)
    return Scenario(
        name=scenario_name(start, end),
        period_start=start,
        period_end=end,
        tax_year=tax_year_for_period(start, end),
        pools=(management_pool(),),
    )


def next_year_name(scenario: Scenario) -> str:
    """ "Budget 2027-28" for a scenario whose period starts in 2026."""
    start = scenario.period_start.year + 1
    return f"Budget {start}-{(start + 1) % 100:02d}"


def copy_scenario(
    scenario: Scenario,
    name: str,
    uplift: Decimal = Decimal(0),
    line_ids: set[str] | None = None,
    years: int = 1,
) -> Scenario:
    """A copy `years` later with `uplift` (0.03 = 3%) on the pay and cost lines named.

    `line_ids` holds post ids and cost line ids (None: every one). Uplifted amounts are rounded
    half-up to the penny. The tax year moves on when the rules file has the next one; otherwise
    it stays, so the copy still prices (a newer rules file brings the new figures).
    """
    factor = ONE + uplift

    def chosen(item_id: str) -> bool:
        return line_ids is None or item_id in line_ids

    staff = tuple(
        replace(
            post,
            annual_salary=_up(post.annual_salary, factor),
            hourly_rate=_up(post.hourly_rate, factor),
        )
        if chosen(post.id)
        else post
        for post in scenario.staff
    )
    costs = tuple(
        replace(line, annual_amount=to_penny(line.annual_amount * factor))
        if chosen(line.id)
        else line
        for line in scenario.costs
    )
    return replace(
        scenario,
        name=name,
        period_start=_add_years(scenario.period_start, years),
        period_end=_add_years(scenario.period_end, years),
        tax_year=_later_tax_year(scenario.tax_year, years),
        staff=staff,
        costs=costs,
    )


def _up(amount: Decimal | None, factor: Decimal) -> Decimal | None:
    return None if amount is None else to_penny(amount * factor)


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _later_tax_year(tax_year: str, years: int) -> str:
    start = int(tax_year[:4]) + years
    wanted = f"{start}-{(start + 1) % 100:02d}"
    return wanted if wanted in tax_years() else tax_year


@dataclass(frozen=True)
class ServiceComparison:
    """One service in two scenarios (None where a scenario does not have it)."""

    id: str
    name: str
    unit: str
    unit_cost_a: Decimal | None
    unit_cost_b: Decimal | None
    price_a: Decimal | None
    price_b: Decimal | None

    @property
    def price_change(self) -> Decimal | None:
        if self.price_a is None or self.price_b is None:
            return None
        return self.price_b - self.price_a

    @property
    def price_change_share(self) -> Decimal | None:
        """The change as a share of the first price (0.05 = 5% more)."""
        change = self.price_change
        if change is None or not self.price_a:
            return None
        return change / self.price_a


def compare(a: ScenarioResult, b: ScenarioResult) -> list[ServiceComparison]:
    """Each service's unit cost and price in `a` and `b`, in `a`'s order then `b`'s new ones."""
    by_id_a = {s.id: s for s in a.services}
    by_id_b = {s.id: s for s in b.services}
    order = [s.id for s in a.services] + [s.id for s in b.services if s.id not in by_id_a]
    rows = []
    for sid in order:
        first, second = by_id_a.get(sid), by_id_b.get(sid)
        shown = second or first
        assert shown is not None
        rows.append(
            ServiceComparison(
                id=sid,
                name=shown.name,
                unit=shown.unit,
                unit_cost_a=first.unit_cost if first else None,
                unit_cost_b=second.unit_cost if second else None,
                price_a=first.price if first else None,
                price_b=second.price if second else None,
            )
        )
    return rows


def remove_service(scenario: Scenario, service_id: str) -> tuple[Scenario, list[str]]:
    """The scenario without the service and everything that pointed at it, and plain-English
    notes of what went (for a status bar); an unknown id changes nothing.

    A cost line charged directly to the service goes with it: it was that service's cost, and
    sharing it over the others would quietly raise their prices. Time, percentage shares and
    basis weights given to the service are taken out and never re-spread, so a post's split (or
    a line's shares) that no longer adds up to 100% is named by validation for the person to
    put right: only they know where that time or money really goes now.
    """
    service = next((s for s in scenario.services if s.id == service_id), None)
    if service is None:
        return scenario, []
    name = service.name or service_id
    notes: list[str] = []
    staff = tuple(_post_without(post, service_id, name, notes) for post in scenario.staff)
    costs = tuple(
        kept
        for line in scenario.costs
        if (kept := _line_without(line, service_id, name, notes)) is not None
    )
    pools = tuple(_pool_without(pool, service_id, name, notes) for pool in scenario.pools)
    bases = {}
    for basis, weights in scenario.bases.items():
        if service_id in weights:
            notes.append(
                _("The {basis} figure for {service} was dropped.").format(
                    basis=_basis_label(basis), service=name
                )
            )
        bases[basis] = {k: v for k, v in weights.items() if k != service_id}
    services = tuple(s for s in scenario.services if s.id != service_id)
    new = replace(scenario, services=services, staff=staff, costs=costs, pools=pools, bases=bases)
    return new, notes


def _post_without(post: StaffPost, service_id: str, name: str, notes: list[str]) -> StaffPost:
    if service_id not in post.time:
        return post
    time = {k: v for k, v in post.time.items() if k != service_id}
    notes.append(
        _(
            "{post} spent {share} of their time on {service}: their time now adds up to "
            "{total}, so give that time to another service or to management."
        ).format(
            post=post.role or post.id,
            share=format_percent(post.time[service_id]),
            service=name,
            total=format_percent(sum(time.values(), Decimal(0))),
        )
    )
    return replace(post, time=time)


def _line_without(line: CostLine, service_id: str, name: str, notes: list[str]) -> CostLine | None:
    if line.direct == service_id:
        notes.append(
            _(
                "The cost “{line}” ({amount} a year) was charged only to {service}, so it went too."
            ).format(
                line=line.name or line.id, amount=format_money(line.annual_amount), service=name
            )
        )
        return None
    if not line.shares or service_id not in line.shares:
        return line
    shares = {k: v for k, v in line.shares.items() if k != service_id}
    notes.append(_shares_note(line.name or line.id, line.shares[service_id], shares, name))
    return replace(line, shares=shares)


def _pool_without(pool: OverheadPool, service_id: str, name: str, notes: list[str]) -> OverheadPool:
    if not pool.shares or service_id not in pool.shares:
        return pool
    shares = {k: v for k, v in pool.shares.items() if k != service_id}
    notes.append(_shares_note(pool.name or pool.id, pool.shares[service_id], shares, name))
    return replace(pool, shares=shares)


def _shares_note(what: str, share: Decimal, left: dict[str, Decimal], service: str) -> str:
    return _(
        "“{what}” gave {share} to {service}: its shares now add up to {total}, so share that "
        "part again."
    ).format(
        what=what,
        share=format_percent(share),
        service=service,
        total=format_percent(sum(left.values(), Decimal(0))),
    )


def _basis_label(basis: str) -> str:
    known = {b.value: b for b in Basis}
    return _(BASIS_LABELS[known[basis]]).lower() if basis in known else basis


@dataclass(frozen=True)
class ScenarioSummary:
    """A scenario as listed: its database id, name, period and whether it is the adopted one."""

    id: int
    organisation_id: int
    name: str
    period_start: date
    period_end: date
    adopted: bool


def start_scenario(summaries: list[ScenarioSummary]) -> int | None:
    """The scenario to open with: the adopted one, else the one for the latest period."""
    adopted = [summary for summary in summaries if summary.adopted]
    if adopted:
        return adopted[0].id
    if summaries:
        return max(summaries, key=lambda summary: (summary.period_start, summary.id)).id
    return None
