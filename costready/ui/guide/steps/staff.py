"""Step 3: staff posts and their time, in the Staff page's own table."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from costready.app.guide import Step
from costready.costing.model import Scenario
from costready.costing.rules import (
    UnknownTaxYear,
    default_sickness_share,
    rules_for,
    statutory_holiday_weeks,
)
from costready.i18n import _
from costready.money import format_number, format_percent
from costready.ui.document import ScenarioDocument
from costready.ui.editors.allowance import AllowanceQuestions
from costready.ui.guide.steps.base import TablePageStep, hint
from costready.ui.pages._table_page import TablePage
from costready.ui.pages.staff import StaffPage
from costready.ui.widgets import money_text


class StaffStep(TablePageStep):
    """The posts, their pay and time; and whether the organisation claims the Employment
    Allowance (the scenario's own setting, also on the Organisation page)."""

    page_class = StaffPage

    def __init__(self, step: Step, parent: QWidget | None = None):
        super().__init__(step, parent)
        self.questions = AllowanceQuestions(_("We claim the &Employment Allowance"))
        self.allowance = self.questions.claim
        self.allowance_hint = hint(
            _(
                "The Employment Allowance lowers the employer National Insurance your prices "
                "must cover; it is claimed through payroll. Not every employer can claim it: an "
                "organisation whose work is mainly for public bodies under contract (such as "
                "NHS services or council contracts) cannot, unless it is a charity, and nor can "
                "a company whose only paid employee is a director. Answer “Not sure” if you do "
                "not know: it is then not claimed, and the check to make is shown."
            )
        )
        self.questions.changed.connect(self._on_questions_changed)

    def make_page(self, document: ScenarioDocument) -> TablePage:
        page = StaffPage(document)
        self.time_hint = hint(
            _(
                "Holiday, sickness, training and travel are paid but cannot be charged "
                "for: statutory holiday is {weeks} weeks a year, and {sickness} of paid "
                "hours is allowed for sickness unless you know your own rate. Time on "
                "management and administration is shared across all services as an overhead."
            ).format(
                weeks=format_number(statutory_holiday_weeks()),
                sickness=format_percent(default_sickness_share()),
            )
        )
        page.extra_area.addWidget(self.time_hint)
        page.extra_area.addWidget(self.questions)
        page.extra_area.addWidget(self.allowance_hint)
        document.changed.connect(self._show_allowance)
        self._show_allowance()
        return page

    def _show_allowance(self) -> None:
        if self.document is None:
            return
        scenario = self.document.scenario
        try:
            amount = money_text(rules_for(scenario.tax_year).employment_allowance)
            text = _(
                "We claim the &Employment Allowance (up to {amount} a year off employer NI)"
            ).format(amount=amount)
        except UnknownTaxYear:
            text = _("We claim the &Employment Allowance")
        self.allowance.setText(text)
        org = self.document.workspace.organisation(self.document.organisation_id)
        self.questions.show_scenario(scenario, org.registered_charity)

    def _on_questions_changed(self, scenario: Scenario, description: str) -> None:
        if self.document is not None:
            self.document.apply(scenario, description)
