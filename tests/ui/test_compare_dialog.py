"""The dialog that compares two scenarios' prices side by side."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QTableWidget

from costready.costing.scenarios import copy_scenario
from costready.ui.dialogs.compare import CompareDialog
from tests.ui.cells import shown


def test_service_names_get_their_width_and_long_scenario_names_a_tooltip(
    qtbot, example_doc, workspace
):
    scenario = example_doc.scenario
    long_name = "Budget 2027-28 with a 3.5% uplift on every line"
    copy = copy_scenario(scenario, long_name, Decimal("0.035"), {p.id for p in scenario.staff})
    copy_id = workspace.create_scenario(example_doc.organisation_id, copy)
    dialog = shown(qtbot, CompareDialog(workspace, example_doc.organisation_id, copy_id), 900, 440)
    table: QTableWidget = dialog.table
    widest = max(table.fontMetrics().horizontalAdvance(s.name) for s in scenario.services)
    assert table.columnWidth(0) >= widest
    assert long_name in table.horizontalHeaderItem(3).toolTip()
