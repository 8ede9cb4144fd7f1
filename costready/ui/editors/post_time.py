"""A staff post's time: its split over services and pools, and the time not charged."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from costready.costing.model import NON_CHARGEABLE_KINDS, POOL_PREFIX, Scenario, StaffPost
from costready.costing.pay import holiday_share, holiday_weeks, travel_minutes, travel_share
from costready.costing.rules import statutory_holiday_weeks
from costready.i18n import _
from costready.money import format_money, format_number, format_percent
from costready.ui.editors.common import DecimalSpinBox, PercentSpinBox
from costready.ui.editors.shares import SharesEditor, share_problem, strict_percent_box
from costready.ui.widgets import FieldError, ok_cancel, plain_label

ZERO = Decimal(0)


def time_keys(scenario: Scenario) -> list[tuple[str, str]]:
    """(time key, label) for every service and every overhead pool, in the scenario's order."""
    keys = [(service.id, service.name) for service in scenario.services]
    keys += [
        (POOL_PREFIX + pool.id, _("Overhead: {pool}").format(pool=pool.label))
        for pool in scenario.pools
    ]
    return keys


class PostTimeDialog(QDialog):
    """Edit a post's time split (must add up to 100%) and its non-chargeable time."""

    def __init__(self, post: StaffPost, scenario: Scenario, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Time of {post}").format(post=post.role))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = plain_label(
            _(
                "Split this post's paid time between the services it works on and overhead "
                "work such as management. The shares must add up to 100%."
            )
        )
        layout.addWidget(intro)
        keys = time_keys(scenario)
        # keep time given to keys that no longer exist visible, so it can be set to zero
        keys += [(key, key) for key in post.time if key not in dict(keys)]
        self.time_editor = SharesEditor(
            _("How paid time is split (shares of paid hours)"), keys, post.time
        )
        layout.addWidget(self.time_editor)
        self.actual_pay = plain_label(_actual_pay(post), name=_("Actual yearly pay"))
        layout.addWidget(self.actual_pay)
        layout.addWidget(self._non_chargeable_box(post))
        self.buttons = ok_cancel(self)
        layout.addWidget(self.buttons)
        self.time_editor.on_change(self._update_ok)
        self._update_ok()

    def _non_chargeable_box(self, post: StaffPost) -> QGroupBox:
        box = QGroupBox(_("Time that cannot be charged"))
        outer = QVBoxLayout(box)
        what = plain_label(
            _(
                "Paid time nobody can be billed for. Holiday is in weeks a year, bank holidays "
                "included; the rest is a share of paid hours."
            )
        )
        outer.addWidget(what)
        form = QFormLayout()
        outer.addLayout(form)
        self._holiday_shown = holiday_weeks(post.non_chargeable.get("holiday", ZERO))
        self._holiday_share = post.non_chargeable.get("holiday", ZERO)
        self.holiday_weeks = DecimalSpinBox(Decimal(52), 2, _(" weeks"))
        self.holiday_weeks.set_decimal(self._holiday_shown)
        self.holiday_weeks.setAccessibleName(_("Holiday in weeks"))
        self.holiday_weeks.valueChanged.connect(self._update_non_chargeable_total)
        row = QHBoxLayout()
        row.addWidget(self.holiday_weeks)
        weeks = format_number(statutory_holiday_weeks())
        statutory = QPushButton(_("Statutory {weeks} weeks").format(weeks=weeks))
        statutory.setAccessibleName(_("Use the statutory {weeks} weeks").format(weeks=weeks))
        statutory.clicked.connect(lambda: self.holiday_weeks.set_decimal(Decimal("5.6")))
        row.addWidget(statutory)
        form.addRow(_("Holiday, bank holidays included"), row)
        self.kind_spins: dict[str, PercentSpinBox] = {}
        for kind, label in NON_CHARGEABLE_KINDS.items():
            if kind == "holiday":
                continue
            spin = strict_percent_box(PercentSpinBox())
            spin.set_share(post.non_chargeable.get(kind, ZERO))
            spin.setAccessibleName(_(label))
            spin.valueChanged.connect(self._update_non_chargeable_total)
            shown = _("{kind}, share of paid hours").format(kind=_(label))
            form.addRow(shown, spin)
            if kind == "travel":  # the same time as minutes, on its own line so neither is cut
                form.addRow(_("…or travel, minutes per contact hour"), self._travel_row(spin))
            self.kind_spins[kind] = spin
        self.non_chargeable_label = QLabel()
        self.non_chargeable_label.setTextFormat(Qt.TextFormat.PlainText)
        self.non_chargeable_label.setAccessibleName(_("Non-chargeable total"))
        form.addRow(self.non_chargeable_label)
        self.non_chargeable_error = FieldError()
        form.addRow(self.non_chargeable_error)
        self._update_non_chargeable_total()
        return box

    def _travel_row(self, spin: PercentSpinBox) -> DecimalSpinBox:
        """Travel as a share of paid hours, or as minutes per contact hour (how providers and
        councils' fair-cost-of-care returns count it); either one sets the other."""
        self.travel_minutes = DecimalSpinBox(Decimal(600), 2, _(" minutes"))
        self.travel_minutes.setAccessibleName(_("Travel in minutes per contact hour"))
        self.travel_minutes.setToolTip(
            _("m minutes per contact hour is m ÷ (60 + m) of paid hours: 15 minutes is 20%")
        )
        self.travel_minutes.set_decimal(travel_minutes(spin.share()))
        self.travel_minutes.valueChanged.connect(self._on_travel_minutes_changed)
        spin.valueChanged.connect(self._on_travel_share_changed)
        return self.travel_minutes

    def _on_travel_minutes_changed(self, _value: float) -> None:
        spin = self.kind_spins["travel"]
        spin.blockSignals(True)
        spin.set_share(travel_share(self.travel_minutes.decimal_value()))
        spin.blockSignals(False)
        self._update_non_chargeable_total()

    def _on_travel_share_changed(self, _value: float) -> None:
        self.travel_minutes.blockSignals(True)
        self.travel_minutes.set_decimal(travel_minutes(self.kind_spins["travel"].share()))
        self.travel_minutes.blockSignals(False)

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def time(self) -> dict[str, Decimal]:
        return self.time_editor.shares()

    def non_chargeable(self) -> dict[str, Decimal]:
        """Shares of paid hours per kind (zero kinds left out); holiday from weeks."""
        weeks = self.holiday_weeks.decimal_value()
        # an unchanged figure keeps its exact stored share (weeks are shown to 2 places only)
        holiday = self._holiday_share if weeks == self._holiday_shown else holiday_share(weeks)
        values = {"holiday": holiday}
        values |= {kind: spin.share() for kind, spin in self.kind_spins.items()}
        return {kind: value for kind, value in values.items() if value}

    def non_chargeable_problem(self) -> str:
        """The first kind of time typed over 100%, in words naming it ("" when none)."""
        found = (
            share_problem(spin, _(NON_CHARGEABLE_KINDS[kind]))
            for kind, spin in self.kind_spins.items()
        )
        return next((message for message in found if message), "")

    def _update_non_chargeable_total(self) -> None:
        problem = self.non_chargeable_problem()
        if problem:
            self.non_chargeable_error.show_error(problem)
        else:
            self.non_chargeable_error.clear_error()
        total = sum(self.non_chargeable().values(), ZERO)
        self.non_chargeable_label.setText(
            _("Not chargeable in all: {total} of paid hours").format(total=format_percent(total))
        )
        if hasattr(self, "buttons"):
            self._update_ok()

    def _update_ok(self) -> None:
        total = sum(self.non_chargeable().values(), ZERO)
        fits = not self.non_chargeable_problem()
        self.ok_button.setEnabled(self.time_editor.is_complete() and total < 1 and fits)


def _actual_pay(post: StaffPost) -> str:
    """What one person is actually paid a year: a salary is the full-time salary × FTE."""
    if post.is_hourly:
        return _("Paid by the hour: {rate} an hour.").format(
            rate=format_money(post.hourly_rate or Decimal(0))
        )
    salary = post.annual_salary or Decimal(0)
    return _(
        "Actual yearly pay of one person: {amount} (full-time salary {salary} × FTE {fte})."
    ).format(
        amount=format_money(salary * post.fte),
        salary=format_money(salary),
        fte=format_number(post.fte),
    )
