"""An organisation's invoicing settings: bank details, payment link, terms, numbering."""

from __future__ import annotations

from dataclasses import dataclass

from costready.i18n import _
from costready.problems import Problem

from .bank import BankDetails, validate_bank
from .customers import REFERENCE, TERMS_MAX, TERMS_MIN
from .links import validate_template
from .peppol import participant_id_problems

#: Payment terms a new organisation starts with, in days.
DEFAULT_TERMS_DAYS = 30


@dataclass(frozen=True)
class InvoicingSettings:
    """How the organisation invoices. `link_template` "" means no payment link;
    `peppol_scheme`/`peppol_id` are the organisation's own Peppol participant id ("" none)."""

    bank: BankDetails | None = None
    link_template: str = ""
    default_terms_days: int = DEFAULT_TERMS_DAYS
    yearly_numbers: bool = False
    charge_late_payment: bool = False
    terms_text: str = ""
    peppol_scheme: str = ""
    peppol_id: str = ""


def validate_settings(settings: InvoicingSettings) -> list[Problem]:
    """Every problem with the settings, each naming its field."""
    problems = []
    if settings.bank is not None:
        problems += [
            Problem(f"bank.{problem.path}", problem.message)
            for problem in validate_bank(settings.bank)
        ]
    if settings.link_template.strip():
        problems += validate_template(settings.link_template)
    if not TERMS_MIN <= settings.default_terms_days <= TERMS_MAX:
        problems.append(
            Problem(
                "default_terms_days",
                _("Payment terms: give a number of days from {low} to {high}").format(
                    low=TERMS_MIN, high=TERMS_MAX
                ),
            )
        )
    for path, value, label in (
        ("peppol_scheme", settings.peppol_scheme, _("Peppol scheme")),
        ("peppol_id", settings.peppol_id, _("Peppol id")),
    ):
        refusal = REFERENCE.refusal(value, label)
        if refusal is not None:
            problems.append(Problem(path, refusal))
    problems += participant_id_problems(settings.peppol_scheme, settings.peppol_id)
    return problems
