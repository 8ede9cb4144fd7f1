"""Checklist definitions: the items in `resources/checklists/*.toml`, loaded and validated.

Every item names its area, what it asks, why it matters, when it applies (a rule, see
`rules.py`), the evidence a buyer may ask for, how often it renews, its source and the day it
was last checked against it. A file with an unknown area, a rule naming an unknown answer, a
missing source or date, or a figure the rules file does not hold is refused with problems that
name the file and the item.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from costready import rules_file
from costready.compliance import figures as figure_text
from costready.compliance.interview import FACTS, name_specs
from costready.compliance.rules import Kind, Rule, parse_rule
from costready.i18n import N_, _
from costready.paths import resource
from costready.problems import Problem

CHECKLISTS = ("checklists",)


class Area(StrEnum):
    """The areas a checklist groups its items by, in the order they are shown."""

    CQC = "cqc"
    HMRC = "hmrc"
    EMPLOYMENT = "employment"
    PROCUREMENT = "procurement"
    DATA_PROTECTION = "data_protection"
    SAFEGUARDING = "safeguarding"
    INSURANCE = "insurance"
    GOVERNANCE = "governance"
    FOOD_SAFETY = "food_safety"
    HEALTH_SAFETY = "health_safety"
    PERSONAL_BUDGETS = "personal_budgets"
    TIPS = "tips"


AREA_LABELS = {
    Area.CQC: N_("CQC registration"),
    Area.HMRC: N_("HMRC and tax"),
    Area.EMPLOYMENT: N_("Employment"),
    Area.PROCUREMENT: N_("Public procurement"),
    Area.DATA_PROTECTION: N_("Data protection"),
    Area.SAFEGUARDING: N_("Safeguarding"),
    Area.INSURANCE: N_("Insurance"),
    Area.GOVERNANCE: N_("Governance"),
    Area.FOOD_SAFETY: N_("Food safety"),
    Area.HEALTH_SAFETY: N_("Health and safety"),
    Area.PERSONAL_BUDGETS: N_("Personal budgets and direct payments"),
    Area.TIPS: N_("Market-readiness tips"),
}

#: The app's places a tip may link to (page keys of the window).
PAGES = frozenset({"organisation", "services", "prices", "invoices", "checklist"})
#: Those pages' names, for "Go to Prices" (the window's own titles live in the ui layer).
PAGE_LABELS = {
    "organisation": N_("Organisation"),
    "services": N_("Services"),
    "prices": N_("Prices"),
    "invoices": N_("Invoices"),
    "checklist": N_("Checklist"),
}
_ID = re.compile(r"^[A-Z]{2,6}-[0-9]{2}$")
_TEXT_FIELDS = ("title", "asks", "why")


@dataclass(frozen=True)
class Item:
    """One checklist item as shipped (text still to be filled with figures and translated)."""

    id: str
    area: Area
    title: str
    asks: str
    why: str
    source: str
    checked: date | None  # None only when the source is not yet verified (`verified = false`)
    applies_when: Rule | None = None  # None: applies to every organisation
    check_when: Rule | None = None  # when it does not apply, still "check" if this holds
    not_applicable_because: str = ""  # said when it does not apply
    guidance: str = ""
    evidence: tuple[str, ...] = ()
    renews_months: int = 0  # 0: does not renew
    links_to: str = ""  # a page of the app that does the work (tips)
    done_when: str = ""  # a fact that marks it done when the app holds the evidence
    credit: str = ""  # whose advice it is (the tips' sources, by name)
    file: str = ""
    #: False when nobody has confirmed the item against its source yet: shown as
    #: "check the source", with `source_note` saying what is known of it
    verified: bool = True
    source_note: str = ""

    def text(self, field: str, on: date) -> str:
        """A text field translated, with its figures as in force on `on`."""
        return figure_text.fill(_(getattr(self, field)), on)


class DefinitionError(Exception):
    """Checklist files that do not validate; `problems` name the file and item."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


@cache
def shipped_items() -> tuple[Item, ...]:
    """Every shipped item, validated (DefinitionError at start-up if any file is wrong)."""
    folder = resource(*CHECKLISTS)
    return load_items(sorted(folder.glob("*.toml")))


def item_by_id(item_id: str) -> Item:
    for item in shipped_items():
        if item.id == item_id:
            return item
    raise KeyError(item_id)


def load_items(paths: Iterable[Path]) -> tuple[Item, ...]:
    """The items of the files at `paths`, or DefinitionError with every problem found."""
    items: list[Item] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            problems.append(Problem(path.name, _("not a valid TOML file: {e}").format(e=error)))
            continue
        entries = data.get("item", [])
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            item, found = parse_item(entry, path.name, index)
            problems += found
            if item is not None:
                items.append(item)
    problems += _duplicates(items)
    if problems:
        raise DefinitionError(problems)
    return tuple(sorted(items, key=lambda i: (list(Area).index(i.area), i.id)))


def _duplicates(items: list[Item]) -> list[Problem]:
    seen: dict[str, str] = {}
    problems = []
    for item in items:
        if item.id in seen:
            problems.append(
                Problem(
                    f"{item.file}: {item.id}",
                    _("the id is used twice (also in {file})").format(file=seen[item.id]),
                )
            )
        seen[item.id] = item.file
    return problems


def parse_item(entry: Any, file: str, index: int) -> tuple[Item | None, list[Problem]]:
    """One `[[item]]` table, or the problems found in it (each path names file and item)."""
    if not isinstance(entry, dict):
        return None, [Problem(f"{file}: item {index + 1}", _("an item must be a table"))]
    where = f"{file}: {entry.get('id') or _('item {n}').format(n=index + 1)}"
    problems: list[Problem] = []

    def fail(field: str, message: str) -> None:
        problems.append(Problem(f"{where}.{field}", message))

    item_id = entry.get("id", "")
    if not isinstance(item_id, str) or not _ID.match(item_id):
        fail("id", _("an id such as CQC-01 is required"))
    area = entry.get("area")
    if area not in {a.value for a in Area}:
        fail("area", _("unknown area “{area}”").format(area=area))
    for field in _TEXT_FIELDS:
        if not isinstance(entry.get(field), str) or not entry[field].strip():
            fail(field, _("is required"))
    source = entry.get("source")
    if not isinstance(source, str) or not source.startswith("https://"):
        fail("source", _("an https link to the source is required"))
    checked, verified, source_note = _checked(entry, fail)
    renews = entry.get("renews_months", 0)
    if not isinstance(renews, int) or isinstance(renews, bool) or not 0 <= renews <= 120:
        fail("renews_months", _("a whole number of months from 0 to 120"))
    evidence = entry.get("evidence", [])
    if not isinstance(evidence, list) or not all(isinstance(e, str) for e in evidence):
        fail("evidence", _("a list of texts"))
    links_to = entry.get("links_to", "")
    if links_to and links_to not in PAGES:
        fail("links_to", _("unknown page “{page}”").format(page=links_to))
    done_when = entry.get("done_when", "")
    if done_when and done_when not in {f.name for f in FACTS if f.kind is Kind.YES_NO}:
        fail("done_when", _("unknown fact “{fact}”").format(fact=done_when))
    rules = {key: _rule(entry, key, where, problems) for key in ("applies_when", "check_when")}
    problems += _figure_problems(entry, where)
    if problems:
        return None, problems
    assert isinstance(area, str) and isinstance(source, str)
    return (
        Item(
            id=item_id,
            area=Area(area),
            title=entry["title"].strip(),
            asks=entry["asks"].strip(),
            why=entry["why"].strip(),
            source=source,
            checked=checked,
            applies_when=rules["applies_when"],
            check_when=rules["check_when"],
            not_applicable_because=entry.get("not_applicable_because", "").strip(),
            guidance=entry.get("guidance", "").strip(),
            evidence=tuple(evidence),
            renews_months=renews,
            links_to=links_to,
            done_when=done_when,
            credit=entry.get("credit", ""),
            file=file,
            verified=verified,
            source_note=source_note,
        ),
        [],
    )


def _checked(
    entry: dict[str, Any], fail: Callable[[str, str], None]
) -> tuple[date | None, bool, str]:
    """The date the item was checked against its source, or, for `verified = false`, no date
    and a `source_note` saying why it could not be confirmed (a date is never guessed)."""
    verified = entry.get("verified", True)
    note = entry.get("source_note", "")
    checked = entry.get("checked")
    if not isinstance(verified, bool):
        fail("verified", _("true or false"))
        return None, True, ""
    if not isinstance(note, str):
        fail("source_note", _("a text"))
        return None, verified, ""
    if verified:
        if not isinstance(checked, date):
            fail("checked", _("the date the item was checked against its source is required"))
        return checked if isinstance(checked, date) else None, True, note.strip()
    if checked is not None:
        fail("checked", _("an unverified item has no checked date; remove it or verify the item"))
    if not note.strip():
        fail("source_note", _("say why the source could not be confirmed"))
    return None, False, note.strip()


def _rule(entry: dict[str, Any], key: str, where: str, problems: list[Problem]) -> Rule | None:
    if key not in entry:
        return None
    lookup = figure_text.figure_lookup(rules_file.release_date())
    rule, found = parse_rule(entry[key], f"{where}.{key}", name_specs(), lookup)
    problems += found
    return rule


def _figure_problems(entry: dict[str, Any], where: str) -> list[Problem]:
    """Every `{figure}` a text quotes must be in the rules file."""
    problems = []
    for field in (*_TEXT_FIELDS, "guidance", "not_applicable_because"):
        text = entry.get(field, "")
        for key in figure_text.placeholders(text if isinstance(text, str) else ""):
            try:
                figure_text.find_figure(key, rules_file.release_date())
            except KeyError:
                problems.append(
                    Problem(
                        f"{where}.{field}",
                        _("quotes “{key}”, which the rules file does not hold").format(key=key),
                    )
                )
    return problems
