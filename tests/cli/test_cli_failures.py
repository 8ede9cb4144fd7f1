"""No traceback reaches the user: one line per failure, the traceback only with --debug; and
a scenario with a service that cannot be priced is reported by the row, not by a crash."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal

import pytest

from costready import cli
from costready.__main__ import main
from tests.conftest import EXAMPLE_MODEL


@pytest.fixture
def database(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'cli.sqlite'}"


@pytest.fixture
def broken_handler(monkeypatch) -> None:
    """`price` fails with an error no handler expects (a bug)."""

    def fails(_args):
        raise RuntimeError("something inside broke")

    monkeypatch.setattr(cli, "_price", fails)


def test_an_unexpected_error_is_one_line_and_no_traceback(capsys, broken_handler):
    assert main(["price", str(EXAMPLE_MODEL)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.count("\n") == 1
    assert "RuntimeError: something inside broke" in err and "--debug" in err


@pytest.mark.parametrize(
    "argv",
    [["--debug", "price", str(EXAMPLE_MODEL)], ["price", str(EXAMPLE_MODEL), "--debug"]],
)
def test_debug_shows_the_traceback(capsys, broken_handler, argv):
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err
    assert err.strip().endswith("for details")


def test_debug_is_off_by_default():
    assert cli.parse(["list"]).debug is False
    assert cli.parse(["list", "--debug"]).debug is True


def no_units_for_befriending(example_data: dict) -> dict:
    """Befriending planned from staff hours that no post who delivers units gives it."""
    example_data["services"][2]["planned_units"] = "from_staff_hours"
    worker = example_data["staff"][0]["time"]
    worker["home-support"] = str(Decimal(worker["home-support"]) + Decimal(worker["befriending"]))
    del worker["befriending"]
    for post in example_data["staff"][1:]:
        post["delivers_units"] = False
    return example_data


def write(tmp_path, data: dict):
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_price_marks_a_service_it_cannot_price_and_prices_the_rest(capsys, tmp_path, example_data):
    path = write(tmp_path, no_units_for_befriending(example_data))
    assert main(["price", str(path), "--json"]) == 1
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert [s["id"] for s in data["services"]] == ["home-support", "day-activities"]
    assert data["unpriced"][0]["id"] == "befriending"
    assert "no planned units" in data["unpriced"][0]["problems"][0]["message"]
    assert captured.err.startswith("$.services[2].planned_units: Befriending visit: no planned")
    assert main(["price", str(path)]) == 1
    table = capsys.readouterr().out
    assert "Home support" in table and "not priced" in table


def test_a_stored_scenario_that_cannot_be_priced_still_opens_and_says_why(
    capsys, database, tmp_path, example_data
):
    path = write(tmp_path, no_units_for_befriending(example_data))
    assert main(["--database", database, "model", "import", str(path)]) == 0
    capsys.readouterr()
    for argv in (
        ["adopt", "--from", "01/04/2026", "--approved-by", "Trustees"],
        ["report", "costing", "-o", str(tmp_path / "c.pdf")],
        ["report", "price-list", "-o", str(tmp_path / "p.pdf")],
    ):
        assert main(["--database", database, *argv]) == 1
        err = capsys.readouterr().err
        assert "Traceback" not in err
        assert "no planned units" in err
    assert not (tmp_path / "c.pdf").exists()


def test_a_value_out_of_bounds_already_stored_is_a_message_not_a_crash(
    capsys, database, tmp_path, example_model
):
    from costready.app.model_files import import_model
    from costready.costing.engine import price_scenario
    from costready.storage.workspace import Workspace

    services = list(example_model.scenario.services)
    services[2] = dataclasses.replace(
        services[2], volume=dataclasses.replace(services[2].volume, units=Decimal("1e-99999999"))
    )
    stored = dataclasses.replace(
        example_model,
        scenario=dataclasses.replace(example_model.scenario, services=tuple(services)),
    )
    workspace = Workspace.open(database)
    try:  # the way in before issue 13: storage does not validate (see the report)
        _org, scenario_id = import_model(workspace, stored)
        result = price_scenario(workspace.load_scenario(scenario_id))
    finally:
        workspace.close()
    assert [s.id for s in result.unpriced] == ["befriending"]
    assert main(["--database", database, "report", "costing", "-o", str(tmp_path / "x.pdf")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("$.services[2].planned_units: Befriending visit: planned units must be")
    assert main(["--database", database, "list"]) == 0


def test_a_deeply_nested_file_is_refused_in_one_line(capsys, database, tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    for argv in (["price", str(deep)], ["--database", database, "model", "import", str(deep)]):
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert err.startswith("$: the file nests lists and objects more than 64 deep")


def test_a_note_over_its_bound_is_refused_before_anything_is_adopted(capsys, database):
    assert main(["--database", database, "demo"]) == 0
    capsys.readouterr()
    argv = ["adopt", "--from", "01/04/2027", "--approved-by", "Trustees", "--note", "n" * 2_001]
    assert main(["--database", database, *argv]) == 1
    assert capsys.readouterr().err == (
        "note: Note must be at most 2,000 characters long (it has 2,001)\n"
    )
