"""Applicability rules as data: all/any/not over named answers and facts, never evaluated text.

A rule is a small tree read from a checklist file: `{all = [...]}`, `{any = [...]}`,
`{not = {...}}`, or a comparison of one named value (`{name = "personal_care", is = "yes"}`,
`{name = "staff_count", at_least = "5"}`, `{name = "taxable_turnover", above =
"figure:vat_registration_threshold"}`). It is judged in three values (Kleene logic): an answer
that is missing or "don't know" leaves the comparison unknown, so an item becomes "check",
never silently off.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from costready.i18n import _
from costready.problems import Problem

#: An answer or fact: a choice ("yes"), a number, a set of choices, or None (not known).
Value = str | Decimal | frozenset[str] | None

DONT_KNOW = "dont_know"


class Kind(StrEnum):
    """What a named answer or fact holds, which decides the comparisons it allows."""

    YES_NO = "yes_no"  # "yes", "no" or "dont_know"
    CHOICE = "choice"  # one of its choices, or "dont_know"
    MULTI = "multi"  # any number of its choices
    NUMBER = "number"  # a count (people)
    MONEY = "money"  # pounds


@dataclass(frozen=True)
class NameSpec:
    """A name rules may use: its kind and, for choices, the choices it allows."""

    name: str
    kind: Kind
    choices: tuple[str, ...] = ()


class Truth(StrEnum):
    TRUE = "true"
    FALSE = "false"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Verdict:
    """A rule's truth and the names whose values decided it (for "applies because ...")."""

    truth: Truth
    because: tuple[str, ...] = ()


_CHOICE_OPS = ("is", "in")
_MULTI_OPS = ("includes", "includes_any")
_NUMBER_OPS = ("at_least", "above", "below", "at_most")
_OPS_BY_KIND = {
    Kind.YES_NO: _CHOICE_OPS,
    Kind.CHOICE: _CHOICE_OPS,
    Kind.MULTI: _MULTI_OPS,
    Kind.NUMBER: _NUMBER_OPS,
    Kind.MONEY: _NUMBER_OPS,
}
FIGURE_PREFIX = "figure:"

#: Looks up a figure quoted by a rule ("vat_registration_threshold"); KeyError when unknown.
FigureLookup = Callable[[str], Decimal]


@dataclass(frozen=True)
class Rule:
    """One node: a combination (`all`, `any`, `not`) or a comparison of `name` by `op`."""

    op: str
    children: tuple[Rule, ...] = ()
    name: str = ""
    operand: Any = None

    def names(self) -> set[str]:
        """Every name the rule reads."""
        if self.children:
            return set().union(*(child.names() for child in self.children))
        return {self.name}


def parse_rule(
    data: Any, path: str, specs: Mapping[str, NameSpec], figures: FigureLookup
) -> tuple[Rule | None, list[Problem]]:
    """The rule in `data` (a TOML table), or the problems that name where it is wrong."""
    problems: list[Problem] = []
    rule = _parse(data, path, specs, figures, problems)
    return (None if problems else rule), problems


def _parse(
    data: Any,
    path: str,
    specs: Mapping[str, NameSpec],
    figures: FigureLookup,
    problems: list[Problem],
) -> Rule | None:
    if not isinstance(data, dict):
        problems.append(Problem(path, _("a rule must be a table such as {all = [...]}")))
        return None
    combination = [key for key in ("all", "any", "not") if key in data]
    if combination:
        return _parse_combination(data, combination, path, specs, figures, problems)
    return _parse_comparison(data, path, specs, figures, problems)


def _parse_combination(
    data: dict[str, Any],
    keys: list[str],
    path: str,
    specs: Mapping[str, NameSpec],
    figures: FigureLookup,
    problems: list[Problem],
) -> Rule | None:
    if len(keys) > 1 or len(data) > 1:
        problems.append(Problem(path, _("a rule combines with one of all, any or not")))
        return None
    op = keys[0]
    if op == "not":
        child = _parse(data["not"], f"{path}.not", specs, figures, problems)
        return Rule("not", (child,)) if child else None
    parts = data[op]
    if not isinstance(parts, list) or not parts:
        problems.append(Problem(f"{path}.{op}", _("must list at least one rule")))
        return None
    children = [
        _parse(part, f"{path}.{op}[{i}]", specs, figures, problems) for i, part in enumerate(parts)
    ]
    if any(child is None for child in children):
        return None
    return Rule(op, tuple(c for c in children if c is not None))


def _parse_comparison(
    data: dict[str, Any],
    path: str,
    specs: Mapping[str, NameSpec],
    figures: FigureLookup,
    problems: list[Problem],
) -> Rule | None:
    name = data.get("name")
    spec = specs.get(name) if isinstance(name, str) else None
    if spec is None:
        problems.append(
            Problem(f"{path}.name", _("unknown answer or fact “{name}”").format(name=name))
        )
        return None
    ops = [key for key in data if key != "name"]
    allowed = _OPS_BY_KIND[spec.kind]
    if len(ops) != 1 or ops[0] not in allowed:
        problems.append(
            Problem(
                path,
                _("“{name}” is compared with exactly one of: {ops}").format(
                    name=name, ops=", ".join(allowed)
                ),
            )
        )
        return None
    op = ops[0]
    operand = _operand(spec, op, data[op], f"{path}.{op}", figures, problems)
    return None if operand is None else Rule(op, name=spec.name, operand=operand)


def _operand(
    spec: NameSpec,
    op: str,
    raw: Any,
    path: str,
    figures: FigureLookup,
    problems: list[Problem],
) -> Any:
    if op in _NUMBER_OPS:
        return _number_operand(raw, path, figures, problems)
    wanted = raw if isinstance(raw, list) else [raw]
    choices = (*spec.choices, DONT_KNOW) if spec.kind is not Kind.MULTI else spec.choices
    wrong = [w for w in wanted if w not in choices]
    if wrong or not wanted or (op in ("is", "includes") and isinstance(raw, list)):
        problems.append(
            Problem(
                path,
                _("“{value}” is not a choice of “{name}” ({choices})").format(
                    value=raw, name=spec.name, choices=", ".join(choices)
                ),
            )
        )
        return None
    return frozenset(wanted) if op in ("in", "includes_any") else raw


def _number_operand(
    raw: Any, path: str, figures: FigureLookup, problems: list[Problem]
) -> str | Decimal | None:
    if isinstance(raw, str) and raw.startswith(FIGURE_PREFIX):
        key = raw.removeprefix(FIGURE_PREFIX)
        try:
            figures(key)
        except KeyError:
            problems.append(Problem(path, _("no figure “{key}” in the rules file").format(key=key)))
            return None
        return raw  # looked up when judged, so a new rules file needs no new checklist
    try:
        return Decimal(str(raw)) if not isinstance(raw, (bool, float)) else _refuse_float()
    except (InvalidOperation, ValueError):
        problems.append(Problem(path, _("“{value}” is not a number").format(value=raw)))
        return None


def _refuse_float() -> Decimal:
    raise ValueError("write numbers as strings in checklist files")


def judge(rule: Rule, values: Mapping[str, Value], figures: FigureLookup) -> Verdict:
    """The rule's truth over `values` (missing names and "dont_know" are unknown)."""
    if rule.op == "not":
        inner = judge(rule.children[0], values, figures)
        flipped = {Truth.TRUE: Truth.FALSE, Truth.FALSE: Truth.TRUE}.get(inner.truth, inner.truth)
        return Verdict(flipped, inner.because)
    if rule.op in ("all", "any"):
        return _combine(rule, values, figures)
    return Verdict(_compare(rule, values.get(rule.name), figures), (rule.name,))


def _combine(rule: Rule, values: Mapping[str, Value], figures: FigureLookup) -> Verdict:
    verdicts = [judge(child, values, figures) for child in rule.children]
    # all: one false decides; any: one true decides; otherwise unknown if any is unknown
    decisive = Truth.FALSE if rule.op == "all" else Truth.TRUE
    for truth in (decisive, Truth.UNKNOWN):
        hits = [v for v in verdicts if v.truth is truth]
        if hits:
            return Verdict(truth, _names(hits))
    other = Truth.TRUE if rule.op == "all" else Truth.FALSE
    return Verdict(other, _names(verdicts))


def _names(verdicts: list[Verdict]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for verdict in verdicts:
        seen.update(dict.fromkeys(verdict.because))
    return tuple(seen)


def _compare(rule: Rule, value: Value, figures: FigureLookup) -> Truth:
    if value is None:
        return Truth.UNKNOWN
    if rule.op in ("is", "in"):
        wanted = rule.operand if rule.op == "in" else {rule.operand}
        if value == DONT_KNOW and DONT_KNOW not in wanted:
            return Truth.UNKNOWN  # "don't know" decides nothing unless asked about itself
        return _truth(value in wanted)
    if isinstance(value, frozenset):
        if rule.op == "includes":
            return _truth(rule.operand in value)
        return _truth(bool(value & rule.operand))
    if not isinstance(value, Decimal):
        return Truth.UNKNOWN
    limit = _limit(rule.operand, figures)
    results = {
        "at_least": value >= limit,
        "above": value > limit,
        "below": value < limit,
        "at_most": value <= limit,
    }
    return _truth(results[rule.op])


def _limit(operand: str | Decimal, figures: FigureLookup) -> Decimal:
    if isinstance(operand, str):
        return figures(operand.removeprefix(FIGURE_PREFIX))
    return operand


def _truth(value: bool) -> Truth:
    return Truth.TRUE if value else Truth.FALSE
