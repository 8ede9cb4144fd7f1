"""The main window: a sidebar of pages, the menus, the scenario switcher and the status bar.

The window is built and shown before any storage or reporting code is imported; the workspace
arrives afterwards through `open_workspace_url` (see costready.ui.app). Opening it lives in
`shell/opening.py`, each menu's actions in `shell/*_actions.py`, PDF exports in `export.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QGuiApplication,
    QKeySequence,
    QPalette,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from costready.i18n import N_, _
from costready.ui.pages import PAGE_KEYS, page_class
from costready.ui.shell.actions import ActionGroup
from costready.ui.shell.edit_actions import EditActions
from costready.ui.shell.file_actions import FileActions
from costready.ui.shell.help_actions import HelpActions
from costready.ui.shell.invoice_actions import InvoiceActions
from costready.ui.shell.opening import WorkspaceOpening
from costready.ui.shell.organisation_actions import OrganisationActions
from costready.ui.shell.page_area import PageArea
from costready.ui.shell.scenario_actions import ScenarioActions
from costready.ui.widgets import ElidedLabel, as_typed, empty_state, icon

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from costready.app.reading import WorkspaceReader
    from costready.app.snapshot import FirstScreen
    from costready.app.workspace import Workspace
    from costready.ui.document import ScenarioDocument
    from costready.ui.export import PdfExporter
    from costready.ui.pages.home import HomePage
    from costready.ui.pages.organisation import OrganisationPage
    from costready.ui.pages.prices import PricesPage
    from costready.ui.shell.conflict_bar import ConflictBar

PAGE_TITLES = {
    "home": N_("Home"),
    "organisation": N_("Organisation"),
    "services": N_("Services"),
    "staff": N_("Staff"),
    "costs": N_("Costs"),
    "prices": N_("Prices"),
    "invoices": N_("Invoices"),
    "customers": N_("Customers"),
    "deliveries": N_("Deliveries"),
    "checklist": N_("Checklist"),
}
#: pages over the organisation's invoicing: they read again once the workspace is open
INVOICING_PAGES = ("invoices", "customers", "deliveries")


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


def first_size() -> QSize:
    """The window's size when it opens: 1100 x 720, or the screen's free area where that is
    smaller (a 1024 x 600 netbook), so no edge opens off screen."""
    wanted = QSize(1100, 720)
    screen = QGuiApplication.primaryScreen()
    return wanted if screen is None else wanted.boundedTo(screen.availableGeometry().size())


def page_digit(number: int) -> str:
    """The digit that goes with the `number`th page after Ctrl: 1 to 9, then 0 for the tenth
    (as browsers and spreadsheets do); "" for any page after it."""
    if number <= 9:
        return str(number)
    return "0" if number == 10 else ""


class MainWindow(QMainWindow):
    """CostReady's one window."""

    workspace_loaded = Signal()  # a workspace is open and the pages show an organisation
    export_finished = Signal(str)  # a PDF was written; the status-bar message

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        #: the open workspace; None until it opens (a snapshot may show the first page before)
        self.workspace: Workspace | None = None
        self.document: ScenarioDocument | None = None
        self.undo_stack = QUndoStack(self)
        self.pages = _Pages(self._make_page)
        self.opening = WorkspaceOpening(self)
        self._pdf_exporter: PdfExporter | None = None
        self._conflict_bar: ConflictBar | None = None
        self._checking = False  # looking for another program's changes (not re-entered)
        self.setWindowTitle("CostReady")
        self.resize(first_size())
        self._build_sidebar_and_stack()
        self.file_actions = FileActions(self)
        self.edit_actions = EditActions(self)
        self.organisation_actions = OrganisationActions(self)
        self.scenario_actions = ScenarioActions(self)
        self.invoice_actions = InvoiceActions(self)
        self.help_actions = HelpActions(self)
        self._page_actions = self._build_page_actions()
        self._build_menus()
        self._build_toolbar()
        self.statusBar().showMessage(_("Opening workspace…"))
        self._set_workspace_actions_enabled(False)

    @property
    def pdf_exporter(self) -> PdfExporter:
        """Writes the window's PDFs (made when first wanted: start-up has no need of it)."""
        if self._pdf_exporter is None:
            from costready.ui.export import PdfExporter

            self._pdf_exporter = PdfExporter(self)
            self._pdf_exporter.finished.connect(self.export_finished)
        return self._pdf_exporter

    # The actions, by the names the tests and tools know them by ----------------------------
    @property
    def action_groups(self) -> tuple[ActionGroup, ...]:
        """The menus, in menu-bar order."""
        return (
            self.file_actions,
            self.edit_actions,
            self.organisation_actions,
            self.scenario_actions,
            self.invoice_actions,
            self.help_actions,
        )

    @property
    def import_action(self) -> QAction:
        return self.file_actions.import_model

    @property
    def export_model_action(self) -> QAction:
        return self.file_actions.export_model

    @property
    def export_price_list_action(self) -> QAction:
        return self.file_actions.export_price_list

    @property
    def export_report_action(self) -> QAction:
        return self.file_actions.export_report

    @property
    def quit_action(self) -> QAction:
        return self.file_actions.quit

    @property
    def undo_action(self) -> QAction:
        return self.edit_actions.undo

    @property
    def redo_action(self) -> QAction:
        return self.edit_actions.redo

    @property
    def copy_scenario_action(self) -> QAction:
        return self.scenario_actions.copy

    # Layout -------------------------------------------------------------------------------
    def _build_sidebar_and_stack(self) -> None:
        central = QWidget()
        outer = QHBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        side = QWidget()
        side.setObjectName("sidebar")
        side.setFixedWidth(196)  # narrow enough that the Prices table fits 1024 pixels
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 12, 8, 12)
        # a long name is cut short with "…", never wrapped down the sidebar; full in its tooltip
        self.organisation_label = ElidedLabel()
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
            digit = page_digit(number)
            item.setToolTip(
                _("{page} (Ctrl+{number})").format(page=_(PAGE_TITLES[key]), number=digit)
                if digit
                else _(PAGE_TITLES[key])
            )
            item.setSizeHint(QSize(0, 34))
            self.sidebar.addItem(item)
        self.sidebar.currentRowChanged.connect(self._on_sidebar_current_row_changed)
        side_layout.addWidget(self.sidebar, 1)

        # Alt+S opens the Scenario menu, so the switcher takes Alt+R
        scenario_label = QLabel(_("Scena&rio"))
        scenario_label.setTextFormat(Qt.TextFormat.PlainText)
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
        right_layout.setContentsMargins(8, 12, 8, 8)  # pages bring their own margins too
        self._right_layout = right_layout  # the conflict bar goes on top when first wanted
        self.page_title = QLabel("")
        self.page_title.setTextFormat(Qt.TextFormat.PlainText)
        self.page_title.setObjectName("windowPageTitle")
        title_font = self.page_title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.5)
        title_font.setBold(True)
        self.page_title.setFont(title_font)
        right_layout.addWidget(self.page_title)
        self.stack = QStackedWidget()
        # the pages scroll when the window is smaller than the page on screen needs
        right_layout.addWidget(PageArea(self.stack), 1)
        outer.addWidget(right, 1)
        self.setCentralWidget(central)

        self._placeholder = empty_state(_("Opening your workspace…"))
        self.stack.addWidget(self._placeholder)
        self.page_title.hide()

    def _build_page_actions(self) -> list[QAction]:
        actions = []
        for number, key in enumerate(PAGE_KEYS, start=1):
            action = QAction(_(PAGE_TITLES[key]), self)
            digit = page_digit(number)
            if digit:
                action.setShortcut(QKeySequence(f"Ctrl+{digit}"))
            action.triggered.connect(lambda _checked=False, k=key: self.show_page(k))
            self.addAction(action)  # works from anywhere in the window without a menu entry
            actions.append(action)
        return actions

    def _build_menus(self) -> None:
        bar = self.menuBar()
        for group in self.action_groups:
            menu = bar.addMenu(group.title)
            menu.aboutToShow.connect(group.give_icons)
            for action in group.entries:
                if action is None:
                    menu.addSeparator()
                else:
                    menu.addAction(action)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(_("Main toolbar"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setIconSize(QSize(18, 18))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.edit_actions.give_icons(self.undo_action, self.redo_action)  # on show: now
        self.toolbar.addAction(self.undo_action)
        self.toolbar.addAction(self.redo_action)
        self.addToolBar(self.toolbar)

    def _set_workspace_actions_enabled(self, enabled: bool) -> None:
        for group in self.action_groups:
            for action in group.need_workspace:
                action.setEnabled(enabled)
        for action in self._page_actions:
            action.setEnabled(enabled)
        self.sidebar.setEnabled(enabled)
        self.scenario_combo.setEnabled(enabled)

    # Opening a workspace (see shell/opening.py) -------------------------------------------
    def open_workspace_url(self, url: str | None) -> bool:
        """Open the workspace at `url` (None: the default) and show an organisation from it."""
        return self.opening.open_url(url)

    def set_workspace(self, workspace: Workspace) -> None:
        """Make `workspace` (opened by the caller, who closes it) the open one."""
        self.opening.set_workspace(workspace)

    def open_sample(self) -> None:
        """Install the sample organisation and show it."""
        self.opening.open_sample()

    @property
    def reader(self) -> WorkspaceReader | None:
        """What the window reads: the workspace, or the snapshot shown while it opens."""
        if self.document is not None:
            return self.document.workspace
        return self.workspace

    def show_organisation(self, org_id: int, scenario_id: int | None = None) -> None:
        """Show organisation `org_id` at `scenario_id` (else its adopted, else newest scenario).

        Behind a snapshot of this very scenario the document carries on without redrawing,
        unless the workspace was written since the snapshot was taken.
        """
        from costready.app.opening import remember_organisation
        from costready.app.scenarios import scenario_to_show

        workspace = self.workspace
        assert workspace is not None
        first_screen = self.opening.first_screen()
        unchanged = first_screen is not None and first_screen.is_current()
        if scenario_id is None:
            scenario_id = scenario_to_show(workspace, org_id)
        remember_organisation(workspace, org_id)
        if self.document is None:
            self._create_document(workspace, org_id, scenario_id)
        elif first_screen is not None and _shows(first_screen, workspace, org_id, scenario_id):
            self.document.take_over(workspace, unchanged)
        else:
            self.document.open_in(workspace, org_id, scenario_id)
        self._show_context()
        self.statusBar().showMessage(_("Ready"), 3000)
        self.workspace_loaded.emit()

    def show_document(self, reader: FirstScreen, org_id: int, scenario_id: int) -> None:
        """Show a scenario from the start-up snapshot (the workspace opens right behind it)."""
        self._create_document(reader, org_id, scenario_id)
        self._show_context()

    def _show_context(self) -> None:
        self._refresh_context()
        self._set_workspace_actions_enabled(True)
        if self.stack.currentWidget() not in self.pages.values():
            self.show_page(self._start_page())

    def clear(self) -> None:
        """Take every page, the document and the names off the window (a workspace that
        failed to open): nothing stale stays on screen or can be edited."""
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        if self.document is not None:
            self.document.deleteLater()
            self.document = None
        self.undo_stack.clear()
        if self.workspace is not None and self.opening.owns_workspace:
            self.workspace.close()
        self.workspace = None
        self.opening.owns_workspace = False
        self.organisation_label.clear()
        self.scenario_combo.clear()
        self._set_workspace_actions_enabled(False)
        self._refresh_window_title()

    def _start_page(self) -> str:
        """The page shown when the window last closed, else Home."""
        from costready.app.opening import LAST_PAGE

        reader = self.reader
        key = reader.get_setting(None, LAST_PAGE) if reader is not None else ""
        return key if key in PAGE_KEYS else "home"

    def show_empty(
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

    def _create_document(
        self, workspace: Workspace | FirstScreen, org_id: int, scenario_id: int
    ) -> None:
        from costready.ui.document import ScenarioDocument

        self.document = ScenarioDocument(workspace, org_id, scenario_id, self.undo_stack, self)
        self.document.saved.connect(self._on_document_saved)
        self.document.save_failed.connect(self._on_document_save_failed)
        self.document.changed.connect(self._on_document_changed)
        self.document.conflict.connect(self._on_document_conflict)
        self.document.stale.connect(self._on_document_stale)

    # Pages ---------------------------------------------------------------------------------
    def _make_page(self, key: str) -> QWidget:
        """Build page `key` over the open document (pages are built when first wanted)."""
        assert self.document is not None
        page = page_class(key)(self.document)
        self.stack.addWidget(page)
        if key == "home":
            self._connect_home(page)
        elif key == "prices":
            self._connect_prices(page)
        elif key == "organisation":
            self._connect_organisation(page)
        elif key == "checklist":
            page.navigate_requested.connect(self._on_page_navigate_requested)  # type: ignore[attr-defined]
        elif key in INVOICING_PAGES:
            self._connect_invoicing(page)
        return page

    def _connect_invoicing(self, page: QWidget) -> None:
        from costready.ui.pages._invoicing_page import InvoicingPage

        assert isinstance(page, InvoicingPage)
        # a page built over the start-up snapshot reads its records once the workspace opens
        self.workspace_loaded.connect(page.on_workspace_loaded)

    def _connect_home(self, page: QWidget) -> None:
        from costready.ui.pages.home import HomePage

        assert isinstance(page, HomePage)
        page.navigate_requested.connect(self._on_page_navigate_requested)
        self.workspace_loaded.connect(page.money.refresh)

    def _connect_prices(self, page: QWidget) -> None:
        from costready.ui.pages.prices import PricesPage

        assert isinstance(page, PricesPage)
        page.navigate_requested.connect(self._on_page_navigate_requested)
        page.prices_adopted.connect(self._on_prices_adopted)

    def _connect_organisation(self, page: QWidget) -> None:
        from costready.ui.pages.organisation import OrganisationPage

        assert isinstance(page, OrganisationPage)
        page.organisation_saved.connect(self._on_organisation_saved)
        page.profile_conflict.connect(self._on_profile_conflict)

    @property
    def home_page(self) -> HomePage:
        from costready.ui.pages.home import HomePage

        page = self.pages["home"]
        assert isinstance(page, HomePage)
        return page

    @property
    def organisation_page(self) -> OrganisationPage:
        from costready.ui.pages.organisation import OrganisationPage

        page = self.pages["organisation"]
        assert isinstance(page, OrganisationPage)
        return page

    @property
    def prices_page(self) -> PricesPage:
        from costready.ui.pages.prices import PricesPage

        page = self.pages["prices"]
        assert isinstance(page, PricesPage)
        return page

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
            self.file_actions.resume_guide()
        else:
            self.show_page(key)

    @Slot(object)
    def _on_prices_adopted(self, _price_list: object) -> None:
        self._refresh_context()
        self.opening.edited()

    @Slot()
    def _on_organisation_saved(self) -> None:
        self._refresh_context()
        self.opening.edited()

    # Context (organisation, scenario) --------------------------------------------------------
    @Slot()
    def _refresh_context(self) -> None:
        reader, document = self.reader, self.document
        if reader is None or document is None:
            return
        org = reader.organisation(document.organisation_id)
        self.organisation_label.setText(org.name)
        self.organisation_label.setToolTip(as_typed(org.name))
        self._fill_scenario_combo(reader, document)
        self._refresh_window_title()

    def _fill_scenario_combo(self, reader: WorkspaceReader, document: ScenarioDocument) -> None:
        self.scenario_combo.blockSignals(True)
        self.scenario_combo.clear()
        for summary in reader.scenarios(document.organisation_id):
            self.scenario_combo.addItem(summary.name, summary.id)
            if summary.adopted:  # a tick, with the words for screen readers and tooltips
                row = self.scenario_combo.count() - 1
                adopted = _("{name} (adopted)").format(name=summary.name)
                self.scenario_combo.setItemIcon(row, icon("check"))
                self.scenario_combo.setItemData(row, adopted, Qt.ItemDataRole.ToolTipRole)
                self.scenario_combo.setItemData(row, adopted, Qt.ItemDataRole.AccessibleTextRole)
        index = self.scenario_combo.findData(document.scenario_id)
        self.scenario_combo.setCurrentIndex(index)
        self.scenario_combo.blockSignals(False)

    def _refresh_window_title(self) -> None:
        parts = ["CostReady"]
        if self.document is not None:
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
        self.show_status(_("Now working on {name}").format(name=self.document.scenario.name))

    @Slot()
    def _on_document_changed(self) -> None:
        # a renamed scenario shows its new name in the switcher
        if self.document is not None and self.reader is not None:
            self._fill_scenario_combo(self.reader, self.document)

    @Slot(str)
    def _on_document_saved(self, message: str) -> None:
        self.show_status(message)
        self.opening.edited()

    @Slot(str)
    def _on_document_save_failed(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        from costready.ui.dialogs.error import looks_technical, show_unexpected

        if looks_technical(message):  # the words of an unexpected error are Python's: not shown
            message = _("Not saved: something unexpected stopped CostReady saving that.")
        self.statusBar().showMessage(message)
        document = self.document
        if document is not None and document.save_error is not None:
            # unexpected: the plain words, and its details to copy
            error, document.save_error = document.save_error, None
            show_unexpected(self, error, title=_("Not saved"))
        else:
            QMessageBox.warning(self, _("Not saved"), as_typed(message))

    # Another program's saves ------------------------------------------------------------------
    @property
    def conflict_bar(self) -> ConflictBar:
        """The bar over the pages that says a change was not saved and offers to reload
        (made when first wanted: most sessions never need it)."""
        if self._conflict_bar is None:
            from costready.ui.shell.conflict_bar import ConflictBar

            self._conflict_bar = ConflictBar()
            self._conflict_bar.reload_requested.connect(self._on_conflict_reload_requested)
            self._right_layout.insertWidget(0, self._conflict_bar)
        return self._conflict_bar

    @property
    def unsaved_edit_pending(self) -> bool:
        """True while a refused edit is shown, unsaved, waiting for the person to reload."""
        pending = self._conflict_bar is not None and self._conflict_bar.pending
        return pending or bool(self.document is not None and self.document.unsaved_edit)

    @Slot(str)
    def _on_document_conflict(self, message: str) -> None:
        assert self.document is not None
        self._show_conflict(message, self.document.unsaved_edit)

    @Slot(str)
    def _on_profile_conflict(self, message: str) -> None:
        from costready.ui.edit_names import CHANGE_PROFILE, Edit

        self._show_conflict(message, Edit(CHANGE_PROFILE))

    def _show_conflict(self, message: str, edit: str) -> None:
        bar = self.conflict_bar
        bar.show_conflict(message, edit)
        self.statusBar().showMessage(bar.heading.text())

    @Slot()
    def _on_conflict_reload_requested(self) -> None:
        self.reload_workspace(_("Reloaded: the saved version is shown; make your change again"))

    @Slot()
    def _on_document_stale(self) -> None:
        # saved, but another program had saved too: read everything again once the save
        # (inside the undo stack's push, which a reload would clear) has returned
        QTimer.singleShot(0, self, self.check_for_changes)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.check_for_changes()  # back in the window: has another program saved since?

    def check_for_changes(self) -> bool:
        """If another program saved to the workspace since the window read it, read it again
        and say so; True when it did. A refused edit still shown is never dropped unasked: the
        conflict bar keeps offering Reload instead."""
        document = self.document
        if document is None or self.workspace is None or self._checking:
            return False
        if QApplication.activeModalWidget() is not None:  # a dialog may be using the data
            return False
        self._checking = True
        try:
            if not document.changed_elsewhere():
                return False
            if self.unsaved_edit_pending:
                self.conflict_bar.note_changed_again()
                self.statusBar().showMessage(
                    _("Another program changed this workspace: reload when you are ready")
                )
                return False
            self.reload_workspace(_("Reloaded: another program changed this workspace"))
            return True
        finally:
            self._checking = False

    def reload_workspace(self, message: str) -> None:
        """Read the open organisation and scenario again and redraw every page that shows
        them (the names in the sidebar and the scenario switcher too); clears the undo history.
        If another program removed them, the organisation to open is shown instead."""
        document, workspace = self.document, self.workspace
        if document is None or workspace is None:
            return
        if self._conflict_bar is not None:
            self._conflict_bar.clear()
        try:
            document.reload()
            if "organisation" in self.pages:
                self.organisation_page.reload_profile()
            self._refresh_context()
        except Exception:  # removed by the other program (or unreadable): start afresh
            self.opening.show_again()
        self.show_status(message, 10000)

    def show_status(self, message: str, timeout: int = 5000) -> None:
        """A short message in the status bar (pages call this to confirm a save)."""
        self.statusBar().showMessage(message, timeout)

    # Closing -------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        from costready.ui.background import wait_for_background_work

        # every edit is saved as it is made, so closing only waits for a PDF being written
        wait_for_background_work()
        self.opening.release()
        event.accept()


def _shows(first_screen: FirstScreen, workspace: Workspace, org_id: int, scenario_id: int) -> bool:
    """True when `first_screen` is a snapshot of this scenario of `workspace`."""
    return first_screen.url == workspace.url and (
        first_screen.organisation_id,
        first_screen.scenario_id,
    ) == (org_id, scenario_id)
