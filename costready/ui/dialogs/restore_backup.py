"""Choosing a backup to restore: the workspace's dated backups, newest first, or another file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from costready.i18n import _
from costready.ui.widgets import plain_label

#: The backups' names, for the file dialog's filter.
BACKUP_PATTERN = "*.backup-*.sqlite"


def taken_text(taken: datetime, seconds: bool = False, locale: str = "en_GB") -> str:
    """When a backup was taken, in words: "Sunday 29 November 2026, 17:01" (with the seconds,
    "17:01:05", to tell apart two taken in one minute)."""
    from babel.dates import format_datetime

    clock = "HH:mm:ss" if seconds else "HH:mm"
    return format_datetime(taken, format=f"EEEE d MMMM yyyy, {clock}", locale=locale)


class RestoreBackupDialog(QDialog):
    """The backups beside the workspace file, newest first; `chosen` is the one picked."""

    def __init__(
        self,
        backups: list[tuple[Path, datetime]],
        folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Restore from backup"))
        self.setMinimumWidth(520)
        self.folder = folder
        self.chosen: Path | None = None
        layout = QVBoxLayout(self)
        intro = plain_label(
            _(
                "Choose the backup to go back to. The workspace as it is now is kept aside "
                "beside it, not deleted."
            )
            if backups
            else _("This workspace has no backups yet. You can choose a backup file instead.")
        )
        layout.addWidget(intro)
        label = QLabel(_("&Backups, newest first"))
        label.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Backups, newest first"))
        label.setBuddy(self.list)
        minutes = [taken.replace(second=0, microsecond=0) for _path, taken in backups]
        for (path, taken), minute in zip(backups, minutes, strict=True):
            item = QListWidgetItem(taken_text(taken, seconds=minutes.count(minute) > 1))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            item.setData(
                Qt.ItemDataRole.AccessibleDescriptionRole,
                _("Backup file {name}").format(name=path.name),
            )
            self.list.addItem(item)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton(_("&Restore"))
        self.restore_button.setAccessibleName(_("Restore the selected backup"))
        self.restore_button.setDefault(True)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.other_button = QPushButton(_("Choose a &file…"))
        self.other_button.setAccessibleName(_("Choose a backup file"))
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self._restore_selected)
        self.other_button.clicked.connect(self.choose_file)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(self._restore_selected)
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        layout.addWidget(buttons)
        if backups:
            self.list.setCurrentRow(0)
            self.list.setFocus()
        else:
            self.list.hide()
            label.hide()
            self.other_button.setFocus()
        self.restore_button.setEnabled(bool(backups))

    def _on_list_current_row_changed(self, row: int) -> None:
        self.restore_button.setEnabled(row >= 0)

    def _restore_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = Path(item.data(Qt.ItemDataRole.UserRole))
            self.accept()

    def choose_file(self) -> None:
        """A backup file from anywhere (copied from another computer, say)."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _("Choose a backup to restore"),
            str(self.folder),
            _("CostReady backups ({pattern});;CostReady workspaces (*.sqlite)").format(
                pattern=BACKUP_PATTERN
            ),
        )
        if path:
            self.chosen = Path(path)
            self.accept()
