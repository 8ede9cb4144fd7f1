"""The Organisation page: our profile (saved as each field is finished) and scenario settings."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QPalette, QUndoCommand
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from costready.costing.rules import tax_years
from costready.i18n import N_, _
from costready.organisation import (
    LEGAL_FORM_LABELS,
    LegalForm,
    Organisation,
    is_valid_vat_number,
    normalise_vat_number,
    validate_organisation,
)
from costready.ui.document import ScenarioDocument
from costready.ui.widgets import FieldError, page_header

#: Locales offered for the profile (dates, money and, later, the words of price lists).
LOCALES = (
    ("en_GB", N_("English (United Kingdom)")),
    ("cy", N_("Cymraeg (Welsh) — translation to follow")),
)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class OrganisationPage(QWidget):
    organisation_saved = Signal()  # the profile was saved (an edit, undo or redo)

    """Edit the organisation's profile and the open scenario's name, period and tax year."""

    key = "organisation"
    title = N_("Organisation")

    def __init__(self, document: ScenarioDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.errors: dict[str, FieldError] = {}
        self._error_forms: dict[str, QFormLayout] = {}
        self._organisation: Organisation = document.workspace.organisation(document.organisation_id)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(
            page_header(
                _("Organisation"),
                _(
                    "Your organisation's details, as they appear on price lists and invoices, "
                    "and the settings of the scenario you are working on. Changes are saved as "
                    "you go."
                ),
            )
        )
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 12, 0)
        profile, scenario = self._build_profile(), self._build_scenario()
        # forms wider than this are hard to scan; both groups share one label column width
        for group in (profile, scenario):
            group.setMaximumWidth(760)
            body_layout.addWidget(group)
        self._align_labels(profile, scenario)
        body_layout.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self._show_profile(self._organisation)
        self._show_scenario()
        document.changed.connect(self._on_document_changed)

    def primary_action(self) -> QAction | None:
        return None

    # Building ------------------------------------------------------------------------------
    @staticmethod
    def _align_labels(*groups: QGroupBox) -> None:
        labels = [
            label
            for group in groups
            for label in group.findChildren(QLabel)
            if label.buddy() is not None
        ]
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:
            label.setMinimumWidth(width)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def _field(
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
        self.errors[error_key] = error
        self._error_forms[error_key] = form

    def _show_error(self, key: str, message: str) -> None:
        self.errors[key].show_error(message)
        self._error_forms[key].setRowVisible(self.errors[key], True)

    def _clear_error(self, key: str) -> None:
        self.errors[key].clear_error()
        self._error_forms[key].setRowVisible(self.errors[key], False)

    def _build_profile(self) -> QGroupBox:
        group = QGroupBox(_("Organisation details"))
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)

        self.name_edit = QLineEdit()
        self._field(form, _("&Name:"), self.name_edit, _("Organisation name"), "name")
        self.legal_form_combo = QComboBox()
        for form_value, label in LEGAL_FORM_LABELS.items():
            self.legal_form_combo.addItem(_(label), form_value.value)
        self._field(form, _("&Legal form:"), self.legal_form_combo, _("Legal form"))
        self.charity_check = QCheckBox(_("Registered &charity"))
        self._field(form, "", self.charity_check, _("Registered charity"))
        self.charity_number_edit = QLineEdit()
        self._field(
            form,
            _("C&harity number:"),
            self.charity_number_edit,
            _("Charity number"),
            "charity_number",
        )
        self.company_number_edit = QLineEdit()
        self.company_number_edit.setPlaceholderText(_("such as 01234567 or SC123456"))
        self._field(
            form,
            _("C&ompany number:"),
            self.company_number_edit,
            _("Company number"),
            "company_number",
        )
        self.address_edit = QPlainTextEdit()
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setFixedHeight(self.address_edit.fontMetrics().lineSpacing() * 4 + 12)
        self._field(form, _("&Address:"), self.address_edit, _("Address"))
        self.vat_check = QCheckBox(_("&VAT registered"))
        self._field(form, "", self.vat_check, _("VAT registered"))
        self.vat_number_edit = QLineEdit()
        self.vat_number_edit.setPlaceholderText(_("GB and 9 digits, such as GB 123 4567 89"))
        self._field(form, _("VAT n&umber:"), self.vat_number_edit, _("VAT number"), "vat_number")
        self.year_start_edit = QDateEdit()
        self.year_start_edit.setDisplayFormat("d MMMM")
        self.year_start_edit.setMaximumWidth(180)
        self._field(
            form, _("&Financial year starts:"), self.year_start_edit, _("Financial year starts")
        )
        self.locale_combo = QComboBox()
        for code, label in LOCALES:
            self.locale_combo.addItem(_(label), code)
        self.locale_combo.setToolTip(
            _("The language and the date and money formats of price lists and invoices.")
        )
        self._field(form, _("Lan&guage:"), self.locale_combo, _("Language"))

        for edit in (
            self.name_edit,
            self.charity_number_edit,
            self.company_number_edit,
            self.vat_number_edit,
        ):
            edit.editingFinished.connect(self.save_profile)
        self.legal_form_combo.activated.connect(self.save_profile)
        self.locale_combo.activated.connect(self.save_profile)
        self.charity_check.toggled.connect(self._on_flag_toggled)
        self.vat_check.toggled.connect(self._on_flag_toggled)
        self.year_start_edit.editingFinished.connect(self.save_profile)
        self.address_edit.installEventFilter(self)
        return group

    def _build_scenario(self) -> QGroupBox:
        group = QGroupBox(_("Scenario settings"))
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.scenario_name_edit = QLineEdit()
        self._field(
            form, _("Scenario na&me:"), self.scenario_name_edit, _("Scenario name"), "scenario_name"
        )
        self.period_start_edit = QDateEdit()
        self.period_end_edit = QDateEdit()
        for edit in (self.period_start_edit, self.period_end_edit):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
            edit.setMaximumWidth(180)
        self._field(form, _("Period &starts:"), self.period_start_edit, _("Period starts"))
        self._field(form, _("Period &ends:"), self.period_end_edit, _("Period ends"), "period")
        self.tax_year_combo = QComboBox()
        self.tax_year_combo.setMaximumWidth(180)
        for year in tax_years():
            self.tax_year_combo.addItem(year, year)
        self._field(form, _("&Tax year:"), self.tax_year_combo, _("Tax year"))
        hint = QLabel(
            _("Employer National Insurance and pension are worked out with this tax year's rates.")
        )
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        form.addRow("", hint)
        self.allowance_check = QCheckBox(_("We claim the Employment &Allowance"))
        self.allowance_check.setToolTip(
            _(
                "The Employment Allowance reduces the employer National Insurance an eligible "
                "employer pays each year. Most charities and CICs with staff can claim it."
            )
        )
        self._field(form, "", self.allowance_check, _("Employment Allowance claimed"))

        self.scenario_name_edit.editingFinished.connect(self._on_scenario_name_edited)
        self.period_start_edit.editingFinished.connect(self._on_period_edited)
        self.period_end_edit.editingFinished.connect(self._on_period_edited)
        self.tax_year_combo.activated.connect(self._on_tax_year_activated)
        self.allowance_check.toggled.connect(self._on_allowance_toggled)
        return group

    # Profile -------------------------------------------------------------------------------
    def _show_profile(self, org: Organisation) -> None:
        widgets = (
            self.name_edit,
            self.legal_form_combo,
            self.charity_check,
            self.charity_number_edit,
            self.company_number_edit,
            self.address_edit,
            self.vat_check,
            self.vat_number_edit,
            self.year_start_edit,
            self.locale_combo,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.name_edit.setText(org.name)
        self.legal_form_combo.setCurrentIndex(self.legal_form_combo.findData(org.legal_form.value))
        self.charity_check.setChecked(org.registered_charity)
        self.charity_number_edit.setText(org.charity_number)
        self.company_number_edit.setText(org.company_number)
        self.address_edit.setPlainText(org.address)
        self.vat_check.setChecked(org.vat_registered)
        self.vat_number_edit.setText(org.vat_number)
        self.year_start_edit.setDate(_qdate(org.financial_year_start))
        if self.locale_combo.findData(org.locale) < 0:  # one set elsewhere: show, keep it
            self.locale_combo.addItem(org.locale, org.locale)
        self.locale_combo.setCurrentIndex(self.locale_combo.findData(org.locale))
        for widget in widgets:
            widget.blockSignals(False)
        self._enable_dependants()
        for key in ("name", "charity_number", "company_number", "vat_number"):
            self._clear_error(key)

    def _enable_dependants(self) -> None:
        self.charity_number_edit.setEnabled(self.charity_check.isChecked())
        self.vat_number_edit.setEnabled(self.vat_check.isChecked())

    def _profile_from_form(self) -> Organisation:
        year_start = self.year_start_edit.date()
        return dataclasses.replace(
            self._organisation,
            name=self.name_edit.text().strip(),
            legal_form=LegalForm(self.legal_form_combo.currentData()),
            registered_charity=self.charity_check.isChecked(),
            charity_number=self.charity_number_edit.text().strip(),
            company_number=self.company_number_edit.text().strip(),
            address=self.address_edit.toPlainText().strip(),
            vat_registered=self.vat_check.isChecked(),
            vat_number=self.vat_number_edit.text().strip(),
            financial_year_start=date(2000, year_start.month(), year_start.day()),
            locale=self.locale_combo.currentData(),
        )

    def save_profile(self) -> bool:
        """Save the profile as the form shows it, or show each problem by its field and save
        nothing."""
        org = self._profile_from_form()
        problems = validate_organisation(org)
        for key in ("name", "charity_number", "company_number", "vat_number"):
            self._clear_error(key)
        if problems:
            for problem in problems:
                if problem.path in self.errors:
                    self._show_error(problem.path, problem.message)
            self._status(_("Not saved: fix the details marked in red"))
            return False
        if org.vat_registered:
            org = dataclasses.replace(org, vat_number=normalise_vat_number(org.vat_number))
        if org == self._organisation:
            return True
        command = _ProfileEdit(self, self._organisation, org)
        self.document.undo_stack.push(command)
        return command.saved

    def store_profile(self, org: Organisation) -> bool:
        """Save `org` and show it (the undoable edit's redo and undo both come here)."""
        try:
            self._organisation = self.document.store.save_organisation(org)
        except ValueError as error:  # storage validates again; show its words
            self._status(_("Not saved: {error}").format(error=error))
            return False
        self._show_profile(self._organisation)
        self.organisation_saved.emit()
        return True

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
        self.save_profile()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.address_edit and event.type() == QEvent.Type.FocusOut:
            self.save_profile()
        return super().eventFilter(watched, event)

    def _status(self, message: str) -> None:
        window = self.window()
        show = getattr(window, "show_status", None)
        if callable(show):
            show(message)

    # Scenario ------------------------------------------------------------------------------
    def _show_scenario(self) -> None:
        scenario = self.document.scenario
        widgets = (
            self.scenario_name_edit,
            self.period_start_edit,
            self.period_end_edit,
            self.tax_year_combo,
            self.allowance_check,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.scenario_name_edit.setText(scenario.name)
        self.period_start_edit.setDate(_qdate(scenario.period_start))
        self.period_end_edit.setDate(_qdate(scenario.period_end))
        index = self.tax_year_combo.findData(scenario.tax_year)
        if index < 0:  # a year the rules file no longer lists: show it rather than change it
            self.tax_year_combo.addItem(scenario.tax_year, scenario.tax_year)
            index = self.tax_year_combo.count() - 1
        self.tax_year_combo.setCurrentIndex(index)
        self.allowance_check.setChecked(scenario.claims_employment_allowance)
        for widget in widgets:
            widget.blockSignals(False)
        self._clear_error("scenario_name")
        self._clear_error("period")

    def _on_document_changed(self) -> None:
        if self._organisation.id != self.document.organisation_id:
            self._organisation = self.document.workspace.organisation(self.document.organisation_id)
            self._show_profile(self._organisation)
        self._show_scenario()

    def _on_scenario_name_edited(self) -> None:
        name = self.scenario_name_edit.text().strip()
        if not name:
            self._show_error(
                "scenario_name", _("Scenario name: enter a name, such as “Budget 2026-27”")
            )
            return
        self._clear_error("scenario_name")
        scenario = self.document.scenario
        self.document.apply(dataclasses.replace(scenario, name=name), _("Rename scenario"))

    def _on_period_edited(self) -> None:
        start = _pydate(self.period_start_edit.date())
        end = _pydate(self.period_end_edit.date())
        if end <= start:
            self._show_error(
                "period", _("Period ends: choose a date after the start, usually a year later")
            )
            return
        self._clear_error("period")
        scenario = self.document.scenario
        self.document.apply(
            dataclasses.replace(scenario, period_start=start, period_end=end),
            _("Change scenario period"),
        )

    def _on_tax_year_activated(self, _index: int) -> None:
        year = self.tax_year_combo.currentData()
        self.document.apply(
            dataclasses.replace(self.document.scenario, tax_year=year), _("Change tax year")
        )

    def _on_allowance_toggled(self, checked: bool) -> None:
        self.document.apply(
            dataclasses.replace(self.document.scenario, claims_employment_allowance=checked),
            _("Claim the Employment Allowance")
            if checked
            else _("Stop claiming the Employment Allowance"),
        )


class _ProfileEdit(QUndoCommand):
    """A change to the organisation's profile, so Ctrl+Z puts the old details back (saved)."""

    def __init__(self, page: OrganisationPage, old: Organisation, new: Organisation):
        super().__init__(_("Change organisation details"))
        self._page = page
        self._old = old
        self._new = new
        self.saved = False

    def redo(self) -> None:
        self.saved = self._page.store_profile(self._new)
        if self.saved:
            self._page._status(_("Saved: organisation details"))
        else:
            self.setObsolete(True)

    def undo(self) -> None:
        if self._page.store_profile(self._old):
            self._page._status(_("Undone: organisation details"))
