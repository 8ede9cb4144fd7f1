"""Documents as PDFs: ask where to save, write it off the GUI thread, offer to open it.

Every document the window exports (price list, costing report, and later invoices,
statements, reminders, the readiness report) goes through `PdfExporter.export`, so each one
only says what to call the file and how to write it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMainWindow, QMessageBox, QPushButton

from costready.i18n import _
from costready.ui.background import run_in_background
from costready.ui.dialogs.error import ErrorDialog
from costready.ui.file_dialogs import save_file_name
from costready.ui.widgets import as_typed


def file_name(*parts: str, extension: str = "pdf") -> str:
    """A file name made of `parts` ("Riverside Hub", "Price list", "Budget 2026-27"), with
    characters that some systems refuse in names left out."""
    stem = " ".join(parts)
    safe = "".join(c if c.isalnum() or c in " -_" else "" for c in stem)
    return f"{' '.join(safe.split())}.{extension}"


def with_extension(path: str, suggested_name: str) -> str:
    """`path` as typed, with the suggested name's extension added when it has none of its own
    ("prices" -> "prices.xlsx"), so the file opens in the right program."""
    if Path(path).suffix:
        return path
    return path + Path(suggested_name).suffix


class PdfExporter(QObject):
    """Writes PDFs for `window`; its status bar says how it went, with a button to open one."""

    finished = Signal(str)  # a PDF was written: the status-bar message
    failed = Signal(str)

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self._window = window
        self._path = ""
        self.open_button = QPushButton(_("Open PDF"))
        self.open_button.setAccessibleName(_("Open the PDF just saved"))
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.open_button.hide()
        window.statusBar().addPermanentWidget(self.open_button)

    def export(
        self,
        title: str,
        suggested_name: str,
        write: Callable[[Path], None],
        file_filter: str = "",
        open_label: str = "",
    ) -> bool:
        """Ask where to save `title` ("Export the price list"), then `write(path)` in the
        background; False when the person cancelled. A PDF unless `file_filter` says otherwise
        (then `open_label` names the button that opens the file: "Open spreadsheet")."""
        path = save_file_name(self._window, title, suggested_name, file_filter or _("PDF (*.pdf)"))
        if not path:
            return False
        path = with_extension(path, suggested_name)
        self.open_button.hide()
        self.open_button.setText(open_label or _("Open PDF"))
        self.open_button.setAccessibleName(
            _("Open the file just saved") if open_label else _("Open the PDF just saved")
        )
        self._window.statusBar().showMessage(_("Writing {path}…").format(path=path))
        target = Path(path)

        def work() -> str:
            write(target)
            return path

        run_in_background(work, self, self._on_job_succeeded, self._on_job_failed)
        return True

    @Slot(object)
    def _on_job_succeeded(self, path: object) -> None:
        self._path = str(path)
        message = _("Saved to {path}").format(path=self._path)
        self._window.statusBar().showMessage(message, 10000)
        self.open_button.show()
        self.finished.emit(message)

    @Slot(str, str)
    def _on_job_failed(self, error: str, details: str) -> None:
        self._window.statusBar().showMessage(_("Not saved: {error}").format(error=error))
        if details:  # unexpected: the words, and the traceback only on the clipboard
            dialog = ErrorDialog(error, details, _("Not saved"), self._window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
        else:
            QMessageBox.warning(self._window, _("Not saved"), as_typed(error))
        self.failed.emit(error)

    @Slot()
    def _on_open_button_clicked(self) -> None:
        # the desktop's PDF viewer; nothing to say if there is none (the file is saved)
        QDesktopServices.openUrl(QUrl.fromLocalFile(self._path))
        self.open_button.hide()
