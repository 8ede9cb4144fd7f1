"""The Staff page: each post's pay, on-costs, time not charged and how its time is split."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from costready.costing.engine import paid_hours
from costready.costing.floors import floor_warnings, post_floor_warning
from costready.costing.model import (
    NON_CHARGEABLE_KINDS,
    POOL_PREFIX,
    EmployerNi,
    NiKind,
    Pension,
    PensionBase,
    Scenario,
    StaffPost,
)
from costready.costing.pay import as_hourly, as_salaried, holiday_share, salary_from_hourly
from costready.costing.plausibility import Doubt, post_doubt
from costready.costing.post_parts import PostParts, post_parts
from costready.costing.rules import (
    AGE_BAND_LABELS,
    AgeBand,
    UnknownTaxYear,
    default_sickness_share,
    full_time_hours,
    rules_for,
    statutory_holiday_weeks,
)
from costready.costing.validate import validate_post
from costready.i18n import N_, _
from costready.money import format_money, format_number, format_percent, format_quantity
from costready.problems import Problem
from costready.ui import edit_names
from costready.ui.editors.common import NewItemDialog
from costready.ui.editors.post_time import PostTimeDialog
from costready.ui.pages._table_page import TablePage
from costready.ui.table_model import Column, ColumnKind
from costready.ui.warning_banner import WarningBanner

ZERO = Decimal(0)
ONE = Decimal(1)

PAY_TYPES = {"salary": N_("Salary"), "hourly": N_("Hourly")}
NI_LABELS = {
    NiKind.AUTO: N_("Worked out"),
    NiKind.RATE: N_("Set %"),
    NiKind.NONE: N_("None"),
}
PENSION_BASE_LABELS = {
    PensionBase.QUALIFYING_EARNINGS: N_("Qualifying earnings"),
    PensionBase.TOTAL_PAY: N_("Total pay"),
}


def shown_hours(post: StaffPost) -> Decimal | None:
    """Paid hours a year per person as the engine counts them; None for an hourly post that
    has none yet (the problem the engine reports)."""
    if post.is_hourly and post.paid_hours_per_person is None:
        return None
    return paid_hours(post)


def time_summary(post: StaffPost, scenario: Scenario) -> str:
    """“Home support 80%, Day activities 15%, Overhead: management 5%” in the time's order."""
    names = {s.id: s.name for s in scenario.services}
    names |= {
        POOL_PREFIX + p.id: _("{pool} (overhead)").format(pool=p.label) for p in scenario.pools
    }
    parts = [f"{names.get(key, key)} {format_percent(share)}" for key, share in post.time.items()]
    return ", ".join(parts) if parts else _("Not split yet — Edit…")


def non_chargeable_summary(post: StaffPost) -> str:
    return ", ".join(
        f"{_(NON_CHARGEABLE_KINDS.get(kind, kind))} {format_percent(share)}"
        for kind, share in post.non_chargeable.items()
    )


def _set_pay_type(post: StaffPost, value: Any) -> StaffPost:
    """Salary <-> hourly at the same pay (the rules in costing.pay); the paid hours a person
    works stay as they were."""
    hours = shown_hours(post) or full_time_hours()
    return as_hourly(post, hours) if value == "hourly" else as_salaried(post, hours)


def _set_pay(post: StaffPost, value: Decimal) -> StaffPost:
    if post.is_hourly:
        return dataclasses.replace(post, hourly_rate=value)
    return dataclasses.replace(post, annual_salary=value)


def _set_hours(post: StaffPost, value: Decimal | None) -> StaffPost:
    default = paid_hours(dataclasses.replace(post, paid_hours_per_person=None))
    if value is not None and not post.is_hourly and value == default:
        value = None  # typing the default keeps it a default (it follows the FTE)
    return dataclasses.replace(post, paid_hours_per_person=value)


class Answer(Enum):
    """What the person said to "did you mean…?"."""

    TYPED = "typed"  # keep what was typed
    ALTERNATIVE = "alternative"  # the plausible alternative the question offered
    CANCEL = "cancel"  # save nothing


def ask_doubt(parent: QWidget, doubt: Doubt) -> Answer:
    """Ask "did you mean…?" in a window-modal box: the alternative (the default, when there is
    one), what was typed, or Cancel (Escape). Tests patch this function at its boundary."""
    box = QMessageBox(QMessageBox.Icon.Question, _("Did you mean…?"), doubt.question, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # names as typed
    box.setAccessibleName(_("Did you mean…?"))
    answers: dict[object, Answer] = {}
    if doubt.alternative is not None:
        label = _("Yes, {alternative}").format(alternative=doubt.alternative_label)
        alternative = box.addButton(label, QMessageBox.ButtonRole.AcceptRole)
        answers[alternative] = Answer.ALTERNATIVE
        box.setDefaultButton(alternative)
        keep = _("No, keep {typed}").format(typed=doubt.typed_label)
    else:
        keep = _("Yes, keep {typed}").format(typed=doubt.typed_label)
    answers[box.addButton(keep, QMessageBox.ButtonRole.AcceptRole)] = Answer.TYPED
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return answers.get(box.clickedButton(), Answer.CANCEL)


def _first_doubt(
    before: tuple[StaffPost, ...], after: tuple[StaffPost, ...]
) -> tuple[int, Doubt] | None:
    """The first edited row whose change is beyond a plausible bound, with its question."""
    if len(before) != len(after):
        return None  # a post added or removed: nothing typed to ask about
    for row, (old, new) in enumerate(zip(before, after, strict=True)):
        doubt = post_doubt(old, new) if old != new else None
        if doubt is not None:
            return row, doubt
    return None


def _set_pension_rate(post: StaffPost, value: Decimal) -> StaffPost:
    base = post.pension.on if post.pension else PensionBase.QUALIFYING_EARNINGS
    return dataclasses.replace(post, pension=Pension(value, base) if value else None)


def _set_pension_base(post: StaffPost, value: Any) -> StaffPost:
    rate = post.pension.rate if post.pension else ZERO
    return dataclasses.replace(post, pension=Pension(rate, PensionBase(value)))


class StaffPage(TablePage):
    """Each staff post: pay, on-costs, time not charged and how its time is split."""

    key = "staff"
    title = N_("Staff")
    subtitle = N_(
        "Each post's pay and on-costs, and how its paid time is split between services and "
        "overheads. Edit… sets the time split and the paid time not charged for (holiday, "
        "sickness, training…)."
    )
    empty_text = N_("No staff posts yet — Add a post")
    add_text = N_("Add a post")

    def rows_of(self, scenario: Scenario) -> tuple[StaffPost, ...]:
        return scenario.staff

    def with_rows(self, scenario: Scenario, rows: tuple[Any, ...]) -> Scenario:
        return dataclasses.replace(scenario, staff=rows)

    def label_of(self, item: Any) -> str:
        return item.role

    def item_problems(self, item: Any, path: str) -> list[Problem]:
        return validate_post(item, path)

    def _commit_rows(self, rows: tuple[Any, ...], description: str) -> bool:
        """Save an edit, unless a figure it changed is beyond its plausible bound: then save
        nothing now, and ask "did you mean…?" once the cell's editor has closed."""
        found = _first_doubt(self.model.rows, rows)
        if found is None:
            return self.apply_rows(rows, description)
        row, doubt = found
        # asked on the next turn of the event loop: a modal box inside the delegate's commit
        # would make it commit again when focus moves to the box
        QTimer.singleShot(0, self, lambda: self._resolve(row, doubt, description))
        return False

    def _resolve(self, row: int, doubt: Doubt, description: str) -> None:
        """Save what the person chose: what they typed, the alternative, or nothing."""
        answer = ask_doubt(self, doubt)
        chosen = {Answer.TYPED: doubt.typed, Answer.ALTERNATIVE: doubt.alternative}.get(answer)
        rows = list(self.model.rows)
        if chosen is None or not 0 <= row < len(rows):
            self.show_status(_("Not saved: {question} Cancelled.").format(question=doubt.question))
            return
        rows[row] = chosen
        if self.apply_rows(tuple(rows), description):
            self.show_status(_("Saved {what}.").format(what=self._chosen_label(doubt, answer)))

    @staticmethod
    def _chosen_label(doubt: Doubt, answer: Answer) -> str:
        return doubt.alternative_label if answer is Answer.ALTERNATIVE else doubt.typed_label

    def place_table(self, layout: QVBoxLayout, table_area: QWidget) -> None:
        """The table, then right under it the posts paid below the legal minimum."""
        super().place_table(layout, table_area)
        self.floor_banner = WarningBanner(
            _("Pay below the legal minimum (a warning: the prices still work out, but check it):")
        )
        self.floor_banner.setAccessibleName(_("Pay below the legal minimum"))
        layout.addWidget(self.floor_banner)

    def refresh_extra(self) -> None:
        scenario = self.document.scenario
        self.floor_banner.show_warnings([w.message for w in floor_warnings(scenario)])

    def _pay_warning(self, post: StaffPost) -> str:
        """The legal-floor warning for the post's pay cell ("" when paid at least the minimum)."""
        warning = post_floor_warning(post, self.document.scenario.tax_year, "$")
        return warning.message if warning is not None else ""

    def _parts(self, post: StaffPost) -> PostParts | None:
        """The post's cost in pounds, part by part, from the engine's result (None until the
        scenario prices): shown as the costing report shows it, never worked out here."""
        result = self.document.result
        if result is None:
            return None
        found = next((p for p in result.posts if p.post_id == post.id), None)
        return post_parts(found) if found else None

    def _annual_cost(self, post: StaffPost) -> Decimal | None:
        parts = self._parts(post)
        return parts.annual_cost if parts else None

    def _part(self, name: str) -> Callable[[StaffPost], Decimal | None]:
        def get(post: StaffPost) -> Decimal | None:
            parts = self._parts(post)
            return getattr(parts, name) if parts else None

        return get

    def _cost_tooltip(self, post: StaffPost) -> str:
        """The annual cost as a sum a person can check: every part, and any penny of rounding."""
        parts = self._parts(post)
        if parts is None:
            return ""
        lines = [
            _("Pay {amount}").format(amount=format_money(parts.pay)),
            _("+ employer NI {amount}").format(amount=format_money(parts.employer_ni)),
            _("+ employer pension {amount}").format(amount=format_money(parts.pension)),
        ]
        if parts.other:
            lines.append(_("+ other on-costs {amount}").format(amount=format_money(parts.other)))
        if parts.employment_allowance:
            lines.append(
                _("− Employment Allowance {amount}").format(
                    amount=format_money(parts.employment_allowance)
                )
            )
        lines.append(_("= {amount} a year").format(amount=format_money(parts.annual_cost)))
        if parts.rounding_difference:
            lines.append(
                _(
                    "(worked out unrounded and rounded to the penny once, so it differs by "
                    "{amount} from the parts)"
                ).format(amount=format_money(abs(parts.rounding_difference)))
            )
        return "\n".join(lines)

    def _ni_rate_default(self) -> Decimal:
        try:
            return rules_for(self.document.scenario.tax_year).employer_ni_rate
        except UnknownTaxYear:
            return Decimal("0.15")

    def _ni_rate_note(self) -> str:
        """Why a set NI percentage overstates NI, with the threshold from the rules file."""
        try:
            threshold = rules_for(self.document.scenario.tax_year).employer_ni_secondary_threshold
        except UnknownTaxYear:
            return _(
                "A set percentage applies to all pay, with no threshold, so it overstates NI. "
                "“Worked out” (from the tax year's figures) is recommended."
            )
        example = Decimal("0.15")
        return _(
            "A set percentage applies to all pay, with no threshold: 15% overstates NI by "
            "{excess} a person (15% of the {threshold} threshold). “Worked out” (from the tax "
            "year's figures) is recommended."
        ).format(excess=format_money(example * threshold), threshold=format_money(threshold))

    def _set_ni_kind(self, post: StaffPost, value: Any) -> StaffPost:
        kind = NiKind(value)
        rate = (post.employer_ni.rate or self._ni_rate_default()) if kind is NiKind.RATE else None
        return dataclasses.replace(post, employer_ni=EmployerNi(kind, rate))

    def build_columns(self) -> list[Column]:
        replace = dataclasses.replace
        return [
            Column("role", N_("Role"), lambda p: p.role, set=lambda p, v: replace(p, role=v)),
            Column(
                "annual_cost",
                N_("Cost a year"),
                self._annual_cost,
                ColumnKind.MONEY,
                bold=True,
                tooltip=self._cost_tooltip,
                help=N_("Pay, employer NI, pension and other on-costs for all the people"),
            ),
            Column(
                "pay_a_year",
                N_("Pay a year"),
                self._part("pay"),
                ColumnKind.MONEY,
                help=N_("What all the people in the post are paid in a year (FTE included)"),
            ),
            Column(
                "ni_a_year",
                N_("Employer NI a year"),
                self._part("employer_ni"),
                ColumnKind.MONEY,
                help=N_("The employer's National Insurance for all the people in the post"),
            ),
            Column(
                "pension_a_year",
                N_("Pension a year"),
                self._part("pension"),
                ColumnKind.MONEY,
                help=N_("The employer's pension contribution for all the people in the post"),
            ),
            Column(
                "pay_type",
                N_("Paid by"),
                lambda p: "hourly" if p.is_hourly else "salary",
                ColumnKind.CHOICE,
                set=_set_pay_type,
                choices=lambda p: [(_(label), key) for key, label in PAY_TYPES.items()],
                noun=N_("pay type"),
            ),
            Column(
                "pay",
                N_("Pay (full-time)"),
                lambda p: p.hourly_rate if p.is_hourly else p.annual_salary,
                ColumnKind.MONEY,
                set=_set_pay,
                display=_pay_text,
                warning=self._pay_warning,
                tooltip=_actual_pay_text,
                help=N_(
                    "The full-time salary a year of one person (not a part-timer's actual pay: "
                    "that is this × FTE), or the hourly rate"
                ),
                noun=N_("full-time pay"),
            ),
            Column(
                "age_band",
                N_("Age band"),
                lambda p: AgeBand(p.age_band),
                ColumnKind.CHOICE,
                set=lambda p, v: replace(p, age_band=AgeBand(v)),
                choices=lambda p: [
                    (_(label), band.value) for band, label in AGE_BAND_LABELS.items()
                ],
                help=N_(
                    "The minimum wage band the pay is checked against: 21 and over is the "
                    "National Living Wage"
                ),
            ),
            Column(
                "fte",
                N_("FTE"),
                lambda p: None if p.is_hourly else p.fte,
                ColumnKind.NUMBER,
                set=lambda p, v: replace(p, fte=v),
                editable_if=lambda p: not p.is_hourly,
                help=N_("Full-time equivalent: 1 is full time, 0.5 half time (salaried posts)"),
            ),
            Column(
                "paid_hours",
                N_("Paid hours a year"),
                shown_hours,
                ColumnKind.NUMBER,
                set=_set_hours,
                display=lambda p: format_quantity(h) if (h := shown_hours(p)) is not None else "",
                required=False,
                greyed_if=lambda p: p.paid_hours_per_person is None,
                tooltip=lambda p: (
                    _("FTE × {hours} hours (full time); type a figure to change it").format(
                        hours=format_number(full_time_hours())
                    )
                    if p.paid_hours_per_person is None
                    else ""
                ),
                help=N_("Paid hours a year for one person, holiday included"),
            ),
            Column(
                "headcount",
                N_("People"),
                lambda p: p.headcount,
                ColumnKind.NUMBER,
                set=lambda p, v: replace(p, headcount=v),
                help=N_("How many people work in this post"),
                noun=N_("number of people"),
            ),
            Column(
                "delivers_units",
                N_("Does the work sold"),
                lambda p: p.delivers_units,
                ColumnKind.BOOL,
                set=lambda p, v: replace(p, delivers_units=bool(v)),
                help=N_(
                    "Tick for people who do the work being sold (e.g. support workers): their "
                    "chargeable hours count as units of services counted from staff hours."
                ),
                noun=N_("“does the work sold” setting"),
            ),
            Column(
                "paid_for_hours_worked",
                N_("Paid only for hours worked"),
                lambda p: p.paid_for_hours_worked,
                ColumnKind.BOOL,
                set=lambda p, v: replace(p, paid_for_hours_worked=bool(v)),
                help=N_(
                    "Tick for people paid only for the hours they work (hourly or zero-hours "
                    "staff): if a service sells fewer units, their pay for it falls too. This "
                    "changes break-even and the effect of volume changes, not the prices."
                ),
                noun=N_("“paid only for hours worked” setting"),
            ),
            Column(
                "ni_kind",
                N_("Employer NI"),
                lambda p: p.employer_ni.kind,
                ColumnKind.CHOICE,
                set=self._set_ni_kind,
                choices=lambda p: [(_(label), k.value) for k, label in NI_LABELS.items()],
                help=N_("Worked out from the tax year's rates, a percentage of pay, or none"),
                noun=N_("employer NI"),
            ),
            Column(
                "ni_rate",
                N_("NI %"),
                lambda p: p.employer_ni.rate,
                ColumnKind.PERCENT,
                set=lambda p, v: replace(p, employer_ni=EmployerNi(NiKind.RATE, v)),
                editable_if=lambda p: p.employer_ni.kind is NiKind.RATE,
                maximum=ONE,
                tooltip=lambda p: self._ni_rate_note() if p.employer_ni.kind is NiKind.RATE else "",
                help=N_(
                    "A set percentage applies to all pay, with no threshold; “Worked out” (from "
                    "the tax year's figures) is recommended"
                ),
                noun=N_("NI rate"),
            ),
            Column(
                "pension_rate",
                N_("Pension %"),
                lambda p: p.pension.rate if p.pension else ZERO,
                ColumnKind.PERCENT,
                set=_set_pension_rate,
                maximum=ONE,
                help=N_("The employer's pension contribution"),
                noun=N_("pension rate"),
            ),
            Column(
                "pension_base",
                N_("Pension on"),
                lambda p: p.pension.on if p.pension else None,
                ColumnKind.CHOICE,
                set=_set_pension_base,
                editable_if=lambda p: p.pension is not None,
                choices=lambda p: [(_(label), k.value) for k, label in PENSION_BASE_LABELS.items()],
                noun=N_("pension basis"),
            ),
            Column(
                "other_oncosts",
                N_("Other on-costs %"),
                lambda p: p.other_oncosts_rate,
                ColumnKind.PERCENT,
                set=lambda p, v: replace(p, other_oncosts_rate=v),
                maximum=ONE,
                help=N_("Anything else paid on top of pay, as a share of pay (e.g. DBS, uniform)"),
                noun=N_("other on-costs rate"),
            ),
            Column(
                "non_chargeable",
                N_("Not chargeable"),
                lambda p: sum(p.non_chargeable.values(), ZERO),
                ColumnKind.PERCENT,
                tooltip=non_chargeable_summary,
                help=N_(
                    "Paid time nobody can be billed for (holiday, sickness, training, "
                    "supervision, travel). Double-click or Edit… to change it."
                ),
                noun=N_("non-chargeable time"),
            ),
            Column(
                "time",
                N_("Time split"),
                lambda p: time_summary(p, self.document.scenario),
                tooltip=lambda p: time_summary(p, self.document.scenario),
                help=N_("How paid time is split. Double-click or Edit… to change it."),
            ),
        ]

    # Actions -------------------------------------------------------------------------------
    def add(self) -> None:
        taken = {p.id for p in self.document.scenario.staff}
        dialog = NewItemDialog(_("Add a staff post"), _("Role"), taken, self)
        self.open_dialog(dialog, lambda: self._add_post(dialog.name, dialog.item_id))

    def _add_post(self, role: str, post_id: str) -> None:
        scenario = self.document.scenario
        post = self.new_post(scenario, post_id, role)
        new = dataclasses.replace(scenario, staff=(*scenario.staff, post))
        if self.apply(new, edit_names.Edit(edit_names.ADD_POST, role=role)):
            self.select_row(len(new.staff) - 1)
            self.show_status(
                _(
                    "Added {role} full time at the National Living Wage (a yearly salary) with "
                    "statutory holiday, the usual sickness and the minimum pension. Set the pay, "
                    "then Edit… to split the time."
                ).format(role=role)
            )
            self.view.setFocus()

    @staticmethod
    def new_post(scenario: Scenario, post_id: str, role: str) -> StaffPost:
        """A post with the guided setup's defaults: a full-time yearly salary at the National
        Living Wage (a salary, so a typed yearly figure is read as one), statutory holiday, the
        rules file's default sickness share, the employer's minimum pension, and delivering
        units."""
        try:
            rules = rules_for(scenario.tax_year)
            wage, pension = rules.national_living_wage_hourly, rules.pension_employer_minimum_rate
        except UnknownTaxYear:
            wage, pension = ZERO, ZERO
        services = scenario.services
        return StaffPost(
            id=post_id,
            role=role,
            annual_salary=salary_from_hourly(wage),
            delivers_units=True,
            pension=Pension(pension, PensionBase.QUALIFYING_EARNINGS) if pension else None,
            non_chargeable={
                "holiday": holiday_share(statutory_holiday_weeks()),
                # only new posts: the golden example and the sample keep what they were given
                "sickness": default_sickness_share(),
            },
            # with one service there is only one place the time can go
            time={services[0].id: ONE} if len(services) == 1 else {},
        )

    def remove(self, row: int) -> None:
        post = self.model.item(row)
        scenario = self.document.scenario
        new = dataclasses.replace(
            scenario, staff=tuple(p for p in scenario.staff if p.id != post.id)
        )
        if self.apply(new, edit_names.Edit(edit_names.REMOVE_POST, role=post.role)):
            self.show_status(
                _("Removed {role}. Press Ctrl+Z to bring it back.").format(role=post.role)
            )

    def edit(self, row: int) -> None:
        post = self.model.item(row)
        dialog = PostTimeDialog(post, self.document.scenario, self)
        self.open_dialog(dialog, lambda: self._save_time(post.id, dialog))

    def _save_time(self, post_id: str, dialog: PostTimeDialog) -> None:
        scenario = self.document.scenario
        staff = tuple(
            dataclasses.replace(p, time=dialog.time(), non_chargeable=dialog.non_chargeable())
            if p.id == post_id
            else p
            for p in scenario.staff
        )
        role = scenario.post(post_id).role
        new = dataclasses.replace(scenario, staff=staff)
        if self.apply(new, edit_names.Edit(edit_names.CHANGE_POST_TIME, role=role)):
            self.show_status(_("Saved the time of {role}.").format(role=role))


def _actual_pay_text(post: StaffPost) -> str:
    """A salaried post's actual yearly pay per person: the full-time salary × FTE."""
    if post.is_hourly or post.annual_salary is None:
        return ""
    return _("Actual yearly pay of one person: {amount} (full-time salary × FTE {fte})").format(
        amount=format_money(post.annual_salary * post.fte), fte=format_number(post.fte)
    )


def _pay_text(post: StaffPost) -> str:
    if post.is_hourly:
        return _("{amount} an hour").format(amount=format_money(post.hourly_rate or ZERO))
    if post.annual_salary is None:
        return ""
    return _("{amount} a year").format(amount=format_money(post.annual_salary))
