"""Withdrawing an adopted price list: kept in the history, never in force, one unit of work."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from costready.app.adoption import adopt, publication
from costready.app.model_files import import_model
from costready.app.price_lists import withdraw
from costready.app.sample import install_sample
from costready.costing.results import CostingError
from costready.storage.errors import StorageError

TODAY = date(2026, 12, 6)


@pytest.fixture
def ids(workspace, example_model):
    return import_model(workspace, example_model)


def test_a_future_list_is_withdrawn_and_kept(workspace, ids, units):
    org_id, scenario_id = ids
    adopted = adopt(workspace, scenario_id, date(2027, 4, 1), "Trustees", TODAY)
    units.clear()
    withdrawn = withdraw(workspace, org_id, adopted.id, TODAY)
    assert units == ["write"]  # read, checked and marked together
    assert withdrawn.withdrawn_on == TODAY and withdrawn.prices == adopted.prices
    [kept] = workspace.price_lists(org_id)  # never deleted
    assert kept.id == adopted.id and kept.withdrawn
    assert workspace.current_price_list(org_id, date(2027, 6, 1)) is None
    # the adopted scenario's document is a draft again: the withdrawn list no longer stands
    assert publication(workspace, org_id, scenario_id).draft


def test_the_list_before_stays_in_force(workspace, ids):
    org_id, scenario_id = ids
    now = adopt(workspace, scenario_id, TODAY - timedelta(days=30), "Trustees", TODAY)
    later = adopt(workspace, scenario_id, date(2027, 4, 1), "Trustees", TODAY)
    withdraw(workspace, org_id, later.id, TODAY)
    assert workspace.current_price_list(org_id, date(2027, 6, 1)) == now
    assert publication(workspace, org_id, scenario_id).price_list == now


def test_a_list_in_force_is_refused_and_left_as_it_was(workspace, ids):
    org_id, scenario_id = ids
    adopted = adopt(workspace, scenario_id, TODAY, "Trustees", TODAY)
    with pytest.raises(CostingError) as refused:
        withdraw(workspace, org_id, adopted.id, TODAY)
    [problem] = refused.value.problems
    assert "has taken effect" in problem.message and f"{TODAY:%d/%m/%Y}" in problem.message
    assert workspace.current_price_list(org_id, TODAY) == adopted
    assert not workspace.price_lists(org_id)[0].withdrawn


def test_a_list_is_withdrawn_once(workspace, ids):
    org_id, scenario_id = ids
    adopted = adopt(workspace, scenario_id, date(2027, 4, 1), "Trustees", TODAY)
    withdraw(workspace, org_id, adopted.id, TODAY)
    with pytest.raises(CostingError, match="already withdrawn"):
        withdraw(workspace, org_id, adopted.id, TODAY + timedelta(days=1))
    assert workspace.price_lists(org_id)[0].withdrawn_on == TODAY


def test_another_organisations_list_is_not_found(workspace, ids):
    org_id, scenario_id = ids
    adopted = adopt(workspace, scenario_id, date(2027, 4, 1), "Trustees", TODAY)
    other_org, _scenario = install_sample(workspace)
    with pytest.raises(StorageError, match="no price list"):
        withdraw(workspace, other_org, adopted.id, TODAY)
    assert not workspace.price_lists(org_id)[0].withdrawn
