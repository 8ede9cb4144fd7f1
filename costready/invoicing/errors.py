"""InvoicingError: what the user must fix before an invoicing action can go ahead."""

from __future__ import annotations

from costready.problems import Problem


class InvoicingError(ValueError):
    """An invoicing action was refused; `problems` names every field and what is wrong."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))
