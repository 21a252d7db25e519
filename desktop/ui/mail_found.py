"""Rejections found in the user's mail: confirm in one click.

`MailFindings` is the controller the notification buttons and the "From your mail" list
share: "Log and ask" logs the rejection (one step on the undo stack, `notified_at` = the
email's date, the contact from the sender) and opens the request editor; where the email
did not tell the company or the role, the rejection dialog opens prefilled instead. "Not a
rejection" drops the finding and is remembered against its sender: that sender's next
findings are listed, but no longer pop up.

`MailFoundDialog` (View › From your mail) lists what was found and how each source is
doing, with the reason when one fails.
"""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Callable
from datetime import tzinfo

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import UserFacingError
from desktop.core.mail_sources import Finding, MailSource, Rejection, notification_title
from desktop.core.model import Channel, LoggedRejection, RejectionInput
from desktop.core.timefmt import format_local
from desktop.native.clock import Clock
from desktop.store.mail import MailStore
from desktop.ui import undo_commands
from desktop.ui.dialog_undo import DialogUndo
from desktop.ui.list_table import list_table
from desktop.ui.rejection_dialog import RejectionPrefill
from desktop.ui.rejection_flow import RejectionFlow
from desktop.ui.screen_fit import fit_to_screen

log = logging.getLogger(__name__)


def finding_body(rejection: Rejection, tz: tzinfo) -> str:
    """The notification's second line: who sent it, and when."""
    sender = rejection.contact_name or rejection.contact_email or rejection.sender or "someone"
    when = f", {format_local(rejection.received_at, tz)}" if rejection.received_at else ""
    return f"From {sender}{when}. Log it and your request opens, ready to send."


def source_state(source: MailSource, tz: tzinfo) -> str:
    """How a source is doing, as its last read left it: in this list and in Settings › Mail."""
    if source.last_error:
        return f"failing, retried: {source.last_error}"
    if source.last_checked_at is None:
        return "not read yet"
    return f"read {format_local(source.last_checked_at, tz)}"


class MailFindings(QObject):
    """What to do with a finding; `changed` when the list (or a source's status) changed."""

    changed = Signal()

    def __init__(
        self,
        mail: MailStore,
        flow: RejectionFlow,
        clock: Clock,
        tell: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._mail = mail
        self._flow = flow
        self._clock = clock
        self._tell = tell

    def findings(self) -> list[Finding]:
        return self._mail.findings()

    def sources(self) -> list[MailSource]:
        return self._mail.sources()

    def log_and_ask(self, finding_id: int) -> None:
        try:
            finding = self._mail.get_finding(finding_id)
        except UserFacingError as error:
            self._tell(str(error))
            return
        rejection = finding.rejection
        now = self._clock.now()
        # A sender's clock may run ahead; the follow-up window cannot start in the future.
        notified_at = min(rejection.received_at, now) if rejection.received_at else now
        if rejection.company and rejection.role:
            try:
                logged = self._flow.log_rejection(
                    RejectionInput(
                        company=rejection.company,
                        role=rejection.role,
                        notified_at=notified_at,
                        channel=Channel.EMAIL,
                        contact_name=rejection.contact_name,
                        contact_email=rejection.contact_email,
                    )
                )
            except UserFacingError as error:
                # The email said something the store refuses: let the user fix it.
                log.info("a found rejection needs the user's eye: %s", error)
            else:
                self._forget(finding_id)
                self._flow.open_request(logged.request.id)
                return
        dialog = self._flow.start(
            None,
            prefill=RejectionPrefill(
                company=rejection.company,
                role=rejection.role,
                contact_name=rejection.contact_name,
                contact_email=rejection.contact_email,
                notified_at=notified_at,
                channel=Channel.EMAIL,
            ),
        )
        if dialog is not None:
            dialog.rejection_logged.connect(functools.partial(self._on_logged, finding_id))

    def _on_logged(self, finding_id: int, _logged: LoggedRejection, _skip: bool) -> None:
        self._forget(finding_id)

    def _forget(self, finding_id: int) -> None:
        # Already gone (the other button, or the list): nothing left to forget.
        with contextlib.suppress(UserFacingError):
            self._mail.take_finding(finding_id)
        self.changed.emit()

    def dismiss(self, finding_id: int) -> None:
        """ "Not a rejection", from the list or a notification: one step on the window's
        undo stack."""
        try:
            finding = self._mail.get_finding(finding_id)
        except UserFacingError as error:
            self._tell(str(error))
            return
        command = undo_commands.DismissFindingCommand(self._mail, finding, self.changed.emit)
        if not undo_commands.run(self._flow.undo_stack, command, self._tell):
            return
        sender = finding.rejection.sender
        if sender:
            self._tell(
                f"Noted: mail from {sender} won't pop up as a rejection again. Undo with Ctrl+Z."
            )


class MailFoundDialog(QDialog):
    """The "From your mail" list: each finding with its two buttons, and the sources."""

    COMPANY, ROLE, SENDER, RECEIVED = range(4)

    def __init__(
        self,
        findings: MailFindings,
        tz: tzinfo,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._findings = findings
        self._tz = tz
        self.items: list[Finding] = []
        self.setObjectName("mail_found")
        self.setWindowTitle("From your mail")
        fit_to_screen(self, QSize(720, 420))

        self.intro = QLabel(
            "Rejections AskWhy found in your mail. Log one and its request opens, ready to "
            "send: ask while they still remember you."
        )
        self.intro.setWordWrap(True)
        self.empty_label = QLabel(
            "Nothing found yet. Add a mail source in Settings › Mail (or with 'askwhy mail "
            "add'): a maildir, an mbox file or an IMAP account; only mail that arrives "
            "afterwards is read."
        )
        self.empty_label.setWordWrap(True)
        self.table = list_table(
            "found_table", ["Company", "Role", "From", "Received"], stretch=self.ROLE
        )
        self.table.cellActivated.connect(self._on_activated)
        self.sources_label = QLabel()
        self.sources_label.setObjectName("mail_sources_status")
        self.sources_label.setWordWrap(True)
        self.sources_label.setTextFormat(Qt.TextFormat.PlainText)  # a server's words: text

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.log_button = QPushButton("&Log and ask")
        self.log_button.setObjectName("log_and_ask")
        self.dismiss_button = QPushButton("&Not a rejection")
        self.dismiss_button.setObjectName("not_a_rejection")
        buttons.addButton(self.log_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.dismiss_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.log_button.setDefault(True)
        self.log_button.clicked.connect(self.log_selected)
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        buttons.rejected.connect(self.reject)
        # "Not a rejection" is undone here too; the findings announce it (`changed`).
        self.history = DialogUndo(self, undo_stack)
        findings.changed.connect(self.reload)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.sources_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.history.button)
        bottom.addWidget(buttons, 1)
        layout.addLayout(bottom)
        self.reload()

    def reload(self) -> None:
        try:
            self.items = self._findings.findings()
            sources = self._findings.sources()
        except UserFacingError as error:
            self.items, sources = [], []
            self.empty_label.setText(str(error))
        self.table.setRowCount(len(self.items))
        for row, finding in enumerate(self.items):
            rejection = finding.rejection
            received = rejection.received_at
            for column, text in (
                (self.COMPANY, rejection.company or "?"),
                (self.ROLE, rejection.role or "?"),
                (self.SENDER, rejection.contact_email or rejection.sender),
                (self.RECEIVED, format_local(received, self._tz) if received else ""),
            ):
                cell = QTableWidgetItem(text)
                cell.setToolTip(notification_title(rejection))
                self.table.setItem(row, column, cell)
        self.table.setVisible(bool(self.items))
        self.empty_label.setVisible(not self.items)
        self.log_button.setEnabled(bool(self.items))
        self.dismiss_button.setEnabled(bool(self.items))
        if self.items:
            self.table.selectRow(0)
            self.table.setFocus()
        self.sources_label.setText(self._describe(sources))

    def _describe(self, sources: list[MailSource]) -> str:
        if not sources:
            return "No mail sources."
        return "\n".join(
            f"#{source.id} {source.spec.location} — {source_state(source, self._tz)}"
            for source in sources
        )

    def _selected(self) -> Finding | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _on_activated(self, _row: int, _column: int) -> None:
        self.log_selected()

    def log_selected(self) -> None:
        finding = self._selected()
        if finding is not None:
            self._findings.log_and_ask(finding.id)

    def dismiss_selected(self) -> None:
        finding = self._selected()
        if finding is not None:
            self._findings.dismiss(finding.id)
