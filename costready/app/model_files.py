"""Move whole models between model files and the workspace; validate before writing."""

from __future__ import annotations

from costready.costing.model import CostingModel, OrganisationInfo
from costready.costing.results import CostingError
from costready.i18n import _
from costready.organisation import Organisation
from costready.problems import Problem
from costready.storage.workspace import Workspace


def import_model(
    workspace: Workspace, model: CostingModel, organisation_id: int | None = None
) -> tuple[int, int]:
    """Store `model` (already validated by modelfile) as a new scenario.

    With no `organisation_id` a new organisation is made from the model's organisation. Into an
    existing one, a service whose id the organisation already uses for a differently named
    service is refused (services are one record per organisation: importing it would rename the
    service in every other scenario and printed price list). Returns (organisation id, scenario id).
    """
    if organisation_id is not None:
        problems = _clashing_services(workspace, organisation_id, model)
        if problems:
            raise CostingError(problems)
    with workspace.transaction():  # the organisation and its scenario, or neither
        if organisation_id is None:
            info = model.organisation
            taken = {org.name for org in workspace.organisations()}
            org = workspace.save_organisation(
                Organisation(
                    name=unique_name(info.name, taken),
                    vat_registered=info.vat_registered,
                    locale=info.locale,
                )
            )
            assert org.id is not None
            organisation_id = org.id
        scenario_id = workspace.create_scenario(organisation_id, model.scenario)
    return organisation_id, scenario_id


def _clashing_services(
    workspace: Workspace, organisation_id: int, model: CostingModel
) -> list[Problem]:
    known: dict[str, str] = {}
    for summary in workspace.scenarios(organisation_id):
        for service in workspace.load_scenario(summary.id).services:
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
    org = workspace.organisation(organisation_id)
    return CostingModel(
        organisation=OrganisationInfo(
            name=org.name, vat_registered=org.vat_registered, locale=org.locale
        ),
        scenario=workspace.load_scenario(scenario_id),
    )
