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
        page.extra_area.addWidget(
            hint(
                _(
                    "VAT: welfare services (care, support, advice) provided by charities are "
                    "usually exempt, so no VAT is added to the price. Units counted “From staff "
                    "hours” are the chargeable hours of the staff who deliver the service, after "
                    "holiday, training and travel. “Capacity × occupancy” plans on the places you "
                    "expect to fill, not on every place."
                )
            )
        )
        return page
