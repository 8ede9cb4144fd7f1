"""The readiness report PDF: per area, each applicable item's status, evidence and renewal."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from costready.compliance.applicability import STATE_LABELS, State
from costready.compliance.definitions import AREA_LABELS, Area
from costready.compliance.readiness import STATUS_LABELS, Entry, Readiness
from costready.i18n import _
from costready.money import format_percent
from costready.organisation import Organisation
from costready.reports import fonts, styles
from costready.reports.styles import PathOrFile, para


@dataclass(frozen=True)
class ReportItem:
    """An applicable item with the evidence held for it (as text)."""

    entry: Entry
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReadinessReport:
    organisation: Organisation
    items: Sequence[ReportItem]
    overall: Readiness
    areas: Mapping[Area, Readiness]
    today: date


def percent_text(value: Readiness) -> str:
    """ "75% (3 of 4 done)", or "nothing applies"."""
    if value.percent is None:
        return _("nothing applies")
    return _("{percent} ({done} of {total} done)").format(
        percent=format_percent(value.percent / 100, places=0),
        done=value.done,
        total=value.applicable,
    )


def readiness_pdf(target: PathOrFile, report: ReadinessReport) -> None:
    """Write the readiness report: a summary by area, then each area's applicable items with
    status, evidence and renewal date, and what is still to do."""
    org = fonts.clipped(report.organisation, "name")
    locale = org.locale
    story: list[Flowable] = [
        para(org.name, "h1"),
        para(_("Compliance and market readiness"), "title"),
        para(
            _("As at {date}. Overall readiness: {readiness}.").format(
                date=styles.long_day(report.today, locale), readiness=percent_text(report.overall)
            ),
            "h2",
        ),
        Spacer(1, 2 * mm),
        _summary(report),
        Spacer(1, 3 * mm),
        para(
            _(
                "Readiness is the share of applicable items done. Items marked “Check” could "
                "not be decided from the answers given and count as still to do."
            ),
            "small",
        ),
    ]
    for area in Area:
        items = [i for i in report.items if i.entry.item.area is area]
        if items:
            story += _area(area, items, report)
    footer = _("{name} · Readiness report").format(name=org.name)
    styles.build(target, story, title=_("Readiness report"), author=org.name, footer=footer)


def _summary(report: ReadinessReport) -> Flowable:
    width = styles.frame_width()
    rows: list[list] = [[para(_("Area"), "head"), para(_("Readiness"), "head_num")]]
    for area, value in report.areas.items():
        if value.applicable:
            rows.append([_(AREA_LABELS[area]), percent_text(value)])
    rows.append([_("Overall"), percent_text(report.overall)])
    return styles.table(rows, [width * 0.6, width * 0.4], total_rows=[len(rows) - 1])


def _area(area: Area, items: list[ReportItem], report: ReadinessReport) -> list[Flowable]:
    locale = report.organisation.locale
    width = styles.frame_width()
    widths = [width * 0.34, width * 0.16, width * 0.32, width * 0.18]
    head = [_("Item"), _("Status"), _("Evidence"), _("Renews")]
    rows: list[list] = [[para(h, "head") for h in head]]
    todo = []
    for report_item in items:
        entry = report_item.entry
        item = entry.item
        status = _(STATUS_LABELS[entry.progress.status])
        if entry.done_by_app:
            status = _("Done (the app holds the evidence)")
        elif entry.overdue(report.today):
            status = _("Overdue")
        if entry.applicability.state is State.CHECK and not entry.progress.applicable_anyway:
            status = f"{status} · {_(STATE_LABELS[State.CHECK])}"
        renews = entry.renews_on()
        rows.append(
            [
                styles.cell(f"{item.id} {item.text('title', report.today)}", widths[0]),
                styles.cell(status, widths[1]),
                styles.cell("\n".join(report_item.evidence) or "—", widths[2]),
                styles.day(renews, locale) if renews else "—",
            ]
        )
        if entry.outstanding(report.today):
            todo.append(f"{item.id}: {item.text('asks', report.today)}")
    flow: list[Flowable] = [
        KeepTogether(
            [
                para(
                    f"{_(AREA_LABELS[area])} — {percent_text(report.areas[area])}",
                    "h1",
                ),
                styles.table(rows, widths, numeric_from=4),
            ]
        )
    ]
    if todo:
        bullets = [para(f"• {line}", "body") for line in todo]
        flow.append(KeepTogether([para(_("Still to do"), "h2"), bullets[0]]))
        flow += bullets[1:]
    return flow
