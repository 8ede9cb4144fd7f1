"""The open scenario as the screens share it: one value, repriced and saved on every edit.

Every edit is a whole new `Scenario` value (the model is immutable), pushed onto the window's
QUndoStack, so undo and redo are just "put the previous value back and save it". A save is made
at the version last read, so another window's or program's save is never written over: the save
is refused (`conflict`), the edit stays shown, and the window offers to reload.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QMetaMethod, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from costready.app.errors import StaleRecord, StorageError
from costready.app.snapshot import FirstScreen, StillOpening
from costready.costing.engine import price_scenario
from costready.costing.model import Scenario
from costready.costing.results import CostingError, ScenarioResult
from costready.i18n import _
from costready.problems import Problem
from costready.ui.edit_names import undo_text

if TYPE_CHECKING:
    from costready.app.reading import WorkspaceReader
    from costready.app.workspace import Workspace


class ScenarioDocument(QObject):
    """The scenario being edited, its prices, and the undo history of its edits."""

    changed = Signal()  # the scenario was replaced (an edit, undo, redo or a load)
    save_failed = Signal(str)  # the message to show; the previous value is back in place
    saved = Signal(str)  # a status-bar message such as "Saved: Rent changed"
    #: a save refused because another window or program saved the scenario (or one of its
    #: services) first; the message names it and when. The edit stays shown, unsaved, until the
    #: window reloads (`reload`). With nothing connected, `save_failed` says it instead.
    conflict = Signal(str)
    #: a save went through, but another program had saved to the workspace since this
    #: document read it (checked before every save): the window reloads what it shows
    stale = Signal()

    def __init__(
        self,
        workspace: Workspace | FirstScreen,
        organisation_id: int,
        scenario_id: int,
        undo_stack: QUndoStack,
        parent: QObject | None = None,
    ):
        """Show `scenario_id` from `workspace`, or from the start-up snapshot of it (pages can
        read it at once; writes wait for `take_over`)."""
        super().__init__(parent)
        self._reader: WorkspaceReader = workspace
        self._store: Workspace | None = None if isinstance(workspace, FirstScreen) else workspace
        self.organisation_id = organisation_id
        self.scenario_id = scenario_id
        self.undo_stack = undo_stack
        #: the edit a refused save left on screen ("Change rent"), until the next reload
        self.unsaved_edit = ""
        #: the unexpected error behind the last `save_failed` (None: a refusal in words), so
        #: the window can offer its details
        self.save_error: BaseException | None = None
        self._seen = self._data_version()  # before the read: a write in between shows later
        self._scenario = workspace.load_scenario(scenario_id)
        self._result: ScenarioResult | None = None
        self._problems: list[Problem] = []
        self._reprice()

    @property
    def workspace(self) -> WorkspaceReader:
        """What the pages read: the workspace, or the snapshot of it while it opens."""
        return self._reader

    @property
    def store(self) -> Workspace:
        """The open workspace, for writes (StillOpening while only the snapshot is here)."""
        if self._store is None:
            raise StillOpening
        return self._store

    @property
    def scenario(self) -> Scenario:
        return self._scenario

    @property
    def result(self) -> ScenarioResult | None:
        """The priced scenario, or None while `problems` says why it cannot be priced."""
        return self._result

    @property
    def problems(self) -> list[Problem]:
        return self._problems

    def apply(self, new: Scenario, description: str) -> None:
        """Make `new` the scenario as one undoable edit named `description` ("Change rent")."""
        if new == self._scenario:
            return
        self.undo_stack.push(_EditCommand(self, self._scenario, new, description))

    def replace(self, new: Scenario, description: str = "") -> bool:
        """Save `new` and show it; on a failed save keep the old value and say why.

        Saved at the version last read or saved (undo's older values carry older ones); if
        someone else saved since, nothing is written, `new` stays shown (unsaved) and
        `conflict` asks the window to offer a reload.
        """
        stale = self.changed_elsewhere()
        try:
            version = self.store.save_scenario(
                self.scenario_id, dataclasses.replace(new, version=self._scenario.version)
            )
        except StaleRecord as error:
            self._show_unsaved(new, description, _("Not saved: {error}").format(error=error))
            return False
        except Exception as error:  # a failed save must never lose the shown work
            self._save_failed(error)
            return False
        self._scenario = dataclasses.replace(new, version=version)
        self._reprice()
        self.changed.emit()
        if stale:
            self.stale.emit()
        return True

    def _save_failed(self, error: Exception) -> None:
        """Say why in words: a refusal's own, or a plain one (its details in `save_error`)."""
        from costready.ui.dialogs.error import plain_message, worded

        self.save_error = None if worded(error) is not None else error
        self.save_failed.emit(_("Not saved: {error}").format(error=plain_message(error)))

    def _show_unsaved(self, new: Scenario, description: str, message: str) -> None:
        """Keep the refused edit on screen so it can be made again after a reload."""
        self._scenario = dataclasses.replace(new, version=self._scenario.version)
        self.unsaved_edit = description
        self._reprice()
        self.changed.emit()
        if self.isSignalConnected(QMetaMethod.fromSignal(self.conflict)):
            self.conflict.emit(message)
        else:
            self.save_failed.emit(message)

    def changed_elsewhere(self) -> bool:
        """Whether another program or window saved to the workspace since this document last
        read it (one small query: ask on focus and before a save, then `reload`)."""
        if self._seen is None or self._store is None:
            return False
        try:
            return bool(self._store.changed_elsewhere(self._seen))
        except StorageError:  # the database is busy: ask again later
            return False

    def _data_version(self) -> int | None:
        if self._store is None:
            return None  # the start-up snapshot has none; `take_over` reads it
        try:
            return int(self._store.data_version())
        except StorageError:
            return None

    def reload(self, scenario_id: int | None = None, organisation_id: int | None = None) -> None:
        """Show another scenario (or re-read this one); clears the undo history."""
        if organisation_id is not None:
            self.organisation_id = organisation_id
        if scenario_id is not None:
            self.scenario_id = scenario_id
        self._seen = self._data_version()
        self._scenario = self.workspace.load_scenario(self.scenario_id)
        self.unsaved_edit = ""
        self.undo_stack.clear()
        self._reprice()
        self.changed.emit()

    def open_in(self, workspace: Workspace, organisation_id: int, scenario_id: int) -> None:
        """Show `scenario_id` of `organisation_id` from `workspace` (clears the undo history)."""
        self._reader = self._store = workspace
        self.reload(scenario_id=scenario_id, organisation_id=organisation_id)

    def take_over(self, workspace: Workspace, unchanged: bool) -> None:
        """Carry on in `workspace`, opened behind the start-up snapshot of the same scenario.

        The pages are redrawn only if the workspace was written since the snapshot was taken
        (`unchanged` False: another program saved); otherwise they keep their selection and
        scroll position.
        """
        self._reader = self._store = workspace
        self._seen = self._data_version()
        if unchanged:
            return
        self._scenario = workspace.load_scenario(self.scenario_id)
        self._reprice()
        self.changed.emit()

    def _reprice(self) -> None:
        try:
            self._result = price_scenario(self._scenario)
            self._problems = self._result.problems  # services that could not be priced
        except CostingError as error:
            self._result = None
            self._problems = error.problems


class _EditCommand(QUndoCommand):
    def __init__(self, document: ScenarioDocument, old: Scenario, new: Scenario, text: str):
        # the text becomes the Undo/Redo menu entry, where "&" would mark a shortcut letter
        super().__init__(text.replace("&", "&&"))
        self.edit = text  # the Undo and Redo entries read their sentences from it
        self._description = text
        self._document = document
        self._old = old
        self._new = new

    def redo(self) -> None:
        if self._document.replace(self._new, self._description):
            self._document.saved.emit(_("Saved: {what}").format(what=self._description))
        else:
            self.setObsolete(True)

    def undo(self) -> None:
        if self._document.replace(self._old, undo_text(self._description)):
            self._document.saved.emit(_("Undone: {what}").format(what=self._description))
        elif not self._document.unsaved_edit:  # (a conflict waits for the window's reload)
            # the history no longer matches what is saved: show what is saved and start afresh
            # (after this call returns, since the stack cannot be cleared from inside it)
            QTimer.singleShot(0, self._document, self._document.reload)
