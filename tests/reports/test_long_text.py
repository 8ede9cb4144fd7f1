"""Long names and descriptions wrap or split across pages and never stop a document: at the
input bounds (names, units and roles 200 characters, descriptions 2,000) and far beyond them."""

from __future__ import annotations

import time
import unicodedata
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from costready.costing.model import Scenario
from costready.costing.results import ScenarioResult
from costready.organisation import Organisation
from costready.reports import fonts
from costready.reports.costing_report import write_costing_report
from costready.reports.price_list import entries_from_result, write_price_list
from tests.reports.builders import example_result, example_scenario, make_organisation, pdf_text

NAME_BOUND = 200
DESCRIPTION_BOUND = 2000
#: Seconds a document may take even for text far past the bounds (each takes well under one
#: here; the 10 MB description that failed after 105 s now takes about half a second).
SECONDS = 10.0
#: Each text is numbered words ("Tŷ0001 Tŷ0002 ..."), so a test can find every word of it even
#: where pypdf reads the lines of a table's cells side by side.
WORDS = {
    "welsh": "Tŷ",
    "mixed": "Gŵyl社区خدمة🎉Łódź",
    "chinese": "社区服务",
}


def text(length: int, word: str, joiner: str = " ") -> str:
    """Numbered words `length` characters long in all (the last one may be cut)."""
    size = len(word) + 4 + len(joiner)
    return joiner.join(f"{word}{i % 10000:04d}" for i in range(length // size + 1))[:length]


def words_of(value: str) -> list[str]:
    """The whole words of `text` (the last may be cut, so it is left out)."""
    return value.split()[:-1]


def typed(
    name_length: int, description_length: int, words: str, joiner: str = " "
) -> tuple[Organisation, Scenario, ScenarioResult]:
    """The example with every service's name, unit and description, every post's role and the
    organisation's name this long."""
    name = text(name_length, words, joiner)
    scenario = example_scenario(name)
    scenario = replace(
        scenario,
        name=name,
        services=tuple(
            replace(s, unit=name, description=text(description_length, words, joiner))
            for s in scenario.services
        ),
        staff=tuple(replace(p, role=name) for p in scenario.staff),
    )
    result = example_result(name)
    result = replace(
        result,
        scenario_name=name,
        services=tuple(replace(s, unit=name) for s in result.services),
        posts=tuple(replace(p, role=name) for p in result.posts),
    )
    return replace(make_organisation(), name=name), scenario, result


def squeezed(value: str) -> str:
    """Text without whitespace: wrapping adds line breaks and a reader's spaces vary."""
    return "".join(value.split())


def write_both(
    tmp_path: Path, name_length: int, description_length: int, words: str, joiner: str = " "
) -> str:
    org, scenario, result = typed(name_length, description_length, words, joiner)
    started = time.perf_counter()
    write_price_list(
        tmp_path / "prices.pdf",
        org,
        entries_from_result(scenario, result),
        date(2026, 4, 1),
        draft=False,
    )
    write_costing_report(tmp_path / "report.pdf", org, scenario, result)
    assert time.perf_counter() - started < SECONDS
    return pdf_text(tmp_path / "prices.pdf") + pdf_text(tmp_path / "report.pdf")


@pytest.mark.parametrize("words", ["welsh", "chinese", "mixed"])
def test_text_at_the_bounds_prints_in_full(tmp_path: Path, words: str) -> None:
    read = write_both(tmp_path, NAME_BOUND, DESCRIPTION_BOUND, WORDS[words])
    printed = set(_tokens(read))
    assert set(words_of(copied(text(DESCRIPTION_BOUND, WORDS[words])))) <= printed
    assert "charactersinall" not in squeezed(read)


def copied(value: str) -> str:
    """As a reader compares it: Arabic's joined forms folded back (pypdf returns them)."""
    return unicodedata.normalize("NFKC", value)


def _tokens(read: str) -> list[str]:
    return copied(read).split()


@pytest.mark.parametrize(
    ("name_length", "description_length", "words"),
    [
        (1000, 5400, "welsh"),
        (1000, 20000, "mixed"),
        (20000, 20000, "chinese"),
    ],
)
def test_text_past_the_bounds_never_stops_a_document(
    tmp_path: Path, name_length: int, description_length: int, words: str
) -> None:
    read = write_both(tmp_path, name_length, description_length, WORDS[words])
    assert f"[{description_length:,}charactersinall]" in squeezed(read)  # cut, and says so
    printed = set(_tokens(read))
    shown = words_of(copied(text(fonts.MAX_CHARS, WORDS[words])))
    assert set(shown[:-2]) <= printed  # all of it up to the cut


def test_one_word_longer_than_a_line_is_split_by_width(tmp_path: Path) -> None:
    read = write_both(tmp_path, 1000, 5400, "x", joiner="")  # "x0000x0001x0002..."
    assert "x0000x0001x0002x0003" in read
    assert "[5,400charactersinall]" in squeezed(read)


def test_a_description_of_ten_megabytes_prints_its_start_quickly(tmp_path: Path) -> None:
    org, scenario, result = typed(50, 0, WORDS["welsh"])
    huge = (text(5000, WORDS["welsh"]) + " Tŷ " * 2_500_000)[:10_000_000]  # made quickly
    scenario = replace(
        scenario, services=tuple(replace(s, description=huge) for s in scenario.services)
    )
    started = time.perf_counter()
    target = tmp_path / "prices.pdf"
    entries = entries_from_result(scenario, result)
    write_price_list(target, org, entries, date(2026, 4, 1), draft=False)
    assert time.perf_counter() - started < SECONDS
    assert "[10,000,000charactersinall]" in squeezed(pdf_text(target))
    assert len(PdfReader(str(target)).pages) < 20


def test_a_row_taller_than_a_page_splits_across_pages(tmp_path: Path) -> None:
    org, scenario, result = typed(40, 0, WORDS["welsh"])
    tall = text(DESCRIPTION_BOUND, WORDS["welsh"], joiner="\n")  # a word a line
    scenario = replace(
        scenario, services=tuple(replace(s, description=tall) for s in scenario.services)
    )
    target = tmp_path / "prices.pdf"
    write_price_list(
        target, org, entries_from_result(scenario, result), date(2026, 4, 1), draft=False
    )
    assert len(PdfReader(str(target)).pages) > 3  # each description is taller than a page
    assert set(words_of(tall)) <= set(pdf_text(target).split())
