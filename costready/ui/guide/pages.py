"""The guide's pages: each renders one step of costready.costing.guide and reads its answers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import ClassVar, Generic, Protocol, TypeVar

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from costready.costing import guide, rules, scenarios
from costready.costing.model import (
    OVERHEAD_CATEGORIES,
    SURPLUS_LABELS,
    VAT_LABELS,
    Basis,
    Scenario,
    SurplusKind,
    VatTreatment,
    VolumeKind,
)
from costready.costing.results import ScenarioResult
from costready.i18n import N_, _
from costready.money import format_number
from costready.organisation import LEGAL_FORM_LABELS, LegalForm, Organisation
from costready.problems import Problem
from costready.ui.guide.tables import (
    CHECK,
    CHOICE,
    EDITABLE_CHOICE,
    NUMBER,
    Column,
    RowTable,
    SplitTable,
)
from costready.ui.widgets import FieldError, money_text, page_header

VOLUME_LABELS = {
    VolumeKind.TYPED: N_("I know it"),
    VolumeKind.FROM_STAFF_HOURS: N_("Staff hours"),
    VolumeKind.CAPACITY: N_("Capacity × occupancy"),
}


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setForegroundRole(label.foregroundRole())
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


def _cells(problems: list[Problem], prefix: str, keys: dict[str, str]) -> set[tuple[int, str]]:
    """The (row, column key) of each problem whose path is `prefix[row].field...`."""
    found = set()
    for problem in problems:
        match = re.match(rf"^{re.escape(prefix)}\[(\d+)\]\.?(.*)$", problem.path)
        if not match:
            continue
        rest = match.group(2)
        key = next((k for field, k in keys.items() if rest.startswith(field)), None)
        if key:
            found.add((int(match.group(1)), key))
    return found


def _messages(problems: list[Problem]) -> str:
    return "\n".join(f"• {p.message}" for p in problems)


class StepPage(QWidget):
    """A page for one step: a header with the step's explanation, then its inputs."""

    go_to_step = Signal(str)  # a problem's button asks for the step that fixes it

    def __init__(self, step: guide.Step, parent: QWidget | None = None):
        super().__init__(parent)
        self.step = step
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 12, 16, 8)
        header = page_header(_(step.title), _(step.explanation))
        self.body.addWidget(header)

    def load(self, state: guide.GuideState) -> None:
        """Fill the inputs from the state."""

    def answers(self) -> object:
        return None

    def show_problems(self, problems: list[Problem]) -> None:
        """Show each problem by the input it concerns (and clear the rest)."""

    def first_input(self) -> QWidget | None:
        return None


# Step 1 --------------------------------------------------------------------------------------


class OrganisationStepPage(StepPage):
    """Name, legal form, charity and VAT registration, financial year start."""

    def __init__(self, step: guide.Step, parent: QWidget | None = None):
        super().__init__(step, parent)
        self._base = Organisation(name="")
        self._today = date.today()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name = QLineEdit()
        self.name.setPlaceholderText(_("e.g. Riverside Community Care"))
        self.name_error = FieldError()
        self.legal_form = QComboBox()
        for form_value, label in LEGAL_FORM_LABELS.items():
            self.legal_form.addItem(_(label), form_value.value)
        self.charity = QCheckBox(_("We are a &registered charity"))
        self.charity_number = QLineEdit()
        self.charity_number.setPlaceholderText(_("e.g. 1234567"))
        self.charity_error = FieldError()
        self.vat = QCheckBox(_("We are registered for &VAT"))
        self.vat_number = QLineEdit()
        self.vat_number.setPlaceholderText(_("GB and 9 digits, e.g. GB 123 4567 89"))
        self.vat_error = FieldError()
        self.year_start = QDateEdit()
        self.year_start.setDisplayFormat("dd/MM/yyyy")
        self.year_start.setCalendarPopup(True)
        self.period = _hint("")
        rows = (
            (_("&Organisation name"), self.name, self.name_error),
            (_("&Legal form"), self.legal_form, None),
            ("", self.charity, None),
            (_("&Charity number"), self.charity_number, self.charity_error),
            ("", self.vat, None),
            (_("VAT n&umber"), self.vat_number, self.vat_error),
            (_("&Financial year starts on"), self.year_start, None),
        )
        for text, widget, error in rows:
            field: QWidget = widget
            if error is not None:
                # the error sits right under its field, taking no space while hidden
                field = QWidget()
                column = QVBoxLayout(field)
                column.setContentsMargins(0, 0, 0, 0)
                column.setSpacing(2)
                column.addWidget(widget)
                column.addWidget(error)
            if text:
                label = QLabel(text)
                label.setBuddy(widget)
                form.addRow(label, field)
                widget.setAccessibleName(text.replace("&", ""))
            else:
                form.addRow(field)
                widget.setAccessibleName(widget.text().replace("&", ""))
        form.addRow("", self.period)
        holder = QWidget()
        holder.setLayout(form)
        holder.setMaximumWidth(720)
        self.body.addWidget(holder)
        self.body.addWidget(
            _hint(
                _(
                    "Welfare services such as care, support and advice provided by charities are "
                    "usually exempt from VAT, so many small charities do not need to register."
                )
            )
        )
        self.body.addStretch(1)
        self.charity.toggled.connect(self.charity_number.setEnabled)
        self.vat.toggled.connect(self.vat_number.setEnabled)
        self.year_start.dateChanged.connect(self._show_period)
        self.name.textChanged.connect(self.name_error.clear_error)
        self.vat_number.textChanged.connect(self.vat_error.clear_error)
        self.charity_number.textChanged.connect(self.charity_error.clear_error)

    def load(self, state: guide.GuideState) -> None:
        org = state.organisation
        self._base = org
        self.name.setText(org.name)
        self.legal_form.setCurrentIndex(max(self.legal_form.findData(org.legal_form.value), 0))
        self.charity.setChecked(org.registered_charity)
        self.charity_number.setText(org.charity_number)
        self.charity_number.setEnabled(org.registered_charity)
        self.vat.setChecked(org.vat_registered)
        self.vat_number.setText(org.vat_number)
        self.vat_number.setEnabled(org.vat_registered)
        start = org.financial_year_start
        self.year_start.setDate(QDate(start.year, start.month, start.day))
        self._show_period()

    def answers(self) -> Organisation:
        start = self.year_start.date()
        return replace(
            self._base,
            name=self.name.text().strip(),
            legal_form=LegalForm(self.legal_form.currentData()),
            registered_charity=self.charity.isChecked(),
            charity_number=self.charity_number.text().strip() if self.charity.isChecked() else "",
            vat_registered=self.vat.isChecked(),
            vat_number=self.vat_number.text().strip() if self.vat.isChecked() else "",
            financial_year_start=date(start.year(), start.month(), start.day()),
        )

    def show_problems(self, problems: list[Problem]) -> None:
        errors = {
            "name": self.name_error,
            "vat_number": self.vat_error,
            "charity_number": self.charity_error,
        }
        for error in errors.values():
            error.clear_error()
        for problem in problems:
            errors.get(problem.path, self.name_error).show_error(problem.message)

    def first_input(self) -> QWidget:
        return self.name

    def _show_period(self) -> None:
        start = self.year_start.date()
        begins, ends = scenarios.financial_year(
            date(start.year(), start.month(), start.day()), self._today
        )
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


# Steps 2 to 4 --------------------------------------------------------------------------------


class _RowAnswer(Protocol):
    @property
    def id(self) -> str: ...


AnswerT = TypeVar("AnswerT", bound=_RowAnswer)


class TableStepPage(StepPage, Generic[AnswerT]):
    """A step whose answers are rows of a table, each kept with its answer's id.

    The page starts with the table, its add and remove buttons and an error label; a step adds
    its own inputs and hint below. Each step says what is its own through the class attributes
    and the hooks below; `_columns` and `_more_buttons` run while the page is being built.
    """

    ROW_NAME = ""  # what one row is, for the table's accessible names
    ADD_TEXT = ""
    ADD_NAME = ""
    REMOVE_TEXT = ""
    REMOVE_NAME = ""
    TABLE_MIN_HEIGHT = 120
    TABLE_STRETCH = 1
    PATH = ""  # the JSON path of the rows in a problem, e.g. "$.services"
    FIELDS: ClassVar[dict[str, str]] = {}  # a problem's field (or its start) → the column it marks
    FIRST_KEY = "name"  # the column a new row's cursor goes to

    def __init__(self, step: guide.Step, parent: QWidget | None = None):
        super().__init__(step, parent)
        self._ids: list[str] = []
        self.table = RowTable(self._columns(), _(self.ROW_NAME))
        self.table.setMinimumHeight(self.TABLE_MIN_HEIGHT)
        self.body.addWidget(self.table, self.TABLE_STRETCH)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(_(self.ADD_TEXT))
        self.add_button.setAccessibleName(_(self.ADD_NAME))
        self.remove_button = QPushButton(_(self.REMOVE_TEXT))
        self.remove_button.setAccessibleName(_(self.REMOVE_NAME))
        for button in (self.add_button, *self._more_buttons(), self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.error = FieldError()
        self.body.addWidget(self.error)
        self.add_button.clicked.connect(self.add_new)
        self.remove_button.clicked.connect(self._remove)
        self.table.edited.connect(self._table_edited)

    # hooks -----------------------------------------------------------------------------------
    def _columns(self) -> list[Column]:
        raise NotImplementedError

    def _more_buttons(self) -> list[QWidget]:
        """Buttons of the step's own, between add and remove."""
        return []

    def _new_answer(self) -> AnswerT:
        raise NotImplementedError

    def _row_values(self, answer: AnswerT) -> dict[str, object]:
        raise NotImplementedError

    def _row_added(self, row: int, answer: AnswerT) -> None:
        """Keep the step's other inputs in line with a row just added."""

    def _row_removed(self, row: int) -> None:
        """Keep the step's other inputs in line with a row just removed."""

    def _table_edited(self) -> None:
        """React to a change in the table."""

    def _focus_key(self, answer: AnswerT) -> str:
        return self.FIRST_KEY

    def _problem_areas(self, problems: list[Problem]) -> list[tuple[FieldError, list[Problem]]]:
        """Which error label shows which problems."""
        return [(self.error, problems)]

    # rows ------------------------------------------------------------------------------------
    def add_new(self) -> None:
        """Add a fresh row and put the cursor in it."""
        self._add_focused(self._new_answer())

    def _add_focused(self, answer: AnswerT) -> None:
        row = self._add(answer)
        self.table.widget(row, self._focus_key(answer)).setFocus()

    def _add(self, answer: AnswerT) -> int:
        self._ids.append(answer.id)
        row = self.table.add_row(self._row_values(answer))
        self._row_added(row, answer)
        return row

    def _remove(self) -> None:
        row = self.table.current_or_last_row()
        if row >= 0:
            del self._ids[row]
            self.table.remove_row(row)
            self._row_removed(row)

    def _clear_rows(self) -> None:
        self.table.clear_rows()
        self._ids = []

    def _id_rows(self) -> Iterator[tuple[str, dict[str, object]]]:
        """Each row's answer id with the row's values."""
        return zip(self._ids, self.table.rows(), strict=True)

    def show_problems(self, problems: list[Problem]) -> None:
        for error, items in self._problem_areas(problems):
            if items:
                error.show_error(_messages(items))
            else:
                error.clear_error()
        self.table.mark(_cells(problems, self.PATH, self.FIELDS))

    def first_input(self) -> QWidget | None:
        return self.table.widget(0, self.FIRST_KEY) if self.table.rowCount() else self.add_button


# Step 2 --------------------------------------------------------------------------------------


class ServicesStepPage(TableStepPage[guide.ServiceAnswer]):
    """The menu of services: unit, how planned units are found, VAT and surplus."""

    ROW_NAME = N_("service")
    ADD_TEXT = N_("&Add a service")
    ADD_NAME = N_("Add a service")
    REMOVE_TEXT = N_("&Remove service")
    REMOVE_NAME = N_("Remove the selected service")
    TABLE_MIN_HEIGHT = 180
    PATH = "$.services"
    FIELDS: ClassVar[dict[str, str]] = {
        "name": "name",
        "planned_units": "units",
        "capacity_units": "capacity",
        "occupancy": "occupancy",
        "surplus": "surplus",
    }

    def __init__(self, step: guide.Step, parent: QWidget | None = None):
        super().__init__(step, parent)
        self.body.addWidget(
            _hint(
                _(
                    "VAT: welfare services (care, support, advice) provided by charities are "
                    "usually exempt, so no VAT is added to the price. Units found from “Staff "
                    "hours” are the chargeable hours of the staff who deliver the service, after "
                    "holiday, training and travel. “Capacity × occupancy” plans on the places you "
                    "expect to fill, not on every place."
                )
            )
        )

    def _columns(self) -> list[Column]:
        return [
            Column("name", _("Service"), width=170),
            Column(
                "unit",
                _("Charged per"),
                EDITABLE_CHOICE,
                [(_(u), u) for u in guide.UNITS],
                width=100,
            ),
            Column(
                "volume_kind",
                _("Units found"),
                CHOICE,
                [(_(label), kind.value) for kind, label in VOLUME_LABELS.items()],
                width=150,
                tip=_("How the number of units you will deliver in a year is worked out"),
            ),
            Column("units", _("Units a year"), NUMBER, width=85),
            Column(
                "capacity", _("Capacity"), NUMBER, width=75, tip=_("Units you could deliver a year")
            ),
            Column(
                "occupancy",
                _("Occupancy %"),
                NUMBER,
                width=90,
                tip=_("The share of capacity you expect to fill, e.g. 80"),
            ),
            Column(
                "vat",
                _("VAT"),
                CHOICE,
                [(_(label), vat.value) for vat, label in VAT_LABELS.items()],
                width=105,
            ),
            Column("surplus", _("Surplus %"), NUMBER, width=75),
            Column(
                "surplus_kind",
                _("Surplus as"),
                CHOICE,
                [
                    (_(SURPLUS_LABELS[k]), k.value)
                    for k in (SurplusKind.MARKUP_ON_COST, SurplusKind.SHARE_OF_PRICE)
                ],
                width=130,
            ),
        ]

    def add_service(self) -> None:
        self.add_new()

    def _new_answer(self) -> guide.ServiceAnswer:
        return guide.new_service()

    def _row_values(self, answer: guide.ServiceAnswer) -> dict[str, object]:
        return {
            "name": answer.name,
            "unit": answer.unit,
            "volume_kind": answer.volume_kind.value,
            "units": answer.units,
            "capacity": answer.capacity,
            "occupancy": answer.occupancy_percent,
            "vat": answer.vat.value,
            "surplus": answer.surplus_percent,
            "surplus_kind": answer.surplus_kind.value,
        }

    def _row_added(self, row: int, answer: guide.ServiceAnswer) -> None:
        self._update_enabled()

    def _table_edited(self) -> None:
        self._update_enabled()

    def load(self, state: guide.GuideState) -> None:
        self._clear_rows()
        for answer in guide.read_services(state):
            self._add(answer)
        if not self._ids:
            self._add(guide.new_service())

    def answers(self) -> tuple[guide.ServiceAnswer, ...]:
        return tuple(
            guide.ServiceAnswer(
                id=service_id,
                name=str(row["name"]),
                unit=str(row["unit"]),
                volume_kind=VolumeKind(row["volume_kind"]),
                units=str(row["units"]),
                capacity=str(row["capacity"]),
                occupancy_percent=str(row["occupancy"]),
                vat=VatTreatment(row["vat"]),
                surplus_percent=str(row["surplus"]),
                surplus_kind=SurplusKind(row["surplus_kind"]),
            )
            for service_id, row in self._id_rows()
        )

    def _update_enabled(self) -> None:
        for row in range(self.table.rowCount()):
            kind = self.table.value(row, "volume_kind")
            self.table.widget(row, "units").setEnabled(kind == VolumeKind.TYPED.value)
            for key in ("capacity", "occupancy"):
                self.table.widget(row, key).setEnabled(kind == VolumeKind.CAPACITY.value)


# Step 3 --------------------------------------------------------------------------------------


class StaffStepPage(TableStepPage[guide.PostAnswer]):
    """Posts, their pay and non-chargeable time, and how their time is split."""

    ROW_NAME = N_("post")
    ADD_TEXT = N_("&Add a post")
    ADD_NAME = N_("Add a post")
    REMOVE_TEXT = N_("&Remove post")
    REMOVE_NAME = N_("Remove the selected post")
    TABLE_MIN_HEIGHT = 120
    PATH = "$.staff"
    FIELDS: ClassVar[dict[str, str]] = {
        "role": "role",
        "pay": "pay",
        "hours": "hours",
        "headcount": "headcount",
        "non_chargeable.holiday": "holiday",
        "non_chargeable.training": "training",
        "non_chargeable.travel": "travel",
        "pension": "pension",
        "fte": "hours",
        "paid_hours": "hours",
    }
    FIRST_KEY = "role"

    def __init__(self, step: guide.Step, parent: QWidget | None = None):
        super().__init__(step, parent)
        self._state: guide.GuideState | None = None
        self.allowance = QCheckBox()
        self.allowance.setAccessibleName(_("We claim the Employment Allowance"))
        self.body.addWidget(self.allowance)
        self.allowance_hint = _hint(
            _(
                "Most employers claim it through payroll, and it lowers the employer National "
                "Insurance your prices must cover. You cannot claim it if your only paid employee "
                "is a director; leave it unticked if you do not claim it."
            )
        )
        self.body.addWidget(self.allowance_hint)
        split_label = QLabel(_("How each post's paid time is spent (%; each row adds up to 100)"))
        split_label.setStyleSheet("font-weight: bold;")
        self.body.addWidget(split_label)
        self.split = SplitTable(_("Time split"))
        self.split.setMinimumHeight(110)
        split_label.setBuddy(self.split)
        self.body.addWidget(self.split, 1)
        self.split_error = FieldError()
        self.body.addWidget(self.split_error)
        self.body.addWidget(
            _hint(
                _(
                    "Holiday, training and travel are paid but cannot be charged for: statutory "
                    "holiday is {weeks} weeks a year. Time on management and administration is "
                    "shared across all services as an overhead."
                ).format(weeks=format_number(rules.statutory_holiday_weeks()))
            )
        )

    def _columns(self) -> list[Column]:
        return [
            Column("role", _("Role"), width=150),
            Column(
                "hourly",
                _("Paid"),
                CHOICE,
                [(_("by the hour"), True), (_("a salary"), False)],
                width=100,
            ),
            Column(
                "pay",
                _("Pay £"),
                NUMBER,
                width=80,
                tip=_("£ an hour, or the full-time salary a year"),
            ),
            Column("hours", _("Hours a week"), NUMBER, width=100),
            Column("headcount", _("People"), NUMBER, width=60),
            Column(
                "delivers",
                _("Delivers units"),
                CHECK,
                width=100,
                tip=_(
                    "Tick for the people who do the work you sell, e.g. support workers. "
                    "Their chargeable hours can be a service's units."
                ),
            ),
            Column("holiday", _("Holiday weeks"), NUMBER, width=100),
            Column("training", _("Training %"), NUMBER, width=80),
            Column("travel", _("Travel %"), NUMBER, width=70),
            Column(
                "pension",
                _("Pension %"),
                NUMBER,
                width=75,
                tip=_("Employer pension on qualifying earnings (3% is the legal minimum)"),
            ),
        ]

    def add_post(self) -> None:
        self.add_new()

    def _new_answer(self) -> guide.PostAnswer:
        assert self._state is not None
        return guide.new_post(self._state)

    def _row_values(self, answer: guide.PostAnswer) -> dict[str, object]:
        return {
            "role": answer.role,
            "hourly": answer.hourly,
            "pay": answer.pay,
            "hours": answer.hours_per_week,
            "headcount": answer.headcount,
            "delivers": answer.delivers_units,
            "holiday": answer.holiday_weeks,
            "training": answer.training_percent,
            "travel": answer.travel_percent,
            "pension": answer.pension_percent,
        }

    def _row_added(self, row: int, answer: guide.PostAnswer) -> None:
        self.split.insert_row(answer.role, dict(answer.time))

    def _row_removed(self, row: int) -> None:
        self.split.remove_row(row)

    def _table_edited(self) -> None:
        self._sync_labels()

    def _sync_labels(self) -> None:
        for row in range(self.table.rowCount()):
            role = str(self.table.value(row, "role"))
            if row < len(self.split.values()):
                self.split.rename_row(row, role or _("Post {number}").format(number=row + 1))

    def load(self, state: guide.GuideState) -> None:
        self._state = state
        columns = [(s.id, s.name or s.id) for s in state.scenario.services]
        columns.append((guide.MANAGEMENT_KEY, _("Management and admin")))
        self._clear_rows()
        self.split.set_rows([])
        self.split.set_columns(columns)
        for answer in guide.read_staff(state).posts:
            self._add(answer)
        if not self._ids:
            self._add(guide.new_post(state))
        self._sync_labels()
        staff = guide.read_staff(state)
        self.allowance.setText(
            _("We claim the &Employment Allowance (up to {amount} a year off employer NI)").format(
                amount=money_text(guide.employment_allowance(state))
            )
        )
        self.allowance.setChecked(staff.claims_employment_allowance)

    def answers(self) -> guide.StaffAnswers:
        splits = self.split.values()
        posts = tuple(
            guide.PostAnswer(
                id=post_id,
                role=str(row["role"]),
                hourly=bool(row["hourly"]),
                pay=str(row["pay"]),
                hours_per_week=str(row["hours"]),
                headcount=str(row["headcount"]),
                delivers_units=bool(row["delivers"]),
                holiday_weeks=str(row["holiday"]),
                training_percent=str(row["training"]),
                travel_percent=str(row["travel"]),
                pension_percent=str(row["pension"]),
                time=splits[index],
            )
            for index, (post_id, row) in enumerate(self._id_rows())
        )
        return guide.StaffAnswers(posts, self.allowance.isChecked())

    def _problem_areas(self, problems: list[Problem]) -> list[tuple[FieldError, list[Problem]]]:
        time = [p for p in problems if ".time" in p.path]
        other = [p for p in problems if ".time" not in p.path]
        return [(self.error, other), (self.split_error, time)]


# Step 4 --------------------------------------------------------------------------------------


class CostsStepPage(TableStepPage[guide.CostAnswer]):
    """Running costs: amount, category and how each is paid for (direct or shared)."""

    ROW_NAME = N_("cost")
    ADD_TEXT = N_("&Add a cost")
    ADD_NAME = N_("Add a cost")
    REMOVE_TEXT = N_("&Remove cost")
    REMOVE_NAME = N_("Remove the selected cost")
    TABLE_MIN_HEIGHT = 150
    TABLE_STRETCH = 2
    PATH = "$.costs"
    FIELDS: ClassVar[dict[str, str]] = {
        "name": "name",
        "annual_amount": "amount",
        "direct": "sharing",
        "pool": "sharing",
    }

    def __init__(self, step: guide.Step, parent: QWidget | None = None):
        super().__init__(step, parent)
        self._services: list[tuple[str, str]] = []
        self.floor_label = QLabel(_("Floor area each service uses (m²)"))
        self.floor_label.setStyleSheet("font-weight: bold;")
        self.floor = SplitTable(_("Floor area"), with_total=False)
        self.floor.setMaximumHeight(64)
        self.floor_label.setBuddy(self.floor)
        self.floor_error = FieldError()
        self.shares_label = QLabel(_("Set percentages for each service (each row adds up to 100)"))
        self.shares_label.setStyleSheet("font-weight: bold;")
        self.shares = SplitTable(_("Set percentages"))
        self.shares.setMinimumHeight(80)
        self.shares_label.setBuddy(self.shares)
        self.shares_error = FieldError()
        for widget in (
            self.floor_label,
            self.floor,
            self.floor_error,
            self.shares_label,
            self.shares,
            self.shares_error,
        ):
            self.body.addWidget(widget)
        self.body.addWidget(
            _hint(
                _(
                    "Staff time shares a cost by the hours staff spend on each service; floor area"
                    " by the space each uses; “Management and administration” adds it to the "
                    "overhead that staff management time goes to. Enter costs including any VAT "
                    "you cannot reclaim."
                )
            )
        )

    def _columns(self) -> list[Column]:
        return [
            Column("name", _("Cost"), width=220),
            Column("amount", _("Amount a year £"), NUMBER, width=120),
            Column(
                "category",
                _("Category"),
                CHOICE,
                [(_(label), key) for key, label in OVERHEAD_CATEGORIES.items()],
                width=120,
            ),
            Column("sharing", _("How it is paid for"), CHOICE, [], width=240),
        ]

    def _more_buttons(self) -> list[QWidget]:
        self.common_button = QToolButton()
        self.common_button.setText(_("Add a &common cost"))
        self.common_button.setAccessibleName(_("Add a common cost"))
        self.common_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.common_button)
        for suggestion in guide.suggested_costs():
            action = menu.addAction(suggestion.name)
            action.triggered.connect(lambda _c=False, s=suggestion: self._add_focused(s))
        self.common_button.setMenu(menu)
        return [self.common_button]

    def _new_answer(self) -> guide.CostAnswer:
        return guide.CostAnswer()

    def _focus_key(self, answer: guide.CostAnswer) -> str:
        # a common cost comes named, so the amount is what is left to type
        return "amount" if answer.name else "name"

    def _row_values(self, answer: guide.CostAnswer) -> dict[str, object]:
        return {"name": answer.name, "amount": answer.amount, "category": answer.category}

    def _row_added(self, row: int, answer: guide.CostAnswer) -> None:
        self.table.set_choices("sharing", self._sharing_choices())
        self.table.set_value(row, "sharing", answer.sharing)
        self.shares.insert_row(answer.name, dict(answer.shares))
        self._sync_sections()

    def _row_removed(self, row: int) -> None:
        self.shares.remove_row(row)
        self._sync_sections()

    def _table_edited(self) -> None:
        self._sync_sections()

    def _sharing_choices(self) -> list[tuple[str, object]]:
        choices: list[tuple[str, object]] = [
            (_("Only for {service}").format(service=name), "direct:" + sid)
            for sid, name in self._services
        ]
        choices += [(_(guide.SHARING_LABELS[b.value]), b.value) for b in guide.SHARED_BASES]
        choices.append((_(guide.SHARING_LABELS[guide.MANAGEMENT_KEY]), guide.MANAGEMENT_KEY))
        return choices

    def _sync_sections(self) -> None:
        sharing = [row["sharing"] for row in self.table.rows()]
        uses_floor = Basis.FLOOR_AREA.value in sharing
        for widget in (self.floor_label, self.floor):
            widget.setVisible(uses_floor)
        uses_shares = Basis.SHARES.value in sharing
        for widget in (self.shares_label, self.shares):
            widget.setVisible(uses_shares)
        for row, how in enumerate(sharing):
            name = str(self.table.value(row, "name")) or _("Cost {number}").format(number=row + 1)
            self.shares.rename_row(row, name)
            self.shares.set_row_visible(row, how == Basis.SHARES.value)

    def load(self, state: guide.GuideState) -> None:
        self._services = [(s.id, s.name or s.id) for s in state.scenario.services]
        columns = list(self._services)
        answers = guide.read_costs(state)
        self._clear_rows()
        self.shares.set_rows([])
        self.shares.set_columns(columns)
        self.floor.set_columns(columns)
        self.floor.set_rows([_("Floor area (m²)")], [dict(answers.floor_area)])
        for line in answers.lines:
            self._add(line)
        self._sync_sections()

    def answers(self) -> guide.CostsAnswers:
        shares = self.shares.values()
        floor = self.floor.values()
        lines = tuple(
            guide.CostAnswer(
                id=line_id,
                name=str(row["name"]),
                amount=str(row["amount"]),
                category=str(row["category"]),
                sharing=str(row["sharing"]),
                shares=shares[index] if row["sharing"] == Basis.SHARES.value else {},
            )
            for index, (line_id, row) in enumerate(self._id_rows())
        )
        return guide.CostsAnswers(lines, floor[0] if floor else {})

    def _problem_areas(self, problems: list[Problem]) -> list[tuple[FieldError, list[Problem]]]:
        floor = [p for p in problems if p.path.startswith("$.bases")]
        shares = [p for p in problems if ".shares" in p.path]
        other = [p for p in problems if p not in floor and p not in shares]
        return [(self.error, other), (self.floor_error, floor), (self.shares_error, shares)]


# Step 5 --------------------------------------------------------------------------------------


class ReviewStepPage(StepPage):
    """The engine's prices per service, or the problems that stop them, each with a way back."""

    HEADERS = (
        N_("Service"),
        N_("Unit"),
        N_("Units a year"),
        N_("Full cost a year"),
        N_("Unit cost"),
        N_("Surplus"),
        N_("Price"),
    )

    def __init__(self, step: guide.Step, parent: QWidget | None = None):
        super().__init__(step, parent)
        self.table = QTableWidget(0, len(self.HEADERS))
        self.table.setHorizontalHeaderLabels([_(h) for h in self.HEADERS])
        self.table.setAccessibleName(_("Prices"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(self.HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # problems first: while a price cannot be worked out they are all the page has to say
        self.problems_box = QWidget()
        self.problems_layout = QVBoxLayout(self.problems_box)
        self.problems_layout.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(self.problems_box)
        self.body.addWidget(self.table, 10)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(_("Summary"))
        self.body.addWidget(self.summary)
        self.finish_hint = _hint(
            _(
                "You can change any of this later from the Services, Staff and Costs pages. "
                "Finish to open your organisation with these prices."
            )
        )
        self.body.addWidget(self.finish_hint)
        self.body.addStretch(1)
        self.result: ScenarioResult | None = None
        self._scenario: Scenario | None = None

    def load(self, state: guide.GuideState) -> None:
        self._scenario = state.scenario
        self.result, problems = guide.price(state)
        self._fill(self.result)
        self.show_problems(problems)

    def _fill(self, result: ScenarioResult | None) -> None:
        services = result.services if result else ()
        self.table.setRowCount(len(services))
        for row, service in enumerate(services):
            unit = _(service.unit)
            cells = (
                service.name,
                unit,
                format_number(service.planned_units, places=0),
                money_text(service.full_cost),
                money_text(service.unit_cost),
                _("{value}% {convention}").format(
                    value=f"{(service.surplus_value * 100).normalize():f}",
                    convention=_(SURPLUS_LABELS[service.surplus_convention]),
                ),
                _("{price} per {unit}").format(price=money_text(service.price), unit=unit),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3, 4, 6):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if column == 6:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(services))
        if result is None:
            self.summary.setText("")
            return
        self.summary.setText(
            _(
                "Total cost a year {cost}. At these prices and volumes your income would be "
                "{income}, a surplus of {surplus}."
            ).format(
                cost=money_text(result.total_cost),
                income=money_text(result.total_income),
                surplus=money_text(result.total_surplus),
            )
        )

    def show_problems(self, problems: list[Problem]) -> None:
        while self.problems_layout.count():
            item = self.problems_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.finish_hint.setVisible(not problems)
        if not problems:
            return
        intro = QLabel(_("These prices cannot be worked out yet:"))
        intro.setStyleSheet("font-weight: bold;")
        self.problems_layout.addWidget(intro)
        by_steps: dict[tuple[str, ...], list[Problem]] = {}
        for problem in problems:
            keys = tuple(guide.steps_for_problem(problem, self._scenario))
            by_steps.setdefault(keys, []).append(problem)
        for keys, items in by_steps.items():
            line = QWidget()
            row = QHBoxLayout(line)
            row.setContentsMargins(0, 0, 0, 0)
            error = FieldError()
            error.show_error(_messages(items))
            row.addWidget(error, 1, Qt.AlignmentFlag.AlignTop)
            for key in keys:
                row.addWidget(self._fix_button(key), 0, Qt.AlignmentFlag.AlignTop)
            self.problems_layout.addWidget(line)

    def _fix_button(self, key: str) -> QPushButton:
        title = _(next(s.title for s in guide.STEPS if s.key == key))
        button = QPushButton(_("Fix in “{step}”").format(step=title))
        button.setAccessibleName(_("Go to the step “{step}”").format(step=title))
        button.setObjectName(f"fix-{key}")
        button.clicked.connect(lambda _c=False, k=key: self.go_to_step.emit(k))
        return button

    def first_input(self) -> QWidget | None:
        return self.table


PAGE_CLASSES: dict[str, type[StepPage]] = {
    guide.ORGANISATION: OrganisationStepPage,
    guide.SERVICES: ServicesStepPage,
    guide.STAFF: StaffStepPage,
    guide.COSTS: CostsStepPage,
    guide.REVIEW: ReviewStepPage,
}
