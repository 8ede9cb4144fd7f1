"""Every price list the organisation has adopted, the one in force today marked."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from costready.costing.price_lists import PriceList
from costready.i18n import N_, _
from costready.ui.widgets import money_text

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
HEADERS = (
    N_("In force"),
    N_("Effective from"),
    N_("Approved by"),
    N_("Approved on"),
    N_("Scenario"),
    N_("Services"),
    N_("Note"),
)


def uk_date(value: date, locale: str = "en_GB") -> str:
    """23/11/2026."""
    return format_date(value, format="short", locale=locale)


def in_force_text(price_list: PriceList, locale: str = "en_GB") -> str:
    """One line for the page: which list is in force and who approved it."""
    return _("Price list in force today: from {date}, approved by {who} on {on}.").format(
        date=uk_date(price_list.effective_from, locale),
        who=price_list.approved_by,
        on=uk_date(price_list.approved_on, locale),
    )


class PriceListsDialog(QDialog):
    """The history of price lists; selecting one shows its prices."""

    def __init__(
        self,
        price_lists: list[PriceList],
        current: PriceList | None,
        service_names: dict[str, str],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(_("Price lists"))
        self.resize(760, 440)
        self._lists = price_lists
        self._names = service_names
        self.current_id = current.id if current else None

        self.table = QTableWidget(len(price_lists), len(HEADERS))
        self.table.setHorizontalHeaderLabels([_(h) for h in HEADERS])
        self.table.setAccessibleName(_("Price lists"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for row, price_list in enumerate(price_lists):
            self._fill_row(row, price_list)

        self.prices = QTableWidget(0, 2)
        price_header = QTableWidgetItem(_("Price (net)"))
        price_header.setTextAlignment(RIGHT)
        self.prices.setHorizontalHeaderItem(0, QTableWidgetItem(_("Service")))
        self.prices.setHorizontalHeaderItem(1, price_header)
        self.prices.setAccessibleName(_("Prices in the selected list"))
        self.prices.verticalHeader().hide()
        self.prices.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.prices.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        layout = QVBoxLayout(self)
        if not price_lists:
            layout.addWidget(
                QLabel(
                    _(
                        "No prices adopted yet. Review the prices, then choose "
                        "“Adopt these prices…”."
                    )
                )
            )
        layout.addWidget(self.table, 3)
        layout.addWidget(QLabel(_("Prices in the selected list:")))
        layout.addWidget(self.prices, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        if price_lists:
            start = next((i for i, p in enumerate(price_lists) if p.id == self.current_id), 0)
            self.table.selectRow(start)

    def in_force_row(self) -> int:
        return next((i for i, p in enumerate(self._lists) if p.id == self.current_id), -1)

    def _fill_row(self, row: int, price_list: PriceList) -> None:
        current = price_list.id == self.current_id
        cells = (
            _("In force") if current else "",
            uk_date(price_list.effective_from),
            price_list.approved_by,
            uk_date(price_list.approved_on),
            price_list.scenario_name,
            str(len(price_list.prices)),
            price_list.note,
        )
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column == 5:
                item.setTextAlignment(RIGHT)
            if current:
                font = QFont(self.font())
                font.setBold(True)
                item.setFont(font)
            self.table.setItem(row, column, item)

    def _on_table_selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        price_list = self._lists[rows[0].row()] if rows else None
        entries = list(price_list.prices.items()) if price_list else []
        self.prices.setRowCount(len(entries))
        for row, (service_id, price) in enumerate(entries):
            self.prices.setItem(row, 0, QTableWidgetItem(self._names.get(service_id, service_id)))
            amount = QTableWidgetItem(money_text(price))
            amount.setTextAlignment(RIGHT)
            self.prices.setItem(row, 1, amount)
