"""The workspace API: round trips, units of work, organisations, price lists and settings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from costready.costing.model import Basis, CostLine, Service, StaffPost
from costready.organisation import Organisation
from costready.storage import convert
from costready.storage.models import PostTimeRow, ServiceRow
from costready.storage.workspace import InvalidData, StorageError, Workspace
from tests.storage.conftest import full_scenario, large_scenario

D = Decimal


# Scenarios --------------------------------------------------------------------------------


def test_full_scenario_round_trips_equal(workspace: Workspace, org: Organisation) -> None:
    scenario = full_scenario()
    scenario_id = workspace.create_scenario(org.id, scenario)
    loaded = workspace.load_scenario(scenario_id)
    assert loaded == scenario
    # Exact Decimals, places kept (0.10 stays 0.10), and None kept apart from an empty table.
    assert loaded.service("day-centre").surplus.value.as_tuple() == D("0.10").as_tuple()
    assert loaded.post("support-worker").non_chargeable["holiday"] == D("0.1074")
    assert loaded.post("sessional").pension is None
    assert loaded.cost("rent").shares is None
    assert loaded.pool("empty-shares").shares == {}
    assert loaded.bases["usage"] == {}
    assert [s.id for s in loaded.services] == ["home-support", "day-centre", "cafe"]


def test_scenario_values_come_back_as_domain_types(workspace: Workspace, org: Organisation) -> None:
    scenario_id = workspace.create_scenario(org.id, full_scenario())
    loaded = workspace.load_scenario(scenario_id)
    assert type(loaded.costs[0].basis) is Basis
    assert all(isinstance(v, Decimal) for v in loaded.post("manager").time.values())


def test_save_replaces_contents_and_updates_service_records(
    workspace: Workspace, org: Organisation
) -> None:
    scenario_id = workspace.create_scenario(org.id, full_scenario())
    edited = replace(
        full_scenario(),
        name="Budget (revised)",
        services=(replace(full_scenario().services[0], name="Home care", unit="visit"),),
        costs=full_scenario().costs[1:2],
        staff=(),
        pools=(),
        bases={},
    )
    workspace.save_scenario(scenario_id, edited)
    assert workspace.load_scenario(scenario_id) == edited
    assert [s.name for s in workspace.scenarios(org.id)] == ["Budget (revised)"]


def test_a_service_is_shared_by_scenarios_of_one_organisation(
    workspace: Workspace, org: Organisation
) -> None:
    first = workspace.create_scenario(org.id, full_scenario("Year one"))
    renamed = replace(
        full_scenario("Year two"),
        services=(replace(full_scenario().services[0], name="Home care"),),
    )
    workspace.create_scenario(org.id, renamed)
    # The organisation-level name follows the latest save, in every scenario that uses it.
    assert workspace.load_scenario(first).service("home-support").name == "Home care"


def test_failed_save_leaves_the_previous_scenario(
    workspace: Workspace, org: Organisation, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = full_scenario()
    scenario_id = workspace.create_scenario(org.id, original)

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("disk on fire")

    # Fail after the old parts were deleted and the services written: all must roll back.
    monkeypatch.setattr(convert, "scenario_parts", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        workspace.save_scenario(scenario_id, replace(original, name="Changed", costs=()))
    monkeypatch.undo()
    assert workspace.load_scenario(scenario_id) == original


def test_constraint_violation_mid_save_rolls_back(workspace: Workspace, org: Organisation) -> None:
    original = full_scenario()
    scenario_id = workspace.create_scenario(org.id, original)

    # Two time entries cannot share a key; a Mapping subclass smuggles the repeat past Python.
    class Repeating(dict[str, Decimal]):
        def items(self):  # type: ignore[override]
            return [("cafe", D("0.5")), ("cafe", D("0.5"))]

    post = replace(original.staff[0], time=Repeating(cafe=D("1")))
    bad = replace(original, name="Changed", staff=(post,))
    with pytest.raises(StorageError, match="Not saved"):
        workspace.save_scenario(scenario_id, bad)
    assert workspace.load_scenario(scenario_id) == original


def test_structure_problems_are_refused_before_writing(
    workspace: Workspace, org: Organisation
) -> None:
    scenario_id = workspace.create_scenario(org.id, full_scenario())
    bad = replace(
        full_scenario(),
        services=(Service(id="a", name="A"), Service(id="a", name="Again")),
        costs=(CostLine(id="x", name="X", annual_amount=12.5),),  # type: ignore[arg-type]
    )
    with pytest.raises(InvalidData) as error:
        workspace.save_scenario(scenario_id, bad)
    paths = {problem.path for problem in error.value.problems}
    assert {"$.services[1].id", "$.costs[0].annual_amount"} <= paths
    assert isinstance(error.value, ValueError)
    assert workspace.load_scenario(scenario_id) == full_scenario()


def test_engine_level_mistakes_are_still_stored(workspace: Workspace, org: Organisation) -> None:
    # Unfinished work (time not adding up, unknown service ids) is saved; the engine reports it.
    draft = replace(
        full_scenario(),
        staff=(StaffPost(id="p", role="", time={"nowhere": D("0.3")}),),
        costs=(CostLine(id="c", name="", annual_amount=D("1"), direct="missing"),),
    )
    scenario_id = workspace.create_scenario(org.id, draft)
    assert workspace.load_scenario(scenario_id) == draft


def test_delete_scenario_keeps_its_price_lists(workspace: Workspace, org: Organisation) -> None:
    scenario_id = workspace.create_scenario(org.id, full_scenario())
    workspace.adopt_scenario(
        scenario_id, {"cafe": D("9")}, date(2026, 4, 1), "Chair", date(2026, 3, 1)
    )
    workspace.delete_scenario(scenario_id)
    assert workspace.scenarios(org.id) == []
    [kept] = workspace.price_lists(org.id)
    assert kept.scenario_id is None
    assert kept.scenario_name == "Budget 2026-27"
    with pytest.raises(StorageError, match="no scenario"):
        workspace.load_scenario(scenario_id)


def test_a_large_scenario_saves_and_loads_equal(workspace: Workspace, org: Organisation) -> None:
    # How fast is bench/bench_storage.py's question; this is whether it comes back whole.
    big = large_scenario()
    scenario_id = workspace.create_scenario(org.id, full_scenario())
    workspace.save_scenario(scenario_id, big)
    assert workspace.load_scenario(scenario_id) == big


# Organisations ----------------------------------------------------------------------------


def test_organisation_round_trip_and_update(workspace: Workspace) -> None:
    org = Organisation(
        name="Hillside CIO",
        registered_charity=True,
        charity_number="1234567",
        address="1 High Street\nTown",
        vat_registered=True,
        vat_number="GB 980 7806 84",
        financial_year_start=date(2026, 1, 1),
    )
    saved = workspace.save_organisation(org)
    assert saved.id is not None
    assert saved == replace(org, id=saved.id)
    assert workspace.organisation(saved.id) == saved
    workspace.save_organisation(replace(saved, name="Hillside Trust"))
    assert [o.name for o in workspace.organisations()] == ["Hillside Trust"]


def test_bad_vat_number_is_refused_and_nothing_saved(workspace: Workspace) -> None:
    bad = Organisation(name="Bad VAT", vat_registered=True, vat_number="GB123456789")
    with pytest.raises(ValueError, match="VAT number"):
        workspace.save_organisation(bad)
    assert workspace.organisations() == []


def test_organisations_are_kept_apart(workspace: Workspace) -> None:
    first = workspace.save_organisation(Organisation(name="Alpha"))
    second = workspace.save_organisation(Organisation(name="Beta"))
    one = workspace.create_scenario(first.id, full_scenario("Alpha plan"))
    # The same service ids in another organisation are that organisation's own records.
    other = replace(
        full_scenario("Beta plan"),
        services=(replace(full_scenario().services[0], name="Beta home support"),),
    )
    workspace.create_scenario(second.id, other)
    workspace.set_setting(first.id, "page", "costs")
    workspace.adopt_scenario(one, {"cafe": D("5")}, date(2026, 4, 1), "Chair", date(2026, 4, 1))

    assert [s.name for s in workspace.scenarios(first.id)] == ["Alpha plan"]
    assert [s.name for s in workspace.scenarios(second.id)] == ["Beta plan"]
    assert workspace.load_scenario(one).service("home-support").name == "Home support"
    assert workspace.get_setting(second.id, "page") == ""
    assert workspace.price_lists(second.id) == []


def test_deleting_an_organisation_removes_its_data(workspace: Workspace, db_path: object) -> None:
    gone = workspace.save_organisation(Organisation(name="Gone"))
    kept = workspace.save_organisation(Organisation(name="Kept"))
    gone_scenario = workspace.create_scenario(gone.id, full_scenario())
    kept_scenario = workspace.create_scenario(kept.id, full_scenario())
    workspace.adopt_scenario(
        gone_scenario, {"cafe": D("5")}, date(2026, 4, 1), "A", date(2026, 4, 1)
    )
    workspace.set_setting(gone.id, "k", "v")

    workspace.delete_organisation(gone.id)

    assert [o.name for o in workspace.organisations()] == ["Kept"]
    with pytest.raises(StorageError):
        workspace.load_scenario(gone_scenario)
    assert workspace.price_lists(gone.id) == []
    assert workspace.get_setting(gone.id, "k", "default") == "default"
    assert workspace.load_scenario(kept_scenario) == full_scenario()
    with workspace.reading() as uow:  # only the kept organisation's rows are left
        assert uow.session.scalar(select(func.count()).select_from(ServiceRow)) == 3
        assert uow.session.scalar(select(func.count()).select_from(PostTimeRow)) == 5


def test_missing_organisation_is_a_clear_error(workspace: Workspace) -> None:
    with pytest.raises(StorageError, match="no organisation with id 42"):
        workspace.organisation(42)
    with pytest.raises(StorageError, match="no organisation"):
        workspace.create_scenario(42, full_scenario())


# Price lists ------------------------------------------------------------------------------


def test_adopting_publishes_a_price_list_and_only_one_is_adopted(
    workspace: Workspace, org: Organisation
) -> None:
    first = workspace.create_scenario(org.id, full_scenario("Plan A"))
    second = workspace.create_scenario(org.id, full_scenario("Plan B"))
    published = workspace.adopt_scenario(
        first,
        {"home-support": D("27.35"), "cafe": D("12")},
        date(2026, 4, 1),
        "Jo Chair",
        date(2026, 3, 20),
        note="Board meeting",
    )
    assert published.prices == {"home-support": D("27.35"), "cafe": D("12")}
    assert published.scenario_name == "Plan A"
    assert published.created_at.tzinfo is not None
    workspace.adopt_scenario(second, {"cafe": D("13")}, date(2026, 10, 1), "Jo", date(2026, 9, 1))
    adopted = {s.name: s.adopted for s in workspace.scenarios(org.id)}
    assert adopted == {"Plan A": False, "Plan B": True}


def test_current_price_list_by_date(workspace: Workspace, org: Organisation) -> None:
    scenario_id = workspace.create_scenario(org.id, full_scenario())

    def publish(price: str, effective: date) -> None:
        workspace.adopt_scenario(scenario_id, {"cafe": D(price)}, effective, "Chair", effective)

    publish("10", date(2026, 4, 1))
    publish("12", date(2027, 4, 1))
    publish("11", date(2026, 10, 1))
    publish("11.50", date(2026, 10, 1))  # same day, made later: it wins

    assert workspace.current_price_list(org.id, date(2026, 3, 31)) is None
    current = lambda on: workspace.current_price_list(org.id, on).prices["cafe"]  # noqa: E731
    assert current(date(2026, 4, 1)) == D("10")
    assert current(date(2026, 9, 30)) == D("10")
    assert current(date(2026, 10, 1)) == D("11.50")
    assert current(date(2027, 4, 1)) == D("12")
    lists = workspace.price_lists(org.id)
    assert [pl.prices["cafe"] for pl in lists] == [D("12"), D("11.50"), D("11"), D("10")]


def test_adopting_refuses_float_prices_and_keeps_nothing(
    workspace: Workspace, org: Organisation
) -> None:
    scenario_id = workspace.create_scenario(org.id, full_scenario())
    with pytest.raises(InvalidData, match=r"prices\.cafe"):
        workspace.adopt_scenario(
            scenario_id,
            {"cafe": 9.99},
            date(2026, 4, 1),
            "Chair",
            date(2026, 4, 1),  # type: ignore[dict-item]
        )
    with pytest.raises(InvalidData, match="Approved by"):
        workspace.adopt_scenario(
            scenario_id, {"cafe": D("1")}, date(2026, 4, 1), " ", date(2026, 4, 1)
        )
    assert workspace.price_lists(org.id) == []
    assert not workspace.scenarios(org.id)[0].adopted


# Settings ---------------------------------------------------------------------------------


def test_settings_round_trip(workspace: Workspace, org: Organisation) -> None:
    assert workspace.get_setting(org.id, "setup.step", "start") == "start"
    workspace.set_setting(org.id, "setup.step", "staff")
    workspace.set_setting(org.id, "setup.step", "costs")
    workspace.set_setting(None, "last_organisation", str(org.id))
    workspace.set_setting(None, "last_organisation", "7")
    assert workspace.get_setting(org.id, "setup.step") == "costs"
    assert workspace.get_setting(None, "last_organisation") == "7"
    assert workspace.get_setting(None, "setup.step") == ""


def test_closed_workspace_refuses_work(db_path: object) -> None:
    workspace = Workspace(f"sqlite:///{db_path}")
    workspace.close()
    workspace.close()
    with pytest.raises(StorageError, match="closed"):
        workspace.organisations()


def test_values_persist_across_reopening(db_path: object) -> None:
    url = f"sqlite:///{db_path}"
    with Workspace(url) as workspace:
        org = workspace.save_organisation(Organisation(name="Persistent"))
        scenario_id = workspace.create_scenario(org.id, full_scenario())
    with Workspace(url) as workspace:
        assert workspace.load_scenario(scenario_id) == full_scenario()


def test_something_not_a_scenario_is_refused(workspace: Workspace, org: Organisation) -> None:
    with pytest.raises(InvalidData):
        workspace.create_scenario(org.id, "not a scenario")  # type: ignore[arg-type]
    assert workspace.scenarios(org.id) == []


def test_a_transaction_saves_all_or_nothing(tmp_path):
    from costready.organisation import Organisation

    with Workspace(f"sqlite:///{tmp_path / 't.sqlite'}") as ws:
        with pytest.raises(RuntimeError), ws.transaction():
            ws.save_organisation(Organisation(name="Half made"))
            raise RuntimeError("the second write failed")
        assert ws.organisations() == []
        with ws.transaction():
            org = ws.save_organisation(Organisation(name="Whole"))
            ws.set_setting(org.id, "note", "kept")
        assert [o.name for o in ws.organisations()] == ["Whole"]
        assert ws.get_setting(org.id, "note") == "kept"
