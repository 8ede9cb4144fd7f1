"""The aged debtors PDF: what each customer owes, by how long it is overdue."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from costready.i18n import _
from costready.invoicing.aged_debt import BUCKET_LABELS, AgedRow, Bucket, aged_totals
from costready.organisation import Organisation
from costready.reports import fonts, styles
from costready.reports.invoice import heading, long_day
from costready.reports.styles import PathOrFile, para


def write_aged_debt(
    target: PathOrFile, organisation: Organisation, rows: Sequence[AgedRow], as_of: date
) -> None:
    """Write the aged debtors PDF: one row per customer (from `invoicing.aged_debt`), the
    buckets current, 1–30, 31–60, 61–90 and over 90 days overdue, and a totals row."""
    organisation = fonts.clipped(organisation, "name")
    locale = organisation.locale
    story: list[Flowable] = [
        heading(organisation, _("Aged debtors"), [(_("As at"), long_day(as_of, locale))]),
        Spacer(1, 6 * mm),
        _table(rows, locale),
        Spacer(1, 3 * mm),
        para(
            _(
                "Each invoice's balance (total less payments and credit notes) sits in the "
                "column for the days since its due date; current is not yet due."
            ),
            "small",
        ),
    ]
    footer = _("{name} · Aged debtors at {date}").format(
        name=organisation.name, date=styles.day(as_of, locale)
    )
    styles.build(target, story, title=_("Aged debtors"), author=organisation.name, footer=footer)


def _table(rows: Sequence[AgedRow], locale: str) -> Flowable:
    if not rows:
        return para(_("Nobody owes anything: every issued invoice is paid."), "body")
    width = styles.frame_width()
    money_width = 62.0  # "£12,345.67" fits; the names get the rest
    widths = [width - money_width * 6, *([money_width] * 6)]
    head: list[Flowable | str] = [
        _("Customer"),
        *(_(BUCKET_LABELS[bucket]) for bucket in Bucket),
        _("Total"),
    ]
    table: list[list[Flowable | str]] = [head]
    for row in [*rows, aged_totals(rows)]:
        name = row.name if row.customer_id else _("Total")
        table.append(
            [
                styles.cell(name, widths[0]),
                *(styles.money(row.buckets[bucket], locale) for bucket in Bucket),
                styles.money(row.total, locale),
            ]
        )
    return styles.table(table, widths, numeric_from=1, total_rows=[len(table) - 1])
