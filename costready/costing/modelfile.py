"""The costing model JSON (docs/costing-model.md): read with every problem found, and write.

Reading validates the whole file first and reports every problem with its JSON path; a caller
writes nothing unless the file is valid (CostingError otherwise).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeGuard, TypeVar

from costready import organisation
from costready.costing.model import (
    POOL_PREFIX,
    Answer,
    Basis,
    CostingModel,
    CostLine,
    EmployerNi,
    NiKind,
    OrganisationInfo,
    OverheadPool,
    Pension,
    PensionBase,
    RegulatedActivity,
    Scenario,
    Service,
    StaffPost,
    Surplus,
    SurplusKind,
    VatTreatment,
    Volume,
    VolumeKind,
)
from costready.costing.results import CostingError
from costready.costing.rules import AgeBand
from costready.costing.validate import validate
from costready.files import write_atomically
from costready.i18n import _
from costready.money import MoneyError, has_exponent, plain, to_decimal
from costready.problems import Problem

FORMAT = "costready-model"
VERSION = 1
E = TypeVar("E", bound=StrEnum)
#: Deepest nesting of objects and lists a model file may have. A model needs 4 levels; 64
#: leaves room for tools that wrap it, and stops a file nested thousands deep before Python's
#: JSON reader recurses into it.
MAX_DEPTH = 64
# A JSON string (skipped whole, so brackets inside text do not count) or a bracket.
_STRUCTURE = re.compile(r'"(?:[^"\\]++|\\.)*+"|[\[\]{}]')


class JsonNumber(str):
    """A number in a model file as it was written (“12.50”, “1e30”, “NaN”): read as text, so it
    is checked (no exponent, no NaN) before it becomes a Decimal, and never rounded by a float."""


#: the scenario's Employment Allowance answers (costing/allowance.py), each yes, no or not_sure
ALLOWANCE_ANSWERS = ("ea_registered_charity", "ea_public_work", "ea_sole_director")


def parse_json(text: str) -> Any:
    """Parsed JSON with every number kept as its JsonNumber text; CostingError for invalid JSON
    or nesting deeper than MAX_DEPTH (checked first, without recursion)."""
    depth = 0
    for match in _STRUCTURE.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise CostingError(
                    [
                        Problem(
                            "$",
                            _(
                                "the file nests lists and objects more than {depth} deep; "
                                "a model file needs only a few levels"
                            ).format(depth=MAX_DEPTH),
                        )
                    ]
                )
        elif token in "]}":
            depth -= 1
    try:
        return json.loads(
            text, parse_float=JsonNumber, parse_int=JsonNumber, parse_constant=JsonNumber
        )
    except json.JSONDecodeError as error:
        raise CostingError(
            [
                Problem(
                    "$",
                    _("not valid JSON (line {line}, column {col}): {msg}").format(
                        line=error.lineno, col=error.colno, msg=error.msg
                    ),
                )
            ]
        ) from None


class _Reader:
    """Collects problems while reading values, so one pass reports everything."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def problem(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def obj(self, data: Any, path: str) -> dict:
        if isinstance(data, dict):
            return data
        self.problem(path, _("expected an object"))
        return {}

    def text(self, data: Mapping, key: str, path: str, default: str | None = None) -> str:
        """Text at `key`: `default` when missing; blank only where the default is blank."""
        if key not in data and default is not None:
            return default
        value = data.get(key)
        if _is_text(value) and (value.strip() or default == ""):
            return value
        if key not in data:
            self.problem(f"{path}.{key}", _("is missing"))
        elif _is_text(value):
            self.problem(f"{path}.{key}", _("must not be blank"))
        else:
            self.problem(f"{path}.{key}", _("expected text"))
        return ""

    def optional_id(self, data: Mapping, key: str, path: str) -> str | None:
        """An id naming another item (a service, a pool), or None when absent."""
        value = data.get(key)
        if value is None:
            return None
        if _is_text(value) and value.strip():
            return value
        self.problem(f"{path}.{key}", _("expected an id such as “home-support”"))
        return None

    def number(self, data: Mapping, key: str, path: str, default: Decimal | None = None) -> Decimal:
        if key not in data:
            if default is not None:
                return default
            self.problem(f"{path}.{key}", _("is missing"))
            return Decimal(0)
        value = data[key]
        if isinstance(value, float):  # a float from Python (not from a file): its text, exactly
            value = repr(value)
        if isinstance(value, str) and has_exponent(value):
            self.problem(
                f"{path}.{key}",
                _("“{value}”: write the number out in full, without an exponent").format(
                    value=_shown(value)
                ),
            )
            return Decimal(0)
        try:
            return to_decimal(value, key)
        except MoneyError:
            if isinstance(value, (str, int, Decimal)) and not isinstance(value, bool):
                message = _("“{value}” is not a number").format(value=_shown(str(value)))
            else:
                message = _("expected a number")
            self.problem(f"{path}.{key}", message)
            return Decimal(0)

    def optional_number(self, data: Mapping, key: str, path: str) -> Decimal | None:
        return self.number(data, key, path) if data.get(key) is not None else None

    def flag(self, data: Mapping, key: str, path: str) -> bool:
        value = data.get(key, False)
        if isinstance(value, bool):
            return value
        self.problem(f"{path}.{key}", _("expected true or false"))
        return False

    def choice(self, enum: type[E], value: Any, path: str, default: E) -> E:
        if _is_text(value):
            try:
                return enum(value)
            except ValueError:
                pass
        allowed = ", ".join(member.value for member in enum)
        if _is_text(value):
            message = _("“{value}” is not one of: {allowed}").format(
                value=_shown(value), allowed=allowed
            )
        else:
            message = _("expected one of: {allowed}").format(allowed=allowed)
        self.problem(path, message)
        return default

    def day(self, data: Mapping, key: str, path: str) -> date:
        value = data.get(key)
        try:
            if not _is_text(value):
                raise ValueError(value)
            return date.fromisoformat(value)
        except ValueError:
            self.problem(f"{path}.{key}", _("expected a date such as 2026-04-01"))
            return date(2000, 1, 1)

    def optional_day(self, data: Mapping, key: str, path: str) -> date | None:
        """A date, or None when the key is absent or null."""
        return None if data.get(key) is None else self.day(data, key, path)

    def shares(self, data: Any, path: str) -> dict[str, Decimal]:
        table = self.obj(data, path)
        return {str(k): self.number(table, k, path) for k in table}

    def items(self, data: Mapping, key: str, path: str, read: Callable[[dict, str], Any]) -> tuple:
        value = data.get(key, [])
        if not isinstance(value, list):
            self.problem(f"{path}.{key}", _("expected a list"))
            return ()
        return tuple(
            read(self.obj(item, f"{path}.{key}[{i}]"), f"{path}.{key}[{i}]")
            for i, item in enumerate(value)
        )


def _is_text(value: Any) -> TypeGuard[str]:
    """True for a JSON string (a number written as a number is not text)."""
    return isinstance(value, str) and not isinstance(value, JsonNumber)


def _shown(value: str) -> str:
    """A value as a message quotes it: cut to 40 characters, and anything that is not text
    (half a surrogate pair) escaped, so the message itself can always be printed."""
    shown = value if len(value) <= 40 else value[:39] + "…"
    return shown.encode("utf-8", "backslashreplace").decode("utf-8")


def read_model(data: Any) -> CostingModel:
    """A CostingModel from parsed JSON; CostingError lists every problem with its JSON path."""
    reader = _Reader()
    root = reader.obj(data, "$")
    if root.get("format", FORMAT) != FORMAT:
        reader.problem("$.format", _("expected “{format}”").format(format=FORMAT))
    version = root.get("version", VERSION)
    if _is_text(version) or str(version) != str(VERSION):  # the number 1, not the text "1"
        reader.problem(
            "$.version",
            _("this version of CostReady reads version {version}").format(version=VERSION),
        )
    organisation = _organisation(reader, reader.obj(root.get("organisation", {}), "$.organisation"))
    scenario = _scenario(reader, root)
    # Rule problems too, so one pass reports everything; a value that could not be read
    # already has its problem, so rules about that same place are left out.
    unreadable = {problem.path for problem in reader.problems}
    problems = reader.problems + [
        problem
        for problem in validate(scenario)
        if not any(
            problem.path.startswith(path) or path.startswith(problem.path) for path in unreadable
        )
    ]
    if problems:
        raise CostingError(problems)
    return CostingModel(organisation=organisation, scenario=scenario)


def load_model_file(path: str | Path) -> CostingModel:
    """Read and validate a model file (CostingError for bad JSON or any problem in it)."""
    try:
        text = _utf8_text(Path(path))
    except OSError as error:
        raise CostingError(
            [Problem("$", _("cannot read the file: {error}").format(error=error.strerror or error))]
        ) from None
    return read_model(parse_json(text))


def _organisation(reader: _Reader, data: dict) -> OrganisationInfo:
    path = "$.organisation"
    info = OrganisationInfo(
        name=reader.text(data, "name", path, default=_("Imported organisation")),
        vat_registered=reader.flag(data, "vat_registered", path),
        locale=reader.text(data, "locale", path, default="en_GB"),
        charity=reader.flag(data, "charity", path),
        cqc_registered=reader.flag(data, "cqc_registered", path),
    )
    for key, value, bound, label in (
        ("name", info.name, organisation.NAME, _("The organisation's name")),
        ("locale", info.locale, organisation.LOCALE, _("The organisation's locale")),
    ):
        refusal = bound.refusal(value, label)
        if refusal is not None:
            reader.problem(f"{path}.{key}", refusal)
    return info


def _scenario(reader: _Reader, root: dict) -> Scenario:
    path = "$.scenario"
    head = reader.obj(root.get("scenario"), path)
    pools = reader.obj(root.get("overhead_pools", {}), "$.overhead_pools")
    bases = reader.obj(root.get("bases", {}), "$.bases")
    return Scenario(
        name=reader.text(head, "name", path),
        period_start=reader.day(head, "period_start", path),
        period_end=reader.day(head, "period_end", path),
        tax_year=reader.text(head, "tax_year", path),
        claims_employment_allowance=reader.flag(head, "claims_employment_allowance", path),
        ea_registered_charity=_answer(reader, head, "ea_registered_charity", path),
        ea_public_work=_answer(reader, head, "ea_public_work", path),
        ea_sole_director=_answer(reader, head, "ea_sole_director", path),
        services=reader.items(root, "services", "$", lambda d, p: _service(reader, d, p)),
        staff=reader.items(root, "staff", "$", lambda d, p: _post(reader, d, p)),
        pools=tuple(
            _pool(reader, pool_id, reader.obj(spec, f"$.overhead_pools.{pool_id}"))
            for pool_id, spec in pools.items()
        ),
        costs=reader.items(root, "costs", "$", lambda d, p: _cost(reader, d, p)),
        bases={str(b): reader.shares(table, f"$.bases.{b}") for b, table in bases.items()},
    )


def _answer(reader: _Reader, head: dict, key: str, path: str) -> Answer:
    """An Employment Allowance answer: yes, no or not_sure (the default)."""
    return reader.choice(Answer, head.get(key, "not_sure"), f"{path}.{key}", Answer.NOT_SURE)


def _service(reader: _Reader, data: dict, path: str) -> Service:
    surplus = reader.obj(
        data.get("surplus", {"kind": "markup_on_cost", "value": "0"}), f"{path}.surplus"
    )
    return Service(
        id=reader.text(data, "id", path),
        name=reader.text(data, "name", path),
        description=reader.text(data, "description", path, default=""),
        unit=reader.text(data, "unit", path, default="hour"),
        volume=_volume(reader, data, path),
        surplus=Surplus(
            kind=reader.choice(
                SurplusKind, surplus.get("kind"), f"{path}.surplus.kind", SurplusKind.MARKUP_ON_COST
            ),
            value=reader.number(surplus, "value", f"{path}.surplus", default=Decimal(0)),
        ),
        vat=reader.choice(
            VatTreatment, data.get("vat", "exempt"), f"{path}.vat", VatTreatment.EXEMPT
        ),
        price_rounding=reader.number(data, "price_rounding", path, default=Decimal("0.01")),
        regulated_activity=reader.choice(
            RegulatedActivity,
            data.get("regulated_activity", "none"),
            f"{path}.regulated_activity",
            RegulatedActivity.NONE,
        ),
        welfare_advice=reader.flag(data, "welfare_advice", path),
    )


def _volume(reader: _Reader, data: dict, path: str) -> Volume:
    if data.get("planned_units") == VolumeKind.FROM_STAFF_HOURS.value:
        return Volume(kind=VolumeKind.FROM_STAFF_HOURS)
    if "capacity_units" in data:
        return Volume(
            kind=VolumeKind.CAPACITY,
            capacity=reader.number(data, "capacity_units", path),
            occupancy=reader.number(data, "occupancy", path),
        )
    return Volume(kind=VolumeKind.TYPED, units=reader.number(data, "planned_units", path))


def _post(reader: _Reader, data: dict, path: str) -> StaffPost:
    return StaffPost(
        id=reader.text(data, "id", path),
        role=reader.text(data, "role", path),
        headcount=reader.number(data, "headcount", path, default=Decimal(1)),
        annual_salary=reader.optional_number(data, "annual_salary", path),
        fte=reader.number(data, "fte", path, default=Decimal(1)),
        hourly_rate=reader.optional_number(data, "hourly_rate", path),
        paid_hours_per_person=reader.optional_number(data, "paid_hours_per_person", path),
        delivers_units=reader.flag(data, "delivers_units", path),
        employer_ni=_employer_ni(reader, data.get("employer_ni", "auto"), f"{path}.employer_ni"),
        pension=_pension(reader, data.get("pension"), f"{path}.pension"),
        other_oncosts_rate=reader.number(
            reader.obj(data.get("other_oncosts", {}), f"{path}.other_oncosts"),
            "rate",
            f"{path}.other_oncosts",
            default=Decimal(0),
        ),
        non_chargeable=reader.shares(data.get("non_chargeable", {}), f"{path}.non_chargeable"),
        time=reader.shares(data.get("time", {}), f"{path}.time"),
        age_band=reader.choice(
            AgeBand,
            data.get("age_band", AgeBand.default().value),
            f"{path}.age_band",
            AgeBand.default(),
        ),
        paid_for_hours_worked=reader.flag(data, "paid_for_hours_worked", path),
    )


def _employer_ni(reader: _Reader, value: Any, path: str) -> EmployerNi:
    if isinstance(value, dict):
        return EmployerNi(NiKind.RATE, reader.number(value, "rate", path))
    kind = reader.choice(NiKind, value, path, NiKind.AUTO)
    if kind is NiKind.RATE:
        reader.problem(path, _('give a rate as {"rate": "0.15"}'))
    return EmployerNi(kind)


def _pension(reader: _Reader, value: Any, path: str) -> Pension | None:
    if value is None or value == "none":
        return None
    data = reader.obj(value, path)
    return Pension(
        rate=reader.number(data, "rate", path),
        on=reader.choice(
            PensionBase,
            data.get("on", "qualifying_earnings"),
            f"{path}.on",
            PensionBase.QUALIFYING_EARNINGS,
        ),
    )


def _pool(reader: _Reader, pool_id: str, data: dict) -> OverheadPool:
    path = f"$.overhead_pools.{pool_id}"
    basis = reader.choice(Basis, data.get("basis", "staff_time"), f"{path}.basis", Basis.STAFF_TIME)
    return OverheadPool(
        id=pool_id,
        basis=basis,
        name=reader.text(data, "name", path, default=""),
        shares=reader.shares(data.get("shares", {}), f"{path}.shares")
        if basis is Basis.SHARES
        else None,
    )


def _cost(reader: _Reader, data: dict, path: str) -> CostLine:
    apportion = data.get("apportion")
    basis = shares = None
    if apportion is not None:
        spec = reader.obj(apportion, f"{path}.apportion")
        basis = reader.choice(Basis, spec.get("basis"), f"{path}.apportion.basis", Basis.EQUAL)
        if basis is Basis.SHARES:
            shares = reader.shares(spec.get("shares", {}), f"{path}.apportion.shares")
    return CostLine(
        id=reader.text(data, "id", path),
        name=reader.text(data, "name", path),
        category=reader.text(data, "category", path, default="other"),
        annual_amount=reader.number(data, "annual_amount", path),
        direct=reader.optional_id(data, "direct", path),
        basis=basis,
        shares=shares,
        pool=reader.optional_id(data, "pool", path),
        varies_with_volume=reader.flag(data, "varies_with_volume", path),
    )


# Writing ----------------------------------------------------------------------------------


def model_to_dict(model: CostingModel) -> dict:
    """The model as JSON-ready data: amounts as decimal strings, the documented key names."""
    scenario = model.scenario
    return {
        "format": FORMAT,
        "version": VERSION,
        "organisation": {
            "name": model.organisation.name,
            "vat_registered": model.organisation.vat_registered,
            "locale": model.organisation.locale,
            **_organisation_flags(model.organisation),
        },
        "scenario": {
            "name": scenario.name,
            "period_start": scenario.period_start.isoformat(),
            "period_end": scenario.period_end.isoformat(),
            "tax_year": scenario.tax_year,
            "claims_employment_allowance": scenario.claims_employment_allowance,
            # written only when answered, so files from before read back unchanged
            **{
                key: getattr(scenario, key).value
                for key in ALLOWANCE_ANSWERS
                if getattr(scenario, key) is not Answer.NOT_SURE
            },
        },
        "services": [_service_dict(s) for s in scenario.services],
        "staff": [_post_dict(p) for p in scenario.staff],
        "overhead_pools": {p.id: _pool_dict(p) for p in scenario.pools},
        "costs": [_cost_dict(c) for c in scenario.costs],
        "bases": {b: _strings(t) for b, t in scenario.bases.items()},
    }


def save_model_file(model: CostingModel, path: str | Path) -> None:
    """Write the model as indented UTF-8 JSON (whole or not at all: FileWriteError)."""
    text = json.dumps(model_to_dict(model), indent=2, ensure_ascii=False)
    write_atomically(path, text + "\n")


def _strings(table: Mapping[str, Decimal]) -> dict[str, str]:
    return {key: plain(value) for key, value in table.items()}


def _number(value: Decimal | None) -> str | None:
    return None if value is None else plain(value)


def _service_dict(service: Service) -> dict:
    data: dict[str, Any] = {"id": service.id, "name": service.name}
    if service.description:
        data["description"] = service.description
    data["unit"] = service.unit
    volume = service.volume
    if volume.kind is VolumeKind.FROM_STAFF_HOURS:
        data["planned_units"] = VolumeKind.FROM_STAFF_HOURS.value
    elif volume.kind is VolumeKind.CAPACITY:
        data["capacity_units"] = _number(volume.capacity)
        data["occupancy"] = _number(volume.occupancy)
    else:
        data["planned_units"] = _number(volume.units)
    data["surplus"] = {"kind": service.surplus.kind.value, "value": plain(service.surplus.value)}
    data["vat"] = service.vat.value
    data["price_rounding"] = plain(service.price_rounding)
    # written only when set, so files from before these fields read back unchanged
    if service.regulated_activity is not RegulatedActivity.NONE:
        data["regulated_activity"] = service.regulated_activity.value
    if service.welfare_advice:
        data["welfare_advice"] = True
    return data


def _organisation_flags(info: OrganisationInfo) -> dict[str, bool]:
    """`charity` and `cqc_registered` when true (absent means false)."""
    flags = {"charity": info.charity, "cqc_registered": info.cqc_registered}
    return {key: value for key, value in flags.items() if value}


def _post_dict(post: StaffPost) -> dict:
    data: dict[str, Any] = {"id": post.id, "role": post.role}
    if post.hourly_rate is not None:
        data["hourly_rate"] = plain(post.hourly_rate)
    else:
        data["annual_salary"] = _number(post.annual_salary)
        data["fte"] = plain(post.fte)
    if post.paid_hours_per_person is not None:
        data["paid_hours_per_person"] = plain(post.paid_hours_per_person)
    data["headcount"] = plain(post.headcount)
    data["delivers_units"] = post.delivers_units
    if post.paid_for_hours_worked:
        data["paid_for_hours_worked"] = True
    if post.age_band is not AgeBand.default():
        data["age_band"] = AgeBand(post.age_band).value
    ni = post.employer_ni
    data["employer_ni"] = {"rate": _number(ni.rate)} if ni.kind is NiKind.RATE else ni.kind.value
    data["pension"] = (
        {"rate": plain(post.pension.rate), "on": post.pension.on.value} if post.pension else "none"
    )
    if post.other_oncosts_rate:
        data["other_oncosts"] = {"rate": plain(post.other_oncosts_rate)}
    data["non_chargeable"] = _strings(post.non_chargeable)
    data["time"] = _strings(post.time)
    return data


def _pool_dict(pool: OverheadPool) -> dict:
    data: dict[str, Any] = {"basis": pool.basis.value}
    if pool.name:
        data["name"] = pool.name
    if pool.shares is not None:
        data["shares"] = _strings(pool.shares)
    return data


def _cost_dict(line: CostLine) -> dict:
    data: dict[str, Any] = {
        "id": line.id,
        "name": line.name,
        "category": line.category,
        "annual_amount": plain(line.annual_amount),
    }
    if line.direct is not None:
        data["direct"] = line.direct
        if line.varies_with_volume:
            data["varies_with_volume"] = True
    elif line.pool is not None:
        data["pool"] = line.pool
    else:
        apportion: dict[str, Any] = {"basis": line.basis.value if line.basis else "equal"}
        if line.shares is not None:
            apportion["shares"] = _strings(line.shares)
        data["apportion"] = apportion
    return data


__all__ = ["POOL_PREFIX", "load_model_file", "model_to_dict", "read_model", "save_model_file"]


def _utf8_text(path: Path) -> str:
    """The file's text, which must be UTF-8; a byte order mark (Windows Notepad) is dropped."""
    raw = path.read_bytes()
    # UTF-16 and UTF-32 start with a mark or hold zero bytes, which UTF-8 JSON never does
    if not raw.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00" not in raw:
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
    raise CostingError(
        [
            Problem(
                "$",
                _(
                    "“{file}” is not saved as UTF-8 text; open it in a text editor, "
                    "save it as UTF-8 and try again"
                ).format(file=path.name),
            )
        ]
    )
