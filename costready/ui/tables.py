"""The window's tables and how the keyboard moves through them, in one place.

Qt's tables take Tab to move from cell to cell, so a read-only table used to keep the focus
for as many presses as it had cells. Here:
- a read-only table lets Tab and Shift+Tab leave it; the arrow keys move inside;
- an editable table keeps the spreadsheet keys: Tab and Shift+Tab move along the cells (and
  leave after the last or before the first), Enter saves a cell and moves down a row, F2 or
  typing starts an edit, Escape cancels it; Ctrl+Tab and Ctrl+Shift+Tab leave at once.
Every table on a page is a `TableView` or a `TableWidget` (a test walks the pages for others).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionHeader,
    QTableView,
    QTableWidget,
    QWidget,
)

if TYPE_CHECKING:
    _Base = QTableView
else:
    _Base = object

_EDITS = Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
_Hint = QAbstractItemDelegate.EndEditHint


def is_editable(view: QAbstractItemView) -> bool:
    """True when any cell of `view` can be changed from the keyboard."""
    model = view.model()
    if model is None:
        return False
    if view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers:
        # still editable if a tick box can be toggled with the space bar
        needed = Qt.ItemFlag.ItemIsUserCheckable
    else:
        needed = _EDITS
    return any(
        model.flags(model.index(row, column)) & needed
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    )


def _edge(view: QAbstractItemView, forward: bool) -> bool:
    """True when the current cell is the last visible one (first, going back)."""
    model = view.model()
    current = view.currentIndex()
    if model is None or not current.isValid():
        return True
    rows = [r for r in range(model.rowCount()) if not view.isRowHidden(r)]  # type: ignore[attr-defined]
    columns = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]  # type: ignore[attr-defined]
    if not rows or not columns:
        return True
    if forward:
        return (current.row(), current.column()) == (rows[-1], columns[-1])
    return (current.row(), current.column()) == (rows[0], columns[0])


class TableKeys(_Base):
    """The keys of a table, as the module docstring says (mixed into Qt's table classes)."""

    def leave(self, forward: bool = True) -> bool:
        """Move the focus to the next widget after the table (before it, going back)."""
        return QWidget.focusNextPrevChild(self, forward)  # type: ignore[arg-type]

    def focusNextPrevChild(self, forward: bool) -> bool:
        if self.state() == QAbstractItemView.State.EditingState:
            return super().focusNextPrevChild(forward)
        if not is_editable(self) or _edge(self, forward):
            return self.leave(forward)
        return super().focusNextPrevChild(forward)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if control and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            back = event.key() == Qt.Key.Key_Backtab or bool(
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            self.leave(not back)
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: _Hint) -> None:
        if hint == _Hint.EditNextItem and _edge(self, True):
            super().closeEditor(editor, _Hint.NoHint)  # the last cell: Tab leaves the table
            self.leave(True)
            return
        if hint == _Hint.EditPreviousItem and _edge(self, False):
            super().closeEditor(editor, _Hint.NoHint)
            self.leave(False)
            return
        super().closeEditor(editor, hint)
        if hint == _Hint.SubmitModelCache:  # Enter: as in a spreadsheet, on to the next row
            self._move_down()

    def _move_down(self) -> None:
        current = self.currentIndex()
        model = self.model()
        if not current.isValid() or model is None:
            return
        below: QModelIndex = model.index(current.row() + 1, current.column())
        if below.isValid():
            self.setCurrentIndex(below)


class TableView(TableKeys, QTableView):
    """A table over a model (`ui/table_model.py`), with the keys above."""


class TableWidget(TableKeys, QTableWidget):
    """A table of items made in place (small read-only tables), with the keys above."""


class _RoomForSortArrow(QProxyStyle):
    """Fusion draws a header's sort arrow over the end of a right-aligned title (a money
    column's "Total"): such a title stops short of the arrow instead."""

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if (
            element == QStyle.ControlElement.CE_HeaderLabel
            and isinstance(option, QStyleOptionHeader)
            and option.sortIndicator != QStyleOptionHeader.SortIndicator.None_
            and option.textAlignment & Qt.AlignmentFlag.AlignRight
        ):
            option = QStyleOptionHeader(option)
            # the arrow is about half the header's height wide, with a little air
            option.rect = option.rect.adjusted(0, 0, -(option.rect.height() // 2 + 4), 0)
        super().drawControl(element, option, painter, widget)


def show_sort_arrow(header: QHeaderView) -> None:
    """Show `header`'s sort indicator, leaving right-aligned titles room for it."""
    header.setSortIndicatorShown(True)
    style = _RoomForSortArrow()
    style.setParent(header)  # lives as long as the header
    header.setStyle(style)
