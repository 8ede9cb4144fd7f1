"""The Edit menu: undo and redo, over the window's undo stack."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from costready.i18n import _
from costready.ui.shell.actions import ActionGroup
from costready.ui.widgets import icon

if TYPE_CHECKING:
    from costready.ui.main_window import MainWindow


class EditActions(ActionGroup):
    """Undo and redo (each names the edit it undoes or redoes)."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.title = _("&Edit")
        self.undo = window.undo_stack.createUndoAction(window, _("&Undo"))
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo.setIcon(icon("undo"))
        self.redo = window.undo_stack.createRedoAction(window, _("&Redo"))
        self.redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo.setIcon(icon("redo"))
        self.entries += [self.undo, self.redo]
