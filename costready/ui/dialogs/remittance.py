"""Record one payment that pays several invoices of a customer (a remittance advice).

The money is set against the customer's open invoices oldest due first, as it is typed; the
person may change any amount, and "Oldest first" puts the split back. What is not set against
an invoice becomes the customer's credit: never lost, never refused.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from costready.app.errors import StorageError
from costready.i18n import _, ngettext
from costready.invoicing.errors import InvoicingError
from costready.invoicing.payments import (
    Payment,
    PaymentMethod,
    allocate_oldest_first,
    allocation_problems,
)
from costready.money import ZERO, MoneyError, format_money, parse_money
from costready.problems import Problem
from costready.ui.invoicing_forms import (
    add_field,
    add_payment_fields,
    date_of,
    day_text,
    problems_of,
    show_field_problems,
    today,
)
from costready.ui.widgets import FieldError, action_button, ok_cancel, plain_label

if TYPE_CHECKING:
    from costready.app.payments import OpenInvoice
    from costready.app.workspace import Workspace


class RemittanceDialog(QDialog):
    """After it is accepted, `message` says where the money went."""

    def __init__(
        self,
        store: Workspace,
        organisation_id: int,
        customer_id: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        from costready.app import invoices

        self._store = store
        self.message = ""
        self.owed_invoices: list[OpenInvoice] = []
        self.part_edits: list[QLineEdit] = []
        self._split_by_hand = False
        self.setWindowTitle(_("Record a remittance"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = plain_label(
            _(
                "One payment that pays several invoices, as a remittance advice lists them. "
                "It is set against the oldest first unless you change the amounts; whatever "
                "is left over becomes the customer's credit."
            )
        )
        layout.addWidget(intro)
        self.errors: dict[str, FieldError] = {}
        form = QFormLayout()
        self.customer_combo = QComboBox()
        for customer in invoices.customers(store, organisation_id):
            self.customer_combo.addItem(customer.name, customer.id)
        if customer_id is not None:
            self.customer_combo.setCurrentIndex(max(0, self.customer_combo.findData(customer_id)))
        add_field(
            form, _("&Customer:"), self.customer_combo, _("Customer"), "customer", self.errors
        )
        self.date_edit, self.amount_edit, self.method_combo, self.reference_edit = (
            add_payment_fields(
                form,
                self.errors,
                _("Amount received"),
                _("as on the bank statement or remittance advice"),
            )
        )
        layout.addLayout(form)

        heading = QLabel(_("Set against"))
        heading.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(heading)
        self.invoice_area = QScrollArea()
        self.invoice_area.setWidgetResizable(True)
        self.invoice_area.setAccessibleName(_("Open invoices"))
        layout.addWidget(self.invoice_area, 1)
        self.oldest_button = action_button(_("&Oldest first"), self._oldest_first)
        self.oldest_button.setToolTip(_("Split the amount over the oldest invoices first again"))
        layout.addWidget(self.oldest_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.summary = plain_label(name=_("Where the money goes"))
        layout.addWidget(self.summary)
        self.general_error = FieldError()
        layout.addWidget(self.general_error)
        buttons = ok_cancel(self, _("Record payment"))
        layout.addWidget(buttons)
        self.customer_combo.currentIndexChanged.connect(self._load_invoices)
        self.amount_edit.textChanged.connect(self._on_amount_changed)
        self._load_invoices()
        self.amount_edit.setFocus()

    # The customer's open invoices ---------------------------------------------------------
    def _load_invoices(self) -> None:
        from costready.app import payments

        customer_id = self.customer_combo.currentData()
        self.owed_invoices = (
            payments.open_invoices(self._store, customer_id, today()) if customer_id else []
        )
        for path in [p for p in self.errors if p.startswith("allocations[")]:
            del self.errors[path]
        grid_box = QWidget()
        grid = QGridLayout(grid_box)
        for column, title in enumerate(
            (_("Invoice"), _("Issued"), _("Due"), _("Owed"), _("Pay (£)"))
        ):
            head = QLabel(title)
            head.setTextFormat(Qt.TextFormat.PlainText)
            grid.addWidget(head, 0, column)
        self.part_edits = []
        for index, invoice in enumerate(self.owed_invoices):
            row = 1 + 2 * index
            cells = (
                invoice.number,
                day_text(invoice.issue_date),
                day_text(invoice.due_date),
                format_money(invoice.balance),
            )
            for column, text in enumerate(cells):
                label = QLabel(text)
                label.setTextFormat(Qt.TextFormat.PlainText)
                grid.addWidget(label, row, column)
            edit = QLineEdit()
            edit.setAccessibleName(_("Pay against {number}").format(number=invoice.number))
            edit.textEdited.connect(self._on_part_edited)
            grid.addWidget(edit, row, 4)
            error = FieldError()
            self.errors[f"allocations[{index}]"] = error
            grid.addWidget(error, row + 1, 0, 1, 5)
            self.part_edits.append(edit)
        if not self.owed_invoices:
            none = QLabel(_("Nothing is owed: the whole amount becomes the customer's credit."))
            none.setWordWrap(True)
            none.setTextFormat(Qt.TextFormat.PlainText)
            grid.addWidget(none, 1, 0, 1, 5)
        grid.setRowStretch(grid.rowCount(), 1)
        self.invoice_area.setWidget(grid_box)
        self._split_by_hand = False
        self._oldest_first()

    # Keeping the split and the summary in step ---------------------------------------------
    def _amount(self) -> Decimal | None:
        """The amount typed (£0 while empty), or None while it is not an amount."""
        if not self.amount_edit.text().strip():
            return ZERO
        try:
            return parse_money(self.amount_edit.text(), _("Amount"))
        except MoneyError:
            return None

    def _on_amount_changed(self) -> None:
        if not self._split_by_hand:
            self._oldest_first()
        else:
            self._update_summary()

    def _on_part_edited(self) -> None:
        self._split_by_hand = True
        self._update_summary()

    def _oldest_first(self) -> None:
        """Fill the amounts oldest due first (and follow the amount again as it is typed)."""
        self._split_by_hand = False
        amount = self._amount() or ZERO
        parts, _rest = allocate_oldest_first(amount, [i.owing for i in self.owed_invoices])
        for edit, part in zip(self.part_edits, parts, strict=True):
            edit.setText(f"{part:.2f}" if part > 0 else "")  # whole pence: nothing rounds
        self._update_summary()

    def _parts(self) -> tuple[list[Decimal], list[Problem]]:
        parts, problems = [], []
        for index, (edit, invoice) in enumerate(
            zip(self.part_edits, self.owed_invoices, strict=True)
        ):
            try:
                label = _("Pay against {number}").format(number=invoice.number)
                parts.append(parse_money(edit.text(), label) if edit.text().strip() else ZERO)
            except MoneyError as error:
                parts.append(ZERO)
                problems.append(Problem(f"allocations[{index}]", str(error)))
        return parts, problems

    def _update_summary(self) -> None:
        amount = self._amount()
        parts, _problems = self._parts()
        if amount is None:
            self.summary.setText("")
            return
        applied = sum(parts, ZERO)
        self.summary.setText(
            _("{applied} set against invoices; {credit} to the customer's credit.").format(
                applied=format_money(applied), credit=format_money(max(ZERO, amount - applied))
            )
            if applied <= amount
            else _("{applied} set against invoices: more than the {amount} received.").format(
                applied=format_money(applied), amount=format_money(amount)
            )
        )

    # Recording --------------------------------------------------------------------------------
    def accept(self) -> None:
        from costready.app import payments

        customer_id = self.customer_combo.currentData()
        if customer_id is None:
            self.general_error.show_error(_("Add a customer first"))
            return
        try:
            amount = parse_money(self.amount_edit.text(), _("Amount"))
        except MoneyError as error:
            show_field_problems([Problem("amount", str(error))], self.errors, self.general_error)
            return
        parts, problems = self._parts()
        owing = [invoice.owing for invoice in self.owed_invoices]
        problems += allocation_problems(amount, parts, owing)
        if problems:
            show_field_problems(problems, self.errors, self.general_error)
            return
        payment = Payment(
            date=date_of(self.date_edit),
            amount=amount,
            method=PaymentMethod(self.method_combo.currentData()),
            reference=self.reference_edit.text().strip(),
        )
        split = {invoice.id: part for invoice, part in zip(self.owed_invoices, parts, strict=True)}
        try:
            result = payments.record_remittance(self._store, customer_id, payment, split, today())
        except (InvoicingError, StorageError) as error:
            show_field_problems(problems_of(error), self.errors, self.general_error)
            return
        count = len(result.applied)
        self.message = ngettext(
            "Recorded {amount} from {customer} against {count} invoice",
            "Recorded {amount} from {customer} against {count} invoices",
            count,
        ).format(
            amount=format_money(amount), customer=self.customer_combo.currentText(), count=count
        )
        if result.to_customer_credit:
            self.message += " " + _("and {extra} as their credit").format(
                extra=format_money(result.to_customer_credit)
            )
        super().accept()
