"""The Home page: what needs doing next, as tiles that each lead to the page that does it.

Which steps there are, and whether each is done, is the app layer's (`app.next_steps`); this
page only shows them.
"""

from __future__ import annotations

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

from costready.app.next_steps import Step, compliance_steps, next_steps
from costready.i18n import N_, _
from costready.ui.document import ScenarioDocument
from costready.ui.pages.home_money import MoneyTiles
from costready.ui.warning_banner import TaxYearBanner
from costready.ui.widgets import icon, money_text, page_header, plain_label


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
        badge.setTextFormat(Qt.TextFormat.PlainText)
        badge.setPixmap(icon("check" if step.done else step.page or step.key).pixmap(22, 22))
        top.addWidget(badge)
        title = QLabel(step.title)
        title.setTextFormat(Qt.TextFormat.PlainText)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        title.setWordWrap(True)
        top.addWidget(title, 1)
        state = QLabel(_("Done") if step.done else _("To do"))
        state.setTextFormat(Qt.TextFormat.PlainText)
        state.setObjectName("tileState")
        state_font = state.font()
        state_font.setBold(not step.done)
        state.setFont(state_font)
        if step.done:  # a muted green that reads on light and dark backgrounds
            state.setStyleSheet("color: #3f8f4a;")
        top.addWidget(state, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        text = QLabel(step.text)
        text.setTextFormat(Qt.TextFormat.PlainText)
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
        outer.addWidget(TaxYearBanner(document))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Tab goes from tile button to tile button; the scroll area itself is no stop
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget()
        self._body = QVBoxLayout(body)
        self._body.setContentsMargins(0, 0, 0, 0)
        self._summary = plain_label()
        self._body.addWidget(self._summary)
        self.money = MoneyTiles(document)  # invoicing's figures (issue 15)
        self.money.open_invoices.connect(lambda: self.navigate_requested.emit("invoices"))
        self._body.addWidget(self.money)
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
        document = self.document
        home = next_steps(
            document.workspace,
            document.organisation_id,
            document.scenario_id,
            document.scenario,
            document.result,
            document.problems,
        )
        if self._header is not None:
            self._header.deleteLater()
        self._header = page_header(
            _("Home"),
            _("{organisation} · {scenario}. Here is what to do next.").format(
                organisation=home.organisation_name, scenario=document.scenario.name
            ),
        )
        self._header_box.addWidget(self._header)
        self._summary.setText(self._summary_text())
        self.money.refresh()
        self._clear_tiles()
        steps = [*home.steps, *compliance_steps(document.workspace, document.organisation_id)]
        for index, step in enumerate(steps):
            tile = StepTile(step)
            tile.button.clicked.connect(
                lambda _c=False, k=step.page or step.key: self.navigate_requested.emit(k)
            )
            self.tiles[step.key] = tile
            self._grid.addWidget(tile, index // 2, index % 2)
        first_open = next((t for t in self.tiles.values() if not t.step.done), None)
        if first_open is not None:
            first_open.button.setDefault(True)

    def _clear_tiles(self) -> None:
        while (item := self._grid.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.tiles.clear()

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
