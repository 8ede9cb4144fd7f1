"""The costing model: immutable values for a scenario's services, staff, cost lines and bases.

Field names follow the model JSON (docs/costing-model.md) and DESIGN.md "The costing arithmetic,
exactly". Every amount is a Decimal; an edit makes a new value (`dataclasses.replace`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from costready.costing.rules import AgeBand
from costready.i18n import N_
from costready.rules_file import VatTreatment

ZERO = Decimal("0")
ONE = Decimal("1")
POOL_PREFIX = "overhead:"


class SurplusKind(StrEnum):
    """How a surplus is added to the unit cost; every price names the one it used."""

    MARKUP_ON_COST = "markup_on_cost"  # price = cost x (1 + s)
    SHARE_OF_PRICE = "share_of_price"  # price = cost / (1 - s)
    FIXED_PER_UNIT = "fixed_per_unit"  # price = cost + s


SURPLUS_LABELS = {
    SurplusKind.MARKUP_ON_COST: N_("mark-up on cost"),
    SurplusKind.SHARE_OF_PRICE: N_("share of price"),
    SurplusKind.FIXED_PER_UNIT: N_("fixed amount per unit"),
}


class RegulatedActivity(StrEnum):
    """A CQC-regulated activity a service carries on (Health and Social Care Act 2008
    (Regulated Activities) Regulations 2014, Schedule 1), or none."""

    NONE = "none"
    PERSONAL_CARE = "personal_care"
    ACCOMMODATION_FOR_CARE = "accommodation_for_care"
    TREATMENT = "treatment"
    OTHER = "other"


REGULATED_ACTIVITY_LABELS = {
    RegulatedActivity.NONE: N_("None (not regulated by CQC)"),
    RegulatedActivity.PERSONAL_CARE: N_("Personal care"),
    RegulatedActivity.ACCOMMODATION_FOR_CARE: N_(
        "Accommodation for people who need nursing or personal care"
    ),
    RegulatedActivity.TREATMENT: N_("Treatment of disease, disorder or injury"),
    RegulatedActivity.OTHER: N_("Another regulated activity"),
}


class Answer(StrEnum):
    """An answer to a question whose answer the person may not know."""

    YES = "yes"
    NO = "no"
    NOT_SURE = "not_sure"


ANSWER_LABELS = {
    Answer.YES: N_("Yes"),
    Answer.NO: N_("No"),
    Answer.NOT_SURE: N_("Not sure"),
}


class Basis(StrEnum):
    """How an overhead is shared across services."""

    STAFF_TIME = "staff_time"
    FLOOR_AREA = "floor_area"
    HEADCOUNT = "headcount"
    USAGE = "usage"
    EQUAL = "equal"
    SHARES = "shares"


BASIS_LABELS = {
    Basis.STAFF_TIME: N_("Staff time"),
    Basis.FLOOR_AREA: N_("Floor area"),
    Basis.HEADCOUNT: N_("Headcount"),
    Basis.USAGE: N_("Usage"),
    Basis.EQUAL: N_("Equal shares"),
    Basis.SHARES: N_("Set percentages"),
}

#: Bases whose weights per service are typed in the scenario's `bases` table.
WEIGHTED_BASES = (Basis.FLOOR_AREA, Basis.HEADCOUNT, Basis.USAGE)


class VolumeKind(StrEnum):
    """Where a service's planned units a year come from."""

    TYPED = "typed"
    FROM_STAFF_HOURS = "from_staff_hours"
    CAPACITY = "capacity"  # capacity x occupancy


class PensionBase(StrEnum):
    """The pay an employer pension rate applies to."""

    QUALIFYING_EARNINGS = "qualifying_earnings"
    TOTAL_PAY = "total_pay"


class NiKind(StrEnum):
    """Employer National Insurance: from the tax year's rules, a flat rate on pay, or none."""

    AUTO = "auto"
    RATE = "rate"
    NONE = "none"


#: Overhead categories (reports only; never decide where a cost goes).
OVERHEAD_CATEGORIES = {
    "premises": N_("Premises"),
    "management": N_("Management"),
    "governance": N_("Governance"),
    "finance": N_("Finance"),
    "hr": N_("HR"),
    "it": N_("IT"),
    "insurance": N_("Insurance"),
    "fundraising": N_("Fundraising"),
    "travel": N_("Travel"),
    "supplies": N_("Supplies"),
    "other": N_("Other"),
}

#: Non-chargeable time a post may have, as shares of paid hours.
NON_CHARGEABLE_KINDS = {
    "holiday": N_("Holiday"),
    "training": N_("Training"),
    "supervision": N_("Supervision"),
    "travel": N_("Travel"),
    "sickness": N_("Sickness"),
    "other": N_("Other"),
}


@dataclass(frozen=True)
class Surplus:
    """The surplus a service adds to its unit cost, and the convention it follows."""

    kind: SurplusKind = SurplusKind.MARKUP_ON_COST
    value: Decimal = ZERO


#: A new service's surplus, as the guided setup suggests it: 5% as a mark-up on cost (a service
#: priced at cost leaves nothing for a bad year; the manager changes it on the Services page).
NEW_SERVICE_SURPLUS = Surplus(SurplusKind.MARKUP_ON_COST, Decimal("0.05"))


@dataclass(frozen=True)
class Volume:
    """Planned billable units a year: typed, from staff hours, or capacity x occupancy."""

    kind: VolumeKind = VolumeKind.TYPED
    units: Decimal | None = None
    capacity: Decimal | None = None
    occupancy: Decimal | None = None


@dataclass(frozen=True)
class Service:
    """One item on the menu of services, with its stable id."""

    id: str
    name: str
    unit: str = "hour"
    volume: Volume = field(default_factory=Volume)
    surplus: Surplus = field(default_factory=Surplus)
    vat: VatTreatment = VatTreatment.EXEMPT
    price_rounding: Decimal = Decimal("0.01")
    description: str = ""
    #: the CQC-regulated activity it is, if any: with a CQC-registered organisation its
    #: default VAT is exempt (costing/vat.py)
    regulated_activity: RegulatedActivity = RegulatedActivity.NONE
    #: welfare advice or information: reduced-rated when a charity supplies it
    welfare_advice: bool = False


@dataclass(frozen=True)
class EmployerNi:
    """Employer NI for a post: `auto` from the rules, `rate` x pay, or `none`."""

    kind: NiKind = NiKind.AUTO
    rate: Decimal | None = None


@dataclass(frozen=True)
class Pension:
    """Employer pension: a rate on qualifying earnings or on total pay."""

    rate: Decimal = ZERO
    on: PensionBase = PensionBase.QUALIFYING_EARNINGS


@dataclass(frozen=True)
class StaffPost:
    """A post: its pay, on-costs, non-chargeable time and how its paid time is split.

    `time` keys are service ids or `overhead:POOL`; the shares add up to exactly 1.
    `non_chargeable` shares are fractions of paid hours (holiday 5.6 of 52.14 weeks = 0.1074).
    `age_band` picks the legal minimum its pay is checked against (a warning, never a refusal);
    `paid_for_hours_worked` makes the cost it gives services vary with their units (break-even
    and the volume table only; at planned volumes nothing changes).
    """

    id: str
    role: str
    headcount: Decimal = ONE
    annual_salary: Decimal | None = None
    fte: Decimal = ONE
    hourly_rate: Decimal | None = None
    paid_hours_per_person: Decimal | None = None
    delivers_units: bool = False
    employer_ni: EmployerNi = field(default_factory=EmployerNi)
    pension: Pension | None = None
    other_oncosts_rate: Decimal = ZERO
    non_chargeable: Mapping[str, Decimal] = field(default_factory=dict)
    time: Mapping[str, Decimal] = field(default_factory=dict)
    age_band: AgeBand = AgeBand.AGED_21_AND_OVER
    paid_for_hours_worked: bool = False

    @property
    def is_hourly(self) -> bool:
        return self.hourly_rate is not None


@dataclass(frozen=True)
class CostLine:
    """A running cost: direct to one service, apportioned by a basis, or part of an overhead pool.

    Exactly one of `direct`, `basis` or `pool` is set. Amounts are what the organisation bears:
    gross of VAT it cannot recover.
    """

    id: str
    name: str
    annual_amount: Decimal
    category: str = "other"
    direct: str | None = None
    basis: Basis | None = None
    shares: Mapping[str, Decimal] | None = None
    pool: str | None = None
    varies_with_volume: bool = False

    @property
    def kind(self) -> str:
        """ "direct", "apportion" or "pool"."""
        if self.direct is not None:
            return "direct"
        if self.pool is not None:
            return "pool"
        return "apportion"


@dataclass(frozen=True)
class OverheadPool:
    """An overhead pool (management, administration): staff time and cost lines given to it."""

    id: str
    basis: Basis = Basis.STAFF_TIME
    shares: Mapping[str, Decimal] | None = None
    name: str = ""

    @property
    def label(self) -> str:
        return self.name or self.id.replace("-", " ").replace("_", " ").capitalize()


@dataclass(frozen=True)
class Scenario:
    """An organisation's named costing plan for a period (usually a financial year)."""

    name: str
    period_start: date
    period_end: date
    tax_year: str
    services: tuple[Service, ...] = ()
    staff: tuple[StaffPost, ...] = ()
    pools: tuple[OverheadPool, ...] = ()
    costs: tuple[CostLine, ...] = ()
    #: basis name (floor_area, headcount, usage) -> service id -> weight
    bases: Mapping[str, Mapping[str, Decimal]] = field(default_factory=dict)
    claims_employment_allowance: bool = False
    #: who can claim the Employment Allowance (costing/allowance.py): a registered charity?
    #: more than half the work done for public bodies under contract? the only employee a
    #: director? Answered for the scenario's year, as the share of public work changes.
    ea_registered_charity: Answer = Answer.NOT_SURE
    ea_public_work: Answer = Answer.NOT_SURE
    ea_sole_director: Answer = Answer.NOT_SURE
    #: the stored version this value was read at (an optimistic lock: a save against a newer
    #: one is refused); not part of equality or of the model file
    version: int | None = field(default=None, compare=False)

    def service(self, service_id: str) -> Service:
        return next(s for s in self.services if s.id == service_id)

    def post(self, post_id: str) -> StaffPost:
        return next(p for p in self.staff if p.id == post_id)

    def cost(self, cost_id: str) -> CostLine:
        return next(c for c in self.costs if c.id == cost_id)

    def pool(self, pool_id: str) -> OverheadPool:
        return next(p for p in self.pools if p.id == pool_id)


@dataclass(frozen=True)
class OrganisationInfo:
    """What a model file says of the organisation it came from."""

    name: str
    vat_registered: bool = False
    locale: str = "en_GB"
    #: a charity (for VAT's welfare exemption and reduced rate; costing/vat.py)
    charity: bool = False
    cqc_registered: bool = False


@dataclass(frozen=True)
class CostingModel:
    """A whole model file: the organisation and one scenario."""

    organisation: OrganisationInfo
    scenario: Scenario
