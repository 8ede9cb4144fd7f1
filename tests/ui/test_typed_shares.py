"""A share typed over 100% is refused with a message naming the box and the range, never cut
to 15% or 100% by the box itself."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from costready.ui.editors.post_time import PostTimeDialog
from costready.ui.editors.shares import SharesDialog


def _type(qtbot, spin, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)


def test_150_in_a_share_box_is_refused_by_name(qtbot):
    keys = [("home-support", "Home support"), ("day", "Day activities")]
    dialog = SharesDialog("Shares", "", keys, {"home-support": Decimal(1)})
    qtbot.addWidget(dialog)
    dialog.show()
    spin = dialog.editor.spins["home-support"]
    _type(qtbot, spin, "150")
    assert spin.share() == Decimal("1.5")  # kept as typed: not 15% and not 100%
    assert dialog.editor.error.text() == (
        "Home support: 150% is more than 100% — enter from 0% to 100%"
    )
    assert not dialog.ok_button.isEnabled()
    _type(qtbot, spin, "100")
    qtbot.keyClick(spin, Qt.Key.Key_Tab)
    assert dialog.editor.error.text() == ""
    assert dialog.ok_button.isEnabled()


def test_150_in_a_posts_time_is_refused_by_name(qtbot, example_doc):
    scenario = example_doc.scenario
    post = scenario.post("support-worker")
    dialog = PostTimeDialog(post, scenario)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ok_button.isEnabled()
    [first, *_rest] = dialog.time_editor.spins.values()
    _type(qtbot, first, "150")
    assert "Home support: 150% is more than 100%" in dialog.time_editor.error.text()
    assert not dialog.ok_button.isEnabled()


def test_150_in_time_not_charged_is_refused_by_name(qtbot, example_doc):
    scenario = example_doc.scenario
    dialog = PostTimeDialog(scenario.post("support-worker"), scenario)
    qtbot.addWidget(dialog)
    dialog.show()
    _type(qtbot, dialog.kind_spins["training"], "150")
    assert dialog.kind_spins["training"].share() == Decimal("1.5")
    assert dialog.non_chargeable_error.text().startswith("Training")
    assert "150% is more than 100% — enter from 0% to 100%" in dialog.non_chargeable_error.text()
    assert not dialog.ok_button.isEnabled()


def test_150_in_a_percentage_cell_is_refused_by_name(qtbot, example_doc):
    from costready.ui.pages.staff import StaffPage
    from tests.ui.cells import edit_cell, shown

    page = shown(qtbot, StaffPage(example_doc), 1400, 700)
    before = example_doc.scenario.post("support-worker").pension
    edit_cell(qtbot, page.view, 0, "pension_rate", "150")
    assert page.error.text() == "Pension %: cannot be more than 100%"
    assert example_doc.scenario.post("support-worker").pension == before
