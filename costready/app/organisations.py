"""Renaming and deleting organisations and scenarios, for the window and the command line.

Each is one unit of work. A delete first copies the workspace to a dated backup (File › Restore
from backup brings it back); a server database has no file to copy, and its own tools back it
up. Deleting a scenario keeps the price lists it published: they stay as history.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from costready.app.backups import backup_now
from costready.i18n import _
from costready.organisation import NAME
from costready.problems import Problem
from costready.storage.db import sqlite_path
from costready.storage.errors import InvalidData, NameTaken
from costready.storage.location import workspace_url

if TYPE_CHECKING:
    from costready.organisation import Organisation
    from costready.storage.workspace import Workspace


@dataclass(frozen=True)
class OrganisationRemoval:
    """What deleting an organisation takes with it (the confirmation names each)."""

    name: str
    scenarios: tuple[str, ...]
    price_lists: int
    services: int


@dataclass(frozen=True)
class ScenarioRemoval:
    """What deleting a scenario means: its name, whether it is the adopted one, and how many
    price lists it published (kept as history)."""

    name: str
    adopted: bool
    price_lists: int
    only_one: bool  # the organisation's only scenario (refused: delete the organisation)


@dataclass(frozen=True)
class Deleted:
    """A delete done; `backup` is the copy taken first (None for a server database)."""

    name: str
    backup: Path | None


def organisation_removal(workspace: Workspace, organisation_id: int) -> OrganisationRemoval:
    """What deleting the organisation would remove, read in one unit of work."""
    with workspace.reading() as uow:
        org = uow.organisations.get(organisation_id)
        scenarios = tuple(summary.name for summary in uow.scenarios.summaries(organisation_id))
        price_lists = len(uow.price_lists.all(organisation_id))
        services = len(uow.scenarios.service_uses(organisation_id))
    return OrganisationRemoval(org.name, scenarios, price_lists, services)


def scenario_removal(workspace: Workspace, scenario_id: int) -> ScenarioRemoval:
    """What deleting the scenario would mean, read in one unit of work."""
    with workspace.reading() as uow:
        summary = uow.scenarios.summary(scenario_id)
        published = [
            price_list
            for price_list in uow.price_lists.all(summary.organisation_id)
            if price_list.scenario_id == scenario_id
        ]
        others = len(uow.scenarios.summaries(summary.organisation_id)) - 1
    return ScenarioRemoval(summary.name, summary.adopted, len(published), others == 0)


def rename_organisation(workspace: Workspace, organisation_id: int, name: str) -> Organisation:
    """Give the organisation a new name (the profile's rules: InvalidData, or NameTaken when
    another organisation is called that, ignoring case)."""
    with workspace.writing() as uow:
        org = uow.organisations.get(organisation_id)
        return uow.organisations.save(replace(org, name=name.strip()))


def rename_scenario(workspace: Workspace, scenario_id: int, name: str) -> str:
    """Give the scenario a new name; returns it. A name must be given, within its length, and
    not another scenario's of the same organisation (ignoring case: the switcher and the command
    line pick scenarios by name)."""
    name = name.strip()
    with workspace.writing() as uow:
        summary = uow.scenarios.summary(scenario_id)
        uow.organisations.lock(summary.organisation_id)  # no other writer renames meanwhile
        problems = scenario_name_problems(name)
        if problems:
            raise InvalidData(problems)
        others = uow.scenarios.summaries(summary.organisation_id)
        if any(o.id != scenario_id and o.name.casefold() == name.casefold() for o in others):
            raise NameTaken(
                "name",
                _(
                    "Name: this organisation already has a scenario called “{name}”; "
                    "choose another name."
                ).format(name=name),
            )
        scenario = uow.scenarios.get(scenario_id)
        uow.scenarios.save(scenario_id, replace(scenario, name=name))
    return name


def scenario_name_problems(name: str) -> list[Problem]:
    """A scenario's name: given, and within the length the workspace keeps."""
    if not name.strip():
        return [Problem("name", _("Name: enter the scenario's name"))]
    refusal = NAME.refusal(name, _("Name"))
    return [Problem("name", refusal)] if refusal is not None else []


def delete_organisation(workspace: Workspace, organisation_id: int) -> Deleted:
    """Back the workspace up, then delete the organisation and everything of it: its
    scenarios, services, price lists and settings. A backup that cannot be taken stops the
    delete (OSError or StorageError; nothing deleted)."""
    name = workspace.organisation(organisation_id).name
    backup = _backup_first(workspace)
    with workspace.writing() as uow:
        uow.organisations.delete(organisation_id)
    return Deleted(name, backup)


def delete_scenario(workspace: Workspace, scenario_id: int) -> Deleted:
    """Back the workspace up, then delete the scenario. The price lists it published are kept
    (as history, still readable: they hold their prices and services as published). The
    organisation's only scenario is refused (InvalidData): delete the organisation instead."""
    removal = scenario_removal(workspace, scenario_id)
    if removal.only_one:
        raise InvalidData(
            [
                Problem(
                    "scenario",
                    _(
                        "“{name}” is the organisation's only scenario, so it is kept; make "
                        "another scenario first, or delete the organisation."
                    ).format(name=removal.name),
                )
            ]
        )
    backup = _backup_first(workspace)
    with workspace.writing() as uow:
        uow.scenarios.delete(scenario_id)
    return Deleted(removal.name, backup)


def _backup_first(workspace: Workspace) -> Path | None:
    """A dated backup of a workspace file; None for a server database (nothing to copy)."""
    if sqlite_path(workspace_url(workspace.url)) is None:
        return None
    return backup_now(workspace.url)
