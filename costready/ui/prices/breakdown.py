"""How one service's price is built, line by line, and what happens if volumes change."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from costready.costing.explain import Line, buildup, change_text, sensitivity_rows, units_text
from costready.costing.model import Scenario
from costready.costing.results import ScenarioResult, ServiceResult
from costready.i18n import N_, _
from costready.ui.tables import TableWidget
from costready.ui.widgets import as_typed, money_text

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
TEXT, WORKING, AMOUNT = range(3)


class BuildupTree(QTreeWidget):
    """The cost build-up of one service: costs, full cost, ÷ units, surplus, rounding, VAT."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setColumnCount(3)
        self.setHeaderLabels([_("Line"), _("How it was worked out"), _("Amount")])
        self.headerItem().setTextAlignment(AMOUNT, RIGHT)
        self.setAccessibleName(_("Cost build-up"))
        self.setAlternatingRowColors(True)
        # every line is read in full: long names and workings wrap onto more lines, never "…"
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setItemDelegate(_WrappingDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        # the amount keeps its place at the right edge; the line and its working share the rest
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(TEXT, 240)
        header.setSectionResizeMode(WORKING, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AMOUNT, QHeaderView.ResizeMode.ResizeToContents)
        # a wrapped row's height depends on its column's width: measure again when it changes
        header.sectionResized.connect(self._on_header_section_resized)

    def _on_header_section_resized(self, _index: int, _old: int, _new: int) -> None:
        self.scheduleDelayedItemsLayout()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # the line's name takes about two fifths of the room the amount leaves, so on a narrow
        # screen the working keeps enough width to read (not a word a line)
        room = self.viewport().width() - self.header().sectionSize(AMOUNT)
        self.header().resizeSection(TEXT, max(140, min(280, room * 2 // 5)))
        super().resizeEvent(event)

    def show_service(
        self,
        scenario: Scenario,
        result: ScenarioResult,
        service_id: str,
        charges_vat: bool = True,
    ) -> None:
        self.clear()
        for line in buildup(scenario, result, service_id, charges_vat=charges_vat):
            item = self._item(line)
            self.addTopLevelItem(item)
            # groups open one level, so the posts and lines show; pool workings stay folded
            item.setExpanded(True)

    def lines(self) -> list[tuple[str, str]]:
        """(text, amount) of every shown line, depth first: what a test or a screen reader reads."""
        found: list[tuple[str, str]] = []

        def walk(item: QTreeWidgetItem) -> None:
            for child in _children(item):
                found.append((child.text(TEXT), child.text(AMOUNT)))
                walk(child)

        walk(self.invisibleRootItem())
        return found

    def _item(self, line: Line) -> QTreeWidgetItem:
        item = QTreeWidgetItem([line.text, line.detail, line.amount])
        item.setTextAlignment(AMOUNT, RIGHT)
        if line.detail:
            item.setToolTip(WORKING, as_typed(line.detail))
            item.setToolTip(TEXT, as_typed(f"{line.text} — {line.detail}"))
        if line.kind in ("total", "group"):
            font = QFont(self.font())
            font.setBold(True)
            for column in range(3):
                item.setFont(column, font)
        for child in line.children:
            item.addChild(self._item(child))
        return item


class _WrappingDelegate(QStyledItemDelegate):
    """Row heights measured at the column's width, so wrapped text shows every line (a tree
    view asks its delegate for a height without saying how wide the cell is)."""

    def __init__(self, tree: QTreeWidget):
        super().__init__(tree)
        self._tree = tree

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        width = self._tree.columnWidth(index.column())
        if index.column() == 0:  # the first column is indented by its depth
            depth, parent = 1, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= depth * self._tree.indentation()
        wrapped = QStyleOptionViewItem(option)
        wrapped.rect = QRect(0, 0, max(width, 1), 1)  # a valid rect: the style wraps to it
        return super().sizeHint(wrapped, index)


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """The items under `item`, in order."""
    return [child for index in range(item.childCount()) if (child := item.child(index)) is not None]


class SensitivityTable(TableWidget):
    """Units, unit cost and surplus a year at −20%, −10%, planned and +10% volume."""

    HEADERS = (N_("Volume"), N_("Units"), N_("Unit cost"), N_("Surplus\na year"))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 4, parent)
        for column, header in enumerate(self.HEADERS):
            item = QTableWidgetItem(_(header))
            if column:  # the figures
                item.setTextAlignment(RIGHT)
            self.setHorizontalHeaderItem(column, item)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAccessibleName(_("What if volumes change"))
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def show_service(self, service: ServiceResult) -> None:
        rows = sensitivity_rows(service)
        self.setRowCount(len(rows))
        for row, case in enumerate(rows):
            cells = (
                change_text(case.change),
                units_text(case.units),
                money_text(case.unit_cost),
                money_text(case.surplus),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(RIGHT)
                if case.change == 0:
                    font = QFont(self.font())
                    font.setBold(True)
                    item.setFont(font)
                self.setItem(row, column, item)
        self._fit_height()

    def clear_rows(self) -> None:
        self.setRowCount(0)

    def _fit_height(self) -> None:
        # show every row without a scroll bar: four rows never need one
        self.resizeRowsToContents()
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(row) for row in range(self.rowCount()))
        self.setFixedHeight(height)
