"""The guided setup as plain Python: steps, their answers, defaults, validation and progress."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

from costready.costing import rules
from costready.costing.engine import price_scenario
from costready.costing.ids import new_id
from costready.costing.model import (
    POOL_PREFIX,
    Basis,
    CostLine,
    Pension,
    PensionBase,
    Scenario,
    Service,
    StaffPost,
    Surplus,
    SurplusKind,
    VatTreatment,
    Volume,
    VolumeKind,
)
from costready.costing.pay import holiday_share, holiday_weeks
from costready.costing.results import CostingError, ScenarioResult
from costready.costing.scenarios import (
    MANAGEMENT_POOL,
    new_scenario,
    remove_service,
)
from costready.costing.validate import validate
from costready.i18n import N_, _
from costready.money import MoneyError, half_up, parse_number
from costready.organisation import LegalForm, Organisation, validate_organisation
from costready.problems import Problem

ZERO = Decimal(0)
HUNDRED = Decimal(100)
WEEKS_A_YEAR = Decimal(52)
MANAGEMENT_KEY = POOL_PREFIX + MANAGEMENT_POOL
DEFAULT_SURPLUS_PERCENT = "5"

# Step keys, in order.
ORGANISATION = "organisation"
SERVICES = "services"
STAFF = "staff"
COSTS = "costs"
REVIEW = "review"

# Settings the dialog keeps in the workspace.

#: Common units offered for a service (a person may type another).
UNITS = (N_("hour"), N_("session"), N_("visit"), N_("place-week"), N_("day"), N_("meal"))

#: How a cost line can be shared: a basis value, "pool:ID" or "direct:SERVICE_ID".
SHARED_BASES = (Basis.STAFF_TIME, Basis.FLOOR_AREA, Basis.EQUAL, Basis.SHARES)
SHARING_LABELS = {
    Basis.STAFF_TIME.value: N_("Shared by staff time"),
    Basis.FLOOR_AREA.value: N_("Shared by floor area"),
    Basis.EQUAL.value: N_("Shared equally"),
    Basis.SHARES.value: N_("Shared by set percentages"),
    POOL_PREFIX + MANAGEMENT_POOL: N_("Management and administration"),
}


# State and answers ----------------------------------------------------------------------------


@dataclass(frozen=True)
class GuideState:
    """Everything the guide has built so far: the organisation and its first scenario."""

    organisation: Organisation
    scenario: Scenario


@dataclass(frozen=True)
class ServiceAnswer:
    """One service as typed in the guide (numbers as text, percentages as percent)."""

    id: str = ""
    name: str = ""
    unit: str = "hour"
    volume_kind: VolumeKind = VolumeKind.TYPED
    units: str = ""
    capacity: str = ""
    occupancy_percent: str = ""
    vat: VatTreatment = VatTreatment.EXEMPT
    surplus_kind: SurplusKind = SurplusKind.MARKUP_ON_COST
    surplus_percent: str = DEFAULT_SURPLUS_PERCENT


@dataclass(frozen=True)
class PostAnswer:
    """One staff post as typed: pay, hours a week, time off and how its time is split (percent)."""

    id: str = ""
    role: str = ""
    hourly: bool = True
    pay: str = ""  # £ an hour, or the full-time salary a year
    hours_per_week: str = "37.5"
    headcount: str = "1"
    delivers_units: bool = True
    holiday_weeks: str = ""
    training_percent: str = "0"
    travel_percent: str = "0"
    pension_percent: str = "3"
    time: Mapping[str, str] = field(default_factory=dict)  # service id or overhead:ID -> %


@dataclass(frozen=True)
class StaffAnswers:
    """The staff step: the posts, and whether the organisation claims the Employment Allowance."""

    posts: tuple[PostAnswer, ...] = ()
    claims_employment_allowance: bool = False


@dataclass(frozen=True)
class CostAnswer:
    """One running cost as typed; `sharing` is a basis value, "pool:ID" or "direct:SERVICE"."""

    id: str = ""
    name: str = ""
    amount: str = ""
    category: str = "other"
    sharing: str = Basis.STAFF_TIME.value
    shares: Mapping[str, str] = field(default_factory=dict)  # service id -> % (set percentages)


@dataclass(frozen=True)
class CostsAnswers:
    """The running costs step: the lines and the floor area each service uses (m²)."""

    lines: tuple[CostAnswer, ...] = ()
    floor_area: Mapping[str, str] = field(default_factory=dict)


# Defaults -------------------------------------------------------------------------------------


def default_organisation(today: date) -> Organisation:
    """A blank profile whose financial year starts on 1 April."""
    return Organisation(name="", financial_year_start=date(today.year, 4, 1))


def pension_rate(tax_year: str) -> Decimal:
    """The employer's minimum auto-enrolment rate on qualifying earnings (3%)."""
    return rules.rules_for(tax_year).pension_employer_minimum_rate


def new_service() -> ServiceAnswer:
    """A blank service with the default surplus (5% mark-up on cost), exempt from VAT."""
    return ServiceAnswer()


def new_post(state: GuideState) -> PostAnswer:
    """A post paid the National Living Wage, with statutory holiday and the minimum pension.

    With only one service, all its time starts on that service.
    """
    tax_year = state.scenario.tax_year
    services = state.scenario.services
    return PostAnswer(
        pay=_text(rules.rules_for(tax_year).national_living_wage_hourly),
        holiday_weeks=_text(rules.statutory_holiday_weeks()),
        pension_percent=_text(pension_rate(tax_year) * HUNDRED),
        time={services[0].id: "100"} if len(services) == 1 else {},
    )


def suggested_costs() -> tuple[CostAnswer, ...]:
    """Running costs most small organisations have (amounts left for the person to fill in)."""
    return (
        CostAnswer(name=_("Rent"), category="premises", sharing=Basis.FLOOR_AREA.value),
        CostAnswer(name=_("Insurance"), category="insurance"),
        CostAnswer(name=_("Accountant or independent examination"), category="governance"),
        CostAnswer(name=_("IT and phones"), category="it"),
        CostAnswer(name=_("Management costs"), category="management", sharing=MANAGEMENT_KEY),
    )


# Step 1: organisation ---------------------------------------------------------------------------


def read_organisation(state: GuideState) -> Organisation:
    return state.organisation


def apply_organisation(
    state: GuideState, answers: Organisation, today: date | None = None
) -> tuple[GuideState, list[Problem]]:
    """Take the profile; a new financial year start moves the scenario to that year."""
    organisation = replace(answers, id=state.organisation.id)
    scenario = state.scenario
    old_start = state.organisation.financial_year_start
    new_start = organisation.financial_year_start
    if (old_start.month, old_start.day) != (new_start.month, new_start.day):
        fresh = new_scenario(organisation, today or date.today())
        scenario = replace(
            scenario,
            name=fresh.name,
            period_start=fresh.period_start,
            period_end=fresh.period_end,
            tax_year=fresh.tax_year,
        )
    return GuideState(organisation, scenario), []


def validate_organisation_step(state: GuideState) -> list[Problem]:
    return validate_organisation(state.organisation)


# Step 2: services -------------------------------------------------------------------------------


def read_services(state: GuideState) -> tuple[ServiceAnswer, ...]:
    return tuple(
        ServiceAnswer(
            id=s.id,
            name=s.name,
            unit=s.unit,
            volume_kind=s.volume.kind,
            units=_text(s.volume.units),
            capacity=_text(s.volume.capacity),
            occupancy_percent=_percent_text(s.volume.occupancy),
            vat=s.vat,
            surplus_kind=s.surplus.kind,
            surplus_percent=_percent_text(s.surplus.value),
        )
        for s in state.scenario.services
    )


def apply_services(
    state: GuideState, answers: tuple[ServiceAnswer, ...]
) -> tuple[GuideState, list[Problem]]:
    """Make the scenario's services from the answers, keeping what the guide does not ask."""
    state = remove_dropped_services(state, answers)[0]
    reader = _Reader()
    existing = {s.id: s for s in state.scenario.services}
    ids = _Ids(answers)
    services = []
    for index, answer in enumerate(answers):
        path = f"$.services[{index}]"
        label = answer.name or _("Service {number}").format(number=index + 1)
        service_id = ids.take(answer.id, answer.name, "service")
        kind = answer.volume_kind
        volume = Volume(
            kind=kind,
            units=reader.number(answer.units, f"{path}.planned_units", label, _("planned units"))
            if kind is VolumeKind.TYPED
            else None,
            capacity=reader.number(answer.capacity, f"{path}.capacity_units", label, _("capacity"))
            if kind is VolumeKind.CAPACITY
            else None,
            occupancy=reader.percent(
                answer.occupancy_percent, f"{path}.occupancy", label, _("occupancy")
            )
            if kind is VolumeKind.CAPACITY
            else None,
        )
        surplus = Surplus(
            answer.surplus_kind,
            reader.percent(answer.surplus_percent, f"{path}.surplus.value", label, _("surplus"))
            or ZERO,
        )
        base = existing.get(answer.id) or Service(id=service_id, name="")
        services.append(
            replace(
                base,
                id=service_id,
                name=answer.name.strip(),
                unit=answer.unit.strip() or "hour",
                volume=volume,
                surplus=surplus,
                vat=answer.vat,
            )
        )
    scenario = replace(state.scenario, services=tuple(services))
    return replace(state, scenario=scenario), reader.problems


def validate_services_step(state: GuideState) -> list[Problem]:
    return _problems_under(state.scenario, ("$.services",))


# Step 3: staff ----------------------------------------------------------------------------------


def read_staff(state: GuideState) -> StaffAnswers:
    """The posts as typed; the allowance as chosen, or (before any post) as most would answer."""
    scenario = state.scenario
    claims = (
        scenario.claims_employment_allowance
        if scenario.staff
        else claims_allowance_by_default(state.organisation)
    )
    return StaffAnswers(tuple(_post_answer(post) for post in scenario.staff), claims)


def claims_allowance_by_default(organisation: Organisation) -> bool:
    """Whether to start with the Employment Allowance ticked: yes for a charity or CIO.

    Most employers can claim it (HMRC: https://www.gov.uk/claim-employment-allowance); those
    whose only paid employee is a director cannot, and charities are rarely in that position.
    """
    charity = organisation.legal_form in (LegalForm.CHARITY, LegalForm.CIO)
    return charity or organisation.registered_charity


def employment_allowance(state: GuideState) -> Decimal:
    """The most the Employment Allowance takes off employer NI in the scenario's tax year."""
    return rules.rules_for(state.scenario.tax_year).employment_allowance


def _post_answer(post: StaffPost) -> PostAnswer:
    week = _full_time_week()
    if post.is_hourly:
        hours = (post.paid_hours_per_person or ZERO) / WEEKS_A_YEAR
    else:
        hours = post.fte * week
    holiday = holiday_weeks(post.non_chargeable.get("holiday", ZERO))
    return PostAnswer(
        id=post.id,
        role=post.role,
        hourly=post.is_hourly,
        pay=_text(post.hourly_rate if post.is_hourly else post.annual_salary),
        hours_per_week=_text(hours, places=2),
        headcount=_text(post.headcount),
        delivers_units=post.delivers_units,
        holiday_weeks=_text(holiday),
        training_percent=_percent_text(post.non_chargeable.get("training", ZERO)),
        travel_percent=_percent_text(post.non_chargeable.get("travel", ZERO)),
        pension_percent=_percent_text(post.pension.rate if post.pension else ZERO),
        time={key: _percent_text(share) for key, share in post.time.items()},
    )


def apply_staff(state: GuideState, answers: StaffAnswers) -> tuple[GuideState, list[Problem]]:
    """Make the scenario's posts from the answers (holiday weeks become a share of paid hours)."""
    reader = _Reader()
    existing = {p.id: p for p in state.scenario.staff}
    ids = _Ids(answers.posts)
    posts = []
    for index, answer in enumerate(answers.posts):
        path = f"$.staff[{index}]"
        label = answer.role or _("Post {number}").format(number=index + 1)
        post_id = ids.take(answer.id, answer.role, "post")
        base = existing.get(answer.id) or StaffPost(id=post_id, role="")
        posts.append(_post_from_answer(reader, path, label, replace(base, id=post_id), answer))
    scenario = replace(
        state.scenario,
        staff=tuple(posts),
        claims_employment_allowance=answers.claims_employment_allowance,
    )
    return replace(state, scenario=scenario), reader.problems


def _post_from_answer(
    reader: _Reader, path: str, label: str, base: StaffPost, answer: PostAnswer
) -> StaffPost:
    pay = reader.number(answer.pay, f"{path}.pay", label, _("pay"))
    hours = reader.number(answer.hours_per_week, f"{path}.hours", label, _("hours a week"))
    headcount = reader.number(answer.headcount, f"{path}.headcount", label, _("people"))
    holiday = reader.number(
        answer.holiday_weeks or "0", f"{path}.non_chargeable.holiday", label, _("holiday weeks")
    )
    training = reader.percent(
        answer.training_percent, f"{path}.non_chargeable.training", label, _("training")
    )
    travel = reader.percent(
        answer.travel_percent, f"{path}.non_chargeable.travel", label, _("travel")
    )
    pension = reader.percent(answer.pension_percent, f"{path}.pension.rate", label, _("pension"))
    non_chargeable = {
        kind: share
        for kind, share in (
            ("holiday", holiday_share(holiday) if holiday else None),
            ("training", training),
            ("travel", travel),
        )
        if share
    }
    time = {}
    for key, text in answer.time.items():
        share = reader.percent(text, f"{path}.time.{key}", label, _("time split"))
        if share:
            time[key] = share
    hours = hours if hours is not None else _full_time_week()
    pay_fields: dict[str, Any]
    if answer.hourly:
        pay_fields = {
            "hourly_rate": pay,
            "annual_salary": None,
            "paid_hours_per_person": hours * WEEKS_A_YEAR,
            "fte": Decimal(1),
        }
    else:
        pay_fields = {
            "annual_salary": pay,
            "hourly_rate": None,
            "paid_hours_per_person": None,
            "fte": hours / _full_time_week(),
        }
    if pay is None:
        # keep the post storable; validation says what is missing
        pay_fields["hourly_rate" if answer.hourly else "annual_salary"] = ZERO
    return replace(
        base,
        role=answer.role.strip(),
        headcount=headcount if headcount is not None else Decimal(1),
        delivers_units=answer.delivers_units,
        pension=Pension(pension, PensionBase.QUALIFYING_EARNINGS) if pension else None,
        non_chargeable=non_chargeable,
        time=time,
        **pay_fields,
    )


def validate_staff_step(state: GuideState) -> list[Problem]:
    problems = _problems_under(state.scenario, ("$.staff",))
    for index, post in enumerate(_labelled(state.scenario).staff):
        who = post.role
        pay = post.hourly_rate if post.is_hourly else post.annual_salary
        if not pay:
            problems.append(
                Problem(
                    f"$.staff[{index}].pay",
                    _("{post}: enter the pay (£ an hour, or the full-time salary a year)").format(
                        post=who
                    ),
                )
            )
    return problems


# Step 4: running costs --------------------------------------------------------------------------


def read_costs(state: GuideState) -> CostsAnswers:
    lines = []
    for line in state.scenario.costs:
        if line.direct is not None:
            sharing = "direct:" + line.direct
        elif line.pool is not None:
            sharing = POOL_PREFIX + line.pool
        else:
            sharing = (line.basis or Basis.STAFF_TIME).value
        lines.append(
            CostAnswer(
                id=line.id,
                name=line.name,
                amount=_text(line.annual_amount),
                category=line.category,
                sharing=sharing,
                shares={k: _percent_text(v) for k, v in (line.shares or {}).items()},
            )
        )
    floor = state.scenario.bases.get(Basis.FLOOR_AREA.value, {})
    return CostsAnswers(tuple(lines), {k: _text(v) for k, v in floor.items()})


def apply_costs(state: GuideState, answers: CostsAnswers) -> tuple[GuideState, list[Problem]]:
    """Make the cost lines and the floor-area table from the answers."""
    reader = _Reader()
    existing = {c.id: c for c in state.scenario.costs}
    ids = _Ids(answers.lines)
    lines = []
    for index, answer in enumerate(answers.lines):
        path = f"$.costs[{index}]"
        label = answer.name or _("Cost {number}").format(number=index + 1)
        line_id = ids.take(answer.id, answer.name, "cost")
        amount = reader.number(answer.amount, f"{path}.annual_amount", label, _("amount a year"))
        base = existing.get(answer.id) or CostLine(id=line_id, name="", annual_amount=ZERO)
        target = _sharing_fields(reader, path, label, answer)
        lines.append(
            replace(
                base,
                id=line_id,
                name=answer.name.strip(),
                annual_amount=amount or ZERO,
                category=answer.category or "other",
                **target,
            )
        )
    bases = dict(state.scenario.bases)
    floor = {}
    for key, text in answers.floor_area.items():
        value = reader.number(text, f"$.bases.floor_area.{key}", _("Floor area"), _("m²"))
        if value:
            floor[key] = value
    if floor:
        bases[Basis.FLOOR_AREA.value] = floor
    else:
        bases.pop(Basis.FLOOR_AREA.value, None)
    scenario = replace(state.scenario, costs=tuple(lines), bases=bases)
    return replace(state, scenario=scenario), reader.problems


def _sharing_fields(reader: _Reader, path: str, label: str, answer: CostAnswer) -> dict:
    fields: dict[str, Any] = {"direct": None, "basis": None, "shares": None, "pool": None}
    if answer.sharing.startswith("direct:"):
        fields["direct"] = answer.sharing.removeprefix("direct:")
        return fields
    fields["varies_with_volume"] = False  # only a direct cost can vary with volume
    if answer.sharing.startswith(POOL_PREFIX):
        fields["pool"] = answer.sharing.removeprefix(POOL_PREFIX)
        return fields
    fields["basis"] = Basis(answer.sharing)
    if fields["basis"] is Basis.SHARES:
        shares = {}
        for key, text in answer.shares.items():
            share = reader.percent(text, f"{path}.apportion.shares.{key}", label, _("share"))
            if share is not None:
                shares[key] = share
        fields["shares"] = shares
    return fields


def validate_costs_step(state: GuideState) -> list[Problem]:
    problems = _problems_under(state.scenario, ("$.costs", "$.bases", "$.overhead_pools"))
    uses_floor = any(line.basis is Basis.FLOOR_AREA for line in state.scenario.costs)
    if uses_floor and not state.scenario.bases.get(Basis.FLOOR_AREA.value):
        problems.append(
            Problem(
                "$.bases.floor_area",
                _(
                    "Floor area: enter the floor area each service uses, or share the cost another "
                    "way"
                ),
            )
        )
    return problems


# Step 5: review ---------------------------------------------------------------------------------


def price(state: GuideState) -> tuple[ScenarioResult | None, list[Problem]]:
    """The engine's result for the scenario, or the problems that stop it being priced."""
    try:
        return price_scenario(_labelled(state.scenario)), []
    except CostingError as error:
        return None, list(error.problems)


def validate_review_step(state: GuideState) -> list[Problem]:
    return price(state)[1]


def step_for_problem(problem: Problem) -> str:
    """The key of the step whose answers fix `problem` (by the start of its path)."""
    path = problem.path
    for prefix, key in (
        ("$.services", SERVICES),
        ("$.staff", STAFF),
        ("$.costs", COSTS),
        ("$.bases", COSTS),
        ("$.overhead_pools", COSTS),
        ("$.pools", COSTS),
        ("$.scenario", ORGANISATION),
    ):
        if path.startswith(prefix):
            return key
    return ORGANISATION if not path.startswith("$") else REVIEW


def steps_for_problem(problem: Problem, scenario: Scenario | None) -> list[str]:
    """Every step that can fix `problem`: units counted from staff hours are also fixed on the
    staff step (by ticking who delivers them, or giving them time on the service)."""
    keys = [step_for_problem(problem)]
    match = re.match(r"^\$\.services\[(\d+)\]\.planned_units$", problem.path)
    if match and scenario is not None and int(match.group(1)) < len(scenario.services):
        service = scenario.services[int(match.group(1))]
        if service.volume.kind is VolumeKind.FROM_STAFF_HOURS:
            keys.append(STAFF)
    return keys


# The steps and the guide ------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One page of the guide: what it asks, why it matters, and how its answers apply."""

    key: str
    title: str  # N_-marked; translate where shown
    explanation: str  # N_-marked: two or three plain sentences on why the step matters
    validate: Callable[[GuideState], list[Problem]]
    read: Callable[[GuideState], Any] | None = None
    apply: Callable[[GuideState, Any], tuple[GuideState, list[Problem]]] | None = None


STEPS = (
    Step(
        ORGANISATION,
        N_("Your organisation"),
        N_(
            "Start with who you are. Your legal form, charity number and VAT status decide what "
            "goes on your price list and invoices, and your financial year sets the period your "
            "prices are worked out for."
        ),
        validate_organisation_step,
        read_organisation,
        apply_organisation,
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
        validate_services_step,
        read_services,
        apply_services,
    ),
    Step(
        STAFF,
        N_("Staff and their time"),
        N_(
            "Staff are usually most of the cost. Not every paid hour can be charged for: "
            "holiday, training and travel between visits are paid but not billable, so the "
            "hours you do charge must carry them. Split each post's time across your services "
            "and the time spent on management and administration, which is shared out as an "
            "overhead."
        ),
        validate_staff_step,
        read_staff,
        apply_staff,
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
        validate_costs_step,
        read_costs,
        apply_costs,
    ),
    Step(
        REVIEW,
        N_("Review your prices"),
        N_(
            "These are the full cost and price of one unit of each service, from everything "
            "you have entered. If something stops a price being worked out, the problem is "
            "listed with a button that takes you to the step that fixes it."
        ),
        validate_review_step,
    ),
)


class Guide:
    """Walks the steps over a (Organisation, Scenario) state; answers are never lost on Back."""

    def __init__(
        self,
        organisation: Organisation | None = None,
        scenario: Scenario | None = None,
        *,
        step: str = ORGANISATION,
        today: date | None = None,
    ):
        self.today = today or date.today()
        organisation = organisation or default_organisation(self.today)
        self.state = GuideState(organisation, scenario or new_scenario(organisation, self.today))
        self.steps = STEPS
        self.index = 0
        #: what the last `apply` took away besides the answers (a removed service's costs)
        self.notes: list[str] = []
        self.go_to(step)

    @property
    def current(self) -> Step:
        return self.steps[self.index]

    @property
    def is_first(self) -> bool:
        return self.index == 0

    @property
    def is_last(self) -> bool:
        return self.index == len(self.steps) - 1

    def step(self, key: str) -> Step:
        return next(step for step in self.steps if step.key == key)

    def go_to(self, key: str) -> None:
        """Show the step `key` (an unknown key, from an older version, starts at the beginning)."""
        keys = [step.key for step in self.steps]
        self.index = keys.index(key) if key in keys else 0

    def answers(self, key: str | None = None) -> Any:
        """The current answers for a step (as the person would see them)."""
        step = self.step(key) if key else self.current
        return step.read(self.state) if step.read else None

    def apply(self, answers: Any) -> list[Problem]:
        """Take the current step's answers into the state; return every problem with them."""
        step = self.current
        self.notes = []
        if step.apply is None:
            return step.validate(self.state)
        if step.key == SERVICES:
            self.state, self.notes = remove_dropped_services(self.state, answers)
        if step.key == ORGANISATION:
            state, parse = apply_organisation(self.state, answers, self.today)
        else:
            state, parse = step.apply(self.state, answers)
        self.state = state
        # a field that could not be read is reported once, not again as missing
        unread = {problem.path for problem in parse}
        return parse + [p for p in step.validate(state) if p.path not in unread]

    def next(self, answers: Any = None) -> list[Problem]:
        """Apply the answers and move on, unless they have problems (returned)."""
        problems = self.apply(answers)
        if not problems and not self.is_last:
            self.index += 1
        return problems

    def back(self, answers: Any = None) -> list[Problem]:
        """Keep the answers as they are (even with problems) and go to the previous step."""
        problems = self.apply(answers)
        if not self.is_first:
            self.index -= 1
        return problems

    def set_organisation_id(self, organisation_id: int) -> None:
        self.state = replace(
            self.state, organisation=replace(self.state.organisation, id=organisation_id)
        )


# Saving progress --------------------------------------------------------------------------------


# Helpers ----------------------------------------------------------------------------------------


class _Reader:
    """Reads typed numbers and percentages, collecting a problem for each one it cannot read."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def number(self, text: str, path: str, who: str, what: str) -> Decimal | None:
        cleaned = text.strip()
        if not cleaned:
            return None
        try:
            value = parse_number(cleaned.removesuffix("%").strip(), f"{who}: {what}")
        except MoneyError as error:
            self.problems.append(Problem(path, str(error)))
            return None
        if value < 0:
            self.problems.append(
                Problem(path, _("{who}: {what} cannot be negative").format(who=who, what=what))
            )
            return None
        return value

    def percent(self, text: str, path: str, who: str, what: str) -> Decimal | None:
        value = self.number(text, path, who, what)
        return value / HUNDRED if value is not None else None


class _Ids:
    """Readable, unique ids made from names (“Home support” -> “home-support”)."""

    def __init__(self, answers: Iterable[Any]) -> None:
        # ids already stored stay as they are (staff time and cost lines point at them)
        self.kept = {answer.id for answer in answers if answer.id}
        self.used: set[str] = set(self.kept)

    def take(self, known_id: str, name: str, fallback: str) -> str:
        """`known_id` when the item already has one, else a new id made from `name`."""
        if known_id in self.kept:
            return known_id
        candidate = new_id(name, self.used, fallback)
        self.used.add(candidate)
        return candidate


def remove_dropped_services(
    state: GuideState, answers: Iterable[ServiceAnswer]
) -> tuple[GuideState, list[str]]:
    """The state without the services whose rows were removed, and notes of what went with
    them (costready.costing.scenarios.remove_service: the one rule for removing a service)."""
    kept = {answer.id for answer in answers if answer.id}
    scenario, notes = state.scenario, []
    for service in state.scenario.services:
        if service.id not in kept:
            scenario, removed = remove_service(scenario, service.id)
            notes.append(_("Removed {service}.").format(service=service.name or service.id))
            notes.extend(removed)
    return replace(state, scenario=scenario), notes


def _problems_under(scenario: Scenario, prefixes: tuple[str, ...]) -> list[Problem]:
    problems = validate(_labelled(scenario)) + _unnamed(scenario)
    return [p for p in problems if p.path.startswith(prefixes)]


#: Each kind of row: its collection, the field that names it, what the guide's table calls an
#: unnamed row, and how to ask for the name.
_ROWS = (
    ("services", "name", N_("Service {number}"), N_("{row}: enter a name")),
    ("staff", "role", N_("Post {number}"), N_("{row}: enter a role")),
    ("costs", "name", N_("Cost {number}"), N_("{row}: enter a name")),
)


def _labelled(scenario: Scenario) -> Scenario:
    """The scenario with each unnamed row called as its table calls it (“Post 2”), so every
    problem names the row the person sees rather than an id made up for it (“post”)."""
    changes: dict[str, Any] = {}
    for collection, attribute, label, _ask in _ROWS:
        changes[collection] = tuple(
            item
            if getattr(item, attribute).strip()
            else replace(item, **{attribute: _(label).format(number=index + 1)})
            for index, item in enumerate(getattr(scenario, collection))
        )
    return replace(scenario, **changes)


def _unnamed(scenario: Scenario) -> list[Problem]:
    """A problem for each row with no name, naming it by its number (“Post 1: enter a role”)."""
    problems = []
    for collection, attribute, label, ask in _ROWS:
        for index, item in enumerate(getattr(scenario, collection)):
            if not getattr(item, attribute).strip():
                row = _(label).format(number=index + 1)
                path = f"$.{collection}[{index}].{attribute}"
                problems.append(Problem(path, _(ask).format(row=row)))
    return problems


def _full_time_week() -> Decimal:
    return rules.full_time_hours() / WEEKS_A_YEAR


def _text(value: Decimal | None, places: int | None = None) -> str:
    """A Decimal as a person would type it: no exponent, no trailing zeros."""
    if value is None:
        return ""
    if places is not None:
        value = half_up(value, places)
    text = f"{value.normalize():f}"
    return text


def _percent_text(share: Decimal | None) -> str:
    return _text(share * HUNDRED, places=4) if share is not None else ""
