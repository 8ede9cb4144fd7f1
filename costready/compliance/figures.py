"""The rules file's figures as checklist text quotes them: `{vat_registration_threshold}`.

A key is a standing figure ("vat_registration_threshold"), a section's figure
("procurement.light_touch_threshold") or a tax year's figure ("year.minimum_hourly_21_and_over",
read for the tax year of the day asked about). Text never carries a copied number.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from costready import rules_file
from costready.compliance.rules import FigureLookup
from costready.money import format_number, format_percent
from costready.rules_file import Figure, Unit

YEAR_PREFIX = "year."
_PLACEHOLDER = re.compile(r"\{([a-z0-9_.]+)\}")


def find_figure(key: str, on: date) -> Figure:
    """The figure `key` in force on `on`; KeyError when the rules file has none."""
    if key.startswith(YEAR_PREFIX):
        return rules_file.year_figures(_tax_year(on))[key.removeprefix(YEAR_PREFIX)]
    if "." in key:
        section, name = key.split(".", 1)
        return rules_file.section_figure(section, name)
    return rules_file.standing_figures()[key]


def _tax_year(on: date) -> str:
    """The tax year of `on`, or the newest the file holds when it has none that late."""
    wanted = rules_file.tax_year_for(on)
    held = rules_file.tax_years()
    return wanted if wanted in held else max([y for y in held if y <= wanted] or held)


def figure_lookup(on: date) -> FigureLookup:
    """A lookup of figure values on `on`, for the rule engine's comparisons."""

    def value(key: str) -> Decimal:
        return find_figure(key, on).value

    return value


def format_figure(figure: Figure) -> str:
    """£90,000, £12.71, 30, 15%: how text quotes a figure (whole pounds without pence)."""
    if figure.unit is Unit.SHARE:
        return format_percent(figure.value)
    if figure.unit in (Unit.DAYS, Unit.WEEKS):
        return format_number(figure.value)
    return "£" + format_number(figure.value)


def placeholders(text: str) -> list[str]:
    """The figure keys `text` quotes."""
    return _PLACEHOLDER.findall(text)


def fill(text: str, on: date) -> str:
    """`text` with each `{key}` replaced by the figure in force on `on`."""
    return _PLACEHOLDER.sub(lambda match: format_figure(find_figure(match[1], on)), text)
