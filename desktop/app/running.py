"""The running AskWhy, imported once the main window has painted: the database, the
services (tray, notifications, reminders, backups) and how they are wired to the window.

`start()` opens the store (a known store error is the recovery screen, never a traceback)
and builds `Wiring`, the whole object graph in one place; `Wiring.shutdown()` takes it down
again when the event loop ends. The mail sources come last, once the data is on screen
(`desktop.app.mail_wiring`).
"""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop import APP_NAME, __version__
from desktop.core import handover
from desktop.core.errors import InvalidInput, UserFacingError
from desktop.core.model import RejectionInput
from desktop.core.reminders import SnoozeChoice, snooze_until
from desktop.core.timefmt import format_local
from desktop.core.user_text import isolate
from desktop.native.autostart import current_autostart
from desktop.native.clock import Clock, SystemClock
from desktop.native.notifications import (
    Notifier,
    NotifierUnavailableError,
    TrayNotifier,
    choose_notifier,
)
from desktop.native.power import ResumeWatcher
from desktop.native.reminder_service import ReminderService
from desktop.native.single_instance import SingleInstance
from desktop.native.store_changes import StoreChanges
from desktop.native.tray import CloseToTrayFilter, Tray, tray_available
from desktop.store.backups import Backups
from desktop.store.changes import Change
from desktop.store.database import open_database
from desktop.store.errors import StoreError
from desktop.store.repository import Store
from desktop.ui.main_window import MainWindow
from desktop.ui.restore_controller import RestoreController
from desktop.ui.restore_dialog import RestoreDialog
from desktop.ui.tasks import Task
from desktop.ui.undo_commands import RequestCommand
from desktop.ui.welcome_dialog import WelcomeDialog

if TYPE_CHECKING:
    from desktop.app.mail_wiring import MailWiring

log = logging.getLogger(__name__)

SETTING_TOLD_ABOUT_TRAY = "tray/told_about_close"
SETTING_TOLD_ABOUT_BACKGROUND = "background/told_about_close"
KEEPS_RUNNING = f"{APP_NAME} keeps running to remind you; quit with Ctrl+Q or from the File menu."
# A backup still writing from the thread pool gets this long to finish at quit.
BACKUP_GRACE_MS = 10_000


def start(
    app: QApplication,
    window: MainWindow,
    instance: SingleInstance,
    restore: RestoreController,
    data_dir: Path,
    *,
    clock: SystemClock,
    minimized: bool,
    pending_request: int | None,
) -> Wiring | None:
    """Opens the data in `data_dir` and starts the services around `window`; None when the
    user gave up on data that cannot be opened."""
    store, restored = open_store(data_dir, window, restore, clock)
    if store is None:
        return None
    wiring = Wiring(app, store, window, instance, restore, clock=clock, minimized=minimized)
    wiring.start(pending_request)
    if restored:
        window.show_info(restored)
    return wiring


def open_store(
    data_dir: Path, parent: QWidget | None, restore: RestoreController, clock: Clock
) -> tuple[Store | None, str]:
    """Opens the database. On a known error the user gets the recovery screen: what is
    wrong, and the backups to choose from (newest good one first). Returns the store (None
    when the user gave up) and, after a restore, the line that says what was restored."""
    restored = ""
    while True:
        try:
            database = open_database(data_dir)
        except StoreError as error:
            log.error("cannot open the database: %s", error)
            dialog = RestoreDialog(
                restore,
                clock.local_tz(),
                problem=f"{APP_NAME} cannot open your data. {error}",
                aside_reason="before-restore",
                parent=parent,
            )
            if dialog.exec() != QDialog.DialogCode.Accepted.value or dialog.restored is None:
                return None, ""
            restored = dialog.restored.describe(clock.local_tz())
            continue
        return Store(database), restored


class Wiring:
    """Builds the services and connects their signals: the whole object graph in one place."""

    def __init__(
        self,
        app: QApplication,
        store: Store,
        window: MainWindow,
        instance: SingleInstance,
        restore: RestoreController,
        *,
        clock: SystemClock,
        minimized: bool,
    ) -> None:

        self.app = app
        self.store = store
        self.data_dir = store.database.path.parent
        self.instance = instance
        self.restore = restore
        self.minimized = minimized
        self.clock = clock
        self.window = window
        self.autostart = current_autostart()
        self.quitting = False

        self.tray: Tray | None = None
        if tray_available():
            self.tray = Tray(
                lambda: self.store.due_items(now=self.clock.now()),
                lambda: self.store.load_settings().reminders_pause_end_at(self.clock.now()),
                self.clock.now,
                local_tz=self.clock.local_tz,
                changes=store.changes,
            )
        else:
            log.info("no system tray: closing the window keeps AskWhy running while it must remind")
        # Closing the window never quits by itself: with a tray AskWhy keeps running there;
        # without one it runs on while something is left to remind (see _on_window_close).
        app.setQuitOnLastWindowClosed(False)

        self.notifier: Notifier = choose_notifier(tray=self.tray)
        self.fallback_notifier = self._tray_fallback()
        # The window was built before these existed (see _run); Settings needs both.
        window.notifier = self.notifier
        window.autostart = self.autostart
        self.reminders: ReminderService = ReminderService(store, self.clock, self.notifier)
        self._changes = StoreChanges(store.changes, app)
        # Optional: logind's wake-up signal makes the catch-up immediate (Linux only).
        self.resume_watcher = ResumeWatcher.start() if sys.platform.startswith("linux") else None
        self.mail: MailWiring | None = None  # started with the window's data, in start()
        self._close_filter = CloseToTrayFilter(self.window, self._on_window_close)
        self.window.installEventFilter(self._close_filter)
        self._connect()

    def _tray_fallback(self) -> TrayNotifier | None:
        """The tray balloon, for a message the chosen backend fails to show at run time."""
        if self.tray is None or isinstance(self.notifier, TrayNotifier):
            return None
        try:
            return TrayNotifier(self.tray)
        except NotifierUnavailableError:
            return None

    def _connect(self) -> None:
        window, reminders = self.window, self.reminders
        for notifier in (self.notifier, self.fallback_notifier):
            if notifier is not None:
                notifier.activated.connect(self.open_request)
                notifier.activated_without_request.connect(window.show_and_raise)
                notifier.snooze_requested.connect(self._snooze_from_notification)
                notifier.skip_requested.connect(self._skip_from_notification)
        if self.fallback_notifier is not None:
            self.notifier.undelivered.connect(self.fallback_notifier.show_undelivered)
        reminders.reminders_missed.connect(self._on_reminders_missed)
        self._changes.changed.connect(self._on_store_changed)
        if self.resume_watcher is not None:
            self.resume_watcher.resumed.connect(reminders.refresh)
        # A restore closes the store: the reminder timer stops first, and starts again on
        # whatever file is in place afterwards (the window closes its editors itself).
        self.restore.attach(self.store.database)
        self.restore.pausing.connect(reminders.stop)
        self.restore.resumed.connect(reminders.start)
        window.resume_requested.connect(reminders.resume)
        self.instance.set_handler(self._on_message)
        self.app.aboutToQuit.connect(self._on_about_to_quit)
        if self.tray is not None:
            tray = self.tray
            tray.open_requested.connect(window.show_and_raise)
            tray.log_rejection_requested.connect(self._log_rejection_from_tray)
            tray.request_chosen.connect(self.open_request)
            tray.snooze_all_requested.connect(window.snooze_all)
            tray.pause_requested.connect(reminders.pause)
            tray.resume_requested.connect(reminders.resume)
            tray.quit_requested.connect(self.quit)

    def start(self, pending_request: int | None) -> None:
        # Reminders first: what fell due while AskWhy was closed is settled before the
        # window loads, so it loads once (at 100,000 applications a second load costs half
        # a second and doubles the peak memory).
        self.reminders.start()
        self.window.attach_store(self.store)
        if self.window.has_data:  # shown from the first look: nothing to wait for
            QTimer.singleShot(0, self._start_mail)
        else:
            self.window.loaded.connect(self._start_mail, Qt.ConnectionType.SingleShotConnection)
        if self.tray is not None:
            self.tray.refresh()
            self.tray.show()
        if self.minimized and self.tray is not None:
            log.info("started minimized in the tray")
        elif self.minimized:
            self.window.showMinimized()
        self._start_daily_backup()
        if pending_request is not None:
            log.info("opening request %d", pending_request)
            self.window.open_request(pending_request)  # the editor reads its own data
        if not self.minimized:
            self._welcome_once()
        log.info(
            "%s %s is running (notifications: %s)", APP_NAME, __version__, self.notifier.describe()
        )

    def _start_mail(self) -> None:
        if self.quitting:
            return
        # Once the data is on screen: the mail readers (IMAP, keyring) cost ~50 ms to load.
        from desktop.app.mail_wiring import MailWiring  # noqa: PLC0415

        self.mail = MailWiring(self.store, self.window, self.notifier, self.clock, self.app)
        self.mail.start()

    def _start_daily_backup(self) -> None:
        """At most one automatic backup a day, taken off the GUI thread after start-up."""
        backups, database, now = Backups(self.data_dir), self.store.database, self.clock.now()
        self._backup_task = Task(lambda: backups.auto(database, now=now))
        self._backup_task.signals.succeeded.connect(self._on_backup_done)
        self._backup_task.signals.failed.connect(self._on_backup_failed)
        self._backup_task.start()

    def _on_backup_done(self, path: object) -> None:
        if path is not None:
            log.info("daily backup written to %s", path)

    def _on_backup_failed(self, message: str) -> None:
        # Not worth a dialog at start-up: the next start tries again, and doctor reports it.
        log.warning("the daily backup failed: %s", message)

    # -- actions -------------------------------------------------------------------------
    def open_request(self, request_id: int) -> None:
        log.info("opening request %d", request_id)
        self.window.open_request(request_id)

    def _snooze_from_notification(self, request_id: int) -> None:
        now, tz = self.clock.now(), self.clock.local_tz()
        try:
            policy = self.store.load_settings().reminders
            until = snooze_until(SnoozeChoice.ONE_HOUR, now, tz, policy)
        except UserFacingError as error:
            self.window.show_error(str(error))
            return
        self._change_request_from_notification(
            request_id,
            "Snooze",
            functools.partial(self.store.snooze_request, request_id, until),
            f"snoozed until {format_local(until, tz)}",
        )

    def _skip_from_notification(self, request_id: int) -> None:
        self._change_request_from_notification(
            request_id,
            "Skip",
            functools.partial(self.store.skip_request, request_id, now=self.clock.now()),
            "skipped",
        )

    def _change_request_from_notification(
        self, request_id: int, verb: str, change: Callable[[], object], done: str
    ) -> None:
        """A notification's button: the same undoable step as the editor's button, and
        the window says what was `done` ("snoozed until Tue 3 Mar 15:00")."""
        try:
            application = self.store.get_application(
                self.store.get_request(request_id).application_id
            )
        except UserFacingError as error:
            # E.g. the request was deleted meanwhile: nothing left to change.
            log.warning("cannot %s request %d: %s", verb.lower(), request_id, error)
            return
        company, role = isolate(application.company), isolate(application.role)
        command = RequestCommand(self.store, f"{verb} ({company})", application.id, change)
        if self.window.run_command(command):
            log.info("request %d from its notification: %s", request_id, done)
            self.window.show_info(f"{company}, {role}: {done}. Undo with Ctrl+Z.")

    def _log_rejection_from_tray(self) -> None:
        self.window.show_and_raise()
        self.window.start_rejection(None)

    def _on_store_changed(self, _change: object) -> None:
        """Without a tray and with the window closed, AskWhy runs only to remind: once
        nothing is left to remind (sent, skipped, expired), it quits."""
        if self.tray is None and not self.window.isVisible() and not self._left_to_remind():
            log.info("window closed and nothing left to remind: quitting")
            self.quit()

    def _left_to_remind(self) -> bool:
        """An open follow-up window still has a reminder to come (its "closed" notice at
        least); a pause only delays them."""
        return self.store.next_reminder_due() is not None

    def _on_reminders_missed(self, count: int) -> None:
        # Long-stale reminders are listed, never popped up one by one: say so once, quietly.
        self.window.show_missed(count)

    def _on_message(self, message: handover.HandOver) -> dict[str, Any]:
        """Answers a second launch (see SingleInstance.set_handler); the message is checked."""

        match message:
            case handover.LogRejection(rejection):
                return self._log_handed_rejection(rejection)
            case handover.OpenRequest(request_id):
                # After answering: the second launch exits without waiting for the editor.
                QTimer.singleShot(0, lambda: self._show_request_written_elsewhere(request_id))
            case handover.ShowWindow(minimized):
                if not minimized:
                    self.window.show_and_raise()
        return {"ok": True}

    def _log_handed_rejection(self, rejection: RejectionInput) -> dict[str, Any]:

        try:
            # One step on the window's undo stack, like a rejection logged in the window.
            logged = self.window.rejection_flow.log_rejection(rejection)
        except UserFacingError as error:
            return {
                "ok": False,
                "error": str(error),
                "invalid_input": isinstance(error, InvalidInput),
            }
        request_id = logged.request.id
        log.info("logged a rejection handed over by a second launch: request %d", request_id)
        QTimer.singleShot(0, lambda: self.open_request(request_id))
        return {"ok": True, "logged": handover.LoggedSummary.of(logged).to_message()}

    def _show_request_written_elsewhere(self, request_id: int) -> None:
        """A second launch wrote this request with its own store, in its own process: this
        store's feed did not hear of it, so it is announced here for the window, the
        reminders and the tray to catch up."""
        try:
            application_id = self.store.get_request(request_id).application_id
        except UserFacingError as error:
            self.window.show_error(str(error))
            return
        self.store.changes.publish(
            Change(
                applications=frozenset({application_id}),
                requests=frozenset({request_id}),
                reminders=True,
            )
        )
        self.open_request(request_id)

    def quit(self) -> None:
        self.quitting = True
        self.app.quit()

    def _on_about_to_quit(self) -> None:
        self.quitting = True

    def _on_window_close(self) -> bool:
        """The window's close button: hide it and keep running (True), or let it close and
        quit (False). Without a tray, AskWhy keeps running only while it has to remind."""
        if self.quitting:
            return False
        if self.tray is None and not self._left_to_remind():
            QTimer.singleShot(0, self.quit)  # once this close event is done
            return False
        self.window.save_settings()
        self.window.hide()
        if self.tray is not None:
            log.info("window closed: %s keeps running in the tray", APP_NAME)
            self.tell_about_tray_once()
        else:
            log.info("window closed: %s keeps running with no tray to remind", APP_NAME)
            self._tell_about_background_once()
        return True

    def _tell_about_background_once(self) -> None:
        settings = QSettings()
        if settings.value(SETTING_TOLD_ABOUT_BACKGROUND, False, type=bool):
            return
        settings.setValue(SETTING_TOLD_ABOUT_BACKGROUND, True)
        # No tray to show a balloon from: a notification (a click shows the window).
        self.notifier.notify(f"{APP_NAME} is still running", KEEPS_RUNNING, None)

    def tell_about_tray_once(self) -> None:
        settings = QSettings()
        if self.tray is None or settings.value(SETTING_TOLD_ABOUT_TRAY, False, type=bool):
            return
        settings.setValue(SETTING_TOLD_ABOUT_TRAY, True)
        self.tray.show_message(
            f"{APP_NAME} is still running",
            "It keeps reminding you from the tray. Quit it from the tray menu.",
            None,
        )

    def _welcome_once(self) -> None:
        """First run: the welcome asks for the profile, then about starting at login."""
        if self.store.load_settings().asked_about_autostart:
            return
        dialog = WelcomeDialog(self.store, self.autostart, self.window)
        dialog.finished.connect(dialog.deleteLater)
        # open(), not exec(): the event loop (and the reminder timer) keeps running meanwhile.
        dialog.open()

    def shutdown(self) -> None:
        if self.mail is not None:
            self.mail.stop()
        self.reminders.stop()
        if self.resume_watcher is not None:
            self.resume_watcher.close()
        self.notifier.close()
        if self.tray is not None:
            self.tray.close()
        self.instance.release()
        # A backup may still be writing from the thread pool: let it finish first.
        QThreadPool.globalInstance().waitForDone(BACKUP_GRACE_MS)
        self.store.database.close()
