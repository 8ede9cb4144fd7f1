"""The PDFs' shipped fonts, loaded into Qt so the on-screen chart draws in the same face.

The chart's SVG names "DejaVu Sans" (and, for characters it lacks, "Droid Sans Fallback" or
"Symbola"), as the PDFs embed them. A machine without them would draw the chart in another
face, so Qt is given the shipped files: each family the first time a chart names it, never at
start-up (the window paints first).
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from costready.paths import resource

#: The family an SVG names -> the shipped files that provide it (resources/fonts/).
FAMILY_FILES = {
    "DejaVu Sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    "Droid Sans Fallback": ("DroidSansFallbackFull.ttf",),
    "Symbola": ("Symbola-emoji.ttf",),
}

_loaded: dict[str, bool] = {}


def load_family(family: str) -> bool:
    """Give Qt the shipped files of `family` (once); True when Qt now has that family."""
    if family not in _loaded:
        ids = [
            QFontDatabase.addApplicationFont(str(resource("fonts", name)))
            for name in FAMILY_FILES.get(family, ())
        ]
        _loaded[family] = any(font_id >= 0 for font_id in ids)
    return _loaded[family]


def load_fonts_named_in(svg: bytes) -> list[str]:
    """Load every shipped family that `svg` names; the families it names."""
    named = [family for family in FAMILY_FILES if family.encode() in svg]
    for family in named:
        load_family(family)
    return named
