"""Price lists after adoption: withdrawing one before it takes effect."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from costready.costing.price_lists import PriceList, withdrawal_problems
from costready.costing.results import CostingError

if TYPE_CHECKING:
    from costready.storage.workspace import Workspace


def withdraw(
    workspace: Workspace, organisation_id: int, price_list_id: int, today: date | None = None
) -> PriceList:
    """Withdraw an adopted price list whose effective date is still to come.

    The list stays in the history marked withdrawn (never deleted) and is never in force.
    CostingError names why when it cannot be (already in force or withdrawn). Read, checked
    and marked in one writing unit of work, the organisation locked as adoption locks it, so
    an adoption and a withdrawal never cross.
    """
    today = today or date.today()
    with workspace.writing() as uow:
        uow.organisations.lock(organisation_id)
        price_list = uow.price_lists.get(organisation_id, price_list_id)
        problems = withdrawal_problems(price_list, today)
        if problems:
            raise CostingError(problems)
        return uow.price_lists.withdraw(organisation_id, price_list_id, today)
