"""Adding a service, post, cost or pool: the id is made from the name, out of the way."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from costready.ui.editors.common import NewItemDialog
from tests.ui.cells import shown


def test_the_id_is_made_from_the_name_and_kept_under_advanced(qtbot):
    dialog = NewItemDialog("Add a service", "Service name", {"lunch-club"})
    shown(qtbot, dialog, 400, 150)
    assert not dialog.id_edit.isVisible()
    qtbot.keyClicks(dialog.name_edit, "Lunch club")
    assert dialog.item_id == "lunch-club-2"
    dialog.advanced.click()
    assert dialog.id_edit.isVisible()


def test_an_id_problem_opens_advanced(qtbot):
    dialog = NewItemDialog("Add a cost", "Cost name", set())
    shown(qtbot, dialog, 400, 150)
    qtbot.keyClicks(dialog.name_edit, "Rent")
    dialog.id_edit.setText("Bad Id")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.id_edit.isVisible()
    assert dialog.error.text().startswith("Id:")
