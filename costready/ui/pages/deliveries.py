"""The Deliveries page: the log of units delivered, added one at a time or from a CSV, and
"Bill a period", which turns a date range's unbilled deliveries into draft invoices."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from costready.i18n import N_, _, ngettext
from costready.invoicing.billing import Delivery
from costready.ui.document import ScenarioDocument
from costready.ui.invoicing_forms import ProblemsDialog, confirm, day_text, problems_of, today
from costready.ui.pages._invoicing_page import InvoicingPage
from costready.ui.pages._table_page import TablePage, fit_columns, fit_within
from costready.ui.table_model import Column, ColumnKind, RecordTableModel
from costready.ui.widgets import empty_state, page_header


def _state(delivery: Delivery) -> str:
    if delivery.invoice_id is not None:
        return _("Billed")
    if delivery.draft_id is not None:
        return _("On a draft")
    return _("Unbilled")


#: The customer's column: the one that gives way on a narrow window.
CUSTOMER_COLUMN = 4


def delivery_columns(names: dict[int, str], services: dict[str, str]) -> list[Column]:
    """The log's columns; the person supported shows as their code only."""
    return [
        Column("day", N_("Date"), lambda d: d.day, display=lambda d: day_text(d.day)),
        Column("service", N_("Service"), lambda d: services.get(d.service_key, d.service_key)),
        Column("quantity", N_("Quantity"), lambda d: d.quantity, kind=ColumnKind.NUMBER),
        Column("unit", N_("Unit"), lambda d: d.unit),
        Column("customer", N_("Customer"), lambda d: names.get(d.customer_id, "")),
        Column("state", N_("Billing"), _state),
        Column("worker", N_("Worker"), lambda d: d.worker),
        Column("person", N_("Person (code)"), lambda d: d.person_ref),
        Column("po", N_("Purchase order"), lambda d: d.purchase_order),
    ]


class DeliveriesPage(InvoicingPage):
    """What was delivered, and billing it."""

    key = "deliveries"
    title = N_("Deliveries")

    def __init__(self, document: ScenarioDocument, parent: QWidget | None = None):
        super().__init__(document, parent)
        self._names: dict[int, str] = {}
        self._services: dict[str, str] = {}
        self.model = RecordTableModel(delivery_columns(self._names, self._services), parent=self)
        layout = QVBoxLayout(self)
        layout.addWidget(
            page_header(
                _("Deliveries"),
                _("Log the support delivered as it happens, then bill a period in one go."),
            )
        )
        self.add_action = self.action(
            _("Add delivery…"), "add", self.add, QKeySequence(Qt.Key.Key_Insert)
        )
        self.import_action = self.action(_("Import CSV…"), "import", self.import_csv)
        self.bill_action = self.action(_("Bill a period…"), "check", self.bill_period)
        self.delete_action = self.action(
            _("Delete…"), "remove", self.delete_selected, QKeySequence(Qt.Key.Key_Delete)
        )
        self.buttons: dict[str, QToolButton] = {}
        row = self.button_row(
            [self.add_action, self.import_action, self.bill_action, self.delete_action],
            self.buttons,
        )
        self.unbilled_check = QCheckBox(_("&Unbilled only"))
        self.unbilled_check.setAccessibleName(_("Show unbilled deliveries only"))
        self.unbilled_check.toggled.connect(lambda _on: self.refresh())
        row.addWidget(self.unbilled_check)
        layout.addLayout(row)
        self.view: QTableView = TablePage.read_only_view(self.model, _("Deliveries"))
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.empty = empty_state(
            _("No deliveries logged yet. Add what was delivered, or import a CSV."),
            _("Add delivery…"),
            self.add,
            (_("Import CSV…"), self.import_csv),
        )
        self.place_list(layout, self.view, self.empty)
        # read when first shown (showEvent): building the page reads nothing twice

    def primary_action(self) -> QAction | None:
        return self.add_action

    def refresh(self) -> None:
        store = self.store
        if store is None:
            return
        from costready.app import deliveries, invoices

        self._names.clear()
        self._names.update(
            {c.id: c.name for c in invoices.customers(store, self.organisation_id) if c.id}
        )
        self._services.clear()
        # a service's name from the scenario on screen, or the price list in force today
        self._services.update({s.id: s.name for s in self.document.scenario.services})
        self._services.update(
            {
                m.service_key: m.name
                for m in invoices.menu_lines(store, self.organisation_id, today())
            }
        )
        rows = deliveries.deliveries(
            store, self.organisation_id, unbilled_only=self.unbilled_check.isChecked()
        )
        self.model.set_rows(sorted(rows, key=lambda d: (d.day, d.id or 0), reverse=True))
        showing = self.model.rows or self.unbilled_check.isChecked()
        self.stack.setCurrentWidget(self.view if showing else self.empty)
        if self.model.rows:
            fit_columns(self.view)
            fit_within(self.view, CUSTOMER_COLUMN)  # the name gives way, never the PO
        self._update_actions()

    def selected(self) -> Delivery | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    def _update_actions(self) -> None:
        chosen = self.selected()
        self.delete_action.setEnabled(chosen is not None and chosen.is_unbilled)

    def add(self) -> None:
        store = self.store
        if store is None:
            return
        from costready.app import invoices
        from costready.ui.dialogs.delivery import DeliveryDialog

        customers = invoices.customers(store, self.organisation_id)
        dialog = DeliveryDialog(store, self.organisation_id, customers, self)
        self.open_dialog(dialog, lambda: self._after(dialog.message))

    def _after(self, message: str) -> None:
        self.refresh()
        if message:
            self.say(message)

    def import_csv(self) -> None:
        from costready.ui.file_dialogs import open_file_name

        path = open_file_name(self, _("Import deliveries"), _("CSV files (*.csv)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        """Import the CSV at `path` whole, or list every problem and write nothing."""
        store = self.store
        if store is None:
            return
        from pathlib import Path

        from costready.app import deliveries
        from costready.app.errors import StorageError
        from costready.invoicing.errors import InvoicingError

        try:
            text = Path(path).read_text(encoding="utf-8-sig")
            count = deliveries.import_deliveries(store, self.organisation_id, text)
        except (InvoicingError, StorageError, OSError, UnicodeDecodeError) as error:
            problems = problems_of(error)
            dialog = ProblemsDialog(
                _("Deliveries not imported"),
                ngettext(
                    "Nothing was imported: fix this problem in the file and import it again.",
                    "Nothing was imported: fix these {n} problems in the file and import it again.",
                    len(problems),
                ).format(n=len(problems)),
                problems,
                self,
            )
            self.open_dialog(dialog, lambda: None)
            return
        self._after(
            ngettext("Imported {n} delivery", "Imported {n} deliveries", count).format(n=count)
        )

    def bill_period(self) -> None:
        store = self.store
        if store is None:
            return
        from costready.ui.dialogs.delivery import BillPeriodDialog

        day = today()
        first_of_this_month = day.replace(day=1)
        last_month_end = date.fromordinal(first_of_this_month.toordinal() - 1)
        dialog = BillPeriodDialog(
            store,
            self.organisation_id,
            last_month_end.replace(day=1),
            last_month_end,
            dict(self._names),
            self,
        )
        self.open_dialog(dialog, lambda: self._after(dialog.message))

    def delete_selected(self) -> None:
        chosen, store = self.selected(), self.store
        if chosen is None or chosen.id is None or store is None:
            return
        if not confirm(
            self,
            _("Delete delivery"),
            _("Delete this delivery from the log? This cannot be undone."),
            _("Delete delivery"),
        ):
            return
        from costready.app import deliveries
        from costready.app.errors import StorageError
        from costready.invoicing.errors import InvoicingError

        try:
            deliveries.delete_delivery(store, chosen.id)
        except (InvoicingError, StorageError) as error:
            self.error.show_error("\n".join(p.message for p in problems_of(error)))
            return
        self.error.clear_error()
        self._after(_("Deleted the delivery"))
