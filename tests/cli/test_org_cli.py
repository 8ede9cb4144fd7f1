"""`costready org ...` and `costready scenario ...`, run as a user runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from costready.__main__ import main
from costready.storage.workspace import Workspace


@pytest.fixture
def database(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    assert main(["demo", "--database", url]) == 0
    return url


def names(url: str) -> dict[str, list[str]]:
    with Workspace(url) as workspace:
        return {
            org.name: [s.name for s in workspace.scenarios(org.id or 0)]
            for org in workspace.organisations()
        }


def test_org_export_then_import_adds_a_copy_named_apart(database, tmp_path, capsys):
    out = tmp_path / "org.json"
    assert main(["org", "export", "-o", str(out), "--database", database]) == 0
    assert main(["org", "import", str(out), "--database", database]) == 0
    printed = capsys.readouterr().out
    assert "Imported “Riverside Community Hub (2)”" in printed
    assert "already had an organisation called “Riverside Community Hub”" in printed
    assert names(database) == {
        "Riverside Community Hub": ["Budget 2026-27"],
        "Riverside Community Hub (2)": ["Budget 2026-27"],
    }


def test_org_import_of_a_bad_file_names_the_field_and_writes_nothing(database, tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "costready-organisation", "version": 1}', encoding="utf-8")
    capsys.readouterr()
    assert main(["org", "import", str(bad), "--database", database]) == 1
    assert "$.organisation.name: is missing" in capsys.readouterr().err
    assert list(names(database)) == ["Riverside Community Hub"]


def test_org_rename_follows_the_name_rules(database, capsys):
    assert main(["org", "rename", "1", "Riverside Hub", "--database", database]) == 0
    assert list(names(database)) == ["Riverside Hub"]
    assert main(["org", "rename", "Riverside Hub", " ", "--database", database]) == 1
    assert "Name: enter the organisation's name" in capsys.readouterr().err


def test_org_delete_needs_yes_and_takes_a_backup(database, tmp_path, capsys):
    assert main(["org", "delete", "Riverside Community Hub", "--database", database]) == 1
    assert "add --yes" in capsys.readouterr().err
    assert list(names(database)) == ["Riverside Community Hub"]
    assert main(["org", "delete", "1", "--yes", "--database", database]) == 0
    printed = capsys.readouterr().out
    assert "Deleted the organisation “Riverside Community Hub”" in printed
    assert names(database) == {}
    backups = list(Path(tmp_path).glob("cli.backup-*.sqlite"))  # the day's one, and this
    assert any(str(backup) in printed for backup in backups)


def test_scenario_rename_and_delete(database, capsys):
    assert main(["scenario", "rename", "Budget 2026-27", "Plan A", "--database", database]) == 0
    assert names(database) == {"Riverside Community Hub": ["Plan A"]}
    assert main(["scenario", "delete", "Plan A", "--yes", "--database", database]) == 1
    assert "only scenario" in capsys.readouterr().err
    assert names(database) == {"Riverside Community Hub": ["Plan A"]}
