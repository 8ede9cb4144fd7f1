"""The command line, run as a user runs it (through `costready.__main__.main`)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from costready.__main__ import main
from tests.conftest import EXAMPLE_MODEL


@pytest.fixture
def database(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'cli.sqlite'}"


def test_price_json_prints_every_service_with_its_figures(capsys, expected):
    assert main(["price", str(EXAMPLE_MODEL), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    got = {s["id"]: s for s in data["services"]}
    for want in expected["services"]:
        service = got[want["id"]]
        for key in ("full_cost", "unit_cost", "price", "direct_staff", "direct_other"):
            assert Decimal(service[key]) == Decimal(want[key])
        for key in (
            "name",
            "unit",
            "planned_units",
            "overheads",
            "surplus_convention",
        ):
            assert key in service
        assert "price_inc_vat" not in service  # the example organisation is not VAT registered
    assert data["totals"]["total_cost"] == expected["total_cost"]


def test_price_prints_a_table_by_default(capsys):
    assert main(["price", str(EXAMPLE_MODEL)]) == 0
    out = capsys.readouterr().out
    assert "Home support" in out and "£27.35" in out


def test_errors_go_to_stderr_with_a_non_zero_exit(capsys, tmp_path, example_data):
    example_data["staff"][0]["time"]["home-support"] = "0.70"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(example_data), encoding="utf-8")
    assert main(["price", str(bad)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "$.staff[0].time: Support worker: time adds up to 90%, not 100%" in captured.err


def test_missing_file_is_an_error(capsys, tmp_path):
    assert main(["price", str(tmp_path / "nope.json")]) == 1
    assert "cannot read the file" in capsys.readouterr().err


def test_demo_then_list(capsys, database):
    assert main(["--database", database, "demo"]) == 0
    assert "Loaded the sample organisation" in capsys.readouterr().out
    assert main(["--database", database, "list"]) == 0
    assert "Riverside" in capsys.readouterr().out


def test_model_import_then_export_round_trips(capsys, database, tmp_path, example_model):
    assert main(["--database", database, "model", "import", str(EXAMPLE_MODEL)]) == 0
    out = tmp_path / "exported.json"
    assert main(["--database", database, "model", "export", "-o", str(out)]) == 0
    from costready.costing.modelfile import load_model_file

    assert load_model_file(out).scenario == example_model.scenario


def test_import_of_a_bad_file_writes_nothing(capsys, database, tmp_path, example_data):
    example_data["costs"][0]["annual_amount"] = "lots"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(example_data), encoding="utf-8")
    assert main(["--database", database, "model", "import", str(bad)]) == 1
    assert "$.costs[0].annual_amount" in capsys.readouterr().err
    assert main(["--database", database, "list"]) == 0
    assert "no organisations" in capsys.readouterr().out


@pytest.mark.parametrize("kind", ["price-list", "costing"])
def test_report_writes_a_pdf(capsys, database, tmp_path, kind):
    assert main(["--database", database, "demo"]) == 0
    out = tmp_path / f"{kind}.pdf"
    assert main(["--database", database, "report", kind, "-o", str(out)]) == 0
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Riverside" in text


def test_database_may_follow_the_command(capsys, database):
    assert main(["demo", "--database", database]) == 0
    capsys.readouterr()
    assert main(["list", "--database", database]) == 0
    assert "Riverside" in capsys.readouterr().out


def test_a_workspace_that_cannot_open_is_a_clear_error(capsys, tmp_path):
    missing = f"sqlite:///{tmp_path / 'no-such-folder' / 'w.sqlite'}"
    assert main(["--database", missing, "list"]) == 1
    err = capsys.readouterr().err
    assert "Cannot open the workspace" in err
    assert "Traceback" not in err


def test_adopt_from_a_future_date_then_print_the_price_list(capsys, database, tmp_path):
    assert main(["--database", database, "demo"]) == 0
    assert (
        main(
            [
                "--database",
                database,
                "adopt",
                "--from",
                "01/04/2027",
                "--approved-by",
                "Trustees' meeting",
            ]
        )
        == 0
    )
    assert "prices from 01/04/2027" in capsys.readouterr().out
    out = tmp_path / "prices.pdf"
    assert main(["--database", database, "report", "price-list", "-o", str(out)]) == 0
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Prices from 01/04/2027" in text
    assert "DRAFT" not in text


def test_demo_twice_keeps_one_sample(capsys, database):
    assert main(["--database", database, "demo"]) == 0
    assert main(["--database", database, "demo"]) == 0
    capsys.readouterr()
    assert main(["--database", database, "list"]) == 0
    assert capsys.readouterr().out.count("Riverside Community Hub") == 1


def test_an_ambiguous_organisation_name_asks_for_its_number(capsys, database, tmp_path):
    import dataclasses
    import sqlite3

    from costready.storage.workspace import Workspace

    assert main(["--database", database, "model", "import", str(EXAMPLE_MODEL)]) == 0
    assert main(["--database", database, "model", "import", str(EXAMPLE_MODEL)]) == 0
    with Workspace(database) as ws:  # the app refuses the same name, in any case...
        second = ws.organisations()[-1]
        with pytest.raises(ValueError, match="already has an organisation called"):
            ws.save_organisation(dataclasses.replace(second, name="example community hub"))
    with sqlite3.connect(database.removeprefix("sqlite:///")) as connection:
        # ...which the database's index cannot: a case variant written by another program
        connection.execute(
            "UPDATE organisation SET name = 'EXAMPLE COMMUNITY HUB' WHERE id = ?", (second.id,)
        )
    connection.close()
    capsys.readouterr()
    code = main(
        [
            "--database",
            database,
            "report",
            "costing",
            "--organisation",
            "Example Community Hub",
            "-o",
            str(tmp_path / "unused.pdf"),
        ]
    )
    assert code == 1
    assert "more than one organisation is called" in capsys.readouterr().err


def test_a_pdf_that_cannot_be_written_says_where(capsys, database, tmp_path):
    assert main(["--database", database, "demo"]) == 0
    target = tmp_path / "missing-folder" / "x.pdf"
    assert main(["--database", database, "report", "costing", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "Could not save “x.pdf”: the folder does not exist" in err and "Errno" not in err


def test_importing_the_same_model_twice_keeps_names_apart(capsys, database):
    assert main(["--database", database, "model", "import", str(EXAMPLE_MODEL)]) == 0
    assert main(["--database", database, "model", "import", str(EXAMPLE_MODEL)]) == 0
    capsys.readouterr()
    assert main(["--database", database, "list"]) == 0
    out = capsys.readouterr().out
    assert "Example Community Hub\n" in out and "Example Community Hub (2)" in out


def test_importing_into_an_organisation_never_renames_its_services(
    capsys, database, tmp_path, example_data
):
    assert main(["--database", database, "model", "import", str(EXAMPLE_MODEL)]) == 0
    example_data["services"][0]["name"] = "Home care"  # same id, another service
    other = tmp_path / "other.json"
    other.write_text(json.dumps(example_data), encoding="utf-8")
    capsys.readouterr()
    assert main(["--database", database, "model", "import", str(other), "--organisation", "1"]) == 1
    err = capsys.readouterr().err
    assert "$.services[0].id" in err and "already this organisation's service" in err
    assert main(["--database", database, "list"]) == 0
    assert capsys.readouterr().out.count("Budget 2026-27") == 1  # nothing was written


def test_price_lists_and_withdrawing_one_still_to_come(capsys, database):
    assert main(["--database", database, "demo"]) == 0
    adopt = ["--database", database, "adopt", "--approved-by", "Trustees", "--from"]
    # the sample comes adopted from 01/04/2026; a newer list from 01/06/2026 takes over
    assert main([*adopt, "01/06/2026"]) == 0
    assert main([*adopt, "01/04/2100"]) == 0
    capsys.readouterr()
    assert main(["--database", database, "price-lists"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("01/04/2100\tBudget 2026-27\tto come")
    assert lines[1].endswith("01/06/2026\tBudget 2026-27\tin force")
    assert lines[2].endswith("01/04/2026\tBudget 2026-27")  # the sample's own, past

    # a list in force is refused, and says why
    assert main(["--database", database, "withdraw", "--from", "01/06/2026"]) == 1
    assert "has taken effect" in capsys.readouterr().err

    assert main(["--database", database, "withdraw", "--from", "01/04/2100"]) == 0
    assert "Withdrew the price list from 01/04/2100" in capsys.readouterr().out
    assert main(["--database", database, "price-lists"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3  # kept in the history
    assert "\twithdrawn " in lines[0]
    assert lines[1].endswith("in force")
    assert main(["--database", database, "withdraw", "--from", "01/04/2100"]) == 1
    assert "no such price list" in capsys.readouterr().err
