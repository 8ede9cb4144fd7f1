"""File dialogs that start in the Documents folder, then where the person last went.

The last folder and the recently opened workspaces are the person's own, not a workspace's:
they are kept in a small settings file in the user's data folder (`preferences_file`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QStandardPaths

from costready.i18n import _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFileDialog, QWidget

# QFileDialog is imported where a dialog opens: the File menu loads this module before the
# window shows, and making PySide's QFileDialog class costs start-up about 1.5 ms.

#: How many workspaces File › Open recent lists.
RECENT_LIMIT = 5
_LAST_FOLDER = "files/last_folder"
_RECENT = "files/recent_workspaces"


def preferences_file() -> Path:
    """Where the window's own preferences are kept (tests point this elsewhere)."""
    from costready.paths import data_dir

    return data_dir() / "window.ini"


def _preferences() -> QSettings:
    return QSettings(str(preferences_file()), QSettings.Format.IniFormat)


def documents_folder() -> str:
    """The user's Documents folder (their home folder if the desktop names none)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if location and Path(location).is_dir():
        return location
    return str(Path.home())


def start_folder() -> str:
    """The folder a file dialog opens in: the last one used if it still exists, else Documents."""
    last = str(_preferences().value(_LAST_FOLDER, "") or "")
    return last if last and Path(last).is_dir() else documents_folder()


def remember_folder(path: str) -> None:
    """The next file dialog opens in the folder holding `path`."""
    if path:
        _preferences().setValue(_LAST_FOLDER, str(Path(path).parent))


def open_file_name(parent: QWidget, title: str, file_filter: str) -> str:
    """An existing file the person picks (Open button), or "" when they cancel."""
    from PySide6.QtWidgets import QFileDialog

    path, _filter = QFileDialog.getOpenFileName(parent, title, start_folder(), file_filter)
    remember_folder(path)
    return path


def save_file_name(parent: QWidget, title: str, suggested_name: str, file_filter: str) -> str:
    """Where to save (Save button), offered as `suggested_name` in the start folder; "" when
    the person cancels."""
    suggested = str(Path(start_folder()) / suggested_name) if suggested_name else start_folder()
    from PySide6.QtWidgets import QFileDialog

    path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    remember_folder(path)
    return path


def workspace_dialog(parent: QWidget) -> QFileDialog:
    """The dialog of File › Open workspace: an Open button, and a new name makes a new one."""
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, _("Open or create a workspace"), start_folder())
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)  # a name not there yet creates it
    dialog.setNameFilter(_("CostReady workspace (*.sqlite)"))
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, _("Open"))
    return dialog


def choose_workspace_file(parent: QWidget) -> str:
    """The workspace file the person opens (or names, to create), "" when they cancel."""
    dialog = workspace_dialog(parent)
    if not dialog.exec() or not dialog.selectedFiles():
        return ""
    path = dialog.selectedFiles()[0]
    remember_folder(path)
    return path


def recent_workspaces() -> list[str]:
    """The workspace files opened last, newest first (those no longer there left out)."""
    paths = _stored_list(_preferences().value(_RECENT, []))
    return [path for path in paths if Path(path).is_file()][:RECENT_LIMIT]


def remember_workspace(path: Path) -> None:
    """Put the workspace file `path` first in File › Open recent."""
    wanted = str(path.resolve())
    preferences = _preferences()
    known = _stored_list(preferences.value(_RECENT, []))
    preferences.setValue(_RECENT, [wanted, *[p for p in known if p != wanted]][:RECENT_LIMIT])


def _stored_list(value: object) -> list[str]:
    """A list of text as QSettings reads it back (one item comes back as a plain string)."""
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list | tuple):
        return [str(item) for item in value if item]
    return []
