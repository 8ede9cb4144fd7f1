"""Reference prices to compare a price with: the Homecare Association's minimum for homecare."""

from __future__ import annotations

from decimal import Decimal

from costready.costing import rules
from costready.costing.model import RegulatedActivity, Scenario
from costready.costing.results import ScenarioResult
from costready.i18n import _
from costready.money import format_money

#: Units that mean an hour of care, the unit the Homecare Association's minimum is priced in.
HOURLY_UNITS = {"hour", "hours", "contact hour", "hour of support"}


def homecare_comparisons(scenario: Scenario, result: ScenarioResult) -> list[str]:
    """One line per hourly personal-care service comparing its price with the Homecare
    Association's minimum price for the scenario's tax year (a trade body's reference figure,
    not a legal floor). When the rules file holds no minimum for the year the line says so and
    compares nothing: a figure for another year is never put beside the price."""
    priced = {service.id: service for service in result.services}
    care = [
        service
        for service in scenario.services
        if service.regulated_activity is RegulatedActivity.PERSONAL_CARE
        and service.unit.strip().lower() in HOURLY_UNITS
        and service.id in priced
    ]
    if not care:
        return []
    try:
        minimum = rules.homecare_minimum_price(scenario.tax_year)
    except rules.UnknownTaxYear:
        minimum = None
    if minimum is None:
        return [
            _(
                "{service}: the Homecare Association's minimum price for homecare is not held "
                "for {year}, so this price is not compared with it."
            ).format(service=service.name, year=scenario.tax_year)
            for service in care
        ]
    return [
        _comparison(service.name, priced[service.id].price, minimum, scenario.tax_year)
        for service in care
    ]


def _comparison(name: str, price: Decimal, minimum: rules.Figure, year: str) -> str:
    if price >= minimum.value:
        text = _(
            "{service}: {price} an hour, at or above the Homecare Association's minimum price "
            "for homecare in {year} of {minimum} per contact hour (a trade body's figure, not a "
            "legal floor)."
        )
    else:
        text = _(
            "{service}: {price} an hour, below the Homecare Association's minimum price for "
            "homecare in {year} of {minimum} per contact hour (a trade body's figure, not a "
            "legal floor)."
        )
    return text.format(
        service=name, price=format_money(price), minimum=format_money(minimum.value), year=year
    )
