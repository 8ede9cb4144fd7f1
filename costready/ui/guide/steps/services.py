"""Step 2: the menu of services, in the Services page's own table."""

from __future__ import annotations

from costready.i18n import _
from costready.ui.document import ScenarioDocument
from costready.ui.guide.steps.base import TablePageStep, hint
from costready.ui.pages._table_page import TablePage
from costready.ui.pages.services import ServicesPage


class ServicesStep(TablePageStep):
    """The services: unit, how planned units are counted, surplus and VAT."""

    page_class = ServicesPage

    def make_page(self, document: ScenarioDocument) -> TablePage:
        page = ServicesPage(document)
        page.vat_asked_only_when_registered = True
        page.extra_area.addWidget(
            hint(
                _(
                    "VAT follows who supplies a service: care and support are exempt only from a "
                    "charity, a public body or a CQC-registered provider, and standard-rated "
                    "(20%) from anyone else. Welfare advice or information from a charity is "
                    "charged at the reduced rate (5%), not exempt; social prescribing link work "
                    "may count as such advice, so tick “Welfare advice” if yours does. The usual "
                    "treatment is filled in; a different choice is kept, with a warning. If you "
                    "are not VAT registered, no VAT is charged and the VAT column is not asked. "
                    "Units counted “From staff "
                    "hours” are the chargeable hours of the staff who deliver the service, after "
                    "holiday, training and travel. “Capacity × occupancy” plans on the places you "
                    "expect to fill, not on every place."
                )
            )
        )
        return page
