"""`costready checklist` and `costready readiness` (and the advisor view), as a user runs them."""

from __future__ import annotations

import json

import pytest

from costready.__main__ import main


@pytest.fixture
def database(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    assert main(["demo", "--database", url]) == 0
    return url


def test_readiness_of_every_organisation_as_json(database, tmp_path, capsys):
    out = tmp_path / "org.json"
    assert main(["org", "export", "-o", str(out), "--database", database]) == 0
    assert main(["org", "import", str(out), "--database", database]) == 0
    capsys.readouterr()
    assert main(["readiness", "--all-organisations", "--json", "--database", database]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["organisation"] for r in rows] == [
        "Riverside Community Hub",
        "Riverside Community Hub (2)",
    ]
    for row in rows:
        assert 0 <= row["overall"]["done"] <= row["overall"]["applicable"]
        assert "cqc" in row["areas"] and "tips" in row["areas"]
        assert row["due_soon"] >= 0 and row["overdue"] >= 0


def test_readiness_of_every_organisation_as_text(database, capsys):
    capsys.readouterr()
    assert main(["readiness", "--all-organisations", "--database", database]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("Riverside Community Hub: readiness ")
    assert "  CQC registration: " in printed


def test_all_organisations_refuses_one_organisation_too(database, capsys):
    args = ["readiness", "--all-organisations", "--organisation", "1", "--database", database]
    assert main(args) != 0
    assert "cannot be used together" in capsys.readouterr().err


def test_checklist_json_says_which_sources_are_not_yet_verified(database, capsys):
    capsys.readouterr()
    assert main(["checklist", "--all", "--json", "--database", database]) == 0
    items = {i["id"]: i for i in json.loads(capsys.readouterr().out)}
    assert items["CC-01"]["verified"] is False and items["CC-01"]["checked"] is None
    assert items["SAFE-02"]["verified"] is True and items["SAFE-02"]["checked"] == "2026-12-06"
