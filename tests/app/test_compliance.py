"""Compliance use cases: facts from the app, answers kept, evidence pack checksums verified."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

from costready.app import compliance
from costready.app.sample import install_sample
from costready.compliance.evidence import EvidenceKind
from costready.compliance.interview import SOURCE_INVOICES, SOURCE_SERVICES
from costready.compliance.readiness import Progress, Status
from costready.costing.model import RegulatedActivity
from costready.storage.models_compliance import ComplianceEvidenceRow

TODAY = date(2026, 12, 6)


def test_vat_registration_comes_from_the_profile_and_is_not_asked(workspace) -> None:
    org_id, _scenario = install_sample(workspace)
    view = compliance.checklist(workspace, org_id, TODAY)
    assert "vat_registered" in view.known.sources
    assert all(q.name != "vat_registered" for q in view.known.asked())
    # the sample has issued invoices: its taxable turnover comes from them, not asked
    assert view.known.sources["taxable_turnover"] == SOURCE_INVOICES
    assert all(q.name != "taxable_turnover" for q in view.known.asked())


def test_personal_care_comes_from_a_service_marked_as_personal_care(workspace) -> None:
    # the sample's home support is marked personal care (it sets its VAT): not asked again
    org_id, scenario_id = install_sample(workspace)
    view = compliance.checklist(workspace, org_id, TODAY)
    assert view.known.values["personal_care"] == "yes"
    assert view.known.sources["personal_care"] == SOURCE_SERVICES
    assert all(q.name != "personal_care" for q in view.known.asked())
    # with no service marked, nothing is proved: the question is asked
    scenario = workspace.load_scenario(scenario_id)
    unmarked = tuple(
        replace(s, regulated_activity=RegulatedActivity.NONE) for s in scenario.services
    )
    workspace.save_scenario(scenario_id, replace(scenario, services=unmarked))
    view = compliance.checklist(workspace, org_id, TODAY)
    assert "personal_care" not in view.known.sources
    assert any(q.name == "personal_care" for q in view.known.asked())


def test_answers_are_kept_and_judged(workspace) -> None:
    org_id, _scenario = install_sample(workspace)
    compliance.save_answers(workspace, org_id, {"food": "regularly"})
    view = compliance.checklist(workspace, org_id, TODAY)
    assert view.answers["food"] == "regularly"
    assert view.entry("FOOD-01").applicable


def _pack(workspace, tmp_path: Path) -> tuple[int, Path]:
    org_id, _scenario = install_sample(workspace)
    evidence = tmp_path / "ico.pdf"
    evidence.write_bytes(b"ICO registration")
    assert compliance.attach_file(workspace, org_id, "DATA-01", evidence, TODAY) == []
    compliance.add_note_evidence(workspace, org_id, "DATA-01", EvidenceKind.REFERENCE, "ZA1")
    compliance.save_progress(
        workspace, org_id, "DATA-01", Progress(Status.DONE, done_on=date(2026, 1, 20))
    )
    return org_id, tmp_path / "pack.zip"


def test_the_evidence_pack_holds_the_report_the_files_and_an_index(workspace, tmp_path) -> None:
    org_id, target = _pack(workspace, tmp_path)
    assert compliance.write_evidence_pack(workspace, org_id, target, TODAY) == []
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        assert "readiness-report.pdf" in names
        assert any(n.endswith("ico.pdf") for n in names)
        index = archive.read("index.tsv").decode()
    assert "DATA-01\tfile\tico.pdf" in index and "\tok" in index
    assert "ZA1" in index


def test_an_altered_or_missing_file_is_reported_not_dropped(workspace, tmp_path) -> None:
    org_id, target = _pack(workspace, tmp_path)
    with workspace.writing() as uow:
        row = uow.session.query(ComplianceEvidenceRow).filter_by(kind="file").one()
        row.content = b"tampered"
    problems = compliance.write_evidence_pack(workspace, org_id, target, TODAY)
    assert problems and "checksum" in problems[0].message
    with zipfile.ZipFile(target) as archive:
        assert "changed since it was attached" in archive.read("index.tsv").decode()
    with workspace.writing() as uow:
        uow.session.query(ComplianceEvidenceRow).filter_by(kind="file").one().content = None
    problems = compliance.write_evidence_pack(workspace, org_id, target, TODAY)
    assert problems and "missing" in problems[0].message


def test_advisor_table_lists_every_organisation(workspace) -> None:
    install_sample(workspace)
    rows = compliance.advisor_table(workspace, TODAY)
    assert len(rows) == 1 and rows[0].overall.applicable > 0


def test_the_sample_has_answered_the_interview_so_every_item_is_decided(workspace) -> None:
    # a new user opening the sample sees what applies and why, not "Check" down the list
    from costready.app.sample_compliance import SAMPLE_ANSWERS
    from costready.compliance.applicability import State

    org_id, _scenario = install_sample(workspace)
    view = compliance.checklist(workspace, org_id, TODAY)
    assert view.known.asked() == [] or all(q.name in SAMPLE_ANSWERS for q in view.known.asked())
    assert all(view.answers[name] == value for name, value in SAMPLE_ANSWERS.items())
    assert compliance.state_counts(view)[State.CHECK] == 0
    assert view.entry("FOOD-01").applicable  # the lunch at day activities
