"""Domain values to ORM rows, for saving (the way back is in `from_rows`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from costready.costing.model import CostLine, OverheadPool, Scenario, Service, StaffPost
from costready.organisation import Organisation
from costready.storage.models import (
    BasisWeightRow,
    CostLineShareRow,
    OverheadPoolShareRow,
    PostNonChargeableRow,
    PostTimeRow,
)

# Organisations ------------------------------------------------------------------------------


def organisation_fields(org: Organisation) -> dict[str, object]:
    """The columns of an organisation row (everything but its id)."""
    return {
        "name": org.name,
        "legal_form": str(org.legal_form),
        "registered_charity": org.registered_charity,
        "charity_number": org.charity_number,
        "company_number": org.company_number,
        "address": org.address,
        "vat_registered": org.vat_registered,
        "vat_number": org.vat_number,
        "cqc_registered": org.cqc_registered,
        "financial_year_start": org.financial_year_start,
        "locale": org.locale,
        "place_of_registration": org.place_of_registration,
        "registered_office": org.registered_office,
        "vat_registered_from": org.vat_registered_from,
    }


# Scenarios ----------------------------------------------------------------------------------


def scenario_fields(scenario: Scenario) -> dict[str, object]:
    """The columns of a scenario row that the scenario value decides."""
    return {
        "name": scenario.name,
        "period_start": scenario.period_start,
        "period_end": scenario.period_end,
        "tax_year": scenario.tax_year,
        "claims_employment_allowance": scenario.claims_employment_allowance,
        "ea_registered_charity": str(scenario.ea_registered_charity),
        "ea_public_work": str(scenario.ea_public_work),
        "ea_sole_director": str(scenario.ea_sole_director),
    }


def service_fields(service: Service) -> dict[str, str]:
    """What the organisation-level service row holds (shared by every scenario)."""
    return {"name": service.name, "unit": service.unit, "description": service.description}


Row = dict[str, object]


@dataclass
class ScenarioParts:
    """A scenario's rows as plain dicts, for bulk INSERTs (one statement per table).

    Child rows lack their parent's id until the parents are inserted: `children[i]` holds the
    child rows of `parents[i]`, keyed by the child table.
    """

    services: list[Row] = field(default_factory=list)
    posts: list[Row] = field(default_factory=list)
    post_children: list[dict[type, list[Row]]] = field(default_factory=list)
    pools: list[Row] = field(default_factory=list)
    pool_children: list[dict[type, list[Row]]] = field(default_factory=list)
    costs: list[Row] = field(default_factory=list)
    cost_children: list[dict[type, list[Row]]] = field(default_factory=list)
    bases: list[Row] = field(default_factory=list)
    basis_children: list[dict[type, list[Row]]] = field(default_factory=list)


def _entries(mapping: Mapping[str, Decimal], key: str, value: str) -> list[Row]:
    """A mapping as ordered rows: `position`, its key column and its value column."""
    return [
        {"position": index, key: name, value: number}
        for index, (name, number) in enumerate(mapping.items())
    ]


def scenario_parts(
    scenario_id: int, scenario: Scenario, service_ids: Mapping[str, int]
) -> ScenarioParts:
    """Every row below a scenario, in the scenario's order."""
    parts = ScenarioParts()
    for position, service in enumerate(scenario.services):
        parts.services.append(
            _scenario_service_row(scenario_id, position, service, service_ids[service.id])
        )
    for position, post in enumerate(scenario.staff):
        parts.posts.append(_post_row(scenario_id, position, post))
        parts.post_children.append(
            {
                PostTimeRow: _entries(post.time, "key", "share"),
                PostNonChargeableRow: _entries(post.non_chargeable, "kind", "share"),
            }
        )
    for position, pool in enumerate(scenario.pools):
        parts.pools.append(_pool_row(scenario_id, position, pool))
        parts.pool_children.append(
            {OverheadPoolShareRow: _entries(pool.shares or {}, "service_key", "share")}
        )
    for position, line in enumerate(scenario.costs):
        parts.costs.append(_cost_row(scenario_id, position, line))
        parts.cost_children.append(
            {CostLineShareRow: _entries(line.shares or {}, "service_key", "share")}
        )
    for position, (basis, weights) in enumerate(scenario.bases.items()):
        parts.bases.append({"scenario_id": scenario_id, "position": position, "basis": str(basis)})
        parts.basis_children.append({BasisWeightRow: _entries(weights, "service_key", "weight")})
    return parts


def _scenario_service_row(
    scenario_id: int, position: int, service: Service, service_id: int
) -> Row:
    return {
        "scenario_id": scenario_id,
        "service_id": service_id,
        "position": position,
        "volume_kind": str(service.volume.kind),
        "volume_units": service.volume.units,
        "volume_capacity": service.volume.capacity,
        "volume_occupancy": service.volume.occupancy,
        "surplus_kind": str(service.surplus.kind),
        "surplus_value": service.surplus.value,
        "vat": str(service.vat),
        "price_rounding": service.price_rounding,
        "regulated_activity": str(service.regulated_activity),
        "welfare_advice": service.welfare_advice,
    }


def _post_row(scenario_id: int, position: int, post: StaffPost) -> Row:
    return {
        "scenario_id": scenario_id,
        "position": position,
        "key": post.id,
        "role": post.role,
        "headcount": post.headcount,
        "annual_salary": post.annual_salary,
        "fte": post.fte,
        "hourly_rate": post.hourly_rate,
        "paid_hours_per_person": post.paid_hours_per_person,
        "delivers_units": post.delivers_units,
        "employer_ni_kind": str(post.employer_ni.kind),
        "employer_ni_rate": post.employer_ni.rate,
        "pension_rate": post.pension.rate if post.pension else None,
        "pension_on": str(post.pension.on) if post.pension else None,
        "other_oncosts_rate": post.other_oncosts_rate,
        "age_band": str(post.age_band),
        "paid_for_hours_worked": post.paid_for_hours_worked,
    }


def _pool_row(scenario_id: int, position: int, pool: OverheadPool) -> Row:
    return {
        "scenario_id": scenario_id,
        "position": position,
        "key": pool.id,
        "basis": str(pool.basis),
        "name": pool.name,
        "has_shares": pool.shares is not None,
    }


def _cost_row(scenario_id: int, position: int, line: CostLine) -> Row:
    return {
        "scenario_id": scenario_id,
        "position": position,
        "key": line.id,
        "name": line.name,
        "annual_amount": line.annual_amount,
        "category": line.category,
        "direct": line.direct,
        "basis": str(line.basis) if line.basis is not None else None,
        "pool": line.pool,
        "varies_with_volume": line.varies_with_volume,
        "has_shares": line.shares is not None,
    }
