"""The PDFs' fonts: runs by glyph coverage, markup never read from typed text, Welsh composed,
Arabic joined and ordered, long text cut."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.enums import TA_RIGHT
from reportlab.pdfbase.pdfmetrics import getRegisteredFontNames, stringWidth

from costready.paths import resource
from costready.reports import fonts, styles
from tests.reports.builders import pdf_text

AWKWARD = 'Tea & <Cake> "club" </para> <b>not bold <font face="Helvetica">社区</font>'


def test_every_font_file_ships_with_its_licence() -> None:
    folder = resource("fonts")
    for name in fonts.FILES.values():
        assert (folder / name).is_file(), name
    licences = {path.name for path in folder.glob("LICENSE-*")}
    assert {"LICENSE-DejaVu.txt", "LICENSE-Symbola.txt"} <= licences
    assert any("Droid" in name for name in licences)


def test_the_main_faces_are_registered_and_fallbacks_wait_until_needed() -> None:
    assert {fonts.SANS, fonts.SANS_BOLD} <= set(getRegisteredFontNames())
    assert styles.FONT == fonts.SANS and styles.FONT_BOLD == fonts.SANS_BOLD


def test_runs_follow_glyph_coverage() -> None:
    assert list(fonts.runs("Gŵyl Tŷ")) == [(fonts.SANS, "Gŵyl Tŷ")]
    assert list(fonts.runs("Tŷ 社区 🎉!")) == [
        (fonts.SANS, "Tŷ "),
        (fonts.CJK, "社区 "),  # a space stays in the run it sits in
        (fonts.EMOJI, "🎉"),
        (fonts.SANS, "!"),
    ]
    assert list(fonts.runs("", fonts.SANS_BOLD)) == []
    assert list(fonts.runs("Bold 社", fonts.SANS_BOLD)) == [
        (fonts.SANS_BOLD, "Bold "),
        (fonts.CJK, "社"),
    ]


def test_an_emoji_with_its_selector_and_joiner_is_one_run() -> None:
    family = "👩\u200d👩\u200d👧"
    assert [name for name, _run in fonts.runs(f"a {family}\ufe0f")] == [fonts.SANS, fonts.EMOJI]


def test_typed_markup_stays_literal_in_every_font() -> None:
    paragraph = styles.para(AWKWARD)
    assert paragraph.getPlainText() == AWKWARD
    assert 'face="CostReady-CJK"' in paragraph.text  # our run, around the escaped text
    assert "Helvetica" not in {frag.fontName for frag in paragraph.frags}


def test_welsh_typed_with_combining_accents_is_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Gŵyl Tŷ")
    assert decomposed != "Gŵyl Tŷ"
    assert styles.para(decomposed).getPlainText() == "Gŵyl Tŷ"
    assert styles.cell(decomposed, 400) == "Gŵyl Tŷ"


def test_arabic_is_joined_and_in_display_order() -> None:
    shown = fonts.visual("خدمة")
    assert all("\ufe70" <= char <= "\ufeff" for char in shown)  # joined forms
    assert unicodedata.normalize("NFKC", shown) == "ةمدخ"  # drawn right to left
    assert fonts.visual("Price list") == "Price list"


def test_text_past_the_limit_is_cut_with_a_note() -> None:
    assert fonts.shortened("abc", 5) == "abc"
    assert fonts.shortened("a" * 10, 5) == "aaaaa… [10 characters in all]"
    assert fonts.shortened("a" * 10, 5, note=False) == "aaaaa…"
    assert len(styles.para("x " * 1_000_000).getPlainText()) < fonts.MAX_CHARS + 40


@dataclass(frozen=True)
class Named:
    name: str
    unit: str = "hour"


def test_clipped_cuts_long_names_and_leaves_short_ones_alone() -> None:
    short = Named("Home support")
    assert fonts.clipped(short, "name", "unit") is short
    long = fonts.clipped(Named("n" * 1000), "name", "unit")
    assert long.name == "n" * fonts.NAME_CHARS + "…" and long.unit == "hour"


def test_fit_shortens_a_line_to_its_room() -> None:
    text = "Cymdeithas Gŵyl Tŷ 社区服务 " * 50
    fitted = fonts.fit(text, fonts.SANS, 8, 120)
    assert fitted.endswith("…") and fitted.startswith("Cymdeithas Gŵyl")
    assert fonts.width(fitted, fonts.SANS, 8) <= 120
    assert fonts.fit("Short", fonts.SANS, 8, 120) == "Short"


def test_width_measures_each_run_in_its_own_font() -> None:
    assert fonts.width("abc", fonts.SANS, 10) == stringWidth("abc", fonts.SANS, 10)
    assert fonts.width("社", fonts.SANS, 10) == stringWidth("社", fonts.CJK, 10)


ARABIC_TEXT = "مجتمع السلام للخدمة " + " ".join(["كلمة"] * 40) + " النهاية"


def test_right_to_left_text_is_broken_in_typed_order_before_reordering() -> None:
    broken = fonts.broken_for_display(ARABIC_TEXT, fonts.SANS, 9, 150)
    lines = broken.split("\n")
    assert len(lines) > 3
    assert " ".join(lines) == ARABIC_TEXT  # no word lost, none moved
    assert lines[0].startswith("مجتمع") and lines[-1].endswith("النهاية")
    assert all(fonts.width(line, fonts.SANS, 9) <= 150 for line in lines)
    assert fonts.broken_for_display("Plain text", fonts.SANS, 9, 10) == "Plain text"


def test_a_long_arabic_paragraph_prints_its_first_words_first(tmp_path: Path) -> None:
    target = tmp_path / "arabic.pdf"
    story = [styles.para(ARABIC_TEXT, "body"), styles.para("Mixed: " + ARABIC_TEXT, "body")]
    styles.build(target, story, title="T", author="A", footer="F")
    text = unicodedata.normalize("NFKC", pdf_text(target))
    first, last = text.index("مجتمع"), text.index("النهاية")
    assert first < last  # the opening words are on the first line, the last on the last
    paragraph = styles.para(ARABIC_TEXT, "body")
    assert paragraph.style.alignment == TA_RIGHT  # a right-to-left paragraph
    assert styles.para("Mixed: " + ARABIC_TEXT).style.alignment != TA_RIGHT
