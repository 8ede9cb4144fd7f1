"""The guided setup's progress in the workspace: saved as it goes, resumed where it was left."""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from costready.costing.guide import ORGANISATION, Guide
from costready.costing.model import Scenario
from costready.organisation import Organisation, validate_organisation
from costready.storage.keys import LAST_ORGANISATION

STEP_SETTING = "guide.step"
FINISHED_SETTING = "guide.finished"
SCENARIO_SETTING = "guide.scenario_id"


class GuideStore(Protocol):
    """What the guide needs of a workspace (costready.storage.workspace.Workspace)."""

    def organisation(self, organisation_id: int) -> Organisation: ...
    def save_organisation(self, org: Organisation) -> Organisation: ...
    def scenarios(self, organisation_id: int) -> list[Any]: ...
    def load_scenario(self, scenario_id: int) -> Scenario: ...
    def create_scenario(self, organisation_id: int, scenario: Scenario) -> int: ...
    def save_scenario(self, scenario_id: int, scenario: Scenario) -> None: ...
    def get_setting(self, organisation_id: int | None, key: str, default: str = "") -> str: ...
    def set_setting(self, organisation_id: int | None, key: str, value: str) -> None: ...


def save_progress(
    store: GuideStore, guide: Guide, scenario_id: int | None
) -> tuple[int | None, int | None]:
    """Save the organisation, the scenario and the step shown; returns (organisation, scenario)
    ids. Nothing is saved until the organisation itself is valid (it needs a name)."""
    organisation = guide.state.organisation
    if validate_organisation(organisation):
        return organisation.id, scenario_id
    saved = store.save_organisation(organisation)
    assert saved.id is not None
    guide.set_organisation_id(saved.id)
    if scenario_id is None:
        scenario_id = store.create_scenario(saved.id, guide.state.scenario)
        store.set_setting(saved.id, SCENARIO_SETTING, str(scenario_id))
    else:
        store.save_scenario(scenario_id, guide.state.scenario)
    store.set_setting(saved.id, STEP_SETTING, guide.current.key)
    return saved.id, scenario_id


def mark_finished(store: GuideStore, organisation_id: int) -> None:
    """Record that the guide was finished and open this organisation next time."""
    store.set_setting(organisation_id, FINISHED_SETTING, "1")
    store.set_setting(None, LAST_ORGANISATION, str(organisation_id))


def resume(
    store: GuideStore, organisation_id: int, today: date | None = None
) -> tuple[Guide, int | None]:
    """The guide for a saved organisation at its saved step, and its scenario id (if any)."""
    organisation = store.organisation(organisation_id)
    scenario_id = _saved_scenario_id(store, organisation_id)
    scenario = store.load_scenario(scenario_id) if scenario_id is not None else None
    step = store.get_setting(organisation_id, STEP_SETTING, ORGANISATION)
    return Guide(organisation, scenario, step=step, today=today), scenario_id


def _saved_scenario_id(store: GuideStore, organisation_id: int) -> int | None:
    text = store.get_setting(organisation_id, SCENARIO_SETTING, "")
    known = [summary.id for summary in store.scenarios(organisation_id)]
    if text.isdigit() and int(text) in known:
        return int(text)
    return known[0] if known else None
