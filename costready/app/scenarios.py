"""Making scenarios: a blank one for the organisation's current year, and a copy of one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from costready.app.opening import scenario_to_open
from costready.costing.model import Scenario
from costready.costing.rules import tax_year_for
from costready.costing.scenarios import new_scenario

if TYPE_CHECKING:
    from costready.storage.workspace import Workspace


@dataclass(frozen=True)
class Copied:
    """A stored copy of a scenario; `missing_tax_year` is the tax year its period wants when
    the rules file has no figures for it yet (the copy uses `tax_year` instead)."""

    scenario_id: int
    name: str
    tax_year: str
    missing_tax_year: str | None


def create_blank_scenario(
    workspace: Workspace, organisation_id: int, today: date | None = None
) -> int:
    """Store an empty scenario for the organisation's financial year `today` falls in."""
    with workspace.transaction():
        organisation = workspace.organisation(organisation_id)
        return workspace.create_scenario(
            organisation_id, new_scenario(organisation, today or date.today())
        )


def scenario_to_show(workspace: Workspace, organisation_id: int, today: date | None = None) -> int:
    """The scenario to open (see `opening.scenario_to_open`); a blank one is made if none."""
    with workspace.transaction():
        found = scenario_to_open(workspace, organisation_id)
        if found is not None:
            return found
        return create_blank_scenario(workspace, organisation_id, today)


def copy_scenario(workspace: Workspace, organisation_id: int, copy: Scenario) -> Copied:
    """Store `copy` (made by the copy dialog from another scenario) as a new scenario."""
    scenario_id = workspace.create_scenario(organisation_id, copy)
    wanted = tax_year_for(copy.period_start + (copy.period_end - copy.period_start) / 2)
    return Copied(
        scenario_id=scenario_id,
        name=copy.name,
        tax_year=copy.tax_year,
        missing_tax_year=wanted if wanted != copy.tax_year else None,
    )
