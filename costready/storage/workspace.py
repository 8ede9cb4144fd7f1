"""Open a workspace database and work with it through domain values (contract stub).

The storage helper replaces each body; the signatures and docstrings are the contract the UI,
the CLI and the reports code against.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from costready.costing.model import Scenario
from costready.organisation import Organisation
from costready.storage.api import PriceList, ScenarioSummary


class StorageError(RuntimeError):
    """A save or load failed; nothing was changed. The message says what and why."""


class Workspace:
    """One open workspace database (SQLite file by default, or any SQLAlchemy URL)."""

    def __init__(self, url: str):
        """Open `url`: back up an existing SQLite file, then apply Alembic migrations."""
        raise NotImplementedError

    @classmethod
    def open(cls, url: str | None = None) -> Workspace:
        """`url`, else $COSTREADY_DATABASE_URL, else SQLite in the user data folder."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # Organisations -------------------------------------------------------------------------
    def organisations(self) -> list[Organisation]:
        """Every organisation in the workspace, by name (each with its `id`)."""
        raise NotImplementedError

    def organisation(self, organisation_id: int) -> Organisation:
        raise NotImplementedError

    def save_organisation(self, org: Organisation) -> Organisation:
        """Insert (id None) or update; validates first (ValueError listing the problems)."""
        raise NotImplementedError

    def delete_organisation(self, organisation_id: int) -> None:
        raise NotImplementedError

    # Scenarios -----------------------------------------------------------------------------
    def scenarios(self, organisation_id: int) -> list[ScenarioSummary]:
        raise NotImplementedError

    def load_scenario(self, scenario_id: int) -> Scenario:
        raise NotImplementedError

    def create_scenario(self, organisation_id: int, scenario: Scenario) -> int:
        """Store a new scenario; services become organisation-level records by their ids."""
        raise NotImplementedError

    def save_scenario(self, scenario_id: int, scenario: Scenario) -> None:
        """Replace the scenario's contents with `scenario` in one transaction."""
        raise NotImplementedError

    def delete_scenario(self, scenario_id: int) -> None:
        raise NotImplementedError

    # Price lists ---------------------------------------------------------------------------
    def adopt_scenario(
        self,
        scenario_id: int,
        prices: dict[str, Decimal],
        effective_from: date,
        approved_by: str,
        approved_on: date,
        note: str = "",
    ) -> PriceList:
        """Mark the scenario adopted (the only one) and publish `prices` as a new price list."""
        raise NotImplementedError

    def price_lists(self, organisation_id: int) -> list[PriceList]:
        """Every price list, newest effective date first (earlier ones are kept)."""
        raise NotImplementedError

    def current_price_list(self, organisation_id: int, on: date) -> PriceList | None:
        """The list in force on `on`: the latest effective_from <= on."""
        raise NotImplementedError

    # Small per-organisation settings (guided setup progress, last page shown...) ------------
    def get_setting(self, organisation_id: int | None, key: str, default: str = "") -> str:
        raise NotImplementedError

    def set_setting(self, organisation_id: int | None, key: str, value: str) -> None:
        raise NotImplementedError
