"""Adoption dates: "Effective from" starts at the scenario's start when that is still to come,
and a date outside the scenario's period is adopted only once confirmed."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from costready.ui.pages.prices import PricesPage
from costready.ui.prices.adopt import default_effective_from, outside_period
from tests.ui.cells import shown

BUDGET = (date(2027, 4, 1), date(2028, 3, 31))


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 12, 1), date(2027, 4, 1)),  # a budget for next year: its start
        (date(2027, 6, 10), date(2027, 6, 10)),  # already under way: today
        (date(2028, 5, 1), date(2028, 5, 1)),  # over: today (and asked about)
    ],
)
def test_effective_from_defaults_to_the_start_when_it_is_to_come(today, expected):
    assert default_effective_from(today, BUDGET) == expected


def test_outside_the_period_includes_neither_end():
    assert not outside_period(date(2027, 4, 1), BUDGET)
    assert not outside_period(date(2028, 3, 31), BUDGET)
    assert outside_period(date(2027, 3, 31), BUDGET)
    assert outside_period(date(2028, 4, 1), BUDGET)
    assert not outside_period(date(1999, 1, 1), None)


@pytest.fixture
def budget_page(qtbot, document):
    scenario = dataclasses.replace(document.scenario, period_start=BUDGET[0], period_end=BUDGET[1])
    document.apply(scenario, "Next year's budget")
    return shown(qtbot, PricesPage(document))


def test_a_date_outside_the_period_asks_for_confirmation(qtbot, budget_page, document, workspace):
    page = budget_page
    before = workspace.price_lists(document.organisation_id)  # the sample comes adopted
    page.adopt()
    dialog = page.adopt_dialog
    expected = default_effective_from(date.today(), BUDGET)
    assert dialog.effective_from.date().toPython() == expected
    assert not dialog.date_confirm.isVisible()
    dialog.effective_from.setDate(QDate(2027, 1, 15))
    assert dialog.date_confirm.isVisible()
    assert "01/04/2027 to 31/03/2028" in dialog.date_confirm.text()
    qtbot.keyClicks(dialog.approved_by, "Trustees")
    if dialog.confirm.isVisible():
        dialog.confirm.setChecked(True)  # the sample's own warnings, if any
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "15/01/2027 is outside the scenario's period (01/04/2027 to 31/03/2028)" in (
        dialog.date_error.text()
    )
    assert workspace.price_lists(document.organisation_id) == before
    dialog.date_confirm.setChecked(True)
    with qtbot.waitSignal(page.prices_adopted):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    [price_list] = [p for p in workspace.price_lists(document.organisation_id) if p not in before]
    assert price_list.effective_from == date(2027, 1, 15)
