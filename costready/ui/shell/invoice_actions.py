"""The Invoices menu: new invoice, record a payment, credit note, bill a period, the files
(PDF, e-invoice, reminder, CSVs) and the invoicing settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from costready.i18n import _
from costready.ui.shell.actions import ActionGroup

if TYPE_CHECKING:
    from costready.ui.main_window import MainWindow
    from costready.ui.pages.deliveries import DeliveriesPage
    from costready.ui.pages.invoices import InvoicesPage


class InvoiceActions(ActionGroup):
    """Invoicing's actions; each works on the invoice chosen on the Invoices page."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.title = _("In&voices")
        self.new_invoice = self.add(_("&New invoice…"), self.start_invoice, "add", "Ctrl+Shift+N")
        self.record_payment = self.add(_("&Record payment…"), self.pay, "check")
        self.record_remittance = self.add(_("Record &a remittance…"), self.remittance, "check")
        self.credit_note = self.add(_("&Credit note…"), self.credit, "remove")
        self.copy_invoice = self.add(
            _("C&opy as new draft"), lambda: self._on_page("copy_selected"), "copy"
        )
        self.bill_period = self.add(_("&Bill a period…"), self.bill, "check")
        self.separator()
        self.export_pdf = self.add(_("Save &PDF…"), lambda: self._on_page("save_pdf"), "export")
        self.export_ubl = self.add(
            _("Export &e-invoice…"), lambda: self._on_page("export_ubl"), "export"
        )
        self.reminder = self.add(
            _("Re&minder letter…"), lambda: self._on_page("reminder"), "export"
        )
        self.export_csv = self.add(
            _("Export invoices C&SV…"), lambda: self._on_page("invoices_csv"), "export"
        )
        self.payments_csv = self.add(
            _("Export pa&yments CSV…"), lambda: self._on_page("payments_csv"), "export"
        )
        self.separator()
        self.settings = self.add(_("Invoicing se&ttings…"), self.edit_settings, "edit")

    def _on_page(self, name: str) -> None:
        """Do `name` on the Invoices page (its selected document)."""
        if self.window.document is not None:
            getattr(self.invoices_page(), name)()

    def edit_settings(self) -> None:
        """The organisation's invoicing settings, in a dialog."""
        store, document = self.window.workspace, self.window.document
        if store is None or document is None:
            return
        from costready.ui.dialogs.invoicing_settings import InvoicingSettingsDialog

        dialog = InvoicingSettingsDialog(store, document.organisation_id, self.window)
        self.settings_dialog = dialog
        dialog.accepted.connect(lambda: self.window.show_status(dialog.message))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()

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

    def remittance(self) -> None:
        if self.window.document is not None:
            self.invoices_page().record_remittance()

    def credit(self) -> None:
        if self.window.document is not None:
            self.invoices_page().credit_note()

    def bill(self) -> None:

        if self.window.document is None:
            return
        self.window.show_page("deliveries")
        page: DeliveriesPage = self.window.pages["deliveries"]  # type: ignore[assignment]
        page.bill_period()
