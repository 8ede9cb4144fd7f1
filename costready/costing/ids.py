"""Readable, unique ids made from names: the one rule for ids across CostReady."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable


def slug(name: str, fallback: str = "item") -> str:
    """“Day activities (Tues)” -> "day-activities-tues"; accents dropped (“Café” -> "cafe"),
    `fallback` when nothing readable is left."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    made = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    # a long name gives a short id: room left for "-2" within the id bound (100 characters)
    return made[:SLUG_LENGTH].strip("-") or fallback


#: The longest slug made from a name, leaving room for a "-2"… suffix within an id's bound.
SLUG_LENGTH = 80


def new_id(name: str, taken: Iterable[str], fallback: str = "item") -> str:
    """The slug of `name`, with -2, -3… added until it is not in `taken`
    (“Home support” -> "home-support", or "home-support-2" when that is taken)."""
    used = set(taken)
    base = slug(name, fallback)
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}-{number}", number + 1
    return candidate
