"""The guided setup's flow (its steps, what each fixes) and its progress in a workspace."""

# Plain Python: costready.ui.guide only renders it. The steps edit the scenario through the
# pages' own editors, so the flow holds no answers of its own: it knows where the person is, how
# far they have got, and what stops them going on.

from __future__ import annotations

import re
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from costready.app.opening import scenario_to_open
from costready.costing.engine import price_scenario
from costready.costing.guide import first_scenario
from costready.costing.model import Scenario, VolumeKind
from costready.costing.results import CostingError
from costready.costing.scenarios import ScenarioSummary
from costready.costing.validate import validate
from costready.i18n import N_
from costready.organisation import Organisation, validate_organisation
from costready.problems import Problem
from costready.storage.keys import LAST_ORGANISATION

STEP_SETTING = "guide.step"
FINISHED_SETTING = "guide.finished"
SCENARIO_SETTING = "guide.scenario_id"

# Step keys, in order.
ORGANISATION = "organisation"
SERVICES = "services"
STAFF = "staff"
COSTS = "costs"
REVIEW = "review"


@dataclass(frozen=True)
class Step:
    """One step of the guide: what it is called, why it matters, and the problems it fixes."""

    key: str
    title: str  # N_-marked; translate where shown
    explanation: str  # N_-marked: two or three plain sentences on why the step matters
    #: the JSON paths (by their start) of the problems this step's editor puts right
    prefixes: tuple[str, ...] = ()


STEPS = (
    Step(
        ORGANISATION,
        N_("Your organisation"),
        N_(
            "Start with who you are. Your legal form, charity number and VAT status decide what "
            "goes on your price list and invoices, and your financial year sets the period your "
            "prices are worked out for."
        ),
        ("$.scenario",),
    ),
    Step(
        SERVICES,
        N_("Your services"),
        N_(
            "List what you sell and the unit you charge by: an hour, a session, a visit. "
            "The price of a unit is the full cost of the service divided by the units you "
            "expect to deliver in a year, so plan on what you will really deliver, not on "
            "full capacity. A surplus of 5% as a mark-up on cost means a £20.00 cost becomes "
            "a £21.00 price; 5% as a share of the price would be £21.06."
        ),
        ("$.services",),
    ),
    Step(
        STAFF,
        N_("Staff and their time"),
        N_(
            "Staff are usually most of the cost. Not every paid hour can be charged for: "
            "holiday, sickness, training and travel between visits are paid but not billable, "
            "so the "
            "hours you do charge must carry them. Split each post's time across your services "
            "and the time spent on management and administration, which is shared out as an "
            "overhead."
        ),
        ("$.staff",),
    ),
    Step(
        COSTS,
        N_("Running costs"),
        N_(
            "Rent, insurance, the accountant and phones are real costs of every service, even "
            "though no single service causes them. Leaving them out of your prices means "
            "subsidising buyers from your reserves. Put a cost straight on a service when only "
            "that service uses it; share the rest in a way you could explain to a funder."
        ),
        ("$.costs", "$.bases", "$.overhead_pools", "$.pools"),
    ),
    Step(
        REVIEW,
        N_("Review your prices"),
        N_(
            "These are the full cost and price of one unit of each service, from everything "
            "you have entered. If something stops a price being worked out, the problem is "
            "listed with a button that takes you to the step that fixes it."
        ),
    ),
)
KEYS = tuple(step.key for step in STEPS)
_UNITS_PATH = re.compile(r"^\$\.services\[(\d+)\]\.planned_units$")


def step(key: str) -> Step:
    """The step called `key`."""
    return STEPS[KEYS.index(key)]


def step_for_problem(problem: Problem) -> str:
    """The key of the step whose editor fixes `problem` (by the start of its path).

    A profile's problems have bare field paths ("vat_number"): the organisation step's.
    """
    for candidate in STEPS:
        if problem.path.startswith(candidate.prefixes):
            return candidate.key
    return REVIEW if problem.path.startswith("$") else ORGANISATION


def steps_for_problem(problem: Problem, scenario: Scenario | None) -> list[str]:
    """Every step that can fix `problem`: units counted from staff hours are also fixed on the
    staff step (by ticking who delivers them, or giving them time on the service)."""
    keys = [step_for_problem(problem)]
    match = _UNITS_PATH.match(problem.path)
    if match and scenario is not None and int(match.group(1)) < len(scenario.services):
        service = scenario.services[int(match.group(1))]
        if service.volume.kind is VolumeKind.FROM_STAFF_HOURS:
            keys.append(STAFF)
    return keys


def price_problems(scenario: Scenario) -> list[Problem]:
    """What stops the engine pricing `scenario` (none when every price can be worked out)."""
    try:
        price_scenario(scenario)
    except CostingError as error:
        return list(error.problems)
    return []


def problems_of_step(
    key: str, organisation: Organisation | None, scenario: Scenario | None
) -> list[Problem]:
    """What stops the person leaving step `key` forwards.

    The organisation step needs a valid profile; the services, staff and costs steps need their
    own records to be sound (the domain's `validate`, so nothing is checked twice in two ways);
    the review needs every price worked out. Problems that only the engine finds (units from
    staff hours nobody delivers) wait for the review, which says which step fixes them.
    """
    if key == ORGANISATION:
        found = validate_organisation(organisation) if organisation is not None else []
        if scenario is not None:
            found += [p for p in validate(scenario) if step_for_problem(p) == ORGANISATION]
        return found
    if scenario is None:
        return []
    if key == REVIEW:
        return price_problems(scenario)
    return [p for p in validate(scenario) if step_for_problem(p) == key]


class GuideFlow:
    """Where the person is in the steps and how far they have got (no Qt, no workspace)."""

    def __init__(self, step_key: str = ORGANISATION) -> None:
        self.steps = STEPS
        self.index = 0
        self.reached = 0
        self.go_to(step_key, force=True)

    @property
    def current(self) -> Step:
        return self.steps[self.index]

    @property
    def is_first(self) -> bool:
        return self.index == 0

    @property
    def is_last(self) -> bool:
        return self.index == len(self.steps) - 1

    def can_go_to(self, key: str) -> bool:
        """A step already reached (the step list and a review's "fix" buttons jump there)."""
        return key in KEYS and KEYS.index(key) <= self.reached

    def go_to(self, key: str, *, force: bool = False) -> bool:
        """Show step `key` if it has been reached (or `force`: resuming at a saved step; an
        unknown key, from an older version, starts at the beginning). True if it moved."""
        if key not in KEYS:
            key = ORGANISATION
        if not force and not self.can_go_to(key):
            return False
        self.index = KEYS.index(key)
        self.reached = max(self.reached, self.index)
        return True

    def next(self, organisation: Organisation | None, scenario: Scenario | None) -> list[Problem]:
        """Move on unless the current step has problems (returned, and the step stays)."""
        problems = problems_of_step(self.current.key, organisation, scenario)
        if not problems and not self.is_last:
            self.index += 1
            self.reached = max(self.reached, self.index)
        return problems

    def back(self) -> None:
        """Go to the previous step (what was entered is already saved, problems and all)."""
        if not self.is_first:
            self.index -= 1

    def finish(self, organisation: Organisation | None, scenario: Scenario | None) -> list[Problem]:
        """What stops finishing: the profile's problems, then whatever stops a price."""
        problems = problems_of_step(ORGANISATION, organisation, scenario)
        if scenario is not None:
            problems += price_problems(scenario)
        unique = {(p.path, p.message): p for p in problems}
        return list(unique.values())


# Progress in the workspace ---------------------------------------------------------------------


class GuideStore(Protocol):
    """What the guide needs of a workspace (costready.storage.workspace.Workspace)."""

    def transaction(self) -> AbstractContextManager[Any]: ...
    def organisations(self) -> list[Organisation]: ...
    def organisation(self, organisation_id: int) -> Organisation: ...
    def save_organisation(self, org: Organisation) -> Organisation: ...
    def scenarios(self, organisation_id: int) -> list[ScenarioSummary]: ...
    def create_scenario(self, organisation_id: int, scenario: Scenario) -> int: ...
    def get_setting(self, organisation_id: int | None, key: str, default: str = "") -> str: ...
    def set_setting(self, organisation_id: int | None, key: str, value: str) -> None: ...


@dataclass(frozen=True)
class Resumed:
    """Where a guide carries on: its organisation, scenario and step."""

    organisation_id: int
    scenario_id: int
    step: str


def start(
    store: GuideStore, organisation: Organisation, today: date | None = None
) -> tuple[int, int]:
    """Save a new organisation with its first, blank scenario, both or neither; returns their
    ids. The guide calls this as soon as the organisation step is valid."""
    with store.transaction():
        saved = store.save_organisation(organisation)
        assert saved.id is not None
        scenario_id = store.create_scenario(saved.id, first_scenario(saved, today or date.today()))
        store.set_setting(saved.id, SCENARIO_SETTING, str(scenario_id))
        store.set_setting(saved.id, STEP_SETTING, ORGANISATION)
    return saved.id, scenario_id


def resume(store: GuideStore, organisation_id: int, today: date | None = None) -> Resumed:
    """Where the guide of a saved organisation carries on: the scenario it set up (else the one
    the window opens; a blank one is made if there is none) at the step it was left on."""
    scenario_id = _saved_scenario_id(store, organisation_id)
    if scenario_id is None:
        with store.transaction():
            organisation = store.organisation(organisation_id)
            scenario = first_scenario(organisation, today or date.today())
            scenario_id = store.create_scenario(organisation_id, scenario)
            store.set_setting(organisation_id, SCENARIO_SETTING, str(scenario_id))
    step_key = store.get_setting(organisation_id, STEP_SETTING, ORGANISATION)
    return Resumed(organisation_id, scenario_id, step_key if step_key in KEYS else ORGANISATION)


def save_step(store: GuideStore, organisation_id: int, key: str) -> None:
    """Remember the step shown, so the guide carries on there next time."""
    if store.get_setting(organisation_id, STEP_SETTING) != key:
        store.set_setting(organisation_id, STEP_SETTING, key)


def mark_finished(store: GuideStore, organisation_id: int) -> None:
    """Record that the guide was finished and open this organisation next time."""
    with store.transaction():
        store.set_setting(organisation_id, FINISHED_SETTING, "1")
        store.set_setting(None, LAST_ORGANISATION, str(organisation_id))


def _saved_scenario_id(store: GuideStore, organisation_id: int) -> int | None:
    text = store.get_setting(organisation_id, SCENARIO_SETTING, "")
    known = [summary.id for summary in store.scenarios(organisation_id)]
    if text.isdigit() and int(text) in known:
        return int(text)
    return scenario_to_open(store, organisation_id)
