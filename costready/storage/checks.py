"""Structure checks before a save: every field of the right type, so nothing half-writes.

Only what storage needs is checked here (types, enum values, service ids it keys rows by);
whether the figures make a priceable model is the costing engine's job.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from enum import StrEnum

from costready.costing.model import (
    Answer,
    Basis,
    CostLine,
    NiKind,
    OverheadPool,
    PensionBase,
    RegulatedActivity,
    Scenario,
    Service,
    StaffPost,
    SurplusKind,
    VatTreatment,
    VolumeKind,
)
from costready.costing.rules import AgeBand
from costready.i18n import _
from costready.problems import Problem


class _Checker:
    """Collects problems, each with the JSON path of the field (as the engine reports them)."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def text(self, path: str, value: object, *, required: bool = False) -> None:
        if not isinstance(value, str):
            self.add(path, _("{path}: expected text").format(path=path))
        elif required and not value.strip():
            self.add(path, _("{path}: must not be empty").format(path=path))

    def number(self, path: str, value: object, *, optional: bool = False) -> None:
        if value is None and optional:
            return
        if not isinstance(value, Decimal) or not value.is_finite():
            self.add(
                path,
                _("{path}: expected a decimal number, got {value!r}").format(
                    path=path, value=value
                ),
            )

    def date(self, path: str, value: object) -> None:
        if not isinstance(value, date):
            self.add(path, _("{path}: expected a date").format(path=path))

    def flag(self, path: str, value: object) -> None:
        if not isinstance(value, bool):
            self.add(path, _("{path}: expected true or false").format(path=path))

    def choice(
        self, path: str, value: object, enum: type[StrEnum], *, optional: bool = False
    ) -> None:
        if value is None and optional:
            return
        if value not in {member.value for member in enum}:
            allowed = ", ".join(member.value for member in enum)
            self.add(
                path,
                _("{path}: “{value}” is not one of {allowed}").format(
                    path=path, value=value, allowed=allowed
                ),
            )

    def shares(self, path: str, value: object, *, optional: bool = False) -> None:
        if value is None and optional:
            return
        if not isinstance(value, Mapping):
            self.add(path, _("{path}: expected a table of keys and numbers").format(path=path))
            return
        for key, share in value.items():
            self.text(f"{path}.{key}", key, required=True)
            self.number(f"{path}.{key}", share)


def check_scenario(scenario: Scenario) -> list[Problem]:
    """Every structural problem with `scenario` (empty when it can be stored)."""
    check = _Checker()
    if not isinstance(scenario, Scenario):
        check.add("$", _("expected a scenario"))
        return check.problems
    check.text("$.name", scenario.name, required=True)
    check.date("$.period_start", scenario.period_start)
    check.date("$.period_end", scenario.period_end)
    check.text("$.tax_year", scenario.tax_year)
    check.flag("$.claims_employment_allowance", scenario.claims_employment_allowance)
    for key in ("ea_registered_charity", "ea_public_work", "ea_sole_director"):
        check.choice(f"$.{key}", getattr(scenario, key), Answer)
    _check_services(check, scenario.services)
    for index, post in enumerate(scenario.staff):
        _check_post(check, f"$.staff[{index}]", post)
    for index, pool in enumerate(scenario.pools):
        _check_pool(check, f"$.pools[{index}]", pool)
    for index, line in enumerate(scenario.costs):
        _check_cost(check, f"$.costs[{index}]", line)
    if not isinstance(scenario.bases, Mapping):
        check.add("$.bases", _("$.bases: expected a table of bases"))
    else:
        for basis, weights in scenario.bases.items():
            check.text("$.bases", basis, required=True)
            check.shares(f"$.bases.{basis}", weights)
    return check.problems


def _check_services(check: _Checker, services: tuple[Service, ...]) -> None:
    seen: set[str] = set()
    for index, service in enumerate(services):
        path = f"$.services[{index}]"
        if not isinstance(service, Service):
            check.add(path, _("{path}: expected a service").format(path=path))
            continue
        check.text(f"{path}.id", service.id, required=True)
        if service.id in seen:
            # Services are organisation-level rows keyed by id, so a repeat cannot be stored.
            check.add(
                f"{path}.id",
                _("{path}.id: “{id}” is used by another service").format(path=path, id=service.id),
            )
        seen.add(service.id)
        check.text(f"{path}.name", service.name)
        check.text(f"{path}.unit", service.unit)
        check.text(f"{path}.description", service.description)
        check.choice(f"{path}.volume.kind", service.volume.kind, VolumeKind)
        check.number(f"{path}.volume.units", service.volume.units, optional=True)
        check.number(f"{path}.volume.capacity", service.volume.capacity, optional=True)
        check.number(f"{path}.volume.occupancy", service.volume.occupancy, optional=True)
        check.choice(f"{path}.surplus.kind", service.surplus.kind, SurplusKind)
        check.number(f"{path}.surplus.value", service.surplus.value)
        check.choice(f"{path}.vat", service.vat, VatTreatment)
        check.number(f"{path}.price_rounding", service.price_rounding)
        check.choice(f"{path}.regulated_activity", service.regulated_activity, RegulatedActivity)
        check.flag(f"{path}.welfare_advice", service.welfare_advice)


def _check_post(check: _Checker, path: str, post: StaffPost) -> None:
    if not isinstance(post, StaffPost):
        check.add(path, _("{path}: expected a staff post").format(path=path))
        return
    check.text(f"{path}.id", post.id)
    check.text(f"{path}.role", post.role)
    check.number(f"{path}.headcount", post.headcount)
    check.number(f"{path}.annual_salary", post.annual_salary, optional=True)
    check.number(f"{path}.fte", post.fte)
    check.number(f"{path}.hourly_rate", post.hourly_rate, optional=True)
    check.number(f"{path}.paid_hours_per_person", post.paid_hours_per_person, optional=True)
    check.flag(f"{path}.delivers_units", post.delivers_units)
    check.flag(f"{path}.paid_for_hours_worked", post.paid_for_hours_worked)
    check.choice(f"{path}.age_band", post.age_band, AgeBand)
    check.choice(f"{path}.employer_ni.kind", post.employer_ni.kind, NiKind)
    check.number(f"{path}.employer_ni.rate", post.employer_ni.rate, optional=True)
    if post.pension is not None:
        check.number(f"{path}.pension.rate", post.pension.rate)
        check.choice(f"{path}.pension.on", post.pension.on, PensionBase)
    check.number(f"{path}.other_oncosts_rate", post.other_oncosts_rate)
    check.shares(f"{path}.non_chargeable", post.non_chargeable)
    check.shares(f"{path}.time", post.time)


def _check_pool(check: _Checker, path: str, pool: OverheadPool) -> None:
    if not isinstance(pool, OverheadPool):
        check.add(path, _("{path}: expected an overhead pool").format(path=path))
        return
    check.text(f"{path}.id", pool.id)
    check.choice(f"{path}.basis", pool.basis, Basis)
    check.shares(f"{path}.shares", pool.shares, optional=True)
    check.text(f"{path}.name", pool.name)


def _check_cost(check: _Checker, path: str, line: CostLine) -> None:
    if not isinstance(line, CostLine):
        check.add(path, _("{path}: expected a cost line").format(path=path))
        return
    check.text(f"{path}.id", line.id)
    check.text(f"{path}.name", line.name)
    check.number(f"{path}.annual_amount", line.annual_amount)
    check.text(f"{path}.category", line.category)
    if line.direct is not None:
        check.text(f"{path}.direct", line.direct)
    check.choice(f"{path}.basis", line.basis, Basis, optional=True)
    check.shares(f"{path}.shares", line.shares, optional=True)
    if line.pool is not None:
        check.text(f"{path}.pool", line.pool)
    check.flag(f"{path}.varies_with_volume", line.varies_with_volume)


def check_prices(
    prices: Mapping[str, Decimal], approved_by: str, effective_from: date, approved_on: date
) -> list[Problem]:
    """Problems with a price list about to be published."""
    check = _Checker()
    if not isinstance(approved_by, str) or not approved_by.strip():
        check.add("approved_by", _("Approved by: enter who approved these prices"))
    check.date("effective_from", effective_from)
    check.date("approved_on", approved_on)
    check.shares("prices", prices)
    return check.problems
