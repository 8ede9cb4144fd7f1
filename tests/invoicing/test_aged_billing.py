"""Aged-debt buckets; billing a period from deliveries; the deliveries CSV."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from costready.invoicing.aged_debt import Bucket, Debt, aged_debt, aged_totals, bucket_for
from costready.invoicing.billing import (
    Delivery,
    Price,
    bill_period,
    parse_deliveries_csv,
    validate_delivery,
)
from costready.rules_file import VatTreatment

D = Decimal
TODAY = date(2026, 12, 6)


@pytest.mark.parametrize(
    ("days", "bucket"),
    [
        (-5, Bucket.CURRENT),
        (0, Bucket.CURRENT),
        (1, Bucket.DAYS_1_30),
        (30, Bucket.DAYS_1_30),
        (31, Bucket.DAYS_31_60),
        (60, Bucket.DAYS_31_60),
        (61, Bucket.DAYS_61_90),
        (90, Bucket.DAYS_61_90),
        (91, Bucket.OVER_90),
        (400, Bucket.OVER_90),
    ],
)
def test_bucket_boundaries(days: int, bucket: Bucket) -> None:
    assert bucket_for(date.fromordinal(TODAY.toordinal() - days), TODAY) is bucket


def test_aged_debt_by_customer() -> None:
    debts = [
        Debt(2, "Zed Trust", date(2026, 12, 31), D("10")),
        Debt(1, "anytown council", date(2026, 11, 1), D("100")),  # 35 days
        Debt(1, "anytown council", date(2026, 8, 1), D("50")),  # 127 days
        Debt(3, "Paid Up", date(2026, 8, 1), D("0")),
    ]
    rows = aged_debt(debts, TODAY)
    assert [row.customer_id for row in rows] == [1, 2]
    assert rows[0].buckets[Bucket.DAYS_31_60] == D("100")
    assert rows[0].buckets[Bucket.OVER_90] == D("50")
    assert rows[0].total == D("150")
    total = aged_totals(rows)
    assert total.total == D("160") and total.buckets[Bucket.CURRENT] == D("10")


def delivery(
    id_: int,
    day: int,
    customer: int = 1,
    po: str = "",
    service: str = "support",
    quantity: str = "1.5",
) -> Delivery:
    return Delivery(service, date(2026, 10, day), D(quantity), customer, purchase_order=po, id=id_)


PRICES = {
    "support": Price("Support at home", "hour", D("24.50"), VatTreatment.EXEMPT),
    "grant": Price("Grant-funded place", "session", D("10.00"), VatTreatment.OUTSIDE_SCOPE),
}


def price_for(service: str, day: date) -> Price | None:
    if service == "support" and day >= date(2026, 10, 20):
        return Price("Support at home", "hour", D("25.00"), VatTreatment.EXEMPT)  # new list
    return PRICES.get(service)


def test_bill_period_groups_by_customer_and_po() -> None:
    run = bill_period(
        [
            delivery(1, 3),
            delivery(2, 3),
            delivery(3, 4, po="PO-9"),
            delivery(4, 5, customer=2),
            delivery(5, 21),
            delivery(6, 6, service="grant"),
            delivery(7, 7, service="unknown"),
            delivery(8, 30),  # after the range
            Delivery("support", date(2026, 10, 8), D("1"), 1, draft_id=4, id=9),  # reserved
        ],
        date(2026, 10, 1),
        date(2026, 10, 29),
        price_for,
    )
    plans = {(p.customer_id, p.purchase_order, p.lines[0].treatment): p for p in run.plans}
    assert len(plans) == 4
    main = plans[(1, "", VatTreatment.EXEMPT)]
    assert [
        (line.description, line.quantity, line.unit_price, line.delivery_ids) for line in main.lines
    ] == [
        ("Support at home, 3 October 2026", D("3.0"), D("24.50"), (1, 2)),
        ("Support at home, 21 October 2026", D("1.5"), D("25.00"), (5,)),
    ]
    assert plans[(1, "PO-9", VatTreatment.EXEMPT)].delivery_ids == (3,)
    assert plans[(2, "", VatTreatment.EXEMPT)].delivery_ids == (4,)
    grant = plans[(1, "", VatTreatment.OUTSIDE_SCOPE)]
    assert grant.delivery_ids == (6,) and main.period_start == date(2026, 10, 1)
    # the unpriced delivery is reported, not dropped silently
    assert [p.path for p in run.problems] == ["deliveries[7]"]
    assert "07/10/2026" in run.problems[0].message


def test_validate_delivery() -> None:
    assert validate_delivery(delivery(1, 3)) == []
    bad = Delivery("", date(2026, 10, 3), D("0"), 0, person_ref="x" * 51)
    assert [p.path for p in validate_delivery(bad, "row 2")] == [
        "row 2.service",
        "row 2.customer",
        "row 2.quantity",
        "row 2.person_ref",
    ]


CSV = (
    "service,date,quantity,unit,worker,person_ref,customer,purchase_order,agreement\n"
    "support,2026-10-03,1.5,hour,Sam,P-017,Anytown Council,PO-1,\n"
    "support,04/10/2026,2,hour,Sam,P-017,7,,\n"
)


def test_csv_reads_good_rows() -> None:
    deliveries, problems = parse_deliveries_csv(CSV, {"anytown council": 3}, {"support"})
    assert problems == []
    assert [(d.day, d.quantity, d.customer_id, d.purchase_order) for d in deliveries] == [
        (date(2026, 10, 3), D("1.5"), 3, "PO-1"),
        (date(2026, 10, 4), D("2"), 7, ""),
    ]


def test_csv_is_validated_whole_naming_row_and_column() -> None:
    text = CSV + "massage,2026-13-01,lots,hour,,,Nobody,,\nsupport,2026-10-05,-1,hour,,,7,,\n"
    deliveries, problems = parse_deliveries_csv(text, {"anytown council": 3}, {"support"})
    assert deliveries == []
    assert [p.path for p in problems] == [
        "row 4, service",
        "row 4, date",
        "row 4, quantity",
        "row 4, customer",
        "row 5, quantity",
    ]


def test_csv_header_problems() -> None:
    _rows, problems = parse_deliveries_csv("service,date,colour\n")
    assert [p.path for p in problems] == ["row 1", "row 1", "row 1"]
    assert any("quantity" in p.message for p in problems)
    assert any("colour" in p.message for p in problems)
    assert parse_deliveries_csv("")[1][0].path == "row 1"
    extra = CSV + "support,2026-10-03,1,hour,,,7,,,extra\n"
    _rows, problems = parse_deliveries_csv(extra, {"anytown council": 3})
    assert [p.path for p in problems] == ["row 4"]
