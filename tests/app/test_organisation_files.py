"""An organisation as one file: export, import, export again (app/organisation_files.py)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from costready.app.adoption import adopt
from costready.app.guide import SCENARIO_SETTING, start
from costready.app.organisation_files import export_organisation, import_organisation
from costready.app.sample import install_sample
from costready.app.scenarios import copy_scenario
from costready.costing.organisation_file import load_organisation_file, save_organisation_file
from costready.costing.results import CostingError
from costready.organisation import Organisation
from costready.storage.workspace import Workspace


@pytest.fixture
def history(workspace):
    """The sample with two scenarios, two adoptions (one by a scenario since deleted)."""
    org_id, scenario_id = install_sample(workspace)
    base = workspace.load_scenario(scenario_id)
    later = copy_scenario(workspace, org_id, replace(base, name="Budget 2027-28"))
    gone = copy_scenario(workspace, org_id, replace(base, name="Gone"))
    adopt(
        workspace,
        gone.scenario_id,
        date(2026, 1, 1),
        "Chair",
        date(2025, 12, 1),
        despite_warnings=True,
    )
    workspace.delete_scenario(gone.scenario_id)
    adopt(
        workspace,
        scenario_id,
        date(2026, 4, 1),
        "Trustees",
        date(2026, 3, 1),
        "first",
        despite_warnings=True,
    )
    workspace.set_setting(org_id, "guide.step", "review")
    workspace.set_setting(org_id, SCENARIO_SETTING, str(later.scenario_id))
    return org_id


def test_export_import_export_is_byte_for_byte_in_another_workspace(workspace, history, tmp_path):
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    save_organisation_file(export_organisation(workspace, history), first)
    with Workspace(f"sqlite:///{tmp_path / 'other.sqlite'}") as other:
        imported = import_organisation(other, load_organisation_file(first))
        save_organisation_file(export_organisation(other, imported.organisation_id), second)
        assert imported.name == "Riverside Community Hub"
        # the guide's scenario points at the imported copy of the same scenario
        names = {s.id: s.name for s in other.scenarios(imported.organisation_id)}
        guide = other.get_setting(imported.organisation_id, SCENARIO_SETTING)
        assert names[int(guide)] == "Budget 2027-28"
    assert first.read_bytes() == second.read_bytes()


def test_importing_beside_itself_differs_only_by_the_name(workspace, history, tmp_path):
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    save_organisation_file(export_organisation(workspace, history), first)
    file = load_organisation_file(first)
    imported = import_organisation(workspace, file)
    assert imported.name == "Riverside Community Hub (2)"
    assert imported.renamed_from(file) == "Riverside Community Hub"
    save_organisation_file(export_organisation(workspace, imported.organisation_id), second)
    expected = first.read_text(encoding="utf-8").replace(
        '"name": "Riverside Community Hub",', '"name": "Riverside Community Hub (2)",', 1
    )
    assert second.read_text(encoding="utf-8") == expected


def test_the_file_holds_the_profile_scenarios_price_lists_and_settings(
    workspace, history, tmp_path
):
    path = tmp_path / "org.json"
    save_organisation_file(export_organisation(workspace, history), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == ("costready-organisation", 1)
    assert data["organisation"]["charity_number"] == "1190001"
    assert data["organisation"]["address"].startswith("The Old Library")
    assert data["organisation"]["legal_form"] == "cio"
    assert [(s["scenario"]["name"], s["adopted"]) for s in data["scenarios"]] == [
        ("Budget 2026-27", True),
        ("Budget 2027-28", False),
    ]
    assert [(p["scenario"], p["scenario_name"]) for p in data["price_lists"]] == [
        (None, "Gone"),  # its scenario was deleted: kept as history
        (0, "Budget 2026-27"),  # the sample comes adopted
        (0, "Budget 2026-27"),
    ]
    invoicing = json.loads(data["settings"].pop("invoicing"))  # the sample's bank details
    assert invoicing["bank"]["sort_code"] == "608371"
    assert data["settings"] == {"guide.scenario_id": "1", "guide.step": "review"}
    assert '"id": ' not in path.read_text(encoding="utf-8").replace('"id": "', "")  # no db ids


def test_the_profile_survives_where_a_model_export_loses_it(workspace, history, tmp_path):
    path = tmp_path / "org.json"
    save_organisation_file(export_organisation(workspace, history), path)
    with Workspace(f"sqlite:///{tmp_path / 'other.sqlite'}") as other:
        imported = import_organisation(other, load_organisation_file(path))
        got = other.organisation(imported.organisation_id)
    want = workspace.organisation(history)
    assert replace(got, id=want.id) == want


def test_a_half_finished_organisation_moves_too(workspace, tmp_path):
    org_id, _scenario_id = start(workspace, Organisation(name="Half done"), date(2026, 5, 1))
    path = tmp_path / "half.json"
    save_organisation_file(export_organisation(workspace, org_id), path)
    with Workspace(f"sqlite:///{tmp_path / 'other.sqlite'}") as other:
        imported = import_organisation(other, load_organisation_file(path))
        assert other.scenarios(imported.organisation_id)[0].name


def test_a_bad_file_writes_nothing_and_names_each_field(workspace, history, tmp_path):
    path = tmp_path / "org.json"
    save_organisation_file(export_organisation(workspace, history), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["organisation"]["vat_number"] = "GB123"
    data["scenarios"][1]["staff"][0]["annual_salary"] = "lots"
    data["price_lists"][1]["entries"][0]["price"] = "-1"
    data["price_lists"][0]["scenario"] = 7
    path.write_text(json.dumps(data), encoding="utf-8")
    before = workspace.organisations()
    with pytest.raises(CostingError) as refused:
        load_organisation_file(path)
    paths = [problem.path for problem in refused.value.problems]
    assert paths == [
        "$.organisation.vat_number",
        "$.scenarios[1].staff[0].annual_salary",
        "$.price_lists[0].scenario",
        "$.price_lists[1].entries[0].price",
    ]
    assert workspace.organisations() == before


def test_an_import_refused_half_way_leaves_nothing_behind(
    workspace, history, tmp_path, monkeypatch
):
    from costready.storage.errors import InvalidData
    from costready.storage.repositories.price_lists import PriceListRepository

    path = tmp_path / "org.json"
    save_organisation_file(export_organisation(workspace, history), path)
    file = load_organisation_file(path)
    before = (workspace.organisations(), workspace.settings())

    def refuse(*_args, **_kwargs):
        raise InvalidData([])

    monkeypatch.setattr(PriceListRepository, "restore", refuse)
    with pytest.raises(InvalidData):
        import_organisation(workspace, file)
    assert (workspace.organisations(), workspace.settings()) == before


def test_the_price_list_details_and_logo_travel_with_the_organisation(workspace, history, tmp_path):
    from io import BytesIO

    from PIL import Image

    logo = BytesIO()
    Image.new("RGB", (40, 20), (1, 2, 3)).save(logo, "PNG")
    org = workspace.organisation(history)
    detailed = replace(
        org,
        phone="0113 496 0000",
        email="orders@riverside.example",
        website="www.riverside.example",
        terms="Order by email.",
        prices_valid_months=12,
        logo=logo.getvalue(),
    )
    workspace.save_organisation(detailed)
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    save_organisation_file(export_organisation(workspace, history), first)
    with Workspace(f"sqlite:///{tmp_path / 'other.sqlite'}") as other:
        imported = import_organisation(other, load_organisation_file(first))
        got = other.organisation(imported.organisation_id)
        assert (got.phone, got.email, got.website, got.terms) == (
            detailed.phone,
            detailed.email,
            detailed.website,
            detailed.terms,
        )
        assert got.prices_valid_months == 12 and got.logo == logo.getvalue()
        save_organisation_file(export_organisation(other, imported.organisation_id), second)
    assert first.read_bytes() == second.read_bytes()
