"""Stored rows to domain values: the ORM rows the repositories load become domain values here.

The functions take anything with the row's attributes and read children through the rows'
relationship names, so every repository reads the schema the same way.
"""

from __future__ import annotations

from datetime import UTC
from decimal import Decimal
from typing import TYPE_CHECKING

from costready.costing.model import (
    Answer,
    Basis,
    CostLine,
    EmployerNi,
    NiKind,
    OverheadPool,
    Pension,
    PensionBase,
    RegulatedActivity,
    Scenario,
    Service,
    StaffPost,
    Surplus,
    SurplusKind,
    VatTreatment,
    Volume,
    VolumeKind,
)
from costready.costing.price_lists import PriceList, PublishedService
from costready.costing.rules import AgeBand
from costready.costing.scenarios import ScenarioSummary
from costready.organisation import LegalForm, Organisation

if TYPE_CHECKING:
    from costready.storage.models import (
        CostLineRow,
        OrganisationRow,
        OverheadPoolRow,
        PriceListRow,
        ScenarioRow,
        ScenarioServiceRow,
        StaffPostRow,
    )


def organisation_from_row(row: OrganisationRow) -> Organisation:
    return Organisation(
        id=row.id,
        name=row.name,
        legal_form=LegalForm(row.legal_form),
        registered_charity=row.registered_charity,
        charity_number=row.charity_number,
        company_number=row.company_number,
        address=row.address,
        vat_registered=row.vat_registered,
        vat_number=row.vat_number,
        cqc_registered=row.cqc_registered,
        financial_year_start=row.financial_year_start,
        locale=row.locale,
        version=row.version,
        place_of_registration=row.place_of_registration,
        registered_office=row.registered_office,
        vat_registered_from=row.vat_registered_from,
    )


def scenario_from_row(row: ScenarioRow) -> Scenario:
    """The scenario value, equal to the one saved (children in their saved order)."""
    return Scenario(
        name=row.name,
        period_start=row.period_start,
        period_end=row.period_end,
        tax_year=row.tax_year,
        services=tuple(_service(item) for item in row.services),
        staff=tuple(_post(post) for post in row.posts),
        pools=tuple(_pool(pool) for pool in row.pools),
        costs=tuple(_cost(line) for line in row.costs),
        bases={
            basis.basis: {weight.service_key: weight.weight for weight in basis.weights}
            for basis in row.bases
        },
        claims_employment_allowance=row.claims_employment_allowance,
        ea_registered_charity=Answer(row.ea_registered_charity),
        ea_public_work=Answer(row.ea_public_work),
        ea_sole_director=Answer(row.ea_sole_director),
        version=row.version,
    )


def _service(item: ScenarioServiceRow) -> Service:
    return Service(
        id=item.service.key,
        name=item.service.name,
        unit=item.service.unit,
        description=item.service.description,
        volume=Volume(
            kind=VolumeKind(item.volume_kind),
            units=item.volume_units,
            capacity=item.volume_capacity,
            occupancy=item.volume_occupancy,
        ),
        surplus=Surplus(kind=SurplusKind(item.surplus_kind), value=item.surplus_value),
        vat=VatTreatment(item.vat),
        price_rounding=item.price_rounding,
        regulated_activity=RegulatedActivity(item.regulated_activity),
        welfare_advice=item.welfare_advice,
    )


def _post(row: StaffPostRow) -> StaffPost:
    pension = None
    if row.pension_rate is not None and row.pension_on is not None:
        pension = Pension(rate=row.pension_rate, on=PensionBase(row.pension_on))
    return StaffPost(
        id=row.key,
        role=row.role,
        headcount=row.headcount,
        annual_salary=row.annual_salary,
        fte=row.fte,
        hourly_rate=row.hourly_rate,
        paid_hours_per_person=row.paid_hours_per_person,
        delivers_units=row.delivers_units,
        employer_ni=EmployerNi(kind=NiKind(row.employer_ni_kind), rate=row.employer_ni_rate),
        pension=pension,
        other_oncosts_rate=row.other_oncosts_rate,
        non_chargeable={item.kind: item.share for item in row.non_chargeable},
        time={item.key: item.share for item in row.time},
        age_band=AgeBand(row.age_band),
        paid_for_hours_worked=row.paid_for_hours_worked,
    )


def _pool(row: OverheadPoolRow) -> OverheadPool:
    shares = {item.service_key: item.share for item in row.shares} if row.has_shares else None
    return OverheadPool(id=row.key, basis=Basis(row.basis), shares=shares, name=row.name)


def _cost(row: CostLineRow) -> CostLine:
    shares = {item.service_key: item.share for item in row.shares} if row.has_shares else None
    return CostLine(
        id=row.key,
        name=row.name,
        annual_amount=row.annual_amount,
        category=row.category,
        direct=row.direct,
        basis=Basis(row.basis) if row.basis is not None else None,
        shares=shares,
        pool=row.pool,
        varies_with_volume=row.varies_with_volume,
    )


def summary_from_row(row: ScenarioRow) -> ScenarioSummary:
    return ScenarioSummary(
        id=row.id,
        organisation_id=row.organisation_id,
        name=row.name,
        period_start=row.period_start,
        period_end=row.period_end,
        adopted=row.adopted,
    )


def price_list_from_row(row: PriceListRow) -> PriceList:
    prices: dict[str, Decimal] = {entry.service_key: entry.price for entry in row.entries}
    return PriceList(
        id=row.id,
        organisation_id=row.organisation_id,
        scenario_id=row.scenario_id,
        scenario_name=row.scenario_name,
        effective_from=row.effective_from,
        approved_by=row.approved_by,
        approved_on=row.approved_on,
        note=row.note,
        prices=prices,
        created_at=row.created_at.replace(tzinfo=UTC),  # stored as naive UTC
        services={
            entry.service_key: PublishedService(
                name=entry.name,
                unit=entry.unit or "",
                description=entry.description or "",
                vat=entry.vat or "",
            )
            for entry in row.entries
            if entry.name is not None
        },
    )
