"""Model files as an attacker writes them: exponents, NaN, deep nesting, wrong encodings."""

from __future__ import annotations

import codecs
import dataclasses
import json
from decimal import Decimal

import pytest

from costready.costing.modelfile import (
    MAX_DEPTH,
    load_model_file,
    parse_json,
    read_model,
    save_model_file,
)
from costready.costing.results import CostingError


def problems_of(path) -> dict[str, str]:
    with pytest.raises(CostingError) as caught:
        load_model_file(path)
    return {p.path: p.message for p in caught.value.problems}


def with_raw(example_data: dict, tmp_path, raw: str, where=("services", 2, "planned_units")):
    """The example with a raw JSON literal (not a string) written at `where`."""
    target = example_data
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = "__RAW__"
    path = tmp_path / "model.json"
    path.write_text(json.dumps(example_data).replace('"__RAW__"', raw), encoding="utf-8")
    return path


@pytest.mark.parametrize("raw", ["1e30", "1E+5", "2.5e-3", '"1e30"', '"1E+5"'])
def test_exponents_are_refused_not_read(example_data, tmp_path, raw):
    found = problems_of(with_raw(example_data, tmp_path, raw))
    assert "without an exponent" in found["$.services[2].planned_units"]


@pytest.mark.parametrize("raw", ["NaN", "Infinity", "-Infinity", '"NaN"', '"-Infinity"'])
def test_not_a_number_is_refused(example_data, tmp_path, raw):
    where = ("staff", 0, "hourly_rate")
    found = problems_of(with_raw(example_data, tmp_path, raw, where))
    assert "is not a number" in found["$.staff[0].hourly_rate"]


def test_a_number_literal_is_read_exactly(example_data, tmp_path):
    model = load_model_file(with_raw(example_data, tmp_path, "900.10"))
    assert model.scenario.services[2].volume.units == Decimal("900.10")


def test_huge_integer_literals_are_out_of_bounds_not_a_crash(example_data, tmp_path):
    found = problems_of(with_raw(example_data, tmp_path, "9" * 5000))
    assert "100,000,000" in found["$.services[2].planned_units"]


def test_a_number_is_not_text(example_data, tmp_path):
    found = problems_of(with_raw(example_data, tmp_path, "5", ("services", 0, "name")))
    assert found["$.services[0].name"] == "expected text"


def test_nesting_is_refused_beyond_the_limit_before_it_is_parsed():
    assert parse_json("[" * MAX_DEPTH + "]" * MAX_DEPTH) is not None
    for depth in (MAX_DEPTH + 1, 5_000, 1_000_000):
        with pytest.raises(CostingError, match=f"more than {MAX_DEPTH} deep"):
            parse_json("[" * depth + "]" * depth)
    # brackets inside text do not count
    assert parse_json(json.dumps({"name": "[" * 1_000})) == {"name": "[" * 1_000}


def test_a_byte_order_mark_is_accepted(example_data, tmp_path, example_model):
    path = tmp_path / "notepad.json"
    path.write_bytes(codecs.BOM_UTF8 + json.dumps(example_data).encode("utf-8"))
    assert load_model_file(path) == example_model


@pytest.mark.parametrize("encoding", ["utf-16", "latin-1"])
def test_other_encodings_say_save_it_as_utf8(example_data, tmp_path, encoding):
    example_data["organisation"]["name"] = "Caffi £ Gŵyl"
    path = tmp_path / "model.json"
    path.write_bytes(json.dumps(example_data, ensure_ascii=False).encode(encoding, "replace"))
    found = problems_of(path)
    assert list(found) == ["$"]
    assert "“model.json” is not saved as UTF-8" in found["$"] and "save it as UTF-8" in found["$"]


def test_numbers_are_written_without_exponents_and_read_back(example_model, tmp_path):
    services = list(example_model.scenario.services)
    services[2] = dataclasses.replace(
        services[2],
        volume=dataclasses.replace(services[2].volume, units=Decimal("9E+2")),
        price_rounding=Decimal("5E-1"),
    )
    model = dataclasses.replace(
        example_model,
        scenario=dataclasses.replace(example_model.scenario, services=tuple(services)),
    )
    path = tmp_path / "out.json"
    save_model_file(model, path)
    text = path.read_text(encoding="utf-8")
    assert '"planned_units": "900"' in text and '"price_rounding": "0.5"' in text
    assert load_model_file(path).scenario.services[2].volume.units == Decimal(900)


def test_a_long_organisation_name_is_refused_with_its_path(example_data):
    example_data["organisation"]["name"] = "N" * 201
    with pytest.raises(CostingError) as caught:
        read_model(example_data)
    assert [p.path for p in caught.value.problems] == ["$.organisation.name"]
