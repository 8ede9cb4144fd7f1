"""The PDFs' fonts: DejaVu Sans, with a fallback font chosen for each character it lacks."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from typing import Any, TypeVar
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from costready.i18n import _
from costready.paths import resource

SANS = "CostReady-Sans"
SANS_BOLD = "CostReady-Sans-Bold"
CJK = "CostReady-CJK"
EMOJI = "CostReady-Emoji"

#: Every font by name, with its file in resources/fonts/ (README.md there: sources, licences).
FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    CJK: "DroidSansFallbackFull.ttf",
    EMOJI: "Symbola-emoji.ttf",
}
#: Where the main face has no glyph, the first of these that has one draws it. They are loaded
#: only when a document needs them (the CJK font is 4 MB and takes a fifth of a second).
FALLBACKS = (CJK, EMOJI)
#: What the same text is called on screen (the chart's SVG): fonts Qt finds or replaces.
SVG_FAMILIES = {
    SANS: {"family": "DejaVu Sans"},
    SANS_BOLD: {"family": "DejaVu Sans", "weight": "bold"},
    CJK: {"family": "Droid Sans Fallback"},
    EMOJI: {"family": "Symbola"},
}
#: Invisible characters that join or vary their neighbours (ZWJ in family emoji, the emoji
#: presentation selector): drawn in the run around them, never as a box of their own.
_JOINERS = {"\u200c", "\u200d", "\ufe0e", "\ufe0f"}
#: Past this many characters a text is shortened before layout (with a note saying so): input
#: is bounded below it (descriptions 2,000), and laying out megabytes would take minutes.
MAX_CHARS = 2500
#: A name, unit, role or label (bounded at 200 on input) is cut to this many characters.
NAME_CHARS = 300

Run = tuple[str, str]  # (font name, text)
T = TypeVar("T")


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map of a font subset (what a reader copies for each glyph), with
    characters past U+FFFF written as UTF-16 surrogate pairs as the PDF standard asks: reportlab
    4-5 writes <1F600>, which readers reject, so an emoji could not be copied or searched."""
    chars = [
        f"<{index:02X}> <{chr(code).encode('utf-16-be').hex().upper()}>"
        for index, code in enumerate(subset)
    ]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *chars,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


# reportlab looks the function up when it writes each subset, so this replaces it everywhere.
ttfonts.makeToUnicodeCMap = _to_unicode_cmap


@cache
def font(name: str) -> TTFont:
    """The TrueType font `name`, registered with reportlab (embedded and subsetted by it)."""
    loaded = TTFont(name, str(resource("fonts", FILES[name])))
    pdfmetrics.registerFont(loaded)
    # A face of its own family, so <b> inside its run keeps it rather than failing to map.
    bold = SANS_BOLD if name == SANS else name
    pdfmetrics.registerFontFamily(name, normal=name, bold=bold, italic=name, boldItalic=bold)
    return loaded


def register() -> None:
    """Load the main faces (the fallbacks load when a character needs them)."""
    font(SANS_BOLD)
    font(SANS)


@cache
def _glyphs(name: str) -> frozenset[int]:
    return frozenset(font(name).face.charToGlyph)


@lru_cache(maxsize=8192)
def _face_for(char: str, main: str) -> str:
    code = ord(char)
    if code in _glyphs(main) or char in "\n\r\t" or char in _JOINERS:
        return main
    for name in FALLBACKS:
        if code in _glyphs(name):
            return name
    return main  # no font has it: the main face's empty box marks the spot


def shortened(text: str, limit: int = MAX_CHARS, note: bool = True) -> str:
    """`text` cut to `limit` characters with an ellipsis (and, with `note`, how long it was)
    when it is longer."""
    if len(text) <= limit:
        return text
    tail = "…"
    if note:
        tail += " " + _("[{count} characters in all]").format(count=f"{len(text):,}")
    return text[:limit].rstrip() + tail


def clipped(item: T, *fields: str) -> T:
    """A copy of the dataclass `item` with each of `fields` (a name, unit, role...) cut to
    NAME_CHARS with an ellipsis; `item` itself when none is that long (the usual case)."""
    values: dict[str, Any] = {name: getattr(item, name) for name in fields}
    long = {
        name: shortened(value, NAME_CHARS, note=False)
        for name, value in values.items()
        if len(value) > NAME_CHARS
    }
    return dataclasses.replace(item, **long) if long else item  # type: ignore[type-var]


def _rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text if ord(c) >= 0x590)


def _shaper() -> Callable[[str, str], str] | None:
    """Arabic joining and right-to-left order (arabic-reshaper, python-bidi), if installed:
    a function of a line and its paragraph's direction ("L" or "R")."""
    try:
        import arabic_reshaper
        from bidi import get_display
    except ImportError:  # a build without them keeps the letters, in typed order
        return None
    return lambda line, base: str(get_display(arabic_reshaper.reshape(line), base_dir=base))


_SHAPE = _shaper()


def visual(text: str, cut: bool = True) -> str:
    """Text as it is drawn: composed (NFC, so ŵ is one glyph with its accent in place), cut to
    MAX_CHARS (unless already cut), with right-to-left runs joined and in display order, line
    by line."""
    text = unicodedata.normalize("NFC", shortened(text) if cut else text)
    if _SHAPE is None or text.isascii() or not _rtl(text):
        return text
    base = "R" if starts_right_to_left(text) else "L"  # every line in the paragraph's direction
    return "\n".join(_SHAPE(line, base) if _rtl(line) else line for line in text.split("\n"))


def reordered(text: str) -> bool:
    """True when `text` has right-to-left letters that visual() joins and reorders."""
    return _SHAPE is not None and not text.isascii() and _rtl(text)


def starts_right_to_left(text: str) -> bool:
    """True when the first letter with a direction is Arabic or Hebrew (the paragraph's
    direction, as the Unicode bidi algorithm finds it)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def broken_for_display(text: str, main: str, size: float, room: float) -> str:
    """`text` with its right-to-left lines broken, in typed order, to fit `room` points, so
    that each line can then be put in display order by itself: reordered after wrapping, a
    long Arabic paragraph would print its last words on its first line. The result is already
    cut to MAX_CHARS: give it to markup() with cut=False."""
    text = unicodedata.normalize("NFC", shortened(text)).replace("\r\n", "\n")
    out: list[str] = []
    for line in text.split("\n"):
        if not _rtl(line):
            out.append(line)  # wrapped by the paragraph as usual
            continue
        current = ""
        for word in line.split(" "):
            candidate = f"{current} {word}" if current else word
            if current and width(candidate, main, size) > room:
                out.append(current)
                candidate = word
            current = candidate
        out.append(current)
    return "\n".join(out)


def runs(text: str, main: str = SANS) -> Iterator[Run]:
    """`text` (already visual) in runs of one font each: `main` where it has the glyph."""
    if text.isascii():  # the main faces have every ASCII character
        if text:
            yield main, text
        return
    current, start = main, 0
    for index, char in enumerate(text):
        if char in _JOINERS or (char == " " and 32 in _glyphs(current)):
            continue  # stays in the run it sits in: fewer runs, faster layout
        name = _face_for(char, main)
        if name != current:
            if index > start:
                yield current, text[start:index]
            current, start = name, index
    if len(text) > start:
        yield current, text[start:]


def is_plain(text: str, main: str = SANS) -> bool:
    """True when `text` draws as it is, in `main` alone: no fallback, no reordering."""
    if text.isascii():
        return True
    return (
        unicodedata.is_normalized("NFC", text)
        and all(_face_for(c, main) == main for c in text)
        and not _rtl(text)
    )


def markup(text: str, main: str = SANS, cut: bool = True) -> str:
    """Paragraph markup for plain `text`: every run escaped (what a person typed is never read
    as markup), fallback runs in their own face, line breaks kept; `cut` as for visual()."""
    parts = []
    for name, run in runs(visual(text, cut).replace("\r\n", "\n"), main):
        safe = escape(run).replace("\n", "<br/>")
        parts.append(safe if name == main else f'<font face="{name}">{safe}</font>')
    return "".join(parts)


def width(text: str, main: str, size: float) -> float:
    """How wide `text` is drawn in `main` at `size`, each run in its own font."""
    return sum(pdfmetrics.stringWidth(run, name, size) for name, run in runs(visual(text), main))


@lru_cache(maxsize=256)  # a footer is fitted on every page
def fit(text: str, main: str, size: float, room: float) -> str:
    """`text`, shortened with an ellipsis if it needs to be, to fit in `room` points."""
    text = " ".join(text.split())  # one line
    if width(text, main, size) <= room:
        return text
    low, high = 0, min(len(text), int(room / (size * 0.2)) + 1)  # no glyph is narrower
    while low < high:  # the longest start that fits with its ellipsis
        middle = (low + high + 1) // 2
        if width(text[:middle].rstrip() + "…", main, size) <= room:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def draw(
    canvas: Canvas, x: float, y: float, text: str, main: str, size: float, anchor: str = "start"
) -> None:
    """Draw one line of `text` on a canvas, run by run; `anchor` is start, middle or end."""
    parts = list(runs(visual(text), main))
    total = sum(pdfmetrics.stringWidth(run, name, size) for name, run in parts)
    x -= {"start": 0.0, "middle": total / 2, "end": total}[anchor]
    for name, run in parts:
        canvas.setFont(name, size)
        canvas.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, name, size)
