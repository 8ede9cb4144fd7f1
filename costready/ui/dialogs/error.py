"""An error in plain words, with a button that copies its details for whoever supports CostReady.

No traceback, and no Python class name, ever shows in the window: the words say what happened
and that the saved work is safe; the details go to the clipboard (and stderr) on request.
"""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from costready.i18n import _
from costready.ui.widgets import plain_label

#: Signs that a message was written for Python, not for people ("[<class 'decimal.Overflow'>]").
_PYTHON_MARKS = ("<class '", "Traceback (most recent call last)", 'File "')


def worded(error: BaseException) -> str | None:
    """The error's own message when it was written for people (CostReady's errors, files that
    could not be read or written), else None."""
    if isinstance(error, OSError) and type(error).__module__ == "builtins":
        from costready.files import plain_cause

        cause = plain_cause(error)
        if error.filename:
            return _("Could not use “{file}”: {cause}").format(file=error.filename, cause=cause)
        return cause[:1].upper() + cause[1:]
    module = type(error).__module__
    if not (module == "costready" or module.startswith("costready.")):
        return None
    message = str(error).strip()
    if not message or looks_technical(message):
        return None
    return message


def looks_technical(message: str) -> bool:
    """True when `message` holds something written for Python ("[<class 'decimal.Overflow'>]")."""
    return any(mark in message for mark in _PYTHON_MARKS)


def plain_message(error: BaseException) -> str:
    """What went wrong, in words: the error's own when it has some, else what kind of trouble."""
    message = worded(error)
    if message is not None:
        return message
    if isinstance(error, RecursionError):
        return _("The data is nested too deeply to be read.")
    if isinstance(error, MemoryError):
        return _("The computer ran out of memory.")
    if isinstance(error, ArithmeticError):
        return _("A figure is too large or too precise to be worked with.")
    return _("Something unexpected stopped CostReady finishing that.")


def details_of(error: BaseException, trace: TracebackType | None = None) -> str:
    """The full technical details (the traceback), for the clipboard and stderr only."""
    from costready import __version__

    lines = traceback.format_exception(type(error), error, trace or error.__traceback__)
    return f"CostReady {__version__}, Python {sys.version.split()[0]}\n" + "".join(lines)


class ErrorDialog(QDialog):
    """“Something went wrong”: the message in words, that saved work is kept, Copy details."""

    def __init__(
        self, message: str, details: str, title: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or _("Something went wrong"))
        self.setMinimumWidth(420)
        self.details = details
        outer = QHBoxLayout(self)
        sign = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        sign.setPixmap(warning.pixmap(size, size))
        sign.setAlignment(Qt.AlignmentFlag.AlignTop)
        outer.addWidget(sign)
        layout = QVBoxLayout()
        outer.addLayout(layout, 1)
        self.message_label = plain_label(message, name=_("What went wrong"))
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message_label)
        self.advice_label = plain_label(
            _(
                "Everything saved before this is kept. If it happens again, copy the details "
                "and send them to whoever helps you with CostReady."
            )
        )
        layout.addWidget(self.advice_label)
        self.copied_label = QLabel("")
        self.copied_label.setTextFormat(Qt.TextFormat.PlainText)
        self.copied_label.setAccessibleName(_("Copy details result"))
        layout.addWidget(self.copied_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(_("&Copy details"))
        self.copy_button.setAccessibleName(_("Copy the technical details to the clipboard"))
        self.copy_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        )
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(_("Close"))
        self.close_button.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setAccessibleName(self.windowTitle())
        self.setAccessibleDescription(message)

    def copy_details(self) -> None:
        """Put the details on the clipboard and say so."""
        QGuiApplication.clipboard().setText(self.details)
        self.copied_label.setText(_("The details are on the clipboard."))


def show_unexpected(
    parent: QWidget | None,
    error: BaseException,
    trace: TracebackType | None = None,
    title: str = "",
) -> ErrorDialog:
    """Show `error` in words with Copy details (window-modal, without blocking the caller);
    its details also go to stderr, where a terminal or log keeps them."""
    details = details_of(error, trace)
    print(details, file=sys.stderr)
    # above a dialog that is open (its own modal loop would keep the window out of reach)
    modal = QApplication.activeModalWidget()
    dialog = ErrorDialog(plain_message(error), details, title, modal or parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def report_error(parent: QWidget | None, title: str, error: BaseException) -> None:
    """An error a screen expected some of: its own words in a warning when it has them, else
    the plain message with Copy details."""
    message = worded(error)
    if message is not None:
        QMessageBox.warning(parent, title, message)
    else:
        show_unexpected(parent, error, title=title)
