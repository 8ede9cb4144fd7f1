"""Progress on the checklist: status, renewals, due soon and overdue, readiness per area.

Readiness is done ÷ applicable: an item counts as applicable when its rule says it applies or
cannot decide ("check"), or a person marked it applicable anyway; it never counts when a person
marked it not applicable (with a reason). A done item whose renewal date has passed is overdue
and no longer counts as done.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from costready.compliance.applicability import Applicability, State
from costready.compliance.definitions import Area, Item
from costready.i18n import N_, _
from costready.problems import Problem

#: An item expiring within this many days is "due soon" (the issue's 60 days).
DUE_SOON_DAYS = 60
HUNDRED = Decimal(100)


class Status(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_APPLICABLE = "not_applicable"


STATUS_LABELS = {
    Status.NOT_STARTED: N_("Not started"),
    Status.IN_PROGRESS: N_("In progress"),
    Status.DONE: N_("Done"),
    Status.NOT_APPLICABLE: N_("Not applicable"),
}


@dataclass(frozen=True)
class Progress:
    """What a person recorded for one item of one organisation."""

    status: Status = Status.NOT_STARTED
    notes: str = ""
    checked_by: str = ""
    done_on: date | None = None
    renews_on: date | None = None  # entered; else worked out from done_on and the interval
    reason: str = ""  # why not applicable (required for that status)
    applicable_anyway: bool = False  # a person says it applies although the rules say not


def validate_progress(progress: Progress) -> list[Problem]:
    """Problems that stop `progress` being saved (each names its field)."""
    problems = []
    if progress.status is Status.NOT_APPLICABLE and not progress.reason.strip():
        problems.append(Problem("reason", _("Reason: say why this item does not apply to you")))
    if progress.status is Status.DONE and progress.done_on is None:
        problems.append(Problem("done_on", _("Date done: enter the date it was done")))
    if progress.done_on and progress.renews_on and progress.renews_on < progress.done_on:
        problems.append(Problem("renews_on", _("Renewal date: it cannot be before the date done")))
    return problems


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


@dataclass(frozen=True)
class Entry:
    """One item for one organisation: the item, whether it applies and why, and progress."""

    item: Item
    applicability: Applicability
    progress: Progress = field(default_factory=Progress)
    #: the app holds the evidence (a priced menu exists...), so the tip is done
    done_by_app: bool = False

    @property
    def applicable(self) -> bool:
        if self.progress.status is Status.NOT_APPLICABLE:
            return False
        return self.progress.applicable_anyway or self.applicability.state is not (
            State.DOES_NOT_APPLY
        )

    def renews_on(self) -> date | None:
        """The renewal or expiry date: entered, else the date done plus the item's interval."""
        if self.progress.renews_on is not None:
            return self.progress.renews_on
        if self.progress.done_on is not None and self.item.renews_months:
            return add_months(self.progress.done_on, self.item.renews_months)
        return None

    def overdue(self, today: date) -> bool:
        renews = self.renews_on()
        return self.applicable and renews is not None and renews < today

    def due_soon(self, today: date) -> bool:
        renews = self.renews_on()
        return (
            self.applicable
            and renews is not None
            and today <= renews <= today + timedelta(days=DUE_SOON_DAYS)
        )

    def done(self, today: date) -> bool:
        """Done and not expired (or the app holds the evidence)."""
        if self.done_by_app:
            return True
        return self.progress.status is Status.DONE and not self.overdue(today)

    def outstanding(self, today: date) -> bool:
        return self.applicable and not self.done(today)


@dataclass(frozen=True)
class Readiness:
    """Done and applicable counts; `percent` is None when nothing applies."""

    done: int
    applicable: int

    @property
    def percent(self) -> Decimal | None:
        if not self.applicable:
            return None
        return Decimal(self.done) * HUNDRED / Decimal(self.applicable)


def readiness(entries: Iterable[Entry], today: date) -> Readiness:
    """Done ÷ applicable over `entries` (not-applicable items are left out of both)."""
    applicable = [e for e in entries if e.applicable]
    return Readiness(sum(1 for e in applicable if e.done(today)), len(applicable))


def by_area(entries: Sequence[Entry], today: date) -> dict[Area, Readiness]:
    """Readiness per area, in the areas' order (areas with no items left out)."""
    areas: dict[Area, list[Entry]] = {}
    for entry in entries:
        areas.setdefault(entry.item.area, []).append(entry)
    return {area: readiness(areas[area], today) for area in Area if area in areas}


def due_soon(entries: Iterable[Entry], today: date) -> list[Entry]:
    """Applicable items whose renewal date falls in the next 60 days, soonest first."""
    return sorted((e for e in entries if e.due_soon(today)), key=_renewal)


def overdue(entries: Iterable[Entry], today: date) -> list[Entry]:
    """Applicable items whose renewal date has passed, oldest first."""
    return sorted((e for e in entries if e.overdue(today)), key=_renewal)


def _renewal(entry: Entry) -> date:
    return entry.renews_on() or date.max


def entries_for(
    items: Iterable[Item],
    states: Mapping[str, Applicability],
    progress: Mapping[str, Progress],
    facts: Mapping[str, object],
) -> list[Entry]:
    """An entry per item; a tip whose `done_when` fact is "yes" is done by the app."""
    return [
        Entry(
            item,
            states[item.id],
            progress.get(item.id, Progress()),
            bool(item.done_when) and facts.get(item.done_when) == "yes",
        )
        for item in items
    ]
