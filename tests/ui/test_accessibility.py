"""Every input on every page has an accessible name and a keyboard route to it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from costready.ui.pages import PAGE_KEYS

INPUTS = (
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
    QAbstractButton,
    QAbstractItemView,
)


def inputs_of(page: QWidget) -> list[QWidget]:
    found = []
    for kind in INPUTS:
        for widget in page.findChildren(kind):
            inner_of_combo = isinstance(widget, QLineEdit) and isinstance(
                widget.parent(), (QComboBox, QAbstractSpinBox)
            )
            header = isinstance(widget, QHeaderView)  # part of its table, named by it
            if widget.isVisibleTo(page) and not inner_of_combo and not header:
                found.append(widget)
    return found


def name_of(widget: QWidget) -> str:
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "")  # a button's text is its accessible name
    return ""


@pytest.mark.parametrize("key", PAGE_KEYS)
def test_every_visible_input_has_an_accessible_name(window, key):
    window.show_page(key)
    page = window.pages[key]
    unnamed = [
        f"{type(w).__name__} {w.objectName() or ''}".strip()
        for w in inputs_of(page)
        if not name_of(w)
    ]
    assert not unnamed, f"{key} page inputs without an accessible name: {unnamed}"


@pytest.mark.parametrize("key", PAGE_KEYS)
def test_every_visible_input_takes_keyboard_focus(window, key):
    window.show_page(key)
    page = window.pages[key]
    unreachable = [
        name_of(w)
        for w in inputs_of(page)
        if w.isEnabled() and not (w.focusPolicy() & Qt.FocusPolicy.TabFocus)
    ]
    assert not unreachable, f"{key} page inputs not reachable with Tab: {unreachable}"
