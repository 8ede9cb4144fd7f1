"""First run: an empty workspace offers guided setup or the sample organisation."""

from __future__ import annotations

import sys
import types

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from costready.costing.model import Scenario
from costready.organisation import Organisation
from costready.ui import main_window as main_window_module
from costready.ui.first_run import FirstRunDialog
from costready.ui.main_window import MainWindow


@pytest.fixture
def bare_window(qtbot):
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_dialog_offers_two_choices_with_guided_setup_as_default(qtbot):
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.guided_button.text() == "Set up a new organisation (guided)"
    assert dialog.sample_button.text() == "Open the sample organisation"
    assert dialog.guided_button.isDefault()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # the keyboard reaches the default choice
    assert dialog.choice == FirstRunDialog.GUIDED
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted


def test_tab_reaches_the_sample_choice(qtbot):
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    qtbot.waitUntil(dialog.guided_button.hasFocus)
    qtbot.keyClick(dialog.guided_button, Qt.Key.Key_Tab)
    assert dialog.sample_button.hasFocus()
    qtbot.keyClick(dialog.sample_button, Qt.Key.Key_Space)
    assert dialog.choice == FirstRunDialog.SAMPLE


def choose(qtbot, button_name: str, seen: list[str]):
    def fake_exec(dialog: FirstRunDialog) -> int:
        seen.extend([dialog.guided_button.text(), dialog.sample_button.text()])
        qtbot.mouseClick(getattr(dialog, button_name), Qt.MouseButton.LeftButton)
        return dialog.result()

    return fake_exec


def test_sample_choice_opens_the_sample_organisation(qtbot, bare_window, workspace, monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(FirstRunDialog, "exec", choose(qtbot, "sample_button", seen))
    with qtbot.waitSignal(bare_window.workspace_loaded):
        bare_window.set_workspace(workspace)
    assert seen == ["Set up a new organisation (guided)", "Open the sample organisation"]
    [org] = workspace.organisations()
    assert bare_window.document.organisation_id == org.id
    assert bare_window.organisation_label.text() == org.name
    assert bare_window.current_page_key() == "home"
    assert workspace.get_setting(None, "last_organisation_id") == str(org.id)


def test_guided_choice_opens_the_guide_and_shows_its_organisation(
    qtbot, bare_window, workspace, monkeypatch
):
    created: list[int] = []

    class FakeGuide:
        def __init__(self, ws, parent):
            self.workspace = ws

        def exec(self) -> int:
            from datetime import date

            org = self.workspace.save_organisation(Organisation(name="Meadow CIC"))
            self.organisation_id = org.id
            self.scenario_id = self.workspace.create_scenario(
                org.id,
                Scenario(
                    name="Budget 2026-27",
                    period_start=date(2026, 4, 1),
                    period_end=date(2027, 3, 31),
                    tax_year="2026-27",
                ),
            )
            created.append(org.id)
            return 1

    fake_module = types.ModuleType("costready.ui.guide.wizard")
    fake_module.GuideDialog = FakeGuide
    monkeypatch.setitem(sys.modules, "costready.ui.guide.wizard", fake_module)
    monkeypatch.setattr(FirstRunDialog, "exec", choose(qtbot, "guided_button", []))
    bare_window.set_workspace(workspace)
    assert created and bare_window.document.organisation_id == created[0]
    assert bare_window.organisation_label.text() == "Meadow CIC"


def test_not_now_leaves_an_empty_state_that_says_what_to_do(
    qtbot, bare_window, workspace, monkeypatch
):
    monkeypatch.setattr(FirstRunDialog, "exec", lambda dialog: dialog.reject() or 0)
    bare_window.set_workspace(workspace)
    assert bare_window.document is None
    assert not bare_window.copy_scenario_action.isEnabled()
    shown = bare_window.stack.currentWidget()
    assert "no organisation yet" in " ".join(
        label.text() for label in shown.findChildren(main_window_module.QLabel)
    )
    assert bare_window.statusBar().currentMessage() == "No organisation in this workspace yet"


def _empty_state_button(window, text: str):
    shown = window.stack.currentWidget()
    [button] = [b for b in shown.findChildren(QPushButton) if b.text() == text]
    return button


def test_after_not_now_the_empty_state_offers_both_ways_to_start(
    qtbot, bare_window, workspace, monkeypatch
):
    monkeypatch.setattr(FirstRunDialog, "exec", lambda dialog: dialog.reject() or 0)
    bare_window.set_workspace(workspace)
    guided = _empty_state_button(bare_window, "Set up a new organisation (guided)…")
    sample = _empty_state_button(bare_window, "Open the sample organisation")
    assert guided.isVisible() and sample.isVisible()

    with qtbot.waitSignal(bare_window.workspace_loaded):
        qtbot.mouseClick(sample, Qt.MouseButton.LeftButton)

    [org] = workspace.organisations()
    assert bare_window.document.organisation_id == org.id
    assert bare_window.current_page_key() == "home"


def test_the_status_bar_does_not_say_opening_behind_the_first_run_choice(
    qtbot, bare_window, workspace, monkeypatch
):
    seen: list[str] = []

    def fake_exec(dialog: FirstRunDialog) -> int:
        seen.append(bare_window.statusBar().currentMessage())
        dialog.reject()
        return 0

    assert bare_window.statusBar().currentMessage() == "Opening workspace…"
    monkeypatch.setattr(FirstRunDialog, "exec", fake_exec)
    bare_window.set_workspace(workspace)
    assert seen == ["No organisation in this workspace yet"]


def test_return_on_not_now_does_not_start_the_guided_setup(qtbot):
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    dialog.not_now_button.setFocus()
    qtbot.waitUntil(dialog.not_now_button.hasFocus)
    qtbot.keyClick(dialog.not_now_button, Qt.Key.Key_Return)
    assert dialog.choice is None
    assert dialog.result() == FirstRunDialog.DialogCode.Rejected


def test_the_focused_choice_is_marked(qtbot):
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    qtbot.waitUntil(dialog.guided_button.hasFocus)
    unfocused = dialog.sample_button.grab().toImage()
    qtbot.keyClick(dialog.guided_button, Qt.Key.Key_Tab)
    qtbot.waitUntil(dialog.sample_button.hasFocus)
    focused = dialog.sample_button.grab().toImage()
    # the highlight frame is drawn round the button the keyboard is on
    highlight = dialog.palette().highlight().color().rgb()
    assert focused.pixel(1, focused.height() // 2) == highlight
    assert unfocused.pixel(1, unfocused.height() // 2) != highlight


def test_reopening_shows_the_last_organisation(qtbot, bare_window, workspace, sample_ids):
    other = workspace.save_organisation(Organisation(name="Another Org"))
    workspace.set_setting(None, "last_organisation_id", str(sample_ids[0]))
    bare_window.set_workspace(workspace)
    assert bare_window.document.organisation_id == sample_ids[0] != other.id
    assert bare_window.document.scenario_id == sample_ids[1]
