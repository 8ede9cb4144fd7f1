"""Step 4: running costs, in the Costs page's own tables, with the costs most have a click away."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QPersistentModelIndex, QTimer
from PySide6.QtWidgets import QBoxLayout, QMenu, QToolButton, QWidget

from costready.costing.guide import suggested_costs
from costready.costing.model import Basis, CostLine
from costready.i18n import _
from costready.ui import edit_names
from costready.ui.document import ScenarioDocument
from costready.ui.guide.steps.base import TablePageStep, hint
from costready.ui.pages._table_page import TablePage
from costready.ui.pages.costs import CostsPage


class CostsStep(TablePageStep):
    """Cost lines and how each is charged; the sharing bases (floor area) and pools."""

    page_class = CostsPage

    def make_page(self, document: ScenarioDocument) -> TablePage:
        page = CostsPage(document)
        self.common_button = QToolButton()
        self.common_button.setText(_("Add a common cost"))
        self.common_button.setAccessibleName(_("Add a common cost"))
        self.common_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.common_menu = QMenu(self.common_button)
        self.common_menu.aboutToShow.connect(self._fill_common_menu)
        self.common_button.setMenu(self.common_menu)
        row = _row_holding(page.table_area, page.buttons["add"])
        if row is not None:
            row.insertWidget(row.indexOf(page.buttons["add"]) + 1, self.common_button)
        page.extra_area.addWidget(
            hint(
                _(
                    "Staff time shares a cost by the hours staff spend on each service; floor "
                    "area by the space each uses (give it under “Sharing bases”); an overhead "
                    "pool adds it to management and administration. Enter costs including any "
                    "VAT you cannot reclaim."
                )
            )
        )
        return page

    def common_costs(self) -> tuple[CostLine, ...]:
        """The common costs this scenario can take (a pool's cost only if it has the pool)."""
        if self.document is None:
            return ()
        scenario = self.document.scenario
        pools = {pool.id for pool in scenario.pools}
        lines = suggested_costs(line.id for line in scenario.costs)
        return tuple(line for line in lines if line.pool is None or line.pool in pools)

    def add_common(self, line: CostLine) -> None:
        """Add a common cost (amount zero) and leave the cursor where its amount goes."""
        page = self.page
        if self.document is None or not isinstance(page, CostsPage):
            return
        scenario = self.document.scenario
        new = dataclasses.replace(scenario, costs=(*scenario.costs, line))
        if not page.apply(new, edit_names.Edit(edit_names.ADD_COST, name=line.name)):
            return
        page.tabs.setCurrentIndex(0)
        row = len(new.costs) - 1
        page.select_row(row)
        if line.basis is Basis.FLOOR_AREA:
            status = _(
                "Added {name}, shared by floor area. Type its amount a year, and each service's "
                "floor area under “Sharing bases”."
            )
        else:
            status = _("Added {name}. Type its amount a year.")
        page.show_status(status.format(name=line.name))
        amount = QPersistentModelIndex(page.model.index_of(row, "amount"))
        page.view.setCurrentIndex(page.model.index_of(row, "amount"))
        # once the menu has closed (it gives the focus back to its button as it goes): the
        # amount's editor open, so the next keys typed are the amount
        QTimer.singleShot(0, page, lambda: self._edit_amount(page, amount))

    @staticmethod
    def _edit_amount(page: CostsPage, amount: QPersistentModelIndex) -> None:
        if not amount.isValid():
            return
        index = page.model.index(amount.row(), amount.column())
        page.view.setFocus()
        page.view.setCurrentIndex(index)
        page.view.edit(index)

    def _fill_common_menu(self) -> None:
        self.common_menu.clear()
        taken = {line.name for line in self.document.scenario.costs} if self.document else set()
        for line in self.common_costs():
            action = self.common_menu.addAction(line.name)
            action.setEnabled(line.name not in taken)  # one rent line is enough
            action.triggered.connect(lambda _checked=False, chosen=line: self.add_common(chosen))


def _row_holding(area: QWidget, button: QWidget) -> QBoxLayout | None:
    """The row of buttons `button` sits in, in `area`'s layout."""
    layout = area.layout()
    if layout is None:
        return None
    for position in range(layout.count()):
        item = layout.itemAt(position)
        row = item.layout() if item is not None else None
        if isinstance(row, QBoxLayout) and row.indexOf(button) >= 0:
            return row
    return None
