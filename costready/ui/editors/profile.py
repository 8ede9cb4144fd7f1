"""The organisation's profile as a form: the Organisation page and the guided setup share it."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from costready.i18n import N_, _
from costready.organisation import (
    LEGAL_FORM_LABELS,
    LegalForm,
    Organisation,
    is_valid_vat_number,
    normalise_vat_number,
    validate_organisation,
)
from costready.ui.widgets import FieldError

#: Locales offered for the profile (dates, money and, later, the words of price lists).
LOCALES = (
    ("en_GB", N_("English (United Kingdom)")),
    ("cy", N_("Cymraeg (Welsh) — translation to follow")),
)
#: The fields whose problems are shown under them (a problem's path is the field's name).
ERROR_KEYS = ("name", "charity_number", "company_number", "vat_number")


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class FormErrors:
    """The error rows of one or more forms: each a FieldError row under its field, hidden (and
    taking no space) until needed, found by a key."""

    def __init__(self) -> None:
        self.labels: dict[str, FieldError] = {}
        self._forms: dict[str, QFormLayout] = {}

    def add_field(
        self,
        form: QFormLayout,
        label: str,
        widget: QWidget,
        name: str,
        error_key: str | None = None,
    ) -> None:
        """Add a labelled row; with `error_key`, a FieldError row under it, hidden till needed.

        The error is a row of the form itself (not a box around the field): the form then makes
        room for its wrapped lines instead of squeezing the rows above it into each other.
        """
        widget.setAccessibleName(name)
        form.addRow(label, widget)
        if error_key is None:
            return
        error = FieldError()
        error.setObjectName(f"error_{error_key}")
        form.addRow("", error)
        form.setRowVisible(error, False)
        self.labels[error_key] = error
        self._forms[error_key] = form

    def show(self, key: str, message: str) -> None:
        self.labels[key].show_error(message)
        self._forms[key].setRowVisible(self.labels[key], True)

    def clear(self, key: str) -> None:
        self.labels[key].clear_error()
        self._forms[key].setRowVisible(self.labels[key], False)


class ProfileForm(QGroupBox):
    """Name, legal form, charity and company numbers, address, VAT, year start and language.

    It shows an Organisation, reads it back as typed (`profile`), and checks it (`checked`),
    marking each problem by its field. It saves nothing: `finished` says a field was left or a
    choice made, and its owner decides what to do with the profile.
    """

    finished = Signal()

    def __init__(self, errors: FormErrors | None = None, parent: QWidget | None = None):
        super().__init__(_("Organisation details"), parent)
        self.errors = errors or FormErrors()
        self._shown = Organisation(name="")
        self._build()
        self.show_profile(self._shown)

    def _build(self) -> None:
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        field = self.errors.add_field

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(_("such as Riverside Community Care"))
        field(form, _("&Name:"), self.name_edit, _("Organisation name"), "name")
        self.legal_form_combo = QComboBox()
        for form_value, label in LEGAL_FORM_LABELS.items():
            self.legal_form_combo.addItem(_(label), form_value.value)
        field(form, _("&Legal form:"), self.legal_form_combo, _("Legal form"))
        self.charity_check = QCheckBox(_("Registered &charity"))
        field(form, "", self.charity_check, _("Registered charity"))
        self.charity_number_edit = QLineEdit()
        field(
            form,
            _("C&harity number:"),
            self.charity_number_edit,
            _("Charity number"),
            "charity_number",
        )
        self.company_number_edit = QLineEdit()
        self.company_number_edit.setPlaceholderText(_("such as 01234567 or SC123456"))
        field(
            form,
            _("C&ompany number:"),
            self.company_number_edit,
            _("Company number"),
            "company_number",
        )
        self.address_edit = QPlainTextEdit()
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setFixedHeight(self.address_edit.fontMetrics().lineSpacing() * 4 + 12)
        field(form, _("&Address:"), self.address_edit, _("Address"))
        self.vat_check = QCheckBox(_("&VAT registered"))
        field(form, "", self.vat_check, _("VAT registered"))
        self.vat_number_edit = QLineEdit()
        self.vat_number_edit.setPlaceholderText(_("GB and 9 digits, such as GB 123 4567 89"))
        field(form, _("VAT n&umber:"), self.vat_number_edit, _("VAT number"), "vat_number")
        self.cqc_check = QCheckBox(_("Registered with C&QC (the Care Quality Commission)"))
        self.cqc_check.setToolTip(
            _(
                "Tick if CQC registers you for a regulated activity such as personal care. "
                "Welfare services from a CQC-registered provider are exempt from VAT even when "
                "it is not a charity."
            )
        )
        field(form, "", self.cqc_check, _("Registered with CQC"))
        self.year_start_edit = QDateEdit()
        self.year_start_edit.setDisplayFormat("d MMMM")
        self.year_start_edit.setMaximumWidth(180)
        field(form, _("&Financial year starts:"), self.year_start_edit, _("Financial year starts"))
        self.locale_combo = QComboBox()
        for code, label in LOCALES:
            self.locale_combo.addItem(_(label), code)
        self.locale_combo.setToolTip(
            _("The language and the date and money formats of price lists and invoices.")
        )
        field(form, _("Lan&guage:"), self.locale_combo, _("Language"))

        for edit in (
            self.name_edit,
            self.charity_number_edit,
            self.company_number_edit,
            self.vat_number_edit,
        ):
            edit.editingFinished.connect(self.finished)
        self.name_edit.textChanged.connect(lambda _text: self.errors.clear("name"))
        self.vat_number_edit.textChanged.connect(lambda _text: self.errors.clear("vat_number"))
        self.legal_form_combo.activated.connect(lambda _index: self.finished.emit())
        self.locale_combo.activated.connect(lambda _index: self.finished.emit())
        self.charity_check.toggled.connect(self._on_flag_toggled)
        self.vat_check.toggled.connect(self._on_flag_toggled)
        self.cqc_check.toggled.connect(lambda _checked: self.finished.emit())
        self.year_start_edit.editingFinished.connect(self.finished)
        self.address_edit.installEventFilter(self)

    @property
    def inputs(self) -> tuple[QWidget, ...]:
        return (
            self.name_edit,
            self.legal_form_combo,
            self.charity_check,
            self.charity_number_edit,
            self.company_number_edit,
            self.address_edit,
            self.vat_check,
            self.vat_number_edit,
            self.cqc_check,
            self.year_start_edit,
            self.locale_combo,
        )

    def show_profile(self, org: Organisation) -> None:
        """Fill the fields from `org` (no `finished`), clearing any problem shown."""
        self._shown = org
        for widget in self.inputs:
            widget.blockSignals(True)
        self.name_edit.setText(org.name)
        self.legal_form_combo.setCurrentIndex(self.legal_form_combo.findData(org.legal_form.value))
        self.charity_check.setChecked(org.registered_charity)
        self.charity_number_edit.setText(org.charity_number)
        self.company_number_edit.setText(org.company_number)
        self.address_edit.setPlainText(org.address)
        self.vat_check.setChecked(org.vat_registered)
        self.vat_number_edit.setText(org.vat_number)
        self.cqc_check.setChecked(org.cqc_registered)
        self.year_start_edit.setDate(qdate(org.financial_year_start))
        if self.locale_combo.findData(org.locale) < 0:  # one set elsewhere: show, keep it
            self.locale_combo.addItem(org.locale, org.locale)
        self.locale_combo.setCurrentIndex(self.locale_combo.findData(org.locale))
        for widget in self.inputs:
            widget.blockSignals(False)
        self._enable_dependants()
        self.clear_problems()

    def profile(self) -> Organisation:
        """The profile as the form shows it (what it does not show is kept from the last one
        shown: the id, and the year of the year start, which only its day and month decide)."""
        start = self.year_start_edit.date()
        shown = self._shown.financial_year_start
        year_start = (
            shown
            if (start.month(), start.day()) == (shown.month, shown.day)
            else date(2000, start.month(), start.day())
        )
        return dataclasses.replace(
            self._shown,
            name=self.name_edit.text().strip(),
            legal_form=LegalForm(self.legal_form_combo.currentData()),
            registered_charity=self.charity_check.isChecked(),
            charity_number=self.charity_number_edit.text().strip(),
            company_number=self.company_number_edit.text().strip(),
            address=self.address_edit.toPlainText().strip(),
            vat_registered=self.vat_check.isChecked(),
            vat_number=self.vat_number_edit.text().strip(),
            cqc_registered=self.cqc_check.isChecked(),
            financial_year_start=year_start,
            locale=self.locale_combo.currentData(),
        )

    def checked(self) -> Organisation | None:
        """The profile ready to save (its VAT number in the printed form), or None after
        showing each of its problems by its field."""
        org = self.profile()
        problems = validate_organisation(org)
        self.clear_problems()
        for problem in problems:
            if problem.path in self.errors.labels:
                self.errors.show(problem.path, problem.message)
        if problems:
            return None
        if org.vat_registered:
            org = dataclasses.replace(org, vat_number=normalise_vat_number(org.vat_number))
        return org

    def clear_problems(self) -> None:
        for key in ERROR_KEYS:
            self.errors.clear(key)

    def _enable_dependants(self) -> None:
        self.charity_number_edit.setEnabled(self.charity_check.isChecked())
        self.vat_number_edit.setEnabled(self.vat_check.isChecked())

    def _on_flag_toggled(self, _checked: bool) -> None:
        number = self.vat_number_edit.text()
        if not self.vat_check.isChecked() and number.strip() and not is_valid_vat_number(number):
            self.vat_number_edit.clear()  # unticked: a half-typed number is dropped, not kept
        self._enable_dependants()
        # ticking a box that needs a number waits for the number before complaining
        if self.charity_check.isChecked() and not self.charity_number_edit.text().strip():
            self.charity_number_edit.setFocus()
            return
        if self.vat_check.isChecked() and not self.vat_number_edit.text().strip():
            self.vat_number_edit.setFocus()
            return
        self.finished.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.address_edit and event.type() == QEvent.Type.FocusOut:
            self.finished.emit()
        return super().eventFilter(watched, event)
