"""An organisation as one portable JSON file: its profile, scenarios, price lists and settings.

The format (`costready-organisation`, version 1) holds no database ids, so exporting, importing
and exporting again gives the same bytes. Each scenario is written in the model file's own form
(`costing/modelfile.py`), without the model's `format`, `version` and `organisation`; a price
list names the scenario that published it by its place in `scenarios` (null once that scenario
was deleted). Reading validates the whole file first and reports every problem with its JSON
path (CostingError), so a caller writes nothing unless the file is valid. A scenario is read as
the workspace keeps it: every value of the right kind, though it need not price yet.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from costready.costing import bounds
from costready.costing.model import CostingModel, OrganisationInfo, Scenario, VatTreatment

# the model file's reader: one set of rules for numbers, dates and text in both formats
from costready.costing.modelfile import (
    JsonNumber,
    _is_text,
    _Reader,
    _utf8_text,
    model_to_dict,
    parse_json,
)
from costready.costing.modelfile import _scenario as _read_scenario
from costready.costing.price_lists import PublishedService, validate_adoption
from costready.costing.results import CostingError
from costready.files import write_atomically
from costready.i18n import _
from costready.organisation import (
    DESCRIPTION,
    NAME,
    LegalForm,
    Organisation,
    is_charity,
    validate_organisation,
)
from costready.problems import Problem

FORMAT = "costready-organisation"
VERSION = 1
#: The model file's keys that are not part of a scenario.
_MODEL_HEAD = ("format", "version", "organisation")
#: A setting's key and value are short text; the bound keeps a hostile file small.
SETTING_KEY = bounds.KEY


@dataclass(frozen=True)
class PortableScenario:
    """A scenario as the file holds it, and whether it is the organisation's adopted one."""

    scenario: Scenario
    adopted: bool = False


@dataclass(frozen=True)
class PortablePriceList:
    """A published price list without ids: `scenario` is the place of the scenario that
    published it in the file's list of scenarios (None once that scenario was deleted)."""

    scenario: int | None
    scenario_name: str
    effective_from: date
    approved_by: str
    approved_on: date
    note: str
    created_at: datetime  # UTC
    prices: Mapping[str, Decimal]  # service id -> net price per unit, in list order
    services: Mapping[str, PublishedService] = field(default_factory=dict)


@dataclass(frozen=True)
class OrganisationFile:
    """Everything of one organisation that moves between workspaces."""

    organisation: Organisation  # without id or version
    scenarios: tuple[PortableScenario, ...] = ()
    price_lists: tuple[PortablePriceList, ...] = ()  # oldest first, as they were published
    settings: Mapping[str, str] = field(default_factory=dict)  # sorted by key


# Writing ------------------------------------------------------------------------------------


def organisation_file_to_dict(file: OrganisationFile) -> dict:
    """The file as JSON-ready data (amounts as decimal strings, dates in ISO form)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "organisation": _profile_dict(file.organisation),
        "scenarios": [_scenario_dict(file.organisation, entry) for entry in file.scenarios],
        "price_lists": [_price_list_dict(price_list) for price_list in file.price_lists],
        "settings": dict(sorted(file.settings.items())),
    }


def save_organisation_file(file: OrganisationFile, path: str | Path) -> None:
    """Write the file as indented UTF-8 JSON (whole or not at all: FileWriteError)."""
    text = json.dumps(organisation_file_to_dict(file), indent=2, ensure_ascii=False)
    write_atomically(path, text + "\n")


def _profile_dict(org: Organisation) -> dict:
    return {
        "name": org.name,
        "legal_form": org.legal_form.value,
        "registered_charity": org.registered_charity,
        "charity_number": org.charity_number,
        "company_number": org.company_number,
        "address": org.address,
        "vat_registered": org.vat_registered,
        "vat_number": org.vat_number,
        "cqc_registered": org.cqc_registered,
        "financial_year_start": org.financial_year_start.isoformat(),
        "locale": org.locale,
        "place_of_registration": org.place_of_registration,
        "registered_office": org.registered_office,
        "vat_registered_from": (
            org.vat_registered_from.isoformat() if org.vat_registered_from else None
        ),
    }


def _scenario_dict(org: Organisation, entry: PortableScenario) -> dict:
    info = OrganisationInfo(
        name=org.name,
        vat_registered=org.vat_registered,
        locale=org.locale,
        charity=is_charity(org),
        cqc_registered=org.cqc_registered,
    )
    model = model_to_dict(CostingModel(organisation=info, scenario=entry.scenario))
    parts = {key: value for key, value in model.items() if key not in _MODEL_HEAD}
    return {"adopted": entry.adopted, **parts}


def _price_list_dict(price_list: PortablePriceList) -> dict:
    entries = []
    for service_id, price in price_list.prices.items():
        entry: dict[str, Any] = {"service_id": service_id, "price": str(price)}
        published = price_list.services.get(service_id)
        if published is not None:  # lists made before revision 0002 did not keep them
            entry |= {
                "name": published.name,
                "unit": published.unit,
                "description": published.description,
                "vat": published.vat,
            }
        entries.append(entry)
    return {
        "scenario": price_list.scenario,
        "scenario_name": price_list.scenario_name,
        "effective_from": price_list.effective_from.isoformat(),
        "approved_by": price_list.approved_by,
        "approved_on": price_list.approved_on.isoformat(),
        "note": price_list.note,
        "created_at": price_list.created_at.astimezone(UTC).isoformat(),
        "entries": entries,
    }


# Reading ------------------------------------------------------------------------------------


def load_organisation_file(path: str | Path) -> OrganisationFile:
    """Read and validate an organisation file (CostingError listing every problem)."""
    try:
        text = _utf8_text(Path(path))
    except OSError as error:
        raise CostingError(
            [Problem("$", _("cannot read the file: {error}").format(error=error.strerror or error))]
        ) from None
    return read_organisation_file(parse_json(text))


def read_organisation_file(data: Any) -> OrganisationFile:
    """An OrganisationFile from parsed JSON (`modelfile.parse_json`); CostingError lists every
    problem with its JSON path, found in one pass over the whole file."""
    reader = _Reader()
    root = reader.obj(data, "$")
    if root.get("format") != FORMAT:
        reader.problem(
            "$.format",
            _("expected “{format}” (an organisation file made by CostReady)").format(format=FORMAT),
        )
    version = root.get("version")
    if not isinstance(version, JsonNumber) or str(version) != str(VERSION):
        reader.problem(
            "$.version",
            _("this version of CostReady reads version {version}").format(version=VERSION),
        )
    org = _profile(reader, reader.obj(root.get("organisation"), "$.organisation"))
    scenarios = _scenarios(reader, root)
    price_lists = reader.items(
        root, "price_lists", "$", lambda d, p: _price_list(reader, d, p, len(scenarios))
    )
    settings = _settings(reader, root.get("settings", {}))
    if reader.problems:
        raise CostingError(reader.problems)
    return OrganisationFile(org, scenarios, price_lists, settings)


def _profile(reader: _Reader, data: dict) -> Organisation:
    path = "$.organisation"
    org = Organisation(
        name=reader.text(data, "name", path),
        legal_form=reader.choice(
            LegalForm, data.get("legal_form"), f"{path}.legal_form", LegalForm.CIO
        ),
        registered_charity=reader.flag(data, "registered_charity", path),
        charity_number=reader.text(data, "charity_number", path, default=""),
        company_number=reader.text(data, "company_number", path, default=""),
        address=reader.text(data, "address", path, default=""),
        vat_registered=reader.flag(data, "vat_registered", path),
        vat_number=reader.text(data, "vat_number", path, default=""),
        cqc_registered=reader.flag(data, "cqc_registered", path),
        financial_year_start=reader.day(data, "financial_year_start", path),
        locale=reader.text(data, "locale", path, default="en_GB"),
        place_of_registration=reader.text(data, "place_of_registration", path, default=""),
        registered_office=reader.text(data, "registered_office", path, default=""),
        vat_registered_from=(
            reader.day(data, "vat_registered_from", path)
            if data.get("vat_registered_from") is not None
            else None
        ),
    )
    unreadable = {problem.path for problem in reader.problems}
    for problem in validate_organisation(org):
        where = f"{path}.{problem.path}"
        if where not in unreadable:
            reader.problem(where, problem.message)
    return org


def _scenarios(reader: _Reader, root: dict) -> tuple[PortableScenario, ...]:
    value = root.get("scenarios", [])
    if not isinstance(value, list):
        reader.problem("$.scenarios", _("expected a list"))
        return ()
    found = []
    for index, item in enumerate(value):
        path = f"$.scenarios[{index}]"
        data = reader.obj(item, path)
        adopted = reader.flag(data, "adopted", path)
        # read as the workspace keeps it: every value of the right kind, though it may not
        # price yet (a half-finished organisation moves too; its pages say what is missing)
        parts = _Reader()
        scenario = _read_scenario(parts, data)
        for problem in parts.problems:  # the model file's paths, placed inside this file
            reader.problem(path + problem.path.removeprefix("$"), problem.message)
        if not parts.problems:
            found.append((index, PortableScenario(scenario, adopted)))
    if sum(1 for _index, entry in found if entry.adopted) > 1:
        reader.problem("$.scenarios", _("only one scenario can be the adopted one"))
    _same_services(reader, found)
    return tuple(entry for _index, entry in found)


def _same_services(reader: _Reader, scenarios: list[tuple[int, PortableScenario]]) -> None:
    """A service is one record of the organisation, shown by every scenario that has it: its
    name, unit and description must be the same wherever its id appears."""
    first: dict[str, tuple[str, str, str]] = {}
    for index, entry in scenarios:
        for place, service in enumerate(entry.scenario.services):
            seen = (service.name, service.unit, service.description)
            if first.setdefault(service.id, seen) != seen:
                reader.problem(
                    f"$.scenarios[{index}].services[{place}]",
                    _(
                        "the service “{id}” has another name, unit or description in an "
                        "earlier scenario; a service is the same in every scenario"
                    ).format(id=service.id),
                )


def _price_list(reader: _Reader, data: dict, path: str, scenarios: int) -> PortablePriceList:
    scenario = data.get("scenario")
    place: int | None = None
    if scenario is not None:
        if isinstance(scenario, JsonNumber) and scenario.isdigit() and int(scenario) < scenarios:
            place = int(scenario)
        else:
            reader.problem(
                f"{path}.scenario",
                _("expected the place of a scenario in “scenarios” (from 0), or null"),
            )
    approved_by = reader.text(data, "approved_by", path)
    note = reader.text(data, "note", path, default="")
    for problem in validate_adoption(approved_by, note):
        reader.problem(f"{path}.{problem.path}", problem.message)
    scenario_name = reader.text(data, "scenario_name", path)
    refusal = NAME.refusal(scenario_name, _("The scenario's name"))
    if refusal is not None:
        reader.problem(f"{path}.scenario_name", refusal)
    prices: dict[str, Decimal] = {}
    services: dict[str, PublishedService] = {}
    for entry_path, entry in _entries(reader, data, path):
        service_id = reader.text(entry, "service_id", entry_path)
        if service_id in prices:
            reader.problem(f"{entry_path}.service_id", _("this service is listed twice"))
        prices[service_id] = _price(reader, entry, entry_path)
        if "name" in entry:
            services[service_id] = _published(reader, entry, entry_path)
    return PortablePriceList(
        scenario=place,
        scenario_name=scenario_name,
        effective_from=reader.day(data, "effective_from", path),
        approved_by=approved_by,
        approved_on=reader.day(data, "approved_on", path),
        note=note,
        created_at=_moment(reader, data, "created_at", path),
        prices=prices,
        services=services,
    )


def _entries(reader: _Reader, data: dict, path: str) -> list[tuple[str, dict]]:
    value = data.get("entries", [])
    if not isinstance(value, list):
        reader.problem(f"{path}.entries", _("expected a list"))
        return []
    return [
        (f"{path}.entries[{i}]", reader.obj(item, f"{path}.entries[{i}]"))
        for i, item in enumerate(value)
    ]


def _price(reader: _Reader, entry: dict, path: str) -> Decimal:
    price = reader.number(entry, "price", path)
    refusal = bounds.AMOUNT.refusal(price, _("The price"))
    if refusal is not None:
        reader.problem(f"{path}.price", refusal)
    return price


def _published(reader: _Reader, entry: dict, path: str) -> PublishedService:
    published = PublishedService(
        name=reader.text(entry, "name", path),
        unit=reader.text(entry, "unit", path, default=""),
        description=reader.text(entry, "description", path, default=""),
        vat=reader.choice(
            VatTreatment, entry.get("vat", "exempt"), f"{path}.vat", VatTreatment.EXEMPT
        ).value,
    )
    for key, bound, label in (
        ("name", NAME, _("The service's name")),
        ("unit", bounds.UNIT, _("The service's unit")),
        ("description", DESCRIPTION, _("The service's description")),
    ):
        refusal = bound.refusal(getattr(published, key), label)
        if refusal is not None:
            reader.problem(f"{path}.{key}", refusal)
    return published


def _moment(reader: _Reader, data: dict, key: str, path: str) -> datetime:
    value = data.get(key)
    try:
        if not _is_text(value):
            raise ValueError(value)
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            raise ValueError(value)
        return moment.astimezone(UTC)
    except ValueError:
        reader.problem(f"{path}.{key}", _("expected a moment such as 2026-04-01T09:30:00+00:00"))
        return datetime(2000, 1, 1, tzinfo=UTC)


def _settings(reader: _Reader, value: Any) -> dict[str, str]:
    table = reader.obj(value, "$.settings")
    settings = {}
    for key, text in table.items():
        path = f"$.settings.{key}"
        if SETTING_KEY.refusal(str(key), _("A setting's name")) is not None:
            reader.problem(
                path,
                _("a setting's name is at most {limit} characters").format(limit=SETTING_KEY.limit),
            )
        elif not _is_text(text):
            reader.problem(path, _("expected text"))
        else:
            refusal = DESCRIPTION.refusal(text, _("A setting"))
            if refusal is not None:
                reader.problem(path, refusal)
            settings[str(key)] = text
    return dict(sorted(settings.items()))


def renamed(file: OrganisationFile, name: str) -> OrganisationFile:
    """The same file for an organisation called `name` (an import named apart from others)."""
    return replace(file, organisation=replace(file.organisation, name=name))
