"""No traceback reaches the person: errors show in words, with Copy details for the rest."""

from __future__ import annotations

import decimal
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from costready.app.sample import install_sample
from costready.storage.errors import StorageError
from costready.storage.workspace import Workspace
from costready.ui.app import install_error_dialog
from costready.ui.background import Job
from costready.ui.dialogs.error import ErrorDialog, plain_message, report_error, worded
from costready.ui.main_window import MainWindow

PYTHON_WORDS = ("Traceback", "<class", "decimal.", "Overflow", 'File "')


def _overflow() -> decimal.Overflow:
    """The error the issue saw: its str() is "[<class 'decimal.Overflow'>]"."""
    try:
        with decimal.localcontext() as context:
            context.traps[decimal.Overflow] = True
            decimal.Decimal("1e999999999") * decimal.Decimal("1e999999999")
    except decimal.Overflow as error:
        return error
    raise AssertionError("no overflow")


def _shown_words(dialog: ErrorDialog) -> str:
    return " ".join(label.text() for label in dialog.findChildren(QLabel)) + dialog.windowTitle()


def _error_dialog(parent) -> ErrorDialog:
    dialogs = [d for d in parent.findChildren(ErrorDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


@pytest.fixture
def window(qtbot):
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_python_errors_are_put_in_words():
    assert "<class" in str(_overflow())  # what used to be shown
    for error in (_overflow(), RecursionError("maximum recursion depth"), KeyError("x")):
        message = plain_message(error)
        assert message and not any(word in message for word in PYTHON_WORDS)
    assert worded(_overflow()) is None
    assert worded(StorageError("The workspace file is locked.")) == "The workspace file is locked."
    disk = OSError(28, "No space left on device", "/tmp/x.pdf")
    assert plain_message(disk) == "Could not use “/tmp/x.pdf”: the disk is full"


@pytest.mark.qt_no_exception_capture
def test_an_error_raised_in_a_slot_shows_words_and_copies_the_traceback(qtbot, window, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    install_error_dialog(window)
    button = QPushButton("Go", window)

    def slot() -> None:
        raise _overflow()

    button.clicked.connect(slot)
    QGuiApplication.clipboard().clear()
    button.click()
    qtbot.waitUntil(lambda: bool(window.findChildren(ErrorDialog)), timeout=5000)
    dialog = _error_dialog(window)
    words = _shown_words(dialog)
    assert "too large or too precise" in words
    assert not any(word in words for word in PYTHON_WORDS)
    assert dialog.copy_button.accessibleName()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "Traceback" in copied and "Overflow" in copied and "in slot" in copied
    assert "clipboard" in dialog.copied_label.text()
    dialog.close_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)


def test_an_unexpected_failure_in_background_comes_back_in_words(qtbot):
    def work() -> None:
        raise _overflow()

    job = Job(work)
    with qtbot.waitSignal(job.failed, timeout=5000) as failed:
        job.start()
    message, details = failed.args
    assert not any(word in message for word in PYTHON_WORDS)
    assert "Traceback" in details and "Overflow" in details


def test_a_pdf_that_fails_unexpectedly_shows_copy_details(qtbot, window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "x.pdf"), "")
    )
    exporter = window.pdf_exporter

    def write(_path) -> None:
        raise _overflow()

    with qtbot.waitSignal(exporter.failed, timeout=5000):
        exporter.export("Export", "x.pdf", write)
    dialog = _error_dialog(window)
    assert not any(word in _shown_words(dialog) for word in PYTHON_WORDS)
    assert "Traceback" in dialog.details
    assert "Not saved" in window.statusBar().currentMessage()
    assert "<class" not in window.statusBar().currentMessage()
    dialog.reject()


@pytest.mark.parametrize("where", ["open", "organisations"])
def test_a_workspace_that_fails_unexpectedly_leaves_the_window_usable(
    qtbot, window, tmp_path, monkeypatch, where
):
    url = f"sqlite:///{tmp_path / 'hub.sqlite'}"
    with Workspace(url) as workspace:
        install_sample(workspace)

    def fail(*_args, **_kwargs):
        raise _overflow()

    # failing as it opens, or once open (reading which organisation to show)
    monkeypatch.setattr(Workspace, where, fail)
    assert not window.open_workspace_url(url)

    dialog = _error_dialog(window)
    assert not any(word in _shown_words(dialog) for word in PYTHON_WORDS)
    assert "Opening" not in window.statusBar().currentMessage()
    shown = window.stack.currentWidget()
    texts = " ".join(label.text() for label in shown.findChildren(QLabel))
    assert "could not be opened" in texts and not any(w in texts for w in PYTHON_WORDS)
    buttons = [b.text() for b in shown.findChildren(QPushButton)]
    assert "Open another workspace…" in buttons
    assert window.file_actions.open_workspace.isEnabled()
    dialog.reject()


def test_an_expected_error_keeps_its_own_words(window, monkeypatch):
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    report_error(window, "Not saved", StorageError("The disk is full."))
    assert warned == ["The disk is full."]
    assert not window.findChildren(ErrorDialog)


def test_the_error_dialog_sits_above_an_open_modal_dialog(qtbot, window):
    from costready.ui.dialogs.error import show_unexpected

    assert QApplication.activeModalWidget() is None
    dialog = show_unexpected(window, _overflow())
    assert dialog.parent() is window
    dialog.reject()


@pytest.fixture
def open_window(qtbot, workspace, sample_ids):
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(win.workspace_loaded):
        win.set_workspace(workspace)
    return win


def test_a_save_failing_in_python_words_is_not_shown_in_them(open_window, monkeypatch):
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    open_window.document.save_failed.emit(f"Not saved: {_overflow()}")
    assert warned and warned[0].startswith("Not saved")
    assert not any(word in warned[0] for word in PYTHON_WORDS)
    assert "<class" not in open_window.statusBar().currentMessage()


def test_a_model_export_failing_unexpectedly_offers_copy_details(
    open_window, monkeypatch, tmp_path
):
    from PySide6.QtWidgets import QFileDialog

    from costready.app import model_files

    def fail(*_args):
        raise _overflow()

    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "m.json"), "")
    )
    monkeypatch.setattr(model_files, "export_model", fail)
    open_window.export_model_action.trigger()
    dialog = _error_dialog(open_window)
    assert dialog.windowTitle() == "Not exported"
    assert not any(word in _shown_words(dialog) for word in PYTHON_WORDS)
    assert "Overflow" in dialog.details
    assert not (tmp_path / "m.json").exists()
    dialog.reject()
