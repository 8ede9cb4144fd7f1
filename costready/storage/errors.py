"""The storage package's errors: a failed save or load, and data refused before saving."""

from __future__ import annotations

from costready.problems import Problem


class StorageError(RuntimeError):
    """A save or load failed; nothing was changed. The message says what and why."""


class InvalidData(ValueError):
    """Data refused before anything was written; `problems` names each field and the fix."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(problem.message for problem in problems))
