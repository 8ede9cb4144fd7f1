"""Copy the open scenario to next year with an inflation uplift on the lines chosen."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from costready.costing.model import Scenario
from costready.costing.scenarios import copy_scenario, next_year_name
from costready.i18n import _
from costready.money import MoneyError, format_money, parse_percent
from costready.ui.widgets import FieldError, ok_cancel, plain_label


def parse_uplift(text: str) -> Decimal:
    """ "3.5" or "3.5%" -> Decimal("0.035"); blank means no uplift."""
    if not text.strip():
        return Decimal(0)
    share = parse_percent(text, _("Uplift"))
    if not -1 <= share <= 1:
        raise MoneyError(_("Uplift: type a percentage between -100 and 100"))
    return share


class CopyScenarioDialog(QDialog):
    """Name, uplift and lines; on accept `result_scenario` holds the copy (not yet stored)."""

    def __init__(self, scenario: Scenario, parent: QWidget | None = None):
        super().__init__(parent)
        self.scenario = scenario
        self.result_scenario: Scenario | None = None
        self.setWindowTitle(_("Copy scenario"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        intro = plain_label(
            _(
                "Make a copy of “{name}” for the following year. Pay and costs you tick "
                "go up by the uplift; everything else is copied as it is."
            ).format(name=scenario.name)
        )
        layout.addWidget(intro)

        form = QFormLayout()
        self.name_edit = QLineEdit(next_year_name(scenario))
        self.name_edit.setAccessibleName(_("Name of the copy"))
        form.addRow(_("&Name:"), self.name_edit)
        self.uplift_edit = QLineEdit("0")
        self.uplift_edit.setAccessibleName(_("Inflation uplift, per cent"))
        self.uplift_edit.setPlaceholderText(_("such as 3.5"))
        form.addRow(_("Inflation &uplift (%):"), self.uplift_edit)
        self.error = FieldError()
        form.addRow("", self.error)
        layout.addLayout(form)

        lines_label = QLabel(_("Apply the uplift &to:"))
        lines_label.setTextFormat(Qt.TextFormat.PlainText)
        self.lines = QListWidget()
        self.lines.setAccessibleName(_("Lines the uplift applies to"))
        lines_label.setBuddy(self.lines)
        for post in scenario.staff:
            self._add_line(post.id, _("Staff pay: {role}").format(role=post.role))
        for line in scenario.costs:
            self._add_line(
                line.id,
                _("{name} ({amount} a year)").format(
                    name=line.name, amount=format_money(line.annual_amount)
                ),
            )
        layout.addWidget(lines_label)
        layout.addWidget(self.lines, 1)

        buttons = ok_cancel(self, _("Create copy"))
        layout.addWidget(buttons)

    def _add_line(self, line_id: str, text: str) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, line_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        self.lines.addItem(item)

    def chosen_line_ids(self) -> set[str]:
        return {
            self.lines.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.lines.count())
            if self.lines.item(row).checkState() == Qt.CheckState.Checked
        }

    def accept(self) -> None:
        name = self.name_edit.text().strip()
        if not name:
            self.error.show_error(_("Name: enter a name for the copy, such as “Budget 2027-28”"))
            self.name_edit.setFocus()
            return
        try:
            uplift = parse_uplift(self.uplift_edit.text())
        except ValueError as problem:
            self.error.show_error(str(problem))
            self.uplift_edit.setFocus()
            return
        self.error.clear_error()
        self.result_scenario = copy_scenario(self.scenario, name, uplift, self.chosen_line_ids())
        super().accept()
