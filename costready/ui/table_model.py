"""A generic Qt table model over a tuple of immutable domain values, with named columns."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from costready.i18n import _
from costready.money import (
    MoneyError,
    format_money,
    format_number,
    format_percent,
    parse_money,
    parse_number,
    parse_percent,
)
from costready.ui.edit_names import CHANGE_CELL, Edit, field_noun
from costready.ui.widgets import as_typed

#: The role that carries a cell's raw value (Decimal, str, bool, date) for sorting and tests.
SORT_ROLE = Qt.ItemDataRole.UserRole
#: The role that says how a cell is edited (a ColumnKind), for the delegate.
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
#: The role that carries a choice cell's [(label, value), ...] for the delegate's combo box.
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 2
#: The role that carries a cell's warning in words ("" when none), for tests and readers.
WARNING_ROLE = Qt.ItemDataRole.UserRole + 3
#: A warned cell's background: a translucent amber that reads on light and dark palettes.
WARNING_BACKGROUND = QColor(230, 159, 0, 70)

HUNDRED = Decimal(100)
_WARNED_ROLES = (
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
)
AnyIndex = QModelIndex | QPersistentModelIndex


def literal(text: str) -> str:
    """User text for a widget that reads "&" as a shortcut marker (a buddied QLabel, QCheckBox,
    QAction, QGroupBox, button): “Lunch & club” keeps its "&" instead of underlining the "c"."""
    return text.replace("&", "&&")


class ColumnKind(StrEnum):
    """How a cell is shown and read back from what a person typed."""

    TEXT = "text"
    MONEY = "money"  # £1,234.50, right-aligned; typed as 1234.50 or £1,234.50
    NUMBER = "number"  # 1,950 or 0.8, right-aligned
    PERCENT = "percent"  # a share (0.05) shown and typed as a percentage (5%)
    CHOICE = "choice"  # one of a list of (label, value) pairs
    BOOL = "bool"  # a check box


class EditRefused(ValueError):
    """A cell edit that cannot be saved; the message names the field and the fix."""


@dataclass(frozen=True)
class Column:
    """One named column: how to read a value from a row, show it, and (optionally) edit it.

    `get` returns the raw value (Decimal, str, bool, enum or None). `set(item, value)` returns
    the edited item or raises EditRefused; `value` is already parsed for the column's kind
    (a Decimal share for PERCENT, a Decimal for MONEY and NUMBER, a stripped str for TEXT).
    """

    key: str
    header: str  # untranslated (marked with N_); translated when shown
    get: Callable[[Any], Any]
    kind: ColumnKind = ColumnKind.TEXT
    set: Callable[[Any, Any], Any] | None = None
    help: str = ""  # header tooltip, untranslated
    #: (label, value) pairs for CHOICE cells; labels already translated.
    choices: Callable[[Any], Sequence[tuple[str, Any]]] | None = None
    #: custom text for a cell (e.g. "£12.71 an hour"); default formats `get` by kind
    display: Callable[[Any], str] | None = None
    #: a row's own kind where it varies (a surplus is a % or £ depending on its convention)
    kind_of: Callable[[Any], ColumnKind] | None = None
    editable_if: Callable[[Any], bool] | None = None
    greyed_if: Callable[[Any], bool] | None = None  # e.g. a default value not typed in
    tooltip: Callable[[Any], str] | None = None
    places: int | None = None  # decimal places shown for NUMBER
    minimum: Decimal | None = Decimal(0)  # for MONEY, NUMBER and PERCENT (as a share)
    maximum: Decimal | None = None
    required: bool = True  # TEXT must not be empty; numbers must be given
    bold: bool = False
    #: a warning in words for a cell that saves but needs a second look ("" when none): the
    #: cell is marked (amber, a warning sign) and the words join its tooltip and spoken text
    warning: Callable[[Any], str] | None = None
    #: the column's value named inside a sentence, untranslated ("price rounding" for "Round
    #: price up to"), where the header does not read as one: "Undo change to Lunch club's …"
    noun: str = ""

    def kind_for(self, item: Any) -> ColumnKind:
        return self.kind_of(item) if self.kind_of is not None else self.kind

    def is_editable(self, item: Any) -> bool:
        if self.set is None:
            return False
        return self.editable_if(item) if self.editable_if is not None else True


def edit_text(value: Any, kind: ColumnKind) -> str:
    """What an editor starts with: plain figures a person can retype (1234.50, 80 for 80%)."""
    if value is None:
        return ""
    if kind is ColumnKind.PERCENT:
        return format((value * HUNDRED).normalize(), "f")
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if kind is ColumnKind.NUMBER else format(value, "f")
    return str(value)


class RecordTableModel(QAbstractTableModel):
    """Rows are immutable domain values; an edit builds new rows and hands them to `commit`.

    Subclasses (or the owner, through `committer`) decide what a commit does; a page usually
    builds a new Scenario and calls `document.apply`, then `set_rows` when the document changes.
    """

    edit_refused = Signal(str)  # the message (names the field and the fix); nothing was saved
    edit_accepted = Signal()

    def __init__(
        self,
        columns: Sequence[Column],
        rows: Sequence[Any] = (),
        *,
        committer: Callable[[tuple[Any, ...], str], bool] | None = None,
        label: Callable[[Any], str] = lambda item: str(getattr(item, "name", item)),
        validate: Callable[[tuple[Any, ...], int], None] | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: tuple[Any, ...] = tuple(rows)
        self._committer = committer
        self._label = label
        self._validate = validate

    # Reading -------------------------------------------------------------------------------
    @property
    def rows(self) -> tuple[Any, ...]:
        return self._rows

    def item(self, row: int) -> Any:
        return self._rows[row]

    def column_index(self, key: str) -> int:
        return next(i for i, column in enumerate(self.columns) if column.key == key)

    def index_of(self, row: int, key: str) -> QModelIndex:
        return self.index(row, self.column_index(key))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return super().headerData(section, orientation, role)
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return _(column.header)
        if role == Qt.ItemDataRole.ToolTipRole and column.help:
            return _(column.help)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in _RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._valid(index):
            return None
        column = self.columns[index.column()]
        item = self._rows[index.row()]
        kind = column.kind_for(item)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(column, item, kind)
        if role == Qt.ItemDataRole.EditRole:
            value = column.get(item)
            return value if kind in (ColumnKind.CHOICE, ColumnKind.BOOL) else edit_text(value, kind)
        if role == SORT_ROLE:
            return column.get(item)
        if role == KIND_ROLE:
            return str(kind)
        if role == CHOICES_ROLE:
            return list(column.choices(item)) if column.choices is not None else []
        if role == Qt.ItemDataRole.CheckStateRole and kind is ColumnKind.BOOL:
            checked = bool(column.get(item))
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if kind in _RIGHT:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        warning = column.warning(item) if column.warning is not None else ""
        if warning and role in _WARNED_ROLES:
            return self._warned(role, column, item, kind, warning)
        if role == WARNING_ROLE:
            return warning
        if role == Qt.ItemDataRole.ForegroundRole and column.greyed_if and column.greyed_if(item):
            return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return as_typed(column.tooltip(item)) or None
        if role == Qt.ItemDataRole.FontRole and column.bold:
            font = QApplication.font()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{_(column.header)}: {self._display(column, item, kind)}"
        return None

    def _warned(self, role: int, column: Column, item: Any, kind: ColumnKind, warning: str) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole:
            return WARNING_BACKGROUND
        if role == Qt.ItemDataRole.DecorationRole:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.ToolTipRole:
            own = column.tooltip(item) if column.tooltip is not None else ""
            return as_typed("\n".join(text for text in (own, warning) if text))
        shown = self._display(column, item, kind)
        return _("{column}: {value} (warning: {warning})").format(
            column=_(column.header), value=shown, warning=warning
        )

    def _display(self, column: Column, item: Any, kind: ColumnKind) -> str:
        if column.display is not None:
            return column.display(item)
        value = column.get(item)
        if value is None or kind is ColumnKind.BOOL:
            return ""
        if kind is ColumnKind.MONEY:
            return format_money(value)
        if kind is ColumnKind.PERCENT:
            return format_percent(value)
        if kind is ColumnKind.NUMBER:
            return format_number(value, places=column.places)
        if kind is ColumnKind.CHOICE and column.choices is not None:
            return next((label for label, v in column.choices(item) if v == value), str(value))
        return str(value)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not self._valid(index):
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.columns[index.column()]
        item = self._rows[index.row()]
        if column.is_editable(item):
            if column.kind_for(item) is ColumnKind.BOOL:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            else:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # Editing -------------------------------------------------------------------------------
    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not self._valid(index):
            return False
        column = self.columns[index.column()]
        item = self._rows[index.row()]
        if not column.is_editable(item):
            return False
        kind = column.kind_for(item)
        if role == Qt.ItemDataRole.CheckStateRole and kind is ColumnKind.BOOL:
            state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
            value = state == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        try:
            rows = self._edited_rows(self._rows, index.row(), index.column(), value)
        except (EditRefused, MoneyError) as error:
            self.edit_refused.emit(str(error))
            return False
        if rows is None:
            return True  # nothing changed: nothing to save
        field = _(column.noun) if column.noun else field_noun(_(column.header))
        description = Edit(CHANGE_CELL, name=self._label(item), field=field)
        if not self.commit(rows, description):
            return False
        self.edit_accepted.emit()
        return True

    def set_cells(self, cells: Sequence[tuple[int, int, str]], description: str) -> bool:
        """Save many typed cells (row, column, text) as one edit, as a paste does.

        Each cell is read and checked exactly as if it had been typed; one refusal refuses them
        all (nothing is saved) and `edit_refused` names the cell. Cells that cannot be edited
        are left alone. False when nothing was saved.
        """
        rows: tuple[Any, ...] = self._rows
        changed = False
        for row, column, text in cells:
            index = self.index(row, column)
            if not self._valid(index) or not self.columns[column].is_editable(rows[row]):
                continue
            value: Any = text
            if self.columns[column].kind_for(rows[row]) in (ColumnKind.BOOL, ColumnKind.CHOICE):
                value = self._choice_from_text(self.columns[column], rows[row], text)
            try:
                edited = self._edited_rows(rows, row, column, value)
            except (EditRefused, MoneyError) as error:
                self.edit_refused.emit(str(error))
                return False
            if edited is not None:
                rows, changed = edited, True
        if not changed or not self.commit(rows, description):
            return False
        self.edit_accepted.emit()
        return True

    def _choice_from_text(self, column: Column, item: Any, text: str) -> Any:
        """A pasted choice or tick, read from the words shown for it (or TRUE/FALSE)."""
        if column.kind_for(item) is ColumnKind.BOOL:
            if text.strip().upper() in ("TRUE", "YES", "1", _("Yes").upper()):
                return True
            if text.strip().upper() in ("FALSE", "NO", "0", "", _("No").upper()):
                return False
        else:
            for label, value in column.choices(item) if column.choices is not None else ():
                if text.strip().casefold() in (label.casefold(), str(value).casefold()):
                    return value
        raise EditRefused(
            _("{field}: “{text}” is not one of the choices").format(
                field=_(column.header), text=text
            )
        )

    def _edited_rows(
        self, rows: tuple[Any, ...], row: int, column_number: int, value: Any
    ) -> tuple[Any, ...] | None:
        """`rows` with one cell set to `value` (parsed and checked), or None if unchanged."""
        column = self.columns[column_number]
        item = rows[row]
        parsed = self._parse(column, column.kind_for(item), value)
        if parsed == column.get(item):
            return None
        edited = column.set(item, parsed)  # type: ignore[misc]
        new = (*rows[:row], edited, *rows[row + 1 :])
        if self._validate is not None:
            self._validate(new, row)
        return new

    def _parse(self, column: Column, kind: ColumnKind, value: Any) -> Any:
        """What was typed, read for the column's kind and checked against its limits."""
        field = _(column.header)
        if kind in (ColumnKind.BOOL, ColumnKind.CHOICE):
            return value
        text = "" if value is None else str(value).strip()
        if kind is ColumnKind.TEXT:
            if column.required and not text:
                raise EditRefused(_("{field}: cannot be empty").format(field=field))
            return text
        if not text and not column.required:
            return None
        if kind is ColumnKind.MONEY:
            number = parse_money(text, field)
        elif kind is ColumnKind.PERCENT:
            number = parse_percent(text, field)
        else:
            number = parse_number(text, field)
        self._check_range(column, kind, number, field)
        return number

    @staticmethod
    def _check_range(column: Column, kind: ColumnKind, number: Decimal, field: str) -> None:
        def shown(limit: Decimal) -> str:
            if kind is ColumnKind.PERCENT:
                return format_percent(limit)
            if kind is ColumnKind.MONEY:
                return format_money(limit)
            return format_number(limit)

        if column.minimum is not None and number < column.minimum:
            if column.minimum == 0:
                raise EditRefused(_("{field}: cannot be negative").format(field=field))
            raise EditRefused(
                _("{field}: must be at least {limit}").format(
                    field=field, limit=shown(column.minimum)
                )
            )
        if column.maximum is not None and number > column.maximum:
            raise EditRefused(
                _("{field}: cannot be more than {limit}").format(
                    field=field, limit=shown(column.maximum)
                )
            )

    def commit(self, rows: tuple[Any, ...], description: str) -> bool:
        """Save edited rows; the default asks `committer`, or just keeps them."""
        if self._committer is not None:
            return self._committer(rows, description)
        self.set_rows(rows)
        return True

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show new rows: changed cells only when the row count holds, else a reset."""
        rows = tuple(rows)
        if len(rows) == len(self._rows) and self._rows:
            self._rows = rows
            last = self.index(len(rows) - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        else:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()

    def refresh(self) -> None:
        """Redraw every cell (results worked out elsewhere have changed)."""
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1)
            )

    def _valid(self, index: AnyIndex) -> bool:
        return (
            index.isValid()
            and not index.parent().isValid()
            and 0 <= index.row() < len(self._rows)
            and 0 <= index.column() < len(self.columns)
        )


_RIGHT = (ColumnKind.MONEY, ColumnKind.NUMBER, ColumnKind.PERCENT)
