"""The Home page: its tiles say what is done and what is next, and it is easy to move through."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from costready.app.adoption import adopt
from costready.ui.pages.home import HomePage
from tests.ui.cells import raise_home_support_surplus, shown


@pytest.fixture
def document(example_doc):
    return example_doc


def test_the_prices_tile_says_when_adopted_prices_have_changed(qtbot, document, workspace):
    adopt(workspace, document.scenario_id, date.today(), "Trustees", date.today())
    home = shown(qtbot, HomePage(document))
    assert home.tiles["prices"].step.done
    raise_home_support_surplus(document)
    tile = home.tiles["prices"]
    assert not tile.step.done
    assert "changed since they were adopted" in tile.step.text


def test_the_scroll_area_is_not_a_tab_stop(qtbot, document):
    home = shown(qtbot, HomePage(document))
    scroll = home.findChild(QScrollArea)
    assert scroll.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_the_checklist_tile_opens_the_checklist(qtbot, document):
    home = shown(qtbot, HomePage(document))
    tile = home.tiles["checklist"]
    assert "Answer a few questions" in tile.step.text
    with qtbot.waitSignal(home.navigate_requested) as signal:
        qtbot.mouseClick(tile.button, Qt.MouseButton.LeftButton)
    assert signal.args == ["checklist"]
