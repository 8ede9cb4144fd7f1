"""One dialog at a time, opened window-modal without blocking: what pages and views share."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog


class DialogHost:
    """Mixed into a widget that opens its dialogs with `open_dialog`; the one open now is
    `self.dialog` (tests reach it there), forgotten and deleted when it closes."""

    dialog: QDialog | None = None

    def open_dialog(self, dialog: QDialog, on_accepted: Callable[[], object]) -> None:
        """Open `dialog` window-modal without blocking (tests reach it as `self.dialog`)."""
        dialog.accepted.connect(on_accepted)
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()

    def _forget_dialog(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
