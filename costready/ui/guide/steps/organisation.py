"""Step 1: the organisation's profile, in the Organisation page's own form."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from costready.app.guide import Step
from costready.costing import scenarios
from costready.i18n import _
from costready.organisation import Organisation
from costready.problems import Problem
from costready.ui.document import ScenarioDocument
from costready.ui.editors.profile import ProfileForm
from costready.ui.guide.steps.base import GuideStep, hide_header, hint
from costready.ui.pages.organisation import OrganisationPage


class OrganisationStep(GuideStep):
    """A new organisation's profile form; once it is saved, the Organisation page itself."""

    def __init__(self, step: Step, parent: QWidget | None = None, today: date | None = None):
        super().__init__(step, parent)
        self._today = today or date.today()
        self.page: OrganisationPage | None = None
        # before the organisation is saved there is no scenario: only its profile can be shown
        self.form: ProfileForm | None = ProfileForm()
        self.form.setMaximumWidth(760)
        self.period = hint()
        self.vat_hint = hint(
            _(
                "Care and support are exempt from VAT when a charity, a public body or a "
                "CQC-registered provider supplies them, and exempt income does not count "
                "towards the VAT registration threshold, so many small charities need not "
                "register. Welfare advice or information from a charity is charged at the "
                "reduced rate (5%) once registered; other providers charge the standard rate."
            )
        )
        at = self.body.indexOf(self.problems)
        for offset, widget in enumerate((self.form, self.period, self.vat_hint)):
            self.body.insertWidget(at + offset, widget)
        self.body.addStretch(1)  # the form keeps its height; the page (later) takes the rest
        self.form.year_start_edit.dateChanged.connect(self._show_period)
        self._show_period()

    def attach(self, document: ScenarioDocument) -> None:
        """Show the Organisation page over the saved organisation and its scenario."""
        super().attach(document)
        if self.form is not None:
            for widget in (self.form, self.period):
                self.body.removeWidget(widget)
                widget.deleteLater()
            self.form = None
            self.body.takeAt(self.body.count() - 1)  # the stretch under the form
        self.page = OrganisationPage(document)
        hide_header(self.page)
        self.body.insertWidget(self.body.indexOf(self.vat_hint), self.page, 1)

    def new_organisation(self) -> Organisation | None:
        """The profile typed for a new organisation, ready to save; None (with each problem
        shown by its field) while it has problems."""
        return self.form.checked() if self.form is not None else None

    def typed_organisation(self) -> Organisation | None:
        """The new organisation's profile as typed, problems and all (None once saved)."""
        return self.form.profile() if self.form is not None else None

    def commit(self) -> bool:
        super().commit()
        if self.page is not None:
            return self.page.save_profile()
        return self.new_organisation() is not None

    def show_problems(self, problems: list[Problem]) -> None:
        # a profile's problems (bare field paths) are shown under their fields already
        super().show_problems([p for p in problems if p.path.startswith("$")])

    def first_input(self) -> QWidget | None:
        if self.page is not None:
            return self.page.name_edit
        return self.form.name_edit if self.form is not None else None

    def _show_period(self) -> None:
        if self.form is None:
            return
        start = self.form.year_start_edit.date()
        begins, ends = scenarios.financial_year(date(2000, start.month(), start.day()), self._today)
        self.period.setText(
            _(
                "Your prices will be worked out as “{name}”, {start} to {end}, with the {year} tax "
                "year's rates."
            ).format(
                name=scenarios.scenario_name(begins, ends),
                start=begins.strftime("%d/%m/%Y"),
                end=ends.strftime("%d/%m/%Y"),
                year=scenarios.tax_year_for_period(begins, ends),
            )
        )
