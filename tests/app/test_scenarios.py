"""Making scenarios: a blank one for the organisation's year, and a copy of one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from costready.app.sample import install_sample
from costready.app.scenarios import copy_scenario, create_blank_scenario, scenario_to_show
from costready.costing.rules import tax_years
from costready.organisation import Organisation
from costready.storage.workspace import Workspace


def test_a_blank_scenario_covers_the_organisations_current_year():
    with Workspace("sqlite://") as ws:
        org = ws.save_organisation(
            Organisation(name="Alder", financial_year_start=date(2026, 1, 1))
        )
        scenario_id = create_blank_scenario(ws, org.id, today=date(2027, 6, 30))
        scenario = ws.load_scenario(scenario_id)
    assert (scenario.period_start, scenario.period_end) == (date(2027, 1, 1), date(2027, 12, 31))
    assert scenario.name == "Budget 2027"
    assert scenario.services == () and [pool.id for pool in scenario.pools] == ["management"]


def test_an_organisation_without_a_scenario_is_given_one_to_show():
    with Workspace("sqlite://") as ws:
        org = ws.save_organisation(Organisation(name="Alder"))
        shown = scenario_to_show(ws, org.id, today=date(2026, 5, 1))
        assert [summary.id for summary in ws.scenarios(org.id)] == [shown]
        assert scenario_to_show(ws, org.id) == shown  # not a second one


def test_a_copy_says_when_the_rules_lack_its_tax_year():
    with Workspace("sqlite://") as ws:
        org_id, scenario_id = install_sample(ws)
        scenario = ws.load_scenario(scenario_id)
        known = replace(scenario, name="Same year")
        copied = copy_scenario(ws, org_id, known)
        assert copied.missing_tax_year is None
        assert ws.load_scenario(copied.scenario_id) == known

        start, end = scenario.period_start, scenario.period_end
        later = replace(
            scenario,
            name="Far ahead",
            period_start=start.replace(year=start.year + 9),
            period_end=end.replace(year=end.year + 9),
        )
        copied = copy_scenario(ws, org_id, later)
        assert copied.missing_tax_year is not None
        assert copied.missing_tax_year not in tax_years()
        assert copied.tax_year == scenario.tax_year
