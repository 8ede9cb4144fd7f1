"""Two programs on one workspace file: the window never saves over the other's work silently,
offers to reload, keeps a refused edit shown until then, and reads again when it gets focus."""

from __future__ import annotations

import decimal
from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget

from costready.app import model_files
from costready.costing import modelfile
from costready.storage.errors import StorageError
from costready.storage.workspace import Workspace
from costready.ui.dialogs.error import ErrorDialog
from costready.ui.shell.file_actions import service_changes_box


@pytest.fixture
def other(workspace):
    """A second program with the same workspace file open."""
    with Workspace(workspace.url) as second:
        yield second


def _with_rent(scenario, amount):
    return replace(
        scenario,
        costs=tuple(
            replace(c, annual_amount=Decimal(amount)) if c.id == "rent" else c
            for c in scenario.costs
        ),
    )


def _rent(scenario) -> Decimal:
    return scenario.cost("rent").annual_amount


def _other_changes_tax_year(other, scenario_id: int) -> None:
    theirs = other.load_scenario(scenario_id)
    other.save_scenario(scenario_id, replace(theirs, tax_year="2027-28"))


def _activate_again(qtbot, window) -> None:
    """Focus goes to another window and comes back, as when the person returns from the CLI."""
    elsewhere = QWidget()
    qtbot.addWidget(elsewhere)
    elsewhere.show()
    elsewhere.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_a_refused_edit_stays_shown_named_in_the_bar_until_reload(qtbot, window, other):
    document = window.document
    _other_changes_tax_year(other, document.scenario_id)
    stored_rent = _rent(other.load_scenario(document.scenario_id))
    mine = _with_rent(document.scenario, 7000)

    document.apply(mine, "Change rent")

    bar = window.conflict_bar
    assert bar.isVisible()
    assert bar.heading.text() == "Your change “Change rent” was not saved"
    assert bar.label.text().startswith(
        "The scenario “Budget 2026-27” was changed in another window or program"
    )
    assert document.scenario == mine  # still shown, so it can be made again
    assert _rent(other.load_scenario(document.scenario_id)) == stored_rent  # nothing written
    assert "“Change rent” was not saved" in window.statusBar().currentMessage()

    qtbot.mouseClick(bar.reload_button, Qt.MouseButton.LeftButton)

    assert not bar.isVisible() and not window.unsaved_edit_pending
    assert document.scenario.tax_year == "2027-28"  # the other program's change
    assert _rent(document.scenario) == stored_rent
    assert window.statusBar().currentMessage().startswith("Reloaded")
    document.apply(_with_rent(document.scenario, 7000), "Change rent")  # made again: saved
    saved = other.load_scenario(document.scenario_id)
    assert _rent(saved) == Decimal(7000) and saved.tax_year == "2027-28"


def test_every_refused_edit_is_named(window, other):
    document = window.document
    _other_changes_tax_year(other, document.scenario_id)
    document.apply(_with_rent(document.scenario, 7000), "Change rent")
    document.apply(replace(document.scenario, name="Plan B"), "Rename scenario")
    heading = window.conflict_bar.heading.text()
    assert heading == "Your changes “Change rent”, “Rename scenario” were not saved"
    assert other.load_scenario(document.scenario_id).name == "Budget 2026-27"


def test_activation_reloads_what_another_program_changed(qtbot, window, workspace, other):
    document = window.document
    window.show_page("organisation")
    org = other.organisation(document.organisation_id)
    other.save_organisation(replace(org, name="Riverside Hub (renamed)"))
    _other_changes_tax_year(other, document.scenario_id)
    copy = replace(other.load_scenario(document.scenario_id), name="Plan B")
    other.create_scenario(document.organisation_id, copy)
    assert window.organisation_page.name_edit.text() == "Riverside Community Hub"

    _activate_again(qtbot, window)

    qtbot.waitUntil(lambda: document.scenario.tax_year == "2027-28")
    assert window.statusBar().currentMessage() == (
        "Reloaded: another program changed this workspace"
    )
    assert window.organisation_label.text() == "Riverside Hub (renamed)"
    assert window.organisation_page.name_edit.text() == "Riverside Hub (renamed)"
    names = [window.scenario_combo.itemText(i) for i in range(window.scenario_combo.count())]
    assert names == ["Budget 2026-27", "Plan B"]
    assert not document.changed_elsewhere()


def test_activation_without_another_programs_writes_reads_nothing(qtbot, window, monkeypatch):
    document = window.document
    document.apply(_with_rent(document.scenario, 7000), "Change rent")  # its own write
    reloads: list[bool] = []
    asked: list[bool] = []
    real_changed_elsewhere = document.changed_elsewhere

    def changed_elsewhere() -> bool:
        asked.append(real_changed_elsewhere())
        return asked[-1]

    monkeypatch.setattr(document, "reload", lambda *a, **k: reloads.append(True))
    monkeypatch.setattr(document, "changed_elsewhere", changed_elsewhere)
    _activate_again(qtbot, window)
    assert asked and not any(asked)  # asked on focus: nobody else wrote
    assert reloads == [] and window.undo_stack.count() == 1


def test_activation_never_drops_a_refused_edit_unasked(qtbot, window, other):
    document = window.document
    _other_changes_tax_year(other, document.scenario_id)
    mine = _with_rent(document.scenario, 7000)
    document.apply(mine, "Change rent")
    theirs = other.load_scenario(document.scenario_id)
    other.save_scenario(document.scenario_id, replace(theirs, name="Their name"))

    _activate_again(qtbot, window)

    assert not window.check_for_changes()
    assert document.scenario == mine  # still shown
    bar = window.conflict_bar
    assert bar.isVisible() and "changed this workspace again" in bar.label.text()
    assert "reload when you are ready" in window.statusBar().currentMessage()
    bar.reload_button.click()
    assert document.scenario.name == "Their name" and not bar.isVisible()


def test_a_save_after_another_programs_write_reloads_the_rest(qtbot, window, other):
    document = window.document
    org = other.organisation(document.organisation_id)
    other.save_organisation(replace(org, name="Riverside Hub (renamed)"))

    document.apply(_with_rent(document.scenario, 7000), "Change rent")  # not theirs: saved

    assert _rent(other.load_scenario(document.scenario_id)) == Decimal(7000)
    qtbot.waitUntil(lambda: window.organisation_label.text() == "Riverside Hub (renamed)")
    assert window.statusBar().currentMessage().startswith("Reloaded")
    assert not window.conflict_bar.isVisible()
    assert _rent(document.scenario) == Decimal(7000)


def test_a_refused_profile_edit_is_named_and_kept_until_reload(qtbot, window, other):
    document = window.document
    window.show_page("organisation")
    page = window.organisation_page
    org = other.organisation(document.organisation_id)
    other.save_organisation(replace(org, address="1 Other Street"))

    page.address_edit.setPlainText("2 My Street")
    assert not page.save_profile()

    bar = window.conflict_bar
    assert bar.isVisible()
    assert bar.heading.text() == "Your change “Change to the organisation's details” was not saved"
    assert bar.label.text().startswith("The organisation “Riverside Community Hub” was changed")
    assert page.address_edit.toPlainText() == "2 My Street"  # what was typed stays shown
    assert other.organisation(document.organisation_id).address == "1 Other Street"

    bar.reload_button.click()
    assert page.address_edit.toPlainText() == "1 Other Street" and not bar.isVisible()


def test_a_record_removed_by_another_program_shows_what_is_left(qtbot, window, other):
    document = window.document
    theirs = other.load_scenario(document.scenario_id)
    kept = other.create_scenario(document.organisation_id, replace(theirs, name="Plan B"))
    other.delete_scenario(document.scenario_id)

    _activate_again(qtbot, window)

    qtbot.waitUntil(lambda: document.scenario_id == kept)
    assert document.scenario.name == "Plan B"
    assert window.scenario_combo.currentText() == "Plan B"


# Unexpected save errors ----------------------------------------------------------------------
def _overflow() -> decimal.Overflow:
    try:
        with decimal.localcontext() as context:
            context.traps[decimal.Overflow] = True
            decimal.Decimal("1e999999999") * decimal.Decimal("1e999999999")
    except decimal.Overflow as error:
        return error
    raise AssertionError("no overflow")


def test_an_unexpected_save_error_shows_words_and_copy_details(window, workspace, monkeypatch):
    def fail(*_args):
        raise _overflow()

    monkeypatch.setattr(workspace, "save_scenario", fail)
    document = window.document
    before = document.scenario
    document.apply(_with_rent(document.scenario, 7000), "Change rent")

    (dialog,) = [d for d in window.findChildren(ErrorDialog) if d.isVisible()]
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "too large or too precise" in shown
    assert not any(word in shown for word in ("<class", "decimal.", "Traceback"))
    assert "Traceback" in dialog.details and "Overflow" in dialog.details
    status = window.statusBar().currentMessage()
    assert status.startswith("Not saved: ") and "<class" not in status
    assert document.scenario == before and document.save_error is None
    dialog.reject()


def test_a_storage_error_on_save_keeps_its_own_words(window, workspace, monkeypatch):
    def fail(*_args):
        raise StorageError("The disk is full.")

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    monkeypatch.setattr(workspace, "save_scenario", fail)
    document = window.document
    document.apply(_with_rent(document.scenario, 7000), "Change rent")
    assert warned == ["Not saved: The disk is full."]
    assert not [d for d in window.findChildren(ErrorDialog) if d.isVisible()]


# Importing into an organisation whose services it would change ---------------------------------
@pytest.fixture
def changed_model_file(workspace, window, tmp_path):
    """The open scenario exported, with one service's unit changed, as a model file."""
    document = window.document
    model = model_files.export_model(workspace, document.organisation_id, document.scenario_id)
    services = tuple(
        replace(s, unit="hour block") if s.id == "day-activities" else s
        for s in model.scenario.services
    )
    scenario = replace(model.scenario, name="Imported plan", services=services)
    path = tmp_path / "changed.json"
    modelfile.save_model_file(replace(model, scenario=scenario), path)
    return path


@pytest.fixture
def import_into_current(window, changed_model_file, monkeypatch):
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(changed_model_file), "")
    )
    actions = window.file_actions
    monkeypatch.setattr(actions, "_ask_import_target", lambda _m: window.document.organisation_id)
    asked: list[list[model_files.ServiceChange]] = []

    def run(answer: bool) -> list[list[model_files.ServiceChange]]:
        def confirm(_model, changes):
            asked.append(changes)
            return answer

        monkeypatch.setattr(actions, "confirm_service_changes", confirm)
        actions.import_model_file()
        return asked

    return run


def _unit(workspace, scenario_id: int, service_id: str) -> str:
    scenario = workspace.load_scenario(scenario_id)
    return next(s.unit for s in scenario.services if s.id == service_id)


def test_an_import_that_would_change_services_asks_and_no_imports_nothing(
    window, workspace, import_into_current
):
    org_id, scenario_id = window.document.organisation_id, window.document.scenario_id
    (changes,) = import_into_current(False)
    (change,) = changes
    assert change.name == "Day activities" and change.scenarios == ("Budget 2026-27",)
    assert [s.name for s in workspace.scenarios(org_id)] == ["Budget 2026-27"]
    assert _unit(workspace, scenario_id, "day-activities") == "session"
    assert window.statusBar().currentMessage() == "Not imported: nothing was changed"


def test_an_import_that_would_change_services_goes_ahead_on_yes(
    window, workspace, import_into_current
):
    org_id, first = window.document.organisation_id, window.document.scenario_id
    assert len(import_into_current(True)) == 1
    assert sorted(s.name for s in workspace.scenarios(org_id)) == [
        "Budget 2026-27",
        "Imported plan",
    ]
    assert _unit(workspace, first, "day-activities") == "hour block"  # as it said it would
    assert window.document.scenario.name == "Imported plan"


def test_the_question_lists_the_services_and_scenarios_touched(workspace, window, qtbot):
    document = window.document
    model = model_files.export_model(workspace, document.organisation_id, document.scenario_id)
    change = model_files.ServiceChange(
        "day-activities",
        "Day activities",
        (("unit", "session", "hour block"),),
        ("Budget 2026-27", "Plan B"),
    )
    box, go_ahead = service_changes_box(model, [change], window)
    text = box.text() + box.informativeText()
    assert "“Day activities”: its unit “session” becomes “hour block”" in text
    assert "Shown in “Budget 2026-27”, “Plan B”" in text
    assert go_ahead.text() == "Import and change services"
    assert box.defaultButton() is not go_ahead  # Enter imports nothing
