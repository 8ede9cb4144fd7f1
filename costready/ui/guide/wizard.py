"""The guided setup dialog: renders costready.costing.guide's steps and saves as it goes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from costready.app import guide as progress
from costready.app.workspace import Workspace
from costready.costing import guide
from costready.i18n import _
from costready.problems import Problem
from costready.ui.guide.pages import PAGE_CLASSES, StepPage
from costready.ui.widgets import FieldError


class GuideDialog(QDialog):
    """From nothing to a priced menu of services, one step at a time.

    After `accept()` (Finish) `organisation_id` and `scenario_id` name what was built; “Save and
    close” keeps them too, and opening the dialog again with `organisation_id` carries on at the
    saved step with every answer filled in.
    """

    step_shown = Signal(str)  # the key of the step now on screen

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        organisation_id: int | None = None,
    ):
        super().__init__(parent)
        self.workspace = workspace
        self.organisation_id: int | None = organisation_id
        self.scenario_id: int | None = None
        if organisation_id is not None:
            self.guide, self.scenario_id = progress.resume(workspace, organisation_id)
        else:
            self.guide = guide.Guide()
        self._reached = self.guide.index
        self.setWindowTitle(_("Set up your prices"))
        self.setAccessibleName(_("Guided setup"))
        self.resize(1180, 740)
        self._build()
        self._show_current()

    # building --------------------------------------------------------------------------------
    def _build(self) -> None:
        self.step_list = QListWidget()
        self.step_list.setAccessibleName(_("Steps"))
        self.step_list.setFixedWidth(190)
        self.step_list.setSpacing(2)
        for number, step in enumerate(self.guide.steps, start=1):
            item = QListWidgetItem(
                _("{number}. {title}").format(number=number, title=_(step.title))
            )
            item.setData(Qt.ItemDataRole.UserRole, step.key)
            self.step_list.addItem(item)
        self.step_list.itemActivated.connect(self._on_step_list_activated)
        self.step_list.itemClicked.connect(self._on_step_list_activated)

        self.stack = QStackedWidget()
        self.pages: dict[str, StepPage] = {}
        for step in self.guide.steps:
            page = PAGE_CLASSES[step.key](step)
            page.go_to_step.connect(self._on_page_go_to_step)
            self.pages[step.key] = page
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(page)
            self.stack.addWidget(scroll)

        self.status = FieldError()
        # what a step took away besides the answers (a removed service's own costs): not an error
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setAccessibleName(_("What changed"))
        self.notice.hide()
        self.save_button = QPushButton(_("&Save and close"))
        self.back_button = QPushButton(_("&Back"))
        self.next_button = QPushButton(_("&Next"))
        self.finish_button = QPushButton(_("&Finish"))
        for button, name in (
            (self.save_button, _("Save and close")),
            (self.back_button, _("Back")),
            (self.next_button, _("Next")),
            (self.finish_button, _("Finish")),
        ):
            button.setAccessibleName(name)
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.finish_button):
            buttons.addWidget(button)
        self.save_button.clicked.connect(self.save_and_close)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.finish_button.clicked.connect(self.finish)

        right = QVBoxLayout()
        right.addWidget(self.stack, 1)
        right.addWidget(self.notice)
        right.addWidget(self.status)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.step_list)
        layout.addLayout(right, 1)

    # moving ----------------------------------------------------------------------------------
    @property
    def current_page(self) -> StepPage:
        return self.pages[self.guide.current.key]

    def go_next(self) -> bool:
        """Apply this step's answers; move on and save if they are fine, else show why not."""
        problems = self.guide.next(self.current_page.answers())
        self.current_page.show_problems(problems)
        if problems:
            self._show_notes()
            self._say(_("Please put right what is marked before going on."))
            return False
        self._reached = max(self._reached, self.guide.index)
        self._save()
        self._show_current()
        return True

    def go_back(self) -> None:
        """Keep whatever was typed (even with mistakes) and show the previous step."""
        if self.guide.is_first:
            return
        self.guide.back(self.current_page.answers())
        self._save()
        self._show_current()

    def go_to(self, key: str) -> None:
        """Jump to an earlier (or already reached) step, keeping this step's answers."""
        target = [s.key for s in self.guide.steps].index(key)
        if target == self.guide.index or target > self._reached:
            return
        self.guide.apply(self.current_page.answers())
        self.guide.go_to(key)
        self._save()
        self._show_current()

    def finish(self) -> None:
        """Finish once every price can be worked out; open this organisation next time."""
        problems = self.guide.apply(None)
        self.current_page.show_problems(problems)
        if problems:
            self._say(_("Some prices cannot be worked out yet; use the buttons to fix them."))
            return
        if not self._save():
            return
        assert self.organisation_id is not None
        progress.mark_finished(self.workspace, self.organisation_id)
        self.accept()

    def save_and_close(self) -> None:
        """Keep the answers so far and close; the guide carries on here next time."""
        page = self.current_page
        problems = self.guide.apply(page.answers())
        organisation = self.guide.state.organisation
        if self.organisation_id is None and not organisation.name.strip():
            super().reject()  # nothing worth keeping yet
            return
        if self.guide.current.key == guide.ORGANISATION and problems:
            page.show_problems(problems)
            self._say(_("The organisation cannot be saved until what is marked is put right."))
            return
        if self._save():
            super().reject()

    def reject(self) -> None:
        """Escape and the window's close button save and close too: nothing typed is lost."""
        self.save_and_close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape while typing in a table only leaves the cell; a second Escape closes
        focus = QApplication.focusWidget()
        if event.key() == Qt.Key.Key_Escape and focus is not None:
            table = _table_around(focus)
            if table is not None and focus is not table:
                table.setFocus()
                return
        super().keyPressEvent(event)

    # helpers ---------------------------------------------------------------------------------
    def _save(self) -> bool:
        try:
            organisation_id, scenario_id = progress.save_progress(
                self.workspace, self.guide, self.scenario_id
            )
        except Exception as error:  # a failed save must say why and keep the answers on screen
            problems: list[Problem] = getattr(error, "problems", [])
            text = "\n".join(p.message for p in problems) or str(error)
            self._say(_("Not saved: {error}").format(error=text))
            return False
        self.organisation_id, self.scenario_id = organisation_id, scenario_id
        return True

    def _show_notes(self) -> None:
        self.notice.setText("\n".join(self.guide.notes))
        self.notice.setVisible(bool(self.guide.notes))

    def _say(self, message: str) -> None:
        self.status.show_error(message)

    def _show_current(self) -> None:
        key = self.guide.current.key
        page = self.pages[key]
        page.show_problems([])
        page.load(self.guide.state)
        self.status.clear_error()
        self._show_notes()
        self.stack.setCurrentIndex(self.guide.index)
        for row in range(self.step_list.count()):
            item = self.step_list.item(row)
            flags = Qt.ItemFlag.ItemIsSelectable
            if row <= self._reached:
                flags |= Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags)
        self.step_list.setCurrentRow(self.guide.index)
        last = self.guide.is_last
        self.back_button.setEnabled(not self.guide.is_first)
        self.next_button.setVisible(not last)
        self.finish_button.setVisible(last)
        default = self.finish_button if last else self.next_button
        default.setDefault(True)
        (self.next_button if last else self.finish_button).setDefault(False)
        focus = page.first_input()
        if focus is not None:
            focus.setFocus()
        self.step_shown.emit(key)

    def _on_step_list_activated(self, item: QListWidgetItem) -> None:
        self.go_to(item.data(Qt.ItemDataRole.UserRole))

    def _on_page_go_to_step(self, key: str) -> None:
        self.go_to(key)


def _table_around(widget: QWidget) -> QAbstractItemView | None:
    """The table a widget (a cell's editor) sits in, if any."""
    parent = widget
    while parent is not None:
        if isinstance(parent, QAbstractItemView):
            return parent
        parent = parent.parentWidget()
    return None
