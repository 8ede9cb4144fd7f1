"""A tax year the rules file lacks is a banner on every page of the scenario, not only in the
status bar."""

from __future__ import annotations

import dataclasses

import pytest

from costready.costing import rules
from costready.ui.pages.costs import CostsPage
from costready.ui.pages.home import HomePage
from costready.ui.pages.prices import PricesPage
from costready.ui.pages.services import ServicesPage
from costready.ui.pages.staff import StaffPage
from costready.ui.warning_banner import TaxYearBanner, tax_year_warning
from tests.ui.cells import shown


def test_a_known_year_has_no_warning():
    assert tax_year_warning(rules.tax_years()[-1]) == ""
    warning = tax_year_warning("2099-00")
    assert "2099-00" in warning and ", ".join(rules.tax_years()) in warning


@pytest.mark.parametrize("page_class", [HomePage, ServicesPage, StaffPage, CostsPage, PricesPage])
def test_every_page_shows_the_missing_tax_year(qtbot, example_doc, page_class):
    page = shown(qtbot, page_class(example_doc), 1400, 800)
    [banner] = page.findChildren(TaxYearBanner)
    assert not banner.isVisible()
    scenario = example_doc.scenario
    example_doc.apply(dataclasses.replace(scenario, tax_year="2099-00"), "A year not held")
    assert example_doc.scenario.tax_year == "2099-00"
    assert banner.isVisible()
    assert "no figures for tax year 2099-00" in banner.messages[0]
    example_doc.undo_stack.undo()
    assert not banner.isVisible()
