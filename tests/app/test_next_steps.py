"""Home's next steps: which steps show, in what order, what they say and which are done."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

from costready.app.adoption import adopt
from costready.app.guide import FINISHED_SETTING, STEP_SETTING
from costready.app.next_steps import GUIDE, NextSteps, next_steps
from costready.app.sample import install_sample
from costready.costing.engine import price_scenario
from costready.costing.model import Scenario
from costready.costing.price_lists import PriceList
from costready.costing.scenarios import ScenarioSummary
from costready.organisation import Organisation
from costready.problems import Problem
from costready.storage.workspace import Workspace

PAGES = ["organisation", "services", "staff", "costs", "prices"]


def _steps(workspace: Workspace, org_id: int, scenario_id: int) -> NextSteps:
    """The steps for the scenario as stored, priced (as the page shows it)."""
    scenario = workspace.load_scenario(scenario_id)
    return next_steps(workspace, org_id, scenario_id, scenario, price_scenario(scenario))


def test_a_new_organisation_has_everything_to_do(workspace: Workspace) -> None:
    org = workspace.save_organisation(Organisation(name="New Start CIC"))
    assert org.id is not None
    empty = start_scenario_value()
    scenario_id = workspace.create_scenario(org.id, empty)
    problems = [Problem("$.services", "add a service"), Problem("$.staff", "add a post")]
    home = next_steps(workspace, org.id, scenario_id, empty, None, problems)
    assert home.organisation_name == "New Start CIC"
    assert [step.key for step in home.steps] == PAGES
    assert not any(step.done for step in home.steps)
    assert home.steps[0].text.startswith("Your address")
    assert home.steps[-1].text == "2 things to fix before prices can be worked out."


def test_the_sample_has_its_records_and_its_prices_adopted(workspace: Workspace) -> None:
    org_id, scenario_id = install_sample(workspace)
    steps = {step.key: step for step in _steps(workspace, org_id, scenario_id).steps}
    assert [key for key in steps] == PAGES
    assert all(steps[key].done for key in PAGES)  # its prices come adopted, ready to invoice
    scenario = workspace.load_scenario(scenario_id)
    assert steps["services"].text == f"{len(scenario.services)} services on your menu."
    assert steps["costs"].text == f"{len(scenario.costs)} cost lines."
    assert steps["prices"].text == "These prices are adopted and published as your price list."


def test_an_unfinished_guide_comes_first_until_it_is_finished(workspace: Workspace) -> None:
    org_id, scenario_id = install_sample(workspace)
    workspace.set_setting(org_id, STEP_SETTING, "staff")
    first = _steps(workspace, org_id, scenario_id).steps[0]
    assert (first.key, first.done) == (GUIDE, False)
    workspace.set_setting(org_id, FINISHED_SETTING, "1")
    assert _steps(workspace, org_id, scenario_id).steps[0].key == "organisation"


def test_adopted_prices_are_done_until_an_edit_changes_them(workspace: Workspace) -> None:
    org_id, scenario_id = install_sample(workspace)
    adopt(workspace, scenario_id, date(2027, 1, 1), "Trustees", date(2026, 12, 1))
    prices = _steps(workspace, org_id, scenario_id).steps[-1]
    assert prices.done
    assert prices.text == "These prices are adopted and published as your price list."

    scenario = workspace.load_scenario(scenario_id)
    line = scenario.costs[0]
    dearer = dataclasses.replace(line, annual_amount=line.annual_amount + Decimal("5000"))
    workspace.save_scenario(
        scenario_id, dataclasses.replace(scenario, costs=(dearer, *scenario.costs[1:]))
    )
    prices = _steps(workspace, org_id, scenario_id).steps[-1]
    assert not prices.done
    assert prices.text.startswith("These prices have changed since they were adopted")


def test_another_scenario_adopted_leaves_this_one_to_adopt(workspace: Workspace) -> None:
    org_id, scenario_id = install_sample(workspace)
    other = workspace.create_scenario(
        org_id, dataclasses.replace(workspace.load_scenario(scenario_id), name="Other")
    )
    adopt(workspace, other, date(2027, 1, 1), "Trustees", date(2026, 12, 1))
    assert not _steps(workspace, org_id, scenario_id).steps[-1].done
    assert _steps(workspace, org_id, other).steps[-1].done


def test_the_steps_are_read_in_one_unit(workspace: Workspace, units: list[str]) -> None:
    org_id, scenario_id = install_sample(workspace)
    scenario = workspace.load_scenario(scenario_id)
    result = price_scenario(scenario)
    units.clear()
    next_steps(workspace, org_id, scenario_id, scenario, result)
    assert units == ["read"]


class _ReadOnlyView:
    """A read-only view of a workspace that is no Workspace (as the window has at start-up)."""

    def __init__(self, workspace: Workspace):
        self._workspace = workspace

    def organisation(self, organisation_id: int) -> Organisation:
        return self._workspace.organisation(organisation_id)

    def scenarios(self, organisation_id: int) -> list[ScenarioSummary]:
        return self._workspace.scenarios(organisation_id)

    def load_scenario(self, scenario_id: int) -> Scenario:
        return self._workspace.load_scenario(scenario_id)

    def price_lists(self, organisation_id: int) -> list[PriceList]:
        return self._workspace.price_lists(organisation_id)

    def current_price_list(self, organisation_id: int, on: date) -> PriceList | None:
        return self._workspace.current_price_list(organisation_id, on)

    def get_setting(self, organisation_id: int | None, key: str, default: str = "") -> str:
        return self._workspace.get_setting(organisation_id, key, default)


def test_a_read_only_view_gives_the_same_steps(workspace: Workspace) -> None:
    org_id, scenario_id = install_sample(workspace)
    workspace.set_setting(org_id, STEP_SETTING, "costs")
    scenario = workspace.load_scenario(scenario_id)
    result = price_scenario(scenario)
    view = _ReadOnlyView(workspace)
    assert next_steps(view, org_id, scenario_id, scenario, result) == next_steps(
        workspace, org_id, scenario_id, scenario, result
    )


def start_scenario_value() -> Scenario:
    return Scenario(
        name="Budget 2026-27",
        period_start=date(2026, 4, 1),
        period_end=date(2027, 3, 31),
        tax_year="2026-27",
    )
