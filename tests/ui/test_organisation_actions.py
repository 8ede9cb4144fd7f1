"""Organisations and scenarios managed in the window: the sample, rename, delete, export and
import an organisation, and the file dialogs (issue 17, first section)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from costready.app.adoption import adopt
from costready.app.guide import start
from costready.app.scenarios import copy_scenario
from costready.organisation import Organisation
from costready.ui import file_dialogs
from costready.ui.first_run import FirstRunDialog
from costready.ui.shell.organisation_actions import OrganisationActions


@pytest.fixture
def half_done(workspace) -> int:
    """A half-finished organisation from the guided setup, beside the sample."""
    org_id, _scenario_id = start(workspace, Organisation(name="Half done"), date(2026, 5, 1))
    return org_id


def answer(monkeypatch, button_text: str) -> list[tuple[str, str]]:
    """Answer every message box by clicking the button called `button_text`; the texts
    shown (question, details) are returned."""
    shown: list[tuple[str, str]] = []

    def click(box: QMessageBox) -> int:
        shown.append((box.text(), box.informativeText()))
        wanted = [b for b in box.buttons() if b.text().replace("&", "") == button_text]
        assert wanted, [b.text() for b in box.buttons()]
        wanted[0].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    return shown


def rename_to(qtbot, monkeypatch, *names: str) -> list[str]:
    """Type each of `names` in the rename dialog and press Rename; the errors it showed."""
    errors: list[str] = []

    def run(_actions, dialog) -> bool:
        dialog.show()
        for name in names:
            dialog.name_edit.clear()
            qtbot.keyClicks(dialog.name_edit, name)
            button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            if dialog.error.has_error:
                errors.append(dialog.error.text())
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(OrganisationActions, "run_dialog", run)
    return errors


# The sample -------------------------------------------------------------------------------


def test_file_open_the_sample_installs_it_once_and_opens_it(qtbot, window, workspace):
    window.show_organisation(workspace.save_organisation(Organisation(name="Other")).id)
    assert window.organisation_label.text() == "Other"
    window.file_actions.open_sample.trigger()
    assert window.organisation_label.text() == "Riverside Community Hub"
    window.file_actions.open_sample.trigger()
    names = [org.name for org in workspace.organisations()]
    assert names.count("Riverside Community Hub") == 1


# Renaming ---------------------------------------------------------------------------------


def test_renaming_the_organisation_shows_an_error_by_the_field_then_the_new_name(
    qtbot, window, workspace, half_done, monkeypatch
):
    window.show_page("organisation")  # built with the old name: shown afresh after
    errors = rename_to(qtbot, monkeypatch, "half DONE", "Riverside Hub")
    window.organisation_actions.rename.trigger()
    assert errors == [
        "Name: this workspace already has an organisation called “half DONE”; choose another name."
    ]
    assert window.organisation_label.text() == "Riverside Hub"
    assert "Riverside Hub" in window.windowTitle()
    assert workspace.organisation(window.document.organisation_id).name == "Riverside Hub"
    assert window.organisation_page.profile.name_edit.text() == "Riverside Hub"


def test_renaming_the_scenario_updates_the_switcher(qtbot, window, workspace, monkeypatch):
    rename_to(qtbot, monkeypatch, "Plan A")
    window.scenario_actions.rename.trigger()
    assert window.scenario_combo.currentText() == "Plan A"
    assert window.document.scenario.name == "Plan A"
    assert workspace.load_scenario(window.document.scenario_id).name == "Plan A"


# Deleting ---------------------------------------------------------------------------------


def test_deleting_the_organisation_names_what_goes_backs_up_and_opens_another(
    qtbot, window, workspace, half_done, monkeypatch
):
    sample_id = window.document.organisation_id
    adopt(
        workspace,
        window.document.scenario_id,
        date(2026, 4, 1),
        "Trustees",
        date(2026, 3, 1),
        despite_warnings=True,
    )
    shown = answer(monkeypatch, "Delete organisation")
    window.organisation_actions.delete.trigger()
    ((question, details),) = shown
    assert question == "Delete the organisation “Riverside Community Hub”?"
    assert "its scenarios (1): “Budget 2026-27”" in details
    assert "its published price lists (2)" in details  # the sample's own, and this one
    assert "backup" in details
    assert [org.id for org in workspace.organisations()] == [half_done]
    assert window.document.organisation_id == half_done
    assert window.organisation_label.text() == "Half done"
    assert "a backup was taken first" in window.statusBar().currentMessage()
    assert sample_id not in [org.id for org in workspace.organisations()]


def test_cancel_deletes_nothing(qtbot, window, workspace, monkeypatch):
    answer(monkeypatch, "Cancel")
    window.organisation_actions.delete.trigger()
    assert [org.name for org in workspace.organisations()] == ["Riverside Community Hub"]
    assert window.document is not None


def test_deleting_the_last_organisation_shows_the_welcome(qtbot, window, workspace, monkeypatch):
    answer(monkeypatch, "Delete organisation")
    welcomed: list[bool] = []
    monkeypatch.setattr(FirstRunDialog, "exec", lambda _dialog: welcomed.append(True) or 0)
    window.organisation_actions.delete.trigger()
    assert welcomed == [True]
    assert workspace.organisations() == []
    assert window.document is None
    assert not window.organisation_actions.delete.isEnabled()


def test_a_half_finished_organisation_is_removed_the_same_way(
    qtbot, window, workspace, half_done, monkeypatch
):
    window.show_organisation(half_done)
    answer(monkeypatch, "Delete organisation")
    window.organisation_actions.delete.trigger()
    assert [org.name for org in workspace.organisations()] == ["Riverside Community Hub"]
    assert window.organisation_label.text() == "Riverside Community Hub"


def test_deleting_the_adopted_scenario_keeps_its_price_lists(qtbot, window, workspace, monkeypatch):
    org_id, scenario_id = window.document.organisation_id, window.document.scenario_id
    other = copy_scenario(
        workspace, org_id, replace(workspace.load_scenario(scenario_id), name="Budget B")
    )
    adopt(
        workspace,
        scenario_id,
        date(2026, 4, 1),
        "Trustees",
        date(2026, 3, 1),
        despite_warnings=True,
    )
    window.reload_workspace("")
    shown = answer(monkeypatch, "Delete scenario")
    window.scenario_actions.delete.trigger()
    ((question, details),) = shown
    assert question == "Delete the scenario “Budget 2026-27”?"
    assert "The price lists it published (2) are kept" in details  # the sample's and this
    assert "It is the adopted scenario" in details
    assert window.document.scenario_id == other.scenario_id
    assert [window.scenario_combo.itemText(i) for i in range(window.scenario_combo.count())] == [
        "Budget B"
    ]
    kept = workspace.price_lists(org_id)
    assert len(kept) == 2  # the sample's own and this one
    assert all(p.scenario_name == "Budget 2026-27" and p.scenario_id is None for p in kept)
    window.show_page("prices")  # the page reads the kept list without its scenario
    assert window.current_page_key() == "prices"


def test_the_only_scenario_is_kept(qtbot, window, workspace, monkeypatch):
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    window.scenario_actions.delete.trigger()
    assert told and "only scenario" in told[0]
    assert len(workspace.scenarios(window.document.organisation_id)) == 1


# Export and import ------------------------------------------------------------------------


def test_export_then_import_organisation_through_the_file_menu(
    qtbot, window, workspace, tmp_path, monkeypatch
):
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(file_dialogs, "documents_folder", lambda: str(documents))
    offered: list[str] = []

    def save_as(_parent, _title, suggested, _filter):
        offered.append(suggested)
        return str(tmp_path / "out" / "org.json"), ""

    (tmp_path / "out").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    window.file_actions.export_organisation.trigger()
    assert offered == [str(documents / "Riverside Community Hub Organisation.json")]
    data = json.loads((tmp_path / "out" / "org.json").read_text(encoding="utf-8"))
    assert data["organisation"]["charity_number"] == "1190001"

    started: list[str] = []

    def open_file(_parent, _title, folder, _filter):
        started.append(folder)
        return str(tmp_path / "out" / "org.json"), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_file)
    window.file_actions.import_organisation.trigger()
    assert started == [str(tmp_path / "out")]  # where the person last went
    assert window.organisation_label.text() == "Riverside Community Hub (2)"
    imported = workspace.organisation(window.document.organisation_id)
    assert imported.address.startswith("The Old Library")
    assert "already had one called “Riverside Community Hub”" in (
        window.statusBar().currentMessage()
    )


def test_a_bad_organisation_file_shows_every_problem_and_imports_nothing(
    qtbot, window, workspace, tmp_path, monkeypatch
):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "costready-organisation", "version": 1}', encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    details: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: details.append(box.detailedText()) or 0)
    window.file_actions.import_organisation.trigger()
    assert "$.organisation.name: is missing" in details[0]
    assert len(workspace.organisations()) == 1


# File dialogs -----------------------------------------------------------------------------


def test_open_workspace_shows_an_open_button_in_documents(qtbot, window, tmp_path, monkeypatch):
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(file_dialogs, "documents_folder", lambda: str(documents))
    dialog = file_dialogs.workspace_dialog(window)
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.open()
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptOpen
    assert Path(dialog.directory().absolutePath()) == documents
    box = dialog.findChild(QDialogButtonBox)
    texts = [button.text().replace("&", "") for button in box.buttons()]
    assert "Open" in texts and "Save" not in texts
    dialog.reject()


def test_open_recent_lists_the_last_five_workspaces(qtbot, window, tmp_path, monkeypatch):
    opened = []
    for number in range(6):
        path = tmp_path / f"ws{number}.sqlite"

        def choose(dialog, path=path) -> int:
            dialog.selectFile(str(path))
            return 1

        monkeypatch.setattr(QFileDialog, "exec", choose)
        monkeypatch.setattr(FirstRunDialog, "exec", lambda _dialog: 0)
        window.file_actions.open_workspace.trigger()
        assert window.workspace is not None and window.workspace.url.endswith(path.name)
        opened.append(str(path.resolve()))
    window.file_actions.fill_recent_menu()
    menu = window.file_actions.open_recent.menu()
    listed = [action.data() for action in menu.actions()]
    assert listed == list(reversed(opened))[:5]
    menu.actions()[2].trigger()  # the third newest
    assert window.workspace.url.endswith("ws3.sqlite")
    window.opening.release()
