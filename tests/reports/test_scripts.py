"""Every document prints every name: Welsh, Polish, Chinese, Arabic and emoji, read back as a
reader would copy them, from fonts embedded in the PDF."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from costready.organisation import Organisation
from costready.reports.costing_report import write_costing_report
from costready.reports.price_list import entries_from_result, write_price_list
from tests.reports.builders import example_result, example_scenario, make_organisation, pdf_text

WELSH = "Cymdeithas Gŵyl Tŷ"
WELSH_LETTERS = "ŴŶẀẂẄỲÝŸ ŵŷẁẃẅỳýÿ âêîôû ÂÊÎÔÛ äëïöü"
POLISH = "Łódź Żółć"
CHINESE = "社区服务"
ARABIC = "خدمة"
EMOJI = "🎉"  # not in DejaVu Sans: drawn from the emoji fallback
SMILE = "😀"  # in DejaVu Sans
NAME = f"{WELSH} {POLISH} {CHINESE} {ARABIC} {EMOJI} {SMILE}"
EVERY_SCRIPT = (WELSH, POLISH, CHINESE, ARABIC, EMOJI, SMILE)


def copied(text: str) -> str:
    """What a reader copies, compared as a person reads it: compatibility forms folded (pypdf
    returns Arabic in its joined presentation forms) and whitespace runs made one space."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _organisation() -> Organisation:
    return replace(
        make_organisation(),
        name=NAME,
        address=f"{WELSH_LETTERS}\nul. {POLISH} 5\n{CHINESE}中心 {ARABIC} {SMILE}",
    )


def _price_list(target: Path) -> None:
    entries = entries_from_result(example_scenario(NAME), example_result(NAME))
    write_price_list(target, _organisation(), entries, date(2026, 4, 1), draft=True)


def _costing_report(target: Path) -> None:
    # the report shows no address: the Welsh letters come in the scenario's name
    scenario = replace(example_scenario(NAME), name=WELSH_LETTERS)
    result = replace(example_result(NAME), scenario_name=WELSH_LETTERS)
    write_costing_report(target, _organisation(), scenario, result)


DOCUMENTS: dict[str, Callable[[Path], None]] = {
    "price list": _price_list,
    "costing report": _costing_report,
}


@pytest.fixture(scope="module", params=sorted(DOCUMENTS))
def document(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("scripts") / "document.pdf"
    DOCUMENTS[request.param](target)
    return target


def test_every_script_reads_back_as_typed(document: Path) -> None:
    text = copied(pdf_text(document))
    for words in EVERY_SCRIPT:
        assert copied(words) in text, words
    assert copied(WELSH_LETTERS) in text
    assert "■" not in text and "\ufffd" not in text


def test_welsh_comes_back_as_composed_letters(document: Path) -> None:
    # ŵ is one character (U+0175) in the PDF, not w followed by a loose accent
    raw = pdf_text(document)
    assert WELSH in raw
    assert "ŵ" in raw and "ŷ" in raw and "w\u0302" not in raw


def test_arabic_is_joined_for_display(document: Path) -> None:
    # drawn in the joined (final, medial, initial) forms an Arabic reader expects
    raw = pdf_text(document)
    assert any("\ufe70" <= char <= "\ufeff" for char in raw)


def _fonts(reader: PdfReader) -> list[DictionaryObject]:
    found: dict[int, DictionaryObject] = {}
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        stack = [resources]
        while stack:  # page fonts and the fonts of forms (the chart) on it
            res = stack.pop()
            for font in res.get("/Font", DictionaryObject()).get_object().values():
                found[id(font.get_object())] = font.get_object()
            for xobject in res.get("/XObject", DictionaryObject()).get_object().values():
                inner = xobject.get_object().get("/Resources")
                if inner is not None:
                    stack.append(inner.get_object())
    return list(found.values())


def test_fonts_are_embedded_subsets_with_no_base_fonts(document: Path) -> None:
    fonts = _fonts(PdfReader(str(document)))
    names = {str(font["/BaseFont"]) for font in fonts}
    assert not any("Helvetica" in name or "Times" in name for name in names), names
    for font in fonts:
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, font["/BaseFont"]  # the TrueType program is in the file
        assert "/ToUnicode" in font  # so a reader can copy the text
    families = {name.split("+", 1)[-1] for name in names}
    assert {"DejaVuSans", "DejaVuSans-Bold"} <= families
    assert any("Droid" in family for family in families)  # the Chinese
    assert any("Symbola" in family for family in families)  # the emoji
