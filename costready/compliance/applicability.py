"""Whether an item applies to an organisation: applies, does not apply, or check; and why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from costready.compliance.definitions import Item
from costready.compliance.figures import figure_lookup
from costready.compliance.interview import Known, describe
from costready.compliance.rules import Truth, Verdict, judge
from costready.i18n import N_, _


class State(StrEnum):
    APPLIES = "applies"
    DOES_NOT_APPLY = "does_not_apply"
    CHECK = "check"  # the answers cannot decide, or someone answered "don't know"


STATE_LABELS = {
    State.APPLIES: N_("Applies"),
    State.DOES_NOT_APPLY: N_("Does not apply"),
    State.CHECK: N_("Check"),
}


@dataclass(frozen=True)
class Applicability:
    """An item's state from the answers, and the sentence that explains it."""

    state: State
    why: str


def applicability(item: Item, known: Known, on: date) -> Applicability:
    """The item's state: its rule true → applies; unknown → check; false → does not apply,
    unless its `check_when` rule holds (or cannot be decided), which makes it check."""
    if item.applies_when is None:
        return Applicability(State.APPLIES, _("Applies to every organisation."))
    figures = figure_lookup(on)
    verdict = judge(item.applies_when, known.values, figures)
    if verdict.truth is Truth.TRUE:
        return Applicability(State.APPLIES, _because(_("Applies because"), verdict, known))
    if verdict.truth is Truth.UNKNOWN:
        return Applicability(
            State.CHECK, _because(_("Check, until these are answered"), verdict, known)
        )
    if item.check_when is not None:
        maybe = judge(item.check_when, known.values, figures)
        if maybe.truth is not Truth.FALSE:
            return Applicability(State.CHECK, _because(_("Check, because"), maybe, known))
    reason = item.text("not_applicable_because", on) if item.not_applicable_because else ""
    said = _because(_("From your answers"), verdict, known)
    return Applicability(State.DOES_NOT_APPLY, f"{reason} {said}".strip())


def _because(opening: str, verdict: Verdict, known: Known) -> str:
    parts = "; ".join(describe(name, known) for name in verdict.because)
    return f"{opening}: {parts}."
