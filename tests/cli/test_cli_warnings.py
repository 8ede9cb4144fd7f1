"""`costready price` and `adopt` with pay below the legal minimum: warned, never silent."""

from __future__ import annotations

import json

import pytest

from costready.__main__ import main


@pytest.fixture
def low_pay(tmp_path, example_data):
    example_data["staff"][0]["hourly_rate"] = "9.00"
    path = tmp_path / "low.json"
    path.write_text(json.dumps(example_data), encoding="utf-8")
    return path


def test_price_json_carries_the_warnings(capsys, low_pay):
    assert main(["price", str(low_pay), "--json"]) == 0  # a warning, not a failure
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert [w["path"] for w in data["warnings"]] == ["$.staff[0].hourly_rate"]
    assert "£9.00" in data["warnings"][0]["message"]
    assert "warning: $.staff[0].hourly_rate" in captured.err


def test_price_table_warns_on_stderr(capsys, low_pay):
    assert main(["price", str(low_pay)]) == 0
    captured = capsys.readouterr()
    assert "Home support" in captured.out
    assert "National Living Wage" in captured.err


def test_price_json_has_an_empty_warnings_list_when_all_is_lawful(capsys, example_data, tmp_path):
    path = tmp_path / "ok.json"
    path.write_text(json.dumps(example_data), encoding="utf-8")
    assert main(["price", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["warnings"] == []


def test_adopt_needs_despite_warnings(capsys, tmp_path, low_pay):
    database = f"sqlite:///{tmp_path / 'w.sqlite'}"
    assert main(["--database", database, "model", "import", str(low_pay)]) == 0
    adopt = ["--database", database, "adopt", "--from", "01/04/2026", "--approved-by", "Board"]
    capsys.readouterr()
    assert main(adopt) == 1
    err = capsys.readouterr().err
    assert "warning: $.staff[0].hourly_rate" in err and "--despite-warnings" in err
    assert main(["--database", database, "list"]) == 0
    assert "(adopted)" not in capsys.readouterr().out
    assert main([*adopt, "--despite-warnings"]) == 0
    assert "prices from 01/04/2026" in capsys.readouterr().out


def test_price_json_carries_a_zero_price_warning(capsys, example_model, tmp_path):
    import dataclasses
    from decimal import Decimal

    from costready.costing.model import Basis, Service, Volume
    from costready.costing.modelfile import save_model_file

    scenario = example_model.scenario
    # lines shared equally would give the empty service a cost
    costs = tuple(c for c in scenario.costs if c.basis is not Basis.EQUAL)
    empty = Service("empty", "Empty", volume=Volume(units=Decimal(10)))
    scenario = dataclasses.replace(scenario, costs=costs, services=(*scenario.services, empty))
    path = tmp_path / "empty.json"
    save_model_file(dataclasses.replace(example_model, scenario=scenario), path)
    assert main(["price", str(path), "--json"]) == 0
    captured = capsys.readouterr()
    warnings = json.loads(captured.out)["warnings"]
    assert [w["path"] for w in warnings] == ["$.services[3].price"]
    assert "£0.00" in warnings[0]["message"]
    assert "warning: $.services[3].price" in captured.err
