"""The sample organisation shipped in resources/sample, loaded into a workspace."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from costready.app.adoption import adopt_in
from costready.app.model_files import import_into
from costready.app.sample_compliance import add_sample_answers
from costready.app.sample_invoices import REGISTERED_OFFICE, add_sample_invoicing
from costready.costing.modelfile import load_model_file
from costready.i18n import _
from costready.organisation import LegalForm
from costready.paths import resource
from costready.storage.keys import LAST_ORGANISATION
from costready.storage.unit_of_work import UnitOfWork
from costready.storage.workspace import Workspace

#: who adopted the sample's prices (a board, as a charity's would)
SAMPLE_APPROVER = "Board of trustees"

SAMPLE_FILE = ("sample", "community-hub.json")


def sample_path() -> Path:
    return resource(*SAMPLE_FILE)


def sample_in(workspace: Workspace, name: str | None = None) -> tuple[int, int] | None:
    """(organisation id, scenario id) of the sample if the workspace already holds it."""
    name = name or load_model_file(sample_path()).organisation.name
    with workspace.reading() as uow:
        return _present(uow, name)


def install_sample(workspace: Workspace) -> tuple[int, int]:
    """Add the sample organisation and its scenario; returns (organisation id, scenario id).

    Once is enough: when the workspace already holds it (by name, with a scenario), that one
    is returned rather than a second copy made. Looked for and added in one unit of work, so
    two windows installing it at once make one copy.
    """
    model = load_model_file(sample_path())
    with workspace.writing() as uow:
        present = _present(uow, model.organisation.name)
        if present is not None:
            uow.settings.set(None, LAST_ORGANISATION, str(present[0]))
            return present
        organisation_id, scenario_id = import_into(uow, model)
        org = uow.organisations.get(organisation_id)
        uow.organisations.save(
            replace(
                org,
                legal_form=LegalForm.CIO,
                registered_charity=True,
                charity_number="1190001",
                address="The Old Library, 12 Mill Lane, Riverside, RV1 2AB",
                registered_office=REGISTERED_OFFICE,
                place_of_registration="England and Wales",
            )
        )
        # adopted, as an organisation that invoices has: its menu's prices are in force, so
        # invoices and deliveries can be priced from the menu
        start = model.scenario.period_start
        adopt_in(
            uow,
            scenario_id,
            start,
            SAMPLE_APPROVER,
            start - timedelta(days=14),
            _("Adopted by the trustees at their March meeting (sample)"),
        )
        add_sample_invoicing(uow, organisation_id, model.scenario)
        add_sample_answers(uow, organisation_id)
        uow.settings.set(None, LAST_ORGANISATION, str(organisation_id))
    return organisation_id, scenario_id


def _present(uow: UnitOfWork, name: str) -> tuple[int, int] | None:
    for org in uow.organisations.all():
        if org.id is not None and org.name == name:
            scenarios = uow.scenarios.summaries(org.id)
            if scenarios:
                return org.id, scenarios[0].id
    return None
