"""The shared document: every edit saved and undoable; a failed save never loses shown work."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from costready.storage.workspace import StorageError


def raise_on_save(*_args):
    raise StorageError("the disk is full")


def test_an_edit_is_saved_and_undo_restores_the_database(example_doc, workspace):
    scenario = example_doc.scenario
    rent = scenario.cost("rent")
    changed = dataclasses.replace(
        scenario,
        costs=tuple(
            dataclasses.replace(c, annual_amount=Decimal("9900.00")) if c.id == "rent" else c
            for c in scenario.costs
        ),
    )
    example_doc.apply(changed, "Change rent")
    assert workspace.load_scenario(example_doc.scenario_id).cost("rent").annual_amount == Decimal(
        "9900.00"
    )
    example_doc.undo_stack.undo()
    assert workspace.load_scenario(example_doc.scenario_id).cost("rent") == rent


def test_a_failed_save_keeps_the_old_value_and_says_why(qtbot, example_doc, monkeypatch):
    before = example_doc.scenario
    monkeypatch.setattr(example_doc.workspace, "save_scenario", raise_on_save)
    with qtbot.waitSignal(example_doc.save_failed) as failed:
        example_doc.apply(dataclasses.replace(before, name="Renamed"), "Rename")
    assert "the disk is full" in failed.args[0]
    assert example_doc.scenario == before
    assert example_doc.undo_stack.count() == 0


def test_a_failed_undo_shows_what_is_saved_and_clears_the_history(
    qtbot, example_doc, workspace, monkeypatch
):
    example_doc.apply(dataclasses.replace(example_doc.scenario, name="Renamed"), "Rename")
    monkeypatch.setattr(example_doc.workspace, "save_scenario", raise_on_save)
    example_doc.undo_stack.undo()
    qtbot.waitUntil(lambda: example_doc.undo_stack.count() == 0)
    saved = workspace.load_scenario(example_doc.scenario_id)
    assert saved.name == "Renamed"
    assert example_doc.scenario == saved


def test_an_ampersand_in_a_name_shows_literally_in_the_undo_menu(qtbot, example_doc):
    from PySide6.QtGui import QAction

    scenario = example_doc.scenario
    example_doc.apply(dataclasses.replace(scenario, name="Tea & cake"), "Rename to Tea & cake")
    undo: QAction = example_doc.undo_stack.createUndoAction(None)
    assert "&&" in undo.text()  # Qt shows "&&" as one literal "&"
    with qtbot.waitSignal(example_doc.saved) as saved:
        example_doc.undo_stack.undo()
    assert saved.args[0] == "Undone: Rename to Tea & cake"
