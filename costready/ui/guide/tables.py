"""Small editable tables for the guide: one row per item, a labelled widget in every cell."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QWidget,
)

from costready.i18n import _

TEXT = "text"
NUMBER = "number"
CHOICE = "choice"
EDITABLE_CHOICE = "editable_choice"
CHECK = "check"
#: How a cell with a problem looks: a red edge and a pale red fill, readable in light and dark.
BAD_CELL = "border: 2px solid #c0262d; background: rgba(192, 38, 45, 40);"


@dataclass
class Column:
    """A column: its key, header, kind of widget and (for choices) the (label, value) pairs."""

    key: str
    header: str
    kind: str = TEXT
    choices: list[tuple[str, object]] = field(default_factory=list)
    width: int = 0
    tip: str = ""


def _keep_return(event: QKeyEvent) -> bool:
    """Accept Return and Enter typed in a table, so they only finish the cell.

    A cell's line edit finishes its edit on Return and passes the key on to its parents; in a
    dialog it would reach the default button, and typing a number would press Next.
    """
    if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        event.accept()
        return True
    return False


class RowTable(QTableWidget):
    """A table whose cells are real widgets (line edits, combo boxes, tick boxes).

    Each widget has an accessible name such as “Unit, service 2”, so a screen reader and a test
    can find it; the table reads back a dict per row.
    """

    edited = Signal()  # any cell changed
    rows_changed = Signal()  # a row was added or removed

    def __init__(self, columns: list[Column], row_name: str, parent: QWidget | None = None):
        super().__init__(0, len(columns), parent)
        self.columns = columns
        self.row_name = row_name
        self._cells: list[dict[str, QWidget]] = []
        self.setHorizontalHeaderLabels([c.header for c in columns])
        for index, column in enumerate(columns):
            if column.tip:
                self.horizontalHeaderItem(index).setToolTip(column.tip)
            if column.width:
                self.setColumnWidth(index, column.width)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.verticalHeader().setDefaultSectionSize(32)
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab moves between the cell widgets, not between the (empty) items behind them
        self.setTabKeyNavigation(False)
        self.setAccessibleName(row_name)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not _keep_return(event):
            super().keyPressEvent(event)

    # rows ------------------------------------------------------------------------------------
    def add_row(self, values: dict[str, object] | None = None) -> int:
        row = self.rowCount()
        self.insertRow(row)
        cells: dict[str, QWidget] = {}
        for index, column in enumerate(self.columns):
            widget, holder = self._make(column)
            cells[column.key] = widget
            self.setCellWidget(row, index, holder)
        self._cells.append(cells)
        for key, value in (values or {}).items():
            self.set_value(row, key, value)
        self._rename()
        self.rows_changed.emit()
        return row

    def remove_row(self, row: int) -> None:
        if 0 <= row < self.rowCount():
            self.removeRow(row)
            del self._cells[row]
            self._rename()
            self.rows_changed.emit()

    def clear_rows(self) -> None:
        self.setRowCount(0)
        self._cells.clear()
        self.rows_changed.emit()

    def current_or_last_row(self) -> int:
        focus = self.focusWidget()
        for row, cells in enumerate(self._cells):
            if any(w is focus or w.isAncestorOf(focus) for w in cells.values() if focus):
                return row
        return self.currentRow() if self.currentRow() >= 0 else self.rowCount() - 1

    # cells -----------------------------------------------------------------------------------
    def widget(self, row: int, key: str) -> QWidget:
        return self._cells[row][key]

    def value(self, row: int, key: str) -> object:
        widget = self.widget(row, key)
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QComboBox):
            if widget.isEditable():
                return widget.currentText()
            return widget.currentData()
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def set_value(self, row: int, key: str, value: object) -> None:
        widget = self.widget(row, key)
        if isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QComboBox):
            index = widget.findData(value)
            if index < 0 and widget.isEditable():
                widget.setEditText(str(value))
            else:
                widget.setCurrentIndex(max(index, 0))
        elif isinstance(widget, QLineEdit):
            widget.setText(str(value))

    def set_choices(self, key: str, choices: list[tuple[str, object]]) -> None:
        """Replace a choice column's options, keeping each row's choice where it still exists."""
        column = next(c for c in self.columns if c.key == key)
        column.choices = choices
        for row in range(self.rowCount()):
            combo = self.widget(row, key)
            assert isinstance(combo, QComboBox)
            kept = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for label, data in choices:
                combo.addItem(label, data)
            combo.setCurrentIndex(max(combo.findData(kept), 0))
            combo.blockSignals(False)

    def mark(self, cells: set[tuple[int, str]]) -> None:
        """Show the (row, key) cells with a problem in red; clear every other cell."""
        for row, widgets in enumerate(self._cells):
            for key, widget in widgets.items():
                bad = (row, key) in cells
                widget.setStyleSheet(BAD_CELL if bad else "")
                widget.setProperty("has_problem", bad)

    def rows(self) -> list[dict[str, object]]:
        return [
            {c.key: self.value(row, c.key) for c in self.columns} for row in range(self.rowCount())
        ]

    # building ---------------------------------------------------------------------------------
    def _make(self, column: Column) -> tuple[QWidget, QWidget]:
        if column.kind == CHECK:
            box = QCheckBox()
            box.toggled.connect(self.edited)
            holder = QWidget()
            layout = QHBoxLayout(holder)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(box)
            return box, holder
        if column.kind in (CHOICE, EDITABLE_CHOICE):
            combo = QComboBox()
            combo.setEditable(column.kind == EDITABLE_CHOICE)
            for label, data in column.choices:
                combo.addItem(label, data)
            combo.currentIndexChanged.connect(self.edited)
            if combo.isEditable():
                combo.editTextChanged.connect(self.edited)
            return combo, combo
        edit = QLineEdit()
        edit.setFrame(False)
        if column.kind == NUMBER:
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        edit.textChanged.connect(self.edited)
        return edit, edit

    def _rename(self) -> None:
        for row, cells in enumerate(self._cells):
            for column in self.columns:
                name = _("{column}, {item} {number}").format(
                    column=column.header, item=self.row_name, number=row + 1
                )
                cells[column.key].setAccessibleName(name)
                if column.tip:
                    cells[column.key].setToolTip(column.tip)


class SplitTable(QTableWidget):
    """Percentages per row across columns (time split, set shares), with a checked Total.

    Rows are named by their vertical header (a post's role, a cost's name); a total that is not
    100 shows in red.
    """

    edited = Signal()

    def __init__(self, what: str, with_total: bool = True, parent: QWidget | None = None):
        super().__init__(0, 0, parent)
        self.what = what
        self.with_total = with_total
        self._keys: list[str] = []
        self._headers: list[str] = []
        self._labels: list[str] = []
        self._edits: list[dict[str, QLineEdit]] = []
        self._totals: list[QLabel] = []
        self.verticalHeader().setDefaultSectionSize(30)
        self.setTabKeyNavigation(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAccessibleName(what)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not _keep_return(event):
            super().keyPressEvent(event)

    def set_columns(self, columns: list[tuple[str, str]]) -> None:
        """Set the (key, header) columns, keeping what was typed under keys that remain."""
        values = self.values()
        self._keys = [key for key, _header in columns]
        self._headers = [header for _key, header in columns]
        self._rebuild(values)

    def set_rows(self, labels: list[str], values: list[dict[str, str]] | None = None) -> None:
        """Replace every row (labels and values)."""
        self._labels = list(labels)
        self._rebuild(values or [{} for _label in labels])

    def insert_row(self, label: str, values: dict[str, str] | None = None) -> None:
        current = self.values()
        self._labels.append(label)
        self._rebuild([*current, values or {}])

    def remove_row(self, row: int) -> None:
        current = self.values()
        if 0 <= row < len(current):
            del current[row]
            del self._labels[row]
            self._rebuild(current)

    def rename_row(self, row: int, label: str) -> None:
        if 0 <= row < len(self._labels):
            self._labels[row] = label
            self.setVerticalHeaderLabels(self._labels)
            for key, header in zip(self._keys, self._headers, strict=True):
                self._edits[row][key].setAccessibleName(self._cell_name(row, header))

    def values(self) -> list[dict[str, str]]:
        return [{key: edit.text() for key, edit in row.items()} for row in self._edits]

    def cell_edit(self, row: int, key: str) -> QLineEdit:
        """The line edit of a cell (not `edit`: that is QAbstractItemView.edit, which Qt calls)."""
        return self._edits[row][key]

    def set_row_visible(self, row: int, visible: bool) -> None:
        self.setRowHidden(row, not visible)

    def _cell_name(self, row: int, header: str) -> str:
        label = self._labels[row] or str(row + 1)
        return _("{what}: {row}, {column}").format(what=self.what, row=label, column=header)

    def _rebuild(self, values: list[dict[str, str]]) -> None:
        extra = 1 if self.with_total else 0
        self.clear()
        self.setColumnCount(len(self._keys) + extra)
        self.setRowCount(len(self._labels))
        headers = list(self._headers) + ([_("Total")] if self.with_total else [])
        self.setHorizontalHeaderLabels(headers)
        self.setVerticalHeaderLabels(self._labels)
        self._edits = []
        self._totals = []
        for row in range(len(self._labels)):
            edits = {}
            for column, (key, header) in enumerate(zip(self._keys, self._headers, strict=True)):
                edit = QLineEdit(values[row].get(key, "") if row < len(values) else "")
                edit.setFrame(False)
                edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                edit.setAccessibleName(self._cell_name(row, header))
                edit.textChanged.connect(self._update_totals)
                edit.textChanged.connect(self.edited)
                self.setCellWidget(row, column, edit)
                edits[key] = edit
            self._edits.append(edits)
            if self.with_total:
                total = QLabel()
                total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                total.setContentsMargins(4, 0, 6, 0)
                self.setCellWidget(row, len(self._keys), total)
                self._totals.append(total)
        header = self.horizontalHeader()
        for column in range(self.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self._update_totals()

    def _update_totals(self) -> None:
        for row, total in enumerate(self._totals):
            value = Decimal(0)
            readable = True
            for edit in self._edits[row].values():
                text = edit.text().strip().removesuffix("%").strip()
                if not text:
                    continue
                try:
                    value += Decimal(text)
                except InvalidOperation:
                    readable = False
            shown = f"{value.normalize():f}%" if readable else "?"
            total.setText(shown)
            good = readable and value == 100
            total.setStyleSheet("" if good else "color: #c0262d; font-weight: bold;")
            total.setAccessibleName(
                _("Total for {row}: {total}").format(row=self._labels[row] or row + 1, total=shown)
            )
