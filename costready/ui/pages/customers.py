"""The Customers page: who the organisation bills, added, edited and deleted here.

Individuals are personal data: the list shows only a name and a kind (no address, no email).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton, QVBoxLayout, QWidget

from costready.i18n import N_, _
from costready.invoicing.customers import (
    CUSTOMER_KIND_LABELS,
    Customer,
    CustomerKind,
    is_public_body,
    public_body_terms_days,
)
from costready.invoicing.payments import CustomerMoney
from costready.ui.document import ScenarioDocument
from costready.ui.invoicing_forms import confirm, problems_of, today
from costready.ui.pages._invoicing_page import InvoicingPage
from costready.ui.pages._table_page import TablePage, fit_columns
from costready.ui.table_model import Column, ColumnKind, RecordTableModel
from costready.ui.widgets import empty_state, page_header


def _terms(customer: Customer) -> str:
    if customer.payment_terms_days is None and is_public_body(customer.kind):
        # the 30 days a public body has by law (Procurement Act 2023 s.68), from the rules file
        return _("{days} days (public body)").format(days=public_body_terms_days())
    if customer.payment_terms_days is None:
        return _("Your usual terms")
    return _("{days} days").format(days=customer.payment_terms_days)


def customer_columns(
    money_of: Callable[[Customer], CustomerMoney] = lambda _c: CustomerMoney(),
) -> list[Column]:
    """Name and kind for everyone; terms and PO for bodies only (an individual's details stay
    in the dialog); what each owes and the credit each holds (`money_of`)."""
    individual = CustomerKind.INDIVIDUAL
    return [
        Column("name", N_("Name"), lambda c: c.name),
        Column(
            "kind", N_("Kind"), lambda c: c.kind, display=lambda c: _(CUSTOMER_KIND_LABELS[c.kind])
        ),
        Column(
            "terms",
            N_("Payment terms"),
            lambda c: c.payment_terms_days,
            display=lambda c: "" if c.kind is individual else _terms(c),
        ),
        Column(
            "po",
            N_("Purchase order"),
            lambda c: c.po_required,
            display=lambda c: _("Required") if c.po_required else "",
        ),
        Column("owed", N_("Owed"), lambda c: money_of(c).owed, kind=ColumnKind.MONEY),
        Column(
            "credit",
            N_("Credit held"),
            lambda c: money_of(c).credit,
            kind=ColumnKind.MONEY,
            help=N_(
                "Paid beyond what was owed, or credited: set it against an invoice or refund it"
            ),
        ),
    ]


class CustomersPage(InvoicingPage):
    """The organisation's customers."""

    key = "customers"
    title = N_("Customers")

    def __init__(self, document: ScenarioDocument, parent: QWidget | None = None):
        super().__init__(document, parent)
        self._money: dict[int, CustomerMoney] = {}
        self.model = RecordTableModel(customer_columns(self._money_of), parent=self)
        layout = QVBoxLayout(self)
        layout.addWidget(
            page_header(
                _("Customers"),
                _("Councils, NHS bodies, organisations and people you invoice."),
            )
        )
        self.add_action = self.action(
            _("Add customer…"), "add", self.add, QKeySequence(Qt.Key.Key_Insert)
        )
        self.edit_action = self.action(_("Edit…"), "edit", self.edit_selected)
        self.delete_action = self.action(
            _("Delete…"), "remove", self.delete_selected, QKeySequence(Qt.Key.Key_Delete)
        )
        self.statement_action = self.action(_("Statement PDF…"), "export", self.save_statement)
        self.refund_action = self.action(_("Refund credit…"), "check", self.refund_credit)
        self.buttons: dict[str, QToolButton] = {}
        layout.addLayout(
            self.button_row(
                [
                    self.add_action,
                    self.edit_action,
                    self.delete_action,
                    self.statement_action,
                    self.refund_action,
                ],
                self.buttons,
            )
        )
        self.view = TablePage.read_only_view(self.model, _("Customers"))
        self.view.activated.connect(lambda _index: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.empty = empty_state(
            _("No customers yet. Add the council, NHS body or person you invoice."),
            _("Add customer…"),
            self.add,
        )
        self.place_list(layout, self.view, self.empty)
        # read when first shown (showEvent): building the page reads nothing twice

    def primary_action(self) -> QAction | None:
        return self.add_action

    def refresh(self) -> None:
        store = self.store
        if store is None:
            return
        from costready.app import invoices, payments

        selected = self.selected()
        self._money = payments.customer_money(store, self.organisation_id, today())
        self.model.set_rows(invoices.customers(store, self.organisation_id))
        self.stack.setCurrentWidget(self.view if self.model.rows else self.empty)
        fit_columns(self.view)
        if selected is not None:
            self.select(selected.id)
        self._update_actions()

    def _money_of(self, customer: Customer) -> CustomerMoney:
        return self._money.get(customer.id or 0, CustomerMoney())

    def selected(self) -> Customer | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    def select(self, customer_id: int | None) -> None:
        for row, item in enumerate(self.model.rows):
            if item.id == customer_id:
                self.view.selectRow(row)
                return

    def _update_actions(self) -> None:
        chosen = self.selected() is not None
        self.edit_action.setEnabled(chosen)
        self.delete_action.setEnabled(chosen)
        self.statement_action.setEnabled(chosen)
        self.refund_action.setEnabled(chosen)

    def add(self) -> None:
        self._open(None)

    def edit_selected(self) -> None:
        customer = self.selected()
        if customer is not None:
            self._open(customer)

    def _open(self, customer: Customer | None) -> None:
        store = self.store
        if store is None:
            return
        from costready.app import invoices
        from costready.ui.dialogs.customer import CustomerDialog

        dialog = CustomerDialog(
            customer, lambda c: invoices.save_customer(store, self.organisation_id, c), self
        )
        self.open_dialog(dialog, lambda: self._on_dialog_saved(dialog))

    def _on_dialog_saved(self, dialog: QWidget) -> None:
        from costready.ui.dialogs.customer import CustomerDialog

        assert isinstance(dialog, CustomerDialog)
        saved = dialog.saved
        self.refresh()
        if saved is not None:
            self.select(saved.id)
            self.say(_("Saved customer {name}").format(name=saved.name))

    def delete_selected(self) -> None:
        customer, store = self.selected(), self.store
        if customer is None or customer.id is None or store is None:
            return
        question = _(
            "Delete the customer “{name}”? This cannot be undone. A customer with issued "
            "invoices cannot be deleted."
        ).format(name=customer.name)
        if not confirm(self, _("Delete customer"), question, _("Delete customer")):
            return
        from costready.app import invoices
        from costready.app.errors import StorageError
        from costready.invoicing.errors import InvoicingError

        try:
            invoices.delete_customer(store, customer.id)
        except (InvoicingError, StorageError) as error:
            self.error.show_error("\n".join(problem.message for problem in problems_of(error)))
            return
        self.error.clear_error()
        self.refresh()
        self.say(_("Deleted customer {name}").format(name=customer.name))

    def save_statement(self) -> None:
        """The chosen customer's statement as a PDF."""
        customer, store = self.selected(), self.store
        if customer is None or customer.id is None or store is None:
            return
        from costready.ui import invoice_exports

        invoice_exports.save_statement(self, store, customer.id, customer.name)

    def refund_credit(self) -> None:
        """Mark some or all of the chosen customer's credit as refunded to them."""
        customer, store = self.selected(), self.store
        if customer is None or customer.id is None or store is None:
            return
        from costready.app import payments
        from costready.money import format_money

        credit = payments.customer_credit(store, customer.id)
        if credit <= 0:
            self.say(_("{name} holds no credit to refund.").format(name=customer.name))
            return
        answer = ask_amount(
            self,
            _("Refund credit"),
            _("{name} holds {credit} of credit. Amount refunded (£):").format(
                name=customer.name, credit=format_money(credit)
            ),
            format(credit, "f"),
        )
        if answer is None:
            return
        from costready.app.errors import StorageError
        from costready.invoicing.errors import InvoicingError
        from costready.money import MoneyError, parse_money

        try:
            amount = parse_money(answer, _("Amount"))
            payments.refund_credit(store, customer.id, amount, today(), _("Refund"))
        except MoneyError as error:
            self.error.show_error(str(error))
            return
        except (InvoicingError, StorageError) as error:
            self.error.show_error("\n".join(problem.message for problem in problems_of(error)))
            return
        self.error.clear_error()
        self.say(
            _("Refunded {amount} of {name}'s credit").format(
                amount=format_money(amount), name=customer.name
            )
        )


def ask_amount(parent: QWidget, title: str, label: str, value: str) -> str | None:
    """An amount typed in a small box, or None when cancelled (tests replace it)."""
    from PySide6.QtWidgets import QInputDialog

    text, ok = QInputDialog.getText(parent, title, label, text=value)
    return text if ok else None
