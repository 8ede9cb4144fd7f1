"""UK bank details printed on every invoice (account name, sort code, account number)."""

from __future__ import annotations

from dataclasses import dataclass

from costready.problems import Problem


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
    raise NotImplementedError


def format_sort_code(sort_code: str) -> str:
    """A sort code as printed: NN-NN-NN (as typed when it is not 6 digits)."""
    raise NotImplementedError


def validate_bank(details: BankDetails) -> list[Problem]:
    """Problems with bank details: an account name, a 6-digit sort code, an 8-digit account
    number (spaces and dashes allowed when typed). All empty is fine (none given)."""
    raise NotImplementedError
