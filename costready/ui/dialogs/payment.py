"""Record a payment (full or part) against an issued invoice: date, amount, method, reference.

It shows the balance and any credit the customer already holds; money beyond the balance is
not refused but becomes the customer's credit (the app layer says how much went where)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from costready.app.errors import StorageError
from costready.i18n import _
from costready.invoicing.errors import InvoicingError
from costready.invoicing.payments import Payment, PaymentMethod
from costready.invoicing.status import STATUS_LABELS
from costready.money import ZERO, MoneyError, format_money, parse_money
from costready.problems import Problem
from costready.ui.invoicing_forms import (
    DocumentDialog,
    add_payment_fields,
    date_of,
    problems_of,
    show_field_problems,
)
from costready.ui.widgets import FieldError, ok_cancel, plain_label

if TYPE_CHECKING:
    from costready.app.workspace import Workspace


class PaymentDialog(DocumentDialog):
    """After it is accepted, `message` says what the payment did."""

    def __init__(self, store: Workspace, invoice_id: int, parent: QWidget | None = None):
        super().__init__(store, invoice_id, _("Record payment for {number}"), 460, parent)
        from costready.app import payments

        view, number = self.view, self.number
        layout = QVBoxLayout(self)
        credit = payments.customer_credit(store, view.customer.id) if view.customer.id else ZERO
        facts = [
            _("{number} to {customer}: total {total}, balance {balance} ({status}).").format(
                number=number,
                customer=view.customer.name,
                total=format_money(view.totals.gross),
                balance=format_money(view.balance),
                status=_(STATUS_LABELS[view.status]),
            )
        ]
        if credit:
            facts.append(
                _("{customer} also holds {credit} of credit from earlier payments.").format(
                    customer=view.customer.name, credit=format_money(credit)
                )
            )
        self.summary = plain_label(" ".join(facts), name=_("Balance"))
        layout.addWidget(self.summary)
        form = QFormLayout()
        self.errors: dict[str, FieldError] = {}
        self.date_edit, self.amount_edit, self.method_combo, self.reference_edit = (
            add_payment_fields(form, self.errors, _("Amount"), _("as on the bank statement"))
        )
        self.amount_edit.setText(format(view.balance, "f"))
        self.amount_edit.selectAll()
        layout.addLayout(form)
        self.general_error = FieldError()
        layout.addWidget(self.general_error)
        buttons = ok_cancel(self, _("Record payment"))
        self.credit_button = buttons.addButton(
            _("Use &credit ({credit})").format(credit=format_money(credit)),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.credit_button.setAccessibleName(_("Set the customer's credit against this invoice"))
        self.credit_button.setAutoDefault(False)
        self.credit_button.clicked.connect(self.use_credit)
        self.credit_button.setVisible(credit > 0 and view.balance > 0)
        layout.addWidget(buttons)
        self.amount_edit.setFocus()

    def use_credit(self) -> None:
        """Set the customer's credit against this invoice, up to its balance, instead of a
        payment."""
        from costready.app import payments

        customer_id = self.view.customer.id
        if customer_id is None:
            return
        try:
            applied = payments.apply_credit(self._store, customer_id, self.invoice_id)
        except (InvoicingError, StorageError) as error:
            show_field_problems(problems_of(error), self.errors, self.general_error)
            return
        self.message = _("Set {amount} of {customer}'s credit against {number}").format(
            amount=format_money(applied),
            customer=self.view.customer.name,
            number=self.view.document.number,
        )
        super().accept()

    def accept(self) -> None:
        from costready.app import payments

        try:
            amount = parse_money(self.amount_edit.text(), _("Amount"))
        except MoneyError as error:
            show_field_problems([Problem("amount", str(error))], self.errors, self.general_error)
            return
        payment = Payment(
            date=date_of(self.date_edit),
            amount=amount,
            method=PaymentMethod(self.method_combo.currentData()),
            reference=self.reference_edit.text().strip(),
            invoice_id=self.invoice_id,
        )
        try:
            result = payments.record_payment(self._store, self.invoice_id, payment)
        except (InvoicingError, StorageError) as error:
            show_field_problems(problems_of(error), self.errors, self.general_error)
            return
        number = self.view.document.number
        self.message = _("Recorded {amount} against {number}").format(
            amount=format_money(result.applied), number=number
        )
        if result.to_customer_credit:
            self.message += " " + _("and {extra} as {customer}'s credit").format(
                extra=format_money(result.to_customer_credit), customer=self.view.customer.name
            )
        super().accept()
