"""Organisations: the records everything else in a workspace belongs to."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from costready.i18n import _
from costready.organisation import Organisation, validate_organisation
from costready.storage import convert, from_rows
from costready.storage.errors import InvalidData, StorageError
from costready.storage.models import OrganisationRow


class OrganisationRepository:
    """Organisations in the unit of work's session."""

    def __init__(self, session: Session):
        self.session = session

    def all(self) -> list[Organisation]:
        """Every organisation in the workspace, by name (each with its `id`)."""
        rows = self.session.scalars(
            select(OrganisationRow).order_by(OrganisationRow.name, OrganisationRow.id)
        )
        return [from_rows.organisation_from_row(row) for row in rows]

    def get(self, organisation_id: int) -> Organisation:
        return from_rows.organisation_from_row(self.row(organisation_id))

    def lock(self, organisation_id: int) -> Organisation:
        """The organisation, its row locked until the unit of work ends (SELECT ... FOR UPDATE).

        For writes that must not interleave within one organisation (numbering invoices): on
        PostgreSQL a second writer waits here; SQLite has no row locks, and its writing units
        of work already run one at a time (BEGIN IMMEDIATE).
        """
        row = self.session.scalars(
            select(OrganisationRow)
            .where(OrganisationRow.id == organisation_id)
            .with_for_update()
            .execution_options(populate_existing=True)  # what the lock holder saved, not a cache
        ).first()
        if row is None:
            raise missing_organisation(organisation_id)
        return from_rows.organisation_from_row(row)

    def save(self, org: Organisation) -> Organisation:
        """Insert (id None) or update; validated first (InvalidData listing the problems)."""
        problems = validate_organisation(org)
        if problems:
            raise InvalidData(problems)
        fields = convert.organisation_fields(org)
        if org.id is None:
            row = OrganisationRow(**fields)
            self.session.add(row)
        else:
            row = self.row(org.id)
            for name, value in fields.items():
                setattr(row, name, value)
        self.session.flush()
        return from_rows.organisation_from_row(row)

    def delete(self, organisation_id: int) -> None:
        """Remove the organisation and everything of it (scenarios, services, price lists...)."""
        self.session.delete(self.row(organisation_id))
        self.session.flush()

    def row(self, organisation_id: int) -> OrganisationRow:
        """The stored row (for other repositories of the same unit of work)."""
        row = self.session.get(OrganisationRow, organisation_id)
        if row is None:
            raise missing_organisation(organisation_id)
        return row


def missing_organisation(organisation_id: int) -> StorageError:
    return StorageError(_("There is no organisation with id {id}.").format(id=organisation_id))
