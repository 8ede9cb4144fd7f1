"""Move whole models between model files and the workspace; validate before writing."""

from __future__ import annotations

from costready.costing.model import CostingModel, OrganisationInfo
from costready.costing.results import CostingError
from costready.i18n import _
from costready.organisation import Organisation
from costready.problems import Problem
from costready.storage.unit_of_work import UnitOfWork
from costready.storage.workspace import Workspace


def import_model(
    workspace: Workspace, model: CostingModel, organisation_id: int | None = None
) -> tuple[int, int]:
    """Store `model` (already validated by modelfile) as a new scenario, in one unit of work.

    With no `organisation_id` a new organisation is made from the model's organisation. Into an
    existing one, a service whose id the organisation already uses for a differently named
    service is refused (services are one record per organisation: importing it would rename the
    service in every other scenario and printed price list). Returns (organisation id, scenario id).
    """
    with workspace.writing() as uow:  # checked and written together: the organisation and
        return import_into(uow, model, organisation_id)  # its scenario, or nothing


def import_into(
    uow: UnitOfWork, model: CostingModel, organisation_id: int | None = None
) -> tuple[int, int]:
    """`import_model` within a unit of work the caller opened (to write more beside it)."""
    if organisation_id is None:
        info = model.organisation
        taken = {org.name for org in uow.organisations.all()}
        org = uow.organisations.save(
            Organisation(
                name=unique_name(info.name, taken),
                vat_registered=info.vat_registered,
                locale=info.locale,
            )
        )
        assert org.id is not None
        organisation_id = org.id
    else:
        uow.organisations.lock(organisation_id)  # no other writer adds services meanwhile
        problems = _clashing_services(uow, organisation_id, model)
        if problems:
            raise CostingError(problems)
    scenario_id = uow.scenarios.create(organisation_id, model.scenario)
    return organisation_id, scenario_id


def _clashing_services(uow: UnitOfWork, organisation_id: int, model: CostingModel) -> list[Problem]:
    known: dict[str, str] = {}
    for summary in uow.scenarios.summaries(organisation_id):
        for service in uow.scenarios.get(summary.id).services:
            known.setdefault(service.id, service.name)
    return [
        Problem(
            f"$.services[{index}].id",
            _(
                "“{id}” is already this organisation's service “{known}”; "
                "give “{name}” another id, or import it as a new organisation"
            ).format(id=service.id, known=known[service.id], name=service.name),
        )
        for index, service in enumerate(model.scenario.services)
        if service.id in known and known[service.id] != service.name
    ]


def unique_name(name: str, taken: set[str]) -> str:
    """`name`, or “name (2)”, “name (3)”... so two organisations never share a name."""
    candidate, number = name, 2
    while candidate in taken:
        candidate = f"{name} ({number})"
        number += 1
    return candidate


def export_model(workspace: Workspace, organisation_id: int, scenario_id: int) -> CostingModel:
    """The scenario and its organisation as a model ready for `modelfile.save_model_file`."""
    with workspace.reading() as uow:
        org = uow.organisations.get(organisation_id)
        scenario = uow.scenarios.get(scenario_id)
    return CostingModel(
        organisation=OrganisationInfo(
            name=org.name, vat_registered=org.vat_registered, locale=org.locale
        ),
        scenario=scenario,
    )
