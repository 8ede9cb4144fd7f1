"""Pick one of the workspace's organisations to work on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from costready.i18n import _
from costready.organisation import Organisation
from costready.ui.widgets import ok_cancel


class SwitchOrganisationDialog(QDialog):
    """A list of organisations; on accept `organisation_id` is the one chosen."""

    def __init__(
        self,
        organisations: list[Organisation],
        current_id: int | None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.organisation_id: int | None = None
        self.setWindowTitle(_("Switch organisation"))
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        label = QLabel(_("&Organisations in this workspace:"))
        label.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Organisations"))
        label.setBuddy(self.list)
        for org in organisations:
            text = org.name
            if org.id == current_id:
                text = _("{name} (open now)").format(name=org.name)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, org.id)
            self.list.addItem(item)
            if org.id == current_id:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        buttons = ok_cancel(self, _("Open"))
        layout.addWidget(buttons)

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.organisation_id = int(item.data(Qt.ItemDataRole.UserRole))
        super().accept()
