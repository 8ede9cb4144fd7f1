"""The help pages shipped in `resources/help/` (Markdown), shown offline in a text browser."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from costready.i18n import current_locale
from costready.paths import resource

SOURCE_LOCALE = "en_GB"


def help_file(name: str, locale: str | None = None) -> Path:
    """The help page `name` ("getting-started.md") in `locale` (by default the app's), or in
    en_GB while that language has no translation of it."""
    translated = resource("help", locale or current_locale(), name)
    return translated if translated.is_file() else resource("help", SOURCE_LOCALE, name)


class HelpDialog(QDialog):
    """One help page, readable while the window stays usable (not modal)."""

    def __init__(self, title: str, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(640, 560)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(title)
        self.browser.setOpenLinks(False)  # offline: nothing to follow
        self.browser.setMarkdown(help_file(name).read_text(encoding="utf-8"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
