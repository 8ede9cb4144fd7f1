"""The customer-facing price list PDF: who we are, from when, and a priced menu of services."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer, Table, TableStyle

from costready.costing.model import Scenario, VatTreatment
from costready.costing.price_lists import Publication
from costready.costing.results import ScenarioResult
from costready.costing.rules import vat_rate
from costready.i18n import _
from costready.money import vat_amount
from costready.organisation import Organisation, logo_problem, logo_size, valid_until
from costready.reports import fonts, styles
from costready.reports.styles import PathOrFile, para
from costready.rules_file import VAT_LABELS

VAT_CHARGED = (VatTreatment.STANDARD, VatTreatment.REDUCED)
LOGO_WIDTH = 45 * mm  # the logo's box at the top right of the first page
LOGO_HEIGHT = 22 * mm


@dataclass(frozen=True)
class PriceListEntry:
    """One line of a price list: the net price is what is published; VAT is shown beside it."""

    name: str
    description: str
    unit: str
    price: Decimal
    vat: VatTreatment
    price_inc_vat: Decimal


def entries_from_result(scenario: Scenario, result: ScenarioResult) -> list[PriceListEntry]:
    """The price list lines for a priced scenario, in the scenario's service order."""
    descriptions = {service.id: service.description for service in scenario.services}
    return [
        PriceListEntry(
            name=service.name,
            description=descriptions.get(service.id, ""),
            unit=service.unit,
            price=service.price,
            vat=service.vat,
            price_inc_vat=service.price_inc_vat,
        )
        for service in result.services
    ]


def entries_from_publication(publication: Publication) -> list[PriceListEntry]:
    """The lines of a price list document: when the scenario is adopted, each service as it was
    published (name, unit, description, VAT and price), whatever has been edited since; else the
    draft prices worked out now."""
    price_list = publication.price_list
    if price_list is None:
        return entries_from_result(publication.scenario, publication.result)
    current = {service.id: service for service in publication.scenario.services}
    entries = []
    for service_id, price in price_list.prices.items():
        shown = price_list.services.get(service_id)
        if shown is not None:
            name, unit, description = shown.name, shown.unit, shown.description
            vat = VatTreatment(shown.vat)
        elif service_id in current:  # a list published before services were kept with it
            service = current[service_id]
            name, unit, description, vat = (
                service.name,
                service.unit,
                service.description,
                service.vat,
            )
        else:
            name, unit, description, vat = service_id, "", "", VatTreatment.EXEMPT
        entries.append(
            PriceListEntry(
                name=name,
                description=description,
                unit=unit,
                price=price,
                vat=vat,
                price_inc_vat=price + vat_amount(price, vat_rate(vat.value)),
            )
        )
    return entries


def write_publication(
    target: PathOrFile, organisation: Organisation, publication: Publication
) -> None:
    """The price list PDF for a scenario: published from its date, or marked DRAFT."""
    effective = publication.price_list.effective_from if publication.price_list else None
    write_price_list(
        target,
        organisation,
        entries_from_publication(publication),
        effective,
        draft=publication.draft,
    )


def write_price_list(
    target: PathOrFile,
    organisation: Organisation,
    entries: list[PriceListEntry],
    effective_from: date | None,
    draft: bool,
) -> None:
    """Write the price list. An adopted list says 'Prices from dd/mm/yyyy'; a draft is marked
    DRAFT on every page. Raises ValueError for an adopted list without an effective date."""
    if not draft and effective_from is None:
        raise ValueError(_("An adopted price list needs the date its prices apply from"))
    locale = organisation.locale
    # Text past the input bounds (an old workspace, a hand-edited file) is cut, not laid out.
    organisation = fonts.clipped(organisation, "name")
    entries = [fonts.clipped(entry, "name", "unit") for entry in entries]
    until = (
        valid_until(effective_from, organisation.prices_valid_months) if effective_from else None
    )
    story: list[Flowable] = [
        _letterhead(organisation),
        Spacer(1, 4 * mm),
        para(_("Price list"), "title"),
        *_status(effective_from, until, draft, locale),
        para(vat_line(organisation, entries), "body"),
        Spacer(1, 3 * mm),
        _entries_table(organisation, entries),
        Spacer(1, 4 * mm),
        *_terms(organisation),
    ]
    footer = _("{name} · Price list").format(name=organisation.name)
    if draft:
        footer = _("{name} · DRAFT price list").format(name=organisation.name)
    styles.build(
        target, story, title=_("Price list"), author=organisation.name, footer=footer, draft=draft
    )


def unit_phrase(unit: str) -> str:
    """'hour' -> 'per hour'."""
    return _("per {unit}").format(unit=unit)


def _letterhead(org: Organisation) -> Flowable:
    """Name, address, contact details and registration numbers; the logo beside them."""
    lines = [para(org.name, "h1")]
    if org.address.strip():
        lines.append(para(org.address.strip(), "body"))
    contact = contact_line(org)
    if contact:
        lines.append(para(contact, "body"))
    numbers = []
    if org.registered_charity and org.charity_number.strip():
        numbers.append(_("Registered charity number {number}").format(number=org.charity_number))
    if org.company_number.strip():
        numbers.append(_("Company number {number}").format(number=org.company_number))
    if org.vat_registered and org.vat_number.strip():
        numbers.append(_("VAT registration number {number}").format(number=org.vat_number))
    if numbers:
        lines.append(para(" · ".join(numbers), "small"))
    logo = _logo(org.logo)
    if logo is None:
        return KeepTogether(lines)
    width = styles.frame_width()
    letterhead = Table([[lines, logo]], colWidths=[width - LOGO_WIDTH, LOGO_WIDTH])
    letterhead.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return letterhead


def contact_line(org: Organisation) -> str:
    """ "Telephone 0113 496 0000 · Email hello@example.org · www.example.org", as given."""
    parts = []
    if org.phone.strip():
        parts.append(_("Telephone {phone}").format(phone=org.phone.strip()))
    if org.email.strip():
        parts.append(_("Email {email}").format(email=org.email.strip()))
    if org.website.strip():
        parts.append(org.website.strip())
    return " · ".join(parts)


def _logo(data: bytes) -> Flowable | None:
    """The logo at most LOGO_WIDTH × LOGO_HEIGHT, in proportion; None without a usable one."""
    size = logo_size(data) if data and logo_problem(data) is None else None
    if size is None:
        return None
    width, height = size
    scale = min(LOGO_WIDTH / width, LOGO_HEIGHT / height)
    return Image(io.BytesIO(data), width=width * scale, height=height * scale)


def _status(
    effective_from: date | None, until: date | None, draft: bool, locale: str
) -> list[Flowable]:
    """'Prices from 01/04/2026' (and 'until 31/03/2027' when they have an end date)."""
    if not draft:
        assert effective_from is not None
        text = _("Prices from {date}").format(date=styles.day(effective_from, locale))
        if until is not None:
            text = _("Prices from {date} until {until}").format(
                date=styles.day(effective_from, locale), until=styles.day(until, locale)
            )
        return [para(text, "h2")]
    if effective_from is None:
        text = _("DRAFT: these prices have not been adopted and may change.")
    elif until is None:
        text = _("DRAFT: proposed prices from {date}; not yet adopted and may change.").format(
            date=styles.day(effective_from, locale)
        )
    else:
        text = _(
            "DRAFT: proposed prices from {date} until {until}; not yet adopted and may change."
        ).format(date=styles.day(effective_from, locale), until=styles.day(until, locale))
    return [para(text, "draft")]


def _entries_table(org: Organisation, entries: list[PriceListEntry]) -> Flowable:
    locale = org.locale
    width = styles.frame_width()
    if not entries:
        return para(_("No services are priced yet."), "body")
    head = [_("Service"), _("Description"), _("Unit"), _("Price")]
    fixed = [70.0, 64.0]
    if org.vat_registered:
        head += [_("VAT"), _("Price incl. VAT")]
        fixed = [62.0, 56.0, 76.0, 66.0]
    name_width = (width - sum(fixed)) * 0.45
    widths = [name_width, width - sum(fixed) - name_width, *fixed]
    rows: list[list] = [
        [para(h, "head_num" if i in (3, 5) else "head") for i, h in enumerate(head)]
    ]
    for entry in entries:
        row = [
            styles.cell(entry.name, widths[0], "cell_bold"),
            styles.cell(entry.description, widths[1]),
            styles.cell(unit_phrase(entry.unit), widths[2]),
            styles.money(entry.price, locale),
        ]
        if org.vat_registered:
            row += [
                styles.cell(_vat_words(entry.vat, locale), widths[4]),
                styles.money(entry.price_inc_vat, locale),
            ]
        rows.append(row)
    extra: list[tuple] = [("FONT", (0, 1), (0, -1), styles.FONT_BOLD, 8.5)]
    if org.vat_registered:
        extra.append(("ALIGN", (4, 0), (4, -1), "LEFT"))
    return styles.table(rows, widths, numeric_from=3, extra=extra)


def _vat_words(treatment: VatTreatment, locale: str) -> str:
    label = _(VAT_LABELS[treatment])
    if treatment in VAT_CHARGED:
        return _("{label} {rate}").format(
            label=label, rate=styles.percent(vat_rate(treatment.value), locale)
        )
    return label


def vat_line(org: Organisation, entries: list[PriceListEntry]) -> str:
    """The price list's one line on VAT, from the organisation's VAT status and the services'
    treatments: no VAT charged, prices exclude VAT, or no service carries any."""
    if not org.vat_registered:
        return _(
            "We are not registered for VAT, so no VAT is charged: these prices are the full prices."
        )
    if not any(entry.vat in VAT_CHARGED for entry in entries):
        return _(
            "No VAT is added to these prices: each service is exempt from VAT or outside its scope."
        )
    return _(
        "Prices exclude VAT. Where VAT applies it is added at the rate shown, and the price "
        "including VAT is shown beside it; exempt services carry no VAT."
    )


def _terms(org: Organisation) -> list[Flowable]:
    """How to order and payment terms, as the organisation wrote them."""
    if not org.terms.strip():
        return []
    return [
        KeepTogether(
            [para(_("How to order and payment terms"), "h2"), para(org.terms.strip(), "body")]
        )
    ]
