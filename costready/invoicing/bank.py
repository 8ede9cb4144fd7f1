"""UK bank details printed on every invoice (account name, sort code, account number).

python-stdnum has no UK sort-code or account-number module, and modulus checking needs the
banks' own weight tables (Vocalink), so the checks here are the plain shape: 6 and 8 digits."""

from __future__ import annotations

from dataclasses import dataclass

from costready.i18n import _
from costready.money import TextBound
from costready.problems import Problem

#: The account holder's name as the bank has it (BACS shows 18 characters; banks keep more).
ACCOUNT_NAME = TextBound(140)


@dataclass(frozen=True)
class BankDetails:
    """Where to pay: the payment reference printed beside them is the invoice number."""

    account_name: str = ""
    sort_code: str = ""
    account_number: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.account_name or self.sort_code or self.account_number)


def normalise(details: BankDetails) -> BankDetails:
    """Spaces and dashes typed in the numbers removed; the sort code kept as 6 digits."""
    return BankDetails(
        account_name=details.account_name.strip(),
        sort_code=_compact(details.sort_code),
        account_number=_compact(details.account_number),
    )


def _compact(text: str) -> str:
    return "".join(character for character in text if character not in _SEPARATORS)


#: What people type between digits: spaces, hyphens and dashes.
_SEPARATORS = frozenset(" -\u2010\u2011\u2012\u2013\u2014\t")


def format_sort_code(sort_code: str) -> str:
    """A sort code as printed: NN-NN-NN (as typed when it is not 6 digits)."""
    compact = _compact(sort_code)
    if len(compact) == 6 and compact.isascii() and compact.isdigit():
        return f"{compact[:2]}-{compact[2:4]}-{compact[4:]}"
    return sort_code


def validate_bank(details: BankDetails) -> list[Problem]:
    """Problems with bank details: an account name, a 6-digit sort code, an 8-digit account
    number (spaces and dashes allowed when typed). All empty is fine (none given)."""
    if details.is_empty:
        return []
    problems = []
    name_refusal = ACCOUNT_NAME.refusal(details.account_name, _("Account name"))
    if not details.account_name.strip():
        name_refusal = _("Account name: enter the name the account is held in")
    if name_refusal is not None:
        problems.append(Problem("account_name", name_refusal))
    if not _digits(details.sort_code, 6):
        problems.append(Problem("sort_code", _("Sort code: give 6 digits, such as 12-34-56")))
    if not _digits(details.account_number, 8):
        problems.append(
            Problem("account_number", _("Account number: give 8 digits, such as 12345678"))
        )
    return problems


def _digits(text: str, count: int) -> bool:
    compact = _compact(text)
    return len(compact) == count and compact.isascii() and compact.isdigit()
