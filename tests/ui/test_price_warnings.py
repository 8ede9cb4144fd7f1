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
