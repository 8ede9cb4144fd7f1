"""A £0.00 price shows on the Prices banner, and adopting lists it with the confirmation box."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from costready.costing.model import Basis, Service, Volume
from costready.ui.pages.prices import PricesPage
from tests.ui.cells import shown


def test_a_zero_price_is_warned_and_adoption_repeats_it(qtbot, example_doc, workspace):
    scenario = example_doc.scenario
    costs = tuple(c for c in scenario.costs if c.basis is not Basis.EQUAL)
    empty = Service("empty", "Empty service", volume=Volume(units=Decimal(10)))
    new = dataclasses.replace(scenario, costs=costs, services=(*scenario.services, empty))
    example_doc.apply(new, "A service with nothing given to it")
    page = shown(qtbot, PricesPage(example_doc))
    assert example_doc.result is not None
    assert example_doc.result.service("empty").price == 0
    assert page.warning_banner.isVisible()
    [warning] = page.warning_banner.messages
    assert warning.startswith("Empty service: the price is £0.00")
    page.adopt()
    dialog = page.adopt_dialog
    assert dialog is not None and dialog.warnings == [warning]
    assert dialog.confirm.isVisible()
    qtbot.keyClicks(dialog.approved_by, "Trustees")
    if dialog.date_confirm.isVisible():
        dialog.date_confirm.setChecked(True)
    dialog.accept()
    assert dialog.isVisible()  # not adopted until the warning is confirmed
    assert "Tick the box" in dialog.confirm_error.text()
    assert workspace.price_lists(example_doc.organisation_id) == []
    with qtbot.waitSignal(dialog.destroyed):
        dialog.reject()


def test_the_banners_buttons_follow_what_each_warning_is_about(qtbot, example_doc):
    from PySide6.QtCore import Qt

    scenario = example_doc.scenario
    costs = tuple(c for c in scenario.costs if c.basis is not Basis.EQUAL)
    empty = Service("empty", "Empty service", volume=Volume(units=Decimal(10)))
    page = shown(qtbot, PricesPage(example_doc))
    assert page.warning_banner.buttons() == []
    with qtbot.waitSignal(example_doc.changed):
        example_doc.apply(
            dataclasses.replace(scenario, costs=costs, services=(*scenario.services, empty)),
            "A service with nothing given to it",
        )
    # a £0.00 price is fixed on Services, not on Staff
    [button] = page.warning_banner.buttons()
    assert button.text() == "Go to Services"
    assert "Empty service" in button.accessibleName()
    with qtbot.waitSignal(page.navigate_requested) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["services"]

    # pay below the floor as well: a button to each page, in the order the warnings name them
    post = example_doc.scenario.staff[0]
    low = dataclasses.replace(post, hourly_rate=Decimal("9.00"), annual_salary=None)
    staff = (low, *example_doc.scenario.staff[1:])
    with qtbot.waitSignal(example_doc.changed):
        example_doc.apply(dataclasses.replace(example_doc.scenario, staff=staff), "£9.00")
    assert [b.text() for b in page.warning_banner.buttons()] == ["Go to Staff", "Go to Services"]

    example_doc.undo_stack.undo()
    example_doc.undo_stack.undo()
    assert page.warning_banner.buttons() == []
    assert not page.warning_banner.isVisible()
