"""Every shipped checklist item loads and validates; broken files are refused by file and item."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from costready import rules_file
from costready.compliance.definitions import (
    Area,
    DefinitionError,
    item_by_id,
    load_items,
    shipped_items,
)
from costready.compliance.figures import format_figure

TODAY = date(2026, 12, 6)

GOOD = """
[[item]]
id = "TST-01"
area = "cqc"
title = "A title"
asks = "What it asks"
why = "Why it matters"
source = "https://www.gov.uk/x"
checked = 2026-11-23
applies_when = { name = "personal_care", is = "yes" }
"""


def _load(tmp_path: Path, text: str) -> DefinitionError:
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DefinitionError) as caught:
        load_items([path])
    return caught.value


def test_every_shipped_item_loads_with_its_source_and_date() -> None:
    items = shipped_items()
    assert len(items) >= 80
    assert len({i.id for i in items}) == len(items)
    for item in items:
        assert item.source.startswith("https://"), item.id
        if item.verified:
            assert item.checked is not None, item.id
            assert item.checked <= rules_file.release_date(), item.id
        else:  # nothing invented: no date, and a note saying what is known of the source
            assert item.checked is None and item.source_note, item.id
        for field in ("title", "asks", "why", "guidance", "not_applicable_because"):
            text = item.text(field, TODAY)
            assert "{" not in text, (item.id, field)


def test_every_area_and_both_tip_lists_are_covered() -> None:
    items = shipped_items()
    assert {i.area for i in items} == set(Area)
    ids = {i.id for i in items}
    for n in range(1, 11):
        assert f"CC-{n:02d}" in ids and f"PR-{n:02d}" in ids
    tips = [i for i in items if i.area is Area.TIPS]
    assert all("Community Catalysts" in t.credit or "Patricia Reilly" in t.credit for t in tips)


def test_a_good_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "good.toml"
    path.write_text(GOOD, encoding="utf-8")
    (item,) = load_items([path])
    assert item.id == "TST-01" and item.area is Area.CQC


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (('area = "cqc"', 'area = "astrology"'), "area"),
        (('name = "personal_care"', 'name = "likes_cake"'), "applies_when.name"),
        (('source = "https://www.gov.uk/x"\n', ""), "source"),
        (("checked = 2026-11-23\n", ""), "checked"),
        (('asks = "What it asks"', 'asks = "Pay {no_such_figure}"'), "asks"),
        (('is = "yes"', 'is = "perhaps"'), "applies_when.is"),
    ],
)
def test_a_broken_item_names_the_file_and_item(
    tmp_path: Path, change: tuple[str, str], field: str
) -> None:
    error = _load(tmp_path, GOOD.replace(*change))
    paths = [p.path for p in error.problems]
    assert any(p.startswith("broken.toml: TST-01") and field in p for p in paths), paths


def test_an_unverified_item_carries_a_note_and_no_date(tmp_path: Path) -> None:
    path = tmp_path / "unverified.toml"
    path.write_text(
        GOOD.replace("checked = 2026-11-23\n", 'verified = false\nsource_note = "Not found"\n'),
        encoding="utf-8",
    )
    (item,) = load_items([path])
    assert not item.verified and item.checked is None and item.source_note == "Not found"


@pytest.mark.parametrize(
    "change",
    [
        ("checked = 2026-11-23\n", "verified = false\n"),  # no note
        ("checked = 2026-11-23\n", 'checked = 2026-11-23\nverified = false\nsource_note = "x"\n'),
        ("checked = 2026-11-23\n", 'verified = "no"\n'),
    ],
)
def test_an_unverified_item_without_a_note_or_with_a_date_is_refused(
    tmp_path: Path, change: tuple[str, str]
) -> None:
    error = _load(tmp_path, GOOD.replace(*change))
    assert any(p.path.startswith("broken.toml: TST-01.") for p in error.problems)


def test_sources_not_confirmed_are_marked_not_dated() -> None:
    # links not in the reference notes that no copy could confirm: shown as "check the source"
    for item_id in ("CQC-12", "GOV-02", "PROC-09", "CC-01", "PR-10"):
        item = item_by_id(item_id)
        assert not item.verified and item.checked is None, item_id
    assert item_by_id("SAFE-02").verified


def test_a_rule_is_never_python(tmp_path: Path) -> None:
    error = _load(
        tmp_path, GOOD.replace('{ name = "personal_care", is = "yes" }', "\"__import__('os')\"")
    )
    assert "TST-01.applies_when" in error.problems[0].path


def test_figures_quoted_are_the_rules_files() -> None:
    # the VAT threshold, NI threshold, ICO fee and light touch threshold the checklist shows
    # are the data file's own figures
    vat = rules_file.standing_figures()["vat_registration_threshold"]
    assert format_figure(vat) in item_by_id("VAT-01").text("asks", TODAY)
    assert "£90,000" in item_by_id("VAT-01").text("asks", TODAY)
    ico = rules_file.section_figure("ico", "tier_1_fee")
    assert format_figure(ico) in item_by_id("DATA-01").text("asks", TODAY)
    light = rules_file.section_figure("procurement", "light_touch_threshold")
    assert format_figure(light) in item_by_id("PROC-03").text("asks", TODAY)
    nlw = rules_file.year_figures("2026-27")["minimum_hourly_21_and_over"]
    assert format_figure(nlw) == "£12.71"
    assert format_figure(nlw) in item_by_id("PAY-04").text("asks", TODAY)


def test_unverified_figures_are_not_quoted() -> None:
    # CQC fees and the Companies House fee are UNVERIFIED in the reference: the items send
    # the reader to the source instead of quoting an amount
    for item_id in ("CQC-12", "GOV-02"):
        text = item_by_id(item_id).text("asks", TODAY)
        assert "£" not in text


def test_every_page_a_tip_links_to_has_a_name() -> None:
    from costready.compliance.definitions import PAGE_LABELS, PAGES

    assert set(PAGE_LABELS) == PAGES
