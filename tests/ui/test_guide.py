"""The guided setup dialog, driven with real widgets: a round trip that changes nothing, and from
a new organisation to a price through the pages' own editors."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPushButton,
)

from costready.app import guide as flow
from costready.app.model_files import export_model
from costready.costing.model import Basis, Volume, VolumeKind
from costready.costing.modelfile import save_model_file
from costready.costing.rules import default_sickness_share
from costready.storage.keys import LAST_ORGANISATION
from costready.ui.guide import GuideDialog
from costready.ui.guide.steps.costs import CostsStep
from costready.ui.guide.steps.staff import StaffStep
from costready.ui.pages import staff as staff_page
from costready.ui.pages.staff import Answer
from costready.ui.table_model import WARNING_ROLE
from tests.ui.cells import edit_cell


def _open(qtbot, ws, organisation_id=None) -> GuideDialog:
    dialog = GuideDialog(ws, organisation_id=organisation_id)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    return dialog


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _type(qtbot, widget, text: str) -> None:
    assert isinstance(widget, QLineEdit)
    widget.clear()
    qtbot.keyClicks(widget, text)


def _next(qtbot, dialog: GuideDialog, expected: str) -> None:
    _click(qtbot, dialog.next_button)
    qtbot.waitUntil(lambda: dialog.flow.current.key == expected)


def _export(ws, ids, path) -> bytes:
    save_model_file(export_model(ws, *ids), path)
    return path.read_bytes()


# Resuming and pressing Next through every step changes nothing --------------------------------
@pytest.mark.parametrize("ids_fixture", ["sample_ids", "example_ids"])
def test_next_through_every_step_changes_nothing(qtbot, request, workspace, tmp_path, ids_fixture):
    ids = request.getfixturevalue(ids_fixture)
    before = _export(workspace, ids, tmp_path / "before.json")
    organisation = workspace.organisation(ids[0])
    scenario = workspace.load_scenario(ids[1])

    dialog = _open(qtbot, workspace, organisation_id=ids[0])
    assert dialog.flow.current.key == flow.ORGANISATION
    assert dialog.scenario_id == ids[1]
    # the mouse on Next for the first steps, the keyboard (Return: Next is the default) after
    _next(qtbot, dialog, flow.SERVICES)
    _next(qtbot, dialog, flow.STAFF)
    for key in (flow.COSTS, flow.REVIEW):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda key=key: dialog.flow.current.key == key)
    assert dialog.steps[flow.REVIEW].model.rowCount() == len(scenario.services)
    _click(qtbot, dialog.finish_button)
    qtbot.waitUntil(lambda: dialog.result() == GuideDialog.DialogCode.Accepted)

    assert _export(workspace, ids, tmp_path / "after.json") == before
    assert workspace.organisation(ids[0]) == organisation
    assert workspace.load_scenario(ids[1]) == scenario
    assert dialog.undo_stack.count() == 0  # nothing was edited on the way


def test_the_sample_keeps_supervision_other_time_and_pension_bases(qtbot, workspace, sample_ids):
    """The issue's case: Next on the staff step used to drop time and change pension bases."""
    scenario = workspace.load_scenario(sample_ids[1])
    kinds = {kind for post in scenario.staff for kind in post.non_chargeable}
    assert {"supervision", "other"} & kinds  # the sample has them: the test can fail
    dialog = _open(qtbot, workspace, organisation_id=sample_ids[0])
    dialog.go_to(flow.STAFF)  # not reached yet: stays
    assert dialog.flow.current.key == flow.ORGANISATION
    _next(qtbot, dialog, flow.SERVICES)
    _next(qtbot, dialog, flow.STAFF)
    _next(qtbot, dialog, flow.COSTS)
    assert workspace.load_scenario(sample_ids[1]).staff == scenario.staff
    prices = {s.name: s.price for s in dialog.document.result.services}
    assert prices["Home support"] == Decimal("36.40")  # the sample as README.md states it


# From a new organisation to a price ------------------------------------------------------------
def _name_the_organisation(qtbot, dialog: GuideDialog, name: str = "Riverside Care") -> None:
    _type(qtbot, dialog.organisation_step.first_input(), name)


def _add(qtbot, page, name: str) -> None:
    """Add a row through the page's own Add button and its name dialog."""
    _click(qtbot, page.buttons["add"] if page.model.rowCount() else _empty_button(page))
    qtbot.waitUntil(lambda: page.dialog is not None)
    dialog = page.dialog
    _type(qtbot, dialog.findChild(QLineEdit), name)
    qtbot.keyClick(dialog.findChild(QLineEdit), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None)


def _empty_button(page) -> QPushButton:
    [button] = page.empty.findChildren(QPushButton)
    return button


def _to_staff_with_one_service(qtbot, dialog: GuideDialog) -> None:
    _name_the_organisation(qtbot, dialog)
    _next(qtbot, dialog, flow.SERVICES)
    services = dialog.steps[flow.SERVICES].page
    _add(qtbot, services, "Advice session")
    edit_cell(qtbot, services.view, 0, "units", "300")
    _next(qtbot, dialog, flow.STAFF)


def test_from_a_name_to_a_price(qtbot, workspace):
    dialog = _open(qtbot, workspace)
    assert dialog.next_button.isDefault()
    assert workspace.organisations() == []
    _to_staff_with_one_service(qtbot, dialog)
    org_id, scenario_id = dialog.organisation_id, dialog.scenario_id
    assert org_id is not None and scenario_id is not None
    assert workspace.organisation(org_id).name == "Riverside Care"

    staff = dialog.steps[flow.STAFF].page
    _add(qtbot, staff, "Adviser")
    post = workspace.load_scenario(scenario_id).post("adviser")
    assert post.annual_salary == Decimal("24784.50")  # the National Living Wage, full time
    assert post.time == {"advice-session": Decimal(1)}  # one service: all its time there
    assert post.non_chargeable["sickness"] == default_sickness_share()  # the rules file's
    _next(qtbot, dialog, flow.COSTS)

    costs = dialog.steps[flow.COSTS]
    assert isinstance(costs, CostsStep)
    _add(qtbot, costs.page, "Rent")
    edit_cell(qtbot, costs.page.view, 0, "amount", "6000")
    _next(qtbot, dialog, flow.REVIEW)

    review = dialog.steps[flow.REVIEW]
    assert review.model.rowCount() == 1
    name = review.model.index_of(0, "name").data()
    price_text = review.model.index_of(0, "price").data()
    assert name == "Advice session"
    assert price_text.startswith("£") and price_text.endswith("per hour")
    assert dialog.finish_button.isVisible() and not dialog.next_button.isVisible()

    _click(qtbot, dialog.finish_button)
    qtbot.waitUntil(lambda: dialog.result() == GuideDialog.DialogCode.Accepted)
    assert workspace.get_setting(org_id, flow.FINISHED_SETTING) == "1"
    assert workspace.get_setting(None, LAST_ORGANISATION) == str(org_id)
    saved = workspace.load_scenario(scenario_id)
    assert [s.name for s in saved.services] == ["Advice session"]
    assert [c.name for c in saved.costs] == ["Rent"]
    assert saved.cost("rent").annual_amount == Decimal("6000")


def test_leaving_after_step_two_resumes_at_step_three(qtbot, workspace):
    dialog = _open(qtbot, workspace)
    _to_staff_with_one_service(qtbot, dialog)
    _click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    org_id = dialog.organisation_id
    assert org_id is not None
    assert workspace.get_setting(org_id, flow.STEP_SETTING) == flow.STAFF

    again = _open(qtbot, workspace, organisation_id=org_id)

    assert again.flow.current.key == flow.STAFF
    assert again.step_list.currentRow() == 2
    assert again.scenario_id == dialog.scenario_id
    _click(qtbot, again.back_button)
    qtbot.waitUntil(lambda: again.flow.current.key == flow.SERVICES)
    services = again.steps[flow.SERVICES].page
    assert services.model.index_of(0, "name").data() == "Advice session"
    assert services.model.item(0).volume.units == Decimal(300)
    _click(qtbot, again.back_button)
    qtbot.waitUntil(lambda: again.flow.current.key == flow.ORGANISATION)
    assert again.organisation_step.page.name_edit.text() == "Riverside Care"


def test_closing_before_a_name_keeps_nothing(qtbot, workspace):
    dialog = _open(qtbot, workspace)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.organisation_id is None
    assert workspace.organisations() == []


def test_a_bad_vat_number_blocks_next_with_a_message(qtbot, workspace):
    dialog = _open(qtbot, workspace)
    form = dialog.organisation_step.form
    _name_the_organisation(qtbot, dialog)
    assert not form.vat_number_edit.isEnabled()
    form.vat_check.setFocus()
    qtbot.keyClick(form.vat_check, Qt.Key.Key_Space)
    assert form.vat_number_edit.isEnabled()
    _type(qtbot, form.vat_number_edit, "GB 123 4567 00")

    _click(qtbot, dialog.next_button)

    error = form.errors.labels["vat_number"]
    qtbot.waitUntil(error.isVisible)
    assert "not a valid UK VAT number" in error.text()
    assert dialog.flow.current.key == flow.ORGANISATION
    assert workspace.organisations() == []
    _type(qtbot, form.vat_number_edit, "GB 980 7806 84")  # a number whose check digits match
    assert not error.isVisible()
    _next(qtbot, dialog, flow.SERVICES)
    assert workspace.organisations()[0].vat_number == "GB980780684"


def test_a_new_organisation_starts_with_a_blank_scenario_for_its_year(qtbot, workspace):
    dialog = _open(qtbot, workspace)
    _name_the_organisation(qtbot, dialog)
    _next(qtbot, dialog, flow.SERVICES)
    scenario = workspace.load_scenario(dialog.scenario_id)
    assert scenario.services == () and scenario.staff == ()
    assert [pool.id for pool in scenario.pools] == ["management"]
    assert scenario.claims_employment_allowance  # a CIO, the form the guide starts with
    # the organisation step now shows the Organisation page itself
    assert dialog.organisation_step.form is None
    assert dialog.organisation_step.page is not None


def test_a_time_split_that_is_not_100_blocks_next_naming_the_post(qtbot, workspace):
    dialog = _open(qtbot, workspace)
    _to_staff_with_one_service(qtbot, dialog)
    services = dialog.steps[flow.SERVICES].page
    staff_step = dialog.steps[flow.STAFF]
    staff = staff_step.page
    _add(qtbot, staff, "Adviser")
    # a second service after the post: the post's time stays on the first, so all is well
    dialog.go_to(flow.SERVICES)
    _add(qtbot, services, "Drop-in")
    edit_cell(qtbot, services.view, 1, "units", "100")
    _next(qtbot, dialog, flow.STAFF)
    _add(qtbot, staff, "Cook")  # two services: its time is not split yet

    _click(qtbot, dialog.next_button)

    qtbot.waitUntil(staff_step.problems.isVisible)
    assert "Cook" in staff_step.problems.text()
    assert "time adds up to 0%, not 100%" in staff_step.problems.text()
    assert dialog.flow.current.key == flow.STAFF


def test_review_problems_take_you_to_the_step_that_fixes_them(qtbot, workspace):
    dialog = _open(qtbot, workspace)
    _name_the_organisation(qtbot, dialog)
    _next(qtbot, dialog, flow.SERVICES)
    services = dialog.steps[flow.SERVICES].page
    _add(qtbot, services, "Home support")
    # counted from staff hours, as a person picks in the "Units counted" cell
    scenario = dialog.document.scenario
    service = replace(scenario.services[0], volume=Volume(VolumeKind.FROM_STAFF_HOURS))
    dialog.document.apply(replace(scenario, services=(service,)), "Count from staff hours")
    _next(qtbot, dialog, flow.STAFF)  # nobody delivers the hours
    _next(qtbot, dialog, flow.COSTS)
    _next(qtbot, dialog, flow.REVIEW)

    review = dialog.steps[flow.REVIEW]
    fix = review.findChild(QPushButton, f"fix-{flow.SERVICES}")
    assert fix is not None
    assert review.findChild(QPushButton, f"fix-{flow.STAFF}") is not None
    assert not review.table.isVisibleTo(review)
    _click(qtbot, dialog.finish_button)
    assert dialog.result() != GuideDialog.DialogCode.Accepted
    _click(qtbot, fix)
    qtbot.waitUntil(lambda: dialog.flow.current.key == flow.SERVICES)


def test_alt_b_and_alt_n_are_the_only_mnemonics_of_their_letters(qtbot, workspace, sample_ids):
    dialog = _open(qtbot, workspace, organisation_id=sample_ids[0])
    assert dialog.next_button.shortcut() == QKeySequence("Alt+N")
    assert dialog.back_button.shortcut() == QKeySequence("Alt+B")
    dialog.flow.reached = len(dialog.steps) - 1
    for key in dialog.steps:
        dialog.go_to(key)
        shown = [
            QKeySequence.mnemonic(w.text()).toString()
            for kind in (QAbstractButton, QLabel)
            for w in dialog.findChildren(kind)
            if w.isVisible() and "&" in w.text()
        ]
        # a letter used twice would make Alt+letter do nothing
        assert len(shown) == len(set(shown)), (key, shown)
        assert ("Alt+N" in shown) != (key == flow.REVIEW), (key, shown)


def test_every_input_has_an_accessible_name(qtbot, workspace, sample_ids):
    dialog = _open(qtbot, workspace, organisation_id=sample_ids[0])
    inputs = [
        w
        for step in dialog.steps.values()
        for kind in (QLineEdit, QComboBox, QDateEdit, QAbstractButton)
        for w in step.findChildren(kind)
        # Qt's own parts: a combo box's inner line edit, a table's corner button
        if not isinstance(w.parent(), (QComboBox, QDateEdit))
        and not w.objectName().startswith("qt_")
    ]
    assert inputs
    assert [(w, w.objectName()) for w in inputs if not w.accessibleName()] == []


def test_return_in_a_cell_finishes_the_cell_and_does_not_press_next(qtbot, workspace):
    dialog = _open(qtbot, workspace)
    _name_the_organisation(qtbot, dialog)
    _next(qtbot, dialog, flow.SERVICES)
    services = dialog.steps[flow.SERVICES].page
    _add(qtbot, services, "Advice session")
    edit_cell(qtbot, services.view, 0, "units", "300")  # ends with Return in the cell
    assert dialog.flow.current.key == flow.SERVICES
    assert dialog.document.scenario.services[0].volume.units == Decimal(300)
    assert dialog.next_button.isDefault()  # still the default outside the tables


def test_next_saves_the_cell_being_typed_in(qtbot, workspace):
    dialog = _open(qtbot, workspace)
    _name_the_organisation(qtbot, dialog)
    _next(qtbot, dialog, flow.SERVICES)
    services = dialog.steps[flow.SERVICES].page
    _add(qtbot, services, "Advice session")
    index = services.model.index_of(0, "units")
    services.view.setCurrentIndex(index)
    services.view.edit(index)
    editor = services.view.indexWidget(index)
    editor.selectAll()
    qtbot.keyClicks(editor, "250")

    dialog.go_next()  # as Alt+N does, with the cell still open

    qtbot.waitUntil(lambda: dialog.flow.current.key == flow.STAFF)
    assert dialog.document.scenario.services[0].volume.units == Decimal(250)


def test_return_outside_a_table_still_presses_next(qtbot, workspace):
    dialog = _open(qtbot, workspace)
    name = dialog.organisation_step.first_input()
    _type(qtbot, name, "Riverside Care")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.flow.current.key == flow.SERVICES)


def test_escape_in_a_cell_leaves_the_cell_not_the_guide(qtbot, workspace, sample_ids):
    dialog = _open(qtbot, workspace, organisation_id=sample_ids[0])
    _next(qtbot, dialog, flow.SERVICES)
    _next(qtbot, dialog, flow.STAFF)
    view = dialog.steps[flow.STAFF].page.view
    index = view.model().index_of(0, "role")
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index)
    editor.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.indexWidget(index) is None)
    assert dialog.isVisible()  # the first Escape only leaves the cell


def test_the_staff_step_hint_counts_sickness_as_paid_time_not_charged(qtbot, workspace):
    dialog = _open(qtbot, workspace)
    _to_staff_with_one_service(qtbot, dialog)
    staff = dialog.steps[flow.STAFF]
    assert isinstance(staff, StaffStep)
    text = staff.time_hint.text()
    assert staff.time_hint.isVisible()
    assert "Holiday, sickness, training and travel are paid but cannot be charged" in text
    assert "2% of paid hours is allowed for sickness" in text  # the rules file's default
    assert "holiday, sickness, training and travel" in flow.step(flow.STAFF).explanation


def test_the_staff_step_asks_about_the_employment_allowance(qtbot, workspace):
    dialog = _open(qtbot, workspace)
    _to_staff_with_one_service(qtbot, dialog)  # a CIO, the form the guide starts with
    staff = dialog.steps[flow.STAFF]
    assert isinstance(staff, StaffStep)
    box = staff.allowance
    assert box.isVisible() and box.isChecked()
    assert box.text().replace("&", "") == (
        "We claim the Employment Allowance (up to £10,500.00 a year off employer NI)"
    )
    assert "only paid employee is a director" in staff.allowance_hint.text()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert not box.isChecked()
    assert workspace.load_scenario(dialog.scenario_id).claims_employment_allowance is False
    [undo] = [a for a in dialog.actions() if a.shortcut() == QKeySequence.StandardKey.Undo]
    undo.trigger()  # Ctrl+Z takes an edit back in the guide as on the pages
    qtbot.waitUntil(box.isChecked)
    assert workspace.load_scenario(dialog.scenario_id).claims_employment_allowance is True


def test_common_costs_come_shared_the_usual_way(qtbot, workspace):
    dialog = _open(qtbot, workspace)
    _to_staff_with_one_service(qtbot, dialog)
    _next(qtbot, dialog, flow.COSTS)
    costs = dialog.steps[flow.COSTS]
    assert isinstance(costs, CostsStep)
    names = [line.name for line in costs.common_costs()]
    assert names[0] == "Rent" and "Management costs" in names

    rent, *_others, management = costs.common_costs()
    costs.add_common(rent)
    assert "floor area" in costs.page.status.text()  # it says where the areas go
    costs.add_common(management)

    saved = workspace.load_scenario(dialog.scenario_id).costs
    assert [(c.name, c.basis, c.pool) for c in saved] == [
        ("Rent", Basis.FLOOR_AREA, None),
        ("Management costs", None, "management"),
    ]


def test_removing_a_service_says_its_own_costs_went_with_it(qtbot, workspace):
    dialog = _open(qtbot, workspace)
    _to_staff_with_one_service(qtbot, dialog)
    _next(qtbot, dialog, flow.COSTS)
    costs = dialog.steps[flow.COSTS].page
    _add(qtbot, costs, "Leaflets")
    edit_cell(qtbot, costs.view, 0, "amount", "300")
    scenario = dialog.document.scenario
    direct = replace(scenario.costs[0], basis=None, direct="advice-session")
    dialog.document.apply(replace(scenario, costs=(direct,)), "Charge Leaflets to Advice session")
    dialog.go_to(flow.SERVICES)
    services = dialog.steps[flow.SERVICES].page
    services.select_row(0)

    services.remove(0)

    text = services.status.text()
    assert "Removed Advice session." in text
    assert "“Leaflets” (£300.00 a year) was charged only to Advice session" in text
    assert "Leaflets" not in [c.name for c in workspace.load_scenario(dialog.scenario_id).costs]


def test_a_number_that_cannot_be_read_is_refused_by_the_pages_own_check(qtbot, workspace):
    dialog = _open(qtbot, workspace)
    _name_the_organisation(qtbot, dialog)
    _next(qtbot, dialog, flow.SERVICES)
    page = dialog.steps[flow.SERVICES].page
    _add(qtbot, page, "Advice")

    edit_cell(qtbot, page.view, 0, "units", "lots")

    qtbot.waitUntil(page.error.isVisible)
    assert "“lots” is not a number" in page.error.text()
    assert dialog.document.scenario.services[0].volume.units == Decimal(0)
    _click(qtbot, dialog.next_button)  # zero units a year: the step's own problem stops Next
    step = dialog.steps[flow.SERVICES]
    qtbot.waitUntil(step.problems.isVisible)
    assert "Advice: planned units must be more than zero" in step.problems.text()
    edit_cell(qtbot, page.view, 0, "units", "250")
    qtbot.waitUntil(lambda: not step.problems.isVisible())  # put right: the message goes
    _next(qtbot, dialog, flow.STAFF)


def test_resume_from_the_window_and_next_to_the_end_changes_nothing(
    qtbot, window, workspace, sample_ids, tmp_path, monkeypatch
):
    before = _export(workspace, sample_ids, tmp_path / "before.json")
    seen: list[str] = []

    def drive(dialog: GuideDialog) -> int:
        with qtbot.waitActive(dialog):
            dialog.show()
        while not dialog.flow.is_last:
            seen.append(dialog.flow.current.key)
            _click(qtbot, dialog.next_button)
        _click(qtbot, dialog.finish_button)
        return dialog.result()

    monkeypatch.setattr(GuideDialog, "exec", drive)
    window.file_actions.resume_guide()

    assert seen == [flow.ORGANISATION, flow.SERVICES, flow.STAFF, flow.COSTS]
    assert _export(workspace, sample_ids, tmp_path / "after.json") == before
    assert window.document.organisation_id == sample_ids[0]
    assert workspace.get_setting(sample_ids[0], flow.FINISHED_SETTING) == "1"


def test_the_staff_step_warns_of_pay_below_the_legal_minimum(qtbot, workspace, monkeypatch):
    questions = []
    monkeypatch.setattr(
        staff_page,
        "ask_doubt",
        lambda _parent, doubt: questions.append(doubt) or Answer.ALTERNATIVE,
    )
    dialog = _open(qtbot, workspace)
    _to_staff_with_one_service(qtbot, dialog)
    staff = dialog.steps[flow.STAFF].page
    _add(qtbot, staff, "Adviser")
    assert not staff.floor_banner.isVisible()
    # "Paid" starts as a yearly salary, so 9.00 is asked about: £9.00 an hour is meant
    edit_cell(qtbot, staff.view, 0, "pay", "9.00")
    qtbot.waitUntil(staff.floor_banner.isVisible)
    assert [q.question for q in questions] == [
        "A yearly salary of £9.00 — did you mean £9.00 an hour?"
    ]
    assert (
        "Adviser: £9.00 an hour is below the National Living Wage" in staff.floor_banner.messages[0]
    )
    assert "£9.00" in staff.model.index_of(0, "pay").data(WARNING_ROLE)
