"""Deliveries: units delivered, reserved by a draft invoice, then billed."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from costready.i18n import _
from costready.invoicing.billing import Delivery
from costready.storage.errors import StorageError
from costready.storage.models import ServiceRow
from costready.storage.models_invoicing import DeliveryRow


class DeliveryRepository:
    """The delivery log in the unit of work's session."""

    def __init__(self, session: Session):
        self.session = session

    def all(
        self,
        organisation_id: int,
        *,
        unbilled_only: bool = False,
        date_from: date | None = None,
        date_to: date | None = None,
    ) -> list[Delivery]:
        """Deliveries by day then id, optionally only those neither reserved nor billed."""
        query = select(DeliveryRow).where(DeliveryRow.organisation_id == organisation_id)
        if unbilled_only:
            query = query.where(DeliveryRow.draft_id.is_(None), DeliveryRow.invoice_id.is_(None))
        if date_from is not None:
            query = query.where(DeliveryRow.day >= date_from)
        if date_to is not None:
            query = query.where(DeliveryRow.day <= date_to)
        rows = self.session.scalars(query.order_by(DeliveryRow.day, DeliveryRow.id))
        return [_delivery(row) for row in rows]

    def get(self, delivery_id: int) -> Delivery:
        return _delivery(self._row(delivery_id))

    def organisation_id(self, delivery_id: int) -> int:
        return self._row(delivery_id).organisation_id

    def add(self, organisation_id: int, delivery: Delivery) -> Delivery:
        row = DeliveryRow(
            organisation_id=organisation_id,
            customer_id=delivery.customer_id,
            service_key=delivery.service_key,
            day=delivery.day,
            quantity=delivery.quantity,
            unit=delivery.unit,
            worker=delivery.worker,
            person_ref=delivery.person_ref,
            purchase_order=delivery.purchase_order,
            agreement=delivery.agreement,
            version=1,
        )
        self.session.add(row)
        self.session.flush()
        return _delivery(row)

    def delete(self, delivery_id: int) -> None:
        row = self._row(delivery_id)
        if row.draft_id is not None or row.invoice_id is not None:
            raise StorageError(
                _(
                    "This delivery is on an invoice (or a draft of one), so it cannot be "
                    "deleted; delete the draft first"
                )
            )
        self.session.delete(row)
        self.session.flush()

    def reserve(self, delivery_ids: Iterable[int], draft_id: int) -> None:
        """Mark unbilled deliveries as reserved by a draft."""
        ids = list(delivery_ids)
        if ids:
            self.session.execute(
                update(DeliveryRow)
                .where(DeliveryRow.id.in_(ids), DeliveryRow.draft_id.is_(None))
                .values(draft_id=draft_id)
            )

    def free(self, draft_id: int) -> None:
        """Release the deliveries a draft reserved (it is being deleted)."""
        self.session.execute(
            update(DeliveryRow)
            .where(DeliveryRow.draft_id == draft_id, DeliveryRow.invoice_id.is_(None))
            .values(draft_id=None)
        )

    def mark_billed(self, draft_id: int, day: date) -> None:
        """The deliveries reserved by `draft_id` are billed by it, issued on `day`."""
        self.session.execute(
            update(DeliveryRow)
            .where(DeliveryRow.draft_id == draft_id)
            .values(invoice_id=draft_id, billed_on=day)
        )

    def service_keys(self, organisation_id: int) -> set[str]:
        """The ids of the organisation's services (what a delivery may name)."""
        return set(
            self.session.scalars(
                select(ServiceRow.key).where(ServiceRow.organisation_id == organisation_id)
            )
        )

    def _row(self, delivery_id: int) -> DeliveryRow:
        row = self.session.get(DeliveryRow, delivery_id)
        if row is None:
            raise StorageError(_("There is no delivery with id {id}.").format(id=delivery_id))
        return row


def _delivery(row: DeliveryRow) -> Delivery:
    return Delivery(
        service_key=row.service_key,
        day=row.day,
        quantity=row.quantity,
        customer_id=row.customer_id,
        unit=row.unit,
        worker=row.worker,
        person_ref=row.person_ref,
        purchase_order=row.purchase_order,
        agreement=row.agreement,
        draft_id=row.draft_id,
        invoice_id=row.invoice_id,
        billed_on=row.billed_on,
        id=row.id,
        version=row.version,
    )
