"""The Organisation page: our profile (saved as each field is finished) and scenario settings."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QAction, QPalette, QUndoCommand
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from costready.app.errors import StaleRecord, StorageError
from costready.costing.rules import tax_years
from costready.i18n import N_, _
from costready.organisation import Organisation
from costready.ui import edit_names
from costready.ui.document import ScenarioDocument
from costready.ui.editors.allowance import AllowanceQuestions
from costready.ui.editors.invoice_details import InvoiceDetailsForm
from costready.ui.editors.price_list_details import PriceListDetailsForm
from costready.ui.editors.profile import FormErrors, ProfileForm
from costready.ui.editors.profile import qdate as _qdate
from costready.ui.widgets import FieldError, page_header, plain_label


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class OrganisationPage(QWidget):
    organisation_saved = Signal()  # the profile was saved (an edit, undo or redo)
    #: a profile save refused because another program saved it first (the message names it
    #: and when); the form keeps what was typed until the window reloads (`reload_profile`)
    profile_conflict = Signal(str)

    """Edit the organisation's profile and the open scenario's name, period and tax year."""

    key = "organisation"
    title = N_("Organisation")

    def __init__(self, document: ScenarioDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self._form_errors = FormErrors()  # the profile's and the scenario's, by key
        self.errors: dict[str, FieldError] = self._form_errors.labels
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
        self.price_list_details = PriceListDetailsForm(self._form_errors)
        self.price_list_details.finished.connect(self.save_profile)
        self.invoice_details = InvoiceDetailsForm(self._form_errors)
        self.invoice_details.finished.connect(self.save_profile)
        # forms wider than this are hard to scan; the groups share one label column width
        groups = (profile, self.price_list_details, self.invoice_details, scenario)
        for group in groups:
            group.setMaximumWidth(760)
            body_layout.addWidget(group)
        self._align_labels(*groups)
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
        """Add a labelled row; with `error_key`, a FieldError row under it, hidden till needed."""
        self._form_errors.add_field(form, label, widget, name, error_key)

    def _show_error(self, key: str, message: str) -> None:
        self._form_errors.show(key, message)

    def _clear_error(self, key: str) -> None:
        self._form_errors.clear(key)

    def _build_profile(self) -> QGroupBox:
        self.profile = ProfileForm(self._form_errors)
        self.profile.finished.connect(self.save_profile)
        # the fields by their names on this page (tests and the guided setup reach them)
        form = self.profile
        self.name_edit, self.legal_form_combo = form.name_edit, form.legal_form_combo
        self.charity_check, self.charity_number_edit = form.charity_check, form.charity_number_edit
        self.company_number_edit, self.address_edit = form.company_number_edit, form.address_edit
        self.vat_check, self.vat_number_edit = form.vat_check, form.vat_number_edit
        self.year_start_edit, self.locale_combo = form.year_start_edit, form.locale_combo
        return self.profile

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
        hint = plain_label(
            _("Employer National Insurance and pension are worked out with this tax year's rates.")
        )
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        form.addRow("", hint)
        # who can claim is decided by three answers (HMRC NIM06530), not by the legal form
        self.allowance = AllowanceQuestions(_("We claim the Employment Allo&wance"))
        self.allowance.setToolTip(
            _(
                "The Employment Allowance reduces the employer National Insurance an eligible "
                "employer pays each year. An organisation doing mainly public work under "
                "contract cannot claim it unless it is a charity, nor can a company whose only "
                "paid employee is a director."
            )
        )
        self.allowance_check = self.allowance.claim
        form.addRow(self.allowance)

        self.scenario_name_edit.editingFinished.connect(self._on_scenario_name_edited)
        self.period_start_edit.editingFinished.connect(self._on_period_edited)
        self.period_end_edit.editingFinished.connect(self._on_period_edited)
        self.tax_year_combo.activated.connect(self._on_tax_year_activated)
        self.allowance.changed.connect(self.document.apply)
        return group

    # Profile ---------------------------------------------------------------------------------
    def _show_profile(self, org: Organisation) -> None:
        self.profile.show_profile(org)
        self.price_list_details.show_profile(org)
        self.invoice_details.show_profile(org)

    def save_profile(self) -> bool:
        """Save the profile as the form shows it, or show each problem by its field and save
        nothing."""
        org = self.profile.checked()
        if org is not None:  # and what the price list says besides the prices
            org = self.invoice_details.applied(self.price_list_details.applied(org))
            if self.price_list_details.problems(org):
                org = None
        if org is None:
            self._status(_("Not saved: fix the details marked in red"))
            return False
        if org == self._organisation:
            return True
        command = _ProfileEdit(self, self._organisation, org)
        self.document.undo_stack.push(command)
        return command.saved

    def store_profile(self, org: Organisation) -> bool:
        """Save `org` and show it (the undoable edit's redo and undo both come here)."""
        try:  # saved at the version shown (undo's older value carries an older one)
            self._organisation = self.document.store.save_organisation(
                dataclasses.replace(org, version=self._organisation.version)
            )
        except StaleRecord as error:  # someone else saved it first: the window offers a reload
            message = _("Not saved: {error}").format(error=error)
            self._status(message)
            self.profile_conflict.emit(message)
            return False
        except (ValueError, StorageError) as error:  # storage validates again; show its words
            self._status(_("Not saved: {error}").format(error=error))
            return False
        self._show_profile(self._organisation)
        self._show_scenario()  # "registered charity" answers the allowance's first question
        self.organisation_saved.emit()
        return True

    def reload_profile(self) -> None:
        """Show the profile as saved now (after another program changed it)."""
        self._organisation = self.document.workspace.organisation(self.document.organisation_id)
        self._show_profile(self._organisation)

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
        self.allowance.show_scenario(scenario, self._organisation.registered_charity)
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
        self.document.apply(
            dataclasses.replace(scenario, name=name), edit_names.Edit(edit_names.RENAME_SCENARIO)
        )

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
            edit_names.Edit(edit_names.CHANGE_PERIOD),
        )

    def _on_tax_year_activated(self, _index: int) -> None:
        year = self.tax_year_combo.currentData()
        self.document.apply(
            dataclasses.replace(self.document.scenario, tax_year=year),
            edit_names.Edit(edit_names.CHANGE_TAX_YEAR),
        )


class _ProfileEdit(QUndoCommand):
    """A change to the organisation's profile, so Ctrl+Z puts the old details back (saved)."""

    def __init__(self, page: OrganisationPage, old: Organisation, new: Organisation):
        edit = edit_names.Edit(edit_names.CHANGE_PROFILE)
        super().__init__(edit.replace("&", "&&"))
        self.edit = edit  # the Undo and Redo entries read their sentences from it
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
