"""What invoices need of the organisation besides the profile: a company's registered office
and place of registration (trading disclosure regulations 2015), and the day VAT registration
took effect. A group on the Organisation page, beside the profile form."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QGroupBox, QPlainTextEdit, QWidget

from costready.i18n import N_, _
from costready.organisation import Organisation
from costready.ui.editors.profile import FormErrors
from costready.ui.invoicing_forms import optional_date_edit, optional_date_of, set_optional_date

#: The places of registration a UK company's invoices name.
PLACES = (
    N_("England and Wales"),
    N_("Scotland"),
    N_("Northern Ireland"),
)


# No Alt+letter here: every letter in these labels is taken on the page or in the guided
# setup (a letter used twice does nothing); Tab reaches each field.


class InvoiceDetailsForm(QGroupBox):
    """Registered office, place of registration and the VAT registration date."""

    finished = Signal()  # a field was left or a choice made: the owner saves

    def __init__(self, errors: FormErrors, parent: QWidget | None = None):
        super().__init__(_("On invoices"), parent)
        self.errors = errors
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        field = errors.add_field
        self.office_edit = QPlainTextEdit()
        self.office_edit.setTabChangesFocus(True)
        self.office_edit.setPlaceholderText(
            _("A company's registered office, as at Companies House")
        )
        self.office_edit.setFixedHeight(self.office_edit.fontMetrics().lineSpacing() * 4 + 12)
        field(
            form,
            _("Registered office:"),
            self.office_edit,
            _("Registered office"),
            "registered_office",
        )
        self.place_combo = QComboBox()
        self.place_combo.addItem(_("Not given"), "")
        for place in PLACES:
            self.place_combo.addItem(_(place), place)
        field(
            form,
            _("Registered in:"),
            self.place_combo,
            _("Place of registration"),
            "place_of_registration",
        )
        self.vat_from_edit: QDateEdit = optional_date_edit(
            None, _("VAT registered from"), _("Not known")
        )
        self.vat_from_edit.setMaximumWidth(180)
        self.vat_from_edit.setToolTip(
            _("The day VAT registration took effect: each invoice follows it at its own date")
        )
        field(form, _("VAT registered from:"), self.vat_from_edit, _("VAT registered from"))
        self.place_combo.activated.connect(lambda _index: self.finished.emit())
        self.vat_from_edit.editingFinished.connect(self.finished)
        self.office_edit.installEventFilter(self)

    @property
    def inputs(self) -> tuple[QWidget, ...]:
        return (self.office_edit, self.place_combo, self.vat_from_edit)

    def show_profile(self, org: Organisation) -> None:
        """Fill the fields from `org` (no `finished`)."""
        for widget in self.inputs:
            widget.blockSignals(True)
        self.office_edit.setPlainText(org.registered_office)
        if org.place_of_registration and self.place_combo.findData(org.place_of_registration) < 0:
            self.place_combo.addItem(org.place_of_registration, org.place_of_registration)
        self.place_combo.setCurrentIndex(
            max(0, self.place_combo.findData(org.place_of_registration))
        )
        set_optional_date(self.vat_from_edit, org.vat_registered_from)
        for widget in self.inputs:
            widget.blockSignals(False)
        for key in ("registered_office", "place_of_registration"):
            self.errors.clear(key)

    def applied(self, org: Organisation) -> Organisation:
        """`org` with this group's fields as typed."""
        return dataclasses.replace(
            org,
            registered_office=self.office_edit.toPlainText().strip(),
            place_of_registration=str(self.place_combo.currentData() or ""),
            vat_registered_from=optional_date_of(self.vat_from_edit),
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.office_edit and event.type() == QEvent.Type.FocusOut:
            self.finished.emit()
        return super().eventFilter(watched, event)
