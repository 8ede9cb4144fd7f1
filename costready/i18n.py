"""gettext for every user-visible string; en_GB is the source language."""

from __future__ import annotations

import gettext as _gettext

from costready.paths import resource

DOMAIN = "costready"
_translation: _gettext.NullTranslations = _gettext.NullTranslations()
_locale = "en_GB"


def install(locale: str = "en_GB") -> None:
    """Switch the catalog (e.g. to `cy` once Welsh exists); en_GB falls back to the source text."""
    global _translation, _locale
    _locale = locale
    _translation = _gettext.translation(
        DOMAIN, localedir=str(resource("locale")), languages=[locale], fallback=True
    )


def current_locale() -> str:
    """The locale the app's words are shown in ("en_GB", "cy"...)."""
    return _locale


def _(message: str) -> str:
    """Translate a user-visible string."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a string that depends on a count."""
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated where it is shown."""
    return message
