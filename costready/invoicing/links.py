"""Payment links built offline from a provider template (no API call, no secret stored)."""

from __future__ import annotations

import re
from decimal import Decimal
from urllib.parse import quote, urlsplit

from costready.i18n import N_, _
from costready.money import format_number, plain, to_penny
from costready.problems import Problem

#: The placeholders a template may hold.
PLACEHOLDERS = ("amount", "reference", "invoice_number", "currency")
#: The longest template or link accepted.
MAX_LENGTH = 2_000

#: Example templates per provider (reference/invoicing.md 1d); the organisation replaces the
#: handle or link id with its own. Label, template.
PROVIDER_TEMPLATES: tuple[tuple[str, str], ...] = (
    (N_("PayPal.Me"), "https://paypal.me/YourHandle/{amount}"),
    (N_("Monzo.me"), "https://monzo.me/yourhandle/{amount}?d={reference}"),
    (
        N_("Stripe payment link"),
        "https://buy.stripe.com/your-link-id?client_reference_id={invoice_number}",
    ),
    (N_("Custom (your own page)"), "https://"),
)


def validate_template(text: str) -> list[Problem]:
    """Problems with a payment-link template: https only, a host, no user name or password in
    it, no spaces or control characters, only the known placeholders, at most 2,000
    characters."""
    if not text.strip():
        return [Problem("payment_link", _("Payment link: enter a link template"))]
    if len(text) > MAX_LENGTH:
        return [
            Problem(
                "payment_link",
                _("Payment link: at most {limit} characters (it has {count})").format(
                    limit=format_number(Decimal(MAX_LENGTH)),
                    count=format_number(Decimal(len(text))),
                ),
            )
        ]
    if any(character.isspace() or not character.isprintable() for character in text):
        return [
            Problem(
                "payment_link",
                _("Payment link: remove the spaces or control characters from the link"),
            )
        ]
    problems = [
        Problem(
            "payment_link",
            _("Payment link: {{{name}}} is not a placeholder CostReady fills; use {known}").format(
                name=name, known=", ".join(f"{{{known}}}" for known in PLACEHOLDERS)
            ),
        )
        for name in _placeholders(text)
        if name not in PLACEHOLDERS
    ]
    if _STRAY_BRACE.search(_PLACEHOLDER.sub("", text)):
        problems.append(
            Problem(
                "payment_link",
                _("Payment link: a brace { or } is not part of a placeholder such as {amount}"),
            )
        )
    return problems + _url_problems(_PLACEHOLDER.sub("x", text))


_PLACEHOLDER = re.compile(r"\{([A-Za-z_]*)\}")
_STRAY_BRACE = re.compile(r"[{}]")


def _placeholders(text: str) -> list[str]:
    return _PLACEHOLDER.findall(text)


def _url_problems(url: str) -> list[Problem]:
    """The URL with its placeholders filled by a sample value: https, a host, no user-info."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return [Problem("payment_link", _("Payment link: this is not a web address"))]
    if parts.scheme.lower() != "https":
        return [
            Problem(
                "payment_link",
                _("Payment link: only secure links starting with https:// are accepted"),
            )
        ]
    if "@" in parts.netloc:
        return [
            Problem(
                "payment_link",
                _("Payment link: a link may not hold a user name or password (before an @)"),
            )
        ]
    if not host or "." not in host:
        return [
            Problem(
                "payment_link",
                _("Payment link: give the site's name after https:// (such as paypal.me)"),
            )
        ]
    return []


def render_link(
    template: str,
    amount: Decimal,
    reference: str,
    invoice_number: str,
    currency: str = "GBP",
) -> str:
    """The link for one invoice: each placeholder replaced by its URL-encoded value; the
    amount (the balance due) as 12.34 (two places, a dot, no separators). ValueError when the
    template is not valid."""
    problems = validate_template(template)
    if problems:
        raise ValueError(problems[0].message)
    values = {
        "amount": amount_text(amount),
        "reference": reference,
        "invoice_number": invoice_number,
        "currency": currency,
    }
    # one pass, so a value that itself looks like a placeholder is never substituted again
    return _PLACEHOLDER.sub(lambda match: quote(values[match.group(1)], safe=""), template)


def amount_text(amount: Decimal) -> str:
    """12.34: two places (half-up), a dot, no separators or symbol."""
    return plain(to_penny(amount))


def link_for(
    template: str,
    amount_due: Decimal,
    reference: str,
    invoice_number: str,
    is_credit_note: bool,
    currency: str = "GBP",
) -> str | None:
    """The link to print or show, or None: no template, nothing due, or a credit note."""
    if not template.strip() or is_credit_note or amount_due <= 0:
        return None
    return render_link(template, amount_due, reference, invoice_number, currency)
