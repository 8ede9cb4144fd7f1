"""Ask for a new name for an organisation or scenario; the error shows under the field."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from costready.i18n import _
from costready.organisation import NAME
from costready.ui.widgets import FieldError, ok_cancel, plain_label


class RenameDialog(QDialog):
    """One name field; OK calls `rename(name)`, which raises ValueError (InvalidData,
    NameTaken) with a message naming the field and the fix: shown, and the dialog stays."""

    def __init__(
        self,
        title: str,
        question: str,
        current: str,
        rename: Callable[[str], object],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._rename = rename
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        intro = plain_label(question)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name_edit = QLineEdit(current)
        self.name_edit.setAccessibleName(_("New name"))
        self.name_edit.setMaxLength(NAME.limit)
        self.name_edit.selectAll()
        form.addRow(_("&New name:"), self.name_edit)
        layout.addLayout(form)
        self.error = FieldError()
        layout.addWidget(self.error)
        self.buttons = ok_cancel(self, _("Rename"))
        layout.addWidget(self.buttons)
        self.name_edit.textEdited.connect(lambda _text: self.error.clear_error())

    def accept(self) -> None:
        try:
            self._rename(self.name_edit.text())
        except ValueError as error:  # InvalidData and NameTaken say which field and why
            self.error.show_error(str(error))
            self.name_edit.setFocus()
            return
        super().accept()
