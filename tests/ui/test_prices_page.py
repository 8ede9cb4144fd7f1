"""The Prices page: the example model's prices, the build-up, repricing, problems and adopting."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import QDialogButtonBox, QMainWindow, QMessageBox, QPushButton

from costready.app.adoption import adopt
from costready.app.model_files import import_model
from costready.costing.model import Surplus, SurplusKind
from costready.storage.workspace import Workspace
from costready.ui.document import ScenarioDocument
from costready.ui.pages.prices import PricesPage, fix_page
from costready.ui.prices.adopt import default_effective_from, first_of_next_month
from costready.ui.prices.table import COLUMN_KEYS
from tests.ui.cells import raise_home_support_surplus, shown

# The offscreen platform says this when a top-level widget is shown; it is not our warning.


@pytest.fixture
def workspace(tmp_path):
    ws = Workspace(f"sqlite:///{tmp_path / 'w.sqlite'}")
    yield ws
    ws.close()


@pytest.fixture
def document(workspace, example_model):
    organisation_id, scenario_id = import_model(workspace, example_model)
    return ScenarioDocument(workspace, organisation_id, scenario_id, QUndoStack())


@pytest.fixture
def page(qtbot, document):
    widget = PricesPage(document)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def cell(page: PricesPage, row: int, key: str, role=Qt.ItemDataRole.DisplayRole):
    return page.model.index(row, COLUMN_KEYS.index(key)).data(role)


def click_row(qtbot, page: PricesPage, row: int) -> None:
    index = page.model.index(row, COLUMN_KEYS.index("service"))
    rect = page.table.visualRect(index)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def set_date(edit, value: date) -> None:
    edit.setDate(QDate(value.year, value.month, value.day))


def test_shows_the_example_models_prices(page):
    assert page.model.rowCount() == 4  # three services and the totals row
    assert [cell(page, row, "service") for row in range(3)] == [
        "Home support",
        "Day activities",
        "Befriending visit",
    ]
    assert [cell(page, row, "price") for row in range(3)] == ["£27.35", "£16.50", "£12.50"]
    assert [cell(page, row, "unit_cost") for row in range(3)] == ["£26.04", "£15.73", "£11.46"]
    assert [cell(page, row, "surplus_rule") for row in range(3)] == [
        "5% mark-up on cost",
        "3% of price",
        "£1.00 per unit",
    ]
    assert cell(page, 0, "planned_units") == "4,446.624"  # the places the engine divided by
    assert cell(page, 0, "full_cost", Qt.ItemDataRole.UserRole) == Decimal("115808.28")
    alignment = Qt.AlignmentFlag(cell(page, 0, "price", Qt.ItemDataRole.TextAlignmentRole))
    assert alignment & Qt.AlignmentFlag.AlignRight


def test_totals_row_adds_up_to_the_scenarios_total_cost(page, document):
    result = document.result
    assert cell(page, 3, "service") == "Total"
    assert cell(page, 3, "full_cost") == "£163,864.04"
    assert cell(page, 3, "full_cost", Qt.ItemDataRole.UserRole) == result.total_cost
    incomes = [cell(page, row, "income", Qt.ItemDataRole.UserRole) for row in range(3)]
    assert sum(incomes) == cell(page, 3, "income", Qt.ItemDataRole.UserRole) == result.total_income
    assert cell(page, 3, "surplus", Qt.ItemDataRole.UserRole) == result.total_surplus
    font = cell(page, 3, "full_cost", Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert not page.model.flags(page.model.index(3, 0)) & Qt.ItemFlag.ItemIsSelectable


def test_break_even_says_when_there_is_none(page, document):
    assert cell(page, 0, "break_even") == "4,223"
    result = document.result
    services = (dataclasses.replace(result.services[0], break_even_units=None),)
    page.model.set_result(dataclasses.replace(result, services=services))
    assert cell(page, 0, "break_even") == "no break-even"


def test_selecting_a_row_shows_its_buildup(qtbot, page):
    assert page.selected_service_id() == "home-support"  # the first service shows at once
    click_row(qtbot, page, 1)
    assert page.selected_service_id() == "day-activities"
    lines = page.buildup.lines()
    for expected in [
        ("Direct staff", "£25,337.11"),
        ("Other direct costs", "£2,400.00"),
        ("Activity materials", "£2,400.00"),
        ("Share of overheads", "£10,007.21"),  # 7,200 + 340.79 + 300 + 60 + 450 + 1,656.42
        ("Hall and office rent", "£7,200.00"),
        ("Management (overhead pool)", "£1,656.42"),
        ("Full cost a year", "£37,744.32"),
        ("÷ Planned units a year", "2,400"),
        ("= Unit cost", "£15.73"),
        ("= Price (net)", "£16.50"),
        # the organisation is not VAT registered: a note, no price including VAT
        ("No VAT: the organisation is not VAT registered, so the net price is the price", ""),
    ]:
        assert expected in lines
    assert not [line for line in lines if "incl. VAT" in line[0]]
    assert ("+ Surplus", "£0.4864") in lines
    rent = page.buildup.findItems("Hall and office rent", Qt.MatchFlag.MatchRecursive)[0]
    assert rent.text(1).startswith("floor area 80 of 100 m²")
    surplus = page.buildup.findItems("+ Surplus", Qt.MatchFlag.MatchRecursive)[0]
    assert surplus.text(1) == "3% of price, worked on £15.7268"
    price = page.buildup.findItems("= Price (net)", Qt.MatchFlag.MatchRecursive)[0]
    assert price.text(1) == "rounded up to the nearest £0.50"
    assert "Day activities" in page.detail_title.text()
    volumes = [page.sensitivity.item(row, 0).text() for row in range(4)]
    assert volumes == ["−20%", "−10%", "Planned", "+10%"]
    assert page.sensitivity.item(2, 1).text() == "2,400"
    assert page.chart.has_chart


def test_clicking_the_totals_row_keeps_the_service_shown(qtbot, page):
    click_row(qtbot, page, 2)
    click_row(qtbot, page, 3)
    assert page.selected_service_id() == "befriending"


def test_an_edit_reprices_at_once(qtbot, page, document):
    click_row(qtbot, page, 2)
    scenario = document.scenario
    services = tuple(
        dataclasses.replace(s, surplus=Surplus(SurplusKind.FIXED_PER_UNIT, Decimal("2.00")))
        if s.id == "befriending"
        else s
        for s in scenario.services
    )
    with qtbot.waitSignal(document.changed):
        document.apply(dataclasses.replace(scenario, services=services), "Change surplus")
    assert cell(page, 2, "price") == "£13.50"  # 11.46 + 2.00 rounded up to 50p
    assert cell(page, 2, "surplus_rule") == "£2.00 per unit"
    assert page.selected_service_id() == "befriending"
    assert ("= Price (net)", "£13.50") in page.buildup.lines()


def test_a_scenario_with_a_problem_shows_the_banner(qtbot, page, document):
    scenario = document.scenario
    staff = tuple(
        dataclasses.replace(p, time={**p.time, "home-support": Decimal("0.50")})
        if p.id == "support-worker"
        else p
        for p in scenario.staff
    )
    with qtbot.waitSignal(document.changed):
        document.apply(dataclasses.replace(scenario, staff=staff), "Change time")
    assert document.result is None
    assert page.banner.isVisible()
    assert page.banner.messages == [p.message for p in document.problems]
    assert page.model.rowCount() == 0
    assert page.empty_label.isVisible()
    assert not page.detail_panel.isVisible()
    assert not page.adopt_button.isEnabled()
    assert not page.primary_action().isEnabled()
    buttons = [b for b in page.banner.findChildren(QPushButton) if b.text() == "Go to Staff"]
    assert buttons
    with qtbot.waitSignal(page.navigate_requested) as blocker:
        qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert blocker.args == ["staff"]

    document.undo_stack.undo()
    assert not page.banner.isVisible()
    assert page.detail_panel.isVisible()
    assert cell(page, 0, "price") == "£27.35"


def test_problem_paths_lead_to_the_page_that_fixes_them():
    from costready.problems import Problem

    assert fix_page(Problem("$.staff[1].time", "x"))[0] == "staff"
    assert fix_page(Problem("$.bases.floor_area", "x"))[0] == "costs"
    assert fix_page(Problem("$.scenario.tax_year", "x"))[0] == "organisation"
    assert fix_page(Problem("$.services", "x"))[0] == "services"
    assert fix_page(Problem("$", "x")) is None


def test_adopting_writes_a_price_list(qtbot, page, document, workspace):
    qtbot.mouseClick(page.adopt_button, Qt.MouseButton.LeftButton)
    dialog = page.adopt_dialog
    assert dialog is not None and dialog.isVisible()
    period = (document.scenario.period_start, document.scenario.period_end)
    expected = default_effective_from(date.today(), period)
    assert dialog.effective_from.date().toPython() == expected
    assert dialog.effective_from.displayFormat() == "dd/MM/yyyy"
    today = date.today()
    set_date(dialog.effective_from, today)
    qtbot.keyClicks(dialog.approved_by, "Trustees' meeting")
    qtbot.keyClicks(dialog.note, "Agreed at the AGM")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(page.prices_adopted) as blocker:
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    current = workspace.current_price_list(document.organisation_id, today)
    assert current is not None and current.id == blocker.args[0].id
    assert current.prices == {
        "home-support": Decimal("27.35"),
        "day-activities": Decimal("16.50"),
        "befriending": Decimal("12.50"),
    }
    assert current.approved_by == "Trustees' meeting"
    assert current.note == "Agreed at the AGM"
    assert current.effective_from == today
    assert "Prices adopted: 3 services" in page.last_message
    assert "Trustees' meeting" in page.in_force_label.text()
    assert page.in_force_label.text().startswith("Price list in force today")


def test_adopting_needs_to_know_who_approved(qtbot, page, document, workspace):
    page.adopt()
    dialog = page.adopt_dialog
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.approved_by_error.isVisible()
    assert "Approved by" in dialog.approved_by_error.text()
    assert workspace.price_lists(document.organisation_id) == []
    qtbot.keyClicks(dialog.approved_by, "Chair")
    assert not dialog.approved_by_error.isVisible()  # cleared as soon as it is typed
    with qtbot.waitSignal(dialog.destroyed):  # gone before the page is torn down
        dialog.reject()


def test_adopting_is_refused_when_the_scenario_cannot_be_priced(qtbot, page, document, monkeypatch):
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    scenario = document.scenario
    document.apply(dataclasses.replace(scenario, services=()), "Remove services")
    assert document.result is None
    page.adopt()
    assert told and "cannot be adopted" in told[0]
    assert page.adopt_dialog is None


def test_price_lists_show_the_one_in_force(qtbot, page, document, workspace):
    prices = {"home-support": Decimal("25.00")}
    workspace.adopt_scenario(
        document.scenario_id, prices, date(2025, 4, 1), "Trustees", date(2025, 3, 1)
    )
    workspace.adopt_scenario(
        document.scenario_id, prices, date(2100, 1, 1), "Future board", date(2025, 3, 2)
    )
    page.refresh()
    assert "01/04/2025" in page.in_force_label.text()
    assert "The next takes effect on 01/01/2100" in page.in_force_label.text()
    qtbot.mouseClick(page.price_lists_button, Qt.MouseButton.LeftButton)
    dialog = page.price_lists_dialog
    assert dialog.table.rowCount() == 2
    row = dialog.in_force_row()
    assert dialog.table.item(row, 0).text() == "In force"
    assert dialog.table.item(row, 1).text() == "01/04/2025"
    assert dialog.table.item(row, 2).text() == "Trustees"
    assert dialog.table.item(1 - row, 0).text() == "To come"
    assert dialog.prices.item(0, 0).text() == "Home support"
    assert dialog.prices.item(0, 1).text() == "£25.00"
    dialog.reject()


def test_a_list_still_to_come_is_withdrawn_after_confirming(
    qtbot, page, document, workspace, monkeypatch
):
    prices = {"home-support": Decimal("25.00")}
    workspace.adopt_scenario(
        document.scenario_id, prices, date(2025, 4, 1), "Trustees", date(2025, 3, 1)
    )
    workspace.adopt_scenario(
        document.scenario_id, prices, date(2100, 1, 1), "Future board", date(2025, 3, 2)
    )
    page.refresh()
    dialog = page.show_price_lists()
    asked: list[str] = []

    def confirm(price_list):
        asked.append(f"{price_list.effective_from:%d/%m/%Y} {price_list.scenario_name}")
        return len(asked) > 1  # cancel the first time, confirm the second

    monkeypatch.setattr(dialog, "confirm_withdrawal", confirm)
    in_force = dialog.in_force_row()
    dialog.table.selectRow(in_force)
    assert not dialog.withdraw_button.isEnabled()  # a list in force is never withdrawn
    dialog.table.selectRow(1 - in_force)
    assert dialog.withdraw_button.isEnabled()

    qtbot.mouseClick(dialog.withdraw_button, Qt.MouseButton.LeftButton)
    assert asked == [f"01/01/2100 {document.scenario.name}"]
    assert not any(p.withdrawn for p in workspace.price_lists(document.organisation_id))

    qtbot.mouseClick(dialog.withdraw_button, Qt.MouseButton.LeftButton)
    [withdrawn] = [p for p in workspace.price_lists(document.organisation_id) if p.withdrawn]
    assert withdrawn.effective_from == date(2100, 1, 1)  # kept in the history
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(1 - in_force, 0).text() == f"Withdrawn {date.today():%d/%m/%Y}"
    assert not dialog.withdraw_button.isEnabled()
    assert "The next takes effect" not in page.in_force_label.text()
    assert "withdrawn" in page.last_message
    dialog.reject()


def test_a_refused_withdrawal_is_explained(qtbot, page, document, workspace, monkeypatch):
    from costready.app import price_lists

    prices = {"home-support": Decimal("25.00")}
    workspace.adopt_scenario(
        document.scenario_id, prices, date(2100, 1, 1), "Future board", date(2025, 3, 2)
    )
    dialog = page.show_price_lists()
    told: list[str] = []
    monkeypatch.setattr(dialog, "confirm_withdrawal", lambda _list: True)
    monkeypatch.setattr(dialog, "show_refusal", told.append)
    # the list took effect between opening the dialog and withdrawing it
    real = price_lists.withdraw
    monkeypatch.setattr(
        price_lists,
        "withdraw",
        lambda ws, org, number: real(ws, org, number, date(2100, 1, 2)),
    )
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.withdraw_button, Qt.MouseButton.LeftButton)
    assert told and "has taken effect" in told[0] and "01/01/2100" in told[0]
    assert not workspace.price_lists(document.organisation_id)[0].withdrawn
    dialog.reject()


@pytest.mark.parametrize(
    ("today", "first"),
    [
        (date(2026, 1, 31), date(2026, 2, 1)),
        (date(2026, 2, 1), date(2026, 3, 1)),
        (date(2026, 12, 15), date(2027, 1, 1)),
    ],
)
def test_adoption_defaults_to_the_first_of_next_month(today, first):
    assert first_of_next_month(today) == first


def test_the_status_bar_confirms_an_adoption(qtbot, document, workspace):
    window = QMainWindow()
    qtbot.addWidget(window)
    page = PricesPage(document)
    window.setCentralWidget(page)
    window.show()
    page.adopt()
    qtbot.keyClicks(page.adopt_dialog.approved_by, "Trustees' meeting")
    with qtbot.waitSignal(page.prices_adopted):
        qtbot.keyClick(page.adopt_dialog.approved_by, Qt.Key.Key_Return)
    message = window.statusBar().currentMessage()
    assert message.startswith("Prices adopted: 3 services from ")
    period = (document.scenario.period_start, document.scenario.period_end)
    effective = default_effective_from(date.today(), period)
    assert workspace.current_price_list(document.organisation_id, effective).approved_by == (
        "Trustees' meeting"
    )


def test_the_page_says_when_adopted_prices_have_changed(qtbot, document, workspace):
    adopt(workspace, document.scenario_id, date.today(), "Trustees", date.today())
    page = shown(qtbot, PricesPage(document))
    assert not page.changed_notice.isVisible()
    raise_home_support_surplus(document)
    assert page.changed_notice.isVisible()
    assert "changed since they were adopted" in page.changed_label.text()
    assert "Trustees" in page.changed_label.text()
    assert page.adopt_again_button.isVisible()
    qtbot.mouseClick(page.adopt_again_button, Qt.MouseButton.LeftButton)
    dialog = page.adopt_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.approved_by, "Chair")
    with qtbot.waitSignal(page.prices_adopted), qtbot.waitSignal(dialog.destroyed):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    assert not page.changed_notice.isVisible()  # the new list matches again


def test_the_chart_is_never_squeezed_below_its_drawing(qtbot, document):
    page = shown(qtbot, PricesPage(document), 1040, 740)  # the page at a 1280×800 window
    qtbot.waitUntil(lambda: page.chart.has_chart)
    chart = page.chart
    qtbot.waitUntil(lambda: chart.height() >= chart.heightForWidth(chart.width()))
    assert chart.height() >= 90  # about 50 px before: 6 px words


def test_the_adopt_dialog_grows_for_its_message(qtbot, document):
    page = shown(qtbot, PricesPage(document))
    page.adopt()
    dialog = page.adopt_dialog
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    error = dialog.approved_by_error
    assert error.isVisible()
    assert error.height() >= error.heightForWidth(error.width())  # not cut off
    note_bottom = dialog.note.mapTo(dialog, dialog.note.rect().bottomLeft()).y()
    buttons_top = dialog.buttons.mapTo(dialog, dialog.buttons.rect().topLeft()).y()
    assert buttons_top > note_bottom
    with qtbot.waitSignal(dialog.destroyed):  # gone before the page is (else Qt deletes twice)
        dialog.reject()


def test_adopting_before_the_workspace_has_opened_is_refused(qtbot, document, workspace):
    from costready.app.snapshot import read_first_screen, write_snapshot

    assert write_snapshot(workspace) is not None
    first_screen = read_first_screen(workspace.url)
    assert first_screen is not None
    early = ScenarioDocument(
        first_screen, document.organisation_id, document.scenario_id, QUndoStack()
    )
    page = shown(qtbot, PricesPage(early))
    page.adopt()
    dialog = page.adopt_dialog
    qtbot.keyClicks(dialog.approved_by, "Chair")
    dialog.accept()
    assert dialog.isVisible()
    assert "still opening" in dialog.general_error.text()
    assert workspace.price_lists(document.organisation_id) == []
    with qtbot.waitSignal(dialog.destroyed):
        dialog.reject()
