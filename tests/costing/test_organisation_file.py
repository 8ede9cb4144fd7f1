"""The organisation file's format: what it refuses, each problem at its JSON path."""

from __future__ import annotations

import dataclasses
import io
import json
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from PIL import Image

from costready.costing.model import Scenario, Service, Volume, VolumeKind
from costready.costing.modelfile import parse_json
from costready.costing.organisation_file import (
    OrganisationFile,
    PortablePriceList,
    PortableScenario,
    organisation_file_to_dict,
    read_organisation_file,
)
from costready.costing.price_lists import PublishedService
from costready.costing.results import CostingError
from costready.organisation import LegalForm, Organisation


def scenario(name: str, service_name: str = "Lunch club") -> Scenario:
    return Scenario(
        name=name,
        period_start=date(2026, 4, 1),
        period_end=date(2027, 3, 31),
        tax_year="2026-27",
        services=(
            Service(
                id="lunch",
                name=service_name,
                unit="session",
                volume=Volume(VolumeKind.TYPED, units=Decimal(40)),
            ),
        ),
    )


FILE = OrganisationFile(
    organisation=Organisation(
        name="Tea & Cake <b>",
        legal_form=LegalForm.CIC,
        company_number="01234567",
        address="1 High Street\nTown",
        financial_year_start=date(2026, 1, 1),
    ),
    scenarios=(PortableScenario(scenario("A"), adopted=True), PortableScenario(scenario("B"))),
    price_lists=(
        PortablePriceList(
            scenario=0,
            scenario_name="A",
            effective_from=date(2026, 4, 1),
            approved_by="Board",
            approved_on=date(2026, 3, 1),
            note="",
            created_at=datetime(2026, 3, 1, 10, 30, 5, 123456, tzinfo=UTC),
            prices={"lunch": Decimal("4.50"), "old": Decimal("2.00")},
            services={"lunch": PublishedService("Lunch club", "session", "", "exempt")},
        ),
    ),
    settings={"guide.step": "review"},
)


def text(file: OrganisationFile) -> str:
    return json.dumps(organisation_file_to_dict(file), indent=2, ensure_ascii=False)


def read(data: object) -> OrganisationFile:
    return read_organisation_file(parse_json(json.dumps(data)))


def problems(data: object) -> list[tuple[str, str]]:
    with pytest.raises(CostingError) as refused:
        read(data)
    return [(p.path, p.message) for p in refused.value.problems]


def test_written_and_read_back_it_is_the_same_file():
    again = read(organisation_file_to_dict(FILE))
    assert again == FILE
    assert text(again) == text(FILE)


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 2), (1, 2, 3)).save(buffer, "PNG")
    return buffer.getvalue()


def test_every_profile_field_travels():
    # A field added to Organisation and forgotten here would be lost on export; ids and
    # versions belong to one workspace and stay behind. Optional contact details are written
    # only when given, so the profile here gives every field.
    full = replace(
        FILE,
        organisation=replace(
            FILE.organisation,
            place_of_registration="England and Wales",
            registered_office="2 Low Street\nTown",
            vat_registered_from=date(2026, 7, 1),
            phone="0113 496 0000",
            email="hello@example.org",
            website="https://example.org",
            terms="Order by phone.",
            prices_valid_months=12,
            logo=png(),
        ),
    )
    written = organisation_file_to_dict(full)["organisation"]
    fields = {f.name for f in dataclasses.fields(Organisation)} - {"id", "version"}
    assert set(written) == fields
    assert read(organisation_file_to_dict(full)) == full


def test_a_model_file_or_a_newer_version_is_refused():
    data = organisation_file_to_dict(FILE)
    assert [p for p, _m in problems({**data, "format": "costready-model"})] == ["$.format"]
    assert [p for p, _m in problems({**data, "version": 2})] == ["$.version"]
    assert [p for p, _m in problems({**data, "version": "1"})] == ["$.version"]


def test_two_adopted_scenarios_are_refused():
    data = organisation_file_to_dict(FILE)
    data["scenarios"][1]["adopted"] = True
    assert problems(data) == [("$.scenarios", "only one scenario can be the adopted one")]


def test_a_service_is_the_same_in_every_scenario():
    changed = OrganisationFile(
        FILE.organisation,
        (PortableScenario(scenario("A")), PortableScenario(scenario("B", "Lunches"))),
    )
    ((path, message),) = problems(organisation_file_to_dict(changed))
    assert path == "$.scenarios[1].services[0]"
    assert "“lunch”" in message


def test_the_profile_is_checked_by_the_profile_rules():
    data = organisation_file_to_dict(FILE)
    data["organisation"] |= {"registered_charity": True, "legal_form": "club", "name": "x" * 201}
    assert [p for p, _m in problems(data)] == [
        "$.organisation.legal_form",
        "$.organisation.name",
        "$.organisation.charity_number",
    ]


def test_price_lists_and_settings_are_checked():
    data = organisation_file_to_dict(FILE)
    data["price_lists"][0] |= {"created_at": "2026-03-01T10:30:05", "approved_by": " "}
    data["price_lists"][0]["entries"][1]["service_id"] = "lunch"
    data["settings"] = {"guide.step": 3}
    assert [p for p, _m in problems(data)] == [
        "$.price_lists[0].approved_by",
        "$.price_lists[0].entries[1].service_id",
        "$.price_lists[0].created_at",
        "$.settings.guide.step",
    ]
