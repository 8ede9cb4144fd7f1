"""Keyboard, menus and small screens (issue 17): Tab through tables, Ctrl+1…, cut, copy and
paste, undo entries as sentences, the Help pages, and every page at 1024 × 600."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView

from costready.i18n import _
from costready.ui import edit_names
from costready.ui.pages import PAGE_KEYS
from costready.ui.shell.page_area import SMALL_SCREEN, PageArea
from costready.ui.tables import TableKeys
from tests.ui.cells import edit_cell


def focus(qtbot, widget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def tab(qtbot, backwards: bool = False, control: bool = False) -> None:
    modifiers = Qt.KeyboardModifier.ControlModifier if control else Qt.KeyboardModifier(0)
    if backwards:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, modifiers)


# Tab ------------------------------------------------------------------------------------------
def test_every_table_on_every_page_has_the_shared_keys(qtbot, window):
    for key in PAGE_KEYS:
        window.show_page(key)
        views = [v for v in window.pages[key].findChildren(QTableView)]
        assert all(isinstance(view, TableKeys) for view in views), key


def test_tab_leaves_a_read_only_table_at_once(qtbot, window):
    window.show_page("prices")
    window.activateWindow()
    table = window.prices_page.table
    assert table.model().rowCount() > 3
    focus(qtbot, table)
    table.setCurrentIndex(table.model().index(0, 0))
    tab(qtbot)
    assert QApplication.focusWidget() is not table
    focus(qtbot, table)
    qtbot.keyClick(table, Qt.Key.Key_Down)  # the arrows still move inside
    assert table.currentIndex().row() == 1 and QApplication.focusWidget() is table
    tab(qtbot, backwards=True)
    assert QApplication.focusWidget() is not table


def test_an_editable_table_keeps_spreadsheet_keys_and_ctrl_tab_leaves(qtbot, window):
    window.show_page("services")
    window.activateWindow()
    view = window.pages["services"].view
    focus(qtbot, view)
    view.setCurrentIndex(view.model().index(0, 0))
    tab(qtbot)  # along the row
    assert QApplication.focusWidget() is view and view.currentIndex().column() == 1
    tab(qtbot, backwards=True)
    assert view.currentIndex().column() == 0
    tab(qtbot, control=True)  # out of the table at once
    assert QApplication.focusWidget() is not view
    focus(qtbot, view)
    model = view.model()
    last = model.index(model.rowCount() - 1, model.columnCount() - 1)
    while view.isColumnHidden(last.column()):
        last = model.index(last.row(), last.column() - 1)
    view.setCurrentIndex(last)
    tab(qtbot)  # after the last cell, Tab goes on to the next control
    assert QApplication.focusWidget() is not view


def test_enter_saves_a_cell_and_moves_down_a_row(qtbot, window):
    window.show_page("services")
    window.activateWindow()
    view = window.pages["services"].view
    edit_cell(qtbot, view, 0, "name", "Lunch club")
    assert view.model().index_of(0, "name").data() == "Lunch club"
    assert view.currentIndex().row() == 1


# Shortcuts -----------------------------------------------------------------------------------
def test_ctrl_numbers_follow_page_keys(window):
    shortcuts = [a.shortcut().toString() for a in window._page_actions]
    # Ctrl+1 to Ctrl+9, then Ctrl+0 for the tenth page, as browsers do
    expected = [f"Ctrl+{n}" for n in range(1, 10)] + ["Ctrl+0"]
    assert shortcuts == expected[: len(PAGE_KEYS)]
    assert len(PAGE_KEYS) <= 10, "an eleventh page has no Ctrl+number: give it another key"


def test_copy_gives_tab_separated_plain_numbers(qtbot, window):
    window.show_page("prices")
    window.activateWindow()
    table = window.prices_page.table
    focus(qtbot, table)
    table.selectRow(0)
    window.edit_actions.copy.trigger()
    text = QGuiApplication.clipboard().text()
    cells = text.split("\t")
    assert len(cells) >= 5 and "\n" not in text
    assert not any("£" in c for c in cells)
    figures = [c for c in cells if re.fullmatch(r"-?\d+\.\d+", c)]
    assert figures and all(Decimal(f) > 0 for f in figures)


def test_paste_goes_through_the_checks_and_the_undo_stack(qtbot, window, workspace):
    window.show_page("costs")
    window.activateWindow()
    page = window.pages["costs"]
    view = page.view
    row = 0
    amount = view.model().index_of(row, "amount")
    before = view.model().item(row).annual_amount
    focus(qtbot, view)
    view.setCurrentIndex(amount)
    QGuiApplication.clipboard().setText("1234.50\n")
    window.edit_actions.paste.trigger()
    assert view.model().item(row).annual_amount == Decimal("1234.50")
    saved = workspace.load_scenario(window.document.scenario_id).costs[row].annual_amount
    assert saved == Decimal("1234.50")
    assert window.undo_action.text().startswith("Undo pasting into")
    window.undo_action.trigger()
    assert view.model().item(row).annual_amount == before
    QGuiApplication.clipboard().setText("-5")  # refused as if typed: nothing saved
    view.setCurrentIndex(amount)
    window.edit_actions.paste.trigger()
    assert view.model().item(row).annual_amount == before
    assert "cannot be negative" in page.error.text()


# Undo labels ---------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", edit_names.EDIT_KINDS, ids=lambda k: k.name[:30])
def test_every_kind_of_edit_names_whole_sentences(kind):
    names = dict.fromkeys(re.findall(r"{(\w+)}", kind.name), "Lunch & club")
    edit = edit_names.Edit(kind, **names)
    assert edit.undo_text == "Undo " + edit[:1].lower() + edit[1:]
    assert edit.redo_text == "Redo " + edit[:1].lower() + edit[1:]
    for template in (kind.name, kind.undo, kind.redo):
        assert set(re.findall(r"{(\w+)}", template)) == set(names)  # one msgid, all placeholders


def test_a_cell_edit_reads_as_a_sentence_in_the_edit_menu(qtbot, window):
    window.show_page("staff")
    window.activateWindow()
    view = window.pages["staff"].view
    name = view.model().item(0).role
    edit_cell(qtbot, view, 0, "pension_rate", "4")
    assert window.undo_action.text() == f"Undo change to {name}'s pension rate"
    window.undo_action.trigger()
    assert window.redo_action.text() == f"Redo change to {name}'s pension rate"
    assert window.undo_action.iconText() == "Undo"  # the toolbar keeps its short word


def test_each_page_edit_is_named_by_its_kind(qtbot, window):
    """Adding and removing on each table page, and the organisation page's edits."""
    document = window.document
    seen = []

    def note(_index: int) -> None:
        seen.append(window.undo_action.text())

    window.undo_stack.indexChanged.connect(note)
    services = window.pages["services"]
    services.remove(0)
    staff = window.pages["staff"]
    staff.remove(0)
    costs = window.pages["costs"]
    costs.remove(0)
    window.pages["organisation"]
    import dataclasses

    document.apply(
        dataclasses.replace(document.scenario, name="Next year"),
        edit_names.Edit(edit_names.RENAME_SCENARIO),
    )
    assert any(t.startswith("Undo removing the service ") for t in seen), seen
    assert any(t.startswith("Undo removing the post ") for t in seen)
    assert any(t.startswith("Undo removing the cost ") for t in seen)
    assert seen[-1] == "Undo renaming the scenario", seen
    window.undo_stack.indexChanged.disconnect(note)
    assert all(not re.search(r"\bof\b.*\bof\b|Change .* of ", t) for t in seen)


# Help ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("action", "words"),
    [("getting_started", "Ctrl+1"), ("full_cost_recovery", "full cost recovery")],
)
def test_help_pages_open_offline_from_the_menu(qtbot, window, action, words):
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == _("&Help"))
    entry = getattr(window.help_actions, action)
    assert entry in help_menu.actions()
    entry.trigger()
    dialog = window.help_actions.dialog
    assert dialog is not None and dialog.isVisible()
    assert words.lower() in dialog.browser.toPlainText().lower()


def test_a_help_page_not_yet_translated_falls_back_to_english():
    from costready.ui.dialogs.help import help_file

    assert help_file("getting-started.md", "cy").parent.name == "en_GB"


# Small screens ---------------------------------------------------------------------------------
def test_every_page_fits_a_1024_by_600_screen(qtbot, window):
    width, height = SMALL_SCREEN
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.size().toTuple() == (width, height))
    area = window.findChild(PageArea)
    for key in PAGE_KEYS:
        window.show_page(key)
        page = window.pages[key]
        qtbot.waitUntil(lambda p=page: p.isVisible())
        least = page.minimumSizeHint()
        # nothing cut off at the side, and no sideways scrolling
        assert least.width() <= area.viewport().width(), key
        assert not area.horizontalScrollBar().isVisible(), key
        # never squashed: a page taller than the screen scrolls to its end
        need = least.height()
        qtbot.waitUntil(lambda p=page, h=need: p.height() >= h)
        reach = area.verticalScrollBar().maximum() + area.viewport().height()
        assert reach >= least.height(), key
    # the Prices table, named in the issue, shows every column without scrolling sideways
    window.show_page("prices")
    table = window.prices_page.table
    qtbot.waitUntil(lambda: table.horizontalHeader().length() <= table.viewport().width())
    assert not table.horizontalScrollBar().isVisible()
    assert window.minimumSizeHint().width() <= width
    assert window.minimumSizeHint().height() <= height


def test_a_small_page_does_not_scroll_for_a_big_one_built_before(qtbot, window):
    window.resize(*SMALL_SCREEN)
    window.show_page("prices")
    window.show_page("services")
    area = window.findChild(PageArea)
    qtbot.waitUntil(lambda: not area.verticalScrollBar().isVisible())
    assert isinstance(window.pages["services"].view, QAbstractItemView)


@pytest.mark.real_first_size
def test_the_window_opens_within_a_small_screen(qtbot):
    # the offscreen screen is 800 x 800: the window opens no wider than it, never off its edge
    from PySide6.QtGui import QGuiApplication

    from costready.ui.main_window import MainWindow

    free = QGuiApplication.primaryScreen().availableGeometry().size()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.width() <= free.width() and window.height() <= free.height()
    assert (window.width(), window.height()) == (min(1100, free.width()), min(720, free.height()))
