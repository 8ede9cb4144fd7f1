"""The Home page: what needs doing next, as tiles that each lead to the page that does it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from costready.i18n import N_, _, ngettext
from costready.ui.document import ScenarioDocument
from costready.ui.prices.adopt import adoption_state
from costready.ui.widgets import icon, money_text, page_header


@dataclass(frozen=True)
class Step:
    """One thing to do: where it leads, what it says, and whether it is done."""

    key: str  # the page key to go to ("guide" resumes the guided setup)
    title: str
    text: str
    button: str
    done: bool


def guide_unfinished(document: ScenarioDocument) -> bool:
    """True when the organisation's guided setup was started and not finished."""
    workspace, org_id = document.workspace, document.organisation_id
    return workspace.get_setting(org_id, "guide.finished") != "1" and bool(
        workspace.get_setting(org_id, "guide.step")
    )


def next_steps(document: ScenarioDocument) -> list[Step]:
    """The tiles, in the order the work is usually done."""
    scenario = document.scenario
    workspace = document.workspace
    org = workspace.organisation(document.organisation_id)
    state = adoption_state(document)
    steps: list[Step] = []
    if guide_unfinished(document):
        steps.append(
            Step(
                "guide",
                _("Resume guided setup"),
                _("You started the guided setup; carry on where you stopped."),
                _("Resume guided setup"),
                False,
            )
        )
    profile_done = bool(org.name.strip() and org.address.strip())
    steps.append(
        Step(
            "organisation",
            _("Finish your organisation's details"),
            _("Your address, legal form and VAT status appear on price lists and invoices.")
            if not profile_done
            else _("Name, address and VAT status are filled in."),
            _("Open Organisation"),
            profile_done,
        )
    )
    count = len(scenario.services)
    steps.append(
        Step(
            "services",
            _("Add the services you sell"),
            ngettext("{n} service on your menu.", "{n} services on your menu.", count).format(
                n=count
            )
            if count
            else _("List what you offer and the unit you charge by (hour, session, place-week…)."),
            _("Open Services"),
            count > 0,
        )
    )
    count = len(scenario.staff)
    steps.append(
        Step(
            "staff",
            _("Add your staff"),
            ngettext(
                "{n} post, with pay and time split.", "{n} posts, with pay and time split.", count
            ).format(n=count)
            if count
            else _("Each post's pay, on-costs and how its time is shared across services."),
            _("Open Staff"),
            count > 0,
        )
    )
    count = len(scenario.costs)
    steps.append(
        Step(
            "costs",
            _("Add your running costs"),
            ngettext("{n} cost line.", "{n} cost lines.", count).format(n=count)
            if count
            else _("Rent, insurance, travel, IT and other costs, and how they are shared."),
            _("Open Costs"),
            count > 0,
        )
    )
    steps.append(
        Step(
            "prices",
            _("Review and adopt your prices"),
            _prices_text(document, state.adopted, state.changed),
            _("Open Prices"),
            state.adopted and not state.changed,
        )
    )
    return steps


def _prices_text(document: ScenarioDocument, adopted: bool, changed: bool) -> str:
    if document.result is None or document.problems:  # none priced, or some not
        count = len(document.problems)
        return ngettext(
            "{n} thing to fix before prices can be worked out.",
            "{n} things to fix before prices can be worked out.",
            count,
        ).format(n=count)
    if adopted and changed:
        return _(
            "These prices have changed since they were adopted: adopt them again so your "
            "price list and invoices use them."
        )
    if adopted:
        return _("These prices are adopted and published as your price list.")
    return _("Check each price and adopt them so they appear on your price list.")


class StepTile(QFrame):
    """One step as a bordered tile: icon, title, a sentence, its state and a button."""

    def __init__(self, step: Step, parent: QWidget | None = None):
        super().__init__(parent)
        self.step = step
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"tile_{step.key}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        top = QHBoxLayout()
        badge = QLabel()
        badge.setPixmap(icon("check" if step.done else step.key).pixmap(22, 22))
        top.addWidget(badge)
        title = QLabel(step.title)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        title.setWordWrap(True)
        top.addWidget(title, 1)
        state = QLabel(_("Done") if step.done else _("To do"))
        state.setObjectName("tileState")
        state_font = state.font()
        state_font.setBold(not step.done)
        state.setFont(state_font)
        if step.done:  # a muted green that reads on light and dark backgrounds
            state.setStyleSheet("color: #3f8f4a;")
        top.addWidget(state, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        text = QLabel(step.text)
        text.setWordWrap(True)
        text.setMinimumHeight(text.fontMetrics().height() * 2)
        text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(text, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.button = QPushButton(step.button)
        self.button.setAccessibleName(step.button)
        self.button.setAccessibleDescription(step.text)
        row.addWidget(self.button)
        layout.addLayout(row)


class HomePage(QWidget):
    """What needs doing next for the open organisation and scenario."""

    key = "home"
    title = N_("Home")
    navigate_requested = Signal(str)  # a page key, or "guide" to resume the guided setup

    def __init__(self, document: ScenarioDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.tiles: dict[str, StepTile] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._header_box = QVBoxLayout()
        outer.addLayout(self._header_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Tab goes from tile button to tile button; the scroll area itself is no stop
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget()
        self._body = QVBoxLayout(body)
        self._body.setContentsMargins(0, 0, 0, 0)
        self._summary = QLabel()
        self._summary.setWordWrap(True)
        self._summary.setTextFormat(Qt.TextFormat.PlainText)
        self._body.addWidget(self._summary)
        self._grid = QGridLayout()
        self._grid.setSpacing(12)
        self._body.addLayout(self._grid)
        self._body.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self._header: QWidget | None = None
        document.changed.connect(self.refresh)
        self.refresh()

    def primary_action(self) -> QAction | None:
        return None

    def showEvent(self, event: QShowEvent) -> None:
        # adopting prices changes the Prices tile without changing the scenario
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Rebuild the tiles from the open scenario and organisation."""
        if self._header is not None:
            self._header.deleteLater()
        org = self.document.workspace.organisation(self.document.organisation_id)
        self._header = page_header(
            _("Home"),
            _("{organisation} · {scenario}. Here is what to do next.").format(
                organisation=org.name, scenario=self.document.scenario.name
            ),
        )
        self._header_box.addWidget(self._header)
        self._summary.setText(self._summary_text())
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.tiles.clear()
        for index, step in enumerate(next_steps(self.document)):
            tile = StepTile(step)
            tile.button.clicked.connect(
                lambda _c=False, k=step.key: self.navigate_requested.emit(k)
            )
            self.tiles[step.key] = tile
            self._grid.addWidget(tile, index // 2, index % 2)
        first_open = next((t for t in self.tiles.values() if not t.step.done), None)
        if first_open is not None:
            first_open.button.setDefault(True)

    def _summary_text(self) -> str:
        result = self.document.result
        if result is None or not result.services or result.unpriced:
            return ""  # totals over some services only would mislead; the tiles say what to fix
        return _(
            "This scenario costs {cost} a year in total and plans income of {income} "
            "at its prices, a surplus of {surplus}."
        ).format(
            cost=money_text(result.total_cost),
            income=money_text(result.total_income),
            surplus=money_text(result.total_surplus),
        )
