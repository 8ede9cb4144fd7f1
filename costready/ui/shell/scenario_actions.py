"""The Scenario menu: copy a scenario, compare two, adopt the prices."""

from __future__ import annotations

from typing import TYPE_CHECKING

from costready.i18n import _
from costready.ui.shell.actions import ActionGroup

if TYPE_CHECKING:
    from costready.ui.main_window import MainWindow


class ScenarioActions(ActionGroup):
    """Copy, compare, adopt."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.title = _("&Scenario")
        self.copy = self.add(_("&Copy scenario…"), self.copy_scenario, "copy")
        self.compare = self.add(_("Co&mpare scenarios…"), self.compare_scenarios, "compare")
        self.adopt = self.add(_("&Adopt prices…"), self.adopt_prices, "check")
        self.separator()
        # asked and done by the Organisation menu's group, which deletes organisations alike
        self.rename = self.add(
            _("&Rename scenario…"), lambda: window.organisation_actions.rename_scenario(), "edit"
        )
        self.delete = self.add(
            _("&Delete scenario…"), lambda: window.organisation_actions.delete_scenario(), "remove"
        )

    def copy_scenario(self) -> None:
        """Copy the scenario (to next year, with an uplift) and switch to the copy."""
        workspace, document = self.window.workspace, self.window.document
        if workspace is None or document is None:
            return
        from costready.app.scenarios import copy_scenario
        from costready.ui.dialogs.copy_scenario import CopyScenarioDialog

        dialog = CopyScenarioDialog(document.scenario, self.window)
        if not dialog.exec() or dialog.result_scenario is None:
            return
        copied = copy_scenario(workspace, document.organisation_id, dialog.result_scenario)
        self.window.switch_scenario(copied.scenario_id)
        message = _("Created {name}; you are now working on it.").format(name=copied.name)
        if copied.missing_tax_year is not None:
            message += " " + _(
                "The rules file has no figures for tax year {wanted} yet, so it uses {used}'s; "
                "an update of CostReady brings the new ones."
            ).format(wanted=copied.missing_tax_year, used=copied.tax_year)
        self.window.show_status(message, 12000)

    def compare_scenarios(self) -> None:
        workspace, document = self.window.workspace, self.window.document
        if workspace is None or document is None:
            return
        from costready.ui.dialogs.compare import CompareDialog
        from costready.ui.table_export import export_tables

        organisation = self.window.organisation_label.text()
        CompareDialog(
            workspace,
            document.organisation_id,
            document.scenario_id,
            self.window,
            export=lambda table: export_tables(
                self.window.pdf_exporter,
                _("Export the comparison"),
                [organisation, _("Compare scenarios")],
                [table],
            ),
        ).exec()

    def adopt_prices(self) -> None:
        """Go to the Prices page and adopt there (the page says when a list is adopted)."""
        if self.window.document is not None:
            self.window.show_page("prices")
            self.window.prices_page.adopt()
