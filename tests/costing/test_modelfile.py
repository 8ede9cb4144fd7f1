"""The model JSON: reads the reference shape, round-trips, and reports every problem by path."""

from __future__ import annotations

import json

import pytest

from costready.costing.engine import price_scenario
from costready.costing.modelfile import (
    load_model_file,
    model_to_dict,
    read_model,
    save_model_file,
)
from costready.costing.results import CostingError


def test_round_trip_keeps_every_value(example_model, tmp_path):
    path = tmp_path / "out.json"
    save_model_file(example_model, path)
    again = load_model_file(path)
    assert again == example_model
    assert price_scenario(again.scenario) == price_scenario(example_model.scenario)


def test_amounts_are_written_as_decimal_strings(example_model):
    data = model_to_dict(example_model)
    assert data["costs"][0]["annual_amount"] == "6200.00"
    assert data["staff"][0]["non_chargeable"]["holiday"] == "0.1074"


def test_json_numbers_are_read_exactly(example_data):
    example_data["costs"][0]["annual_amount"] = 6200.1
    model = read_model(example_data)
    assert str(model.scenario.cost("mileage").annual_amount) == "6200.1"


def test_every_problem_is_reported_with_its_json_path(example_data):
    example_data["services"][1]["occupancy"] = "lots"
    example_data["staff"][0]["time"]["home-support"] = "0.70"
    example_data["costs"][3]["apportion"]["basis"] = "vibes"
    del example_data["scenario"]["name"]
    with pytest.raises(CostingError) as caught:
        read_model(example_data)
    paths = {p.path for p in caught.value.problems}
    assert "$.services[1].occupancy" in paths
    assert "$.costs[3].apportion.basis" in paths
    assert "$.scenario.name" in paths


def test_structure_problems_are_reported_after_types_are_fine(example_data):
    example_data["staff"][0]["time"]["home-support"] = "0.70"
    example_data["costs"][0]["direct"] = "no-such-service"
    with pytest.raises(CostingError) as caught:
        read_model(example_data)
    paths = {p.path for p in caught.value.problems}
    assert paths == {"$.staff[0].time", "$.costs[0].direct"}


def test_a_broken_file_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(CostingError) as caught:
        load_model_file(path)
    assert "not valid JSON" in str(caught.value)


def test_the_written_file_is_plain_json(example_model, tmp_path):
    path = tmp_path / "out.json"
    save_model_file(example_model, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "costready-model"
    assert data["services"][0]["planned_units"] == "from_staff_hours"


def test_wrong_types_for_references_are_problems_not_crashes(example_data):
    example_data["costs"][0]["direct"] = ["home-support"]
    example_data["costs"][2]["pool"] = 7
    example_data["organisation"]["name"] = "  "
    with pytest.raises(CostingError) as caught:
        read_model(example_data)
    paths = {p.path for p in caught.value.problems}
    assert {"$.costs[0].direct", "$.costs[2].pool", "$.organisation.name"} <= paths


def test_numbers_in_a_file_are_read_exactly(tmp_path, example_data):
    text = json.dumps(example_data).replace('"hourly_rate": "12.71"', '"hourly_rate": 12.7100')
    path = tmp_path / "exact.json"
    path.write_text(text, encoding="utf-8")
    rate = load_model_file(path).scenario.post("support-worker").hourly_rate
    assert str(rate) == "12.7100"  # the digits as written, never through a float
