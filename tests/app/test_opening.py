"""Which organisation and scenario to open: one rule, the same in the window and the CLI."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from costready.__main__ import main
from costready.app.model_files import import_model
from costready.app.opening import organisation_to_open, scenario_to_open
from costready.costing.modelfile import load_model_file
from costready.storage.keys import LAST_ORGANISATION
from costready.storage.workspace import Workspace
from tests.conftest import EXAMPLE_MODEL


@pytest.fixture
def url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'opening.sqlite'}"


@pytest.fixture
def two_budgets(url) -> tuple[int, int, int]:
    """An organisation holding "Budget 2026-27" (made first) and a later-made "Budget 2025-26"."""
    model = load_model_file(EXAMPLE_MODEL)
    later = replace(
        model.scenario,
        name="Budget 2026-27",
        period_start=date(2026, 4, 1),
        period_end=date(2027, 3, 31),
        tax_year="2026-27",
    )
    earlier = replace(
        model.scenario,
        name="Budget 2025-26",
        period_start=date(2025, 4, 1),
        period_end=date(2026, 3, 31),
        tax_year="2025-26",
    )
    with Workspace(url) as workspace:
        org_id, first = import_model(workspace, replace(model, scenario=later))
        _, second = import_model(workspace, replace(model, scenario=earlier), org_id)
    assert first < second  # the later period has the smaller id: the case the CLI got wrong
    return org_id, first, second


def test_the_scenario_for_the_latest_period_opens_whatever_its_id(url, two_budgets):
    org_id, budget_2026, _budget_2025 = two_budgets
    with Workspace(url) as workspace:
        assert organisation_to_open(workspace) == org_id
        assert scenario_to_open(workspace, org_id) == budget_2026


def test_the_adopted_scenario_opens_before_a_later_one(url, two_budgets, capsys):
    org_id, _budget_2026, budget_2025 = two_budgets
    assert main(["adopt", "--database", url, "--scenario", str(budget_2025),
                 "--from", "01/04/2025", "--approved-by", "Trustees"]) == 0  # fmt: skip
    with Workspace(url) as workspace:
        assert scenario_to_open(workspace, org_id) == budget_2025


def test_the_organisation_shown_last_opens_first(url, two_budgets):
    with Workspace(url) as workspace:
        other, _ = import_model(workspace, load_model_file(EXAMPLE_MODEL))
        workspace.set_setting(None, LAST_ORGANISATION, str(other))
        assert organisation_to_open(workspace) == other
        workspace.set_setting(None, LAST_ORGANISATION, "999")  # gone: the first by name
        assert organisation_to_open(workspace) == workspace.organisations()[0].id


def test_the_cli_acts_on_the_scenario_the_window_opens(qtbot, url, two_budgets, capsys):
    from costready.ui.main_window import MainWindow

    _org_id, budget_2026, _ = two_budgets
    window = MainWindow()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.workspace_loaded):
        assert window.open_workspace_url(url)
    assert window.document is not None
    assert window.document.scenario_id == budget_2026
    window.close()

    assert main(["adopt", "--database", url, "--from", "01/04/2026",
                 "--approved-by", "Trustees"]) == 0  # fmt: skip
    assert "Budget 2026-27" in capsys.readouterr().out
    with Workspace(url) as workspace:
        assert [s.id for s in workspace.scenarios(_org_id) if s.adopted] == [budget_2026]
