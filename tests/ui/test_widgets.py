"""Shared widgets: empty states whose buttons work from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from costready.ui.widgets import empty_state


def test_an_empty_state_button_is_pressed_with_return(qtbot):
    pressed: list[str] = []
    box = empty_state(
        "No services yet",
        "Add a service",
        lambda: pressed.append("add"),
        ("Open the sample", lambda: pressed.append("sample")),
    )
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    first, second = box.findChildren(QPushButton)
    assert [first.text(), second.text()] == ["Add a service", "Open the sample"]
    second.setFocus()
    qtbot.waitUntil(second.hasFocus)
    qtbot.keyClick(second, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pressed == ["sample"])  # animateClick presses a moment later
