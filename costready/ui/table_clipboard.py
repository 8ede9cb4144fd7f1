"""Copying table cells as a spreadsheet takes them, and pasting them back as typed cells.

Copy gives tab-separated rows, one line a row, with money and other figures as plain numbers
(1234.50, not £1,234.50; a share as 5%), so a spreadsheet reads them as numbers. Paste goes
through the table model's own reading and checks (`RecordTableModel.set_cells`), as one
undoable edit; one bad cell refuses the whole paste.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView

from costready.i18n import _
from costready.money import MoneyError, parse_money
from costready.ui.edit_names import CUT, PASTE, Edit
from costready.ui.table_model import KIND_ROLE, SORT_ROLE, ColumnKind, RecordTableModel


def selected_cells(view: QAbstractItemView) -> list[QModelIndex]:
    """The selected cells in reading order (the current cell when nothing is selected)."""
    model = view.model()
    selection = view.selectionModel()
    cells = list(selection.selectedIndexes()) if selection is not None else []
    if not cells and view.currentIndex().isValid():
        cells = [view.currentIndex()]
    hidden = getattr(view, "isColumnHidden", lambda _column: False)
    cells = [c for c in cells if c.model() is model and not hidden(c.column())]
    return sorted(cells, key=lambda c: (c.row(), c.column()))


def cell_text(index: QModelIndex) -> str:
    """One cell as a spreadsheet should read it: figures plain, words as shown."""
    raw = index.data(SORT_ROLE)
    kind = index.data(KIND_ROLE)
    if isinstance(raw, Decimal) and not isinstance(raw, bool):
        if kind == ColumnKind.PERCENT:
            return format((raw * 100).normalize(), "f") + "%"
        return format(raw, "f")
    shown = index.data(Qt.ItemDataRole.DisplayRole)
    text = "" if shown is None else str(shown)
    if kind == ColumnKind.BOOL or (isinstance(raw, bool) and not text):
        return "TRUE" if raw else "FALSE"
    if text.lstrip("-−").startswith("£"):  # money shown in a plain table: the figure only
        try:
            return format(parse_money(text.replace("−", "-"), ""), "f")
        except MoneyError:
            pass
    return " ".join(text.split())  # no tab or line break inside a cell


def copy_text(view: QAbstractItemView) -> str:
    """The selected cells as tab-separated lines (a gap where a row skips a column)."""
    cells = selected_cells(view)
    if not cells:
        return ""
    columns = sorted({c.column() for c in cells})
    lines: dict[int, dict[int, str]] = {}
    for cell in cells:
        lines.setdefault(cell.row(), {})[cell.column()] = cell_text(cell)
    return "\n".join(
        "\t".join(line.get(column, "") for column in columns) for line in lines.values()
    )


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells from tab-separated text (a spreadsheet's copy ends with a line break)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[-1]:
        lines.pop()
    return [line.split("\t") for line in lines]


def paste_text(view: QAbstractItemView, text: str, name: str) -> bool:
    """Type `text` (tab-separated) into `view`'s cells from its first selected cell on, as one
    edit named after the table `name`; False when nothing was saved (refusals are signalled
    by the model, as for typing)."""
    model = view.model()
    if not isinstance(model, RecordTableModel) or not text:
        return False
    # from the current cell, as a spreadsheet does (a table that selects whole rows
    # still has one current cell)
    top = view.currentIndex()
    if not top.isValid():
        start = selected_cells(view)
        top = start[0] if start else model.index(0, 0)
    visible = [c for c in range(model.columnCount()) if not _hidden(view, c)]
    first = visible.index(top.column()) if top.column() in visible else 0
    cells: list[tuple[int, int, str]] = []
    for r, values in enumerate(parse_tsv(text)):
        for c, value in enumerate(values):
            row, place = top.row() + r, first + c
            if row < model.rowCount() and place < len(visible):
                cells.append((row, visible[place], value))
    return model.set_cells(cells, Edit(PASTE, table=name))


def cut_cells(view: QAbstractItemView, name: str) -> bool:
    """Empty the selected cells that can be emptied, as one edit (after copying them)."""
    model = view.model()
    if not isinstance(model, RecordTableModel):
        return False
    cells = [(c.row(), c.column(), "") for c in selected_cells(view)]
    return model.set_cells(cells, Edit(CUT, table=name))


def table_name(view: QAbstractItemView) -> str:
    """The table's name as a sentence uses it (its accessible name, else "the table")."""
    return view.accessibleName() or _("the table")


def _hidden(view: QAbstractItemView, column: int) -> bool:
    hidden = getattr(view, "isColumnHidden", None)
    return bool(hidden(column)) if hidden is not None else False
