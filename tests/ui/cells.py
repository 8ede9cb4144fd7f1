"""Driving the pages as a person does (tables, edits to the document): shared by the page tests."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QWidget

from costready.ui.document import ScenarioDocument


def shown(qtbot, widget: QWidget, width: int = 1100, height: int = 760) -> QWidget:
    """`widget` shown at a size where every column fits, once the screen has it."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def edit_cell(qtbot, view: QAbstractItemView, row: int, key: str, text: str) -> None:
    """Type `text` into a cell through the view's own editor (empty: clear it), then Enter."""
    index = view.model().index_of(row, key)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    if text:
        qtbot.keyClicks(editor, text)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits on a queued call once Enter is handled
    qtbot.waitUntil(lambda: view.indexWidget(index) is None)


def raise_home_support_surplus(document: ScenarioDocument) -> None:
    """An edit that changes a price: home support's surplus raised to 50%."""
    scenario = document.scenario
    services = tuple(
        dataclasses.replace(s, surplus=dataclasses.replace(s.surplus, value=Decimal("0.5")))
        if s.id == "home-support"
        else s
        for s in scenario.services
    )
    document.apply(dataclasses.replace(scenario, services=services), "Raise surplus")
