"""Small settings, per organisation or for the whole workspace (last page shown, guide step...)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from costready.storage.models import SettingRow


class SettingRepository:
    """Text values by key; `organisation_id` None for the workspace's own settings."""

    def __init__(self, session: Session):
        self.session = session

    def get(self, organisation_id: int | None, key: str, default: str = "") -> str:
        row = self.session.scalars(_setting(organisation_id, key)).first()
        return row.value if row is not None else default

    def all(self) -> dict[tuple[int | None, str], str]:
        """Every setting, by (organisation id or None for the workspace, key)."""
        rows = self.session.scalars(select(SettingRow))
        return {(row.organisation_id, row.key): row.value for row in rows}

    def set(self, organisation_id: int | None, key: str, value: str) -> None:
        row = self.session.scalars(_setting(organisation_id, key)).first()
        if row is None:
            self.session.add(SettingRow(organisation_id=organisation_id, key=key, value=value))
        else:
            row.value = value
        self.session.flush()


def _setting(organisation_id: int | None, key: str) -> Select[Any]:
    owner = (
        SettingRow.organisation_id.is_(None)
        if organisation_id is None
        else SettingRow.organisation_id == organisation_id
    )
    return select(SettingRow).where(owner, SettingRow.key == key)
