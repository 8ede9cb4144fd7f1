"""The rule engine and every shipped applicability rule, flipped by the answers it reads."""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal

import pytest

from costready.compliance.applicability import State, applicability
from costready.compliance.definitions import Item, item_by_id, shipped_items
from costready.compliance.figures import figure_lookup
from costready.compliance.interview import Known, name_specs
from costready.compliance.rules import Kind, Truth, Value, judge, parse_rule

TODAY = date(2026, 12, 6)


def _candidates(name: str) -> list[Value]:
    spec = name_specs()[name]
    if spec.kind is Kind.MULTI:
        return [frozenset(), *(frozenset({c}) for c in spec.choices)]
    if spec.kind is Kind.NUMBER:
        return [Decimal(0), Decimal(1), Decimal(7), Decimal(300)]
    if spec.kind is Kind.MONEY:
        return [Decimal(0), Decimal(80000), Decimal(95000), Decimal(40000000)]
    return [*spec.choices, "dont_know"]


def _states(item: Item) -> dict[tuple, State]:
    rules = [r for r in (item.applies_when, item.check_when) if r is not None]
    names = sorted(set().union(*(r.names() for r in rules)))
    found = {}
    for combo in itertools.product(*(_candidates(n) for n in names)):
        known = Known(dict(zip(names, combo, strict=True)), {})
        found[tuple(zip(names, combo, strict=True))] = applicability(item, known, TODAY).state
    return found


RULED = [i.id for i in shipped_items() if i.applies_when is not None]


@pytest.mark.parametrize("item_id", RULED)
def test_every_rule_is_flipped_by_one_answer(item_id: str) -> None:
    # some single answer, changed, turns the item from applies to does not apply
    states = _states(item_by_id(item_id))
    flips = 0
    for combo, state in states.items():
        if state is not State.APPLIES:
            continue
        for i, (name, _value) in enumerate(combo):
            for other in _candidates(name):
                changed = (*combo[:i], (name, other), *combo[i + 1 :])
                if states[changed] is State.DOES_NOT_APPLY:
                    flips += 1
    assert flips, f"{item_id} never switches between applies and does not apply"


@pytest.mark.parametrize("item_id", RULED)
def test_an_unanswered_interview_leaves_items_to_check_never_off(item_id: str) -> None:
    state = applicability(item_by_id(item_id), Known({}, {}), TODAY).state
    assert state is State.CHECK


def _state(item_id: str, **values: Value) -> State:
    return applicability(item_by_id(item_id), Known(values, {}), TODAY).state


ENGLAND = frozenset({"england"})


def test_personal_care_needs_cqc_registration_and_says_why() -> None:
    known = Known({"nations": ENGLAND, "personal_care": "yes", "sole_carer": "no"}, {})
    result = applicability(item_by_id("CQC-01"), known, TODAY)
    assert result.state is State.APPLIES
    assert "personal care: Yes" in result.why
    assert _state("CQC-06", nations=ENGLAND, personal_care="yes", sole_carer="no") is (
        State.APPLIES
    )
    # befriending and day activities only: no registration, and the scope statement applies
    quiet = {"nations": ENGLAND, "personal_care": "no", "clinical": "no"}
    assert _state("CQC-01", **quiet, accommodation_care="no", health_transport="no") is (
        State.DOES_NOT_APPLY
    )
    assert _state("CQC-04", **quiet, accommodation_care="no") is State.APPLIES
    assert "befriending" in item_by_id("CQC-04").why.lower()
    assert "social prescribing" in item_by_id("CQC-04").why.lower()


def test_dont_know_means_check() -> None:
    assert _state("CQC-03", personal_care="dont_know") is State.APPLIES
    assert _state("CQC-01", nations=ENGLAND, personal_care="dont_know", clinical="no") is (
        State.CHECK
    )


def test_nhs_health_care_follows_the_provider_selection_regime_not_the_act() -> None:
    assert _state("PROC-14", nations=ENGLAND, health_services="yes") is State.APPLIES
    council = {"buyers": frozenset({"council"}), "nations": ENGLAND}
    assert _state("PROC-14", **council, health_services="no", clinical="no") is (
        State.DOES_NOT_APPLY
    )
    assert _state("PROC-03", **council) is State.APPLIES  # light touch under the Act


def test_employment_allowance_agrees_with_the_public_functions_rule() -> None:
    base = {"paid_above_ni_threshold": "yes", "ea_sole_director": "no"}
    assert _state("PAY-03", **base, is_charity="no", ea_public_work="yes") is (State.DOES_NOT_APPLY)
    assert _state("PAY-03", **base, is_charity="yes", ea_public_work="yes") is State.APPLIES
    assert _state("PAY-03", **base, is_charity="no", ea_public_work="no") is State.APPLIES


def test_vat_registration_watches_the_threshold_and_the_look_ahead() -> None:
    below = {"vat_registered": "no", "taxable_next_30_days": "no"}
    assert _state("VAT-01", **below, taxable_turnover=Decimal(90000)) is State.DOES_NOT_APPLY
    assert _state("VAT-01", **below, taxable_turnover=Decimal("90000.01")) is State.APPLIES
    assert _state(
        "VAT-01", vat_registered="no", taxable_next_30_days="yes", taxable_turnover=Decimal(0)
    ) is (State.APPLIES)
    assert _state("VAT-10", vat_registered="yes") is State.APPLIES  # Making Tax Digital


def test_parse_refuses_unknown_names_and_wrong_comparisons() -> None:
    specs, figures = name_specs(), figure_lookup(TODAY)
    assert parse_rule({"name": "nope", "is": "yes"}, "$", specs, figures)[1]
    assert parse_rule({"name": "staff_count", "is": "yes"}, "$", specs, figures)[1]
    assert parse_rule({"all": []}, "$", specs, figures)[1]
    assert parse_rule({"name": "staff_count", "above": 1.5}, "$", specs, figures)[1]
    rule, problems = parse_rule({"not": {"name": "volunteers", "is": "yes"}}, "$", specs, figures)
    assert not problems and rule is not None
    assert judge(rule, {"volunteers": "no"}, figures).truth is Truth.TRUE
    assert judge(rule, {}, figures).truth is Truth.UNKNOWN
