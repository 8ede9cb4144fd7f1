"""The Checklist page: answer the interview, see items switch on, mark one done with
evidence, see readiness change; not applicable without a reason is refused."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QComboBox

from costready.app import compliance
from costready.compliance.applicability import State
from costready.compliance.readiness import Status
from costready.ui.dialogs.interview import InterviewDialog
from costready.ui.pages.checklist import ChecklistPage


def _page(qtbot, document) -> ChecklistPage:
    page = ChecklistPage(document)
    qtbot.addWidget(page)
    return page


def test_interview_switches_items_on_and_done_with_evidence_raises_readiness(
    qtbot, document, tmp_path: Path
) -> None:
    page = _page(qtbot, document)
    assert page.view is not None
    assert page.view.entry("CQC-01").applicability.state is State.CHECK
    dialog = InterviewDialog(page.view.known, {})
    qtbot.addWidget(dialog)
    combo = dialog.inputs["personal_care"]
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("yes"))
    follow = dialog.inputs["sole_carer"]
    assert isinstance(follow, QComboBox)
    follow.setCurrentIndex(follow.findData("no"))
    dialog.inputs["nations"].findChild(QCheckBox, "nations_england").setChecked(True)
    page.save_answers(dialog.answers())
    assert page.view.entry("CQC-01").applicability.state is State.APPLIES
    assert "personal care: Yes" in page.view.entry("CQC-01").applicability.why

    before = page.view.overall
    page.select("CQC-01")
    assert page.current == "CQC-01"
    assert "personal care" in page.why_applies.text()
    page.status.setCurrentIndex(page.status.findData(Status.DONE.value))
    qtbot.keyClicks(page.done_on, "01/12/2026")
    assert page.save_current() == []
    certificate = tmp_path / "cqc-certificate.pdf"
    certificate.write_bytes(b"%PDF-1.4 certificate")
    assert page.attach(certificate) == []
    after = page.view.overall
    assert after.done == before.done + 1
    assert page.evidence.count() == 1
    assert "cqc-certificate.pdf" in page.evidence.item(0).text()
    stored = compliance.checklist(document.store, document.organisation_id)
    assert stored.entry("CQC-01").progress.status is Status.DONE
    assert stored.evidence["CQC-01"][0].sha256


def test_not_applicable_without_a_reason_is_refused(qtbot, document) -> None:
    page = _page(qtbot, document)
    page.select("DATA-02")
    page.status.setCurrentIndex(page.status.findData(Status.NOT_APPLICABLE.value))
    problems = page.save_current()
    assert problems and problems[0].path == "reason"
    assert "Reason" in page.error.text()
    stored = compliance.checklist(document.store, document.organisation_id)
    assert stored.entry("DATA-02").progress.status is Status.NOT_STARTED
    qtbot.keyClicks(page.reason, "We hold no personal data")
    assert page.save_current() == []
    assert not page.view.entry("DATA-02").applicable
