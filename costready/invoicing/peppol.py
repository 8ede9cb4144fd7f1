"""Peppol participant ids: the check a GLN's digits must pass, wherever an id is typed or used."""

from __future__ import annotations

from costready.i18n import _
from costready.problems import Problem

#: The Peppol scheme (ICD) of a GS1 Global Location Number.
GLN_SCHEME = "0088"


def is_gln(value: str) -> bool:
    """True for 13 digits whose last is the GS1 check digit of the others (an EAN-13's: stdnum
    alone would also take 8, 12 or 14 digits, or spaces and hyphens among them)."""
    from stdnum import ean  # loaded when an id is checked, not with every form that may check

    return len(value) == 13 and value.isdigit() and ean.is_valid(value)


def participant_id_problems(scheme: str, value: str) -> list[Problem]:
    """Problems with a Peppol participant id as typed (a customer's or the organisation's own):
    an id needs its 4-digit scheme code (ICD), a scheme code needs its id, and a GLN its check
    digit. Paths `peppol_scheme` and `peppol_id`; none when both are empty."""
    scheme, value = scheme.strip(), value.strip()
    if value and not (len(scheme) == 4 and scheme.isdigit()):
        return [
            Problem(
                "peppol_scheme",
                _(
                    "Peppol scheme: give the 4-digit scheme code of the participant id "
                    "(such as 0088 for a GLN or 9932 for a UK VAT number)"
                ),
            )
        ]
    if scheme and not value:
        return [Problem("peppol_id", _("Peppol id: enter the id, or clear the scheme code"))]
    return gln_problems("peppol_id", scheme, value)


def gln_problems(path: str, scheme: str, value: str, owner: str = "") -> list[Problem]:
    """A Problem at `path` when `scheme` is a GLN's (0088) and `value` is not 13 digits with a
    matching GS1 check digit (PEPPOL-COMMON-R040); none for another scheme or no value.
    `owner` ("" on the owner's own form) names whose id it is where that is not plain.

    https://docs.peppol.eu/poacc/billing/3.0/rules/ubl-peppol/PEPPOL-COMMON-R040/
    """
    value = value.strip()
    if scheme.strip() != GLN_SCHEME or not value or is_gln(value):
        return []
    if owner:
        message = _(
            "Peppol id: {owner}'s GLN “{value}” is not a valid 13-digit GS1 number "
            "(its check digit does not match)"
        ).format(owner=owner, value=value)
    else:
        message = _("Peppol id: “{value}” is not a valid 13-digit GS1 number (check digit)").format(
            value=value
        )
    return [Problem(path, message)]
