"""Opening a workspace in the window: its snapshot first, then the workspace behind it; the
first-run choice for an empty one; and, on closing, a fresh snapshot for next time."""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Slot

from costready.i18n import _

if TYPE_CHECKING:
    from costready.app.snapshot import FirstScreen
    from costready.app.workspace import Workspace
    from costready.ui.main_window import MainWindow

#: After a save, the snapshot is written once edits have paused this long (milliseconds).
SNAPSHOT_DELAY = 2000


class WorkspaceOpening(QObject):
    """Opens, swaps and closes the window's workspace."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        #: True when this window opened the workspace (and so closes it)
        self.owns_workspace = False
        self._snapshot_timer = QTimer(self)
        self._snapshot_timer.setSingleShot(True)
        self._snapshot_timer.setInterval(SNAPSHOT_DELAY)
        self._snapshot_timer.timeout.connect(self._on_snapshot_timer_timeout)

    def open_url(self, url: str | None) -> bool:
        """Open the workspace at `url` (None: the default) and show an organisation from it.

        At start-up the first screen is painted from the workspace's snapshot before the
        workspace itself opens (which imports SQLAlchemy, a third of a second).
        """
        window = self.window
        try:
            if window.workspace is None and window.document is None:
                self._show_first_screen(url)
            from costready.app.workspace import open_workspace

            workspace = open_workspace(url)
        except Exception as error:  # any failure to open is shown; the window stays usable
            if window.workspace is None:  # nothing of a snapshot shown stays usable
                window.clear()
            self._show_open_failed(error)
            return False
        try:
            self.set_workspace(workspace)
        except Exception as error:  # opened, but not readable now (locked by another program)
            with suppress(Exception):  # closing what cannot be read may fail too
                workspace.close()
            window.clear()
            self._show_open_failed(error)
            return False
        self.owns_workspace = True
        _remember_recent(workspace.url)
        return True

    def _show_first_screen(self, url: str | None) -> None:
        """Paint the page the workspace will open on from its snapshot, if it has a current one."""
        from costready.app.snapshot import read_first_screen

        first_screen = read_first_screen(url)
        if first_screen is None:
            return
        try:
            self.window.show_document(
                first_screen, first_screen.organisation_id, first_screen.scenario_id
            )
        except Exception:  # a page asked for more than the snapshot holds: open the usual way
            self.window.clear()
            return
        # the window is busy opening the workspace next, so paint now or nobody sees this
        self.window.repaint()

    def _show_open_failed(self, error: Exception) -> None:
        """Say why in words (never "Opening your workspace…" behind a dialog), and offer to
        open another workspace."""
        from costready.ui.dialogs.error import plain_message, report_error

        window = self.window
        window.statusBar().showMessage(_("The workspace could not be opened"))
        window.show_empty(
            _("The workspace could not be opened: {error}").format(error=plain_message(error)),
            _("Open another workspace…"),
            window.file_actions.choose_workspace,
        )
        report_error(window, _("Workspace not opened"), error)

    def set_workspace(self, workspace: Workspace) -> None:
        """Make `workspace` the open one and show its last organisation (first run if none)."""
        from costready.app.opening import organisation_to_open

        window = self.window
        if window.workspace is not None and window.workspace is not workspace:
            self.release()
        self.owns_workspace = False  # a workspace handed in is closed by whoever opened it
        window.workspace = workspace
        org_id = organisation_to_open(workspace)
        if org_id is None:
            if window.document is not None:  # a snapshot of an organisation since deleted
                window.clear()
                window.workspace = workspace
            self._first_run()
            return
        window.show_organisation(org_id)

    def show_again(self) -> None:
        """Show the open workspace afresh, at the organisation to open (what was shown was
        removed by another program); whoever opened it still closes it."""
        workspace = self.window.workspace
        if workspace is None:
            return
        owns = self.owns_workspace
        try:
            self.set_workspace(workspace)
        except Exception as error:  # unreadable now (locked, say): said, and the window stays
            from costready.ui.dialogs.error import report_error

            report_error(self.window, _("Workspace not read"), error)
        finally:
            self.owns_workspace = owns

    def _first_run(self) -> None:
        from costready.ui.first_run import FirstRunDialog

        # the workspace is open: say so rather than "Opening workspace…" behind the choice
        self.window.statusBar().showMessage(_("No organisation in this workspace yet"))
        dialog = FirstRunDialog(self.window)
        dialog.exec()
        if dialog.choice == FirstRunDialog.GUIDED:
            self.window.file_actions.start_guide()
        elif dialog.choice == FirstRunDialog.SAMPLE:
            self.open_sample()
        workspace = self.window.workspace
        if self.window.document is None or workspace is None or not workspace.organisations():
            self._show_first_run_empty()

    def _show_first_run_empty(self) -> None:
        self.window.statusBar().showMessage(_("No organisation in this workspace yet"))
        self.window.show_empty(
            _(
                "This workspace has no organisation yet. Set one up with the guided setup, "
                "or open the sample organisation to look around."
            ),
            _("Set up a new organisation (guided)…"),
            self.window.file_actions.start_guide,
            (_("Open the sample organisation"), self.open_sample),
        )

    def open_sample(self) -> None:
        """Install the sample organisation and show it."""
        from costready.app.sample import install_sample

        workspace = self.window.workspace
        if workspace is None:
            return
        org_id, scenario_id = install_sample(workspace)
        self.window.show_organisation(org_id, scenario_id)
        self.window.show_status(_("Opened the sample organisation"), 5000)

    # Snapshots and closing -----------------------------------------------------------------
    def edited(self) -> None:
        """Something was saved: snapshot the first screen once the edits pause."""
        self._snapshot_timer.start()

    @Slot()
    def _on_snapshot_timer_timeout(self) -> None:
        self.write_snapshot()

    def write_snapshot(self) -> None:
        """Snapshot what the workspace opens on next time (a nicety: failures are ignored)."""
        from costready.app.snapshot import write_snapshot

        self._snapshot_timer.stop()
        if self.window.workspace is not None:
            write_snapshot(self.window.workspace)

    def release(self) -> None:
        """Done with the open workspace: remember the page on screen, snapshot the first
        screen for next time, and close the workspace if this window opened it."""
        window, workspace = self.window, self.window.workspace
        if workspace is None:
            return
        key = window.current_page_key()
        if key and window.document is not None:
            from costready.app.opening import remember_page
            from costready.app.workspace import StorageError

            with suppress(StorageError):  # a nicety: the window opens on Home instead
                remember_page(workspace, key)
        self.write_snapshot()
        if self.owns_workspace:
            workspace.close()
        window.workspace = None
        self.owns_workspace = False

    def first_screen(self) -> FirstScreen | None:
        """The snapshot the window shows while the workspace opens, if it shows one."""
        from costready.app.snapshot import FirstScreen

        document = self.window.document
        if document is None:
            return None
        reader = document.workspace
        return reader if isinstance(reader, FirstScreen) else None


def _remember_recent(url: str) -> None:
    """List a workspace file in File › Open recent (a server database is not listed)."""
    from costready.app.backups import workspace_file
    from costready.ui.file_dialogs import remember_workspace

    with suppress(Exception):  # a nicety: the workspace is open either way
        remember_workspace(workspace_file(url))
