"""Text and input: names are shown as typed (never markup), messages clear once stale, names
have limits, the sidebar keeps its shape, and the small fixes issue 17 lists."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox

from costready.app import guide as flow
from costready.app.next_steps import next_steps
from costready.app.organisations import rename_scenario
from costready.costing.model import SurplusKind
from costready.money import format_money
from costready.ui.guide.steps.costs import CostsStep
from costready.ui.pages.costs import CostsPage
from costready.ui.pages.home import HomePage
from costready.ui.pages.services import ServicesPage
from costready.ui.widgets import as_typed
from tests.ui.cells import edit_cell, shown

NAME = "Tea & Cake <b>"


def _add_service(qtbot, page: ServicesPage, name: str) -> None:
    qtbot.mouseClick(page.buttons["add"], Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.keyClicks(dialog.name_edit, name)
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: any(s.name == name for s in page.document.scenario.services))


def _labels_showing(widget, text: str) -> list[QLabel]:
    return [label for label in widget.findChildren(QLabel) if text in label.text()]


def test_a_name_with_markup_is_shown_as_typed_in_every_message(qtbot, window):
    window.resize(1366, 768)
    window.show_page("services")
    page = window.pages["services"]
    _add_service(qtbot, page, NAME)
    assert page.status.text() == (
        f"Added {NAME}. Give its planned units a year so it can be priced."
    )
    # the banner names it too: the service has no units yet
    assert NAME in page.banner.label.text()
    seen = 0
    for key in ("home", "services", "staff", "costs", "prices", "organisation"):
        window.show_page(key)
        for label in _labels_showing(window, NAME):
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
            seen += 1
    assert seen >= 2
    # a tooltip (which guesses markup) gets the name escaped, so it reads as typed
    assert as_typed(NAME) == "<p>Tea &amp; Cake &lt;b&gt;</p>"
    assert as_typed("Tea & Cake") == "Tea & Cake"


def test_a_message_box_shows_the_name_as_typed(qtbot, window, workspace, monkeypatch):
    """A static message box (which guesses markup) gets the name escaped."""
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    document = window.document
    rename_scenario(workspace, document.scenario_id, NAME)
    window.organisation_actions.delete_scenario()  # the only scenario: kept, and says so
    assert len(told) == 1
    assert told[0].startswith("<p>“Tea &amp; Cake &lt;b&gt;” is this organisation's only")


def test_the_status_line_clears_once_it_is_stale(qtbot, document):
    page = shown(qtbot, ServicesPage(document), 1400, 700)
    _add_service(qtbot, page, "Lunch club")
    assert page.status.text().startswith("Added Lunch club.")
    document.undo_stack.undo()  # the service it spoke of is gone
    qtbot.waitUntil(lambda: page.status.text() == "")
    assert all(s.name != "Lunch club" for s in document.scenario.services)


def test_a_new_service_starts_at_the_guides_five_percent_surplus(qtbot, document):
    page = shown(qtbot, ServicesPage(document), 1400, 700)
    _add_service(qtbot, page, "Lunch club")
    service = next(s for s in document.scenario.services if s.name == "Lunch club")
    assert service.surplus.kind is SurplusKind.MARKUP_ON_COST
    assert service.surplus.value == Decimal("0.05")
    row = len(document.scenario.services) - 1
    assert page.model.index_of(row, "surplus").data() == "5%"
    # the guide's own words say the same
    assert "A surplus of 5% as a mark-up on cost" in flow.step(flow.SERVICES).explanation


def test_a_too_long_name_is_refused_with_its_limit(qtbot, window):
    window.show_page("organisation")
    page = window.pages["organisation"]
    before = window.workspace.organisation(window.document.organisation_id).name
    page.profile.name_edit.setText("N" * 10_000)
    assert not page.save_profile()
    assert page.errors["name"].text() == "Name must be at most 200 characters long (it has 10,000)"
    assert window.workspace.organisation(window.document.organisation_id).name == before

    window.show_page("services")
    services = window.pages["services"]
    edit_cell(qtbot, services.view, 0, "name", "S" * 201)
    assert "at most 200 characters" in services.error.text()
    assert window.document.scenario.services[0].name == "Home support"


def test_the_sidebar_elides_a_long_name_and_keeps_it_whole_in_the_tooltip(qtbot, window):
    window.resize(1366, 768)
    name = "Riverside Community Hub and Befriending Service " * 4  # 192 characters: allowed
    org = window.workspace.organisation(window.document.organisation_id)
    window.workspace.save_organisation(dataclasses.replace(org, name=name.strip()))
    window._refresh_context()
    label = window.organisation_label
    sidebar = label.parentWidget()
    qtbot.waitUntil(lambda: label.width() > 0)
    assert label.width() <= sidebar.width()
    assert label.height() < 2 * label.fontMetrics().height() + 8  # one line, not a column
    assert label.shown_text().endswith("…") and label.shown_text() != label.text()
    assert label.text() == name.strip() and label.toolTip() == name.strip()


def test_add_a_common_cost_puts_the_cursor_in_its_amount(qtbot, workspace):
    from tests.ui.test_guide import _add, _next, _open, _to_staff_with_one_service

    dialog = _open(qtbot, workspace)
    _to_staff_with_one_service(qtbot, dialog)
    _add(qtbot, dialog.steps[flow.STAFF].page, "Adviser")
    _next(qtbot, dialog, flow.COSTS)
    step = dialog.steps[flow.COSTS]
    assert isinstance(step, CostsStep)
    step._fill_common_menu()
    action = next(a for a in step.common_menu.actions() if a.isEnabled())
    action.trigger()
    page = step.page
    amount = page.model.index_of(len(page.document.scenario.costs) - 1, "amount")
    qtbot.waitUntil(lambda: isinstance(page.view.indexWidget(amount), QLineEdit))
    editor = page.view.indexWidget(amount)
    # the keys typed next go to the amount's editor (the window active, as on a desktop)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    qtbot.keyClicks(editor, "1200")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.document.scenario.costs[-1].annual_amount == Decimal("1200"))


def test_the_costs_page_shows_a_total(qtbot, document):
    page = shown(qtbot, CostsPage(document), 1400, 700)
    total = sum((c.annual_amount for c in document.scenario.costs), Decimal(0))
    assert page.total_label.isVisible()
    assert page.total_label.text().startswith(f"Total: {format_money(total)} a year over 24")
    edit_cell(qtbot, page.view, 0, "amount", "15400")  # the rent, £1,000.00 more
    assert page.total_label.text().startswith(f"Total: {format_money(total + 1000)} a year")


def test_home_never_says_done_for_services_the_prices_cannot_use(qtbot, document):
    home = shown(qtbot, HomePage(document))
    assert home.tiles["services"].step.done
    scenario = document.scenario
    blank = dataclasses.replace(scenario.services[0], name="")
    document.apply(dataclasses.replace(scenario, services=(blank, *scenario.services[1:])), "x")
    qtbot.waitUntil(lambda: not home.tiles["services"].step.done)
    assert "thing to fix" in home.tiles["services"].step.text
    steps = next_steps(
        document.workspace,
        document.organisation_id,
        document.scenario_id,
        document.scenario,
        document.result,
        document.problems,
    )
    assert not next(s for s in steps.steps if s.key == "services").done
    assert next(s for s in steps.steps if s.key == "staff").done  # the others are fine


def test_a_renamed_service_shows_its_whole_name(qtbot, document):
    """The guide's first service is often named later: "service" becomes "Community
    transport…", and the column fitted to "service" must not cut it to "mmunity transport"."""
    scenario = document.scenario
    short = tuple(dataclasses.replace(s, name=s.id[:3]) for s in scenario.services)
    document.apply(dataclasses.replace(scenario, services=short), "Short names")
    page = shown(qtbot, ServicesPage(document), 1100, 700)
    edit_cell(qtbot, page.view, 0, "name", "Community transport to the day centre")
    index = page.model.index_of(0, "name")
    needed = page.view.fontMetrics().horizontalAdvance(index.data())
    assert page.view.columnWidth(0) >= needed
