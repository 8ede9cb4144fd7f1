"""The guided setup dialog: renders costready.app.guide's flow, one page editor a step."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from costready.app import guide as progress
from costready.app.guide import ORGANISATION, GuideFlow
from costready.app.workspace import Workspace
from costready.costing.model import Scenario
from costready.i18n import _
from costready.organisation import Organisation
from costready.problems import Problem
from costready.ui.document import ScenarioDocument
from costready.ui.guide.steps import STEP_CLASSES, GuideStep
from costready.ui.guide.steps.base import drop_mnemonics
from costready.ui.guide.steps.organisation import OrganisationStep
from costready.ui.widgets import FieldError, plain_label

#: The letters of the guide's own buttons (Save and close, Back, Next, Finish).
BUTTON_LETTERS = {"S", "B", "N", "F"}


class GuideDialog(QDialog):
    """From nothing to a priced menu of services, one step at a time.

    Each step shows the page that edits its records, over one ScenarioDocument: edits are
    saved as they are made (Ctrl+Z undoes them), and what a step does not show stays as it
    was. A new organisation is saved, with a blank scenario, as soon as its profile is valid.
    After Finish (or Save and close) `organisation_id` and `scenario_id` name what was built;
    opening the dialog again with `organisation_id` carries on at the saved step.
    """

    step_shown = Signal(str)  # the key of the step now on screen

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        organisation_id: int | None = None,
        today: date | None = None,
    ):
        super().__init__(parent)
        self.workspace = workspace
        self.today = today or date.today()
        self.organisation_id: int | None = organisation_id
        self.scenario_id: int | None = None
        self.document: ScenarioDocument | None = None
        self.undo_stack = QUndoStack(self)
        step_key = ORGANISATION
        if organisation_id is not None:
            resumed = progress.resume(workspace, organisation_id, self.today)
            self.scenario_id, step_key = resumed.scenario_id, resumed.step
        self.flow = GuideFlow(step_key)
        self.setWindowTitle(_("Set up your prices"))
        self.setAccessibleName(_("Guided setup"))
        self.resize(1180, 740)
        self._build()
        if self.scenario_id is not None:
            self._attach()
        self._show_current()

    # building --------------------------------------------------------------------------------
    def _build(self) -> None:
        self.step_list = QListWidget()
        self.step_list.setAccessibleName(_("Steps"))
        self.step_list.setFixedWidth(190)
        self.step_list.setSpacing(2)
        for number, step in enumerate(self.flow.steps, start=1):
            item = QListWidgetItem(
                _("{number}. {title}").format(number=number, title=_(step.title))
            )
            item.setData(Qt.ItemDataRole.UserRole, step.key)
            self.step_list.addItem(item)
        self.step_list.itemActivated.connect(self._on_step_list_activated)
        self.step_list.itemClicked.connect(self._on_step_list_activated)

        self.stack = QStackedWidget()
        self.steps: dict[str, GuideStep] = {}
        for step in self.flow.steps:
            widget = (
                OrganisationStep(step, today=self.today)
                if step.key == ORGANISATION
                else STEP_CLASSES[step.key](step)
            )
            widget.go_to_step.connect(self._on_step_go_to_step)
            self.steps[step.key] = widget
            self.stack.addWidget(widget)

        self.status = FieldError()
        # what was just done (a page's "Saved: …"): not an error
        self.notice = plain_label(name=_("What changed"))
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
        # edits are saved as they are made, as on the pages: Ctrl+Z takes them back
        undo = self.undo_stack.createUndoAction(self, _("Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, _("Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.addActions([undo, redo])

        right = QVBoxLayout()
        right.addWidget(self.stack, 1)
        right.addWidget(self.notice)
        right.addWidget(self.status)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.step_list)
        layout.addLayout(right, 1)
        drop_mnemonics(self.stack, BUTTON_LETTERS)

    def _attach(self) -> None:
        """Open the scenario for editing and give every step its page over it."""
        assert self.organisation_id is not None and self.scenario_id is not None
        self.document = ScenarioDocument(
            self.workspace, self.organisation_id, self.scenario_id, self.undo_stack, self
        )
        self.document.saved.connect(self.show_status)
        self.document.save_failed.connect(self._say)
        self.document.changed.connect(self._on_document_changed)
        for step in self.steps.values():
            step.attach(self.document)
        drop_mnemonics(self.stack, BUTTON_LETTERS)

    # moving ----------------------------------------------------------------------------------
    @property
    def current_step(self) -> GuideStep:
        return self.steps[self.flow.current.key]

    @property
    def organisation_step(self) -> OrganisationStep:
        step = self.steps[ORGANISATION]
        assert isinstance(step, OrganisationStep)
        return step

    def go_next(self) -> bool:
        """Move on if this step is in order (a new organisation is saved first); else say
        what to put right."""
        step = self.current_step
        if not step.commit() or not self._saved_new_organisation():
            self._say(_("Please put right what is marked before going on."))
            return False
        problems = self.flow.next(self._organisation(), self._scenario())
        step.show_problems(problems)
        if problems:
            self._say(_("Please put right what is marked before going on."))
            return False
        self._moved()
        return True

    def go_back(self) -> None:
        """Show the previous step (what was entered is saved, problems and all)."""
        if self.flow.is_first:
            return
        self.current_step.commit()
        self.flow.back()
        self._moved()

    def go_to(self, key: str) -> None:
        """Jump to a step already reached (from the step list or a review's "fix" button)."""
        if key == self.flow.current.key or not self.flow.can_go_to(key):
            return
        if not self.current_step.commit():
            self._say(_("Please put right what is marked before going on."))
            return
        self.flow.go_to(key)
        self._moved()

    def finish(self) -> None:
        """Finish once every price can be worked out; open this organisation next time."""
        self.current_step.commit()
        problems = self.flow.finish(self._organisation(), self._scenario())
        if problems or self.organisation_id is None:
            self.current_step.show_problems(problems)
            self._say(_("Some prices cannot be worked out yet; use the buttons to fix them."))
            return
        progress.mark_finished(self.workspace, self.organisation_id)
        self.accept()

    def save_and_close(self) -> None:
        """Close, carrying on here next time; a new organisation is kept once it has a name."""
        if self.document is None:
            typed = self.organisation_step.typed_organisation()
            if typed is None or not typed.name.strip():
                super().reject()  # nothing worth keeping yet
                return
        if not self.current_step.commit() or not self._saved_new_organisation():
            self._say(_("The organisation cannot be saved until what is marked is put right."))
            return
        self._save_step()
        super().reject()

    def reject(self) -> None:
        """Escape and the window's close button save and close too: nothing typed is lost."""
        self.save_and_close()

    def show_status(self, message: str, timeout: int = 0) -> None:
        """Say what was just done ("Saved: …"); pages call this as they would the window's."""
        self.notice.setText(message)
        self.notice.setVisible(bool(message))

    # helpers ---------------------------------------------------------------------------------
    def _saved_new_organisation(self) -> bool:
        """Save a new organisation and its blank scenario once its profile is valid (True if
        there is one now)."""
        if self.document is not None:
            return True
        organisation = self.organisation_step.new_organisation()
        if organisation is None:
            return False
        try:
            self.organisation_id, self.scenario_id = progress.start(
                self.workspace, organisation, self.today
            )
        except Exception as error:  # a failed save must say why and keep the form on screen
            problems: list[Problem] = getattr(error, "problems", [])
            text = "\n".join(p.message for p in problems) or str(error)
            self._say(_("Not saved: {error}").format(error=text))
            return False
        self._attach()
        return True

    def _organisation(self) -> Organisation | None:
        if self.organisation_id is None:
            return self.organisation_step.typed_organisation()
        return self.workspace.organisation(self.organisation_id)

    def _scenario(self) -> Scenario | None:
        return self.document.scenario if self.document is not None else None

    def _moved(self) -> None:
        self._save_step()
        self._show_current()

    def _save_step(self) -> None:
        if self.organisation_id is not None:
            progress.save_step(self.workspace, self.organisation_id, self.flow.current.key)

    def _say(self, message: str) -> None:
        self.status.show_error(message)

    def _show_current(self) -> None:
        key = self.flow.current.key
        step = self.steps[key]
        step.show_problems([])
        step.refresh()
        self.status.clear_error()
        self.notice.hide()
        self.stack.setCurrentWidget(step)
        for row in range(self.step_list.count()):
            item = self.step_list.item(row)
            flags = Qt.ItemFlag.ItemIsSelectable
            if row <= self.flow.reached:
                flags |= Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags)
        self.step_list.setCurrentRow(self.flow.index)
        last = self.flow.is_last
        self.back_button.setEnabled(not self.flow.is_first)
        self.next_button.setVisible(not last)
        self.finish_button.setVisible(last)
        default = self.finish_button if last else self.next_button
        default.setDefault(True)
        (self.next_button if last else self.finish_button).setDefault(False)
        focus = step.first_input()
        if focus is not None:
            focus.setFocus()
        self.step_shown.emit(key)

    def _on_document_changed(self) -> None:
        # a problem put right on the screen no longer stops Next
        step = self.current_step
        if step.problems.has_error and self.document is not None:
            key = self.flow.current.key
            step.show_problems(
                progress.problems_of_step(key, self._organisation(), self.document.scenario)
            )

    def _on_step_list_activated(self, item: QListWidgetItem) -> None:
        self.go_to(item.data(Qt.ItemDataRole.UserRole))

    def _on_step_go_to_step(self, key: str) -> None:
        self.go_to(key)
