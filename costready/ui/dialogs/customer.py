"""Add or edit a customer: every field labelled, each error shown under the field it names."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from costready.app.errors import StorageError
from costready.i18n import _
from costready.invoicing.customers import (
    CUSTOMER_KIND_LABELS,
    FUNDING_LABELS,
    TERMS_MAX,
    Customer,
    CustomerKind,
)
from costready.invoicing.errors import InvoicingError
from costready.ui.invoicing_forms import (
    add_field,
    field_box,
    problems_of,
    show_field_problems,
)
from costready.ui.widgets import FieldError

#: the terms box's lowest value, shown as "the default" (a customer's own terms are 0 or more)
_DEFAULT_TERMS = -1


class CustomerDialog(QDialog):
    """The customer's billing details; `save` stores them (it raises with the problems)."""

    def __init__(
        self,
        customer: Customer | None,
        save: Callable[[Customer], Customer],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._original = customer or Customer(name="")
        self._save = save
        self.saved: Customer | None = None
        self.setWindowTitle(_("Edit customer") if customer else _("Add customer"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.errors: dict[str, FieldError] = {}
        c = self._original

        self.name_edit = QLineEdit(c.name)
        self._row(form, _("&Name:"), self.name_edit, _("Billing name"), "name")
        self.kind_combo = QComboBox()
        for kind, label in CUSTOMER_KIND_LABELS.items():
            self.kind_combo.addItem(_(label), kind)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(c.kind))
        self._row(form, _("&Kind:"), self.kind_combo, _("Kind of customer"), "kind")
        self.funding_combo = QComboBox()
        self.funding_combo.addItem(_("Not an individual"), None)
        for funding, label in FUNDING_LABELS.items():
            self.funding_combo.addItem(_(label), funding)
        self.funding_combo.setCurrentIndex(max(0, self.funding_combo.findData(c.funding)))
        self._row(form, _("&Funding:"), self.funding_combo, _("How this person pays"), "funding")
        self.address_edit = QPlainTextEdit(c.billing_address)
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setFixedHeight(self.fontMetrics().height() * 5)
        self._row(
            form, _("Billing &address:"), self.address_edit, _("Billing address"), "billing_address"
        )
        self.email_edit = QLineEdit(c.email)
        self.email_edit.setPlaceholderText(_("accounts@example.org"))
        self._row(form, _("&Email:"), self.email_edit, _("Contact email"), "email")
        self.terms_spin = QSpinBox()
        self.terms_spin.setRange(_DEFAULT_TERMS, TERMS_MAX)
        self.terms_spin.setSpecialValueText(_("Default (30 days for public bodies)"))
        self.terms_spin.setSuffix(_(" days"))
        terms = c.payment_terms_days
        self.terms_spin.setValue(_DEFAULT_TERMS if terms is None else terms)
        self._row(
            form,
            _("Payment &terms:"),
            self.terms_spin,
            _("Payment terms in days"),
            "payment_terms_days",
        )
        self.po_check = QCheckBox(_("A &purchase-order number is required on invoices"))
        self.po_check.setChecked(c.po_required)
        self._row(form, "", self.po_check, _("Purchase order required"), "po_required")
        self.reference_edit = QLineEdit(c.supplier_reference)
        self._row(
            form,
            _("Their &reference for us:"),
            self.reference_edit,
            _("Their supplier reference for us"),
            "supplier_reference",
        )
        self.scheme_edit = QLineEdit(c.peppol_scheme)
        self.scheme_edit.setPlaceholderText(_("such as 0088"))
        self._row(
            form, _("Peppol &scheme:"), self.scheme_edit, _("Peppol scheme code"), "peppol_scheme"
        )
        self.peppol_edit = QLineEdit(c.peppol_id)
        self._row(form, _("Peppol &id:"), self.peppol_edit, _("Peppol participant id"), "peppol_id")
        self.notes_edit = QPlainTextEdit(c.notes)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.fontMetrics().height() * 4)
        self._row(form, _("N&otes:"), self.notes_edit, _("Notes"), "notes")
        layout.addLayout(form)
        self.general_error = FieldError()
        layout.addWidget(self.general_error)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        self._on_kind_combo_changed()
        self.name_edit.setFocus()

    def _row(self, form: QFormLayout, label: str, widget: QWidget, name: str, path: str) -> None:
        if label:
            add_field(form, label, widget, name, path, self.errors)
        else:
            form.addRow(field_box(widget, name, path, self.errors))

    def _on_kind_combo_changed(self) -> None:
        individual = self.kind_combo.currentData() == CustomerKind.INDIVIDUAL
        self.funding_combo.setEnabled(individual)
        if not individual:
            self.funding_combo.setCurrentIndex(0)
        elif self.funding_combo.currentIndex() == 0:
            self.funding_combo.setCurrentIndex(1)

    def value(self) -> Customer:
        """The customer as the fields now say."""
        terms = self.terms_spin.value()
        return dataclasses.replace(
            self._original,
            name=self.name_edit.text().strip(),
            kind=CustomerKind(self.kind_combo.currentData()),
            funding=self.funding_combo.currentData(),
            billing_address=self.address_edit.toPlainText().strip(),
            email=self.email_edit.text().strip(),
            payment_terms_days=None if terms == _DEFAULT_TERMS else terms,
            po_required=self.po_check.isChecked(),
            supplier_reference=self.reference_edit.text().strip(),
            peppol_scheme=self.scheme_edit.text().strip(),
            peppol_id=self.peppol_edit.text().strip(),
            notes=self.notes_edit.toPlainText().strip(),
        )

    def accept(self) -> None:
        try:
            self.saved = self._save(self.value())
        except (InvoicingError, StorageError) as error:  # shown by its fields, nothing saved
            show_field_problems(problems_of(error), self.errors, self.general_error)
            return
        super().accept()
