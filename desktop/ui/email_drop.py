"""Log a rejection from the email itself: drop or paste an .eml file or its text.

`core.email_parsing` pulls out the sender, the company and the role; the user checks them
in `EmailConfirmDialog` (a parser guesses, a person confirms) before the rejection dialog
opens prefilled. `EmailDropFilter` makes any widget, usually the main window, a drop target.
"""

from __future__ import annotations

import logging
from datetime import datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.email_parsing import ParsedEmail
from desktop.core.model import Channel
from desktop.core.timefmt import format_local
from desktop.ui.forms import error_label, is_valid_email
from desktop.ui.rejection_dialog import RejectionPrefill

log = logging.getLogger(__name__)

EMAIL_SUFFIXES = frozenset({".eml", ".txt", ".msg"})
# A rejection email is a few kilobytes; anything past this is not what the user meant to drop.
MAX_EMAIL_BYTES = 5 * 1024 * 1024
RFC822_MIME = "message/rfc822"


class EmailPayloadError(Exception):
    """A dropped file that cannot be read; the message is for the user."""


def payload_from_mime(mime: QMimeData) -> bytes | str | None:
    """The email a drop or paste carries: raw bytes of a file, or plain text; None if neither.

    Raises EmailPayloadError when it names a file that cannot be read.
    """
    if mime.hasFormat(RFC822_MIME):
        return bytes(mime.data(RFC822_MIME).data())
    if mime.hasUrls():
        for url in mime.urls():
            if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in EMAIL_SUFFIXES:
                return read_email_file(Path(url.toLocalFile()))
        return None
    if mime.hasText() and mime.text().strip():
        return mime.text()
    return None


def can_accept(mime: QMimeData) -> bool:
    if mime.hasFormat(RFC822_MIME):
        return True
    if mime.hasUrls():
        return any(
            url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in EMAIL_SUFFIXES
            for url in mime.urls()
        )
    return mime.hasText()


def read_email_file(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_EMAIL_BYTES:
            raise EmailPayloadError(
                f"{path.name} is {size // 1024 // 1024} MB: too big to be a rejection email."
            )
        return path.read_bytes()
    except OSError as error:
        raise EmailPayloadError(
            f"{path.name} could not be read ({error.strerror or error})."
        ) from error


class EmailDropFilter(QObject):
    """Turns a widget into a drop target for rejection emails.

    Signals:
        email_dropped(bytes | str): the raw email, ready for `RejectionFlow.log_parsed_email`.
        drop_failed(str): a message for the user (a file that could not be read).
    """

    email_dropped = Signal(object)
    drop_failed = Signal(str)

    def install(self, widget: QWidget) -> None:
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, (QDragEnterEvent, QDragMoveEvent)):
            if can_accept(event.mimeData()):
                event.acceptProposedAction()
                return True
            return False
        if isinstance(event, QDropEvent):
            try:
                payload = payload_from_mime(event.mimeData())
            except EmailPayloadError as error:
                self.drop_failed.emit(str(error))
                return True
            if payload is None:
                return False
            event.acceptProposedAction()
            self.email_dropped.emit(payload)
            return True
        return super().eventFilter(watched, event)


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
        problems = []
        if not self.company_edit.text().strip():
            problems.append("Enter the company.")
        if not self.role_edit.text().strip():
            problems.append("Enter the role.")
        email = self.sender_email_edit.text().strip()
        if email and not is_valid_email(email):
            problems.append(f"“{email}” does not look like an email address.")
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
