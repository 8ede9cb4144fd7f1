"""Our organisation's profile (the one using CostReady) and its validation (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
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
    )
    problems = []
    for path, value, bound, label in fields:
        refusal = bound.refusal(value, label)
        if refusal is not None:
            problems.append(Problem(path, refusal))
    return problems


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
