"""What the invoicing pages share: the organisation's workspace, a toolbar, dialogs, status.

Invoicing is per organisation, not per scenario: a page reads `document.organisation_id` and
writes through the app layer with the open workspace (`document.store`). Built over the
start-up snapshot, a page waits for the workspace (`refresh` runs again when it arrives).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from costready.i18n import _
from costready.ui.dialog_host import DialogHost
from costready.ui.document import ScenarioDocument
from costready.ui.invoicing_forms import store_of
from costready.ui.pages._table_page import TablePage, area_action
from costready.ui.widgets import FieldError, plain_label

if TYPE_CHECKING:  # storage loads after the first paint
    from costready.app.workspace import Workspace


class InvoicingPage(DialogHost, QWidget):
    """A page over the open organisation's invoicing records."""

    key = ""
    status_changed = Signal(str)  # a status-bar message ("Saved customer Acme")

    def __init__(self, document: ScenarioDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        document.changed.connect(self._on_document_changed)

    @property
    def organisation_id(self) -> int:
        return self.document.organisation_id

    @property
    def store(self) -> Workspace | None:
        """The open workspace (None while the start-up snapshot is shown)."""
        return store_of(self.document)

    def refresh(self) -> None:
        """Read what the page shows again."""

    def _on_document_changed(self) -> None:
        # another organisation, or a reload; a scenario edit changes nothing here, and a
        # hidden page reads again when it is next shown
        if self.isVisible():
            self.refresh()

    def on_workspace_loaded(self) -> None:
        """Read the records once the workspace behind the start-up snapshot is open; a page
        left over from a closed workspace (deleted soon) stays as it is."""
        from costready.app.errors import StorageError

        try:
            self.refresh()
        except StorageError:
            return

    def showEvent(self, event: QShowEvent) -> None:
        # read on every showing: another page, the menu or the command line may have changed
        # what this one shows (the page reads nothing until it is first shown)
        self.refresh()
        super().showEvent(event)

    def primary_action(self) -> QAction | None:
        return None

    def say(self, message: str) -> None:
        """Confirm what was done in the page's status line and the window's status bar."""
        self.status.setText(message)
        self.status_changed.emit(message)
        window = self.window()
        show = getattr(window, "show_status", None)
        if callable(show):
            show(message)

    def place_list(self, layout: QVBoxLayout, view: QWidget, empty: QWidget) -> None:
        """The list (or, with nothing in it, what to do first) in `self.stack`, then the field
        error line and the status line under it: every invoicing list page's layout."""
        self.stack = QStackedWidget()
        self.stack.addWidget(view)
        self.stack.addWidget(empty)
        layout.addWidget(self.stack, 1)
        self.error = FieldError()
        layout.addWidget(self.error)
        layout.addWidget(self.make_status())

    def make_status(self) -> QLabel:
        self.status = plain_label(name=_("Status"))
        return self.status

    def action(
        self,
        text: str,
        name: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | None = None,
    ) -> QAction:
        """An action of this page (its shortcut works while the focus is on the page)."""
        made = area_action(self, text, name, slot, shortcut)
        self.addAction(made)
        return made

    @staticmethod
    def button_row(actions: Sequence[QAction], buttons: dict[str, QToolButton]) -> QHBoxLayout:
        return TablePage.button_row(actions, buttons)
