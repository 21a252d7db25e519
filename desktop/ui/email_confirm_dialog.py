"""Between a dropped or pasted email and the rejection dialog: reading it, then checking it.

`EmailReading` reads and parses the email in the thread pool: an email comes from a
stranger, and even bounded parsing of 5 MB takes longer than a frame. A progress dialog with
Cancel shows while it runs, after a short delay so that the usual quick read shows nothing.
`core.email_parsing` pulls out the sender, the company and the role (a company the user
applied to, when the email names one: the store's list is read on the same worker thread,
once per email); the user checks them
in `EmailConfirmDialog` (a parser guesses, a person confirms) before the rejection dialog
opens prefilled.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from desktop.core import validation
from desktop.core.email_kind import EmailKind
from desktop.core.email_parsing import MAX_EMAIL_BYTES, ParsedEmail, parse_rejection_email
from desktop.core.model import Channel
from desktop.core.timefmt import format_local
from desktop.store.files import read_small_file
from desktop.ui.email_drop import EmailPayload
from desktop.ui.forms import ErrorLabel, problem
from desktop.ui.rejection_dialog import RejectionPrefill
from desktop.ui.tasks import Task

# A read that ends sooner shows no progress dialog at all.
PROGRESS_DELAY_MS = 400


def read_email(payload: EmailPayload, tz: tzinfo, applied_to: Collection[str]) -> ParsedEmail:
    """Read (a file) and parse a dropped or pasted email, matched against the companies the
    user `applied_to`; InvalidInput says what is wrong."""
    raw = read_small_file(payload, MAX_EMAIL_BYTES) if isinstance(payload, Path) else payload
    return parse_rejection_email(raw, tz=tz, applied_to=applied_to)


_KIND_NAMES = {
    EmailKind.REJECTION: "a rejection",
    EmailKind.INTERVIEW: "an interview invitation",
    EmailKind.OFFER: "an offer",
    EmailKind.RECEIVED: "a confirmation that they received an application",
    EmailKind.OTHER: "something other than a rejection",
}


def kind_text(parsed: ParsedEmail) -> str:
    """What AskWhy took the email for, and why; a warning when that is not a rejection."""
    why = "; ".join(parsed.reasons)
    if parsed.kind is EmailKind.REJECTION:
        return f"A rejection ({why})."
    return (
        f"This reads like {_KIND_NAMES[parsed.kind]}, not a rejection ({why}). "
        "Continue only if it is one."
    )


class EmailReading(QObject):
    """One email being read off the GUI thread, behind a progress dialog with Cancel.

    Signals:
        read(ParsedEmail): the email was read.
        failed(str): a message for the user.
    Neither comes after Cancel. Python cannot stop a thread, so Cancel frees the user at
    once and drops the result of the (bounded) read when it arrives.

    Give it a parent, or keep a reference, until the read is over: the task lives in it.
    """

    read = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        payload: EmailPayload,
        tz: tzinfo,
        applied_to: Callable[[], Collection[str]],
        parent: QWidget | None = None,
    ) -> None:
        """`applied_to` gives the companies the user applied to; it is called on the worker
        thread (it reads the store)."""
        super().__init__(parent)
        self._task = Task(lambda: read_email(payload, tz, applied_to()))
        self._answered = False
        self.progress = QProgressDialog("Reading the email…", "Cancel", 0, 0, parent)
        self.progress.setObjectName("email_reading_progress")
        self.progress.setWindowTitle("Log a rejection")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(PROGRESS_DELAY_MS)
        self.progress.canceled.connect(self._answer)
        self._task.signals.succeeded.connect(self._on_succeeded)
        self._task.signals.failed.connect(self._on_failed)

    def start(self) -> None:
        self._task.start()

    def _on_succeeded(self, parsed: object) -> None:
        if self._answer():
            self.read.emit(parsed)
        self.deleteLater()  # the task has run: nothing needs this object any more

    def _on_failed(self, message: str) -> None:
        if self._answer():
            self.failed.emit(message)
        self.deleteLater()

    def _answer(self) -> bool:
        """Close the progress dialog; False when that was done already (by Cancel)."""
        if self._answered:
            return False
        self._answered = True
        self.progress.reset()  # hides it, or stops the timer that would show it
        self.progress.deleteLater()
        return True


def _plain_label(text: str, name: str) -> QLabel:
    """A wrapping label that never reads its text as HTML: a stranger wrote the subject."""
    label = QLabel(text)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


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
        self.error_label = ErrorLabel("error_label")

        intro = _plain_label(
            "AskWhy read this from the email. Correct anything it got wrong.", "intro_label"
        )
        self.subject_label = _plain_label(parsed.subject or "(no subject)", "subject_label")
        self.no_reply_label = _plain_label(
            "This is a no-reply address: it will not be used to send your request.",
            "no_reply_label",
        )
        self.no_reply_label.setVisible(bool(self._no_reply_address))
        self.kind_label = _plain_label(kind_text(parsed), "kind_label")
        form = QFormLayout()
        form.addRow("Read as", self.kind_label)
        form.addRow("Subject", self.subject_label)
        form.addRow("Sender &name", self.sender_name_edit)
        form.addRow("Sender &email", self.sender_email_edit)
        form.addRow("", self.no_reply_label)
        form.addRow("&Company", self.company_edit)
        form.addRow("&Role", self.role_edit)
        form.addRow("Received", self.received_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.addButton("C&ontinue", QDialogButtonBox.ButtonRole.AcceptRole)
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
        self.error_label.show_error(" ".join(problems))
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
