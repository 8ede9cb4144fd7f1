"""What the price list says besides prices: contact details, logo, how long prices hold, terms.

A group on the Organisation page, beside the profile form; it shows an Organisation's price-list
fields and puts what is typed back into one (`applied`), marking each problem by its field.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from costready.i18n import _
from costready.organisation import (
    VALID_MONTHS_MOST,
    Organisation,
    logo_problem,
    logo_too_large,
    validate_organisation,
)
from costready.problems import Problem
from costready.ui.editors.profile import FormErrors
from costready.ui.file_dialogs import open_file_name
from costready.ui.widgets import FieldError

#: Alt+letter only where the letter is free on the page and in the guided setup (P, I, D, R):
#: a letter used twice does nothing. Tab reaches every field either way.
#: The fields whose problems this group shows under them.
ERROR_KEYS = ("phone", "email", "website", "terms", "prices_valid_months", "logo")
LOGO_PREVIEW = (160, 64)  # the logo's preview box on the page, in pixels


class PriceListDetailsForm(QGroupBox):
    """Phone, email, website, logo, months the prices hold and the terms paragraph."""

    finished = Signal()  # a field was left or a logo chosen: the owner saves

    def __init__(self, errors: FormErrors, parent: QWidget | None = None):
        super().__init__(_("On the price list"), parent)
        self.errors = errors
        self.logo = b""
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        field = errors.add_field
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText(_("such as 0113 496 0000"))
        field(form, _("&Phone:"), self.phone_edit, _("Phone"), "phone")
        self.email_edit = QLineEdit()
        self.email_edit.setPlaceholderText(_("such as orders@example.org"))
        field(form, _("Ema&il:"), self.email_edit, _("Email"), "email")
        self.website_edit = QLineEdit()
        self.website_edit.setPlaceholderText(_("such as www.example.org"))
        field(form, _("Website:"), self.website_edit, _("Website"), "website")
        field(form, _("Logo:"), self._logo_row(), _("Logo"), "logo")
        self.months_spin = QSpinBox()
        self.months_spin.setRange(0, VALID_MONTHS_MOST)
        self.months_spin.setSpecialValueText(_("No end date"))
        self.months_spin.setSuffix(_(" months"))
        self.months_spin.setMaximumWidth(180)
        self.months_spin.setToolTip(
            _("How long a price list's prices hold from the date they apply from")
        )
        field(
            form,
            _("Prices vali&d for:"),
            self.months_spin,
            _("Prices valid for"),
            "prices_valid_months",
        )
        self.terms_edit = QPlainTextEdit()
        self.terms_edit.setTabChangesFocus(True)
        self.terms_edit.setPlaceholderText(
            _(
                "How to order, and payment terms: such as “Order by email. Invoices monthly, "
                "payable within 30 days.”"
            )
        )
        self.terms_edit.setFixedHeight(self.terms_edit.fontMetrics().lineSpacing() * 4 + 12)
        field(
            form, _("Terms:"), self.terms_edit, _("Terms: how to order and payment terms"), "terms"
        )
        for edit in (self.phone_edit, self.email_edit, self.website_edit):
            edit.editingFinished.connect(self.finished)
            edit.textChanged.connect(self._clear_all)
        self.months_spin.editingFinished.connect(self.finished)
        self.terms_edit.installEventFilter(self)

    def _logo_row(self) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.logo_preview = QLabel(_("No logo"))
        self.logo_preview.setFixedSize(*LOGO_PREVIEW)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setAccessibleName(_("Logo preview"))
        self.choose_logo_button = QPushButton(_("Choose…"))
        self.choose_logo_button.setAccessibleName(_("Choose a logo (PNG or JPEG)"))
        self.choose_logo_button.clicked.connect(self.choose_logo)
        self.remove_logo_button = QPushButton(_("&Remove"))
        self.remove_logo_button.setAccessibleName(_("Remove the logo"))
        self.remove_logo_button.clicked.connect(self.remove_logo)
        layout.addWidget(self.logo_preview)
        layout.addWidget(self.choose_logo_button)
        layout.addWidget(self.remove_logo_button)
        layout.addStretch(1)
        return row

    @property
    def inputs(self) -> tuple[QWidget, ...]:
        return (
            self.phone_edit,
            self.email_edit,
            self.website_edit,
            self.choose_logo_button,
            self.remove_logo_button,
            self.months_spin,
            self.terms_edit,
        )

    def show_profile(self, org: Organisation) -> None:
        """Fill the fields from `org` (no `finished`)."""
        for widget in self.inputs:
            widget.blockSignals(True)
        self.phone_edit.setText(org.phone)
        self.email_edit.setText(org.email)
        self.website_edit.setText(org.website)
        self.months_spin.setValue(max(0, min(org.prices_valid_months, VALID_MONTHS_MOST)))
        self.terms_edit.setPlainText(org.terms)
        for widget in self.inputs:
            widget.blockSignals(False)
        self._show_logo(org.logo)
        self._clear_all()

    def applied(self, org: Organisation) -> Organisation:
        """`org` with this group's fields as typed."""
        return dataclasses.replace(
            org,
            phone=self.phone_edit.text().strip(),
            email=self.email_edit.text().strip(),
            website=self.website_edit.text().strip(),
            prices_valid_months=self.months_spin.value(),
            terms=self.terms_edit.toPlainText().strip(),
            logo=self.logo,
        )

    def problems(self, org: Organisation) -> list[Problem]:
        """This group's problems with `org`, each shown under its field."""
        self._clear_all()
        mine = [p for p in validate_organisation(org) if p.path in ERROR_KEYS]
        for problem in mine:
            self.errors.show(problem.path, problem.message)
        return mine

    # The logo ------------------------------------------------------------------------------
    def choose_logo(self) -> None:
        """Pick a PNG or JPEG; a file too large, or not a picture, is refused by the field."""
        path = open_file_name(self, _("Choose a logo"), _("Pictures (*.png *.jpg *.jpeg)"))
        if path:
            self.use_logo_file(Path(path))

    def use_logo_file(self, path: Path) -> bool:
        """Take the logo from `path` (True), or say under the field why not (False)."""
        try:
            problem = logo_too_large(path.stat().st_size)  # said before reading a large file
            data = b"" if problem else path.read_bytes()
        except OSError as error:
            self.errors.show("logo", _("Logo: {error}").format(error=error.strerror or error))
            return False
        problem = problem or logo_problem(data)
        if problem is not None:
            self.errors.show("logo", problem)
            return False
        self._show_logo(data)
        self.errors.clear("logo")
        self.finished.emit()
        return True

    def remove_logo(self) -> None:
        if self.logo:
            self._show_logo(b"")
            self.finished.emit()

    def _show_logo(self, data: bytes) -> None:
        self.logo = data
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    *LOGO_PREVIEW,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(_("No logo"))
        self.remove_logo_button.setEnabled(bool(data))

    def _clear_all(self, *_args: object) -> None:
        for key in ERROR_KEYS:
            self.errors.clear(key)

    def error_label(self, key: str) -> FieldError:
        return self.errors.labels[key]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.terms_edit and event.type() == QEvent.Type.FocusOut:
            self.finished.emit()
        return super().eventFilter(watched, event)
