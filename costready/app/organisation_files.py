"""Move a whole organisation between workspaces as one file (costing/organisation_file.py)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from costready.app.guide import SCENARIO_SETTING
from costready.app.model_files import unique_name
from costready.costing.organisation_file import (
    OrganisationFile,
    PortablePriceList,
    PortableScenario,
)
from costready.storage.errors import NameTaken

if TYPE_CHECKING:
    from costready.storage.unit_of_work import UnitOfWork
    from costready.storage.workspace import Workspace

#: Settings whose value is a scenario's id: the file holds the scenario's place instead.
SCENARIO_SETTINGS = frozenset({SCENARIO_SETTING})


@dataclass(frozen=True)
class ImportedOrganisation:
    """An organisation file imported: the new organisation, named apart from the others
    (`name` differs from the file's when another organisation already had that name)."""

    organisation_id: int
    name: str
    scenario_ids: tuple[int, ...]

    def renamed_from(self, file: OrganisationFile) -> str | None:
        """The file's name when the import had to take another; else None."""
        return file.organisation.name if file.organisation.name != self.name else None


def export_organisation(workspace: Workspace, organisation_id: int) -> OrganisationFile:
    """The organisation, every scenario, its price lists (oldest first) and its settings,
    read in one unit of work, with no database ids (`save_organisation_file` writes it)."""
    with workspace.reading() as uow:
        org = uow.organisations.get(organisation_id)
        summaries = uow.scenarios.summaries(organisation_id)
        scenarios = tuple(
            PortableScenario(uow.scenarios.get(summary.id), summary.adopted)
            for summary in summaries
        )
        lists = list(reversed(uow.price_lists.all(organisation_id)))
        settings = {
            key: value
            for (owner, key), value in uow.settings.all().items()
            if owner == organisation_id
        }
    places = {summary.id: place for place, summary in enumerate(summaries)}
    price_lists = tuple(
        PortablePriceList(
            scenario=places.get(p.scenario_id) if p.scenario_id is not None else None,
            scenario_name=p.scenario_name,
            effective_from=p.effective_from,
            approved_by=p.approved_by,
            approved_on=p.approved_on,
            note=p.note,
            created_at=p.created_at,
            prices=p.prices,
            services=p.services,
        )
        for p in lists
    )
    return OrganisationFile(
        organisation=replace(org, id=None, version=None),
        scenarios=tuple(replace(s, scenario=replace(s.scenario, version=None)) for s in scenarios),
        price_lists=price_lists,
        settings=dict(sorted(_portable_settings(settings, places).items())),
    )


def import_organisation(workspace: Workspace, file: OrganisationFile) -> ImportedOrganisation:
    """Store the (already validated) file as a new organisation in one unit of work: all of it
    or nothing. Named apart from every other organisation (“Name (2)”), as a model import is."""
    with workspace.writing() as uow:
        organisation_id, name = _new_organisation(uow, file)
        scenario_ids = tuple(
            uow.scenarios.create(organisation_id, entry.scenario) for entry in file.scenarios
        )
        for scenario_id, entry in zip(scenario_ids, file.scenarios, strict=True):
            if entry.adopted:
                uow.scenarios.mark_adopted(scenario_id)
        for price_list in file.price_lists:
            published_by = (
                None if price_list.scenario is None else scenario_ids[price_list.scenario]
            )
            uow.price_lists.restore(organisation_id, published_by, price_list)
        for key, value in file.settings.items():
            uow.settings.set(organisation_id, key, _stored_setting(key, value, scenario_ids))
    return ImportedOrganisation(organisation_id, name, scenario_ids)


def _new_organisation(uow: UnitOfWork, file: OrganisationFile) -> tuple[int, str]:
    """The file's organisation saved under a name no other has (the database refuses a name
    another writer took meanwhile: then the next number is tried)."""
    taken = {org.name.casefold() for org in uow.organisations.all()}
    while True:
        name = unique_name(file.organisation.name, taken)
        try:
            org = uow.organisations.save(replace(file.organisation, name=name, id=None))
        except NameTaken:
            taken.add(name.casefold())
            continue
        assert org.id is not None
        return org.id, name


def _portable_settings(settings: dict[str, str], places: dict[int, int]) -> dict[str, str]:
    """Settings as the file holds them: a scenario's id becomes its place (dropped when the
    scenario is gone, as the guide then picks the one the window opens)."""
    portable = {}
    for key, value in settings.items():
        if key in SCENARIO_SETTINGS:
            if not value.isdigit() or int(value) not in places:
                continue
            value = str(places[int(value)])
        portable[key] = value
    return portable


def _stored_setting(key: str, value: str, scenario_ids: tuple[int, ...]) -> str:
    """A setting as the workspace keeps it: a scenario's place becomes the new scenario's id
    (a place the file does not have is kept as no scenario, which the guide reads as none)."""
    if key not in SCENARIO_SETTINGS:
        return value
    if value.isdigit() and int(value) < len(scenario_ids):
        return str(scenario_ids[int(value)])
    return ""
