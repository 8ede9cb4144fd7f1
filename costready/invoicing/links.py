"""Payment links built offline from a provider template (no API call, no secret stored)."""

from __future__ import annotations

from decimal import Decimal

from costready.i18n import N_
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
    raise NotImplementedError


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
    raise NotImplementedError


def link_for(
    template: str,
    amount_due: Decimal,
    reference: str,
    invoice_number: str,
    is_credit_note: bool,
    currency: str = "GBP",
) -> str | None:
    """The link to print or show, or None: no template, nothing due, or a credit note."""
    raise NotImplementedError
