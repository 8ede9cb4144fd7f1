"""The first screen's data, read with the standard library's sqlite3 before SQLAlchemy loads.

Importing SQLAlchemy takes about a third of a second, longer than showing the window. So at
start-up the window reads the organisation and scenario it will land on straight from the
SQLite file and shows them; `Workspace` opens right behind and takes over. Rows become domain
values through `from_rows`, the very functions the ORM path uses, so the two ways in cannot
disagree about what a row means; this module only knows which rows to fetch and how SQLite
stores the column types (checked against the ORM's tables by the tests).

Anything out of the ordinary (not a plain SQLite file, a schema older or newer than this
version's, a locked or damaged file) gives None: the full open then reports it properly.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, cast

from costready.costing.model import Scenario
from costready.costing.price_lists import PriceList
from costready.costing.scenarios import ScenarioSummary, start_scenario
from costready.i18n import _
from costready.organisation import Organisation, start_organisation
from costready.storage import from_rows
from costready.storage.errors import StorageError
from costready.storage.keys import LAST_ORGANISATION
from costready.storage.location import plain_sqlite_file, workspace_url
from costready.storage.revision import HEAD

if TYPE_CHECKING:
    from costready.storage.workspace import Workspace


#: How SQLite holds the columns that are not plain text or integers, table by table.
COLUMN_TYPES: dict[str, dict[str, Callable[[Any], Any]]] = {
    "organisation": {
        "registered_charity": bool,
        "vat_registered": bool,
        "financial_year_start": date.fromisoformat,
        "updated_at": datetime.fromisoformat,
    },
    "scenario": {
        "period_start": date.fromisoformat,
        "period_end": date.fromisoformat,
        "claims_employment_allowance": bool,
        "adopted": bool,
        "created_at": datetime.fromisoformat,
        "updated_at": datetime.fromisoformat,
    },
    "scenario_service": {
        "volume_units": Decimal,
        "volume_capacity": Decimal,
        "volume_occupancy": Decimal,
        "surplus_value": Decimal,
        "price_rounding": Decimal,
    },
    "staff_post": {
        "headcount": Decimal,
        "annual_salary": Decimal,
        "fte": Decimal,
        "hourly_rate": Decimal,
        "paid_hours_per_person": Decimal,
        "delivers_units": bool,
        "employer_ni_rate": Decimal,
        "pension_rate": Decimal,
        "other_oncosts_rate": Decimal,
    },
    "post_time": {"share": Decimal},
    "post_non_chargeable": {"share": Decimal},
    "overhead_pool": {"has_shares": bool},
    "overhead_pool_share": {"share": Decimal},
    "cost_line": {"annual_amount": Decimal, "varies_with_volume": bool, "has_shares": bool},
    "cost_line_share": {"share": Decimal},
    "scenario_basis": {},
    "basis_weight": {"weight": Decimal},
    "price_list": {
        "effective_from": date.fromisoformat,
        "approved_on": date.fromisoformat,
        "created_at": datetime.fromisoformat,
    },
    "price_list_entry": {"price": Decimal},
    "service": {"updated_at": datetime.fromisoformat},
    "setting": {},
    "workspace_state": {},
}


@dataclass
class WorkspacePreview:
    """A read-only stand-in for `Workspace`: one organisation's first screen, read at start-up.

    It answers the reads the pages make while the real workspace is still opening; a write
    (which the screens cannot make before the real workspace arrives, since the window is busy
    opening it) is refused with a StorageError, so nothing is ever half-saved.
    """

    url: str
    organisations_: list[Organisation]
    organisation_id: int
    summaries: list[ScenarioSummary]
    scenario_id: int
    scenario: Scenario
    lists: list[PriceList]  # newest effective date first, as `Workspace.price_lists`
    settings: dict[tuple[int | None, str], str] = field(default_factory=dict)
    #: the settings the screens asked for, to check against the workspace when it takes over
    asked: set[tuple[int | None, str]] = field(default_factory=set, compare=False)

    def organisations(self) -> list[Organisation]:
        return list(self.organisations_)

    def organisation(self, organisation_id: int) -> Organisation:
        found = [org for org in self.organisations_ if org.id == organisation_id]
        self._check(bool(found))
        return found[0]

    def scenarios(self, organisation_id: int) -> list[ScenarioSummary]:
        self._check(organisation_id == self.organisation_id)
        return list(self.summaries)

    def load_scenario(self, scenario_id: int) -> Scenario:
        self._check(scenario_id == self.scenario_id)
        return self.scenario

    def price_lists(self, organisation_id: int) -> list[PriceList]:
        self._check(organisation_id == self.organisation_id)
        return list(self.lists)

    def current_price_list(self, organisation_id: int, on: date) -> PriceList | None:
        """As `Workspace.current_price_list`: the newest list in force on `on`."""
        return next((p for p in self.price_lists(organisation_id) if p.effective_from <= on), None)

    def get_setting(self, organisation_id: int | None, key: str, default: str = "") -> str:
        self.asked.add((organisation_id, key))
        return self.settings.get((organisation_id, key), default)

    def reads_the_same_as(self, workspace: Workspace) -> bool:
        """True when `workspace` answers every read the screens made of this preview alike
        (it would differ only if another program saved between the two reads)."""
        org_id = self.organisation_id
        organisations = workspace.organisations()
        scenario = workspace.load_scenario(self.scenario_id)
        return (
            organisations == self.organisations_
            # versions are not part of equality; a save of the same values still moves them
            and [o.version for o in organisations] == [o.version for o in self.organisations_]
            and workspace.scenarios(org_id) == self.summaries
            and scenario == self.scenario
            and scenario.version == self.scenario.version
            and workspace.price_lists(org_id) == self.lists
            and all(
                workspace.get_setting(owner, key) == self.settings.get((owner, key), "")
                for owner, key in self.asked
            )
        )

    def close(self) -> None:
        """Nothing to release: the file was read and closed at start-up."""

    def __getattr__(self, name: str) -> Callable[..., Any]:
        # every other Workspace method writes (or reads beyond the first screen): refuse it
        if name.startswith("_"):
            raise AttributeError(name)

        def refuse(*_args: object, **_kwargs: object) -> Any:
            raise _still_opening()

        return refuse

    @staticmethod
    def _check(known: bool) -> None:
        if not known:
            raise _still_opening()


def _still_opening() -> StorageError:
    return StorageError(_("The workspace is still opening; try again in a moment."))


def read_preview(url: str | None = None) -> WorkspacePreview | None:
    """The first screen of the workspace at `url` (None: the default), or None (see above)."""
    try:
        url = workspace_url(url)
        path = plain_sqlite_file(url)
        if path is None or not path.is_file():
            return None
        # read-only, and a short wait: a file another program is writing is opened the
        # ordinary way (which says so) rather than keeping the window waiting here
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.2)
    except (OSError, sqlite3.Error, ValueError):
        return None
    try:
        return _read(_Reader(connection), url)
    except Exception:  # any surprise means "take the ordinary way in"
        return None
    finally:
        connection.close()


def _read(reader: _Reader, url: str) -> WorkspacePreview | None:
    if reader.revision() != HEAD:
        return None
    settings = {(row.organisation_id, row.key): row.value for row in reader.rows("setting")}
    organisations = [
        from_rows.organisation_from_row(cast("Any", row))
        for row in reader.rows("organisation", order="name, id")
    ]
    org_id = start_organisation(organisations, settings.get((None, LAST_ORGANISATION), ""))
    if org_id is None:
        return None
    scenario_rows = reader.rows(
        "scenario", "organisation_id = ?", (org_id,), order="period_start, name, id"
    )
    summaries = [from_rows.summary_from_row(cast("Any", row)) for row in scenario_rows]
    scenario_id = start_scenario(summaries)
    if scenario_id is None:
        return None
    scenario_row = next(row for row in scenario_rows if row.id == scenario_id)
    return WorkspacePreview(
        url=url,
        organisations_=organisations,
        organisation_id=org_id,
        summaries=summaries,
        scenario_id=scenario_id,
        scenario=from_rows.scenario_from_row(cast("Any", reader.scenario_tree(scenario_row))),
        lists=[
            from_rows.price_list_from_row(cast("Any", row)) for row in reader.price_lists(org_id)
        ],
        settings=settings,
    )


class _Reader:
    """Rows as records with the ORM rows' attribute names and Python types."""

    def __init__(self, connection: sqlite3.Connection):
        connection.row_factory = sqlite3.Row
        self._connection = connection

    def revision(self) -> str | None:
        found = self._connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
        if found is None:
            return None
        rows = self._connection.execute("SELECT version_num FROM alembic_version").fetchall()
        return rows[0][0] if len(rows) == 1 else None

    def rows(
        self, table: str, where: str = "1", args: Iterable[object] = (), order: str = "id"
    ) -> list[SimpleNamespace]:
        # table, where and order are this module's own constants, never user input
        cursor = self._connection.execute(
            f"SELECT * FROM {table} WHERE {where} ORDER BY {order}", tuple(args)
        )
        types = COLUMN_TYPES[table]
        return [
            SimpleNamespace(
                **{
                    name: types[name](value) if value is not None and name in types else value
                    for name, value in zip(row.keys(), row, strict=True)
                }
            )
            for row in cursor
        ]

    def children(
        self, parents: list[SimpleNamespace], attribute: str, table: str, parent_key: str
    ) -> None:
        """Give each parent its `table` rows (in position order) as `parent.attribute`."""
        for parent in parents:
            setattr(parent, attribute, [])
        by_id = {parent.id: parent for parent in parents}
        if not by_id:
            return
        marks = ", ".join("?" * len(by_id))
        for row in self.rows(table, f"{parent_key} IN ({marks})", by_id, order="position, id"):
            getattr(by_id[getattr(row, parent_key)], attribute).append(row)

    def scenario_tree(self, scenario: SimpleNamespace) -> SimpleNamespace:
        """The scenario row with its children attached, as the ORM loads it."""
        below = ("scenario_id = ?", (scenario.id,))
        services = {
            row.id: row
            for row in self.rows("service", "organisation_id = ?", (scenario.organisation_id,))
        }
        scenario.services = self.rows("scenario_service", *below, order="position, id")
        for item in scenario.services:
            item.service = services[item.service_id]
        scenario.posts = self.rows("staff_post", *below, order="position, id")
        self.children(scenario.posts, "time", "post_time", "post_id")
        self.children(scenario.posts, "non_chargeable", "post_non_chargeable", "post_id")
        scenario.pools = self.rows("overhead_pool", *below, order="position, id")
        self.children(scenario.pools, "shares", "overhead_pool_share", "pool_id")
        scenario.costs = self.rows("cost_line", *below, order="position, id")
        self.children(scenario.costs, "shares", "cost_line_share", "cost_line_id")
        scenario.bases = self.rows("scenario_basis", *below, order="position, id")
        self.children(scenario.bases, "weights", "basis_weight", "scenario_basis_id")
        return scenario

    def price_lists(self, organisation_id: int) -> list[SimpleNamespace]:
        """Newest effective date first, as `Workspace.price_lists` orders them."""
        lists = self.rows(
            "price_list",
            "organisation_id = ?",
            (organisation_id,),
            order="effective_from DESC, created_at DESC, id DESC",
        )
        self.children(lists, "entries", "price_list_entry", "price_list_id")
        return lists


def data_version(path: Path) -> int | None:
    """The workspace's data version (`Workspace.data_version`) read with sqlite3 alone, for
    stamping and checking a start-up snapshot; None when the file cannot say (missing, locked,
    not a workspace at this schema). It moves on every write CostReady commits, in either
    journal mode; a write by another program (the sqlite3 shell) does not move it."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.2)
    except (OSError, sqlite3.Error, ValueError):
        return None
    try:
        if _Reader(connection).revision() != HEAD:
            return None
        row = connection.execute("SELECT data_version FROM workspace_state WHERE id = 1").fetchone()
        return int(row[0]) if row is not None else None
    except sqlite3.Error:
        return None
    finally:
        connection.close()
