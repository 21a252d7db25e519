"""The mail sources of the running AskWhy, started once the window shows its data: the
readers (IMAP, keyring) cost about 50 ms to load, which the first data on screen should
not wait for.

Watched on their own threads from `start` until `stop`; what they find is offered in a
notification (with "Log and ask" / "Not a rejection") and in View › From your mail.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.core.mail_sources import Finding, notification_title
from desktop.native.clock import Clock
from desktop.native.mail_service import MailService
from desktop.native.mail_watch import MailChecker, PasswordKeyring
from desktop.native.notifications import Notifier
from desktop.store.mail import MailStore
from desktop.store.repository import Store
from desktop.ui.mail_found import MailFindings, finding_body
from desktop.ui.mail_settings import MailSetup
from desktop.ui.main_window import MainWindow

# More rejections found at once than this are announced in one notification.
MAX_SEPARATE_FINDINGS = 3


class MailWiring:
    """The mail service, its findings list and their notifications, wired to the window."""

    def __init__(
        self,
        store: Store,
        window: MainWindow,
        notifier: Notifier,
        clock: Clock,
        parent: QObject,
    ) -> None:
        self.window = window
        self.notifier = notifier
        self.clock = clock
        mail_store, passwords = MailStore(store.database), PasswordKeyring()
        checker = MailChecker(mail_store, passwords, now=clock.now, tz=clock.local_tz)
        self.service = MailService(mail_store, checker, passwords, parent)
        findings = MailFindings(mail_store, window.rejection_flow, clock, window.show_info, window)
        window.mail_findings = findings
        window.mail_setup = MailSetup(self.service, mail_store, passwords, clock)
        self.service.found.connect(self._on_mail_found)
        self.service.found.connect(findings.changed)
        self.service.status_changed.connect(findings.changed)
        notifier.finding_log_requested.connect(findings.log_and_ask)
        notifier.finding_dismissed.connect(findings.dismiss)
        notifier.finding_clicked.connect(self._show_mail_found)

    def start(self) -> None:
        self.service.start()

    def stop(self) -> None:
        self.service.stop()

    def _on_mail_found(self, found: list[Finding]) -> None:
        """A notification for each rejection found, with its buttons; several at once (mail
        that came while AskWhy was not running) are one notification, not a burst."""
        self.window.show_mail_found(len(found))
        # Quiet: the user said "Not a rejection" to this sender before; listed only.
        loud = [finding for finding in found if not finding.quiet]
        if len(loud) > MAX_SEPARATE_FINDINGS:
            self.notifier.notify(
                f"{len(loud)} rejections found in your mail — ask why now?",
                "Open AskWhy: View › From your mail lists them, ready to log and ask.",
                None,
            )
            return
        tz = self.clock.local_tz()
        for finding in loud:
            self.notifier.notify_finding(
                notification_title(finding.rejection),
                finding_body(finding.rejection, tz),
                finding.id,
            )

    def _show_mail_found(self, _finding_id: int) -> None:
        self.window.show_and_raise()
        self.window.open_mail_found()
