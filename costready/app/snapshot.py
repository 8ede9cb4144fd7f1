"""The first screen, kept as a snapshot: written when the window saves and closes, read at
start-up with the standard library alone, and taken only while the workspace is unchanged.

Importing SQLAlchemy takes longer than showing the window, so start-up paints the page it opens
on from this snapshot and opens the workspace behind it. The snapshot holds what the first
screen reads (every organisation's profile, the scenarios and price lists of the organisation
that opens, the scenario itself and the settings), written from the domain values themselves
(`_encode` and `_decode` follow the dataclasses' own fields and type hints, so there is no
second copy of the schema to keep in step). It is stamped with the schema revision and the
file's data stamp (`costready.storage.stamp`: SQLite's change counter, which every program's
write moves), read in the same transaction as the values; a snapshot whose stamp no longer
matches the file, or that anything else is wrong with, is ignored and the workspace opens the
ordinary way.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import sys
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from types import NoneType, UnionType
from typing import TYPE_CHECKING, Any, Union, get_args, get_origin, get_type_hints

from costready import __version__
from costready.app.opening import organisation_to_open, scenario_to_open
from costready.costing.model import Scenario
from costready.costing.price_lists import PriceList, in_force
from costready.costing.scenarios import ScenarioSummary
from costready.i18n import _
from costready.organisation import Organisation
from costready.paths import APP_NAME
from costready.storage.errors import StorageError
from costready.storage.location import plain_sqlite_file, workspace_url
from costready.storage.revision import HEAD
from costready.storage.stamp import data_stamp

if TYPE_CHECKING:
    from costready.storage.workspace import Workspace

FORMAT = "costready-first-screen"
VERSION = 1
#: Snapshots kept for workspaces opened before (each a few kilobytes); older ones are removed.
KEEP = 20

Stamp = tuple[int, int]


class StillOpening(StorageError):
    """Asked the snapshot for something it does not hold: only the workspace can answer."""

    def __init__(self) -> None:
        super().__init__(_("The workspace is still opening; try again in a moment."))


@dataclass(frozen=True)
class FirstScreen:
    """A read-only stand-in for the workspace while it opens (a `WorkspaceReader`): the
    organisation and scenario start-up lands on, as they were when the snapshot was taken."""

    url: str
    database: Path
    stamp: Stamp
    organisation_id: int
    scenario_id: int
    all_organisations: tuple[Organisation, ...]
    summaries: tuple[ScenarioSummary, ...]
    scenario: Scenario
    lists: tuple[PriceList, ...]  # newest effective date first, as `Workspace.price_lists`
    settings: Mapping[tuple[int | None, str], str]

    def organisations(self) -> list[Organisation]:
        return list(self.all_organisations)

    def organisation(self, organisation_id: int) -> Organisation:
        for organisation in self.all_organisations:
            if organisation.id == organisation_id:
                return organisation
        raise StillOpening

    def scenarios(self, organisation_id: int) -> list[ScenarioSummary]:
        self._holds(organisation_id)
        return list(self.summaries)

    def load_scenario(self, scenario_id: int) -> Scenario:
        if scenario_id != self.scenario_id:
            raise StillOpening
        return self.scenario

    def price_lists(self, organisation_id: int) -> list[PriceList]:
        self._holds(organisation_id)
        return list(self.lists)

    def current_price_list(self, organisation_id: int, on: date) -> PriceList | None:
        """As `Workspace.current_price_list`: the newest list in force on `on`."""
        return in_force(self.price_lists(organisation_id), on)

    def get_setting(self, organisation_id: int | None, key: str, default: str = "") -> str:
        if organisation_id is not None:
            self._holds(organisation_id)
        return self.settings.get((organisation_id, key), default)

    def is_current(self) -> bool:
        """True while nothing has been written to the workspace since the snapshot."""
        return data_stamp(self.database) == self.stamp

    def _holds(self, organisation_id: int) -> None:
        if organisation_id != self.organisation_id:
            raise StillOpening


def snapshot_folder() -> Path:
    """Where snapshots are kept: the user's cache folder (they are made again when lost).

    The folder platformdirs names (`user_cache_dir`), worked out here because importing
    platformdirs costs start-up about 13 ms.
    """
    home = Path.home()
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA", "").strip()
        base = (Path(local) if local else home / "AppData" / "Local") / APP_NAME / "Cache"
    elif sys.platform == "darwin":
        base = home / "Library" / "Caches" / APP_NAME
    else:
        cache = os.environ.get("XDG_CACHE_HOME", "").strip()
        base = (Path(cache) if cache else home / ".cache") / APP_NAME
    return base / "first-screen"


def snapshot_file(database: Path) -> Path:
    """The snapshot of the workspace file `database`: named by the file and a checksum of its
    full path (the snapshot names that path too, so two files never read each other's)."""
    full = str(database.resolve())
    stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in database.stem)[:40]
    return snapshot_folder() / f"{stem}-{binascii.crc32(full.encode('utf-8')):08x}.json"


def read_first_screen(url: str | None = None) -> FirstScreen | None:
    """The first screen of the workspace at `url` (None: the default), or None when there is
    no snapshot of it as it is now (not a plain SQLite file, written since, another schema or
    version, a damaged snapshot). Never raises, never touches the workspace file."""
    try:
        url = workspace_url(url)
        database = plain_sqlite_file(url)
        if database is None:
            return None
        stamp = data_stamp(database)
        if stamp is None:
            return None
        data = json.loads(snapshot_file(database).read_text(encoding="utf-8"))
        return _first_screen(data, url, database, stamp)
    except Exception:  # any surprise means "take the ordinary way in"
        return None


def write_snapshot(workspace: Workspace) -> Path | None:
    """Snapshot what `workspace` opens on next time; the file written, or None when there is
    nothing to show first or the workspace is not a plain SQLite file. Never raises: a
    snapshot that cannot be written only makes the next start-up the ordinary one."""
    database = plain_sqlite_file(workspace.url)
    if database is None:
        return None
    target = snapshot_file(database)
    try:
        data = _snapshot(workspace, database)
        if data is None:
            _remove(target)
            return None
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".partial")
        partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, target)
        _prune(target.parent)
    except Exception:  # a nicety: a failure leaves no stale snapshot behind
        _remove(target)
        return None
    return target


def _remove(snapshot: Path) -> None:
    # a stale snapshot is harmless (its stamp no longer matches), so this never raises
    with suppress(OSError):
        snapshot.unlink(missing_ok=True)


def _snapshot(workspace: Workspace, database: Path) -> dict[str, Any] | None:
    # one transaction: its first read takes SQLite's shared lock, so no program can write
    # until it ends, and the stamp read last is the stamp of the values read before it
    with workspace.reading():  # the one-call reads below join this unit of work
        organisation_id = organisation_to_open(workspace)
        if organisation_id is None:
            return None
        scenario_id = scenario_to_open(workspace, organisation_id)
        if scenario_id is None:
            return None
        data = {
            "format": FORMAT,
            "version": VERSION,
            "app": __version__,
            "revision": HEAD,
            "database": str(database.resolve()),
            "organisation_id": organisation_id,
            "scenario_id": scenario_id,
            "organisations": _encode(workspace.organisations()),
            "scenarios": _encode(workspace.scenarios(organisation_id)),
            "scenario": _encode(workspace.load_scenario(scenario_id)),
            "price_lists": _encode(workspace.price_lists(organisation_id)),
            "settings": [
                [owner, key, value] for (owner, key), value in workspace.settings().items()
            ],
        }
        stamp = data_stamp(database)
    if stamp is None:
        return None
    data["stamp"] = list(stamp)
    return data


def _first_screen(data: dict[str, Any], url: str, database: Path, stamp: Stamp) -> FirstScreen:
    expected = {
        "format": FORMAT,
        "version": VERSION,
        "app": __version__,
        "revision": HEAD,
        "database": str(database.resolve()),
        "stamp": list(stamp),
    }
    if any(data.get(key) != value for key, value in expected.items()):
        raise ValueError("the snapshot is of another file, version or state")
    settings: dict[tuple[int | None, str], str] = {}
    for owner, key, value in data["settings"]:
        settings[_decode(int | None, owner), _decode(str, key)] = _decode(str, value)
    return FirstScreen(
        url=url,
        database=database,
        stamp=stamp,
        organisation_id=_decode(int, data["organisation_id"]),
        scenario_id=_decode(int, data["scenario_id"]),
        all_organisations=_decode(tuple[Organisation, ...], data["organisations"]),
        summaries=_decode(tuple[ScenarioSummary, ...], data["scenarios"]),
        scenario=_decode(Scenario, data["scenario"]),
        lists=_decode(tuple[PriceList, ...], data["price_lists"]),
        settings=settings,
    )


def _prune(folder: Path) -> None:
    """Keep the snapshots of the KEEP workspaces written most recently."""
    kept = sorted(folder.glob("*.json"), key=lambda path: path.stat().st_mtime, reverse=True)
    for old in kept[KEEP:]:
        _remove(old)


# Domain values to JSON and back, led by the dataclasses' fields and type hints --------------


def _encode(value: Any) -> Any:
    if value is None or (isinstance(value, bool | int) and not isinstance(value, Enum)):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):  # a logo
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, Decimal):
        return str(value)  # exactly, exponent and all
    if isinstance(value, date):  # a datetime too: isoformat keeps its time and zone
        return value.isoformat()
    if is_dataclass(value) and not isinstance(value, type):
        return {field.name: _encode(getattr(value, field.name)) for field in fields(value)}
    if isinstance(value, tuple | list):
        return [_encode(item) for item in value]
    if isinstance(value, Mapping):
        if not all(isinstance(key, str) for key in value):
            raise TypeError("only text keys are kept")
        return {key: _encode(item) for key, item in value.items()}
    raise TypeError(f"cannot keep a {type(value).__name__} in the snapshot")


_HINTS: dict[type, dict[str, Any]] = {}


def _decode(kind: Any, data: Any) -> Any:
    origin = get_origin(kind)
    if origin in (Union, UnionType):
        options = [option for option in get_args(kind) if option is not NoneType]
        if data is None and len(options) < len(get_args(kind)):
            return None
        if len(options) != 1:
            raise TypeError(f"cannot tell which of {kind} was kept")
        return _decode(options[0], data)
    if origin is tuple:
        item, _more = get_args(kind)
        return tuple(_decode(item, entry) for entry in _typed(list, data))
    if origin in (dict, Mapping):
        key_kind, value_kind = get_args(kind)
        return {
            _decode(key_kind, key): _decode(value_kind, value)
            for key, value in _typed(dict, data).items()
        }
    if is_dataclass(kind) and isinstance(kind, type):
        hints = _HINTS.get(kind) or _HINTS.setdefault(kind, get_type_hints(kind))
        record = _typed(dict, data)
        names = [field.name for field in fields(kind)]
        if sorted(record) != sorted(names):
            raise ValueError(f"{kind.__name__}: the snapshot's fields differ from this version's")
        return kind(**{name: _decode(hints[name], record[name]) for name in names})
    if kind is Decimal:
        return Decimal(_typed(str, data))
    if kind is datetime:
        return datetime.fromisoformat(_typed(str, data))
    if kind is date:
        return date.fromisoformat(_typed(str, data))
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(data)
    if kind in (str, int, bool):
        return _typed(kind, data)
    if kind is bytes:
        return base64.b64decode(_typed(str, data), validate=True)
    raise TypeError(f"cannot read a {kind} from the snapshot")


def _typed(kind: type, data: Any) -> Any:
    if type(data) is not kind:
        raise TypeError(f"expected {kind.__name__}, found {type(data).__name__}")
    return data
