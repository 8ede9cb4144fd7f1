"""The window's pages, one QWidget each, in sidebar order (see PAGE_KEYS)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from costready.ui.document import ScenarioDocument

#: Page keys in sidebar order; Ctrl+1.. switch to them in this order.
PAGE_KEYS: tuple[str, ...] = (
    "home",
    "organisation",
    "services",
    "staff",
    "costs",
    "prices",
    # invoicing's pages (per organisation), after the costing ones
    "invoices",
    "customers",
    "deliveries",
    "checklist",
)

#: A page class: it is built over the open document.
PageClass = Callable[["ScenarioDocument"], "QWidget"]


def page_class(key: str) -> PageClass:
    """The class of page `key`, imported when the page is first shown (start-up builds only
    the page it opens on); plain imports, not by name, so a bundled app carries every page."""
    if key == "home":
        from costready.ui.pages.home import HomePage

        return HomePage
    if key == "organisation":
        from costready.ui.pages.organisation import OrganisationPage

        return OrganisationPage
    if key == "services":
        from costready.ui.pages.services import ServicesPage

        return ServicesPage
    if key == "staff":
        from costready.ui.pages.staff import StaffPage

        return StaffPage
    if key == "costs":
        from costready.ui.pages.costs import CostsPage

        return CostsPage
    if key == "prices":
        from costready.ui.pages.prices import PricesPage

        return PricesPage
    if key == "checklist":
        from costready.ui.pages.checklist import ChecklistPage

        return ChecklistPage
    if key == "invoices":
        from costready.ui.pages.invoices import InvoicesPage

        return InvoicesPage
    if key == "customers":
        from costready.ui.pages.customers import CustomersPage

        return CustomersPage
    if key == "deliveries":
        from costready.ui.pages.deliveries import DeliveriesPage

        return DeliveriesPage
    raise KeyError(key)
