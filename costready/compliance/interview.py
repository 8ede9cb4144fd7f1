"""The applicability interview: its questions, the facts the app supplies, and "why" in words.

Answers and facts share one set of names that checklist rules read. A question the app can
answer itself (VAT registration from the profile, staff from the adopted scenario) is shown as
known, with where it came from, and not asked twice; a later slice adds a fact here (say
`invoice_issued`) without touching the rule engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from costready.compliance.figures import fill
from costready.compliance.rules import DONT_KNOW, Kind, NameSpec, Value
from costready.i18n import N_, _
from costready.money import format_number
from costready.organisation import LEGAL_FORM_LABELS, LegalForm

YES, NO = "yes", "no"
YES_NO_LABELS = {YES: N_("Yes"), NO: N_("No"), DONT_KNOW: N_("Don't know")}


@dataclass(frozen=True)
class Question:
    """One question: its name, what it asks (may quote `{figures}`), its short label for
    explanations, and its choices (value, label) where it has them."""

    name: str
    kind: Kind
    prompt: str
    short: str
    choices: tuple[tuple[str, str], ...] = ()
    help: str = ""
    #: asked only when this other answer is "yes" (a follow-up question)
    follows: str = ""

    def spec(self) -> NameSpec:
        return NameSpec(self.name, self.kind, tuple(value for value, _label in self.choices))

    def text(self, on: date) -> str:
        """The prompt with its figures as in force on `on`."""
        return fill(_(self.prompt), on)


def _yes_no(name: str, prompt: str, short: str, help: str = "", follows: str = "") -> Question:
    return Question(name, Kind.YES_NO, prompt, short, _YES_NO, help, follows)


_YES_NO = ((YES, N_("Yes")), (NO, N_("No")))

NATIONS = (
    ("england", N_("England")),
    ("wales", N_("Wales")),
    ("scotland", N_("Scotland")),
    ("northern_ireland", N_("Northern Ireland")),
)
BUYERS = (
    ("council", N_("Councils")),
    ("nhs", N_("NHS bodies (ICB, trust, PCN)")),
    ("central_government", N_("Central government")),
    ("direct_payments", N_("People using direct payments")),
    ("personal_health_budgets", N_("People with personal health budgets")),
    ("isf", N_("Individual Service Funds held for people")),
    ("self_funders", N_("People paying for themselves")),
)
FOOD = (
    ("regularly", N_("Regularly, in an organised way")),
    ("occasionally", N_("Occasionally, small scale")),
    ("no", N_("No")),
)

QUESTIONS: tuple[Question, ...] = (
    Question(
        "nations",
        Kind.MULTI,
        N_("Where do you deliver services?"),
        N_("Where you deliver services"),
        NATIONS,
    ),
    Question(
        "buyers",
        Kind.MULTI,
        N_("Who do you sell to, or want to sell to?"),
        N_("Who you sell to"),
        BUYERS,
    ),
    _yes_no(
        "personal_care",
        N_(
            "Do your staff or volunteers help anyone with washing, bathing, dressing, going to "
            "the toilet, eating or drinking, mouth care, or care of skin, hair or nails (or "
            "prompt and supervise them because they cannot decide to on their own), in the "
            "place where that person lives?"
        ),
        N_("You provide personal care"),
        N_(
            "Shopping, cooking, cleaning, befriending, trips out and day activities are not "
            "personal care."
        ),
    ),
    _yes_no(
        "sole_carer",
        N_(
            "Is that care given by one self-employed person working alone, engaged and "
            "directed by the person or their family (not through your organisation)?"
        ),
        N_("Care given by one self-employed carer the person directs"),
        follows="personal_care",
    ),
    _yes_no(
        "clinical",
        N_(
            "Do you provide nursing, treatment or therapy for a disease, disorder or injury by "
            "health professionals, diagnosis or screening, or family planning?"
        ),
        N_("You provide nursing or clinical treatment"),
    ),
    _yes_no(
        "accommodation_care",
        N_(
            "Do you provide accommodation together with nursing or personal care (a care home, "
            "respite beds)?"
        ),
        N_("You provide accommodation with care"),
    ),
    _yes_no(
        "health_transport",
        N_(
            "Do you run patient transport as a health service, or give triage or medical "
            "advice remotely?"
        ),
        N_("Patient transport or remote medical advice"),
    ),
    _yes_no(
        "health_services",
        N_(
            "Are any of your services health care services bought by the NHS, or public health "
            "services bought by a council (drug and alcohol, sexual health, health visiting)?"
        ),
        N_("You provide health care services for the NHS or public health"),
    ),
    _yes_no(
        "vat_registered",
        N_("Are you registered for VAT?"),
        N_("VAT registered"),
    ),
    Question(
        "taxable_turnover",
        Kind.MONEY,
        N_(
            "What was your VAT-taxable income in the last 12 months? Count standard-, reduced- "
            "and zero-rated sales; leave out exempt income, grants and donations."
        ),
        N_("Taxable turnover in the last 12 months"),
    ),
    _yes_no(
        "taxable_next_30_days",
        N_(
            "Do you expect taxable income of more than {vat_registration_threshold} in the "
            "next {vat_look_ahead_days} days alone?"
        ),
        N_("Over the VAT threshold in the next 30 days alone"),
    ),
    _yes_no(
        "welfare_services",
        N_(
            "Do any of your services give care, treatment or instruction for the welfare of "
            "elderly, sick, distressed or disabled people, or care or protection of children?"
        ),
        N_("You provide welfare services"),
    ),
    Question(
        "staff_count",
        Kind.NUMBER,
        N_("How many people do you employ? Count part-timers as one each."),
        N_("People employed"),
    ),
    _yes_no(
        "paid_above_ni_threshold",
        N_("Does anyone earn more than {year.employer_ni_secondary_threshold} a year from you?"),
        N_("Someone is paid above the employer National Insurance threshold"),
    ),
    _yes_no(
        "ea_sole_director",
        N_("Is the only person paid above that threshold a director of your company?"),
        N_("The only employee paid above the threshold is a director"),
    ),
    _yes_no(
        "ea_public_work",
        N_(
            "Is more than half of your work done for public bodies under contract (functions of "
            "a public nature, such as NHS services or council care)?"
        ),
        N_("Most of your work is for public bodies"),
    ),
    _yes_no(
        "pension_eligible_worker",
        N_(
            "Does any worker aged 22 or over (and under State Pension age) earn more than the "
            "automatic enrolment earnings trigger?"
        ),
        N_("A worker qualifies for automatic enrolment"),
    ),
    _yes_no("volunteers", N_("Do you use volunteers?"), N_("You use volunteers")),
    _yes_no(
        "at_risk",
        N_(
            "Do your staff or volunteers work with children or adults at risk: one-to-one, "
            "unsupervised, or giving personal or health care?"
        ),
        N_("You work with children or adults at risk"),
    ),
    _yes_no(
        "digital_records",
        N_(
            "Do you keep information about service users, staff, volunteers or donors on "
            "computers, phones or online systems?"
        ),
        N_("You keep personal information on computers"),
    ),
    _yes_no(
        "nhs_data",
        N_(
            "Do you handle NHS patient information (referrals with NHS numbers), use NHSmail or "
            "an NHS shared care record, or does an NHS contract ask for the Data Security and "
            "Protection Toolkit?"
        ),
        N_("You handle NHS patient information"),
    ),
    Question(
        "annual_turnover",
        Kind.MONEY,
        N_("What is your total annual income (turnover), from every source?"),
        N_("Annual turnover"),
    ),
    _yes_no(
        "public_premises",
        N_("Do you run premises or activities that members of the public attend?"),
        N_("You run premises or activities the public attend"),
    ),
    Question(
        "food",
        Kind.CHOICE,
        N_("Do you prepare, cook, store, serve or deliver food (a lunch club, café, meals)?"),
        N_("You handle food"),
        FOOD,
    ),
    _yes_no(
        "advice_services",
        N_(
            "Do you give advice, assessments, care or support plans, training or professional "
            "services?"
        ),
        N_("You give advice or professional services"),
    ),
    _yes_no(
        "donations",
        N_("Do you receive donations from individuals?"),
        N_("You receive donations"),
    ),
)

#: Facts the app supplies and never asks: where each comes from is said beside it.
FACTS: tuple[Question, ...] = (
    _yes_no("is_charity", N_("A charity"), N_("A charity")),
    _yes_no("cqc_registered", N_("Registered with CQC"), N_("Registered with CQC")),
    Question(
        "legal_form",
        Kind.CHOICE,
        N_("Legal form"),
        N_("Legal form"),
        tuple((form.value, LEGAL_FORM_LABELS[form]) for form in LegalForm),
    ),
    _yes_no("employs_staff", N_("Employs staff"), N_("You employ staff")),
    _yes_no("menu_priced", N_("A priced menu exists"), N_("A priced menu of services exists")),
    _yes_no("invoice_issued", N_("An invoice has been issued"), N_("An invoice has been issued")),
)

#: Facts the app works out but the person confirms (issue 16: taxable turnover from the
#: invoices misses sales made outside CostReady): the interview asks them with the app's figure
#: filled in, and once answered the person's figure stands over the app's.
CONFIRMED: frozenset[str] = frozenset({"taxable_turnover"})

#: Where a known value came from, by name (translated when shown).
SOURCE_PROFILE = N_("from your organisation profile")
SOURCE_SCENARIO = N_("from your adopted costing")
SOURCE_INVOICES = N_("from your invoices")
SOURCE_PRICES = N_("from your adopted price list")
SOURCE_SERVICES = N_("from your services (one is marked as personal care)")


def name_specs() -> dict[str, NameSpec]:
    """Every name a checklist rule may read: the questions' and the facts'."""
    return {q.name: q.spec() for q in (*QUESTIONS, *FACTS)}


def question(name: str) -> Question:
    for q in (*QUESTIONS, *FACTS):
        if q.name == name:
            return q
    raise KeyError(name)


@dataclass(frozen=True)
class Known:
    """Everything the rules read: the person's answers with the app's facts laid over them,
    and where each fact came from (so a screen says "from your organisation profile")."""

    values: Mapping[str, Value]
    sources: Mapping[str, str]

    @classmethod
    def of(cls, answers: Mapping[str, Value], facts: Mapping[str, tuple[Value, str]]) -> Known:
        """`facts` maps a name to (value, source); a fact of None leaves the answer asked."""
        values = dict(answers)
        sources = {}
        for name, (value, source) in facts.items():
            if value is not None:
                values[name] = value
                sources[name] = source
        return cls(values, sources)

    def asked(self) -> tuple[Question, ...]:
        """The questions the person answers: those the app does not know, follow-ups only
        after a "yes"."""
        return tuple(
            q
            for q in QUESTIONS
            if q.name not in self.sources and (not q.follows or self.values.get(q.follows) == YES)
        )


def value_text(name: str, value: Value) -> str:
    """An answer in words: "Yes", "3", "£12,000", "Councils, NHS bodies", "not answered"."""
    if value is None:
        return _("not answered")
    q = question(name)
    if isinstance(value, Decimal):
        return ("£" if q.kind is Kind.MONEY else "") + format_number(value)
    labels = dict(q.choices) | YES_NO_LABELS
    if isinstance(value, frozenset):
        chosen = [_(label) for key, label in q.choices if key in value]
        return ", ".join(chosen) or _("none")
    return _(labels.get(value, value))


def describe(name: str, known: Known) -> str:
    """ "You provide personal care: Yes" (with where the app took it from, when it did)."""
    q = question(name)
    text = f"{_(q.short)}: {value_text(name, known.values.get(name))}"
    source = known.sources.get(name)
    return f"{text} ({_(source)})" if source else text


def encode(name: str, value: Value) -> str:
    """An answer as stored text ("" for none; choices of a multi-choice joined by commas)."""
    if value is None:
        return ""
    if isinstance(value, frozenset):
        return ",".join(sorted(value))
    return str(value)


def decode(name: str, text: str) -> Value:
    """Stored text back to an answer; text that no longer fits the question reads as none."""
    try:
        q = question(name)
    except KeyError:
        return None
    if q.kind is Kind.MULTI:
        chosen = frozenset(t for t in text.split(",") if t)
        return chosen & {c for c, _label in q.choices}
    if not text:
        return None
    if q.kind in (Kind.NUMBER, Kind.MONEY):
        try:
            return Decimal(text)
        except ArithmeticError:
            return None
    return text if text in {*q.spec().choices, DONT_KNOW} else None
