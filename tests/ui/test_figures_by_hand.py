"""Figures a trustee can redo by hand: staff costs in pounds, explanations in full, quantities
to the places the sums used, one form for one quantity, and why a product differs from a total."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

from costready.app import guide as flow
from costready.costing.model import Volume, VolumeKind
from costready.costing.post_parts import post_parts
from costready.money import format_money, line_net
from costready.reports.costing_report import write_costing_report
from costready.ui.guide.steps.review import ReviewStep
from costready.ui.pages.prices import PricesPage
from costready.ui.pages.services import ServicesPage
from costready.ui.pages.staff import StaffPage
from costready.ui.prices.breakdown import AMOUNT, TEXT, WORKING
from costready.ui.prices.table import COLUMN_KEYS
from tests.reports.builders import pdf_text
from tests.ui.cells import shown


def _prices(qtbot, document) -> PricesPage:
    return shown(qtbot, PricesPage(document), 1366, 768)  # type: ignore[return-value]


def _select(qtbot, page: PricesPage, service_name: str) -> None:
    row = next(
        r
        for r in range(page.model.rowCount())
        if page.model.index(r, COLUMN_KEYS.index("service")).data() == service_name
    )
    index = page.model.index(row, COLUMN_KEYS.index("service"))
    page.table.scrollTo(index)
    rect = page.table.visualRect(index)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: service_name in page.detail_title.text())


def _items(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    found = []
    for index in range(item.childCount()):
        child = item.child(index)
        found += [child, *_items(child)]
    return found


def test_staff_page_shows_each_posts_costs_in_pounds_from_the_engine(qtbot, document):
    page = shown(qtbot, StaffPage(document), 1400, 700)
    model = page.model
    for row, post in enumerate(document.scenario.staff):
        parts = post_parts(document.result.post(post.id))
        shown_row = [
            model.index_of(row, key).data()
            for key in ("pay_a_year", "ni_a_year", "pension_a_year", "annual_cost")
        ]
        assert shown_row == [
            format_money(parts.pay),
            format_money(parts.employer_ni),
            format_money(parts.pension),
            format_money(parts.annual_cost),
        ]
        # a trustee adds the parts and gets the cost, give or take the one rounding
        assert abs(parts.rounding_difference) <= Decimal("0.02")
        tip = model.index_of(row, "annual_cost").data(Qt.ItemDataRole.ToolTipRole)
        assert format_money(parts.employer_ni) in tip and format_money(parts.pay) in tip
    # the figures are read-only: they come from the engine, never typed
    assert not model.flags(model.index_of(0, "ni_a_year")) & Qt.ItemFlag.ItemIsEditable
    # the support worker's NI is a real amount, not the words "Worked out"
    assert model.index_of(0, "ni_a_year").data().startswith("£")


def test_a_staff_line_in_the_explanation_breaks_down_the_posts_cost(qtbot, document):
    page = _prices(qtbot, document)
    _select(qtbot, page, "Home support")
    support = next(
        item
        for item in _items(page.buildup.invisibleRootItem())
        if item.text(TEXT) == "Support worker"
    )
    parts = post_parts(document.result.post("support-worker"))
    lines = {
        support.child(i).text(TEXT): support.child(i).text(AMOUNT)
        for i in range(support.childCount())
    }
    assert lines["Pay"] == format_money(parts.pay)
    assert lines["Employer NI"] == format_money(parts.employer_ni)
    assert lines["Employer pension"] == format_money(parts.pension)
    assert lines["= Post's cost a year"] == format_money(parts.annual_cost)
    assert f"post costs {format_money(parts.annual_cost)}" in support.text(WORKING)


def test_explanation_lines_are_shown_in_full_not_cut_short(qtbot, document):
    page = _prices(qtbot, document)
    page.resize(1024, 700)  # narrow: long workings must wrap, not end in "…"
    _select(qtbot, page, "Home support")
    tree = page.buildup
    assert tree.textElideMode() == Qt.TextElideMode.ElideNone and tree.wordWrap()
    qtbot.waitUntil(lambda: tree.viewport().width() > 0)
    metrics = tree.fontMetrics()
    checked = 0
    for item in _items(tree.invisibleRootItem()):
        text = item.text(WORKING)
        if not text or item.isHidden():
            continue
        index = tree.indexFromItem(item, WORKING)
        rect = tree.visualRect(index)
        if not rect.isValid():
            continue  # inside a folded line
        needed = metrics.boundingRect(
            0, 0, rect.width() - 8, 10_000, Qt.TextFlag.TextWordWrap, text
        ).height()
        assert rect.height() >= needed, text
        checked += 1
    assert checked > 10


def test_staff_time_hours_are_shown_to_the_places_the_share_used(document):
    """Redo an overhead share from the shown hours: part ÷ total × the line's amount gives the
    share to the penny (the largest remainder moves at most a penny)."""
    from costready.costing.explain import Explainer

    scenario, result = document.scenario, document.result
    explainer = Explainer(scenario, result)
    checked = 0
    for service in result.services:
        for key, amount in service.overheads.items():
            line = next((c for c in scenario.costs if c.id == key), None)
            working = explainer.basis_working(service.id, key)
            found = re.match(r"staff time ([\d,.]+) of ([\d,.]+) hours", working)
            if line is None or found is None:
                continue
            part, total = (Decimal(n.replace(",", "")) for n in found.groups())
            assert abs(line.annual_amount * part / total - amount) < Decimal("0.01"), working
            checked += 1
    assert checked >= 4
    # the sample's weights have half hours: shown, not rounded away
    assert any(".5 hours" in explainer.basis_working(s.id, "insurance") for s in result.services)


def test_one_quantity_shown_one_way_everywhere(qtbot, document, tmp_path):
    scenario = document.scenario
    services = tuple(
        dataclasses.replace(s, volume=Volume(VolumeKind.TYPED, Decimal("922.50")))
        if s.id == "befriending"
        else s
        for s in scenario.services
    )
    document.apply(dataclasses.replace(scenario, services=services), "Change units")
    assert document.result.service("befriending").planned_units == Decimal("922.50")

    services_page = shown(qtbot, ServicesPage(document), 1400, 700)
    row = [s.id for s in document.scenario.services].index("befriending")
    assert services_page.model.index_of(row, "planned_units").data() == "922.5"
    assert services_page.model.index_of(row, "units").data() == "922.5"

    prices = _prices(qtbot, document)
    _select(qtbot, prices, "Befriending visit")
    assert prices.model.index(row, COLUMN_KEYS.index("planned_units")).data() == "922.5"
    step_lines = dict(prices.buildup.lines())
    assert step_lines["÷ Planned units a year"] == "922.5"

    review = ReviewStep(flow.step(flow.REVIEW))
    qtbot.addWidget(review)
    review.attach(document)
    review.refresh()
    assert review.model.index_of(row, "planned_units").data() == "922.5"

    target = tmp_path / "report.pdf"
    organisation = document.workspace.organisation(document.organisation_id)
    write_costing_report(target, organisation, document.scenario, document.result)
    text = " ".join(pdf_text(target).split())
    assert "Befriending visit visit 922.5 " in text
    assert "922.50" not in text and "923 " not in text


@pytest.mark.parametrize("name", ["Home support", "Befriending visit"])
def test_the_explanation_says_why_surplus_a_unit_times_units_is_not_the_year(qtbot, document, name):
    service = next(s for s in document.result.services if s.name == name)
    product = line_net(service.planned_units, service.surplus_per_unit)
    page = _prices(qtbot, document)
    _select(qtbot, page, name)
    items = {item.text(TEXT): item for item in _items(page.buildup.invisibleRootItem())}
    year = items["Surplus a year at planned volume"]
    assert year.text(AMOUNT) == format_money(service.surplus_at_planned_volume)
    assert items["Surplus a unit"].text(AMOUNT) == format_money(service.surplus_per_unit)
    if product != service.surplus_at_planned_volume:
        assert f"gives {format_money(product)} instead" in year.text(WORKING)
        assert "rounded to the penny" in year.text(WORKING)
    else:
        assert "instead" not in year.text(WORKING)


def test_the_report_says_why_surplus_a_unit_times_units_is_not_the_year(document, tmp_path):
    service = document.result.service("home-support")
    product = line_net(service.planned_units, service.surplus_per_unit)
    assert product != service.surplus_at_planned_volume  # the sample shows the difference
    target = tmp_path / "report.pdf"
    organisation = document.workspace.organisation(document.organisation_id)
    write_costing_report(target, organisation, document.scenario, document.result)
    text = " ".join(pdf_text(target).split())
    assert f"gives {format_money(product)} instead, because the surplus a unit is" in text
