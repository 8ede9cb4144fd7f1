"""What every invoice must say about who sends it (company and charity disclosures, VAT)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from costready.organisation import Organisation
from costready.problems import Problem


@dataclass(frozen=True)
class SenderExtras:
    """What the disclosures need beyond the profile: the charity's gross income in its last
    financial year (None when not known: the statement is then always printed)."""

    gross_income: Decimal | None = None


def is_company(organisation: Organisation) -> bool:
    """A company (a CIC or a company limited by guarantee) for the 2015 disclosure rules."""
    raise NotImplementedError


def charity_statement_required(organisation: Organisation, extras: SenderExtras) -> bool:
    """Charities Act 2011 s.39: a registered charity whose gross income last year exceeded
    £10,000 (rules file) states that it is a registered charity on invoices and receipts."""
    raise NotImplementedError


def sender_problems(
    organisation: Organisation, extras: SenderExtras | None = None
) -> list[Problem]:
    """What stops issuing until the profile holds it, each naming the field: a company's
    registered name, number, place of registration and registered office (Company, LLP and
    Business (Names and Trading Disclosures) Regulations 2015, regs 20-25); a registered
    charity's number (Charities Act 2011 s.39); the VAT number when VAT registered (VAT
    Regulations 1995 reg 14)."""
    raise NotImplementedError


def sender_lines(organisation: Organisation, extras: SenderExtras | None = None) -> list[str]:
    """The footer lines a document prints about its sender, translated (company details,
    charity statement, VAT number)."""
    raise NotImplementedError
