"""Record one delivery (units of a service on a day), and bill a period's deliveries."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from costready.app.errors import StorageError
from costready.i18n import _, ngettext
from costready.invoicing.billing import Delivery
from costready.invoicing.customers import Customer
from costready.invoicing.errors import InvoicingError
from costready.money import MoneyError, format_money, parse_number
from costready.problems import Problem
from costready.ui.invoicing_forms import (
    add_field,
    date_edit,
    date_of,
    problems_of,
    show_field_problems,
    today,
)
from costready.ui.widgets import FieldError, ok_cancel

if TYPE_CHECKING:
    from costready.app.workspace import Workspace


class _Form(QDialog):
    """A dialog of labelled fields, each with its error under it."""

    def __init__(self, parent: QWidget | None):
        super().__init__(parent)
        self.message = ""
        self.errors: dict[str, FieldError] = {}
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.general_error = FieldError()

    def row(self, label: str, widget: QWidget, name: str, path: str) -> None:
        add_field(self.form, label, widget, name, path, self.errors)

    def finish(self, ok_text: str) -> None:
        self.layout_.addWidget(self.general_error)
        buttons = ok_cancel(self, ok_text)
        self.layout_.addWidget(buttons)

    def show_problems(self, problems: Sequence[Problem]) -> None:
        show_field_problems(problems, self.errors, self.general_error)


class DeliveryDialog(_Form):
    """Service, day, quantity, who pays, who did it, for whom (a code), PO or agreement."""

    def __init__(
        self,
        store: Workspace,
        organisation_id: int,
        customers: Sequence[Customer],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        from costready.app import invoices

        self._store, self._org_id = store, organisation_id
        self.setWindowTitle(_("Add delivery"))
        self.setMinimumWidth(480)
        self.service_combo = QComboBox()
        self._menu = invoices.menu_lines(store, organisation_id, today())
        for item in self._menu:
            self.service_combo.addItem(item.name, item.service_key)
        self.row(_("&Service:"), self.service_combo, _("Service delivered"), "service")
        self.day_edit = date_edit(today(), _("Date delivered"))
        self.row(_("&Date:"), self.day_edit, _("Date delivered"), "day")
        self.quantity_edit = QLineEdit("1")
        self.quantity_edit.setPlaceholderText(_("such as 1.5"))
        self.row(_("&Quantity:"), self.quantity_edit, _("Quantity delivered"), "quantity")
        self.customer_combo = QComboBox()
        for customer in customers:
            self.customer_combo.addItem(customer.name, customer.id)
        self.row(_("&Customer who pays:"), self.customer_combo, _("Customer who pays"), "customer")
        self.worker_edit = QLineEdit()
        self.row(_("&Worker:"), self.worker_edit, _("Worker"), "worker")
        self.person_edit = QLineEdit()
        self.person_edit.setPlaceholderText(_("a code, never a name"))
        self.row(
            _("&Person supported:"),
            self.person_edit,
            _("Person supported, as a code"),
            "person_ref",
        )
        self.po_edit = QLineEdit()
        self.row(_("Purchase &order:"), self.po_edit, _("Purchase order"), "purchase_order")
        self.agreement_edit = QLineEdit()
        self.row(_("&Agreement:"), self.agreement_edit, _("Agreement"), "agreement")
        self.finish(_("Add delivery"))
        self.saved: Delivery | None = None

    def accept(self) -> None:
        from costready.app import deliveries

        try:
            quantity = parse_number(self.quantity_edit.text(), _("Quantity"))
        except MoneyError as error:
            self.show_problems([Problem("quantity", str(error))])
            return
        key = self.service_combo.currentData()
        unit = next((m.unit for m in self._menu if m.service_key == key), "")
        delivery = Delivery(
            service_key=key or "",
            day=date_of(self.day_edit),
            quantity=quantity,
            customer_id=self.customer_combo.currentData() or 0,
            unit=unit,
            worker=self.worker_edit.text().strip(),
            person_ref=self.person_edit.text().strip(),
            purchase_order=self.po_edit.text().strip(),
            agreement=self.agreement_edit.text().strip(),
        )
        try:
            self.saved = deliveries.add_delivery(self._store, self._org_id, delivery)
        except (InvoicingError, StorageError) as error:
            self.show_problems(problems_of(error))
            return
        self.message = _("Added a delivery of {service} on {day}").format(
            service=self.service_combo.currentText(), day=self.day_edit.text()
        )
        super().accept()


class BillPeriodDialog(_Form):
    """A date range to bill: every unbilled delivery in it becomes a draft invoice (one per
    customer and purchase order); what was made and any problems are shown after."""

    def __init__(
        self,
        store: Workspace,
        organisation_id: int,
        first: date,
        last: date,
        names: dict[int, str],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._store, self._org_id = store, organisation_id
        self._names = names  # customers' names by id, to say whom each invoice is for
        self.setWindowTitle(_("Bill a period"))
        self.setMinimumWidth(520)
        intro = QLabel(
            _(
                "Every unbilled delivery from the first day to the last becomes a line on a "
                "draft invoice: one draft per customer and purchase order, priced from the "
                "price list in force on each delivery's date."
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.layout_.insertWidget(0, intro)
        self.from_edit = date_edit(first, _("Bill from"))
        self.row(_("&From:"), self.from_edit, _("Bill from"), "date_from")
        self.to_edit = date_edit(last, _("Bill to"))
        self.row(_("&To:"), self.to_edit, _("Bill to"), "date_to")
        self.issue_check = QCheckBox(_("&Issue the invoices straight away"))
        self.row("", self.issue_check, _("Issue the invoices straight away"), "issue")
        self.result_list = QListWidget()
        self.result_list.setAccessibleName(_("What was billed"))
        self.result_list.hide()
        self.layout_.addWidget(self.result_list, 1)
        self.finish(_("Bill period"))
        self.result: Any = None

    def accept(self) -> None:
        from costready.app import deliveries

        if self.result is not None:  # the second press closes, once the result is read
            super().accept()
            return
        try:
            result = deliveries.bill_period(
                self._store,
                self._org_id,
                date_of(self.from_edit),
                date_of(self.to_edit),
                issue=self.issue_check.isChecked(),
            )
        except (InvoicingError, StorageError) as error:
            self.show_problems(problems_of(error))
            return
        self.result = result
        self.show_result(result)

    def show_result(self, result: Any) -> None:
        """What the run made and what it could not bill; OK now closes."""
        from costready.invoicing.documents import totals

        made = len(result.documents)
        self.message = ngettext(
            "Billed the period: {n} invoice made", "Billed the period: {n} invoices made", made
        ).format(n=made)
        self.result_list.clear()
        for document in result.documents:
            self.result_list.addItem(
                ngettext(
                    "{number} for {customer}: {n} line, {total}",
                    "{number} for {customer}: {n} lines, {total}",
                    len(document.lines),
                ).format(
                    number=document.number or _("Draft"),
                    customer=self._names.get(document.customer_id or 0, ""),
                    n=len(document.lines),
                    total=format_money(totals(document).gross),
                )
            )
        for problem in result.problems:
            self.result_list.addItem(_("Not billed: {message}").format(message=problem.message))
        if not made and not result.problems:
            self.result_list.addItem(_("No unbilled deliveries in that period."))
        self.result_list.show()
        self.result_list.setFocus()
        for edit in (self.from_edit, self.to_edit, self.issue_check):
            edit.setEnabled(False)
        buttons = self.findChild(QDialogButtonBox)
        assert buttons is not None
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Done"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        self.general_error.clear_error()
