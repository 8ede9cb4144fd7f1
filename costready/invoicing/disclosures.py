"""What every invoice must say about who sends it (company and charity disclosures, VAT)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from costready.i18n import _
from costready.organisation import LegalForm, Organisation
from costready.problems import Problem
from costready.rules_file import section_figure

#: Legal forms that are companies under the Companies Act 2006 (the 2015 disclosure rules).
COMPANY_FORMS = frozenset({LegalForm.CIC, LegalForm.COMPANY_LIMITED_BY_GUARANTEE})


@dataclass(frozen=True)
class SenderExtras:
    """What the disclosures need beyond the profile: the charity's gross income in its last
    financial year (None when not known: the statement is then always printed)."""

    gross_income: Decimal | None = None


def is_company(organisation: Organisation) -> bool:
    """A company (a CIC or a company limited by guarantee) for the 2015 disclosure rules."""
    return organisation.legal_form in COMPANY_FORMS


def charity_statement_required(organisation: Organisation, extras: SenderExtras) -> bool:
    """Charities Act 2011 s.39: a registered charity whose gross income last year exceeded
    £10,000 (rules file) states that it is a registered charity on invoices and receipts."""
    if not organisation.registered_charity:
        return False
    if extras.gross_income is None:
        return True  # not known: saying so is always allowed, and safe
    return extras.gross_income > charity_income_threshold()


def charity_income_threshold() -> Decimal:
    """Charities Act 2011 s.39's income threshold, from the rules file."""
    return section_figure("disclosures", "charity_income").value


def sender_problems(
    organisation: Organisation, extras: SenderExtras | None = None
) -> list[Problem]:
    """What stops issuing until the profile holds it, each naming the field: a company's
    registered name, number, place of registration and registered office (Company, LLP and
    Business (Names and Trading Disclosures) Regulations 2015, regs 20-25); a registered
    charity's number (Charities Act 2011 s.39); the VAT number when VAT registered (VAT
    Regulations 1995 reg 14)."""
    problems = []
    if not organisation.name.strip():
        problems.append(Problem("name", _("Name: enter the organisation's name")))
    if is_company(organisation):
        required = (
            ("company_number", organisation.company_number, _("Company number")),
            (
                "place_of_registration",
                organisation.place_of_registration,
                _("Place of registration"),
            ),
            ("registered_office", organisation.registered_office, _("Registered office")),
        )
        for path, value, label in required:
            if not value.strip():
                problems.append(
                    Problem(
                        path,
                        _(
                            "{field}: a company's invoices must show it (trading disclosure "
                            "regulations 2015); add it on the Organisation page, under On invoices"
                        ).format(field=label),
                    )
                )
    if organisation.registered_charity and not organisation.charity_number.strip():
        problems.append(
            Problem(
                "charity_number",
                _(
                    "Charity number: a registered charity's invoices state its registration; "
                    "add the number on the Organisation page"
                ),
            )
        )
    if organisation.vat_registered and not organisation.vat_number.strip():
        problems.append(
            Problem(
                "vat_number",
                _("VAT number: a VAT invoice must show it; add it on the Organisation page"),
            )
        )
    return problems


def sender_lines(organisation: Organisation, extras: SenderExtras | None = None) -> list[str]:
    """The footer lines a document prints about its sender, translated (company details,
    charity statement, VAT number)."""
    extras = extras or SenderExtras()
    lines = []
    if is_company(organisation):
        registered = _("Registered in {place}, company number {number}").format(
            place=organisation.place_of_registration.strip(),
            number=organisation.company_number.strip(),
        )
        lines.append(f"{organisation.name.strip()}. {registered}.")
        office = ", ".join(
            part.strip() for part in organisation.registered_office.splitlines() if part.strip()
        )
        if office:
            lines.append(_("Registered office: {address}").format(address=office))
        if organisation.legal_form is LegalForm.CIC:
            lines.append(_("A community interest company"))
    if charity_statement_required(organisation, extras):
        lines.append(
            _("Registered charity number {number}").format(
                number=organisation.charity_number.strip()
            )
        )
    if organisation.vat_registered and organisation.vat_number.strip():
        lines.append(_("VAT registration number {number}").format(number=organisation.vat_number))
    return lines
