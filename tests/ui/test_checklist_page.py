"""The Checklist page: answer the interview, see items switch on, mark one done with
evidence, see readiness change; not applicable without a reason is refused."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
)

from costready.app import compliance
from costready.compliance.applicability import State
from costready.compliance.interview import Known
from costready.compliance.readiness import Status
from costready.ui.dialogs.interview import InterviewDialog
from costready.ui.pages.checklist import ITEM_ROLE, ChecklistPage


def _page(qtbot, document) -> ChecklistPage:
    page = ChecklistPage(document)
    qtbot.addWidget(page)
    return page


def test_interview_switches_items_on_and_done_with_evidence_raises_readiness(
    qtbot, document, tmp_path: Path
) -> None:
    page = _page(qtbot, document)
    page.save_answers({})  # the sample comes answered: start from an unanswered interview
    assert page.view is not None
    assert page.view.entry("CQC-01").applicability.state is State.CHECK
    dialog = InterviewDialog(page.view.known, {})
    qtbot.addWidget(dialog)
    # the sample's home support is marked personal care: known, so not asked; its follow-up is
    assert "personal_care" not in dialog.inputs
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


def test_keyboard_enter_opens_details_and_space_toggles_done(qtbot, document) -> None:
    page = _page(qtbot, document)
    page.show()
    qtbot.waitExposed(page)
    page.select("DATA-02")
    page.tree.setFocus()
    qtbot.waitUntil(page.tree.hasFocus)
    before = page.view.overall.done
    qtbot.keyClick(page.tree, Qt.Key.Key_Space)
    entry = page.view.entry("DATA-02")
    assert entry.progress.status is Status.DONE and entry.progress.done_on == page.view.today
    assert page.view.overall.done == before + 1
    assert page.current == "DATA-02" and page.tree.currentItem().data(0, ITEM_ROLE) == "DATA-02"
    stored = compliance.checklist(document.store, document.organisation_id)
    assert stored.entry("DATA-02").progress.status is Status.DONE
    qtbot.keyClick(page.tree, Qt.Key.Key_Space)  # and back again
    assert page.view.entry("DATA-02").progress.status is Status.NOT_STARTED
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    qtbot.waitUntil(page.status.hasFocus)


def test_tab_goes_from_the_list_to_the_details_and_every_input_is_named(qtbot, document) -> None:
    page = _page(qtbot, document)
    chain = []  # the widgets Tab stops at, in order, from the advisor button on
    widget = page.advisor_button
    for _step in range(60):
        widget = widget.nextInFocusChain()
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.append(widget)
    assert chain.index(page.tree) < chain.index(page.source_button) < chain.index(page.status)
    kinds = (QComboBox, QLineEdit, QPlainTextEdit, QCheckBox, QPushButton)
    inputs = [w for kind in kinds for w in page.findChildren(kind)]
    unnamed = [w for w in inputs if not w.accessibleName()]
    assert not unnamed, [type(w).__name__ for w in unnamed]
    page.select("DATA-02")
    spoken = page.tree.currentItem().data(0, Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("DATA-02 ") and "Not started" in spoken


def test_the_advisor_view_lists_every_organisation_by_area(qtbot, qtmodeltester, document) -> None:
    page = _page(qtbot, document)
    dialog = page.advisor_dialog()
    qtbot.addWidget(dialog)
    model = dialog.model
    assert model.rowCount() == 1
    assert model.index_of(0, "organisation").data() == "Riverside Community Hub"
    assert model.index_of(0, "overall").data().endswith("%")
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "CQC registration" in headers and "Market-readiness tips" in headers
    assert dialog.table.accessibleName() == "Readiness by organisation"
    assert "done" in model.index_of(0, "overall").data(Qt.ItemDataRole.ToolTipRole)
    assert all(model.index(0, c).data() for c in range(model.columnCount()))
    qtmodeltester.check(model)


def test_the_follow_up_question_waits_for_a_yes(qtbot) -> None:
    # nothing known, so personal care is asked (an organisation with no service marked)
    dialog = InterviewDialog(Known.of({}, {}), {"sole_carer": "no"})
    qtbot.addWidget(dialog)
    care, follow = dialog.inputs["personal_care"], dialog.inputs["sole_carer"]
    assert isinstance(care, QComboBox)
    assert not follow.isEnabled()
    assert dialog.answers()["sole_carer"] is None  # an earlier answer no longer counts
    care.setCurrentIndex(care.findData("yes"))
    assert follow.isEnabled() and dialog.answers()["sole_carer"] == "no"


def test_turnover_from_invoices_is_asked_to_confirm_with_the_figure_filled_in(qtbot) -> None:
    from decimal import Decimal

    from costready.compliance.interview import SOURCE_INVOICES

    known = Known.of({}, {"taxable_turnover": (Decimal("270.00"), SOURCE_INVOICES)})
    dialog = InterviewDialog(known, {})
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLabel, "known_taxable_turnover") is None  # asked, not just shown
    assert dialog.answers()["taxable_turnover"] == Decimal("270.00")  # the invoices' figure
    field = dialog.inputs["taxable_turnover"]
    assert isinstance(field, QLineEdit)
    field.clear()
    qtbot.keyClicks(field, "95000")
    assert dialog.answers()["taxable_turnover"] == Decimal("95000")


def test_the_checklist_and_interview_show_their_text_as_typed_never_as_markup(
    qtbot, document
) -> None:
    # a label left to guess would read "<b>" in a typed answer, name or reason as markup (a
    # field's own name, with its mnemonic for the field beside it, is ours: left out)
    page = _page(qtbot, document)
    page.select("CQC-01")
    dialog = InterviewDialog(page.view.known, {})
    qtbot.addWidget(dialog)
    guessing = [
        (type(owner).__name__, label.objectName() or label.text()[:30])
        for owner in (page, dialog)
        for label in owner.findChildren(QLabel)
        if label.text() and label.buddy() is None and label.textFormat() != Qt.TextFormat.PlainText
    ]
    assert guessing == [], guessing
