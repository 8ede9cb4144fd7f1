"""Step 3: staff posts and their time, in the Staff page's own table."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QCheckBox, QWidget

from costready.app.guide import Step
from costready.costing.rules import UnknownTaxYear, rules_for, statutory_holiday_weeks
from costready.i18n import _
from costready.money import format_number
from costready.ui.document import ScenarioDocument
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
        self.allowance = QCheckBox()
        self.allowance.setAccessibleName(_("We claim the Employment Allowance"))
        self.allowance_hint = hint(
            _(
                "Most employers claim it through payroll, and it lowers the employer National "
                "Insurance your prices must cover. You cannot claim it if your only paid employee "
                "is a director; leave it unticked if you do not claim it."
            )
        )
        self.allowance.toggled.connect(self._on_allowance_toggled)

    def make_page(self, document: ScenarioDocument) -> TablePage:
        page = StaffPage(document)
        page.extra_area.addWidget(
            hint(
                _(
                    "Holiday, training and travel are paid but cannot be charged for: statutory "
                    "holiday is {weeks} weeks a year. Time on management and administration is "
                    "shared across all services as an overhead."
                ).format(weeks=format_number(statutory_holiday_weeks()))
            )
        )
        page.extra_area.addWidget(self.allowance)
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
        self.allowance.blockSignals(True)
        self.allowance.setChecked(scenario.claims_employment_allowance)
        self.allowance.blockSignals(False)

    def _on_allowance_toggled(self, checked: bool) -> None:
        if self.document is None:
            return
        self.document.apply(
            dataclasses.replace(self.document.scenario, claims_employment_allowance=checked),
            _("Claim the Employment Allowance")
            if checked
            else _("Stop claiming the Employment Allowance"),
        )
