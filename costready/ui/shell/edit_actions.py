"""The Edit menu: undo and redo over the window's undo stack; cut, copy and paste."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeGuard

from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from costready.i18n import _
from costready.ui.edit_names import redo_text, undo_text
from costready.ui.shell.actions import ActionGroup
from costready.ui.widgets import icon

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoCommand
    from PySide6.QtWidgets import QAbstractItemView

    from costready.ui.main_window import MainWindow


def _edit_of(command: QUndoCommand) -> str:
    """The edit a command names (an `Edit` when it has one, else its own text)."""
    edit = getattr(command, "edit", "")
    return edit if isinstance(edit, str) and edit else command.actionText()


class EditActions(ActionGroup):
    """Undo and redo, each a sentence naming the edit; cut, copy and paste for the focused
    table (tab-separated, as a spreadsheet takes them) or text box."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.title = _("&Edit")
        stack = window.undo_stack
        self.undo = self._stack_action(_("&Undo"), "undo", QKeySequence.StandardKey.Undo)
        self.undo.triggered.connect(stack.undo)
        self.redo = self._stack_action(_("&Redo"), "redo", QKeySequence.StandardKey.Redo)
        self.redo.triggered.connect(stack.redo)
        stack.indexChanged.connect(self._refresh_undo)
        stack.cleanChanged.connect(self._refresh_undo)
        self._refresh_undo()
        self.entries += [self.undo, self.redo]
        self.separator()
        self.cut = self.add(_("Cu&t"), self.cut_selection, "", QKeySequence.StandardKey.Cut)
        self.copy = self.add(_("&Copy"), self.copy_selection, "", QKeySequence.StandardKey.Copy)
        self.paste = self.add(_("&Paste"), self.paste_selection, "", QKeySequence.StandardKey.Paste)

    def _stack_action(self, text: str, name: str, keys: QKeySequence.StandardKey) -> QAction:
        action = QAction(icon(name), text, self.window)
        action.setShortcut(QKeySequence(keys))
        action.setIconText(text.replace("&", ""))  # the toolbar keeps the short word
        return action

    def _refresh_undo(self, *_args: object) -> None:
        """Name the edit Undo would undo, and the one Redo would redo, in whole sentences."""
        stack = self.window.undo_stack
        if not isValid(stack):  # the window is closing: the stack empties as it goes
            return
        index = stack.index()
        self.undo.setEnabled(stack.canUndo())
        self.redo.setEnabled(stack.canRedo())
        undo = _("&Undo")
        if stack.canUndo():
            undo = undo_text(_edit_of(stack.command(index - 1))).replace("&", "&&")
        redo = _("&Redo")
        if stack.canRedo():
            redo = redo_text(_edit_of(stack.command(index))).replace("&", "&&")
        self.undo.setText(undo)
        self.undo.setToolTip(undo.replace("&&", "&"))
        self.redo.setText(redo)
        self.redo.setToolTip(redo.replace("&&", "&"))

    # Cut, copy and paste: for the widget with the focus -----------------------------------
    def _focused(self) -> QWidget | None:
        return self.window.focusWidget()

    def copy_selection(self) -> None:
        """Copy the focused table's selected cells, or the focused text box's selection."""
        from costready.ui.table_clipboard import copy_text

        widget = self._focused()
        if _is_table(widget):
            text = copy_text(widget)
            if text:
                QGuiApplication.clipboard().setText(text)
                self.window.show_status(_("Copied: paste into a spreadsheet or another table"))
        else:
            _call(widget, "copy")

    def cut_selection(self) -> None:
        """Copy the focused table's selected cells and empty them (one undoable edit)."""
        from costready.ui.table_clipboard import copy_text, cut_cells, table_name

        widget = self._focused()
        if _is_table(widget):
            text = copy_text(widget)
            if text:
                QGuiApplication.clipboard().setText(text)
                cut_cells(widget, table_name(widget))
        else:
            _call(widget, "cut")

    def paste_selection(self) -> None:
        """Type the clipboard's cells into the focused table from its selected cell on, as one
        undoable edit through the same checks as typing; or paste into a text box."""
        from costready.ui.table_clipboard import paste_text, table_name

        widget = self._focused()
        if _is_table(widget):
            text = QGuiApplication.clipboard().text()
            if paste_text(widget, text, table_name(widget)):
                self.window.show_status(_("Pasted into {table}").format(table=table_name(widget)))
        else:
            _call(widget, "paste")


def _call(widget: QWidget | None, name: str) -> None:
    """Do a text box's own cut, copy or paste (line edits, text areas), if it has one."""
    method = getattr(widget, name, None)
    if callable(method):
        method()


def _is_table(widget: QWidget | None) -> TypeGuard[QAbstractItemView]:
    """True for a table or list view. QAbstractItemView is imported here, not at the top: this
    module loads before the window shows, and PySide makes that class in about 3 ms."""
    from PySide6.QtWidgets import QAbstractItemView

    return isinstance(widget, QAbstractItemView)
