"""Which organisation and scenario to open: one rule for the window and the command line."""

from __future__ import annotations

from typing import Protocol

from costready.costing.scenarios import ScenarioSummary, start_scenario
from costready.organisation import Organisation, start_organisation
from costready.storage.keys import LAST_ORGANISATION

#: The workspace-wide setting naming the page the window showed when it last closed.
LAST_PAGE = "last_page"


class Listing(Protocol):
    """The reads choosing needs (a Workspace, or the start-up read of one)."""

    def organisations(self) -> list[Organisation]: ...
    def scenarios(self, organisation_id: int) -> list[ScenarioSummary]: ...
    def get_setting(self, organisation_id: int | None, key: str, default: str = "") -> str: ...


def organisation_to_open(workspace: Listing) -> int | None:
    """The organisation shown last if it still exists, else the first by name; None if none."""
    last = workspace.get_setting(None, LAST_ORGANISATION)
    return start_organisation(workspace.organisations(), last)


def scenario_to_open(workspace: Listing, organisation_id: int) -> int | None:
    """The organisation's adopted scenario, else the one for the latest period; None if none."""
    return start_scenario(workspace.scenarios(organisation_id))


class Remembering(Listing, Protocol):
    """The reads and the one write remembering needs."""

    def set_setting(self, organisation_id: int | None, key: str, value: str) -> None: ...


def remember_organisation(workspace: Remembering, organisation_id: int) -> None:
    """Open `organisation_id` first next time (written only when it changes, so opening the
    same one again leaves the workspace, and the snapshot of its first screen, as they were)."""
    if workspace.get_setting(None, LAST_ORGANISATION) != str(organisation_id):
        workspace.set_setting(None, LAST_ORGANISATION, str(organisation_id))


def remember_page(workspace: Remembering, key: str) -> None:
    """Open on page `key` next time (written only when it changes)."""
    if workspace.get_setting(None, LAST_PAGE) != key:
        workspace.set_setting(None, LAST_PAGE, key)
