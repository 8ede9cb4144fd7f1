"""The main window: a sidebar of pages, the menus, the scenario switcher and the status bar.

The window is built and shown before any storage or reporting code is imported; the workspace
arrives afterwards through `open_workspace` (see costready.ui.app).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from costready.i18n import N_, _
from costready.storage.keys import LAST_ORGANISATION
from costready.ui.pages import PAGE_KEYS, page_class
from costready.ui.widgets import empty_state, icon

if TYPE_CHECKING:
    from costready.storage.quickread import WorkspacePreview
    from costready.storage.workspace import Workspace
    from costready.ui.document import ScenarioDocument

#: The workspace-wide setting naming the page shown when the window last closed.
LAST_PAGE = "last_page"
PAGE_TITLES = {
    "home": N_("Home"),
    "organisation": N_("Organisation"),
    "services": N_("Services"),
    "staff": N_("Staff"),
    "costs": N_("Costs"),
    "prices": N_("Prices"),
}


class _Pages(dict[str, QWidget]):
    """The pages built so far, by key; looking up one not built yet builds it.

    Building every page at start-up cost a tenth of a second before anything showed; this way
    only the page on screen is built, and the others when first shown (or looked up).
    """

    def __init__(self, make: Callable[[str], QWidget]):
        super().__init__()
        self._make = make

    def __missing__(self, key: str) -> QWidget:
        if key not in PAGE_KEYS:
            raise KeyError(key)
        page = self[key] = self._make(key)
        return page


class _WorkerSignals(QObject):
    finished = Signal(str)  # the message for the status bar
    failed = Signal(str)


class _Worker(QRunnable):
    """Runs one slow, pure-domain job (a PDF) off the GUI thread and reports back by signal."""

    def __init__(self, job: Callable[[], None], done_message: str):
        super().__init__()
        self.signals = _WorkerSignals()
        self._job = job
        self._done_message = done_message

    def run(self) -> None:
        try:
            self._job()
        except Exception as error:  # reported to the person; the window carries on
            self.signals.failed.emit(str(error))
        else:
            self.signals.finished.emit(self._done_message)


class MainWindow(QMainWindow):
    """CostReady's one window."""

    workspace_loaded = Signal()  # a workspace is open and the pages show an organisation
    export_finished = Signal(str)  # a PDF was written; the status-bar message

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # a WorkspacePreview only while start-up shows the first screen ahead of the workspace
        self.workspace: Workspace | WorkspacePreview | None = None
        self._owns_workspace = False
        self.document: ScenarioDocument | None = None
        self.undo_stack = QUndoStack(self)
        self.pages = _Pages(self._make_page)
        self._page_actions: list[QAction] = []
        self._workers: set[_Worker] = set()
        self.setWindowTitle("CostReady")
        self.resize(1100, 720)
        self._build_sidebar_and_stack()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.statusBar().showMessage(_("Opening workspace…"))
        self._set_workspace_actions_enabled(False)

    # Layout -------------------------------------------------------------------------------
    def _build_sidebar_and_stack(self) -> None:
        central = QWidget()
        outer = QHBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        side = QWidget()
        side.setObjectName("sidebar")
        side.setFixedWidth(210)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 12, 8, 12)
        self.organisation_label = QLabel("")
        self.organisation_label.setWordWrap(True)
        font = self.organisation_label.font()
        font.setBold(True)
        self.organisation_label.setFont(font)
        side_layout.addWidget(self.organisation_label)

        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName(_("Pages"))
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setSpacing(2)
        self.sidebar.setFrameShape(QListWidget.Shape.NoFrame)
        # the list takes the sidebar's colour; done through the palette because wrapping the
        # viewport (viewport()) costs PySide ~10 ms before the window can show
        palette = self.sidebar.palette()
        palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
        self.sidebar.setPalette(palette)
        for number, key in enumerate(PAGE_KEYS, start=1):
            item = QListWidgetItem(icon(key), _(PAGE_TITLES[key]))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(
                _("{page} (Ctrl+{number})").format(page=_(PAGE_TITLES[key]), number=number)
            )
            item.setSizeHint(QSize(0, 34))
            self.sidebar.addItem(item)
        self.sidebar.currentRowChanged.connect(self._on_sidebar_current_row_changed)
        side_layout.addWidget(self.sidebar, 1)

        # Alt+S opens the Scenario menu, so the switcher takes Alt+R
        scenario_label = QLabel(_("Scena&rio"))
        self.scenario_combo = QComboBox()
        self.scenario_combo.setAccessibleName(_("Scenario"))
        self.scenario_combo.setToolTip(_("The costing scenario you are working on"))
        scenario_label.setBuddy(self.scenario_combo)
        self.scenario_combo.activated.connect(self._on_scenario_combo_activated)
        side_layout.addWidget(scenario_label)
        side_layout.addWidget(self.scenario_combo)
        outer.addWidget(side)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(16, 12, 16, 8)
        self.page_title = QLabel("")
        self.page_title.setObjectName("windowPageTitle")
        title_font = self.page_title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.5)
        title_font.setBold(True)
        self.page_title.setFont(title_font)
        right_layout.addWidget(self.page_title)
        self.stack = QStackedWidget()
        right_layout.addWidget(self.stack, 1)
        outer.addWidget(right, 1)
        self.setCentralWidget(central)

        self._placeholder = empty_state(_("Opening your workspace…"))
        self.stack.addWidget(self._placeholder)
        self.page_title.hide()

    def _build_actions(self) -> None:
        def make(
            text: str, slot: Callable[[], object], name: str = "", keys: Any = None
        ) -> QAction:
            action = QAction(icon(name) if name else icon(""), text, self)
            action.triggered.connect(slot)
            if keys is not None:
                action.setShortcut(QKeySequence(keys))
            return action

        self.new_organisation_action = make(
            _("&New organisation (guided)…"),
            self.new_organisation,
            "guide",
            QKeySequence.StandardKey.New,
        )
        self.open_workspace_action = make(
            _("&Open workspace…"), self.choose_workspace, "open", QKeySequence.StandardKey.Open
        )
        self.switch_organisation_action = make(
            _("S&witch organisation…"), self.switch_organisation, "switch"
        )
        self.import_action = make(_("&Import model…"), self.import_model, "import")
        self.export_model_action = make(_("&Export model…"), self.export_model, "export")
        self.export_price_list_action = make(
            _("Export &price list PDF…"), self.export_price_list, "export"
        )
        self.export_report_action = make(
            _("Export &costing report PDF…"), self.export_costing_report, "export"
        )
        self.quit_action = make(_("&Quit"), self.close, "quit", "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo_action = self.undo_stack.createUndoAction(self, _("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setIcon(icon("undo"))
        self.redo_action = self.undo_stack.createRedoAction(self, _("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.setIcon(icon("redo"))

        self.copy_scenario_action = make(_("&Copy scenario…"), self.copy_scenario, "copy")
        self.compare_action = make(_("Co&mpare scenarios…"), self.compare_scenarios, "compare")
        self.adopt_action = make(_("&Adopt prices…"), self.adopt_prices, "check")
        self.about_action = make(_("&About CostReady"), self.show_about, "about")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

        for number, key in enumerate(PAGE_KEYS, start=1):
            action = QAction(_(PAGE_TITLES[key]), self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, k=key: self.show_page(k))
            self.addAction(action)  # works from anywhere in the window without a menu entry
            self._page_actions.append(action)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(_("&File"))
        file_menu.addAction(self.new_organisation_action)
        file_menu.addAction(self.open_workspace_action)
        file_menu.addAction(self.switch_organisation_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.export_model_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_price_list_action)
        file_menu.addAction(self.export_report_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(_("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        scenario_menu = bar.addMenu(_("&Scenario"))
        scenario_menu.addAction(self.copy_scenario_action)
        scenario_menu.addAction(self.compare_action)
        scenario_menu.addAction(self.adopt_action)
        help_menu = bar.addMenu(_("&Help"))
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(_("Main toolbar"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setIconSize(QSize(18, 18))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addAction(self.undo_action)
        self.toolbar.addAction(self.redo_action)
        self.addToolBar(self.toolbar)

    def _set_workspace_actions_enabled(self, enabled: bool) -> None:
        for action in (
            self.switch_organisation_action,
            self.export_model_action,
            self.export_price_list_action,
            self.export_report_action,
            self.copy_scenario_action,
            self.compare_action,
            self.adopt_action,
            *self._page_actions,
        ):
            action.setEnabled(enabled)
        self.sidebar.setEnabled(enabled)
        self.scenario_combo.setEnabled(enabled)

    # Opening a workspace ------------------------------------------------------------------
    def open_workspace_url(self, url: str | None) -> bool:
        """Open the workspace at `url` (None: the default) and show an organisation from it.

        At start-up the first screen is read and painted before the workspace itself opens
        (which imports SQLAlchemy, a third of a second); see `costready.storage.quickread`.
        """
        if self.workspace is None:
            self._show_preview(url)
        from costready.storage.workspace import Workspace

        try:
            workspace = Workspace.open(url)
        except Exception as error:  # any failure to open is shown; the window stays usable
            self._drop_preview()
            self._show_open_failed(error)
            return False
        try:
            self.set_workspace(workspace)
        except Exception as error:  # opened, but not readable now (locked by another program)
            workspace.close()
            self._forget_workspace()
            self._show_open_failed(error)
            return False
        self._owns_workspace = True
        return True

    def _show_open_failed(self, error: Exception) -> None:
        self.statusBar().showMessage(_("The workspace could not be opened"))
        self._show_empty(
            _("The workspace could not be opened: {error}").format(error=error),
            _("Open another workspace…"),
            self.choose_workspace,
        )
        QMessageBox.warning(self, _("Workspace not opened"), str(error))

    def _show_preview(self, url: str | None) -> None:
        """Paint the page the workspace will open on, read with sqlite3 alone, if it can be."""
        from costready.storage.quickread import read_preview

        preview = read_preview(url)
        if preview is None:
            return
        self.workspace = preview
        self._owns_workspace = False
        self._create_document(preview.organisation_id, preview.scenario_id)
        self._refresh_context()
        self._set_workspace_actions_enabled(True)
        self.show_page(self._start_page())
        # the window is busy opening the workspace next, so paint now or nobody sees this
        self.repaint()

    def _drop_preview(self) -> None:
        """The workspace behind a preview failed to open: nothing of it stays."""
        from costready.storage.quickread import WorkspacePreview

        if isinstance(self.workspace, WorkspacePreview):
            self._forget_workspace()

    def _forget_workspace(self) -> None:
        """Take every page, the document and the names of a workspace that failed to open
        off the window, so nothing stale stays on screen or can be edited."""
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        if self.document is not None:
            self.document.deleteLater()
            self.document = None
        self.undo_stack.clear()
        self.workspace = None
        self._owns_workspace = False
        self.organisation_label.clear()
        self.scenario_combo.clear()
        self._set_workspace_actions_enabled(False)
        self._refresh_window_title()

    def _previewing(self, org_id: int, scenario_id: int) -> bool:
        """True while the document shows the start-up preview of this very scenario."""
        from costready.storage.quickread import WorkspacePreview

        document, workspace = self.document, self.workspace
        return (
            document is not None
            and workspace is not None
            and isinstance(document.workspace, WorkspacePreview)
            and document.workspace.url == workspace.url
            and (document.organisation_id, document.scenario_id) == (org_id, scenario_id)
        )

    def _start_page(self) -> str:
        """The page shown when the window last closed, else Home."""
        assert self.workspace is not None
        key = self.workspace.get_setting(None, LAST_PAGE)
        return key if key in PAGE_KEYS else "home"

    def set_workspace(self, workspace: Workspace) -> None:
        """Make `workspace` the open one and show its last organisation (first run if none)."""
        from costready.app.opening import organisation_to_open

        if self.workspace is not None and self.workspace is not workspace and self._owns_workspace:
            self.workspace.close()
        self._owns_workspace = False  # a workspace handed in is closed by whoever opened it
        self.workspace = workspace
        org_id = organisation_to_open(workspace)
        if org_id is None:
            self._first_run()
            return
        self.show_organisation(org_id)

    def _first_run(self) -> None:
        from costready.ui.first_run import FirstRunDialog

        # the workspace is open: say so rather than "Opening workspace…" behind the choice
        self.statusBar().showMessage(_("No organisation in this workspace yet"))
        dialog = FirstRunDialog(self)
        dialog.exec()
        if dialog.choice == FirstRunDialog.GUIDED:
            self.new_organisation()
        elif dialog.choice == FirstRunDialog.SAMPLE:
            self.open_sample()
        if self.document is None or self.workspace is None or not self.workspace.organisations():
            self._show_first_run_empty()

    def _show_first_run_empty(self) -> None:
        self.statusBar().showMessage(_("No organisation in this workspace yet"))
        self._show_empty(
            _(
                "This workspace has no organisation yet. Set one up with the guided setup, "
                "or open the sample organisation to look around."
            ),
            _("Set up a new organisation (guided)…"),
            self.new_organisation,
            (_("Open the sample organisation"), self.open_sample),
        )

    def _show_empty(
        self,
        text: str,
        button: str,
        slot: Callable[[], object],
        *more: tuple[str, Callable[[], object]],
    ) -> None:
        """Show `text` with a button doing `slot` (it takes the focus) and `more` beside it."""
        box = empty_state(text, button, slot, *more)
        first = box.findChild(QPushButton)
        assert first is not None
        self.stack.addWidget(box)
        self.stack.setCurrentWidget(box)
        self.page_title.hide()
        first.setFocus()

    def open_sample(self) -> None:
        """Install the sample organisation and show it."""
        from costready.app.sample import install_sample

        if self.workspace is None:
            return
        org_id, scenario_id = install_sample(self.workspace)
        self.show_organisation(org_id, scenario_id)
        self.statusBar().showMessage(_("Opened the sample organisation"), 5000)

    def show_organisation(self, org_id: int, scenario_id: int | None = None) -> None:
        """Show organisation `org_id` at `scenario_id` (else its adopted, else newest scenario)."""
        assert self.workspace is not None
        workspace = self.workspace
        if scenario_id is None:
            scenario_id = self._default_scenario(org_id)
        workspace.set_setting(None, LAST_ORGANISATION, str(org_id))
        if self.document is None:
            self._create_document(org_id, scenario_id)
        elif self._previewing(org_id, scenario_id):
            self.document.take_over(workspace)
        else:
            self.document.workspace = workspace
            self.document.reload(scenario_id=scenario_id, organisation_id=org_id)
        self._refresh_context()
        self._set_workspace_actions_enabled(True)
        if self.stack.currentWidget() not in self.pages.values():
            self.show_page(self._start_page())
        self.statusBar().showMessage(_("Ready"), 3000)
        self.workspace_loaded.emit()

    def _default_scenario(self, org_id: int) -> int:
        from costready.app.opening import scenario_to_open

        assert self.workspace is not None
        scenario_id = scenario_to_open(self.workspace, org_id)
        if scenario_id is not None:
            return scenario_id
        return self.workspace.create_scenario(org_id, self._blank_scenario(org_id))

    def _blank_scenario(self, org_id: int) -> Any:
        """An empty scenario for the organisation's current financial year."""
        from costready.costing.scenarios import new_scenario

        assert self.workspace is not None
        return new_scenario(self.workspace.organisation(org_id), date.today())

    def _create_document(self, org_id: int, scenario_id: int) -> None:
        from costready.ui.document import ScenarioDocument

        assert self.workspace is not None
        self.document = ScenarioDocument(self.workspace, org_id, scenario_id, self.undo_stack, self)
        self.document.saved.connect(self._on_document_saved)
        self.document.save_failed.connect(self._on_document_save_failed)
        self.document.changed.connect(self._on_document_changed)

    def _make_page(self, key: str) -> QWidget:
        """Build page `key` over the open document (pages are built when first wanted)."""
        assert self.document is not None
        page = page_class(key)(self.document)
        self.stack.addWidget(page)
        if hasattr(page, "navigate_requested"):
            page.navigate_requested.connect(self._on_page_navigate_requested)
        if key == "prices":
            page.prices_adopted.connect(lambda _list: self._refresh_context())
        elif key == "organisation":
            page.organisation_saved.connect(self._refresh_context)
        return page

    # Pages ---------------------------------------------------------------------------------
    def show_page(self, key: str) -> None:
        """Switch to the page called `key` ("home", "services"...)."""
        keys = list(PAGE_KEYS)
        if key not in keys or self.document is None:
            return
        self.sidebar.setCurrentRow(keys.index(key))
        self._on_sidebar_current_row_changed(keys.index(key))

    def current_page_key(self) -> str:
        for key, page in self.pages.items():
            if page is self.stack.currentWidget():
                return key
        return ""

    @Slot(int)
    def _on_sidebar_current_row_changed(self, row: int) -> None:
        if row < 0 or row >= len(PAGE_KEYS) or self.document is None:
            return
        key = PAGE_KEYS[row]
        page = self.pages[key]
        self.stack.setCurrentWidget(page)
        # pages normally bring their own header; show the window's title only when they do not
        has_header = page.findChild(QWidget, "pageHeader") is not None
        self.page_title.setText(_(PAGE_TITLES[key]))
        self.page_title.setVisible(not has_header)
        self._refresh_window_title()

    @Slot(str)
    def _on_page_navigate_requested(self, key: str) -> None:
        if key == "guide":
            self.resume_guide()
        else:
            self.show_page(key)

    # Context (organisation, scenario) --------------------------------------------------------
    def _refresh_context(self) -> None:
        if self.workspace is None or self.document is None:
            return
        org = self.workspace.organisation(self.document.organisation_id)
        self.organisation_label.setText(org.name)
        self.organisation_label.setToolTip(org.name)
        self._fill_scenario_combo()
        self._refresh_window_title()

    def _fill_scenario_combo(self) -> None:
        assert self.workspace is not None and self.document is not None
        self.scenario_combo.blockSignals(True)
        self.scenario_combo.clear()
        for summary in self.workspace.scenarios(self.document.organisation_id):
            self.scenario_combo.addItem(summary.name, summary.id)
            if summary.adopted:  # a tick, with the words for screen readers and tooltips
                row = self.scenario_combo.count() - 1
                adopted = _("{name} (adopted)").format(name=summary.name)
                self.scenario_combo.setItemIcon(row, icon("check"))
                self.scenario_combo.setItemData(row, adopted, Qt.ItemDataRole.ToolTipRole)
                self.scenario_combo.setItemData(row, adopted, Qt.ItemDataRole.AccessibleTextRole)
        index = self.scenario_combo.findData(self.document.scenario_id)
        self.scenario_combo.setCurrentIndex(index)
        self.scenario_combo.blockSignals(False)

    def _refresh_window_title(self) -> None:
        parts = ["CostReady"]
        if self.workspace is not None and self.document is not None:
            parts.insert(0, self.organisation_label.text())
        key = self.current_page_key()
        if key:
            parts.insert(0, _(PAGE_TITLES[key]))
        self.setWindowTitle(" — ".join(parts))

    @Slot(int)
    def _on_scenario_combo_activated(self, index: int) -> None:
        scenario_id = self.scenario_combo.itemData(index)
        if self.document is None or scenario_id is None or scenario_id == self.document.scenario_id:
            return
        self.switch_scenario(int(scenario_id))

    def switch_scenario(self, scenario_id: int) -> None:
        """Show another scenario of this organisation (clears the undo history)."""
        assert self.document is not None
        self.document.reload(scenario_id=scenario_id)
        self._refresh_context()
        self.statusBar().showMessage(
            _("Now working on {name}").format(name=self.document.scenario.name), 5000
        )

    @Slot()
    def _on_document_changed(self) -> None:
        # a renamed scenario shows its new name in the switcher
        if self.document is not None and self.scenario_combo.currentData() is not None:
            index = self.scenario_combo.findData(self.document.scenario_id)
            if index >= 0 and self.workspace is not None:
                self._fill_scenario_combo()

    @Slot(str)
    def _on_document_saved(self, message: str) -> None:
        self.statusBar().showMessage(message, 5000)

    @Slot(str)
    def _on_document_save_failed(self, message: str) -> None:
        self.statusBar().showMessage(message)
        QMessageBox.warning(self, _("Not saved"), message)

    def show_status(self, message: str, timeout: int = 5000) -> None:
        """A short message in the status bar (pages call this to confirm a save)."""
        self.statusBar().showMessage(message, timeout)

    # File menu -----------------------------------------------------------------------------
    def new_organisation(self) -> None:
        """Run the guided setup for a new organisation and show it when finished."""
        if self.workspace is None:
            return
        from costready.ui.guide.wizard import GuideDialog

        dialog = GuideDialog(self.workspace, self)
        dialog.exec()
        self._show_guided(dialog)

    def resume_guide(self) -> None:
        """Carry on the guided setup of the current organisation where it stopped."""
        if self.workspace is None or self.document is None:
            return
        from costready.ui.guide.wizard import GuideDialog

        dialog = GuideDialog(self.workspace, self, organisation_id=self.document.organisation_id)
        dialog.exec()
        self._show_guided(dialog)

    def _show_guided(self, dialog: Any) -> None:
        """Show what the guided setup saved, finished or not: "Save and close" keeps the
        organisation, and the Home page offers to resume."""
        if dialog.organisation_id is not None and dialog.scenario_id is not None:
            self.show_organisation(dialog.organisation_id, dialog.scenario_id)

    def choose_workspace(self) -> None:
        """Open another workspace file (or create one by typing a new name)."""
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Open or create a workspace"),
            "",
            _("CostReady workspace (*.sqlite)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not path:
            return
        if self.document is not None:
            self.undo_stack.clear()
        self.open_workspace_url(f"sqlite:///{path}")

    def switch_organisation(self) -> None:
        if self.workspace is None or self.document is None:
            return
        from costready.ui.dialogs.switch_organisation import SwitchOrganisationDialog

        dialog = SwitchOrganisationDialog(
            self.workspace.organisations(), self.document.organisation_id, self
        )
        if dialog.exec() and dialog.organisation_id is not None:
            self.show_organisation(dialog.organisation_id)

    def import_model(self) -> None:
        """Read a model file; show every problem, or import it as a new organisation or scenario."""
        if self.workspace is None:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Import a costing model"), "", _("Costing model (*.json)")
        )
        if not path:
            return
        from costready.app import model_files as importing
        from costready.costing import modelfile
        from costready.costing.results import CostingError
        from costready.storage.errors import StorageError

        try:
            model = modelfile.load_model_file(Path(path))
        except CostingError as error:
            self._show_problems(_("The model was not imported"), error.problems)
            return
        except (OSError, ValueError) as error:
            QMessageBox.warning(self, _("The model was not imported"), str(error))
            return
        target = None
        if self.document is not None:
            target = self._ask_import_target(model.organisation.name)
            if target == "cancel":
                return
        try:
            org_id, scenario_id = importing.import_model(
                self.workspace, model, organisation_id=target if isinstance(target, int) else None
            )
        except CostingError as error:
            self._show_problems(_("The model was not imported"), error.problems)
            return
        except (StorageError, ValueError) as error:  # e.g. a profile the workspace refuses
            QMessageBox.warning(self, _("The model was not imported"), str(error))
            return
        self.show_organisation(org_id, scenario_id)
        self.statusBar().showMessage(
            _("Imported {name} from {path}").format(name=model.scenario.name, path=path), 8000
        )

    def _ask_import_target(self, name: str) -> int | str | None:
        """None: a new organisation; an id: a new scenario of the current one; "cancel"."""
        assert self.document is not None and self.workspace is not None
        current = self.workspace.organisation(self.document.organisation_id).name
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Import model"))
        box.setText(
            _("Import “{name}” as a new organisation, or as a new scenario of {current}?").format(
                name=name, current=current
            )
        )
        new_org = box.addButton(_("New organisation"), QMessageBox.ButtonRole.AcceptRole)
        new_scenario = box.addButton(
            _("New scenario of {current}").format(current=current),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(new_org)
        box.exec()
        clicked = box.clickedButton()
        if clicked is new_org:
            return None
        if clicked is new_scenario:
            return self.document.organisation_id
        return "cancel"

    def _show_problems(self, title: str, problems: list[Any]) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(_("Nothing was changed. Fix these problems in the file and import it again:"))
        box.setDetailedText("\n".join(f"{p.path}: {p.message}" for p in problems))
        box.setInformativeText("\n".join(f"{p.path}: {p.message}" for p in problems[:10]))
        box.exec()

    def export_model(self) -> None:
        if self.workspace is None or self.document is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Export the costing model"),
            self._suggested_name("json"),
            _("Costing model (*.json)"),
        )
        if not path:
            return
        from costready.app import model_files as importing
        from costready.costing import modelfile

        try:
            model = importing.export_model(
                self.workspace, self.document.organisation_id, self.document.scenario_id
            )
            modelfile.save_model_file(model, Path(path))
        except Exception as error:  # a failed export is reported; nothing else changes
            QMessageBox.warning(self, _("Not exported"), str(error))
            return
        self.statusBar().showMessage(_("Model saved to {path}").format(path=path), 8000)

    def _suggested_name(self, extension: str, what: str = "") -> str:
        if self.document is None:
            return ""
        stem = f"{self.organisation_label.text()} {what} {self.document.scenario.name}"
        safe = "".join(c if c.isalnum() or c in " -_" else "" for c in stem)
        return f"{' '.join(safe.split())}.{extension}"

    def export_price_list(self) -> None:
        if not self._can_export():
            return
        assert self.document is not None and self.workspace is not None
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Export the price list"),
            self._suggested_name("pdf", _("Price list")),
            _("PDF (*.pdf)"),
        )
        if not path:
            return
        from costready.app.adoption import publication
        from costready.reports.price_list import write_publication

        organisation = self.workspace.organisation(self.document.organisation_id)
        published = publication(
            self.workspace, self.document.organisation_id, self.document.scenario_id
        )

        def job() -> None:
            write_publication(Path(path), organisation, published)

        self._run_export(job, path)
        if published.changed_since_adoption:
            self.show_status(
                _("The price list shows the adopted prices; adopt again to publish the new ones.")
            )

    def export_costing_report(self) -> None:
        if not self._can_export():
            return
        assert self.document is not None and self.workspace is not None
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Export the costing report"),
            self._suggested_name("pdf", _("Costing report")),
            _("PDF (*.pdf)"),
        )
        if not path:
            return
        from costready.reports import costing_report

        organisation = self.workspace.organisation(self.document.organisation_id)
        scenario, result = self.document.scenario, self.document.result

        def job() -> None:
            costing_report.write_costing_report(Path(path), organisation, scenario, result)

        self._run_export(job, path)

    def _can_export(self) -> bool:
        if self.document is None or self.workspace is None:
            return False
        if self.document.result is None:
            QMessageBox.information(
                self,
                _("Prices cannot be worked out yet"),
                _("Fix these first:") + "\n" + "\n".join(p.message for p in self.document.problems),
            )
            return False
        return True

    def _run_export(self, job: Callable[[], None], path: str) -> None:
        worker = _Worker(job, _("Saved to {path}").format(path=path))
        self._workers.add(worker)
        worker.signals.finished.connect(self._on_worker_finished)
        worker.signals.failed.connect(self._on_worker_failed)
        worker.signals.finished.connect(lambda _m, w=worker: self._workers.discard(w))
        worker.signals.failed.connect(lambda _m, w=worker: self._workers.discard(w))
        self.statusBar().showMessage(_("Writing {path}…").format(path=path))
        QThreadPool.globalInstance().start(worker)

    @Slot(str)
    def _on_worker_finished(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        self.export_finished.emit(message)

    @Slot(str)
    def _on_worker_failed(self, message: str) -> None:
        self.statusBar().showMessage(_("Not saved: {error}").format(error=message))
        QMessageBox.warning(self, _("Not saved"), message)

    # Scenario menu ---------------------------------------------------------------------------
    def copy_scenario(self) -> None:
        if self.document is None or self.workspace is None:
            return
        from costready.costing.rules import tax_year_for as rules_tax_year_for
        from costready.ui.dialogs.copy_scenario import CopyScenarioDialog

        dialog = CopyScenarioDialog(self.document.scenario, self)
        if not dialog.exec():
            return
        new_id = self.workspace.create_scenario(
            self.document.organisation_id, dialog.result_scenario
        )
        self.switch_scenario(new_id)
        copy = dialog.result_scenario
        message = _("Created {name}; you are now working on it.").format(name=copy.name)
        wanted = rules_tax_year_for(copy.period_start + (copy.period_end - copy.period_start) / 2)
        if copy.tax_year != wanted:
            message += " " + _(
                "The rules file has no figures for tax year {wanted} yet, so it uses {used}'s; "
                "an update of CostReady brings the new ones."
            ).format(wanted=wanted, used=copy.tax_year)
        self.statusBar().showMessage(message, 12000)

    def compare_scenarios(self) -> None:
        if self.document is None or self.workspace is None:
            return
        from costready.ui.dialogs.compare import CompareDialog

        CompareDialog(
            self.workspace, self.document.organisation_id, self.document.scenario_id, self
        ).exec()

    def adopt_prices(self) -> None:
        if self.document is not None:
            self.show_page("prices")
            self.pages["prices"].adopt()  # the page says when a list is adopted

    def show_about(self) -> None:
        from costready.ui.dialogs.about import AboutDialog

        AboutDialog(self).exec()

    # Closing -------------------------------------------------------------------------------
    def _remember_page(self) -> None:
        """Keep the page on screen, to open on it next time (a nicety: failures are ignored)."""
        from costready.storage.errors import StorageError

        key = self.current_page_key()
        if key and self.workspace is not None and self.document is not None:
            with suppress(StorageError):
                self.workspace.set_setting(None, LAST_PAGE, key)

    def closeEvent(self, event: QCloseEvent) -> None:
        # every edit is saved as it is made, so closing only waits for a PDF being written
        QThreadPool.globalInstance().waitForDone(10000)
        self._remember_page()
        if self.workspace is not None and self._owns_workspace:
            self.workspace.close()
            self.workspace = None
        event.accept()
