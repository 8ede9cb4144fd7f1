"""Every price list the organisation has adopted, the one in force today marked."""

from __future__ import annotations

from collections.abc import Callable
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
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from costready.costing.price_lists import PriceList
from costready.i18n import N_, _
from costready.ui.tables import TableWidget
from costready.ui.widgets import as_typed, money_text

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
HEADERS = (
    N_("Status"),
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


#: Withdraws a price list and returns it as now stored; raises WithdrawalRefused with the reason.
Withdraw = Callable[[PriceList], PriceList]


class WithdrawalRefused(Exception):
    """The list was not withdrawn; the message says why, in words for the person."""


class PriceListsDialog(QDialog):
    """The history of price lists; selecting one shows its prices. A list still to take effect
    can be withdrawn (with `withdraw`): it stays in the history, marked withdrawn."""

    def __init__(
        self,
        price_lists: list[PriceList],
        current: PriceList | None,
        service_names: dict[str, str],
        parent: QWidget | None = None,
        withdraw: Withdraw | None = None,
        today: date | None = None,
    ):
        super().__init__(parent)
        self._withdraw = withdraw
        self._today = today or date.today()
        self.setWindowTitle(_("Price lists"))
        self.resize(760, 440)
        self._lists = list(price_lists)
        self._names = service_names
        self.current_id = current.id if current else None

        self.table = TableWidget(len(price_lists), len(HEADERS))
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

        self.prices = TableWidget(0, 2)
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
        self.withdraw_button = QPushButton(_("&Withdraw…"))
        self.withdraw_button.setAccessibleName(_("Withdraw the selected price list"))
        self.withdraw_button.setToolTip(
            _(
                "A list whose date is still to come can be withdrawn: it stays in the history, "
                "marked withdrawn, and never takes effect."
            )
        )
        self.withdraw_button.setEnabled(False)
        self.withdraw_button.setVisible(withdraw is not None)
        self.withdraw_button.clicked.connect(self._on_withdraw_button_clicked)
        buttons.addButton(self.withdraw_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(buttons)

        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        if price_lists:
            start = next((i for i, p in enumerate(price_lists) if p.id == self.current_id), 0)
            self.table.selectRow(start)

    def in_force_row(self) -> int:
        return next((i for i, p in enumerate(self._lists) if p.id == self.current_id), -1)

    def selected(self) -> PriceList | None:
        rows = self.table.selectionModel().selectedRows()
        return self._lists[rows[0].row()] if rows else None

    def _status(self, price_list: PriceList) -> str:
        if price_list.withdrawn_on is not None:
            return _("Withdrawn {date}").format(date=uk_date(price_list.withdrawn_on))
        if price_list.id == self.current_id:
            return _("In force")
        return _("To come") if price_list.effective_from > self._today else ""

    def _fill_row(self, row: int, price_list: PriceList) -> None:
        current = price_list.id == self.current_id
        cells = (
            self._status(price_list),
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
        price_list = self.selected()
        self.withdraw_button.setEnabled(
            price_list is not None
            and not price_list.withdrawn
            and price_list.effective_from > self._today
        )
        entries = list(price_list.prices.items()) if price_list else []
        self.prices.setRowCount(len(entries))
        for row, (service_id, price) in enumerate(entries):
            self.prices.setItem(row, 0, QTableWidgetItem(self._names.get(service_id, service_id)))
            amount = QTableWidgetItem(money_text(price))
            amount.setTextAlignment(RIGHT)
            self.prices.setItem(row, 1, amount)

    # --- withdrawing ---------------------------------------------------------------------------

    def confirm_withdrawal(self, price_list: PriceList) -> bool:
        """Ask before withdrawing, naming the list and its date (tests patch this)."""
        answer = QMessageBox.question(
            self,
            _("Withdraw a price list"),
            as_typed(
                _(
                    "Withdraw the price list from {date} (“{scenario}”, approved by {who})?\n\n"
                    "It will not take effect. It stays in the history, marked withdrawn; to "
                    "publish prices from that date, adopt them again."
                ).format(
                    date=uk_date(price_list.effective_from),
                    scenario=price_list.scenario_name,
                    who=price_list.approved_by,
                )
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def show_refusal(self, message: str) -> None:
        """Say why the list was not withdrawn (tests patch this)."""
        QMessageBox.warning(self, _("Withdraw a price list"), as_typed(message))

    def _on_withdraw_button_clicked(self) -> None:
        price_list = self.selected()
        if price_list is None or self._withdraw is None:
            return
        if not self.confirm_withdrawal(price_list):
            return
        try:
            withdrawn = self._withdraw(price_list)
        except WithdrawalRefused as refusal:
            self.show_refusal(str(refusal))
            return
        row = self._lists.index(price_list)
        self._lists[row] = withdrawn
        self._fill_row(row, withdrawn)
        self._on_table_selection_changed()
