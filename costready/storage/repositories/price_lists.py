"""Price lists: the prices an organisation adopted, each list kept as published."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from costready.costing.organisation_file import PortablePriceList
from costready.costing.price_lists import PriceList, PublishedService
from costready.costing.scenarios import ScenarioSummary
from costready.i18n import _
from costready.storage import from_rows
from costready.storage.checks import check_prices
from costready.storage.errors import InvalidData, StorageError
from costready.storage.models import PriceListEntryRow, PriceListRow


class PriceListRepository:
    """Price lists in the unit of work's session; a list is never changed once published."""

    def __init__(self, session: Session):
        self.session = session

    def all(self, organisation_id: int) -> list[PriceList]:
        """Every price list, newest effective date first (earlier ones are kept)."""
        rows = self.session.scalars(_price_lists(organisation_id))
        return [from_rows.price_list_from_row(row) for row in rows]

    def current(self, organisation_id: int, on: date) -> PriceList | None:
        """The list in force on `on`: of those not withdrawn, the latest effective_from <= on
        (ties: the newest made)."""
        row = self.session.scalars(
            _price_lists(organisation_id)
            .where(PriceListRow.effective_from <= on, PriceListRow.withdrawn_on.is_(None))
            .limit(1)
        ).first()
        return from_rows.price_list_from_row(row) if row is not None else None

    def get(self, organisation_id: int, price_list_id: int) -> PriceList:
        """One of the organisation's price lists; StorageError when it has no such list."""
        return from_rows.price_list_from_row(self._row(organisation_id, price_list_id))

    def withdraw(self, organisation_id: int, price_list_id: int, on: date) -> PriceList:
        """Mark the list withdrawn on `on`; it is kept (never deleted) and never in force.
        Whether it may be withdrawn is the domain's rule, checked by the caller."""
        row = self._row(organisation_id, price_list_id)
        row.withdrawn_on = on
        self.session.flush()
        return from_rows.price_list_from_row(row)

    def _row(self, organisation_id: int, price_list_id: int) -> PriceListRow:
        row = self.session.scalars(
            _price_lists(organisation_id).where(PriceListRow.id == price_list_id)
        ).first()
        if row is None:
            raise StorageError(_("There is no price list with id {id}.").format(id=price_list_id))
        return row

    def publish(
        self,
        scenario: ScenarioSummary,
        prices: Mapping[str, Decimal],
        effective_from: date,
        approved_by: str,
        approved_on: date,
        note: str = "",
        services: Mapping[str, PublishedService] | None = None,
    ) -> PriceList:
        """A new price list of `scenario`'s `prices`, each service kept as published."""
        problems = check_prices(prices, approved_by, effective_from, approved_on)
        if problems:
            raise InvalidData(problems)
        services = services or {}
        row = PriceListRow(
            organisation_id=scenario.organisation_id,
            scenario_id=scenario.id,
            scenario_name=scenario.name,
            effective_from=effective_from,
            approved_by=approved_by.strip(),
            approved_on=approved_on,
            note=note,
            entries=[
                _entry_row(index, key, price, services.get(key))
                for index, (key, price) in enumerate(prices.items())
            ],
        )
        self.session.add(row)
        self.session.flush()
        return from_rows.price_list_from_row(row)

    def restore(
        self,
        organisation_id: int,
        scenario_id: int | None,
        price_list: PortablePriceList,
    ) -> PriceList:
        """A price list read from an organisation file, kept as it was published: the same
        dates, approval, note, entries and the moment it was made (so the history keeps its
        order); `scenario_id` is the imported scenario that published it, if it still exists."""
        problems = check_prices(
            price_list.prices,
            price_list.approved_by,
            price_list.effective_from,
            price_list.approved_on,
        )
        if problems:
            raise InvalidData(problems)
        row = PriceListRow(
            organisation_id=organisation_id,
            scenario_id=scenario_id,
            scenario_name=price_list.scenario_name,
            effective_from=price_list.effective_from,
            approved_by=price_list.approved_by,
            approved_on=price_list.approved_on,
            note=price_list.note,
            created_at=price_list.created_at.astimezone(UTC).replace(tzinfo=None),
            entries=[
                _entry_row(index, key, price, price_list.services.get(key))
                for index, (key, price) in enumerate(price_list.prices.items())
            ],
        )
        self.session.add(row)
        self.session.flush()
        return from_rows.price_list_from_row(row)


def _entry_row(
    position: int, key: str, price: Decimal, service: PublishedService | None
) -> PriceListEntryRow:
    row = PriceListEntryRow(position=position, service_key=key, price=price)
    if service is not None:
        row.name, row.unit = service.name, service.unit
        row.description, row.vat = service.description, service.vat
    return row


def _price_lists(organisation_id: int) -> Select[Any]:
    return (
        select(PriceListRow)
        .where(PriceListRow.organisation_id == organisation_id)
        .options(selectinload(PriceListRow.entries))
        .order_by(
            PriceListRow.effective_from.desc(),
            PriceListRow.created_at.desc(),
            PriceListRow.id.desc(),
        )
    )
