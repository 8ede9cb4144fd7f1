"""Adopt a scenario's prices: when they take effect, who approved them and when."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
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

from costready.costing.price_lists import PriceList
from costready.costing.results import CostingError, ServiceResult
from costready.i18n import _
from costready.ui.prices.price_lists import uk_date as format_date
from costready.ui.widgets import FieldError, money_text, plain_label

if TYPE_CHECKING:
    from costready.ui.document import ScenarioDocument

DATE_FORMAT = "dd/MM/yyyy"


@dataclass(frozen=True)
class Adoption:
    """What the dialog collected: the price list's dates, approval and note."""

    effective_from: date
    approved_by: str
    approved_on: date
    note: str
    despite_warnings: bool = False  # the person saw the prices' warnings and went ahead


class AdoptionRefused(Exception):
    """The workspace refused the adoption; `problems` maps a field ("approved_by"...) to words."""

    def __init__(self, problems: dict[str, str]):
        self.problems = problems
        super().__init__("; ".join(problems.values()))


@dataclass(frozen=True)
class AdoptionState:
    """Whether the open scenario is the adopted one, and whether its prices still match the
    price list it published (they do not after an edit that changes a price)."""

    adopted: bool
    changed: bool
    price_list: PriceList | None


def adoption_state(document: ScenarioDocument) -> AdoptionState:
    """The open scenario's adoption, compared by the domain's rule
    (`costready.costing.price_lists.Publication.changed_since_adoption`)."""
    workspace, org_id = document.workspace, document.organisation_id
    adopted = any(s.adopted and s.id == document.scenario_id for s in workspace.scenarios(org_id))
    if not adopted or document.result is None:
        # unadopted: nothing to compare; unpriced: the problems banner says why already
        return AdoptionState(adopted, False, None)
    from costready.app.adoption import publication

    try:
        published = publication(workspace, org_id, document.scenario_id)
    except CostingError:
        return AdoptionState(adopted, False, None)
    return AdoptionState(adopted, published.changed_since_adoption, published.price_list)


def first_of_next_month(today: date) -> date:
    return (today.replace(day=28) + timedelta(days=4)).replace(day=1)


def default_effective_from(today: date, period: tuple[date, date] | None) -> date:
    """When adopted prices take effect unless the person says otherwise: the scenario's start
    when that is still to come (a budget for next year), else today; without a period, the
    first of next month."""
    if period is None:
        return first_of_next_month(today)
    return max(period[0], today)


def outside_period(effective: date, period: tuple[date, date] | None) -> bool:
    """Whether `effective` falls outside the scenario's period (start and end included)."""
    return period is not None and not period[0] <= effective <= period[1]


def _date_edit(value: date, name: str) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setAccessibleName(name)
    return edit


def _date_of(edit: QDateEdit) -> date:
    """The date shown in `edit` (read field by field: PySide6 types QDate.toPython() as object)."""
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())


class AdoptDialog(QDialog):
    """Collects an Adoption and hands it to `publish`; errors stay in the dialog by their field."""

    def __init__(
        self,
        scenario_name: str,
        services: tuple[ServiceResult, ...],
        publish: Callable[[Adoption], PriceList],
        today: date | None = None,
        parent: QWidget | None = None,
        warnings: Sequence[str] = (),
        period: tuple[date, date] | None = None,
    ):
        super().__init__(parent)
        today = today or date.today()
        self._publish = publish
        self.period = period
        self.price_list: PriceList | None = None
        self.setWindowTitle(_("Adopt these prices"))
        self.setModal(True)
        self.setMinimumWidth(480)  # room for a message under a field on one or two lines

        intro = plain_label(
            _(
                "Adopting publishes the prices of “{scenario}” as the price list in force from "
                "the date below. Earlier price lists are kept."
            ).format(scenario=scenario_name)
        )
        prices = QLabel(
            "\n".join(
                _("{service}: {price} per {unit}").format(
                    service=s.name, price=money_text(s.price), unit=s.unit
                )
                for s in services
            )
        )
        prices.setAccessibleName(_("Prices to adopt"))
        prices.setTextFormat(Qt.TextFormat.PlainText)

        self.effective_from = _date_edit(default_effective_from(today, period), _("Effective from"))
        self.date_confirm = QCheckBox()
        self.date_confirm.setAccessibleName(_("Adopt from a date outside the scenario's period"))
        self.date_error = FieldError()
        self.effective_from.dateChanged.connect(self._on_effective_from_date_changed)
        self.date_confirm.toggled.connect(self._on_date_confirm_toggled)
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
        self.warnings = list(warnings)
        self.confirm = QCheckBox(
            _("I have checked these warnings and adopt the prices all the same")
        )
        self.confirm.setAccessibleName(_("Adopt despite the warnings"))
        self.confirm_error = FieldError()
        self.confirm.toggled.connect(self._on_confirm_toggled)

        form = QFormLayout()
        form.addRow(_("&Effective from:"), self.effective_from)
        form.addRow("", self.date_confirm)
        form.addRow("", self.date_error)
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
        self.approved_by.textChanged.connect(self._on_approved_by_text_changed)

        self._layout = QVBoxLayout(self)
        self._layout.addWidget(intro)
        self._layout.addWidget(prices)
        if self.warnings:
            self._layout.addWidget(self._warnings_banner())
            self._layout.addWidget(self.confirm)
            self._layout.addWidget(self.confirm_error)
        else:
            self.confirm.hide()
        self._layout.addLayout(form)
        self._layout.addWidget(self.general_error)
        self._layout.addWidget(self.buttons)
        self._update_date_confirm()
        self.approved_by.setFocus()

    def _period_text(self) -> str:
        start, end = self.period or (date.min, date.max)
        return _("{start} to {end}").format(start=format_date(start), end=format_date(end))

    def _update_date_confirm(self) -> None:
        """Ask for a tick when the date falls outside the scenario's period, naming the period."""
        outside = outside_period(_date_of(self.effective_from), self.period)
        self.date_confirm.setText(
            _(
                "The date is outside the scenario's period ({period}): adopt from it all the same"
            ).format(period=self._period_text())
        )
        self.date_confirm.setVisible(outside)
        if not outside:
            self.date_confirm.setChecked(False)
            self.date_error.clear_error()

    def _on_effective_from_date_changed(self, _date: QDate) -> None:
        self._update_date_confirm()
        self._fit()

    def _on_date_confirm_toggled(self, _checked: bool) -> None:
        if self.date_error.has_error:
            self.date_error.clear_error()
            self._fit()

    def _warnings_banner(self) -> QWidget:
        from costready.ui.warning_banner import WarningBanner

        banner = WarningBanner(_("These prices carry warnings:"))
        banner.show_warnings(self.warnings)
        return banner

    def _on_confirm_toggled(self, _checked: bool) -> None:
        if self.confirm_error.has_error:
            self.confirm_error.clear_error()
            self._fit()

    def _on_approved_by_text_changed(self, _text: str) -> None:
        if self.approved_by_error.has_error:
            self.approved_by_error.clear_error()
            self._fit()

    def _fit(self) -> None:
        """Grow (or shrink) to the messages shown: a dialog's minimum size ignores wrapped
        lines, so without this a message is cut off and the buttons cover the note."""
        self._layout.activate()
        height = self._layout.heightForWidth(self.width())
        if height > 0:
            self.resize(self.width(), max(height, self.minimumSizeHint().height()))
        else:
            self.adjustSize()

    def values(self) -> Adoption:
        return Adoption(
            effective_from=_date_of(self.effective_from),
            approved_by=self.approved_by.text().strip(),
            approved_on=_date_of(self.approved_on),
            note=self.note.toPlainText().strip(),
            despite_warnings=bool(self.warnings) and self.confirm.isChecked(),
        )

    def accept(self) -> None:
        """Publish, or keep the dialog open with the reason shown by its field."""
        values = self.values()
        if not values.approved_by:
            self.approved_by_error.show_error(
                _("Approved by: say who approved these prices, e.g. “Trustees' meeting”")
            )
            self.approved_by.setFocus()
            self._fit()
            return
        if outside_period(values.effective_from, self.period) and not self.date_confirm.isChecked():
            self.date_error.show_error(
                _(
                    "Effective from: {date} is outside the scenario's period ({period}); tick "
                    "the box to adopt from it all the same, or change the date"
                ).format(date=format_date(values.effective_from), period=self._period_text())
            )
            self.date_confirm.setFocus()
            self._fit()
            return
        if self.warnings and not values.despite_warnings:
            self.confirm_error.show_error(
                _("Tick the box to confirm you have checked the warnings, or Cancel to fix them")
            )
            self.confirm.setFocus()
            self._fit()
            return
        try:
            self.price_list = self._publish(values)
        except AdoptionRefused as refused:
            problems = dict(refused.problems)
            if "approved_by" in problems:
                self.approved_by_error.show_error(problems.pop("approved_by"))
            if "warnings" in problems:
                self.confirm_error.show_error(problems.pop("warnings"))
            if problems:
                self.general_error.show_error("\n".join(problems.values()))
            self._fit()
            return
        super().accept()
