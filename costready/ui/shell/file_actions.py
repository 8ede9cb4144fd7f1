"""The File menu: organisations, workspaces, model files and the PDF exports."""

from __future__ import annotations

import io
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from costready.i18n import _
from costready.ui.file_dialogs import open_file_name, save_file_name
from costready.ui.shell.actions import ActionGroup
from costready.ui.widgets import as_typed

if TYPE_CHECKING:
    from datetime import datetime

    # QMessageBox is imported where a box opens: this module loads before the window shows,
    # and PySide makes that class in about 1.5 ms
    from PySide6.QtWidgets import QMessageBox

    from costready.app.model_files import ServiceChange
    from costready.app.workspace import Workspace
    from costready.costing.model import CostingModel
    from costready.costing.price_lists import Publication
    from costready.problems import Problem
    from costready.reports.styles import PathOrFile
    from costready.ui.main_window import MainWindow

#: `_ask_import_target`'s answer when the person cancels.
CANCEL = -1


class FileActions(ActionGroup):
    """New organisation, open, switch, import, export, quit."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.title = _("&File")
        self.new_organisation = self.add(
            _("&New organisation (guided)…"),
            self.start_guide,
            "guide",
            QKeySequence.StandardKey.New,
            needs_workspace=False,
        )
        self.open_workspace = self.add(
            _("&Open workspace…"),
            self.choose_workspace,
            "open",
            QKeySequence.StandardKey.Open,
            needs_workspace=False,
        )
        self.switch_organisation = self.add(
            _("S&witch organisation…"), self.choose_organisation, "switch"
        )
        self.open_recent = self.add(_("Open recen&t"), lambda: None, "open", needs_workspace=False)
        self.open_recent.setMenu(QMenu(self.window))
        menu = self.open_recent.menu()
        assert isinstance(menu, QMenu)
        menu.aboutToShow.connect(self.fill_recent_menu)
        self.open_sample = self.add(
            _("Open the sa&mple organisation"), self.open_sample_organisation, "organisation"
        )
        self.open_sample.setToolTip(
            _("Add the worked example to this workspace (once) and open it")
        )
        self.separator()
        self.back_up = self.add(_("&Back up now"), self.back_up_now, "copy")
        self.back_up.setToolTip(_("Copy the workspace to a dated backup beside it"))
        self.restore = self.add(_("&Restore from backup…"), self.restore_from_backup, "open")
        self.restore.setToolTip(_("Go back to a backup; the workspace as it is now is kept"))
        self.separator()
        self.import_model = self.add(
            _("&Import model…"), self.import_model_file, "import", needs_workspace=False
        )
        self.export_model = self.add(_("&Export model…"), self.export_model_file, "export")
        self.import_organisation = self.add(
            _("Import or&ganisation…"), self.import_organisation_file, "import"
        )
        self.import_organisation.setToolTip(
            _("Add an organisation exported from CostReady (its profile, scenarios and prices)")
        )
        self.export_organisation = self.add(
            _("Export organis&ation…"), self.export_organisation_file, "export"
        )
        self.export_organisation.setToolTip(
            _("Save this organisation, its scenarios, price lists and settings as one file")
        )
        self.separator()
        self.export_price_list = self.add(
            _("Export &price list PDF…"), self.export_price_list_pdf, "export"
        )
        self.export_report = self.add(
            _("Export &costing report PDF…"), self.export_costing_report_pdf, "export"
        )
        self.print_price_list = self.add(
            _("Print price &list…"),
            self.print_price_list_pdf,
            "print",
            QKeySequence.StandardKey.Print,
        )
        self.print_report = self.add(
            _("Print co&sting report…"), self.print_costing_report, "print", "Ctrl+Shift+P"
        )
        self.separator()
        self.export_prices_table = self.add(
            _("Export Prices table (E&xcel or CSV)…"), self.export_prices_spreadsheet, "export"
        )
        self.export_report_tables = self.add(
            _("Export costing report tables (Excel or CS&V)…"),
            self.export_report_spreadsheet,
            "export",
        )
        self.separator()
        self.quit = self.add(_("&Quit"), window.close, "quit", "Ctrl+Q", needs_workspace=False)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

    # The guided setup ------------------------------------------------------------------------
    def start_guide(self) -> None:
        """Run the guided setup for a new organisation and show it when finished."""
        workspace = self.window.workspace
        if workspace is None:
            return
        from costready.ui.guide.wizard import GuideDialog

        dialog = GuideDialog(workspace, self.window)
        dialog.exec()
        self._show_guided(dialog.organisation_id, dialog.scenario_id)

    def resume_guide(self) -> None:
        """Carry on the guided setup of the current organisation where it stopped."""
        workspace, document = self.window.workspace, self.window.document
        if workspace is None or document is None:
            return
        from costready.ui.guide.wizard import GuideDialog

        dialog = GuideDialog(workspace, self.window, organisation_id=document.organisation_id)
        dialog.exec()
        self._show_guided(dialog.organisation_id, dialog.scenario_id)

    def _show_guided(self, organisation_id: int | None, scenario_id: int | None) -> None:
        # "Save and close" keeps the organisation too, and Home offers to resume
        if organisation_id is not None and scenario_id is not None:
            self.window.show_organisation(organisation_id, scenario_id)

    # Workspaces and organisations -------------------------------------------------------------
    def choose_workspace(self) -> None:
        """Open another workspace file (or create one by typing a new name)."""
        from costready.ui.file_dialogs import choose_workspace_file

        path = choose_workspace_file(self.window)
        if path:
            self.window.open_workspace_url(f"sqlite:///{path}")

    def choose_organisation(self) -> None:
        workspace, document = self.window.workspace, self.window.document
        if workspace is None or document is None:
            return
        from costready.ui.dialogs.switch_organisation import SwitchOrganisationDialog

        dialog = SwitchOrganisationDialog(
            workspace.organisations(), document.organisation_id, self.window
        )
        if dialog.exec() and dialog.organisation_id is not None:
            self.window.show_organisation(dialog.organisation_id)

    # Backups ---------------------------------------------------------------------------------
    def back_up_now(self) -> None:
        """Copy the open workspace to a dated backup beside it, and say where."""
        workspace = self.window.workspace
        if workspace is None:
            return
        from costready.app.backups import backup_now

        try:
            path = backup_now(workspace.url)
        except Exception as error:  # a backup that could not be taken changes nothing
            report_error(self.window, _("Not backed up"), error)
            return
        self.window.show_status(_("Backed up to {path}").format(path=path), 10000)

    def restore_from_backup(self) -> None:
        """Choose a backup, confirm, then close the workspace, restore it and open it again.

        The workspace as it was is kept aside (its name in the status bar). If the restore
        is refused (a damaged backup, say) the untouched workspace is opened again.
        """
        workspace = self.window.workspace
        if workspace is None:
            return
        from costready.app.backups import list_backups, workspace_file

        url = workspace.url
        try:
            folder = workspace_file(url).parent
            backups = [(backup.path, backup.taken) for backup in list_backups(url)]
        except Exception as error:  # a server database, or a folder that cannot be read
            report_error(self.window, _("Not restored"), error)
            return
        chosen = self.choose_backup(backups, folder)
        if chosen is None or not self.confirm_restore(chosen):
            return
        self._restore(chosen, url)

    def choose_backup(self, backups: list[tuple[Path, datetime]], folder: Path) -> Path | None:
        """The backup the person picks from `backups` (or a file), None when they cancel."""
        from costready.ui.dialogs.restore_backup import RestoreBackupDialog

        dialog = RestoreBackupDialog(backups, folder, self.window)
        return dialog.chosen if dialog.exec() else None

    def confirm_restore(self, backup: Path) -> bool:
        """Ask before replacing the workspace, saying what happens to it."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)  # names as typed
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Restore from backup"))
        box.setText(_("Restore the workspace from “{name}”?").format(name=backup.name))
        box.setInformativeText(
            _(
                "The workspace is closed, and the file as it is now is kept aside beside it "
                "(not deleted), so nothing is lost. The backup then opens in its place."
            )
        )
        restore = box.addButton(_("Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(restore)
        box.exec()
        return box.clickedButton() is restore

    def _restore(self, backup: Path, url: str) -> None:
        from costready.app.backups import restore_backup, workspace_file
        from costready.app.snapshot import snapshot_file
        from costready.app.workspace import StorageError

        window = self.window
        workspace = window.workspace
        window.opening.release()  # remembers the page; closes it if this window opened it
        if workspace is not None:
            workspace.close()  # a workspace handed in is closed too: the file is replaced
        window.clear()
        try:
            restored = restore_backup(backup, url)
        except (StorageError, OSError) as error:  # refused: the workspace is as it was
            report_error(window, _("Not restored"), error)
            window.open_workspace_url(url)
            window.show_status(_("Not restored: the workspace is as it was"), 10000)
            return
        with suppress(Exception):  # the first screen of the file as it was is no use now
            snapshot_file(workspace_file(url)).unlink(missing_ok=True)
        if not window.open_workspace_url(url):
            return
        if restored.aside is None:
            message = _("Restored from {backup}").format(backup=backup.name)
        else:
            message = _(
                "Restored from {backup}. The workspace as it was is kept as {aside}"
            ).format(backup=backup.name, aside=restored.aside)
        window.show_status(message, 0)

    # Model files ------------------------------------------------------------------------------
    def import_model_file(self) -> None:
        """Read a model file; show every problem, or import it as a new organisation or scenario."""
        from PySide6.QtWidgets import QMessageBox

        workspace = self.window.workspace
        if workspace is None:
            return
        path = open_file_name(self.window, _("Import a costing model"), _("Costing model (*.json)"))
        if not path:
            return
        from costready.app.workspace import InvalidData, StorageError
        from costready.costing import modelfile
        from costready.costing.results import CostingError

        not_imported = _("The model was not imported")
        try:
            model = modelfile.load_model_file(Path(path))
        except CostingError as error:
            self._show_problems(not_imported, error.problems)
            return
        except (OSError, ValueError) as error:
            QMessageBox.warning(self.window, not_imported, str(error))
            return
        target: int | None = None
        if self.window.document is not None:
            target = self._ask_import_target(model)
            if target == CANCEL:
                return
        try:
            imported = self._import(workspace, model, target)
        except CostingError as error:
            self._show_problems(not_imported, error.problems)
            return
        except (StorageError, InvalidData, ValueError) as error:  # a profile it refuses
            QMessageBox.warning(self.window, not_imported, str(error))
            return
        if imported is None:
            self.window.show_status(_("Not imported: nothing was changed"), 8000)
            return
        org_id, scenario_id = imported
        self.window.show_organisation(org_id, scenario_id)
        self.window.show_status(
            _("Imported {name} from {path}").format(name=model.scenario.name, path=path), 8000
        )

    def _import(
        self, workspace: Workspace, model: CostingModel, target: int | None
    ) -> tuple[int, int] | None:
        """Import `model` (into organisation `target`, or a new one); when that would change
        services other scenarios show, only once the person agrees (None when they do not)."""
        from costready.app import model_files

        update = False
        if target is not None:
            changes = model_files.service_changes(workspace, model, target)
            if changes:
                if not self.confirm_service_changes(model, changes):
                    return None
                update = True
        try:
            return model_files.import_model(workspace, model, target, update_services=update)
        except model_files.ServicesWouldChange as error:  # another program changed them since
            if not self.confirm_service_changes(model, error.changes):
                return None
            return model_files.import_model(workspace, model, target, update_services=True)

    def confirm_service_changes(self, model: CostingModel, changes: list[ServiceChange]) -> bool:
        """Ask before an import changes services that scenarios already show (True: go ahead)."""
        box, go_ahead = service_changes_box(model, changes, self.window)
        box.exec()
        return box.clickedButton() is go_ahead

    def _ask_import_target(self, model: CostingModel) -> int | None:
        """None: a new organisation; an id: a new scenario of the current one; CANCEL."""
        from PySide6.QtWidgets import QMessageBox

        workspace, document = self.window.workspace, self.window.document
        assert workspace is not None and document is not None
        current = workspace.organisation(document.organisation_id).name
        box = QMessageBox(self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)  # names as typed
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Import model"))
        box.setText(
            _("Import “{name}” as a new organisation, or as a new scenario of {current}?").format(
                name=model.organisation.name, current=current
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
            return document.organisation_id
        return CANCEL

    def _show_problems(self, title: str, problems: list[Problem]) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)  # names as typed
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(_("Nothing was changed. Fix these problems in the file and import it again:"))
        box.setDetailedText("\n".join(f"{p.path}: {p.message}" for p in problems))
        box.setInformativeText("\n".join(f"{p.path}: {p.message}" for p in problems[:10]))
        box.exec()

    def export_model_file(self) -> None:
        workspace, document = self.window.workspace, self.window.document
        if workspace is None or document is None:
            return
        path = save_file_name(
            self.window,
            _("Export the costing model"),
            self._suggested_name(extension="json"),
            _("Costing model (*.json)"),
        )
        if not path:
            return
        from costready.app import model_files
        from costready.costing import modelfile

        try:
            model = model_files.export_model(
                workspace, document.organisation_id, document.scenario_id
            )
            modelfile.save_model_file(model, Path(path))
        except Exception as error:  # a failed export is reported; nothing else changes
            report_error(self.window, _("Not exported"), error)
            return
        self.window.show_status(_("Model saved to {path}").format(path=path), 8000)

    # Organisation files -----------------------------------------------------------------------
    def export_organisation_file(self) -> None:
        """Save the open organisation, every scenario, its price lists and settings as one file."""
        workspace, document = self.window.workspace, self.window.document
        if workspace is None or document is None:
            return
        path = save_file_name(
            self.window,
            _("Export the organisation"),
            self._suggested_name(_("Organisation"), extension="json", scenario=False),
            _("CostReady organisation (*.json)"),
        )
        if not path:
            return
        from costready.app.organisation_files import export_organisation
        from costready.costing.organisation_file import save_organisation_file

        try:
            exported = export_organisation(workspace, document.organisation_id)
            save_organisation_file(exported, Path(path))
        except Exception as error:  # a failed export is reported; nothing else changes
            report_error(self.window, _("Not exported"), error)
            return
        self.window.show_status(_("Organisation saved to {path}").format(path=path), 8000)

    def import_organisation_file(self) -> None:
        """Read an organisation file whole; show every problem, or add it as a new organisation
        (named apart from the others) and open it."""
        workspace = self.window.workspace
        if workspace is None:
            return
        path = open_file_name(
            self.window, _("Import an organisation"), _("CostReady organisation (*.json)")
        )
        if not path:
            return
        from costready.app.organisation_files import import_organisation
        from costready.costing.organisation_file import load_organisation_file
        from costready.costing.results import CostingError

        not_imported = _("The organisation was not imported")
        try:
            file = load_organisation_file(Path(path))
            imported = import_organisation(workspace, file)
        except CostingError as error:
            self._show_problems(not_imported, error.problems)
            return
        except Exception as error:  # refused by the workspace: nothing was written
            report_error(self.window, not_imported, error)
            return
        self.window.show_organisation(imported.organisation_id)
        self.window.opening.edited()
        message = _("Imported the organisation “{name}” from {path}").format(
            name=imported.name, path=path
        )
        renamed = imported.renamed_from(file)
        if renamed is not None:
            message += " " + _("(this workspace already had one called “{name}”)").format(
                name=renamed
            )
        self.window.show_status(message, 12000)

    # The sample and recent workspaces -------------------------------------------------------
    def open_sample_organisation(self) -> None:
        """Add the sample organisation (once: it is opened if already there) and show it."""
        try:
            self.window.open_sample()
        except Exception as error:  # a workspace that refuses the write: nothing changed
            report_error(self.window, _("The sample organisation was not opened"), error)

    def fill_recent_menu(self) -> None:
        """The last five workspace files opened, newest first (the open one included)."""
        from costready.ui.file_dialogs import recent_workspaces

        menu = self.open_recent.menu()
        assert isinstance(menu, QMenu)
        menu.clear()
        recent = recent_workspaces()
        for number, path in enumerate(recent, start=1):
            action = menu.addAction(f"&{number} {path}")
            action.setData(path)
            action.triggered.connect(
                lambda _checked=False, p=path: self.window.open_workspace_url(f"sqlite:///{p}")
            )
        if not recent:
            menu.addAction(_("No workspaces opened yet")).setEnabled(False)

    def _suggested_name(
        self, what: str = "", extension: str = "pdf", *, scenario: bool = True
    ) -> str:
        from costready.ui.export import file_name

        document = self.window.document
        if document is None:
            return ""
        if not scenario:
            return file_name(self.window.organisation_label.text(), what, extension=extension)
        return file_name(
            self.window.organisation_label.text(), what, document.scenario.name, extension=extension
        )

    # PDFs -------------------------------------------------------------------------------------
    def export_price_list_pdf(self) -> None:
        made = self._price_list_writer()
        if made is None:
            return
        write, published = made
        started = self.window.pdf_exporter.export(
            _("Export the price list"), self._suggested_name(_("Price list")), write
        )
        if started and published.changed_since_adoption:
            self.window.show_status(
                _("The price list shows the adopted prices; adopt again to publish the new ones.")
            )

    def export_costing_report_pdf(self) -> None:
        write = self._costing_report_writer()
        if write is not None:
            self.window.pdf_exporter.export(
                _("Export the costing report"), self._suggested_name(_("Costing report")), write
            )

    def _price_list_writer(self) -> tuple[Callable[[PathOrFile], None], Publication] | None:
        """What writes the price list PDF (export and print alike), with the publication it
        shows; None when there is none, or when `_can_export` has said why not."""
        workspace, document = self.window.workspace, self.window.document
        if workspace is None or document is None or not self._can_export(_("The price list")):
            return None
        from costready.app.adoption import publication
        from costready.reports.price_list import write_publication

        organisation = workspace.organisation(document.organisation_id)
        published = publication(workspace, document.organisation_id, document.scenario_id)

        def write(target: PathOrFile) -> None:
            write_publication(target, organisation, published)

        return write, published

    def _costing_report_writer(self) -> Callable[[PathOrFile], None] | None:
        """What writes the costing report PDF (export and print alike); None when there is
        none, or when `_can_export` has said why not."""
        workspace, document = self.window.workspace, self.window.document
        if workspace is None or document is None:
            return None
        if not self._can_export(_("The costing report")):
            return None
        from costready.reports.costing_report import write_costing_report

        organisation = workspace.organisation(document.organisation_id)
        scenario, result = document.scenario, document.result
        assert result is not None  # _can_export said so

        def write(target: PathOrFile) -> None:
            write_costing_report(target, organisation, scenario, result)

        return write

    # Printing ---------------------------------------------------------------------------------
    def print_price_list_pdf(self) -> None:
        """The price list (as exported) in a print preview, printed from there."""
        made = self._price_list_writer()
        if made is not None:
            self._preview(_("Price list"), made[0])

    def print_costing_report(self) -> None:
        """The costing report in a print preview, printed from there."""
        write = self._costing_report_writer()
        if write is not None:
            self._preview(_("Costing report"), write)

    def _preview(self, title: str, write: Callable[[BinaryIO], None]) -> None:
        from costready.ui.printing import preview

        preview(self.window, title, lambda: _pdf_bytes(write))

    # Spreadsheets -----------------------------------------------------------------------------
    def export_prices_spreadsheet(self) -> None:
        """The Prices table as an Excel workbook or CSV file."""
        workspace, document = self.window.workspace, self.window.document
        if workspace is None or document is None or not self._can_export(_("The Prices table")):
            return
        from costready.reports.tables import prices_table
        from costready.ui.table_export import export_tables

        organisation = workspace.organisation(document.organisation_id)
        assert document.result is not None  # _can_export said so
        table = prices_table(document.result, organisation.vat_registered, organisation.locale)
        export_tables(
            self.window.pdf_exporter,
            _("Export the Prices table"),
            self._name_parts(_("Prices")),
            [table],
        )

    def export_report_spreadsheet(self) -> None:
        """Every table of the costing report as an Excel workbook (a sheet each) or CSV."""
        workspace, document = self.window.workspace, self.window.document
        if workspace is None or document is None:
            return
        if not self._can_export(_("The costing report")):
            return
        from costready.reports.tables import report_tables
        from costready.ui.table_export import export_tables

        organisation = workspace.organisation(document.organisation_id)
        assert document.result is not None  # _can_export said so
        tables = report_tables(organisation, document.scenario, document.result)
        export_tables(
            self.window.pdf_exporter,
            _("Export the costing report's tables"),
            self._name_parts(_("Costing report")),
            tables,
        )

    def _name_parts(self, what: str) -> list[str]:
        """Organisation, what, scenario: the parts of a suggested file name."""
        document = self.window.document
        scenario = document.scenario.name if document is not None else ""
        return [self.window.organisation_label.text(), what, scenario]

    def _can_export(self, document_name: str) -> bool:
        """True when every service prices; else say which cannot, and why, and export nothing
        (a price list or report with services missing would mislead whoever reads it)."""
        from PySide6.QtWidgets import QMessageBox

        from costready.ui.prices.table import unpriced_names

        document = self.window.document
        result = document.result if document is not None else None
        if result is not None and not result.unpriced:
            return True
        if result is not None:
            QMessageBox.information(
                self.window,
                _("Not exported"),
                as_typed(
                    _(
                        "{document} is not exported while some services cannot be priced. Fix "
                        "these first, or remove the services:\n{names}"
                    ).format(document=document_name, names=unpriced_names(result.unpriced))
                ),
            )
            return False
        problems = document.problems if document is not None else []
        QMessageBox.information(
            self.window,
            _("Prices cannot be worked out yet"),
            as_typed(_("Fix these first:") + "\n" + "\n".join(p.message for p in problems)),
        )
        return False


def service_changes_box(
    model: CostingModel, changes: list[ServiceChange], parent: QWidget | None = None
) -> tuple[QMessageBox, QPushButton]:
    """The question before an import changes services: which, how, and the scenarios that
    show them; with the button that goes ahead (Cancel, the default, imports nothing)."""
    from PySide6.QtWidgets import QMessageBox

    from costready.app.model_files import FIELD_LABELS

    lines = []
    for change in changes:
        fields = "; ".join(
            _("{field} “{old}” becomes “{new}”").format(
                field=_(FIELD_LABELS[field]), old=old, new=new
            )
            for field, old, new in change.changes
        )
        where = ", ".join(f"“{name}”" for name in change.scenarios) or _("no scenario yet")
        lines.append(
            _("• “{service}”: {fields}. Shown in {where}.").format(
                service=change.name, fields=fields, where=where
            )
        )
    box = QMessageBox(parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # names as typed
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Import model"))
    box.setText(
        _(
            "Importing “{name}” changes services this organisation already has, in every "
            "scenario that shows them:"
        ).format(name=model.scenario.name)
    )
    box.setInformativeText(
        "\n".join(lines) + "\n\n" + _("Import and change them, or cancel and import nothing?")
    )
    go_ahead = box.addButton(_("Import and change services"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    return box, go_ahead


def _pdf_bytes(write: Callable[[BinaryIO], None]) -> bytes:
    """The PDF `write` makes, in memory (to print it)."""
    out = io.BytesIO()
    write(out)
    return out.getvalue()


def report_error(parent: QWidget, title: str, error: BaseException) -> None:
    """The error dialog, imported when first needed (its module costs start-up ~50 ms)."""
    from costready.ui.dialogs.error import report_error as show

    show(parent, title, error)
