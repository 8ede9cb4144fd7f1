"""Start the desktop app: show the window first, then open the workspace behind it."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from costready import __version__
from costready.ui.main_window import MainWindow


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication: Fusion on Linux (it follows the system palette), CostReady's names."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv)
    if sys.platform.startswith("linux"):
        app.setStyle("Fusion")
    app.setApplicationName("CostReady")
    app.setApplicationDisplayName("CostReady")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("CostReady")
    app.setDesktopFileName("costready")
    return app


def run(database_url: str | None = None) -> int:
    """Show the window, open `database_url` (None: the default workspace) and run until quit."""
    app = create_application()
    window = MainWindow()
    window.show()
    # storage, SQLAlchemy and reportlab load only after the window is on screen
    QTimer.singleShot(0, lambda: window.open_workspace_url(database_url))
    return app.exec()
