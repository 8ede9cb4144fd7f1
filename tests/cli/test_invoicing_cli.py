"""`costready invoice|payments|deliveries|bill|debtors|customers`, run as a user runs them."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from costready.__main__ import main
from costready.costing.price_lists import PublishedService
from costready.storage.workspace import Workspace
from tests.storage import invoicing_data as data
from tests.storage.conftest import full_scenario


@pytest.fixture
def database(tmp_path: Path) -> str:
    """One organisation with a price list from 1 April 2026 and a council customer."""
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    with Workspace(url) as ws:
        org_id = data.organisation(ws)
        data.council(ws, org_id)
        scenario_id = ws.create_scenario(org_id, full_scenario())
        ws.adopt_scenario(
            scenario_id,
            {"home-support": Decimal("25.00")},
            date(2026, 4, 1),
            "Trustees",
            date(2026, 3, 1),
            services={"home-support": PublishedService("Home support", "hour", "", "exempt")},
        )
    return url


def run(database: str, *args: str) -> int:
    return main([*args, "--database", database])


def test_deliver_bill_issue_pay_and_list(database: str, capsys: pytest.CaptureFixture) -> None:
    council = "Riverside Borough Council"
    for day, hours in (("01/10/2026", "2"), ("02/10/2026", "1.5")):
        assert (
            run(
                database,
                "deliveries",
                "add",
                "--service",
                "home-support",
                "--date",
                day,
                "--quantity",
                hours,
                "--customer",
                council,
                "--person-ref",
                "P-17",
            )
            == 0
        )
    assert run(database, "bill", "--from", "01/10/2026", "--to", "31/10/2026") == 0
    assert "Draft " in capsys.readouterr().out
    assert run(database, "invoice", "issue", "1", "--date", "03/11/2026") == 0
    assert "Issued INV-0001, due 03/12/2026." in capsys.readouterr().out
    assert (
        run(database, "payments", "record", "INV-0001", "--amount", "50", "--date", "10/11/2026")
        == 0
    )
    capsys.readouterr()
    assert run(database, "invoice", "list", "--json") == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row == {
        "id": 1,
        "number": "INV-0001",
        "kind": "invoice",
        "status": "part_paid" if date.today() <= date(2026, 12, 3) else "overdue",
        "customer": council,
        "issue_date": "2026-11-03",
        "due_date": "2026-12-03",
        "total": "87.50",
        "balance": "37.50",
    }
    assert run(database, "invoice", "show", "INV-0001", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert [line["quantity"] for line in shown["lines"]] == ["2", "1.5"]
    assert run(database, "debtors", "--json") == 0
    (debtor,) = json.loads(capsys.readouterr().out)
    assert debtor["customer"] == council and debtor["total"] == "37.50"


def test_customers_add_and_list(database: str, capsys: pytest.CaptureFixture) -> None:
    assert (
        run(
            database,
            "customers",
            "add",
            "NHS Riverside ICB",
            "--kind",
            "nhs_body",
            "--po-required",
            "--peppol-scheme",
            "0088",
            "--peppol-id",
            "5012345678900",
        )
        == 0
    )
    assert run(database, "customers", "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert [c["name"] for c in listed] == ["NHS Riverside ICB", "Riverside Borough Council"]
    assert run(database, "customers", "add", "", "--email", "nope") == 1
    err = capsys.readouterr().err
    assert "name: Name: enter" in err and "email: Email:" in err


def test_a_bad_csv_adds_nothing_and_names_every_row(
    database: str, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    csv = tmp_path / "d.csv"
    csv.write_text(
        "service,date,quantity,customer\n"
        "home-support,01/10/2026,2,Riverside Borough Council\n"
        "home-support,31/02/2026,x,Riverside Borough Council\n",
        encoding="utf-8",
    )
    assert run(database, "deliveries", "import", str(csv)) == 1
    err = capsys.readouterr().err
    assert "row 3, date" in err and "row 3, quantity" in err
    with Workspace(database) as ws, ws.reading() as uow:
        assert uow.deliveries.all(1) == []


def test_org_is_required_when_there_are_several(
    database: str, capsys: pytest.CaptureFixture
) -> None:
    with Workspace(database) as ws:
        data.organisation(ws, "Second Org")
    assert run(database, "invoice", "list") == 1
    err = capsys.readouterr().err
    assert "--org" in err and "Riverside Support CIO" in err and "Second Org" in err
    assert main(["--org", "1", "invoice", "list", "--database", database]) == 0
    assert run(database, "invoice", "list", "--org", "Second Org") == 0
    assert "No invoices yet." in capsys.readouterr().out


def test_issue_refusals_name_the_field(database: str, capsys: pytest.CaptureFixture) -> None:
    with Workspace(database) as ws:
        from costready.app.invoices import new_draft

        new_draft(ws, 1, 1)
    assert run(database, "invoice", "issue", "1") == 1
    assert "lines: Lines: add at least one line" in capsys.readouterr().err
    assert run(database, "invoice", "show", "INV-9") == 1
    assert "no invoice or credit note “INV-9”" in capsys.readouterr().err


def test_org_picks_the_organisation_for_every_command(capsys, tmp_path):
    # --org (the invoicing commands' option) serves the older commands too
    database = f"sqlite:///{tmp_path / 'ws.sqlite'}"
    assert main(["--database", database, "demo"]) == 0
    capsys.readouterr()
    assert main(["--database", database, "--org", "1", "price-lists"]) == 0
    assert "in force" in capsys.readouterr().out
    assert main(["--database", database, "--org", "7", "price-lists"]) == 1
    assert "no organisation “7”" in capsys.readouterr().err


def test_credit_a_line_in_part_then_all_that_is_left(
    database: str, capsys: pytest.CaptureFixture
) -> None:
    for day, hours in (("01/10/2026", "2"), ("02/10/2026", "1.5")):
        args = ("--service", "home-support", "--date", day, "--quantity", hours)
        who = ("--customer", "Riverside Borough Council", "--person-ref", "P-17")
        assert run(database, "deliveries", "add", *args, *who) == 0
    assert run(database, "bill", "--from", "01/10/2026", "--to", "31/10/2026", "--issue") == 0
    capsys.readouterr()
    reason = ("--reason", "Hours not delivered")
    assert run(database, "invoice", "credit", "INV-0001", "--line", "1=1", *reason) == 0
    said = capsys.readouterr().out
    assert "Issued credit note CN-0001 for £25.00, correcting INV-0001." in said
    # one hour is left on line 1: two are refused, naming the line
    assert run(database, "invoice", "credit", "INV-0001", "--line", "1=2", *reason) == 1
    assert "1 hour left to credit, 2 asked" in capsys.readouterr().err
    assert run(database, "invoice", "credit", "INV-0001", "--line", "3=1", *reason) == 1
    assert "INV-0001 has lines 1 to 2" in capsys.readouterr().err
    assert run(database, "invoice", "credit", "INV-0001", *reason) == 0
    assert "CN-0002 for £62.50" in capsys.readouterr().out
    assert run(database, "invoice", "show", "INV-0001", "--json") == 0
    assert json.loads(capsys.readouterr().out)["status"] == "credited"


def test_copy_an_invoice_as_a_new_draft(database: str, capsys: pytest.CaptureFixture) -> None:
    args = ("--service", "home-support", "--date", "01/10/2026", "--quantity", "2")
    who = ("--customer", "Riverside Borough Council", "--person-ref", "P-17")
    assert run(database, "deliveries", "add", *args, *who) == 0
    assert run(database, "bill", "--from", "01/10/2026", "--to", "31/10/2026", "--issue") == 0
    capsys.readouterr()
    assert run(database, "invoice", "copy", "INV-0001") == 0
    assert "Copied INV-0001 as draft 2" in capsys.readouterr().out
    assert run(database, "invoice", "show", "2", "--json") == 0
    draft = json.loads(capsys.readouterr().out)
    assert draft["status"] == "draft" and draft["number"] is None
    assert [(line["quantity"], line["unit_price"]) for line in draft["lines"]] == [("2", "25.00")]


def test_the_command_line_knows_every_payment_method() -> None:
    from costready.cli import PAYMENT_METHODS
    from costready.invoicing.payments import PaymentMethod

    assert tuple(method.value for method in PaymentMethod) == PAYMENT_METHODS


def test_a_remittance_pays_the_oldest_first(database: str, capsys: pytest.CaptureFixture) -> None:
    who = ("--customer", "Riverside Borough Council", "--person-ref", "P-17")
    for day in ("01/10/2026", "01/11/2026"):
        args = ("--service", "home-support", "--date", day, "--quantity", "2")
        assert run(database, "deliveries", "add", *args, *who) == 0
    assert run(database, "bill", "--from", "01/10/2026", "--to", "31/10/2026", "--issue") == 0
    assert run(database, "bill", "--from", "01/11/2026", "--to", "30/11/2026", "--issue") == 0
    capsys.readouterr()
    council = ("--customer", "Riverside Borough Council")
    assert run(database, "payments", "remittance", *council, "--amount", "120") == 0
    said = capsys.readouterr().out
    assert "Recorded £50.00 against INV-0001." in said
    assert "Recorded £50.00 against INV-0002." in said
    assert "£20.00 is more than was owed and is now the customer's credit." in said
