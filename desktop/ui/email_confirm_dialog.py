"""The check between a parsed rejection email and the rejection dialog.

`core.email_parsing` pulls out the sender, the company and the role; the user checks them
in `EmailConfirmDialog` (a parser guesses, a person confirms) before the rejection dialog
opens prefilled.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core import validation
from desktop.core.email_parsing import ParsedEmail
from desktop.core.model import Channel
from desktop.core.timefmt import format_local
from desktop.ui.forms import error_label, problem
from desktop.ui.rejection_dialog import RejectionPrefill


class EmailConfirmDialog(QDialog):
    """Shows what was read from the email; every field can be corrected before logging."""

    def __init__(self, parsed: ParsedEmail, tz: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Log this rejection?")
        self.setObjectName("email_confirm_dialog")
        self._received_at: datetime | None = parsed.received_at
        # A no-reply address reaches no one: shown, so the user sees what was read, but not
        # used as the contact's address unless the user types another one.
        self._no_reply_address = parsed.sender_email if parsed.no_reply else ""
        self.sender_name_edit = QLineEdit(parsed.sender_name)
        self.sender_name_edit.setObjectName("sender_name_edit")
        self.sender_email_edit = QLineEdit(parsed.sender_email)
        self.sender_email_edit.setObjectName("sender_email_edit")
        self.company_edit = QLineEdit(parsed.company)
        self.company_edit.setObjectName("company_edit")
        self.role_edit = QLineEdit(parsed.role)
        self.role_edit.setObjectName("role_edit")
        received = (
            format_local(parsed.received_at, tz)
            if parsed.received_at is not None
            else "not in the email: you will be asked"
        )
        self.received_label = QLabel(received)
        self.received_label.setObjectName("received_label")
        self.error_label = error_label("error_label")

        intro = QLabel("AskWhy read this from the email. Correct anything it got wrong.")
        intro.setWordWrap(True)
        self.subject_label = QLabel(parsed.subject or "(no subject)")
        self.subject_label.setObjectName("subject_label")
        self.subject_label.setWordWrap(True)
        self.no_reply_label = QLabel(
            "This is a no-reply address: it will not be used to send your request."
        )
        self.no_reply_label.setObjectName("no_reply_label")
        self.no_reply_label.setWordWrap(True)
        self.no_reply_label.setVisible(bool(self._no_reply_address))
        form = QFormLayout()
        form.addRow("Subject", self.subject_label)
        form.addRow("Sender &name", self.sender_name_edit)
        form.addRow("Sender &email", self.sender_email_edit)
        form.addRow("", self.no_reply_label)
        form.addRow("&Company", self.company_edit)
        form.addRow("&Role", self.role_edit)
        form.addRow("Received", self.received_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.addButton("&Continue", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("ok_button")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self.ok_button.clicked.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        for edit in (self.sender_email_edit, self.company_edit, self.role_edit):
            edit.textChanged.connect(self.validate)
        self.validate()
        # Set once the button sits inside the dialog: an earlier setDefault never reaches
        # the dialog, and Enter would then press whichever button Qt picked (Cancel).
        self.ok_button.setDefault(True)

    def validate(self) -> bool:
        found = (
            problem(validation.COMPANY.clean, self.company_edit.text()),
            problem(validation.ROLE.clean, self.role_edit.text()),
            problem(validation.PERSON_NAME.clean, self.sender_name_edit.text()),
            problem(validation.clean_email, self.sender_email_edit.text()),
        )
        problems = [message for message in found if message]
        self.error_label.setText(" ".join(problems))
        self.error_label.setVisible(bool(problems))
        self.ok_button.setEnabled(not problems)
        return not problems

    def _on_ok(self) -> None:
        if self.validate():
            self.accept()

    def prefill(self) -> RejectionPrefill:
        email = self.sender_email_edit.text().strip()
        if self._no_reply_address and email.casefold() == self._no_reply_address.casefold():
            email = ""
        return RejectionPrefill(
            company=self.company_edit.text().strip(),
            role=self.role_edit.text().strip(),
            contact_name=self.sender_name_edit.text().strip(),
            contact_email=email,
            notified_at=self._received_at,
            channel=Channel.EMAIL,
        )
