"""Adding a service, post, cost or pool: a name only; the id is made from it, out of sight."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QToolButton

from costready.ui.editors.common import NewItemDialog
from tests.ui.cells import shown


def test_the_id_is_made_from_the_name_and_never_shown(qtbot):
    dialog = NewItemDialog("Add a service", "Service name", {"lunch-club"})
    shown(qtbot, dialog, 400, 150)
    qtbot.keyClicks(dialog.name_edit, "Lunch club")
    assert dialog.item_id == "lunch-club-2"  # unique: the taken one is left alone
    # no "Advanced ▸ Id" for a manager to wonder about: the name is the only field
    assert dialog.findChildren(QLineEdit) == [dialog.name_edit]
    assert dialog.findChildren(QToolButton) == []


def test_a_long_name_is_refused_with_the_limit_and_gives_a_short_id(qtbot):
    dialog = NewItemDialog("Add a cost", "Cost name", set())
    shown(qtbot, dialog, 400, 150)
    dialog.name_edit.setText("R" * 201)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert dialog.error.text() == "Cost name must be at most 200 characters long (it has 201)"
    dialog.name_edit.setText("Rent " * 40)  # 199 characters once trimmed: allowed
    assert len(dialog.item_id) <= 80
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
