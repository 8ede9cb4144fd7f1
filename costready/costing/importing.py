"""Move whole models between model files and the workspace; validate before writing."""

from __future__ import annotations

from costready.costing.model import CostingModel, OrganisationInfo
from costready.organisation import Organisation
from costready.storage.workspace import Workspace


def import_model(
    workspace: Workspace, model: CostingModel, organisation_id: int | None = None
) -> tuple[int, int]:
    """Store `model` (already validated by modelfile) as a new scenario.

    With no `organisation_id` a new organisation is made from the model's organisation.
    Returns (organisation id, scenario id).
    """
    with workspace.transaction():  # the organisation and its scenario, or neither
        if organisation_id is None:
            info = model.organisation
            taken = {org.name for org in workspace.organisations()}
            org = workspace.save_organisation(
                Organisation(name=unique_name(info.name, taken),
                             vat_registered=info.vat_registered, locale=info.locale)
            )
            assert org.id is not None
            organisation_id = org.id
        scenario_id = workspace.create_scenario(organisation_id, model.scenario)
    return organisation_id, scenario_id


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
