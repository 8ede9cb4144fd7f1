"""File › Back up now and File › Restore from backup…: the workspace goes back, nothing is lost."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from costready.app.backups import list_backups
from costready.storage.workspace import Workspace
from costready.ui.dialogs.restore_backup import RestoreBackupDialog


def _rename(window, name: str) -> None:
    workspace, org_id = window.workspace, window.document.organisation_id
    workspace.save_organisation(replace(workspace.organisation(org_id), name=name))
    window.show_organisation(org_id)
    assert window.organisation_label.text() == name


@pytest.fixture
def choose(window, monkeypatch):
    """Answers the two modal questions: which backup (the newest unless told), and "Restore"."""
    chosen: dict[str, object] = {"confirm": True}

    def choose_backup(backups, folder):
        chosen["offered"] = backups
        chosen["folder"] = folder
        return chosen.get("path", backups[0][0] if backups else None)

    monkeypatch.setattr(window.file_actions, "choose_backup", choose_backup)
    monkeypatch.setattr(window.file_actions, "confirm_restore", lambda _path: chosen["confirm"])
    return chosen


def test_the_file_menu_offers_both_with_their_keys(window):
    actions = window.file_actions
    assert actions.back_up in actions.entries and actions.restore in actions.entries
    assert actions.back_up.text() == "&Back up now"
    assert actions.restore.text() == "&Restore from backup…"
    assert actions.back_up.isEnabled() and actions.restore.isEnabled()


def test_back_up_now_writes_a_dated_copy_and_says_where(window, workspace):
    assert list_backups(workspace.url) == []
    window.file_actions.back_up.trigger()
    backups = list_backups(workspace.url)
    assert len(backups) == 1 and backups[0].path.is_file()
    assert str(backups[0].path) in window.statusBar().currentMessage()


def test_restore_goes_back_and_keeps_the_workspace_aside(window, workspace, choose, tmp_path):
    original = window.organisation_label.text()
    window.file_actions.back_up.trigger()
    _rename(window, "Renamed since the backup")

    window.file_actions.restore.trigger()

    assert choose["folder"] == tmp_path
    assert window.workspace is not None and window.workspace is not workspace
    assert window.organisation_label.text() == original
    assert window.sidebar.isEnabled()
    message = window.statusBar().currentMessage()
    assert "kept as" in message, message
    aside = Path(message.split("kept as ", 1)[1])
    assert aside.is_file() and aside.parent == tmp_path
    with Workspace(f"sqlite:///{aside}") as kept:  # the workspace as it was, nothing lost
        assert [o.name for o in kept.organisations()] == ["Renamed since the backup"]
    window.close()


def test_a_refused_restore_reopens_the_workspace_untouched(
    window, workspace, choose, tmp_path, monkeypatch
):
    _rename(window, "Kept as it is")
    damaged = tmp_path / "w.backup-2026-01-01-000000.sqlite"
    damaged.write_bytes(b"not a database at all" * 100)
    choose["path"] = damaged
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))

    window.file_actions.restore.trigger()

    assert warned == ["“w.backup-2026-01-01-000000.sqlite” is not a CostReady workspace or backup."]
    assert window.workspace is not None and not window.workspace._closed
    assert window.organisation_label.text() == "Kept as it is"
    assert "Not restored" in window.statusBar().currentMessage()
    window.close()


def test_cancelling_the_confirmation_changes_nothing(window, workspace, choose):
    window.file_actions.back_up.trigger()
    choose["confirm"] = False
    window.file_actions.restore.trigger()
    assert window.workspace is workspace and not workspace._closed


def test_the_dialog_lists_backups_newest_first_with_their_dates(qtbot, tmp_path):
    older = (tmp_path / "w.backup-2026-11-01-090000.sqlite", datetime(2026, 11, 1, 9, 0))
    newer = (tmp_path / "w.backup-2026-11-29-170100.sqlite", datetime(2026, 11, 29, 17, 1))
    same_minute = (tmp_path / "w.backup-2026-11-29-170105.sqlite", datetime(2026, 11, 29, 17, 1, 5))
    dialog = RestoreBackupDialog([same_minute, newer, older], tmp_path)
    qtbot.addWidget(dialog)
    texts = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    assert texts == [
        "Sunday 29 November 2026, 17:01:05",  # two in one minute: told apart by the seconds
        "Sunday 29 November 2026, 17:01:00",
        "Sunday 1 November 2026, 09:00",
    ]
    assert dialog.list.accessibleName() and dialog.restore_button.accessibleName()
    assert dialog.restore_button.isEnabled()
    dialog.list.setCurrentRow(2)
    dialog.restore_button.click()
    assert dialog.chosen == older[0]


def test_with_no_backups_the_dialog_offers_a_file(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    dialog = RestoreBackupDialog([], tmp_path)
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled()
    asked = {}

    def open_file(_parent, _title, folder, pattern):
        asked.update(folder=folder, pattern=pattern)
        return str(tmp_path / "elsewhere.backup-2026-11-29-170100.sqlite"), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_file)
    dialog.other_button.click()
    assert asked["folder"] == str(tmp_path) and "*.backup-*.sqlite" in asked["pattern"]
    assert dialog.chosen == tmp_path / "elsewhere.backup-2026-11-29-170100.sqlite"
