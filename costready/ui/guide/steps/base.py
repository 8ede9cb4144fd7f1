"""What every step of the guide shares: its title and explanation above the page's own editor."""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from costready.app.guide import Step
from costready.i18n import _
from costready.problems import Problem
from costready.ui.document import ScenarioDocument
from costready.ui.pages._table_page import TablePage, plain_problem
from costready.ui.widgets import FieldError, page_header, plain_label

_MNEMONIC = re.compile(r"(?<!&)&(?=[^&])")


def hint(text: str = "") -> QLabel:
    """A plain-English note in the placeholder colour, wrapped."""
    label = plain_label(text)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


def hide_header(page: QWidget) -> None:
    """Hide a page's own title: in the guide the step's title and explanation stand above it."""
    header = page.findChild(QWidget, "pageHeader")
    if header is not None:
        header.hide()


def drop_mnemonics(widget: QWidget, letters: set[str]) -> None:
    """Take away the Alt+letter of labels and buttons inside `widget` that would clash with the
    guide's own buttons (a letter used twice makes Alt+letter do nothing useful)."""
    for child in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton):
        text = child.text()
        key = QKeySequence.mnemonic(text).toString().removeprefix("Alt+")
        if key and key.upper() in letters:
            child.setText(_MNEMONIC.sub("", text, count=1))


def finish_editing(widget: QWidget) -> None:
    """Close a table cell being edited inside `widget`, so what was typed in it is saved (Alt+N
    presses Next without the cell losing focus)."""
    focus = QApplication.focusWidget()
    if focus is None or not widget.isAncestorOf(focus):
        return
    parent = focus.parentWidget()
    while parent is not None and parent is not widget:
        if isinstance(parent, QAbstractItemView):
            if parent.state() == QAbstractItemView.State.EditingState:
                parent.setFocus()  # the delegate saves the cell when its editor loses focus
            return
        parent = parent.parentWidget()


class GuideStep(QWidget):
    """One step of the guide on screen: its title and explanation, then its editor.

    The editor is a page's own (or the pieces it is built from), over the same ScenarioDocument:
    whatever the step does not show, it leaves as it was.
    """

    go_to_step = Signal(str)  # a problem's button asks for the step that fixes it

    def __init__(self, step: Step, parent: QWidget | None = None):
        super().__init__(parent)
        self.step = step
        self.document: ScenarioDocument | None = None
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 12, 16, 8)
        self.body.addWidget(page_header(_(step.title), _(step.explanation)))
        self.how = hint()
        self.how.hide()
        self.body.addWidget(self.how)
        self.problems = FieldError()  # what stops Next, shown after it was pressed
        self.body.addWidget(self.problems)

    def attach(self, document: ScenarioDocument) -> None:
        """Build the step's editor over `document` (once the organisation has a scenario)."""
        self.document = document

    def commit(self) -> bool:
        """Save what is being typed; False when something on screen cannot be saved (each
        problem is then shown by its field)."""
        finish_editing(self)
        return True

    def refresh(self) -> None:
        """The step is about to be shown."""

    def show_problems(self, problems: list[Problem]) -> None:
        """Say what stops Next on this step (an empty list clears it)."""
        if not problems:
            self.problems.clear_error()
            return
        scenario = self.document.scenario if self.document is not None else None
        lines = [plain_problem(p, scenario) if scenario else p.message for p in problems]
        self.problems.show_error("\n".join(f"• {line}" for line in lines))

    def first_input(self) -> QWidget | None:
        return None

    def say_how(self, text: str) -> None:
        self.how.setText(text)
        self.how.setVisible(bool(text))


class TablePageStep(GuideStep):
    """A step that shows one of the window's table pages (services, staff or costs) as it is."""

    page_class: type[TablePage] = TablePage

    def __init__(self, step: Step, parent: QWidget | None = None):
        super().__init__(step, parent)
        self.page: TablePage | None = None

    def attach(self, document: ScenarioDocument) -> None:
        super().attach(document)
        self.page = self.make_page(document)
        hide_header(self.page)
        layout = self.page.layout()
        if layout is not None:
            layout.setContentsMargins(0, 0, 0, 0)
        self.say_how(_(self.page.subtitle))
        self.body.insertWidget(self.body.indexOf(self.problems), self.page, 1)

    def make_page(self, document: ScenarioDocument) -> TablePage:
        return self.page_class(document)

    def first_input(self) -> QWidget | None:
        if self.page is None:
            return None
        if self.page.model.rowCount():
            return self.page.view
        buttons = self.page.empty.findChildren(QPushButton)
        return buttons[0] if buttons else self.page.buttons.get("add")
