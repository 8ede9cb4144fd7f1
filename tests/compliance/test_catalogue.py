"""Checklist text from the TOML files reaches the gettext catalogue (`costready.pot`)."""

from __future__ import annotations

import io
import tomllib

from babel.messages.pofile import read_po

from costready.compliance.definitions import CHECKLISTS, shipped_items
from costready.compliance.extract import checklist_texts, extract_checklist
from costready.compliance.interview import QUESTIONS
from costready.paths import resource


def _catalogue_ids() -> set[str]:
    with resource("locale", "costready.pot").open("rb") as handle:
        return {m.id for m in read_po(handle) if isinstance(m.id, str)}


def test_every_checklist_title_question_and_guidance_is_in_the_catalogue() -> None:
    ids = _catalogue_ids()
    missing = []
    for path in sorted(resource(*CHECKLISTS).glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        missing += [
            f"{path.name}: {item_id}.{field}"
            for item_id, field, text in checklist_texts(data)
            if text not in ids
        ]
    # the interview's questions (Python strings) are there too
    missing += [q.name for q in QUESTIONS if q.prompt not in ids or q.short not in ids]
    assert not missing, "run the README's pybabel extract; missing: " + ", ".join(missing[:10])


def test_the_extractor_gives_every_shown_text_of_an_item_as_the_loader_reads_it() -> None:
    source = b"""
[[item]]
id = "TST-01"
area = "cqc"
title = "  A title  "
asks = "What it asks"
why = "Why"
evidence = ["A certificate"]
source = "https://www.gov.uk/x"
checked = 2026-11-23
"""
    found = list(extract_checklist(io.BytesIO(source), {}, (), {}))
    assert [(line, text) for line, _f, text, _c in found] == [
        (3, "A title"),
        (3, "What it asks"),
        (3, "Why"),
        (3, "A certificate"),
    ]
    assert found[0][3] == ["checklist TST-01 title"]


def test_every_loaded_title_is_a_catalogue_entry() -> None:
    # the loader's text (what Item.text translates) is the very text in the catalogue
    ids = _catalogue_ids()
    assert all(item.title in ids and item.asks in ids for item in shipped_items())
