"""Start the desktop app: show the window first, then open the workspace behind it."""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable
from types import FrameType, TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from costready import __version__
from costready.ui.main_window import MainWindow


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication: Fusion on Linux (it follows the system palette), CostReady's names."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        arguments = list(argv if argv is not None else sys.argv) or ["costready"]
        if sys.platform.startswith("linux"):
            # asked for on the command line, Fusion is the only style made (setStyle after
            # construction would make the desktop's default first); a -style of the user's
            # own comes later and wins
            arguments[1:1] = ["-style", "Fusion"]
        app = QApplication(arguments)
    app.setApplicationName("CostReady")
    app.setApplicationDisplayName("CostReady")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("CostReady")
    app.setDesktopFileName("costready")
    return app


def install_error_dialog(parent: MainWindow) -> None:
    """Any error no screen handled is shown in plain words with a "Copy details" button (the
    traceback goes to the clipboard on request and to stderr), rather than vanishing: every
    edit is saved as it is made, so the work so far is safe."""
    previous = sys.excepthook

    def show(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if not issubclass(kind, Exception):  # KeyboardInterrupt, SystemExit: not an error
            previous(kind, error, trace)
            return
        try:
            # imported when first needed: the dialog's module costs start-up ~50 ms
            from costready.ui.dialogs.error import show_unexpected

            show_unexpected(parent, error, trace)
        except Exception:  # the dialog itself failed: the terminal still gets the details
            previous(kind, error, trace)

    sys.excepthook = show


def close_on_interrupt(app: QApplication) -> Callable[[], None]:
    """Ctrl+C in the terminal closes the windows, as closing them by hand does, and quits.

    Qt's event loop runs in C++, where Python's signal handlers cannot run: a timer lets
    Python in five times a second. A second Ctrl+C ends the program at once. Returns a
    function that puts the previous handler back.
    """

    def close_all() -> None:
        app.closeAllWindows()  # each window's closeEvent does what closing it does
        if not any(widget.isVisible() for widget in app.topLevelWidgets()):
            app.quit()

    def on_interrupt(_signal: int, _frame: FrameType | None) -> None:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        QTimer.singleShot(0, close_all)

    previous = signal.signal(signal.SIGINT, on_interrupt)
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(200)

    def restore() -> None:
        wake.stop()
        wake.deleteLater()
        signal.signal(signal.SIGINT, previous)

    return restore


def run(database_url: str | None = None) -> int:
    """Show the window, open `database_url` (None: the default workspace) and run until quit."""
    app = create_application()
    window = MainWindow()
    install_error_dialog(window)
    window.show()
    # storage, SQLAlchemy and reportlab load only after the window is on screen
    QTimer.singleShot(0, lambda: window.open_workspace_url(database_url))
    restore = close_on_interrupt(app)
    try:
        return app.exec()
    finally:
        restore()
