"""`model import --organisation` says which scenarios a changed service touches before writing."""

from __future__ import annotations

import json

from costready.__main__ import main
from tests.conftest import EXAMPLE_MODEL


def test_a_changed_unit_is_refused_until_update_services(capsys, tmp_path, example_data):
    database = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    assert main(["--database", database, "model", "import", str(EXAMPLE_MODEL)]) == 0
    example_data["services"][0]["unit"] = "visit"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(example_data), encoding="utf-8")
    command = ["--database", database, "model", "import", str(changed), "--organisation", "1"]
    capsys.readouterr()

    assert main(command) == 1
    err = capsys.readouterr().err
    assert "$.services[0]:" in err and "in every scenario that has it (“Budget 2026-27”)" in err
    assert "its unit “hour” becomes “visit”" in err
    assert "nothing was imported" in err and "--update-services" in err
    assert main(["--database", database, "list"]) == 0
    assert capsys.readouterr().out.count("Budget 2026-27") == 1

    assert main([*command, "--update-services"]) == 0
    capsys.readouterr()
    assert main(["--database", database, "list"]) == 0
    assert capsys.readouterr().out.count("Budget 2026-27") == 2
