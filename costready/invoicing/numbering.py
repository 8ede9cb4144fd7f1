"""Document numbers: the series (INV-0001, INV-2026-0001, CN-0001) and their format.

Storage allocates the next sequence inside the issuing transaction; this module only formats
and reads numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from costready.i18n import _
from costready.problems import Problem

from .documents import DocumentKind

#: Widths a series may use (digits of the sequence, zero-padded).
WIDTH_MIN, WIDTH_MAX = 1, 9
#: A prefix: letters, digits and - / _ . only (it travels in references and file names).
_PREFIX = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-/_.]{0,19}$")


@dataclass(frozen=True)
class NumberSeries:
    """One numbering series: `prefix` ("INV-"), yearly (the issue year after the prefix,
    sequences restart each year) or not, and the sequence's zero-padded width."""

    prefix: str
    yearly: bool = False
    width: int = 4


DEFAULT_SERIES = {
    DocumentKind.INVOICE: NumberSeries("INV-"),
    DocumentKind.CREDIT_NOTE: NumberSeries("CN-"),
}


def default_series(kind: DocumentKind, yearly: bool = False) -> NumberSeries:
    """The series a new organisation starts with for `kind` (INV- or CN-)."""
    return NumberSeries(DEFAULT_SERIES[kind].prefix, yearly)


def format_number(series: NumberSeries, sequence: int, year: int) -> str:
    """INV-0001, or INV-2026-0001 for a yearly series (`year` is then the issue date's year;
    ignored otherwise). A sequence wider than the width is written in full (INV-10000)."""
    if sequence < 1:
        raise ValueError("a sequence starts at 1")
    digits = f"{sequence:0{series.width}d}"
    return f"{series.prefix}{year}-{digits}" if series.yearly else f"{series.prefix}{digits}"


def parse_number(series: NumberSeries, number: str) -> tuple[int | None, int] | None:
    """(year or None, sequence) of a number in `series`, or None when it is not one of its."""
    if not number.startswith(series.prefix):
        return None
    rest = number[len(series.prefix) :]
    pattern = r"(\d{4})-(\d+)" if series.yearly else r"(\d+)"
    match = re.fullmatch(pattern, rest)
    if match is None:
        return None
    if series.yearly:
        return int(match.group(1)), int(match.group(2))
    return None, int(match.group(1))


def validate_series(series: NumberSeries) -> list[Problem]:
    """Problems with a series chosen at setup (prefix characters, width)."""
    problems = []
    if not _PREFIX.match(series.prefix):
        problems.append(
            Problem(
                "prefix",
                _(
                    "Number prefix: use 1 to 20 letters, digits or - / _ . "
                    "starting with a letter or digit (such as INV-)"
                ),
            )
        )
    if not WIDTH_MIN <= series.width <= WIDTH_MAX:
        problems.append(
            Problem(
                "width",
                _("Number width: give {low} to {high} digits").format(
                    low=WIDTH_MIN, high=WIDTH_MAX
                ),
            )
        )
    return problems
