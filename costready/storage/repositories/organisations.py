"""Organisations: the records everything else in a workspace belongs to."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from costready.i18n import _
from costready.organisation import Organisation, validate_organisation
from costready.storage import convert, from_rows
from costready.storage.errors import InvalidData, NameTaken, StaleRecord, StorageError
from costready.storage.models import OrganisationRow, utc_now


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

        For writes that must not interleave within one organisation (saving a scenario,
        importing into it, adopting, numbering invoices): on PostgreSQL a second writer waits
        here; SQLite has no row locks, and its writing units of work already run one at a time
        (BEGIN IMMEDIATE). Taken first, before any other row, so writers never deadlock.
        """
        return from_rows.organisation_from_row(self.locked_row(organisation_id))

    def locked_row(self, organisation_id: int) -> OrganisationRow:
        """The stored row, locked as `lock` says and read afresh (what the last writer saved)."""
        row = self.session.scalars(
            select(OrganisationRow)
            .where(OrganisationRow.id == organisation_id)
            .with_for_update()
            .execution_options(populate_existing=True)  # what the lock holder saved, not a cache
        ).first()
        if row is None:
            raise missing_organisation(organisation_id)
        return row

    def save(self, org: Organisation) -> Organisation:
        """Insert (id None) or update; validated first (InvalidData listing the problems).

        An update read at an older version than the stored one (`org.version`; None: not
        checked) is refused with StaleRecord; a name another organisation has, in any case,
        with NameTaken. Nothing is written either way.
        """
        problems = validate_organisation(org)
        if problems:
            raise InvalidData(problems)
        fields = convert.organisation_fields(org)
        if org.id is None:
            self._refuse_taken(org.name, None)
            row = OrganisationRow(**fields, version=1, updated_at=utc_now())
            self._flush_unique(org.name, row)
            return from_rows.organisation_from_row(row)
        row = self.locked_row(org.id)
        if org.version is not None and org.version != row.version:
            raise StaleRecord(_("the organisation “{name}”").format(name=row.name), row.updated_at)
        if all(getattr(row, name) == value for name, value in fields.items()):
            return from_rows.organisation_from_row(row)  # nothing changed: no new version
        if row.name != org.name:
            self._refuse_taken(org.name, org.id)
        for name, value in fields.items():
            setattr(row, name, value)
        row.version += 1
        row.updated_at = utc_now()
        self._flush_unique(org.name, row)
        return from_rows.organisation_from_row(row)

    def name_taken(self, name: str, but: int | None = None) -> bool:
        """Whether another organisation (not `but`) is called `name`, ignoring case."""
        wanted = name.strip().casefold()
        query = select(OrganisationRow.id, OrganisationRow.name)
        if but is not None:
            query = query.where(OrganisationRow.id != but)
        # compared here rather than in SQL: casefold knows every alphabet, lower() may not
        return any(other.casefold() == wanted for _id, other in self.session.execute(query))

    def _refuse_taken(self, name: str, but: int | None) -> None:
        if self.name_taken(name, but):
            raise name_taken(name)

    def _flush_unique(self, name: str, row: OrganisationRow) -> None:
        """Write `row`; another writer's organisation of the same name (committed meanwhile,
        which the database's unique index catches) is NameTaken, and only this is undone."""
        try:
            with self.session.begin_nested():
                self.session.add(row)
                self.session.flush()
        except IntegrityError as error:
            raise name_taken(name) from error

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


def name_taken(name: str) -> NameTaken:
    return NameTaken(
        "name",
        _(
            "Name: this workspace already has an organisation called “{name}”; choose another name."
        ).format(name=name.strip()),
    )
