"""Issue a credit note against an invoice: everything left to credit, or chosen lines (each at
most what is left on it after earlier credit notes), and why."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from costready.app.errors import StorageError
from costready.i18n import _
from costready.invoicing import credits
from costready.invoicing.documents import (
    QUANTITY,
    Line,
    credit_note_for,
    part_credit_lines,
    quantity_in_units,
    totals,
)
from costready.invoicing.errors import InvoicingError
from costready.invoicing.payments import creditable
from costready.money import MoneyError, format_money
from costready.problems import Problem
from costready.ui.editors.common import DecimalSpinBox
from costready.ui.invoicing_forms import (
    DocumentDialog,
    confirm,
    problems_of,
    show_field_problems,
    today,
)
from costready.ui.widgets import FieldError, ok_cancel, plain_label

if TYPE_CHECKING:
    from costready.app.workspace import Workspace


class CreditNoteDialog(DocumentDialog):
    """After it is accepted, `message` names the credit note issued."""

    @property
    def nothing_left(self) -> bool:
        """True when earlier credit notes have credited the whole invoice."""
        return self.view.credited >= self.view.totals.gross

    def __init__(self, store: Workspace, invoice_id: int, parent: QWidget | None = None):
        super().__init__(store, invoice_id, _("Credit note for {number}"), 680, parent)
        view, number = self.view, self.number
        layout = QVBoxLayout(self)
        intro = plain_label(
            _(
                "A credit note corrects {number} ({total}; {credited} credited so far). "
                "It is issued with the next credit-note number and cannot be changed."
            ).format(
                number=number,
                total=format_money(view.totals.gross),
                credited=format_money(view.credited),
            )
        )
        layout.addWidget(intro)
        self.left = credits.left_to_credit(view.document, view.credit_notes)
        if view.credit_notes:
            whole = _("Credit &all that is left")
        else:
            whole = _("&Whole invoice (everything left to credit)")
        self.whole_radio = QRadioButton(whole)
        self.part_radio = QRadioButton(_("&Part: the lines ticked below"))
        self.whole_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.whole_radio)
        group.addButton(self.part_radio)
        layout.addWidget(self.whole_radio)
        layout.addWidget(self.part_radio)
        self.line_rows = [
            _LineRow(line, view.totals.line_nets[index], self.left[index])
            for index, line in enumerate(view.document.lines)
        ]
        self.lines_box = self._build_lines()
        self.lines_box.setEnabled(False)
        self.part_radio.toggled.connect(self.lines_box.setEnabled)
        self.part_radio.toggled.connect(self._update_total)
        layout.addWidget(self.lines_box, 1)
        self.total_label = plain_label()
        layout.addWidget(self.total_label)
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
        buttons = ok_cancel(self, _("Issue credit note…"))
        layout.addWidget(buttons)
        self._update_total()
        self.reason_edit.setFocus()

    def _build_lines(self) -> QScrollArea:
        """A row per invoice line: a tick to credit it, what is left to credit of it, the
        quantity to credit (at most that) and the net that credits. A line with nothing left
        is shown, greyed."""
        box = QWidget()
        grid = QGridLayout(box)
        grid.addWidget(QLabel(_("Line to credit")), 0, 0)
        grid.addWidget(QLabel(_("Left to credit")), 0, 1)
        grid.addWidget(QLabel(_("Quantity to credit")), 0, 2)
        grid.addWidget(QLabel(_("Net credited")), 0, 3)
        for row, line_row in enumerate(self.line_rows, start=1):
            grid.addWidget(line_row.tick, row, 0)
            grid.addWidget(line_row.left_label, row, 1)
            grid.addWidget(line_row.quantity_spin, row, 2)
            grid.addWidget(line_row.net_label, row, 3, Qt.AlignmentFlag.AlignRight)
            line_row.tick.toggled.connect(self._update_total)
            line_row.quantity_spin.valueChanged.connect(self._update_total)
        grid.setColumnStretch(0, 1)
        grid.setRowStretch(len(self.line_rows) + 1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(box)
        # every line in view up to about six of them; more scroll
        scroll.setMinimumHeight(min(box.sizeHint().height(), 240) + 2 * scroll.frameWidth())
        scroll.setAccessibleName(_("Lines to credit"))
        return scroll

    def chosen_quantities(self) -> tuple[dict[int, Decimal], list[Problem]]:
        """The quantity to credit of each ticked line (by its index on the invoice), and the
        problems reading what was typed."""
        quantities: dict[int, Decimal] = {}
        problems = []
        for index, row in enumerate(self.line_rows):
            if not row.tick.isChecked():
                continue
            try:
                quantities[index] = row.quantity()
            except MoneyError as error:
                problems.append(Problem(f"lines[{index}].quantity", str(error)))
        return quantities, problems

    def _part_lines(self) -> tuple[tuple[Line, ...], list[Problem]]:
        quantities, problems = self.chosen_quantities()
        lines, refused = part_credit_lines(self.view.document, quantities, self.left)
        return lines, problems + refused

    def _update_total(self) -> None:
        """The credit note's figures as they stand, from the domain's totals."""
        left = creditable(self.view.totals.gross, self.view.credited)
        if not self.part_radio.isChecked():
            text = _("This credit note: {left}, everything left to credit").format(
                left=format_money(left)
            )
            self.total_label.setText(text)
            return
        quantities, problems = self.chosen_quantities()
        lines, refused = part_credit_lines(self.view.document, quantities, self.left)
        problems += refused
        if problems:
            for row in self.line_rows:
                row.net_label.setText("")
            self.total_label.setText(_("This credit note: check the quantities ticked"))
            return
        # the figures issuing would give: worked on from the earlier credit notes
        note = credits.with_figures(
            self.view.document, self.view.credit_notes, credit_note_for(self.view.document, lines)
        )
        nets = {line.credits_line: line.net for line in note.lines}
        for index, row in enumerate(self.line_rows):
            row.net_label.setText(format_money(nets[index]) if index in nets else "")
        figures = totals(note)
        if figures.vat:
            text = _("This credit note: {net} + VAT {vat} = {gross} (left to credit: {left})")
        else:
            text = _("This credit note: {gross} (left to credit: {left})")
        self.total_label.setText(
            text.format(
                net=format_money(figures.net),
                vat=format_money(figures.vat),
                gross=format_money(figures.gross),
                left=format_money(left),
            )
        )

    def accept(self) -> None:
        from costready.app import invoices

        reason = self.reason_edit.text().strip()
        problems = []
        if not reason:
            problems.append(Problem("reason", _("Reason: say why the invoice is credited")))
        lines = None
        if self.part_radio.isChecked():
            if not any(row.tick.isChecked() for row in self.line_rows):
                problems.append(Problem("lines", _("Lines: tick at least one line to credit")))
            lines, refused = self._part_lines()
            problems += refused
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


class _LineRow:
    """One invoice line in the dialog: its tick, what is left to credit of it, the quantity to
    credit (what is left to begin with, and at most that; changing it ticks the line) and the
    net that credits. Nothing left: the row is greyed."""

    def __init__(self, line: Line, net: Decimal, left: Decimal):
        self.line = line
        self.left = left
        words = _("{description}: {quantity} × {price} = {net}").format(
            description=line.description,
            quantity=quantity_in_units(line.quantity, line.unit),
            price=format_money(line.unit_price),
            net=format_money(net),
        )
        # a description's "&" is text, not a keyboard shortcut
        self.tick = QCheckBox(words.replace("&", "&&"))
        self.tick.setAccessibleName(_("Credit {description}").format(description=line.description))
        left_text = quantity_in_units(left, line.unit) if left > 0 else _("Nothing left")
        self.left_label = QLabel(left_text)
        self.left_label.setTextFormat(Qt.TextFormat.PlainText)
        self.quantity_spin = QuantitySpinBox(left)
        self.quantity_spin.set_decimal(left)
        self.quantity_spin.setAccessibleName(
            _("Quantity to credit: {description}").format(description=line.description)
        )
        self.quantity_spin.setMaximumWidth(110)
        self.quantity_spin.lineEdit().textEdited.connect(lambda _text: self.tick.setChecked(True))
        self.net_label = QLabel()
        if left <= 0:
            for widget in (self.tick, self.left_label, self.quantity_spin):
                widget.setEnabled(False)

    def quantity(self) -> Decimal:
        """The quantity to credit; MoneyError naming the field when it is not a number."""
        label = _("Quantity to credit ({description})").format(description=self.line.description)
        try:
            return self.quantity_spin.decimal_value()
        except ValueError as error:
            raise MoneyError(_("{label}: enter a number").format(label=label)) from error


class QuantitySpinBox(DecimalSpinBox):
    """A quantity to credit, 0 to `most`, in up to the 4 places a line's quantity has, shown
    without trailing zeros ("2.5", not "2.5000")."""

    def __init__(self, most: Decimal, parent: QWidget | None = None):
        super().__init__(most, QUANTITY.places, "", parent)

    def textFromValue(self, value: float) -> str:
        text = super().textFromValue(value)
        return text.rstrip("0").rstrip(".") if "." in text else text
