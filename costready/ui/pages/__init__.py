"""The window's pages, one QWidget each, in sidebar order (see PAGE_KEYS)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

#: Page keys in sidebar order; Ctrl+1.. switch to them in this order.
PAGE_KEYS: tuple[str, ...] = ("home", "organisation", "services", "staff", "costs", "prices")


def page_class(key: str) -> type[QWidget]:
    """The class of page `key`, imported when the page is first shown (start-up builds only
    the page it opens on); plain imports, not by name, so a bundled app carries every page."""
    match key:
        case "home":
            from costready.ui.pages.home import HomePage as page
        case "organisation":
            from costready.ui.pages.organisation import OrganisationPage as page
        case "services":
            from costready.ui.pages.services import ServicesPage as page
        case "staff":
            from costready.ui.pages.staff import StaffPage as page
        case "costs":
            from costready.ui.pages.costs import CostsPage as page
        case "prices":
            from costready.ui.pages.prices import PricesPage as page
        case _:
            raise KeyError(key)
    return page
