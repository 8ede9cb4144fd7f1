"""The Invoices menu: new invoice, record a payment, credit note, bill a period, exports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from costready.i18n import _
from costready.ui.shell.actions import ActionGroup

if TYPE_CHECKING:
    from costready.ui.main_window import MainWindow
    from costready.ui.pages.deliveries import DeliveriesPage
    from costready.ui.pages.invoices import InvoicesPage

#: why the export actions are off until the documents slice (PDF, e-invoice, CSV) lands
EXPORTS_LATER = "Coming with the documents slice"


class InvoiceActions(ActionGroup):
    """Invoicing's actions; each works on the invoice chosen on the Invoices page."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.title = _("In&voices")
        self.new_invoice = self.add(_("&New invoice…"), self.start_invoice, "add", "Ctrl+Shift+N")
        self.record_payment = self.add(_("&Record payment…"), self.pay, "check")
        self.credit_note = self.add(_("&Credit note…"), self.credit, "remove")
        self.bill_period = self.add(_("&Bill a period…"), self.bill, "check")
        self.separator()
        self.export_pdf = self.add(_("Export &PDF…"), lambda: None, "export")
        self.export_ubl = self.add(_("Export &e-invoice…"), lambda: None, "export")
        self.export_csv = self.add(_("Export C&SV…"), lambda: None, "export")
        for action in (self.export_pdf, self.export_ubl, self.export_csv):
            # off whatever the workspace: the documents slice brings app/invoice_files.py
            self.need_workspace.remove(action)
            action.setEnabled(False)
            action.setToolTip(_(EXPORTS_LATER))
            action.setStatusTip(_(EXPORTS_LATER))

    def invoices_page(self) -> InvoicesPage:
        from costready.ui.pages.invoices import InvoicesPage

        self.window.show_page("invoices")
        page = self.window.pages["invoices"]
        assert isinstance(page, InvoicesPage)
        return page

    def start_invoice(self) -> None:
        if self.window.document is not None:
            self.invoices_page().new_invoice()

    def pay(self) -> None:
        if self.window.document is not None:
            self.invoices_page().record_payment()

    def credit(self) -> None:
        if self.window.document is not None:
            self.invoices_page().credit_note()

    def bill(self) -> None:

        if self.window.document is None:
            return
        self.window.show_page("deliveries")
        page: DeliveriesPage = self.window.pages["deliveries"]  # type: ignore[assignment]
        page.bill_period()
