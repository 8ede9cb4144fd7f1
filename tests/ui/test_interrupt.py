"""Ctrl+C from the terminal closes the window cleanly."""

from __future__ import annotations

import os
import signal
import sys

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from costready.ui.app import close_on_interrupt

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


class _Window(QWidget):
    closed = False

    def closeEvent(self, event: object) -> None:
        type(self).closed = True
        super().closeEvent(event)  # type: ignore[arg-type]


def test_ctrl_c_closes_the_window_and_asks_the_application_to_quit(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda *_a: quits.append(True))
    window = _Window()
    qtbot.addWidget(window)
    window.show()
    before = signal.getsignal(signal.SIGINT)
    restore = close_on_interrupt(qapp)
    try:
        os.kill(os.getpid(), signal.SIGINT)
        qtbot.waitUntil(lambda: not window.isVisible())
        assert _Window.closed  # through closeEvent, as closing it by hand
        qtbot.waitUntil(lambda: quits == [True])
        assert signal.getsignal(signal.SIGINT) is signal.SIG_DFL  # a second Ctrl+C ends it
    finally:
        restore()
    assert signal.getsignal(signal.SIGINT) is before
