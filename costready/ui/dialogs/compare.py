"""Compare two scenarios of an organisation: each service's unit cost and price side by side."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from costready.app.reading import WorkspaceReader
from costready.costing.engine import price_scenario
from costready.costing.results import CostingError, ScenarioResult
from costready.costing.scenarios import ServiceComparison, compare
from costready.i18n import _
from costready.reports.tables import Table, compare_table
from costready.ui.tables import TableWidget
from costready.ui.widgets import FieldError, money_text

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _money(amount: Decimal | None) -> str:
    return "—" if amount is None else money_text(amount)


def _short(name: str, most: int = 20) -> str:
    return name if len(name) <= most else name[: most - 1].rstrip() + "…"


def _change(a: Decimal | None, b: Decimal | None) -> str:
    if a is None or b is None:
        return "—"
    difference = b - a
    sign = "+" if difference > 0 else ""
    return sign + money_text(difference)


class CompareDialog(QDialog):
    """Pick two scenarios; the table shows both and the difference (second less first)."""

    def __init__(
        self,
        workspace: WorkspaceReader,
        organisation_id: int,
        current_id: int,
        parent: QWidget | None = None,
        export: Callable[[Table], object] | None = None,
    ):
        super().__init__(parent)
        self.workspace = workspace
        self.rows: list[ServiceComparison] = []
        self.setWindowTitle(_("Compare scenarios"))
        self.resize(900, 440)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.first = QComboBox()
        self.second = QComboBox()
        summaries = workspace.scenarios(organisation_id)
        for combo, name in ((self.first, _("First scenario")), (self.second, _("Second scenario"))):
            combo.setAccessibleName(name)
            for summary in summaries:
                text = summary.name + (_(" (adopted)") if summary.adopted else "")
                combo.addItem(text, summary.id)
        form.addRow(_("&First:"), self.first)
        form.addRow(_("&Second:"), self.second)
        layout.addLayout(form)
        # the open scenario against the one before it is the usual question
        ids = [s.id for s in summaries]
        current = ids.index(current_id) if current_id in ids else 0
        other = current - 1 if current > 0 else min(current + 1, len(ids) - 1)
        self.first.setCurrentIndex(other)
        self.second.setCurrentIndex(current)
        self.error = FieldError()
        layout.addWidget(self.error)
        self.table = TableWidget(0, 8)
        self.table.setAccessibleName(_("Comparison of unit costs and prices"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 1)
        self.note = QLabel(_("Differences are the second scenario less the first."))
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self._export = export
        self.export_button = buttons.addButton(
            _("&Export (Excel or CSV)…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.setAccessibleName(_("Export the comparison to a spreadsheet"))
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.export_button.setVisible(export is not None)
        layout.addWidget(buttons)
        self.first.currentIndexChanged.connect(self.refresh)
        self.second.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def table_values(self) -> Table:
        """The comparison shown, as a table for a spreadsheet."""
        return compare_table(self.first.currentText(), self.second.currentText(), self.rows)

    def _on_export_button_clicked(self) -> None:
        if self._export is not None:
            self._export(self.table_values())

    def _price(self, scenario_id: int) -> ScenarioResult:
        return price_scenario(self.workspace.load_scenario(scenario_id))

    def refresh(self) -> None:
        """Price both scenarios and fill the table, or say why one cannot be priced."""
        self.table.setRowCount(0)
        self.rows = []
        self.export_button.setEnabled(False)
        self.error.clear_error()
        try:
            a = self._price(self.first.currentData())
            b = self._price(self.second.currentData())
        except CostingError as error:
            self.error.show_error(
                _("A scenario cannot be priced yet: {problems}").format(
                    problems="; ".join(p.message for p in error.problems[:3])
                )
            )
            return
        self.rows = compare(a, b)
        self.export_button.setEnabled(bool(self.rows))
        first, second = self.first.currentText(), self.second.currentText()
        self._set_headers(first, second)
        self.table.setRowCount(len(self.rows))
        for row, comparison in enumerate(self.rows):
            self._fill_row(row, comparison)
        self._fit_columns()

    def _set_headers(self, first: str, second: str) -> None:
        """Figures headed by their scenario, a long name cut short (in full in the tooltip)."""
        texts = [
            (_("Service"), ""),
            (_("Unit"), ""),
            (_("Unit cost\n{name}").format(name=_short(first)), first),
            (_("Unit cost\n{name}").format(name=_short(second)), second),
            (_("Change"), _("Second less first")),
            (_("Price\n{name}").format(name=_short(first)), first),
            (_("Price\n{name}").format(name=_short(second)), second),
            (_("Change"), _("Second less first")),
        ]
        for column, (text, tip) in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setToolTip(tip)
            self.table.setHorizontalHeaderItem(column, item)

    def _fit_columns(self) -> None:
        """Every column as wide as its contents; the service names get any room left over
        (never squeezed to make room for the figures)."""
        table, header = self.table, self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        table.resizeColumnsToContents()
        spare = table.viewport().width() - header.length()
        if spare > 0:
            header.resizeSection(0, header.sectionSize(0) + spare)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()  # the spare width is known only once the table has its size

    def _fill_row(self, row: int, c: ServiceComparison) -> None:
        cells = [
            c.name,
            c.unit,
            _money(c.unit_cost_a),
            _money(c.unit_cost_b),
            _change(c.unit_cost_a, c.unit_cost_b),
            _money(c.price_a),
            _money(c.price_b),
            _change(c.price_a, c.price_b),
        ]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column >= 2:
                item.setTextAlignment(RIGHT)
            self.table.setItem(row, column, item)
