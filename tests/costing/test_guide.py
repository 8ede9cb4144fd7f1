"""The guided setup's steps as plain Python: walking them, defaults, problems and resuming."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from costready.app import guide as progress
from costready.costing import guide, pay, rules
from costready.costing.engine import price_scenario
from costready.costing.model import Basis, VolumeKind
from costready.organisation import LegalForm, Organisation
from costready.storage.keys import LAST_ORGANISATION
from costready.storage.workspace import Workspace

TODAY = date(2026, 11, 27)


@pytest.fixture
def workspace(tmp_path):
    ws = Workspace(f"sqlite:///{tmp_path / 'w.sqlite'}")
    yield ws
    ws.close()


def _walk_to_costs(walker: guide.Guide) -> None:
    """Answer steps 1-3 for a small home-support charity."""
    org = replace(
        walker.answers(), name="Riverside Care", registered_charity=True, charity_number="1234567"
    )
    assert walker.next(org) == []
    services = (
        guide.ServiceAnswer(name="Home support", volume_kind=VolumeKind.FROM_STAFF_HOURS),
        guide.ServiceAnswer(name="Lunch club", unit="session", units="400"),
    )
    assert walker.next(services) == []
    worker = guide.new_post(walker.state)
    posts = (
        replace(
            worker,
            role="Support worker",
            headcount="3",
            time={"home-support": "80", "lunch-club": "20"},
            travel_percent="10",
        ),
        replace(
            worker,
            role="Coordinator",
            hourly=False,
            pay="28000",
            hours_per_week="30",
            delivers_units=False,
            time={"home-support": "40", "lunch-club": "30", guide.MANAGEMENT_KEY: "30"},
        ),
    )
    assert walker.next(guide.StaffAnswers(posts, claims_employment_allowance=True)) == []


def _costs() -> guide.CostsAnswers:
    lines = tuple(replace(line, amount="1200") for line in guide.suggested_costs())
    return guide.CostsAnswers(lines, {"home-support": "10", "lunch-club": "40"})


def test_walking_every_step_gives_a_scenario_the_engine_prices():
    walker = guide.Guide(today=TODAY)
    _walk_to_costs(walker)
    assert walker.next(_costs()) == []
    assert walker.current.key == guide.REVIEW

    result = price_scenario(walker.state.scenario)

    assert [s.name for s in result.services] == ["Home support", "Lunch club"]
    assert [s.unit for s in result.services] == ["hour", "session"]
    assert result.service("lunch-club").planned_units == Decimal(400)
    # 3 workers x 37.5 h x 52 weeks x 80% on the service x (1 - holiday 0.1074 - travel 0.10)
    expected_hours = (
        3 * Decimal("1950") * Decimal("0.80") * (1 - Decimal("0.1074") - Decimal("0.10"))
    )
    assert result.service("home-support").planned_units == expected_hours
    assert all(s.price > s.unit_cost > 0 for s in result.services)
    # every cost in the model ends up in a service's full cost, to the penny
    assert result.total_full_cost == result.total_cost
    assert result.total_cost > Decimal(5 * 1200)
    assert walker.state.organisation.name == "Riverside Care"
    assert {line.pool for line in walker.state.scenario.costs} == {None, "management"}


def test_defaults_come_from_the_rules_file():
    walker = guide.Guide(today=TODAY)
    scenario = walker.state.scenario
    assert scenario.name == "Budget 2026-27"
    assert (scenario.period_start, scenario.period_end) == (date(2026, 4, 1), date(2027, 3, 31))
    assert scenario.tax_year == "2026-27" == rules.tax_year_for(TODAY)
    assert [pool.id for pool in scenario.pools] == [guide.MANAGEMENT_POOL]

    post = guide.new_post(walker.state)
    assert post.pay == str(rules.rules_for("2026-27").national_living_wage_hourly)
    assert Decimal(post.holiday_weeks) == rules.statutory_holiday_weeks()
    assert post.pension_percent == "3"

    answers = guide.StaffAnswers((replace(post, role="Cook"),))
    applied, problems = guide.apply_staff(walker.state, answers)
    assert problems == []
    made = applied.scenario.staff[0]
    assert made.non_chargeable["holiday"] == pay.holiday_share(rules.statutory_holiday_weeks())
    assert made.hourly_rate == rules.rules_for("2026-27").national_living_wage_hourly
    assert made.pension is not None and made.pension.rate == Decimal("0.03")
    assert guide.new_service().surplus_percent == "5"


def test_a_new_financial_year_start_moves_the_scenario():
    walker = guide.Guide(today=TODAY)
    org = replace(walker.answers(), name="Calendar Club", financial_year_start=date(2026, 1, 1))
    walker.next(org)
    scenario = walker.state.scenario
    assert scenario.name == "Budget 2026"
    assert (scenario.period_start, scenario.period_end) == (date(2026, 1, 1), date(2026, 12, 31))
    assert scenario.tax_year == "2026-27"


def test_a_time_split_not_adding_to_100_is_a_problem_naming_the_post():
    walker = guide.Guide(today=TODAY)
    walker.next(replace(walker.answers(), name="Riverside"))
    walker.next((guide.ServiceAnswer(name="Befriending", units="500"),))
    post = replace(guide.new_post(walker.state), role="Befriender", time={"befriending": "90"})

    problems = walker.next(guide.StaffAnswers((post,)))

    assert walker.current.key == guide.STAFF  # blocked
    assert any("Befriender" in p.message and "90%" in p.message for p in problems)
    assert all(p.path.startswith("$.staff[0]") for p in problems)


def test_text_that_is_not_a_number_is_a_problem_and_back_keeps_the_rest():
    walker = guide.Guide(today=TODAY)
    walker.next(replace(walker.answers(), name="Riverside"))
    answers = (guide.ServiceAnswer(name="Advice", units="lots"),)

    problems = walker.next(answers)
    assert walker.current.key == guide.SERVICES
    assert any("“lots” is not a number" in p.message for p in problems)

    walker.back(answers)
    assert walker.current.key == guide.ORGANISATION
    assert [s.name for s in walker.state.scenario.services] == ["Advice"]


def test_a_bad_vat_number_blocks_the_first_step():
    walker = guide.Guide(today=TODAY)
    problems = walker.next(
        replace(walker.answers(), name="Riverside", vat_registered=True, vat_number="GB123")
    )
    assert walker.current.key == guide.ORGANISATION
    assert [p.path for p in problems] == ["vat_number"]


def test_review_problems_point_to_the_step_that_fixes_them():
    walker = guide.Guide(today=TODAY)
    walker.next(replace(walker.answers(), name="Riverside"))
    walker.next(
        (guide.ServiceAnswer(name="Home support", volume_kind=VolumeKind.FROM_STAFF_HOURS),)
    )
    walker.next(guide.StaffAnswers())  # no staff: nobody delivers the hours
    walker.next(guide.CostsAnswers())
    result, problems = guide.price(walker.state)
    assert result is None
    assert [guide.step_for_problem(p) for p in problems] == [guide.SERVICES]
    # units from staff hours are fixed on the staff step too
    assert guide.steps_for_problem(problems[0], walker.state.scenario) == [
        guide.SERVICES,
        guide.STAFF,
    ]
    assert guide.step_for_problem(guide.Problem("$.staff[0].time", "x")) == guide.STAFF
    assert guide.step_for_problem(guide.Problem("$.bases.floor_area", "x")) == guide.COSTS


def test_floor_area_sharing_needs_the_areas():
    walker = guide.Guide(today=TODAY)
    _walk_to_costs(walker)
    rent = replace(guide.suggested_costs()[0], amount="9000")
    assert rent.sharing == Basis.FLOOR_AREA.value

    problems = walker.next(guide.CostsAnswers((rent,), {}))

    assert walker.current.key == guide.COSTS
    assert [p.path for p in problems] == ["$.bases.floor_area"]


def test_answers_read_back_as_they_were_typed():
    walker = guide.Guide(today=TODAY)
    _walk_to_costs(walker)
    staff = guide.read_staff(walker.state).posts
    assert [
        (p.role, p.pay, p.hours_per_week, p.holiday_weeks, p.travel_percent) for p in staff
    ] == [
        ("Support worker", "12.71", "37.5", "5.6", "10"),
        ("Coordinator", "28000", "30", "5.6", "0"),
    ]
    assert staff[1].time == {"home-support": "40", "lunch-club": "30", guide.MANAGEMENT_KEY: "30"}
    assert [s.surplus_percent for s in guide.read_services(walker.state)] == ["5", "5"]


def test_removing_a_service_drops_the_time_given_to_it():
    walker = guide.Guide(today=TODAY)
    _walk_to_costs(walker)
    walker.go_to(guide.SERVICES)
    kept = guide.read_services(walker.state)[:1]
    walker.next(kept)
    post = walker.state.scenario.post("support-worker")
    assert post.time == {"home-support": Decimal("0.8")}


def test_removing_a_service_removes_its_direct_costs_and_says_so():
    walker = guide.Guide(today=TODAY)
    _walk_to_costs(walker)
    food = guide.CostAnswer(name="Food", amount="800", sharing="direct:lunch-club")
    costs = _costs()
    assert walker.next(replace(costs, lines=(*costs.lines, food))) == []
    walker.go_to(guide.SERVICES)

    walker.next(guide.read_services(walker.state)[:1])

    scenario = walker.state.scenario
    assert "food" not in {line.id for line in scenario.costs}
    assert "lunch-club" not in scenario.bases[Basis.FLOOR_AREA.value]
    notes = "\n".join(walker.notes)
    assert "Removed Lunch club." in notes
    assert "“Food” (£800.00 a year) was charged only to Lunch club" in notes
    assert "Support worker spent 20% of their time on Lunch club" in notes


def test_a_service_removed_and_typed_again_starts_with_nothing_pointing_at_it():
    walker = guide.Guide(today=TODAY)
    _walk_to_costs(walker)
    walker.go_to(guide.SERVICES)
    home = guide.read_services(walker.state)[0]
    walker.next((home, guide.ServiceAnswer(name="Lunch club", unit="session", units="400")))
    assert walker.state.scenario.post("support-worker").time == {"home-support": Decimal("0.8")}
    assert walker.notes[0] == "Removed Lunch club."


def test_saving_and_resuming_returns_the_saved_step(workspace):
    walker = guide.Guide(today=TODAY)
    walker.next(replace(walker.answers(), name="Riverside"))
    org_id, scenario_id = progress.save_progress(workspace, walker, None)
    walker.next((guide.ServiceAnswer(name="Advice", units="300"),))
    org_id, scenario_id = progress.save_progress(workspace, walker, scenario_id)
    assert org_id is not None and scenario_id is not None
    assert workspace.get_setting(org_id, progress.STEP_SETTING) == guide.STAFF

    resumed, resumed_scenario = progress.resume(workspace, org_id, today=TODAY)

    assert resumed.current.key == guide.STAFF
    assert resumed_scenario == scenario_id
    assert resumed.state.organisation.name == "Riverside"
    assert [s.name for s in resumed.state.scenario.services] == ["Advice"]


def test_finishing_marks_the_organisation(workspace):
    org = workspace.save_organisation(Organisation(name="Riverside"))
    assert org.id is not None
    progress.mark_finished(workspace, org.id)
    assert workspace.get_setting(org.id, progress.FINISHED_SETTING) == "1"
    assert workspace.get_setting(None, LAST_ORGANISATION) == str(org.id)


def test_nothing_is_saved_before_the_organisation_has_a_name(workspace):
    walker = guide.Guide(today=TODAY)
    assert progress.save_progress(workspace, walker, None) == (None, None)
    assert workspace.organisations() == []


def test_a_new_service_never_takes_the_id_of_one_already_stored():
    walker = guide.Guide(today=TODAY)
    walker.next(replace(walker.answers(), name="Riverside"))
    walker.next((guide.ServiceAnswer(name="Advice", units="100"),))
    walker.go_to(guide.SERVICES)
    renamed = replace(guide.read_services(walker.state)[0], name="Debt advice")
    # a new row named like the old one comes first; the stored service keeps its id
    walker.next((guide.ServiceAnswer(name="Advice", units="50"), renamed))
    assert [(s.id, s.name) for s in walker.state.scenario.services] == [
        ("advice-2", "Advice"),
        ("advice", "Debt advice"),
    ]


def test_an_unnamed_row_is_called_as_its_table_calls_it():
    walker = guide.Guide(today=TODAY)
    walker.next(replace(walker.answers(), name="Riverside"))
    walker.next((guide.ServiceAnswer(name="Advice", units="100"),))
    post = replace(guide.new_post(walker.state), role="", time={"advice": "70"})

    adviser = replace(post, role="Adviser", time={"advice": "100"})
    problems = walker.next(guide.StaffAnswers((adviser, post)))

    found = [(p.path, p.message) for p in problems]
    assert ("$.staff[1].role", "Post 2: enter a role") in found
    assert ("$.staff[1].time", "Post 2: time adds up to 70%, not 100%") in found
    assert not any("post”" in message or message.startswith("post") for _path, message in found)


def test_a_charity_starts_with_the_employment_allowance_claimed():
    walker = guide.Guide(today=TODAY)
    walker.next(replace(walker.answers(), name="Riverside", legal_form=LegalForm.CIO))
    walker.next((guide.ServiceAnswer(name="Advice", units="100"),))
    assert guide.read_staff(walker.state).claims_employment_allowance is True
    assert guide.employment_allowance(walker.state) == Decimal("10500")


def test_a_cic_starts_without_it_and_the_answer_is_kept():
    walker = guide.Guide(today=TODAY)
    walker.next(replace(walker.answers(), name="Meadow", legal_form=LegalForm.CIC))
    walker.next((guide.ServiceAnswer(name="Advice", units="100"),))
    assert guide.read_staff(walker.state).claims_employment_allowance is False
    post = replace(guide.new_post(walker.state), role="Adviser")

    assert walker.next(guide.StaffAnswers((post,), claims_employment_allowance=True)) == []

    assert walker.state.scenario.claims_employment_allowance is True
    assert guide.read_staff(walker.state).claims_employment_allowance is True


def test_claiming_the_allowance_takes_employer_ni_off_the_prices():
    walker = guide.Guide(today=TODAY)
    _walk_to_costs(walker)
    walker.next(_costs())
    claimed = price_scenario(walker.state.scenario)
    not_claimed = price_scenario(replace(walker.state.scenario, claims_employment_allowance=False))
    assert claimed.total_cost < not_claimed.total_cost
