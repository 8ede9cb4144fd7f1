"""Adopt a scenario's prices: when they take effect, who approved them and when."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from costready.costing.results import ServiceResult
from costready.i18n import _
from costready.storage.api import PriceList
from costready.ui.widgets import FieldError, money_text

DATE_FORMAT = "dd/MM/yyyy"


@dataclass(frozen=True)
class Adoption:
    """What the dialog collected: the price list's dates, approval and note."""

    effective_from: date
    approved_by: str
    approved_on: date
    note: str


class AdoptionRefused(Exception):
    """The workspace refused the adoption; `problems` maps a field ("approved_by"...) to words."""

    def __init__(self, problems: dict[str, str]):
        self.problems = problems
        super().__init__("; ".join(problems.values()))


def first_of_next_month(today: date) -> date:
    return (today.replace(day=28) + timedelta(days=4)).replace(day=1)


def _date_edit(value: date, name: str) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setAccessibleName(name)
    return edit


class AdoptDialog(QDialog):
    """Collects an Adoption and hands it to `publish`; errors stay in the dialog by their field."""

    def __init__(
        self,
        scenario_name: str,
        services: tuple[ServiceResult, ...],
        publish: Callable[[Adoption], PriceList],
        today: date | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        today = today or date.today()
        self._publish = publish
        self.price_list: PriceList | None = None
        self.setWindowTitle(_("Adopt these prices"))
        self.setModal(True)

        intro = QLabel(
            _(
                "Adopting publishes the prices of “{scenario}” as the price list in force from "
                "the date below. Earlier price lists are kept."
            ).format(scenario=scenario_name)
        )
        intro.setWordWrap(True)
        prices = QLabel(
            "\n".join(
                _("{service}: {price} per {unit}").format(
                    service=s.name, price=money_text(s.price), unit=s.unit
                )
                for s in services
            )
        )
        prices.setAccessibleName(_("Prices to adopt"))

        self.effective_from = _date_edit(first_of_next_month(today), _("Effective from"))
        self.approved_by = QLineEdit()
        self.approved_by.setPlaceholderText(_("e.g. Trustees' meeting"))
        self.approved_by.setAccessibleName(_("Approved by"))
        self.approved_by_error = FieldError()
        self.approved_on = _date_edit(today, _("Approved on"))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(_("Note"))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 4)
        self.general_error = FieldError()

        form = QFormLayout()
        form.addRow(_("&Effective from:"), self.effective_from)
        form.addRow(_("Approved &by:"), self.approved_by)
        form.addRow("", self.approved_by_error)
        form.addRow(_("Approved &on:"), self.approved_on)
        form.addRow(_("&Note:"), self.note)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Adopt prices"))
        ok.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.approved_by.textChanged.connect(self.approved_by_error.clear_error)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(prices)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.approved_by.setFocus()

    def values(self) -> Adoption:
        return Adoption(
            effective_from=self.effective_from.date().toPython(),
            approved_by=self.approved_by.text().strip(),
            approved_on=self.approved_on.date().toPython(),
            note=self.note.toPlainText().strip(),
        )

    def accept(self) -> None:
        """Publish, or keep the dialog open with the reason shown by its field."""
        values = self.values()
        if not values.approved_by:
            self.approved_by_error.show_error(
                _("Approved by: say who approved these prices, e.g. “Trustees' meeting”")
            )
            self.approved_by.setFocus()
            return
        try:
            self.price_list = self._publish(values)
        except AdoptionRefused as refused:
            problems = dict(refused.problems)
            if "approved_by" in problems:
                self.approved_by_error.show_error(problems.pop("approved_by"))
            if problems:
                self.general_error.show_error("\n".join(problems.values()))
            return
        super().accept()
