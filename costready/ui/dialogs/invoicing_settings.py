"""Invoices › Invoicing settings: bank details, the payment link, terms, numbering, late
payment, the terms text and the organisation's Peppol id, saved through
`app.invoices.save_invoicing_settings` (every problem shown under its field)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from costready.app.errors import StorageError
from costready.i18n import _
from costready.invoicing.bank import BankDetails, format_sort_code
from costready.invoicing.customers import TERMS_MAX, TERMS_MIN
from costready.invoicing.errors import InvoicingError
from costready.invoicing.links import PROVIDER_TEMPLATES, render_link, validate_template
from costready.invoicing.settings import InvoicingSettings
from costready.ui.invoicing_forms import problems_of, show_field_problems, today
from costready.ui.widgets import FieldError, plain_label

if TYPE_CHECKING:
    from costready.app.workspace import Workspace

#: the sample a template is shown filled with
SAMPLE_AMOUNT = Decimal("123.45")
SAMPLE_NUMBER = "INV-0001"


def any_issued(store: Workspace, org_id: int) -> bool:
    """Whether the organisation has issued anything (numbering is then fixed)."""
    from costready.app.invoices import InvoiceFilter, count_documents
    from costready.invoicing.status import Status

    day = today()
    every = count_documents(store, org_id, InvoiceFilter(), day)
    drafts = count_documents(store, org_id, InvoiceFilter(status=Status.DRAFT), day)
    return every > drafts


def provider_index(template: str) -> int:
    """The provider choice a saved template belongs to (by its site): 0 for none, the last
    (custom) for a site no provider uses."""
    if not template.strip():
        return 0
    host = _host(template)
    for index, (_label, example) in enumerate(PROVIDER_TEMPLATES[:-1], start=1):
        if host and host == _host(example):
            return index
    return len(PROVIDER_TEMPLATES)


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


class InvoicingSettingsDialog(QDialog):
    """After it is accepted, `message` says what was saved."""

    def __init__(self, store: Workspace, org_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        from costready.app import invoices

        self._store = store
        self._org_id = org_id
        self.message = ""
        self.settings = settings = invoices.invoicing_settings(store, org_id)
        self.setWindowTitle(_("Invoicing settings"))
        self.setMinimumWidth(560)
        self.errors: dict[str, FieldError] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self._bank_box(settings.bank or BankDetails()))
        layout.addWidget(self._link_box(settings.link_template))
        layout.addWidget(self._terms_box(settings))
        self.general_error = FieldError()
        layout.addWidget(self.general_error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _row(self, form: QFormLayout, label: str, widget: QWidget, name: str, path: str) -> None:
        widget.setAccessibleName(name)
        text = QLabel(label)
        text.setBuddy(widget)
        form.addRow(text, widget)
        error = FieldError()
        self.errors[path] = error
        form.addRow("", error)

    def _bank_box(self, bank: BankDetails) -> QGroupBox:
        box = QGroupBox(_("Bank details (printed on every invoice)"))
        form = QFormLayout(box)
        self.account_name_edit = QLineEdit(bank.account_name)
        self._row(form, _("Account &name:"), self.account_name_edit, _("Account name"), "bank")
        self.errors["bank.account_name"] = self.errors.pop("bank")
        self.sort_code_edit = QLineEdit(format_sort_code(bank.sort_code))
        self.sort_code_edit.setPlaceholderText(_("such as 12-34-56"))
        self._row(form, _("&Sort code:"), self.sort_code_edit, _("Sort code"), "bank.sort_code")
        self.account_number_edit = QLineEdit(bank.account_number)
        self.account_number_edit.setPlaceholderText(_("8 digits"))
        self._row(
            form,
            _("Account n&umber:"),
            self.account_number_edit,
            _("Account number"),
            "bank.account_number",
        )
        return box

    def _link_box(self, template: str) -> QGroupBox:
        box = QGroupBox(_("Payment link (optional)"))
        form = QFormLayout(box)
        self.provider_combo = QComboBox()
        self.provider_combo.addItem(_("No payment link"), "")
        for label, example in PROVIDER_TEMPLATES:
            self.provider_combo.addItem(_(label), example)
        provider = QLabel(_("&Provider:"))
        provider.setBuddy(self.provider_combo)
        self.provider_combo.setAccessibleName(_("Payment provider"))
        form.addRow(provider, self.provider_combo)
        self.template_edit = QLineEdit(template)
        self.template_edit.setPlaceholderText(_("https://… with {amount}, {reference}…"))
        self._row(
            form,
            _("Link &template:"),
            self.template_edit,
            _("Payment link template"),
            "payment_link",
        )
        self.sample_label = plain_label(name=_("Sample link"))
        self.sample_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(_("Sample:"), self.sample_label)
        self.provider_combo.setCurrentIndex(provider_index(template))
        self.provider_combo.activated.connect(self._on_provider_chosen)
        self.template_edit.textChanged.connect(self._show_sample)
        self._show_sample()
        return box

    def _terms_box(self, settings: InvoicingSettings) -> QGroupBox:
        box = QGroupBox(_("Terms and numbering"))
        form = QFormLayout(box)
        self.terms_spin = QSpinBox()
        self.terms_spin.setRange(TERMS_MIN, TERMS_MAX)
        self.terms_spin.setValue(settings.default_terms_days)
        self.terms_spin.setSuffix(_(" days"))
        self.terms_spin.setMaximumWidth(160)
        self._row(
            form, _("Payment ter&ms:"), self.terms_spin, _("Payment terms"), "default_terms_days"
        )
        self.yearly_check = QCheckBox(_("Number by year (INV-2026-0001)"))
        self.yearly_check.setChecked(settings.yearly_numbers)
        if any_issued(self._store, self._org_id):
            self.yearly_check.setEnabled(False)
            self.yearly_check.setToolTip(
                _("Numbering is fixed once the first invoice is issued, so numbers have no gaps")
            )
        self.yearly_check.setAccessibleName(_("Number by year"))
        form.addRow(_("Numbers:"), self.yearly_check)
        self.late_check = QCheckBox(_("Charge late payment interest and compensation"))
        self.late_check.setChecked(settings.charge_late_payment)
        self.late_check.setToolTip(
            _(
                "Reminders to businesses and public bodies add statutory interest and fixed "
                "compensation (Late Payment of Commercial Debts (Interest) Act 1998); never to "
                "individuals."
            )
        )
        self.late_check.setAccessibleName(_("Charge late payment"))
        form.addRow(_("Late payment:"), self.late_check)
        self.terms_text_edit = QPlainTextEdit(settings.terms_text)
        self.terms_text_edit.setTabChangesFocus(True)
        self.terms_text_edit.setFixedHeight(
            self.terms_text_edit.fontMetrics().lineSpacing() * 3 + 12
        )
        self._row(form, _("Terms te&xt:"), self.terms_text_edit, _("Terms text"), "terms_text")
        peppol = QWidget()
        row = QHBoxLayout(peppol)
        row.setContentsMargins(0, 0, 0, 0)
        self.peppol_scheme_edit = QLineEdit(settings.peppol_scheme)
        self.peppol_scheme_edit.setPlaceholderText(_("scheme, such as 0088"))
        self.peppol_scheme_edit.setMaximumWidth(150)
        self.peppol_scheme_edit.setAccessibleName(_("Peppol scheme"))
        self.peppol_id_edit = QLineEdit(settings.peppol_id)
        self.peppol_id_edit.setPlaceholderText(_("identifier"))
        row.addWidget(self.peppol_scheme_edit)
        row.addWidget(self.peppol_id_edit, 1)
        self._row(form, _("Pepp&ol id:"), peppol, _("Peppol id"), "peppol_id")
        self.peppol_id_edit.setAccessibleName(_("Peppol id"))
        self.errors["peppol_scheme"] = self.errors["peppol_id"]
        return box

    def _on_provider_chosen(self, _index: int) -> None:
        self.template_edit.setText(str(self.provider_combo.currentData()))
        self.template_edit.setFocus()

    def _show_sample(self) -> None:
        text = self.template_edit.text().strip()
        if not text:
            self.sample_label.setText(_("No link is printed."))
            return
        problems = validate_template(text)
        if problems:
            self.sample_label.setText(problems[0].message)
            return
        self.sample_label.setText(render_link(text, SAMPLE_AMOUNT, SAMPLE_NUMBER, SAMPLE_NUMBER))

    def typed(self) -> InvoicingSettings:
        """The settings as the dialog shows them."""
        bank = BankDetails(
            self.account_name_edit.text().strip(),
            self.sort_code_edit.text().strip(),
            self.account_number_edit.text().strip(),
        )
        return InvoicingSettings(
            bank=None if bank.is_empty else bank,
            link_template=self.template_edit.text().strip(),
            default_terms_days=self.terms_spin.value(),
            yearly_numbers=self.yearly_check.isChecked(),
            charge_late_payment=self.late_check.isChecked(),
            terms_text=self.terms_text_edit.toPlainText().strip(),
            peppol_scheme=self.peppol_scheme_edit.text().strip(),
            peppol_id=self.peppol_id_edit.text().strip(),
        )

    def accept(self) -> None:
        from costready.app import invoices

        try:
            invoices.save_invoicing_settings(self._store, self._org_id, self.typed())
        except (InvoicingError, StorageError) as error:
            show_field_problems(problems_of(error), self.errors, self.general_error)
            return
        self.message = _("Saved the invoicing settings")
        super().accept()
