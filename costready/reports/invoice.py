"""Invoice and credit-note PDFs: who sends it, to whom, the lines, VAT, totals and how to pay."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr

import segno
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from costready.i18n import N_, _
from costready.invoicing.bank import BankDetails, format_sort_code
from costready.invoicing.credits import penny_notes
from costready.invoicing.customers import Customer, Funding, is_consumer
from costready.invoicing.disclosures import SenderExtras, sender_lines
from costready.invoicing.documents import Document, Line, Totals, VatGroup, line_rate, totals
from costready.invoicing.payments import balance
from costready.money import ZERO, format_number
from costready.organisation import Organisation
from costready.reports import fonts, styles
from costready.reports.styles import PathOrFile, para
from costready.rules_file import VAT_LABELS, VatTreatment

#: Why an exempt line carries no VAT, as the document prints it (VATA 1994 Sch 9 Group 7,
#: welfare services: https://www.legislation.gov.uk/ukpga/1994/23/schedule/9).
EXEMPT_REASON = N_("Exempt: welfare services, VATA 1994 Sch 9 Group 7")
#: Funding whose council audits the person's account line by line against the support plan.
AUDITED_FUNDING = frozenset(
    {Funding.DIRECT_PAYMENT, Funding.PERSONAL_BUDGET, Funding.INDIVIDUAL_SERVICE_FUND}
)
#: The QR code's printed size: large enough for a phone camera across a desk.
QR_SIZE = 30 * mm


@dataclass(frozen=True)
class DocumentData:
    """Everything an invoice or credit note document shows, built by the app layer.

    `totals` must be `invoicing.documents.totals(document)`: build with `DocumentData.of`, which
    works it out, so the PDF, the e-invoice and the CSV read the screen's figures. `paid` and
    `credited` are what has been received and credited against an invoice so far;
    `payment_link` the link already rendered for the balance (None: no link). The seller's
    Peppol participant id (scheme and value) is for the e-invoice."""

    document: Document
    customer: Customer
    organisation: Organisation
    totals: Totals
    bank: BankDetails = field(default_factory=BankDetails)
    terms_days: int | None = None
    paid: Decimal = ZERO
    credited: Decimal = ZERO
    payment_link: str | None = None
    sender_extras: SenderExtras | None = None
    seller_peppol_scheme: str = ""
    seller_peppol_id: str = ""

    @classmethod
    def of(
        cls, document: Document, customer: Customer, organisation: Organisation, **details: object
    ) -> DocumentData:
        """The data for `document`, its totals worked out by `invoicing.documents.totals`."""
        return cls(document, customer, organisation, totals(document), **details)  # type: ignore[arg-type]

    @property
    def balance(self) -> Decimal:
        """What is still owed on an invoice (total - paid - credited, never below £0)."""
        return balance(self.totals.gross, self.paid, self.credited)


def shows_vat(document: Document, figures: Totals) -> bool:
    """True when the document is a VAT document: the seller was VAT registered at its tax
    point and not every line is outside the scope of VAT."""
    return document.vat_registered and any(group.category != "O" for group in figures.groups)


def document_title(data: DocumentData) -> str:
    """ "Credit note"; "VAT invoice" for a VAT document; else "Invoice"."""
    if data.document.is_credit_note:
        return _("Credit note")
    if shows_vat(data.document, data.totals):
        return _("VAT invoice")
    return _("Invoice")


def write_document(target: PathOrFile, data: DocumentData) -> None:
    """Write the invoice or credit note PDF (A4, the shipped fonts). Typed text is printed
    literally. Raises ValueError for a draft (no number yet)."""
    document = data.document
    if not document.is_issued or document.issue_date is None:
        raise ValueError(_("Only an issued invoice or credit note has a document"))
    organisation = fonts.clipped(data.organisation, "name")
    data = dataclasses.replace(data, organisation=organisation)
    title = document_title(data)
    story: list[Flowable] = [
        heading(organisation, title, _facts(data)),
        Spacer(1, 5 * mm),
        addressee(_("Credit to") if document.is_credit_note else _("Bill to"), data.customer),
        Spacer(1, 5 * mm),
        _lines_table(data),
        Spacer(1, 3 * mm),
        *_vat_summary(data),
        _totals_table(data),
        *_exemption_notes(data),
        *_penny_notes(data),
        *_support_plan(data),
        *_notes(document.notes),
        *payment_block(data, _pay_by(data)),
        Spacer(1, 5 * mm),
        *(para(line, "small") for line in sender_lines(organisation, data.sender_extras)),
    ]
    footer = _("{name} · {title} {number}").format(
        name=organisation.name, title=title, number=document.number
    )
    styles.build(
        target,
        story,
        title=f"{title} {document.number}",
        author=organisation.name,
        footer=footer,
    )


def long_day(value: date, locale: str) -> str:
    """A date as documents print it: 1 October 2026."""
    return styles.long_day(value, locale)


def period_text(start: date, end: date, locale: str) -> str:
    """1–31 October 2026 within a month, else 28 September 2026 – 4 October 2026."""
    if start == end:
        return long_day(start, locale)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{long_day(end, locale)}"
    return f"{long_day(start, locale)} – {long_day(end, locale)}"


def heading(organisation: Organisation, title: str, facts: Sequence[tuple[str, str]]) -> Flowable:
    """Our name and address on the left; the title and the document's facts on the right."""
    left: list[Flowable] = [para(organisation.name, "h1")]
    if organisation.address.strip():
        left.append(para(organisation.address.strip(), "body"))
    if organisation.vat_registered and organisation.vat_number.strip():
        left.append(
            para(
                _("VAT registration number {number}").format(number=organisation.vat_number),
                "small",
            )
        )
    right: list[Flowable] = [para(title, "title"), _facts_table(facts)]
    width = styles.frame_width()
    table = Table([[left, right]], colWidths=[width * 0.52, width * 0.48], hAlign="LEFT")
    table.setStyle(_plain_grid())
    return table


def _facts(data: DocumentData) -> list[tuple[str, str]]:
    """(label, value) rows: number, dates, period, references."""
    document, locale = data.document, data.organisation.locale
    assert document.issue_date is not None
    number_label = _("Credit note number") if document.is_credit_note else _("Invoice number")
    rows = [(number_label, document.number or "")]
    if document.is_credit_note and document.credits_number:
        rows.append((_("Corrects invoice"), document.credits_number))
    rows.append((_("Issue date"), long_day(document.issue_date, locale)))
    # the tax point is VAT's time of supply: said only where VAT is charged
    shown = document.vat_registered and document.tax_point not in (None, document.issue_date)
    if shown and document.tax_point is not None:
        rows.append((_("Tax point"), long_day(document.tax_point, locale)))
    if document.due_date is not None and not document.is_credit_note:
        rows.append((_("Due date"), long_day(document.due_date, locale)))
    if document.period_start is not None and document.period_end is not None:
        rows.append(
            (
                _("Service period"),
                period_text(document.period_start, document.period_end, locale),
            )
        )
    if document.purchase_order.strip():
        rows.append((_("Purchase order"), document.purchase_order.strip()))
    if document.customer_reference.strip():
        rows.append((_("Your reference"), document.customer_reference.strip()))
    if data.customer.supplier_reference.strip():
        rows.append((_("Our supplier number with you"), data.customer.supplier_reference.strip()))
    return rows


def _facts_table(rows: Sequence[tuple[str, str]]) -> Flowable:
    width = styles.frame_width() * 0.48
    label_width = width * 0.45
    cells = [
        [styles.cell(label, label_width - 4, "cell_bold"), styles.cell(value, width - label_width)]
        for label, value in rows
    ]
    table = Table(cells, colWidths=[label_width, width - label_width], hAlign="LEFT")
    style = _plain_grid(padding=1.5)
    style.add("FONT", (0, 0), (0, -1), styles.FONT_BOLD, 8.5)
    table.setStyle(style)
    return table


def _plain_grid(padding: float = 0) -> TableStyle:
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), styles.FONT, 8.5),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), padding * 2 if padding else 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), padding * 2 if padding else 6),
            ("TOPPADDING", (0, 0), (-1, -1), padding),
            ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
        ]
    )


def addressee(label: str, customer: Customer) -> Flowable:
    """Who the document is to (the customer's billing name and address)."""
    customer = fonts.clipped(customer, "name")
    block: list[Flowable] = [para(label, "h2"), para(customer.name, "cell_bold")]
    if customer.billing_address.strip():
        block.append(para(customer.billing_address.strip(), "body"))
    return KeepTogether(block)


def vat_rate_text(line: Line, vat_registered: bool, locale: str) -> str:
    """A line's VAT as its column shows it: 20%, 5%, 0%, Exempt, Outside scope."""
    if not vat_registered:
        return ""
    treatment = line.treatment
    if treatment in (VatTreatment.STANDARD, VatTreatment.REDUCED):
        return styles.percent(line_rate(line), locale)
    if treatment is VatTreatment.ZERO:
        return styles.percent(ZERO, locale)
    if treatment is VatTreatment.EXEMPT:
        return _("Exempt")
    return _("Outside scope")


def _lines_table(data: DocumentData) -> Flowable:
    document, locale = data.document, data.organisation.locale
    with_vat = shows_vat(document, data.totals)
    width = styles.frame_width()
    fixed = [50.0, 56.0, 62.0, 44.0, 66.0] if with_vat else [50.0, 62.0, 66.0, 70.0]
    widths = [width - sum(fixed), *fixed]
    head = [_("Description"), _("Quantity"), _("Unit"), _("Unit price")]
    if with_vat:
        head.append(_("VAT"))
    head.append(_("Net") if with_vat else _("Amount"))
    rows: list[list[Flowable | str]] = [head]
    for line, net in zip(document.lines, data.totals.line_nets, strict=True):
        clipped = fonts.clipped(line, "unit")
        row: list[Flowable | str] = [
            styles.cell(line.description, widths[0]),
            quantity_text(line.quantity, locale),
            styles.cell(clipped.unit, widths[2], "cell"),
            styles.money(line.unit_price, locale),
        ]
        if with_vat:
            row.append(vat_rate_text(line, True, locale))
        row.append(styles.money(net, locale))
        rows.append(row)
    # the unit is words: left aligned though it sits among the numbers
    extra = [("ALIGN", (2, 0), (2, -1), "LEFT")]
    return styles.table(rows, widths, numeric_from=1, extra=extra)


def quantity_text(quantity: Decimal, locale: str) -> str:
    """1.5, 37.5, 12: every place typed that matters, none added (quantities have at most 4)."""
    return format_number(quantity.normalize() if quantity else ZERO, locale)


def group_label(group: VatGroup, locale: str) -> str:
    """A VAT breakdown row's name: 'Standard rate 20%', 'Exempt'..."""
    label = _(VAT_LABELS[group.treatment])
    if group.category == "S":
        return f"{label} {styles.percent(group.rate / 100, locale)}"
    return label


def _vat_summary(data: DocumentData) -> list[Flowable]:
    """The VAT breakdown per rate (only on a VAT document)."""
    if not shows_vat(data.document, data.totals):
        return []
    locale = data.organisation.locale
    head = [_("VAT summary"), _("Net"), _("VAT")]
    rows: list[list[Flowable | str]] = [head]
    for group in data.totals.groups:
        rows.append(
            [
                group_label(group, locale),
                styles.money(group.taxable, locale),
                styles.money(group.vat, locale),
            ]
        )
    widths = [110.0, 70.0, 70.0]
    table = styles.table(rows, widths, numeric_from=1)
    table.hAlign = "RIGHT"
    return [table, Spacer(1, 3 * mm)]


def total_label(data: DocumentData) -> str:
    """What the grand total is called on this document."""
    if data.document.is_credit_note:
        return _("Total credited")
    if is_consumer(data.customer) and shows_vat(data.document, data.totals):
        return _("Total to pay, including VAT")
    return _("Total")


def _totals_table(data: DocumentData) -> Flowable:
    locale, figures = data.organisation.locale, data.totals
    rows: list[list[Flowable | str]] = []
    if shows_vat(data.document, figures):
        rows += [
            [_("Net total"), styles.money(figures.net, locale)],
            [_("VAT"), styles.money(figures.vat, locale)],
        ]
    rows.append([total_label(data), styles.money(figures.gross, locale)])
    total_row = len(rows) - 1
    if not data.document.is_credit_note and (data.paid > 0 or data.credited > 0):
        if data.paid > 0:
            rows.append([_("Paid"), styles.money(data.paid, locale)])
        if data.credited > 0:
            rows.append([_("Credited"), styles.money(data.credited, locale)])
        rows.append([_("Balance due"), styles.money(data.balance, locale)])
    # plain strings where they fit (quick to lay out), each column's font set below
    cells = [[styles.cell(label, 146, "cell_bold"), value] for label, value in rows]
    table = Table(cells, colWidths=[150.0, 100.0], hAlign="RIGHT")
    style = [
        ("FONT", (0, 0), (-1, -1), styles.FONT, 8.5),
        ("FONT", (0, 0), (0, -1), styles.FONT_BOLD, 8.5),
        ("FONT", (0, total_row), (-1, total_row), styles.FONT_BOLD, 9.5),
        ("ALIGN", (1, 0), (1, -1), "RIGHT"),
        ("LINEABOVE", (0, total_row), (-1, total_row), 1, styles.INK),
        ("LINEBELOW", (0, total_row), (-1, total_row), 1, styles.INK),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if len(rows) > total_row + 1:
        style.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, styles.INK))
    table.setStyle(TableStyle(style))
    return table


def _exemption_notes(data: DocumentData) -> list[Flowable]:
    """Why no VAT is charged on exempt or outside-the-scope lines of a VAT document."""
    if not data.document.vat_registered:
        return []
    categories = {group.category for group in data.totals.groups}
    notes = []
    if "E" in categories:
        notes.append(para(_(EXEMPT_REASON), "body"))
    if "O" in categories:
        notes.append(para(_("Outside the scope of VAT: no VAT is charged."), "body"))
    return [Spacer(1, 3 * mm), *notes] if notes else []


def _penny_notes(data: DocumentData) -> list[Flowable]:
    """On a credit note whose figure is a penny off the plain working: which, and why."""
    notes = penny_notes(data.document, data.organisation.locale)
    return [Spacer(1, 2 * mm), *(para(note, "small") for note in notes)] if notes else []


def _support_plan(data: DocumentData) -> list[Flowable]:
    """For a person paying from a direct payment, personal budget or ISF: the hours or units
    and the period as the support plan counts them, and the total including any VAT."""
    customer, document = data.customer, data.document
    if not is_consumer(customer) or customer.funding not in AUDITED_FUNDING:
        return []
    locale = data.organisation.locale
    quantities: dict[str, Decimal] = {}
    for line in document.lines:
        quantities[line.unit] = quantities.get(line.unit, ZERO) + line.quantity
    amounts = ", ".join(
        f"{quantity_text(quantity, locale)} × {unit}" for unit, quantity in quantities.items()
    )
    text = _(
        "For the support plan: each line above gives the date, the hours or units and the "
        "rate. In all: {amounts}; total including any VAT {total}."
    ).format(amounts=amounts, total=styles.money(data.totals.gross, locale))
    return [Spacer(1, 3 * mm), para(text, "body")]


def _pay_by(data: DocumentData) -> str | None:
    document, locale = data.document, data.organisation.locale
    if document.due_date is None or data.balance <= 0:
        return None
    return _("Please pay {amount} by {date}.").format(
        amount=styles.money(data.balance, locale), date=long_day(document.due_date, locale)
    )


def payment_block(data: DocumentData, request: str | None) -> list[Flowable]:
    """'How to pay': `request` (what to pay by when), bank details with the invoice number as
    the reference, and beside them the payment link and its QR code while a balance is due.
    Nothing for a credit note."""
    document = data.document
    if document.is_credit_note:
        return []
    block: list[Flowable] = [para(request, "body")] if request else []
    if not data.bank.is_empty:
        block.append(bank_table(data.bank, document.number or ""))
    online: list[Flowable] = []
    if data.payment_link and data.balance > 0:
        block += [
            Spacer(1, 2 * mm),
            para(_("Or pay online (scan the code or follow the link):"), "body"),
            link_paragraph(data.payment_link),
        ]
        online = [QrCode(data.payment_link)]
    if not block:
        return []
    width = styles.frame_width()
    side = Table([[block, online]], colWidths=[width - QR_SIZE - 12, QR_SIZE + 12], hAlign="LEFT")
    side.setStyle(_plain_grid())
    return [Spacer(1, 4 * mm), KeepTogether([para(_("How to pay"), "h2"), side])]


def bank_table(bank: BankDetails, reference: str) -> Flowable:
    rows = [
        (_("Account name"), bank.account_name),
        (_("Sort code"), format_sort_code(bank.sort_code)),
        (_("Account number"), bank.account_number),
        (_("Payment reference"), reference),
    ]
    cells = [
        [styles.cell(label, 106, "cell_bold"), styles.cell(value, 216)] for label, value in rows
    ]
    table = Table(cells, colWidths=[110.0, 220.0], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), styles.FONT, 8.5),
                ("FONT", (0, 0), (0, -1), styles.FONT_BOLD, 8.5),
                ("BOX", (0, 0), (-1, -1), 0.6, styles.RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def link_paragraph(url: str) -> Paragraph:
    """The link as clickable, underlined text (readable printed in black and white); the
    address is escaped both as an attribute and as text, so it appears exactly."""
    style = styles.STYLES["body"]
    text = escape(url)
    return Paragraph(f"<a href={quoteattr(url)}><u>{text}</u></a>", style)


class QrCode(Flowable):
    """A QR code of `text` (segno, made offline) drawn as one filled path of its dark
    modules, quiet zone included: vector, sharp in print, and quick to draw."""

    def __init__(self, text: str, size: float = QR_SIZE) -> None:
        super().__init__()
        code = segno.make(text, error="m")
        self.rows = [tuple(row) for row in code.matrix_iter(scale=1, border=4)]
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        module = self.width / len(self.rows)
        path = self.canv.beginPath()
        for y, row in enumerate(self.rows):
            top = self.height - (y + 1) * module
            for start, end in _dark_runs(row):
                path.rect(start * module, top, (end - start) * module, module)
        self.canv.setFillColor(colors.black)
        self.canv.drawPath(path, stroke=0, fill=1)


def _dark_runs(row: Sequence[int]) -> list[tuple[int, int]]:
    """(start, end) of each run of dark modules in a row: one rectangle per run."""
    runs, start = [], None
    for x, dark in enumerate(row):
        if dark and start is None:
            start = x
        elif not dark and start is not None:
            runs.append((start, x))
            start = None
    if start is not None:
        runs.append((start, len(row)))
    return runs


def _notes(notes: str) -> list[Flowable]:
    if not notes.strip():
        return []
    return [Spacer(1, 4 * mm), para(_("Notes"), "h2"), para(notes.strip(), "body")]
