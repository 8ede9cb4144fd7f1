"""A reminder letter for an overdue invoice: which one (first, second, final), and the
reference rate only when late payment is charged and the rules file holds none for the day."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from costready.i18n import N_, _
from costready.invoicing import late_payment
from costready.ui.invoicing_forms import DocumentDialog
from costready.ui.widgets import FieldError, ok_cancel, plain_label

if TYPE_CHECKING:
    from costready.app.workspace import Workspace

LEVELS = (
    ("first", N_("First reminder")),
    ("second", N_("Second reminder")),
    ("final", N_("Final reminder")),
)


class ReminderDialog(DocumentDialog):
    """Accepted: `level` and `reference_rate` (a fraction, or None) say what to write."""

    def __init__(self, store: Workspace, doc_id: int, parent: QWidget | None = None):
        super().__init__(store, doc_id, _("Reminder for {number}"), 460, parent)
        self.level = "first"
        self.reference_rate: Decimal | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.level_combo = QComboBox()
        self.level_combo.setAccessibleName(_("Which reminder"))
        for value, label in LEVELS:
            self.level_combo.addItem(_(label), value)
        level_label = QLabel(_("&Reminder:"))
        level_label.setBuddy(self.level_combo)
        form.addRow(level_label, self.level_combo)
        self.rate_edit = QLineEdit()
        self.rate_edit.setAccessibleName(_("Bank of England base rate, per cent"))
        self.rate_edit.setPlaceholderText(_("such as 4.25"))
        self.rate_error = FieldError()
        self.asks_rate = self._rate_needed()
        if self.asks_rate:
            rate_label = QLabel(_("&Base rate (%):"))
            rate_label.setBuddy(self.rate_edit)
            form.addRow(rate_label, self.rate_edit)
            form.addRow("", self.rate_error)
        layout.addLayout(form)
        self.note = plain_label(self._note())
        layout.addWidget(self.note)
        buttons = ok_cancel(self, _("Save reminder…"))
        layout.addWidget(buttons)

    def _charges(self) -> bool:
        return self.view.settings.charge_late_payment and late_payment.applies_to(
            self.view.customer
        )

    def _rate_needed(self) -> bool:
        due = self.view.document.due_date
        if not self._charges() or due is None:
            return False
        return late_payment.reference_rate_for(due + timedelta(days=1)) is None

    def _note(self) -> str:
        if not self._charges():
            return _("The letter asks for payment; it adds no interest or compensation.")
        if self.asks_rate:
            return _(
                "The rules file holds no Bank of England base rate for the day this invoice "
                "fell overdue. Give the rate in force then to add statutory interest and "
                "compensation, or leave it empty to write the letter without them."
            )
        return _("Statutory interest and fixed compensation are added to the letter.")

    def accept(self) -> None:
        self.level = str(self.level_combo.currentData())
        text = self.rate_edit.text().strip().rstrip("%").strip()
        self.reference_rate = None
        if self.asks_rate and text:
            try:
                percent = Decimal(text)
            except InvalidOperation:
                percent = Decimal(-1)
            if not percent.is_finite() or not Decimal(0) <= percent <= Decimal(25):
                self.rate_error.show_error(
                    _("Base rate: give a percentage from 0 to 25, such as 4.25")
                )
                return
            self.reference_rate = percent / 100
        super().accept()
