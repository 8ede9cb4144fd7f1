"""An issued invoice or credit note, read only: its lines and totals, payments, credit notes,
balance and status, the payment link to copy; and Record payment, Credit note from here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from costready.i18n import _
from costready.invoicing.credits import penny_notes
from costready.invoicing.documents import DOCUMENT_KIND_LABELS
from costready.invoicing.payments import PAYMENT_METHOD_LABELS
from costready.invoicing.status import STATUS_LABELS, Status
from costready.money import format_money
from costready.ui.dialog_host import DialogHost
from costready.ui.dialogs.invoice_editor import line_columns
from costready.ui.invoicing_forms import day_text, stretch_first, today, vat_group_words
from costready.ui.pages._table_page import TablePage, fit_columns
from costready.ui.table_model import RecordTableModel
from costready.ui.widgets import plain_label

if TYPE_CHECKING:
    from costready.app.workspace import Workspace


class InvoiceViewDialog(DialogHost, QDialog):
    """Shows document `doc_id` as it stands today; `message` says what was done from here."""

    def __init__(self, store: Workspace, doc_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self.document_id = doc_id
        self.message = ""
        #: the person asked for a copy as a new draft (the page makes and opens it on close)
        self.copy_wanted = False
        self.resize(820, 640)
        self._layout = QVBoxLayout(self)
        self._body: QWidget | None = None
        self.refresh()

    def refresh(self) -> None:
        """Read the document again (after a payment or a credit note) and show it."""
        from costready.app import invoices

        view = invoices.document_view(self._store, self.document_id, today())
        self.view = view
        document = view.document
        kind = _(DOCUMENT_KIND_LABELS[document.kind])
        self.setWindowTitle(_("{kind} {number}").format(kind=kind, number=document.number))
        if self._body is not None:
            self._layout.removeWidget(self._body)
            self._body.deleteLater()
        self._body = body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        self.status_label = QLabel(
            _("{kind} {number} to {customer} · {status}").format(
                kind=kind,
                number=document.number,
                customer=view.customer.name,
                status=_(STATUS_LABELS[view.status]),
            )
        )
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.status_label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.status_label.setFont(font)
        self.status_label.setAccessibleName(_("Status"))
        layout.addWidget(self.status_label)
        layout.addLayout(self._facts())
        lines = RecordTableModel(
            line_columns(lambda line: view.totals.line_nets[document.lines.index(line)]),
            document.lines,
            parent=body,
        )
        table: QTableView = TablePage.read_only_view(lines, _("Lines"))
        if not document.vat_registered:  # no VAT on the document at all, as its PDF says
            table.setColumnHidden(lines.column_index("treatment"), True)
        layout.addWidget(table, 1)
        fit_columns(table)
        stretch_first(table)
        bottom = QHBoxLayout()
        if document.is_credit_note:
            bottom.addStretch(1)
        else:
            bottom.addWidget(self._money_box(), 1)
        bottom.addWidget(self._totals_box())
        layout.addLayout(bottom)
        layout.addLayout(self._buttons())
        self._layout.addWidget(body)

    def _facts(self) -> QFormLayout:
        document = self.view.document
        form = QFormLayout()
        facts = [(_("Issued:"), day_text(document.issue_date))]
        if not document.is_credit_note:  # a credit note is owed by us, not due from them
            facts.append((_("Due:"), day_text(document.due_date)))
        if document.period_start:
            facts.append(
                (
                    _("Service period:"),
                    f"{day_text(document.period_start)} – {day_text(document.period_end)}",
                )
            )
        if document.purchase_order:
            facts.append((_("Purchase order:"), document.purchase_order))
        if document.customer_reference:
            facts.append((_("Customer reference:"), document.customer_reference))
        if document.credits_number:
            facts.append((_("Credits invoice:"), document.credits_number))
        if document.notes:
            facts.append((_("Notes:"), document.notes))
        for words, value in facts:
            shown = QLabel(value)
            shown.setTextFormat(Qt.TextFormat.PlainText)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(words, shown)
        return form

    def _totals_box(self) -> QGroupBox:
        view = self.view
        box = QGroupBox(_("Totals"))
        form = QFormLayout(box)
        if view.document.vat_registered:
            form.addRow(_("Net:"), _amount(view.totals.net))
            for group in view.totals.groups:
                form.addRow(vat_group_words(group) + ":", _amount(group.vat))
        form.addRow(_("Total:"), _amount(view.totals.gross, bold=True))
        if not view.document.is_credit_note:
            form.addRow(_("Paid:"), _amount(view.paid))
            form.addRow(_("Credited:"), _amount(view.credited))
            self.balance_label = _amount(view.balance, bold=True)
            self.balance_label.setAccessibleName(_("Balance"))
            form.addRow(_("Balance:"), self.balance_label)
        notes = penny_notes(view.document)
        if notes:  # a figure a penny off quantity x price says why, as on the PDF
            said = plain_label("\n".join(notes), name=_("Why a figure is a penny off"))
            form.addRow(said)
        return box

    def _money_box(self) -> QGroupBox:
        view = self.view
        box = QGroupBox(_("Payments and credit notes"))
        layout = QVBoxLayout(box)
        self.payments_list = QListWidget()
        self.payments_list.setAccessibleName(_("Payments and credit notes"))
        for payment in view.payments:
            self.payments_list.addItem(
                _("{day}: {amount} by {method} {reference}")
                .format(
                    day=day_text(payment.date),
                    amount=format_money(payment.amount),
                    method=_(PAYMENT_METHOD_LABELS[payment.method]).lower(),
                    reference=payment.reference,
                )
                .strip()
            )
        for note in view.credit_notes:
            self.payments_list.addItem(
                _("{day}: credit note {number}").format(
                    day=day_text(note.issue_date), number=note.number
                )
            )
        if not self.payments_list.count():
            self.payments_list.addItem(_("None yet"))
        layout.addWidget(self.payments_list)
        if view.payment_link:
            row = QHBoxLayout()
            label = QLabel(_("Payment &link:"))
            self.link_edit = QLineEdit(view.payment_link)
            self.link_edit.setReadOnly(True)
            self.link_edit.setAccessibleName(_("Payment link"))
            label.setBuddy(self.link_edit)
            copy = QPushButton(_("&Copy link"))
            copy.setAutoDefault(False)
            copy.clicked.connect(self._copy_link)
            row.addWidget(label)
            row.addWidget(self.link_edit, 1)
            row.addWidget(copy)
            layout.addLayout(row)
        return box

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        is_invoice = not self.view.document.is_credit_note
        self.pay_button = QPushButton(_("&Record payment…"))
        self.pay_button.clicked.connect(self.record_payment)
        self.credit_button = QPushButton(_("Credit &note…"))
        self.credit_button.clicked.connect(self.credit_note)
        close = QPushButton(_("Close"))
        close.clicked.connect(self.accept)
        close.setDefault(True)
        self.pdf_button = QPushButton(_("Save &PDF…"))
        self.pdf_button.clicked.connect(self.save_pdf)
        self.ubl_button = QPushButton(_("Export &e-invoice…"))
        self.ubl_button.clicked.connect(self.export_ubl)
        self.reminder_button = QPushButton(_("Re&minder…"))
        self.reminder_button.clicked.connect(self.reminder)
        self.reminder_button.setVisible(self.view.status is Status.OVERDUE)
        self.copy_button = QPushButton(_("Co&py as new draft"))
        self.copy_button.setToolTip(
            _("A new draft for the same customer and lines, at today's prices")
        )
        self.copy_button.clicked.connect(self._copy)
        # the files on the left, what to do about the money on the right
        for index, button in enumerate((self.pdf_button, self.ubl_button, self.reminder_button)):
            button.setAutoDefault(False)
            row.insertWidget(index, button)
        for button in (self.copy_button, self.pay_button, self.credit_button):
            button.setAutoDefault(False)
            button.setVisible(is_invoice)
            row.addWidget(button)
        # nothing left to credit once credit notes cover the whole total
        self.credit_button.setEnabled(self.view.credited < self.view.totals.gross)
        row.addWidget(close)
        return row

    def save_pdf(self) -> None:
        from costready.ui import invoice_exports

        invoice_exports.save_document_pdf(
            self, self._store, self.document_id, self.view.document.number or ""
        )

    def export_ubl(self) -> None:
        from costready.ui import invoice_exports

        invoice_exports.export_ubl(
            self, self._store, self.document_id, self.view.document.number or ""
        )

    def reminder(self) -> None:
        from costready.ui.dialogs.reminder import ReminderDialog

        self._open(ReminderDialog(self._store, self.document_id, self))

    def _copy_link(self) -> None:
        QGuiApplication.clipboard().setText(self.link_edit.text())
        self.message = _("Copied the payment link")

    def record_payment(self) -> None:
        from costready.ui.dialogs.payment import PaymentDialog

        self._open(PaymentDialog(self._store, self.document_id, self))

    @property
    def number(self) -> str:
        return self.view.document.number or ""

    def _copy(self) -> None:
        """Close, and have the page make and open the copy (`copy_wanted`)."""
        self.copy_wanted = True
        self.accept()

    def credit_note(self) -> None:
        from costready.ui.dialogs.credit_note import CreditNoteDialog

        self._open(CreditNoteDialog(self._store, self.document_id, self))

    def _open(self, dialog: QDialog) -> None:
        from costready.ui.dialogs.reminder import ReminderDialog

        def done() -> None:
            self.message = getattr(dialog, "message", "")
            if isinstance(dialog, ReminderDialog):
                from costready.ui import invoice_exports

                invoice_exports.save_reminder(
                    self,
                    self._store,
                    self.document_id,
                    dialog.number,
                    dialog.level,
                    dialog.reference_rate,
                )
            self.refresh()

        self.open_dialog(dialog, done)


def _amount(value: object, bold: bool = False) -> QLabel:
    label = QLabel(format_money(value))  # type: ignore[arg-type]
    label.setAlignment(Qt.AlignmentFlag.AlignRight)
    if bold:
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
    return label
