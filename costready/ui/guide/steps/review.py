"""Step 5: the prices the engine works out, or what stops them, each with a way to fix it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from costready.app import guide as flow
from costready.app.guide import Step
from costready.costing.explain import units_text
from costready.costing.model import SURPLUS_LABELS, SurplusKind
from costready.costing.results import ScenarioResult, ServiceResult
from costready.i18n import N_, _
from costready.problems import Problem
from costready.ui.document import ScenarioDocument
from costready.ui.guide.steps.base import GuideStep, hint
from costready.ui.pages._table_page import TablePage, fit_columns, plain_problem
from costready.ui.table_model import Column, ColumnKind, RecordTableModel
from costready.ui.widgets import FieldError, money_text, plain_label


def _surplus_text(service: ServiceResult) -> str:
    if service.surplus_convention is SurplusKind.FIXED_PER_UNIT:
        return _("{amount} a unit").format(amount=money_text(service.surplus_value))
    return _("{value}% {convention}").format(
        value=f"{(service.surplus_value * 100).normalize():f}",
        convention=_(SURPLUS_LABELS[service.surplus_convention]),
    )


def _price_text(service: ServiceResult) -> str:
    return _("{price} per {unit}").format(price=money_text(service.price), unit=_(service.unit))


COLUMNS = (
    Column("name", N_("Service"), lambda s: s.name),
    Column("unit", N_("Unit"), lambda s: s.unit, display=lambda s: _(s.unit)),
    Column(
        "planned_units",
        N_("Units a year"),
        lambda s: s.planned_units,
        ColumnKind.NUMBER,
        display=lambda s: units_text(s.planned_units),  # as every screen and report shows it
    ),
    Column("full_cost", N_("Full cost a year"), lambda s: s.full_cost, ColumnKind.MONEY),
    Column("unit_cost", N_("Unit cost"), lambda s: s.unit_cost, ColumnKind.MONEY),
    Column("surplus", N_("Surplus"), lambda s: s.surplus_value, display=_surplus_text),
    Column(
        "price", N_("Price"), lambda s: s.price, ColumnKind.MONEY, display=_price_text, bold=True
    ),
)


class ReviewStep(GuideStep):
    """The engine's prices per service, or the problems that stop them, each with a way back."""

    def __init__(self, step: Step, parent: QWidget | None = None):
        super().__init__(step, parent)
        at = self.body.indexOf(self.problems)
        # problems first: while a price cannot be worked out they are all the page has to say
        self.problems_box = QWidget()
        self.problems_layout = QVBoxLayout(self.problems_box)
        self.problems_layout.setContentsMargins(0, 0, 0, 0)
        self.body.insertWidget(at, self.problems_box)
        self.model = RecordTableModel(COLUMNS, (), parent=self)
        self.table = TablePage.make_view(self.model, _("Prices"))
        self.body.insertWidget(at + 1, self.table, 10)
        self.summary = plain_label(name=_("Summary"))
        self.body.insertWidget(at + 2, self.summary)
        self.finish_hint = hint(
            _(
                "You can change any of this later from the Services, Staff and Costs pages. "
                "Finish to open your organisation with these prices."
            )
        )
        self.body.insertWidget(at + 3, self.finish_hint)
        self.body.addStretch(1)

    @property
    def result(self) -> ScenarioResult | None:
        return self.document.result if self.document is not None else None

    def attach(self, document: ScenarioDocument) -> None:
        super().attach(document)
        document.changed.connect(self.refresh)

    def refresh(self) -> None:
        """Show the prices as the document has them now."""
        if self.document is None:
            return
        result = self.document.result
        self.model.set_rows(result.services if result else ())
        self.model.refresh()
        fit_columns(self.table)
        self.table.setVisible(result is not None and bool(result.services))
        self.show_problems([] if result is not None else self.document.problems)
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
        """Each problem in plain words, grouped by the steps that fix it, with a button each."""
        while self.problems_layout.count():
            item = self.problems_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.finish_hint.setVisible(not problems)
        if not problems or self.document is None:
            return
        scenario = self.document.scenario
        intro = QLabel(_("These prices cannot be worked out yet:"))
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setStyleSheet("font-weight: bold;")
        self.problems_layout.addWidget(intro)
        by_steps: dict[tuple[str, ...], list[Problem]] = {}
        for problem in problems:
            keys = tuple(flow.steps_for_problem(problem, scenario))
            by_steps.setdefault(keys, []).append(problem)
        for keys, items in by_steps.items():
            line = QWidget()
            row = QHBoxLayout(line)
            row.setContentsMargins(0, 0, 0, 0)
            error = FieldError()
            error.show_error("\n".join(f"• {plain_problem(p, scenario)}" for p in items))
            row.addWidget(error, 1, Qt.AlignmentFlag.AlignTop)
            for key in keys:
                if key != flow.REVIEW:
                    row.addWidget(self._fix_button(key), 0, Qt.AlignmentFlag.AlignTop)
            self.problems_layout.addWidget(line)

    def _fix_button(self, key: str) -> QPushButton:
        title = _(flow.step(key).title)
        button = QPushButton(_("Fix in “{step}”").format(step=title))
        button.setAccessibleName(_("Go to the step “{step}”").format(step=title))
        button.setObjectName(f"fix-{key}")
        button.clicked.connect(lambda _checked=False, k=key: self.go_to_step.emit(k))
        return button

    def first_input(self) -> QWidget | None:
        return self.table
