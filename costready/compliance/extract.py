"""A babel extractor for the checklist files: every text an item shows goes to the catalogue.

`babel.cfg` maps `resources/checklists/*.toml` to `extract_checklist`, so the README's
`pybabel extract -F babel.cfg ...` puts titles, questions, guidance and evidence in
`resources/locale/costready.pot` beside the Python strings; `Item.text` translates them.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

#: The item fields shown to people, each stripped as the loader strips them.
TEXT_FIELDS = ("title", "asks", "why", "guidance", "not_applicable_because", "credit")
LIST_FIELDS = ("evidence",)
NOTE_FIELDS = ("source_note",)


def checklist_texts(data: Mapping[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(item id, field, text) for every translatable text of a parsed checklist file."""
    for entry in data.get("item", []):
        if not isinstance(entry, dict):
            continue
        item_id = str(entry.get("id", ""))
        for field in (*TEXT_FIELDS, *NOTE_FIELDS):
            text = entry.get(field)
            if isinstance(text, str) and text.strip():
                yield item_id, field, text.strip()
        for field in LIST_FIELDS:
            for text in entry.get(field, []) or []:
                if isinstance(text, str) and text.strip():
                    yield item_id, field, text.strip()


def extract_checklist(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """Babel's extractor interface: (line, function name, message, comments) per text."""
    del keywords, comment_tags, options
    source = fileobj.read().decode("utf-8")
    lines = _id_lines(source)
    for item_id, field, text in checklist_texts(tomllib.loads(source)):
        yield lines.get(item_id, 1), None, text, [f"checklist {item_id} {field}"]


def _id_lines(source: str) -> dict[str, int]:
    """The line of each item's `id = "..."`, so the catalogue points at the item."""
    found = {}
    for number, line in enumerate(source.splitlines(), start=1):
        if match := re.match(r'\s*id\s*=\s*"([^"]+)"', line):
            found[match.group(1)] = number
    return found
