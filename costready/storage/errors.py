"""The storage package's errors: a failed save or load, and data refused before saving."""

from __future__ import annotations

from datetime import UTC, datetime

from costready.i18n import _
from costready.problems import Problem


class StorageError(RuntimeError):
    """A save or load failed; nothing was changed. The message says what and why."""


class InvalidData(ValueError):
    """Data refused before anything was written; `problems` names each field and the fix."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(problem.message for problem in problems))


class NameTaken(InvalidData):
    """A name that must be unique is already used; the problem names the field."""

    def __init__(self, path: str, message: str):
        super().__init__([Problem(path, message)])


class StaleRecord(StorageError):
    """A save refused because someone else saved the same record since it was read.

    Nothing was written. `what` names the record in words ("the scenario “Budget 2026-27”"),
    `changed_at` is when the newer version was saved (naive UTC; None if not known).
    """

    def __init__(self, what: str, changed_at: datetime | None):
        self.what = what
        self.changed_at = changed_at
        super().__init__(_stale_message(what, changed_at))


def _stale_message(what: str, changed_at: datetime | None) -> str:
    if changed_at is None:
        return _(
            "{what} was changed in another window or program since you opened it, so your "
            "change was not saved over it. Reload to see the saved version, then make your "
            "change again."
        ).format(what=what)
    from babel.dates import format_datetime

    local = changed_at.replace(tzinfo=UTC).astimezone()
    return _(
        "{what} was changed in another window or program at {when}, after you opened it, so "
        "your change was not saved over it. Reload to see the saved version, then make your "
        "change again."
    ).format(what=what, when=format_datetime(local, "short", locale="en_GB"))
