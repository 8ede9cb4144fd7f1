"""Issue a credit note against an invoice: the whole amount left, or chosen lines, and why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from costready.app.errors import StorageError
from costready.i18n import _
from costready.invoicing.errors import InvoicingError
from costready.money import format_money, format_number
from costready.problems import Problem
from costready.ui.invoicing_forms import confirm, problems_of, show_field_problems, today
from costready.ui.widgets import FieldError

if TYPE_CHECKING:
    from costready.app.workspace import Workspace


class CreditNoteDialog(QDialog):
    """After it is accepted, `message` names the credit note issued."""

    def __init__(self, store: Workspace, invoice_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        from costready.app import invoices

        self._store = store
        self.invoice_id = invoice_id
        self.document_id: int | None = invoice_id
        self.message = ""
        view = invoices.document_view(store, invoice_id, today())
        self.view = view
        number = view.document.number or ""
        self.setWindowTitle(_("Credit note for {number}").format(number=number))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "A credit note corrects {number} ({total}; {credited} credited so far). "
                "It is issued with the next credit-note number and cannot be changed."
            ).format(
                number=number,
                total=format_money(view.totals.gross),
                credited=format_money(view.credited),
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        self.whole_radio = QRadioButton(_("&Whole invoice (everything left to credit)"))
        self.part_radio = QRadioButton(_("&Part: the lines ticked below"))
        self.whole_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.whole_radio)
        group.addButton(self.part_radio)
        layout.addWidget(self.whole_radio)
        layout.addWidget(self.part_radio)
        self.lines_list = QListWidget()
        self.lines_list.setAccessibleName(_("Lines to credit"))
        for index, line in enumerate(view.document.lines):
            item = QListWidgetItem(
                _("{description}: {quantity} {unit} × {price} = {net}").format(
                    description=line.description,
                    quantity=format_number(line.quantity),
                    unit=line.unit,
                    price=format_money(line.unit_price),
                    net=format_money(view.totals.line_nets[index]),
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, index)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.lines_list.addItem(item)
        self.lines_list.setEnabled(False)
        self.part_radio.toggled.connect(self.lines_list.setEnabled)
        layout.addWidget(self.lines_list, 1)
        self.errors: dict[str, FieldError] = {"lines": FieldError()}
        layout.addWidget(self.errors["lines"])
        form = QFormLayout()
        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName(_("Reason for the credit note"))
        self.reason_edit.setPlaceholderText(_("such as: session cancelled by us"))
        reason_label = QLabel(_("&Reason:"))
        reason_label.setBuddy(self.reason_edit)
        self.errors["reason"] = FieldError()
        form.addRow(reason_label, self.reason_edit)
        form.addRow("", self.errors["reason"])
        layout.addLayout(form)
        self.general_error = FieldError()
        layout.addWidget(self.general_error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Issue credit note…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reason_edit.setFocus()

    def chosen_lines(self) -> tuple[int, ...]:
        return tuple(
            int(self.lines_list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.lines_list.count())
            if self.lines_list.item(row).checkState() == Qt.CheckState.Checked
        )

    def accept(self) -> None:
        from costready.app import invoices

        reason = self.reason_edit.text().strip()
        problems = []
        if not reason:
            problems.append(Problem("reason", _("Reason: say why the invoice is credited")))
        lines = None
        if self.part_radio.isChecked():
            chosen = self.chosen_lines()
            if not chosen:
                problems.append(Problem("lines", _("Lines: tick at least one line to credit")))
            lines = tuple(self.view.document.lines[i] for i in chosen)
        if problems:
            show_field_problems(problems, self.errors, self.general_error)
            return
        if not confirm(
            self,
            _("Issue credit note"),
            _("Issue this credit note? It cannot be changed afterwards."),
            _("Issue credit note"),
        ):
            return
        try:
            note = invoices.credit(self._store, self.invoice_id, lines, reason, today())
        except (InvoicingError, StorageError) as error:
            show_field_problems(problems_of(error), self.errors, self.general_error)
            return
        self.document_id = note.id
        self.message = _("Issued credit note {number} against {invoice}").format(
            number=note.number, invoice=self.view.document.number
        )
        super().accept()
