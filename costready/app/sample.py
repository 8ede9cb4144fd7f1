"""The sample organisation shipped in resources/sample, loaded into a workspace."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from costready.app.model_files import import_model
from costready.costing.modelfile import load_model_file
from costready.organisation import LegalForm
from costready.paths import resource
from costready.storage.workspace import Workspace

SAMPLE_FILE = ("sample", "community-hub.json")


def sample_path() -> Path:
    return resource(*SAMPLE_FILE)


def sample_in(workspace: Workspace, name: str | None = None) -> tuple[int, int] | None:
    """(organisation id, scenario id) of the sample if the workspace already holds it."""
    name = name or load_model_file(sample_path()).organisation.name
    for org in workspace.organisations():
        if org.id is not None and org.name == name:
            scenarios = workspace.scenarios(org.id)
            if scenarios:
                return org.id, scenarios[0].id
    return None


def install_sample(workspace: Workspace) -> tuple[int, int]:
    """Add the sample organisation and its scenario; returns (organisation id, scenario id).

    Once is enough: when the workspace already holds it (by name, with a scenario), that one
    is returned rather than a second copy made.
    """
    model = load_model_file(sample_path())
    present = sample_in(workspace, model.organisation.name)
    if present is not None:
        workspace.set_setting(None, "last_organisation_id", str(present[0]))
        return present
    with workspace.transaction():
        organisation_id, scenario_id = import_model(workspace, model)
        org = workspace.organisation(organisation_id)
        workspace.save_organisation(
            replace(
                org,
                legal_form=LegalForm.CIO,
                registered_charity=True,
                charity_number="1190001",
                address="The Old Library, 12 Mill Lane, Riverside, RV1 2AB",
            )
        )
        workspace.set_setting(None, "last_organisation_id", str(organisation_id))
    return organisation_id, scenario_id
