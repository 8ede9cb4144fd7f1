"""Adopting publishes prices worked out from what is saved; documents print what was published."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest

from costready.app.adoption import adopt, publication
from costready.app.model_files import import_model
from costready.costing.results import CostingError
from costready.reports.price_list import entries_from_publication
from costready.storage.workspace import Workspace


@pytest.fixture
def workspace(tmp_path):
    with Workspace(f"sqlite:///{tmp_path / 'w.sqlite'}") as ws:
        yield ws


@pytest.fixture
def ids(workspace, example_model):
    return import_model(workspace, example_model)


def test_adopting_publishes_the_prices_of_the_saved_scenario(workspace, ids):
    org_id, scenario_id = ids
    price_list = adopt(workspace, scenario_id, date(2027, 1, 1), "Trustees", date(2026, 12, 1))
    assert price_list.prices == {
        "home-support": Decimal("27.35"),
        "day-activities": Decimal("16.50"),
        "befriending": Decimal("12.50"),
    }
    assert workspace.current_price_list(org_id, date(2027, 1, 1)) == price_list
    assert workspace.current_price_list(org_id, date(2026, 12, 31)) is None


def test_a_scenario_that_cannot_be_priced_cannot_be_adopted(workspace, ids):
    org_id, scenario_id = ids
    scenario = workspace.load_scenario(scenario_id)
    post = dataclasses.replace(scenario.staff[0], time={"home-support": Decimal("0.5")})
    workspace.save_scenario(
        scenario_id, dataclasses.replace(scenario, staff=(post, *scenario.staff[1:]))
    )
    with pytest.raises(CostingError):
        adopt(workspace, scenario_id, date(2027, 1, 1), "Trustees", date(2026, 12, 1))
    assert workspace.price_lists(org_id) == []


def test_the_price_list_document_shows_published_prices_after_an_edit(workspace, ids):
    org_id, scenario_id = ids
    adopt(workspace, scenario_id, date(2027, 1, 1), "Trustees", date(2026, 12, 1))
    scenario = workspace.load_scenario(scenario_id)
    dearer = dataclasses.replace(scenario.cost("rent"), annual_amount=Decimal("19000.00"))
    workspace.save_scenario(
        scenario_id,
        dataclasses.replace(
            scenario, costs=tuple(dearer if c.id == "rent" else c for c in scenario.costs)
        ),
    )
    published = publication(workspace, org_id, scenario_id)
    assert not published.draft
    assert published.changed_since_adoption
    prices = {entry.name: entry.price for entry in entries_from_publication(published)}
    assert prices["Day activities"] == Decimal("16.50")  # as adopted, not the new live price


def test_a_scenario_never_adopted_is_a_draft(workspace, ids):
    org_id, scenario_id = ids
    published = publication(workspace, org_id, scenario_id)
    assert published.draft
    assert [e.price for e in entries_from_publication(published)] == [
        Decimal("27.35"),
        Decimal("16.50"),
        Decimal("12.50"),
    ]


def test_the_published_list_keeps_each_service_as_adopted(workspace, ids):
    org_id, scenario_id = ids
    adopt(workspace, scenario_id, date(2027, 1, 1), "Trustees", date(2026, 12, 1))
    scenario = workspace.load_scenario(scenario_id)
    renamed = dataclasses.replace(scenario.service("befriending"), name="Phone calls", unit="call")
    workspace.save_scenario(
        scenario_id,
        dataclasses.replace(
            scenario,
            services=tuple(renamed if s.id == "befriending" else s for s in scenario.services),
        ),
    )
    entries = entries_from_publication(publication(workspace, org_id, scenario_id))
    befriending = next(e for e in entries if e.price == Decimal("12.50"))
    assert (befriending.name, befriending.unit) == ("Befriending visit", "visit")


def test_an_adoption_record_is_bounded_like_every_text():
    from costready.costing.price_lists import validate_adoption

    assert validate_adoption("Trustees' meeting", "n" * 2_000) == []
    problems = validate_adoption("T" * 201, "n" * 2_001)
    assert [p.path for p in problems] == ["approved_by", "note"]
    assert problems[1].message == "Note must be at most 2,000 characters long (it has 2,001)"
