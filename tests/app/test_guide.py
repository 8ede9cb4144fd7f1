"""The guided setup's flow as plain Python: its steps, what stops each, and its progress."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from costready.app import guide as flow
from costready.app.sample import install_sample
from costready.costing.guide import first_scenario
from costready.costing.model import Service, StaffPost, Volume, VolumeKind
from costready.organisation import Organisation
from costready.problems import Problem
from costready.storage.keys import LAST_ORGANISATION
from costready.storage.workspace import Workspace

TODAY = date(2026, 11, 27)


@pytest.fixture
def workspace(tmp_path):
    ws = Workspace(f"sqlite:///{tmp_path / 'w.sqlite'}")
    yield ws
    ws.close()


def _started(workspace) -> tuple[int, int]:
    return flow.start(workspace, Organisation(name="Riverside"), TODAY)


def test_the_steps_in_order():
    assert flow.KEYS == ("organisation", "services", "staff", "costs", "review")
    assert [flow.step(key).key for key in flow.KEYS] == list(flow.KEYS)


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("name", flow.ORGANISATION),
        ("vat_number", flow.ORGANISATION),
        ("$.scenario.tax_year", flow.ORGANISATION),
        ("$.services", flow.SERVICES),
        ("$.services[0].planned_units", flow.SERVICES),
        ("$.staff[1].time", flow.STAFF),
        ("$.costs[0].annual_amount", flow.COSTS),
        ("$.bases.floor_area", flow.COSTS),
        ("$.overhead_pools.management.shares", flow.COSTS),
        ("$.something_new", flow.REVIEW),
    ],
)
def test_each_problem_belongs_to_the_step_whose_path_it_starts_with(path, key):
    assert flow.step_for_problem(Problem(path, "x")) == key


def test_units_from_staff_hours_are_fixed_on_the_staff_step_too():
    scenario = first_scenario(Organisation(name="R"), TODAY)
    typed = Service(id="a", name="A", volume=Volume(VolumeKind.TYPED, units=Decimal(0)))
    hours = Service(id="b", name="B", volume=Volume(VolumeKind.FROM_STAFF_HOURS))
    scenario = replace(scenario, services=(typed, hours))
    assert flow.steps_for_problem(Problem("$.services[0].planned_units", "x"), scenario) == [
        flow.SERVICES
    ]
    assert flow.steps_for_problem(Problem("$.services[1].planned_units", "x"), scenario) == [
        flow.SERVICES,
        flow.STAFF,
    ]


def test_next_is_stopped_by_the_current_steps_own_problems_only():
    walker = flow.GuideFlow()
    org = Organisation(name="")
    problems = walker.next(org, None)
    assert [p.path for p in problems] == ["name"]
    assert walker.current.key == flow.ORGANISATION

    assert walker.next(replace(org, name="Riverside"), None) == []
    assert walker.current.key == flow.SERVICES
    scenario = first_scenario(Organisation(name="Riverside"), TODAY)
    problems = walker.next(Organisation(name="Riverside"), scenario)
    assert [p.message for p in problems] == ["Add at least one service to price"]

    service = Service(id="advice", name="Advice", volume=Volume(VolumeKind.TYPED, Decimal(300)))
    post = StaffPost(id="p", role="Adviser", hourly_rate=Decimal(12), time={"advice": Decimal(1)})
    scenario = replace(scenario, services=(service,), staff=(post,))
    assert walker.next(Organisation(name="Riverside"), scenario) == []
    # the post has no paid hours: the staff step's problem, not the services step's
    problems = walker.next(Organisation(name="Riverside"), scenario)
    assert walker.current.key == flow.STAFF
    assert [p.path for p in problems] == ["$.staff[0].paid_hours_per_person"]


def test_back_and_jumps_only_to_steps_already_reached():
    walker = flow.GuideFlow()
    assert not walker.go_to(flow.COSTS)
    walker.next(Organisation(name="R"), None)
    assert walker.reached == 1 and walker.can_go_to(flow.SERVICES)
    walker.back()
    assert walker.current.key == flow.ORGANISATION
    assert walker.go_to(flow.SERVICES)
    assert flow.GuideFlow("no-such-step").current.key == flow.ORGANISATION
    resumed = flow.GuideFlow(flow.STAFF)
    assert resumed.current.key == flow.STAFF and resumed.can_go_to(flow.SERVICES)
    assert not resumed.can_go_to(flow.COSTS)


def test_finishing_needs_every_price(workspace):
    org_id, scenario_id = install_sample(workspace)
    walker = flow.GuideFlow(flow.REVIEW)
    scenario = workspace.load_scenario(scenario_id)
    assert walker.finish(workspace.organisation(org_id), scenario) == []
    broken = replace(scenario, staff=())
    problems = walker.finish(workspace.organisation(org_id), broken)
    assert problems and {flow.step_for_problem(p) for p in problems} <= {flow.SERVICES, flow.COSTS}


def test_starting_saves_the_organisation_with_a_blank_scenario(workspace):
    org_id, scenario_id = _started(workspace)
    assert workspace.organisation(org_id).name == "Riverside"
    assert [s.id for s in workspace.scenarios(org_id)] == [scenario_id]
    assert workspace.load_scenario(scenario_id).name == "Budget 2026-27"
    assert workspace.get_setting(org_id, flow.SCENARIO_SETTING) == str(scenario_id)


def test_starting_saves_both_or_neither(workspace, monkeypatch):
    def refuse(organisation_id, scenario):
        raise RuntimeError("disk full")

    monkeypatch.setattr(workspace, "create_scenario", refuse)
    with pytest.raises(RuntimeError):
        _started(workspace)
    assert workspace.organisations() == []


def test_resuming_returns_the_saved_step_and_scenario(workspace):
    org_id, scenario_id = _started(workspace)
    flow.save_step(workspace, org_id, flow.STAFF)
    resumed = flow.resume(workspace, org_id, TODAY)
    assert resumed == flow.Resumed(org_id, scenario_id, flow.STAFF)


def test_resuming_an_organisation_the_guide_did_not_make(workspace):
    org_id, scenario_id = install_sample(workspace)
    assert flow.resume(workspace, org_id, TODAY) == flow.Resumed(
        org_id, scenario_id, flow.ORGANISATION
    )
    bare = workspace.save_organisation(Organisation(name="Bare"))
    assert bare.id is not None
    resumed = flow.resume(workspace, bare.id, TODAY)  # no scenario yet: a blank one is made
    assert [s.id for s in workspace.scenarios(bare.id)] == [resumed.scenario_id]


def test_finishing_marks_the_organisation(workspace):
    org_id, _scenario_id = _started(workspace)
    flow.mark_finished(workspace, org_id)
    assert workspace.get_setting(org_id, flow.FINISHED_SETTING) == "1"
    assert workspace.get_setting(None, LAST_ORGANISATION) == str(org_id)
