"""What the services, staff and costs pages share: a table over part of the scenario, a toolbar."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QMainWindow,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from costready.costing.model import Scenario
from costready.i18n import _
from costready.problems import Problem
from costready.ui import edit_names
from costready.ui.delegates import RecordDelegate
from costready.ui.dialog_host import DialogHost
from costready.ui.document import ScenarioDocument
from costready.ui.table_model import Column, EditRefused, RecordTableModel
from costready.ui.tables import TableView
from costready.ui.warning_banner import TaxYearBanner
from costready.ui.widgets import FieldError, empty_state, icon, page_header, plain_label

_PATH = re.compile(r"^\$\.(services|staff|costs)\[(\d+)\]")
_POOL_PATH = re.compile(r"^\$\.(?:overhead_pools|pools)(?:\.|\[\"?)([\w-]+)")


def plain_problem(problem: Problem, scenario: Scenario) -> str:
    """A problem in plain words, led by the name of the thing it is about ("Support worker: …")."""
    name = _thing_named(problem.path, scenario)
    if name and not problem.message.startswith(name):
        return f"{name}: {problem.message}"
    return problem.message


def _thing_named(path: str, scenario: Scenario) -> str:
    match = _PATH.match(path)
    if match:
        table = {"services": scenario.services, "staff": scenario.staff, "costs": scenario.costs}
        items = table[match.group(1)]
        position = int(match.group(2))
        if position < len(items):
            item = items[position]
            return str(getattr(item, "role", None) or getattr(item, "name", ""))
        return ""
    match = _POOL_PATH.match(path)
    if match:
        pool = next((p for p in scenario.pools if p.id == match.group(1)), None)
        return pool.label if pool else ""
    return ""


def fit_columns(view: QTableView) -> None:
    """Size each column to its contents, within reason (long text is elided, with a tooltip)."""
    header = view.horizontalHeader()
    for section in range(view.model().columnCount()):
        width = max(view.sizeHintForColumn(section), header.sectionSizeHint(section))
        header.resizeSection(section, min(max(width + 12, 60), MAX_FITTED_WIDTH))


def area_action(
    owner: QWidget,
    text: str,
    name: str,
    slot: Callable[[], object],
    shortcut: QKeySequence | None = None,
) -> QAction:
    """An action with the icon `name`; its shortcut works only while the focus is inside
    `owner`'s area (a window may show several tables, each with its own Add and Remove)."""
    action = QAction(icon(name), text, owner)
    action.setObjectName(name)
    action.triggered.connect(lambda _checked=False: slot())
    if shortcut is not None:
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    return action


def fit_within(view: QTableView, column: int, least: int = 120) -> None:
    """After `fit_columns`, take any width beyond the view from `column` (its long text is
    elided, with a tooltip), so every other column shows without scrolling sideways."""
    header = view.horizontalHeader()
    over = header.length() - view.viewport().width()
    if over > 0:
        header.resizeSection(column, max(least, header.sectionSize(column) - over))


#: No column is fitted wider than this (longer text wraps or is elided, with a tooltip).
MAX_FITTED_WIDTH = 320
#: The name column is never fitted narrower than this: a name typed later must still show.
MIN_NAME_WIDTH = 180


def widen_names(view: QTableView) -> None:
    """Widen the name column (the first) when a name no longer fits it, never narrowing it:
    "Community transport" typed over "service" shows whole, not as "mmunity transport"."""
    header = view.horizontalHeader()
    wanted = min(max(view.sizeHintForColumn(0) + 12, MIN_NAME_WIDTH), MAX_FITTED_WIDTH)
    if view.model().columnCount() and header.sectionSize(0) < wanted:
        header.resizeSection(0, wanted)


class ProblemBanner(QFrame):
    """Why prices cannot be worked out yet, each reason in plain words; hidden when priced."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("problemBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # amber keeps it a warning, not an error: the work is saved, prices are just on hold
        self.setStyleSheet(
            "#problemBanner { background: #fff4d6; border: 1px solid #d9a400; border-radius: 4px; }"
            "#problemBanner QLabel { color: #4a3800; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.label = plain_label(name=_("Problems"))
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label)
        self.hide()

    def show_problems(self, lines: Sequence[str]) -> None:
        if not lines:
            self.label.clear()
            self.hide()
            return
        heading = _("Prices cannot be worked out until these are fixed:")
        self.label.setText("\n".join([heading, *(f"• {line}" for line in lines)]))
        self.label.setAccessibleDescription(self.label.text())
        self.show()


class TablePage(DialogHost, QWidget):
    """A page header, a problems banner, a toolbar, a table (or an empty state), errors, status.

    Subclasses give the columns and say how their rows live in the Scenario.
    """

    key = ""
    title = ""
    subtitle = ""
    empty_text = ""
    add_text = ""
    status_changed = Signal(str)

    def __init__(self, document: ScenarioDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self._fitted_rows = -1
        self._status_of: Scenario | None = None  # the scenario the status line speaks of
        self.model = RecordTableModel(
            self.build_columns(),
            self.rows_of(document.scenario),
            committer=self._commit_rows,
            label=self.label_of,
            validate=self.validate_rows,
            parent=self,
        )
        self._build()
        self.model.edit_refused.connect(self._on_model_edit_refused)
        self.model.edit_accepted.connect(self.error.clear_error)
        document.changed.connect(self._on_document_changed)
        self._on_document_changed()

    # What subclasses give ------------------------------------------------------------------
    def build_columns(self) -> list[Column]:
        raise NotImplementedError

    def rows_of(self, scenario: Scenario) -> tuple[Any, ...]:
        raise NotImplementedError

    def with_rows(self, scenario: Scenario, rows: tuple[Any, ...]) -> Scenario:
        raise NotImplementedError

    def label_of(self, item: Any) -> str:
        return str(getattr(item, "name", item))

    def validate_rows(self, rows: tuple[Any, ...], row: int) -> None:
        """Raise EditRefused when the edit gives its row a problem it did not have before.

        The rules are the domain's (`item_problems`), so a cell refuses exactly what would stop
        the engine pricing; problems the row already had (a new service's zero units) are the
        banner's to show, and do not block other edits of the row.
        """
        path = f"$.{self.key}[{row}]"
        before = {problem.path for problem in self.item_problems(self.model.item(row), path)}
        new = [p for p in self.item_problems(rows[row], path) if p.path not in before]
        if new:
            raise EditRefused(new[0].message)

    def item_problems(self, item: Any, path: str) -> list[Problem]:
        """The domain's problems with one row on its own (none unless a page says)."""
        return []

    def add(self) -> None:
        raise NotImplementedError

    def remove(self, row: int) -> None:
        raise NotImplementedError

    def edit(self, row: int) -> None:
        """Open the detail dialog for `row` (pages without one leave Edit… hidden)."""

    has_editor = True
    has_order = True

    # Building ------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(page_header(_(self.title), _(self.subtitle)))
        layout.addWidget(TaxYearBanner(self.document))  # on every page of the scenario
        self.banner = ProblemBanner()
        layout.addWidget(self.banner)
        self.error = FieldError()  # made early: extra tables (costs) report through it too
        self.add_action = self._action(
            _(self.add_text), "add", self.add, QKeySequence(Qt.Key.Key_Insert)
        )
        self.remove_action = self._action(
            _("Remove"), "remove", self._on_remove_triggered, QKeySequence(Qt.Key.Key_Delete)
        )
        self.up_action = self._action(_("Move up"), "up", lambda: self._move(-1))
        self.down_action = self._action(_("Move down"), "down", lambda: self._move(1))
        self.edit_action = self._action(_("Edit…"), "edit", self._on_edit_triggered)
        self.table_area = QWidget()
        area = QVBoxLayout(self.table_area)
        area.setContentsMargins(0, 0, 0, 0)
        self.table_area.addActions([self.add_action, self.remove_action])
        actions = [self.add_action, self.remove_action]
        if self.has_order:
            actions += [self.up_action, self.down_action]
        if self.has_editor:
            actions.append(self.edit_action)
        self.buttons: dict[str, QToolButton] = {}
        area.addLayout(self.button_row(actions, self.buttons))
        self.stack = QStackedWidget()
        self.view = self.make_view(self.model, _(self.title))
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.empty = empty_state(_(self.empty_text), _(self.add_text), self.add)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        area.addWidget(self.stack, 1)
        self.place_table(layout, self.table_area)
        self.extra_area = QVBoxLayout()  # pages add more below the table (bases, pools)
        layout.addLayout(self.extra_area)
        layout.addWidget(self.error)
        self.status = plain_label(name=_("Status"))
        layout.addWidget(self.status)

    def _action(
        self,
        text: str,
        name: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | None = None,
    ) -> QAction:
        return area_action(self, text, name, slot, shortcut)

    def place_table(self, layout: QVBoxLayout, table_area: QWidget) -> None:
        """Put the toolbar and table on the page (the costs page puts them in a tab)."""
        layout.addWidget(table_area, 1)

    @staticmethod
    def button_row(actions: Sequence[QAction], buttons: dict[str, QToolButton]) -> QHBoxLayout:
        """Keyboard-reachable buttons for `actions`, recorded in `buttons` by action name."""
        row = QHBoxLayout()
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setAccessibleName(action.text().rstrip("…"))
            row.addWidget(button)
            buttons[action.objectName()] = button
        row.addStretch(1)
        return row

    @staticmethod
    def make_view(model: RecordTableModel, name: str) -> QTableView:
        view = TableView()
        view.setModel(model)
        view.setItemDelegate(RecordDelegate(view))
        view.setAccessibleName(name)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return view

    @staticmethod
    def read_only_view(model: RecordTableModel, name: str) -> QTableView:
        """A `make_view` table whose cells are never edited in place (lists of records that
        open in a dialog, reports)."""
        view = TablePage.make_view(model, name)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        return view

    def primary_action(self) -> QAction | None:
        return self.add_action

    # Reacting ------------------------------------------------------------------------------
    def _on_document_changed(self) -> None:
        # a good edit, an undo or a redo: an earlier refusal no longer applies
        self.error.clear_error()
        if self.document.scenario is not self._status_of:
            self.status.clear()  # stale: it spoke of the scenario as it was
        scenario = self.document.scenario
        self.model.set_rows(self.rows_of(scenario))
        self.model.refresh()
        problems = self.document.problems  # none, or why services could not be priced
        self.banner.show_problems([plain_problem(p, scenario) for p in problems])
        self.stack.setCurrentWidget(self.view if self.model.rowCount() else self.empty)
        if self.model.rowCount() != self._fitted_rows:
            # fit when rows come or go, not on every edit (a width someone set stays put)
            self._fitted_rows = self.model.rowCount()
            self._fit_columns()
        widen_names(self.view)
        self._update_actions()
        self.refresh_extra()

    def refresh_extra(self) -> None:
        """Pages with more than one table refresh the others here."""

    def _fit_columns(self) -> None:
        fit_columns(self.view)

    def _update_actions(self) -> None:
        row = self.current_row()
        has_row = row is not None
        self.remove_action.setEnabled(has_row)
        self.edit_action.setEnabled(has_row)
        self.up_action.setEnabled(row is not None and row > 0)
        self.down_action.setEnabled(row is not None and row < self.model.rowCount() - 1)

    def current_row(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            return rows[0].row()
        index = self.view.currentIndex()
        return index.row() if index.isValid() else None

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self._update_actions()

    def show_status(self, message: str) -> None:
        """Say what just happened, here and in the window's status bar. The line here clears
        at the next change to the scenario (an edit, undo, another page's change): by then it
        no longer says what just happened."""
        self.status.setText(message)
        self._status_of = self.document.scenario
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, 10000)
        self.status_changed.emit(message)

    def _on_model_edit_refused(self, message: str) -> None:
        self.show_refusal(message, _("Not saved — {message}"))

    def show_refusal(self, message: str, status: str) -> None:
        """Say once, by the table, why nothing was saved; the status bar repeats it briefly.

        The page's own status line is left alone: it says what was last done, and an old
        "Not saved" there would outlive the good edits that follow.
        """
        self.error.show_error(message)
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(status.format(message=message), 10000)

    def _on_remove_triggered(self) -> None:
        row = self.current_row()
        if row is not None:
            self.remove(row)
            self.select_row(min(row, self.model.rowCount() - 1))

    def _on_edit_triggered(self) -> None:
        row = self.current_row()
        if row is not None:
            self.edit(row)

    def _on_view_double_clicked(self, index: Any) -> None:
        # read-only cells (summaries, results) open the detail dialog instead of doing nothing
        if self.has_editor and not (self.model.flags(index) & Qt.ItemFlag.ItemIsEditable):
            self.edit(index.row())

    def _move(self, step: int) -> None:
        row = self.current_row()
        if row is None:
            return
        target = row + step
        rows = list(self.model.rows)
        if not 0 <= target < len(rows):
            return
        rows[row], rows[target] = rows[target], rows[row]
        what = self.label_of(rows[target])
        if self.apply_rows(tuple(rows), edit_names.Edit(edit_names.MOVE_ROW, name=what)):
            self.select_row(target)

    # Saving --------------------------------------------------------------------------------
    def _commit_rows(self, rows: tuple[Any, ...], description: str) -> bool:
        return self.apply_rows(rows, description)

    def apply_rows(self, rows: tuple[Any, ...], description: str) -> bool:
        return self.apply(self.with_rows(self.document.scenario, rows), description)

    def apply(self, new: Scenario, description: str) -> bool:
        """One undoable edit of the scenario; True when it was saved."""
        self.document.apply(new, description)
        return self.document.scenario == new
