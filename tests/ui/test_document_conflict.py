"""A save refused because another program saved first keeps the edit shown and offers a reload."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from costready.storage.workspace import Workspace


def _with_rent(document, amount):
    scenario = document.scenario
    return replace(
        scenario,
        costs=tuple(
            replace(c, annual_amount=Decimal(amount)) if c.id == "rent" else c
            for c in scenario.costs
        ),
    )


def test_edits_and_undo_save_at_the_version_last_saved(example_doc, workspace):
    before = example_doc.scenario
    example_doc.apply(_with_rent(example_doc, 7000), "Change rent")
    example_doc.apply(_with_rent(example_doc, 7100), "Change rent")
    example_doc.undo_stack.undo()
    example_doc.undo_stack.undo()
    stored = workspace.load_scenario(example_doc.scenario_id)
    assert stored == before and stored.version == example_doc.scenario.version == 5
    assert not example_doc.changed_elsewhere()  # its own saves are not someone else's


def test_a_save_over_another_programs_save_is_refused_and_the_edit_stays_shown(
    qtbot, example_doc, workspace
):
    with Workspace(workspace.url) as other:  # another program saves the same scenario
        theirs = other.load_scenario(example_doc.scenario_id)
        other.save_scenario(example_doc.scenario_id, replace(theirs, tax_year="2027-28"))
    assert example_doc.changed_elsewhere()
    conflicts: list[str] = []
    example_doc.conflict.connect(conflicts.append)

    mine = _with_rent(example_doc, 7000)
    example_doc.apply(mine, "Change rent")

    (message,) = conflicts
    assert message.startswith("Not saved: the scenario “Budget 2026-27” was changed")
    assert example_doc.scenario == mine  # the edit is still on screen, unsaved
    assert example_doc.unsaved_edit == "Change rent"
    stored = workspace.load_scenario(example_doc.scenario_id)
    assert stored.tax_year == "2027-28" and stored.cost("rent") == theirs.cost("rent")

    example_doc.reload()  # the window's "Reload"
    assert example_doc.scenario.tax_year == "2027-28" and example_doc.unsaved_edit == ""
    assert not example_doc.changed_elsewhere()
    example_doc.apply(_with_rent(example_doc, 7000), "Change rent")  # made again
    saved = workspace.load_scenario(example_doc.scenario_id)
    assert saved.cost("rent").annual_amount == Decimal(7000)


def test_with_no_conflict_handler_the_refusal_is_a_failed_save(qtbot, example_doc, workspace):
    with Workspace(workspace.url) as other:
        theirs = other.load_scenario(example_doc.scenario_id)
        other.save_scenario(example_doc.scenario_id, replace(theirs, tax_year="2027-28"))
    with qtbot.waitSignal(example_doc.save_failed) as failed:
        example_doc.apply(_with_rent(example_doc, 7000), "Change rent")
    assert "was changed in another window or program" in failed.args[0]
