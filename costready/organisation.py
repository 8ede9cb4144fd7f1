"""Our organisation's profile (the one using CostReady) and its validation (no Qt)."""

from __future__ import annotations

import calendar
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from costready.i18n import N_, _
from costready.money import TextBound
from costready.problems import Problem

#: One-line names (the organisation's, and its services', posts' and cost lines'): 200
#: characters, the width the workspace keeps and a PDF heading can wrap.
NAME = TextBound(200)
#: Descriptions and the address: 2,000 characters, about a page of a price list.
DESCRIPTION = TextBound(2_000)
#: Registration numbers (charity, company, VAT): 50 characters, as the workspace keeps them.
REGISTRATION = TextBound(50)
#: A locale such as en_GB.
LOCALE = TextBound(20)
#: A telephone number as people write it ("0113 496 0000 (Mon–Fri)").
PHONE = TextBound(50)
#: How long a price list's prices hold, in months (0: until further notice); five years at most.
VALID_MONTHS_MOST = 60
#: A logo file: a PNG or JPEG of at most 500 KB, kept in the workspace (a price list's
#: letterhead needs a few hundred pixels, not a photograph).
LOGO_MOST_BYTES = 500_000
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"


class LegalForm(StrEnum):
    """Legal forms (reference/compliance-interview.md Q02); a registered charity is a flag."""

    CHARITY = "charity"  # unincorporated charitable association or trust
    CIO = "cio"
    CIC = "cic"
    COMPANY_LIMITED_BY_GUARANTEE = "company_limited_by_guarantee"
    COMMUNITY_BENEFIT_SOCIETY = "community_benefit_society"
    COOPERATIVE = "cooperative"
    UNINCORPORATED = "unincorporated"


LEGAL_FORM_LABELS = {
    LegalForm.CHARITY: N_("Charitable trust or association"),
    LegalForm.CIO: N_("Charitable incorporated organisation (CIO)"),
    LegalForm.CIC: N_("Community interest company (CIC)"),
    LegalForm.COMPANY_LIMITED_BY_GUARANTEE: N_("Company limited by guarantee"),
    LegalForm.COMMUNITY_BENEFIT_SOCIETY: N_("Community benefit society"),
    LegalForm.COOPERATIVE: N_("Co-operative"),
    LegalForm.UNINCORPORATED: N_("Unincorporated association"),
}


@dataclass(frozen=True)
class Organisation:
    """Name, legal form, registration numbers, address, VAT status, year start and locale."""

    name: str
    legal_form: LegalForm = LegalForm.CIO
    registered_charity: bool = False
    charity_number: str = ""
    company_number: str = ""
    address: str = ""
    vat_registered: bool = False
    vat_number: str = ""
    #: registered with the Care Quality Commission: a state-regulated provider, whose
    #: regulated welfare services are exempt from VAT (costing/vat.py)
    cqc_registered: bool = False
    financial_year_start: date = date(2026, 4, 1)  # the year part is ignored; day and month matter
    locale: str = "en_GB"
    #: what a commissioner reads on the price list: how to reach us, how to order and pay
    phone: str = ""
    email: str = ""
    website: str = ""
    terms: str = ""  # how to order, payment terms (a short paragraph)
    #: months a price list's prices hold from their effective date (0: no end date)
    prices_valid_months: int = 0
    logo: bytes = b""  # PNG or JPEG bytes; empty: no logo
    id: int | None = None  # the database id once saved
    #: the stored version this value was read at (an optimistic lock: a save against a newer
    #: one is refused); not part of equality, so an edited copy compares by its contents
    version: int | None = field(default=None, compare=False)
    #: a company's place of registration as invoices state it ("England and Wales", "Scotland",
    #: "Northern Ireland"): the 2015 trading disclosure regulations ask for it
    place_of_registration: str = ""
    #: a company's registered office address (multi-line), for the same regulations
    registered_office: str = ""
    #: the day VAT registration took effect (None: not known, taken as always); a document
    #: follows the status at its own tax point
    vat_registered_from: date | None = None


def is_charity(org: Organisation) -> bool:
    """A charity for VAT: a registered charity, or a charitable trust or CIO by its form."""
    return org.registered_charity or org.legal_form in (LegalForm.CHARITY, LegalForm.CIO)


def normalise_vat_number(number: str) -> str:
    """`gb 123 4567 89` -> `GB123456789` (the form printed on invoices)."""
    from stdnum.gb import vat as gb_vat

    compact = gb_vat.compact(number)
    return f"GB{compact}"


def is_valid_vat_number(number: str) -> bool:
    """True for a UK VAT number whose check digits match (GB 980 7806 84)."""
    # python-stdnum loads here, not at the top: ~20 ms that start-up does not need
    from stdnum.gb import vat as gb_vat

    return gb_vat.is_valid(number)


def validate_organisation(org: Organisation) -> list[Problem]:
    """Every problem with a profile, each naming the field and the fix."""
    problems = _lengths(org)
    if not org.name.strip():
        problems.append(Problem("name", _("Name: enter the organisation's name")))
    # a number kept while unregistered must be a real one too
    if org.vat_number.strip() and not is_valid_vat_number(org.vat_number):
        problems.append(
            Problem(
                "vat_number",
                _(
                    "VAT number: “{number}” is not a valid UK VAT number (GB and 9 digits, "
                    "with a check digit that matches)"
                ).format(number=org.vat_number),
            )
        )
    if org.registered_charity and not org.charity_number.strip():
        problems.append(
            Problem(
                "charity_number",
                _(
                    "Charity number: enter the registered charity number, "
                    "or untick “Registered charity”"
                ),
            )
        )
    problems += _contact_problems(org)
    if org.company_number and not _looks_like_company_number(org.company_number):
        problems.append(
            Problem(
                "company_number",
                _(
                    "Company number: “{number}” should be 8 characters, "
                    "such as 01234567 or SC123456"
                ).format(number=org.company_number),
            )
        )
    return problems


def _lengths(org: Organisation) -> list[Problem]:
    """Every text of the profile within its bound (the screens, model files and storage agree)."""
    fields = (
        ("name", org.name, NAME, _("Name")),
        ("charity_number", org.charity_number, REGISTRATION, _("Charity number")),
        ("company_number", org.company_number, REGISTRATION, _("Company number")),
        ("address", org.address, DESCRIPTION, _("Address")),
        ("vat_number", org.vat_number, REGISTRATION, _("VAT number")),
        ("locale", org.locale, LOCALE, _("Locale")),
        ("phone", org.phone, PHONE, _("Phone")),
        ("email", org.email, NAME, _("Email")),
        ("website", org.website, NAME, _("Website")),
        ("terms", org.terms, DESCRIPTION, _("Terms")),
    )
    return text_problems(fields)


def text_problems(fields: Iterable[tuple[str, str, TextBound, str]]) -> list[Problem]:
    """A Problem for each (path, value, bound, label) whose value is beyond its bound: the one
    check of typed lengths, for the profile and for the records that follow it (customers)."""
    problems = []
    for path, value, bound, label in fields:
        refusal = bound.refusal(value, label)
        if refusal is not None:
            problems.append(Problem(path, refusal))
    return problems


def _contact_problems(org: Organisation) -> list[Problem]:
    """The price list's contact details, months and logo, each naming the field and the fix."""
    problems = []
    email = org.email.strip()
    if email and not _looks_like_email(email):
        problems.append(
            Problem(
                "email",
                _("Email: “{email}” is not an email address (such as hello@example.org)").format(
                    email=email
                ),
            )
        )
    website = org.website.strip()
    if website and (" " in website or "." not in website):
        problems.append(
            Problem(
                "website",
                _("Website: “{site}” is not a web address (such as www.example.org)").format(
                    site=website
                ),
            )
        )
    if not 0 <= org.prices_valid_months <= VALID_MONTHS_MOST:
        problems.append(
            Problem(
                "prices_valid_months",
                _("Prices valid for: give 0 (no end date) to {most} months").format(
                    most=VALID_MONTHS_MOST
                ),
            )
        )
    logo = logo_problem(org.logo)
    if logo is not None:
        problems.append(Problem("logo", logo))
    return problems


def _looks_like_email(email: str) -> bool:
    local, at, domain = email.rpartition("@")
    return bool(at and local and "." in domain.strip(".")) and not any(c.isspace() for c in email)


def logo_problem(data: bytes) -> str | None:
    """Why `data` cannot be a logo (not a PNG or JPEG, too large, damaged), or None."""
    if not data:
        return None
    too_large = logo_too_large(len(data))
    if too_large is not None:
        return too_large
    if not data.startswith((PNG_SIGNATURE, JPEG_SIGNATURE)):
        return _("Logo: use a PNG or JPEG picture")
    if logo_size(data) is None:
        return _("Logo: the picture cannot be read; it may be damaged")
    return None


def logo_too_large(size: int) -> str | None:
    """The refusal of a logo file of `size` bytes, or None when it is small enough."""
    if size <= LOGO_MOST_BYTES:
        return None
    return _("Logo: the file is {size} KB; use one of at most {most} KB").format(
        size=-(-size // 1000), most=LOGO_MOST_BYTES // 1000
    )


def logo_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) in pixels of a PNG or JPEG that decodes whole, else None."""
    # Pillow (which reportlab brings) loads here: only a profile with a logo needs it
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in ("PNG", "JPEG"):
                return None
            image.load()  # decodes every pixel: a truncated file fails here
            width, height = image.size
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None
    return (width, height) if width and height else None


def valid_until(effective_from: date, months: int) -> date | None:
    """The last day prices from `effective_from` hold for `months` (0: None, no end date):
    the day before the same date `months` later (1 April 2026, 12 -> 31 March 2027)."""
    if months <= 0:
        return None
    total = effective_from.month - 1 + months
    year, month = effective_from.year + total // 12, total % 12 + 1
    last = calendar.monthrange(year, month)[1]
    if effective_from.day > last:  # 31 January, 1 month: to the end of February
        return date(year, month, last)
    return date(year, month, effective_from.day) - timedelta(days=1)


def _looks_like_company_number(number: str) -> bool:
    compact = number.replace(" ", "").upper()
    prefix_ok = compact[:2].isdigit() or compact[:2].isalpha()
    return len(compact) == 8 and compact[2:].isdigit() and prefix_ok


def start_organisation(organisations: list[Organisation], last_shown: str) -> int | None:
    """The organisation to open with: the one shown last if it still exists, else the first."""
    ids = [org.id for org in organisations]
    if not ids:
        return None
    return int(last_shown) if last_shown.isdigit() and int(last_shown) in ids else ids[0]
