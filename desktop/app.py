"""The composition root: the one place that builds AskWhy's parts and wires them together.

Startup order, and why:

1. Parse the command line (`desktop.cli`, which imports no Qt).
2. A non-GUI command runs through `cli.run_command` and returns: `askwhy due` never pays for
   Qt, and works on a machine without a display.
3. `log-rejection` without `--no-gui` validates its options (bad input exits 2, nothing
   written), then hands the rejection to a running AskWhy over the single-instance socket,
   with no QApplication and no store: that instance writes it, answers with what it logged
   (printed here) and opens the editor. Only when no AskWhy runs is it recorded here, as
   `--no-gui` does, and this process becomes the GUI with the editor open.
4. QApplication, named from `desktop/__init__.py`; SIGINT/SIGTERM quit cleanly.
5. Single instance: when another AskWhy runs on this data dir, it gets our request
   ("show", or "open this request") and we exit 0.
6. The main window is built and shown with only PySide6 loaded, saying it is opening the
   data. Nothing else runs before its first paint: a start shows the window at once.
7. After that paint the database is opened (SQLAlchemy is imported now; Alembic only when a
   migration is due, with a backup first). A known store error (corrupt, too new, locked,
   unusable dir) is a message with a restore-from-backup choice, never a traceback.
8. The services are built and wired in `_Wiring`: tray (if the desktop has one), notifier
   (freedesktop, plyer, tray, null), reminder service, and the window gets its store.
9. The reminder service starts (handling what fell due while AskWhy was closed), a pending
   request opens, and on first run a welcome asks for the profile and about start-at-login.
10. The event loop runs; on the way out the timer stops, the notifier closes, the instance
    guard is released and the database is closed.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import logging
import os
import signal
import socket
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop import APP_ID, APP_NAME, ORGANIZATION, __version__, cli

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from desktop.core import handover
    from desktop.core.mail_sources import Finding
    from desktop.core.model import RejectionInput
    from desktop.native.clock import Clock, SystemClock
    from desktop.native.mail_service import MailService
    from desktop.native.notifications import Notifier, TrayNotifier
    from desktop.native.reminder_service import ReminderService
    from desktop.native.single_instance import SingleInstance
    from desktop.native.tray import Tray
    from desktop.store.database import Database
    from desktop.store.repository import Store
    from desktop.ui.main_window import MainWindow
    from desktop.ui.restore_controller import RestoreController
    from desktop.ui.theme import ThemeController

log = logging.getLogger(__name__)

LOG_ENV = "ASKWHY_LOG"
# tests/perf/cold_start.py: print "PAINTED <time.monotonic()>" after the main window's first
# paint has been flushed, then quit (see tests/perf/README.md).
PERF_PAINT_ENV = "ASKWHY_PERF_EXIT_AFTER_PAINT"
SETTING_TOLD_ABOUT_TRAY = "tray/told_about_close"
SETTING_TOLD_ABOUT_BACKGROUND = "background/told_about_close"
KEEPS_RUNNING = f"{APP_NAME} keeps running to remind you; quit with Ctrl+Q or from the File menu."
EXIT_OK = 0
EXIT_BROKEN = 1
# More rejections found at once than this are announced in one notification.
MAX_SEPARATE_FINDINGS = 3


def configure_logging() -> None:
    """Warnings by default; ASKWHY_LOG=info or debug for support (and the e2e tests)."""
    level_name = os.environ.get(LOG_ENV, "warning").upper()
    level = getattr(logging, level_name, logging.WARNING)
    logging.basicConfig(
        level=level if isinstance(level, int) else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


def main(argv: Sequence[str] | None = None) -> int:
    configure_logging()
    args = cli.parse_args(argv)
    if args.command is not None and not (args.command == "log-rejection" and not args.no_gui):
        return cli.run_command(args)

    from desktop.store.location import resolve_data_dir  # noqa: PLC0415

    data_dir = resolve_data_dir(args.data_dir)
    pending_request: int | None = None
    if args.command == "log-rejection":
        pending_request, code = _log_rejection(args, data_dir)
        if pending_request is None:
            return code
    if not _has_display():
        # Qt would abort the process (qFatal) without a display: say it in one line instead.
        done = " The rejection was logged." if pending_request is not None else ""
        print(
            f"{cli.PROG}: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are "
            f"unset).{done} Commands such as 'due' and 'log-rejection --no-gui' need none.",
            file=sys.stderr,
        )
        return EXIT_OK if pending_request is not None else EXIT_BROKEN
    return run_gui(args, data_dir, pending_request)


def _has_display() -> bool:
    if not sys.platform.startswith("linux") and "bsd" not in sys.platform:
        return True
    return bool(
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    )


def _log_rejection(args: argparse.Namespace, data_dir: Path) -> tuple[int | None, int]:
    """Hands the rejection to the running AskWhy, or records it here when none runs.

    (the request this process's window should open, 0), or (None, exit code) when this
    process has nothing more to do: handed over, or failed.
    """
    from desktop.core.errors import UserFacingError  # noqa: PLC0415
    from desktop.core.handover import LoggedSummary  # noqa: PLC0415

    now, tz = datetime.now(UTC), cli.local_tz()
    try:
        rejection = cli.log_rejection_input(args, now, tz)
        handed = _hand_over_rejection(data_dir, rejection, tz)
        if handed is not None:
            return None, handed
        logged = cli.record_rejection(args, rejection, now, tz)
    except (UserFacingError, OSError) as error:
        return None, cli.report_error(error, sys.stderr)
    log.info("logged a rejection here: request %d", logged.request.id)
    print(cli.describe_logged(LoggedSummary.of(logged), tz))
    return logged.request.id, EXIT_OK


def _hand_over_rejection(data_dir: Path, rejection: RejectionInput, tz: tzinfo) -> int | None:
    """The exit code once the running AskWhy has taken (or refused) the rejection; None
    when no AskWhy runs on `data_dir`.

    This is the fast path of a second launch: Python, QtNetwork and this message, with no
    QApplication and no SQLAlchemy. The running instance writes the rejection with its own
    store and opens the request editor.
    """
    from desktop.core import handover  # noqa: PLC0415
    from desktop.core.errors import InvalidInput, UserFacingError  # noqa: PLC0415
    from desktop.native.single_instance import (  # noqa: PLC0415
        InstanceNotAnswering,
        UnsafeInstanceDir,
        hand_over,
    )

    try:
        answer = hand_over(data_dir, handover.LogRejection(rejection))
    except UnsafeInstanceDir as error:
        return cli.report_error(error, sys.stderr)
    except InstanceNotAnswering:
        print(
            f"{cli.PROG}: another AskWhy holds {data_dir} but did not confirm the rejection; "
            "look in its window before logging it again.",
            file=sys.stderr,
        )
        return EXIT_BROKEN
    if answer is None:
        return None
    if not answer.get("ok"):
        refused = InvalidInput if answer.get("invalid_input") else UserFacingError
        text = str(answer.get("error") or "The running AskWhy refused the rejection.")
        return cli.report_error(refused(text), sys.stderr)
    try:
        logged = handover.LoggedSummary.from_message(answer.get("logged"))
    except InvalidInput as error:
        print(f"{cli.PROG}: {error}", file=sys.stderr)
        return EXIT_BROKEN
    log.info("handed the rejection to the running AskWhy: request %d", logged.request_id)
    print(cli.describe_logged(logged, tz))
    return EXIT_OK


# -- the GUI ---------------------------------------------------------------------------------


def run_gui(args: argparse.Namespace, data_dir: Path, pending_request: int | None) -> int:
    from PySide6.QtCore import QCoreApplication, QSettings, Qt  # noqa: PLC0415
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from desktop.native.app_identity import claim_app_user_model_id  # noqa: PLC0415

    # Windows: toasts named "AskWhy", matched to the installer's Start-menu shortcut.
    claim_app_user_model_id()
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication([sys.argv[0] if sys.argv else "askwhy"])
    from desktop.ui.theme import install_theme  # noqa: PLC0415

    # Fusion with light and dark palettes: the system's scheme, or the one chosen in Settings.
    theme = install_theme(app, settings=QSettings())  # parented to the app: it lives on
    # Until the wiring exists a signal just ends the loop; then it quits through the wiring,
    # which lets the window close instead of hiding to the tray (Qt 6's quit() first closes
    # every window, and gives up if one refuses).
    quit_hook: list[Any] = [app.quit]

    def quit_now() -> None:
        quit_hook[0]()

    stop_signals = _quit_on_signals(app, quit_now)
    try:
        return _run(
            app, theme, args, data_dir, pending_request, quit_hook=quit_hook, quit_now=quit_now
        )
    finally:
        stop_signals()


def _run(
    app: QApplication,
    theme: ThemeController,
    args: argparse.Namespace,
    data_dir: Path,
    pending_request: int | None,
    *,
    quit_hook: list[Any],
    quit_now: Callable[[], None],
) -> int:
    from PySide6.QtCore import QThreadPool, QTimer  # noqa: PLC0415

    from desktop.native.clipboard import QtClipboard  # noqa: PLC0415
    from desktop.native.clock import SystemClock  # noqa: PLC0415
    from desktop.ui.main_window import MainWindow  # noqa: PLC0415
    from desktop.ui.restore_controller import RestoreController  # noqa: PLC0415

    instance = _become_the_instance(args, data_dir, pending_request)
    if isinstance(instance, str):
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

        QMessageBox.critical(None, f"{APP_NAME} cannot start", instance)
        return EXIT_BROKEN
    if isinstance(instance, int):
        return instance
    minimized = bool(args.minimized)
    clock = SystemClock()
    restore = RestoreController(data_dir, clock.now)
    # The window comes first, with only PySide6 loaded; it says it is opening the data.
    # File › Quit quits through the hook: once the wiring exists, that quits for real
    # instead of hiding to the tray.
    window = MainWindow(None, clock, QtClipboard(), on_quit=quit_now, restore=restore)
    window.theme = theme  # Settings' colour scheme, applied live
    perf_hook = os.environ.get(PERF_PAINT_ENV) == "1"
    started: list[tuple[_Wiring, Database]] = []

    def open_data() -> None:
        store, database, restored = _open_store(data_dir, window, restore, clock)
        if store is None or database is None:
            window.close()
            app.exit(EXIT_BROKEN)
            return
        wiring = _Wiring(app, store, window, instance, restore, clock=clock, minimized=minimized)
        started.append((wiring, database))
        quit_hook[0] = wiring.quit
        if perf_hook:
            # The data is on screen once the background load has been shown.
            window.loaded.connect(lambda: _report_perf("LOADED", wiring.quit))
        wiring.start(pending_request)
        if restored:
            window.show_info(restored)

    def painted() -> None:
        if perf_hook:
            _report_perf("PAINTED")
        open_data()

    if minimized:
        QTimer.singleShot(0, open_data)
    else:
        # SQLAlchemy and the database after the first paint, so the window is seen at once.
        _after_first_paint(window, painted)
        window.show()
    try:
        code = int(app.exec())
    finally:
        if started:
            wiring, database = started[0]
            wiring.shutdown()
            # A backup may still be writing from the thread pool: let it finish first.
            QThreadPool.globalInstance().waitForDone(10_000)
            database.close()
        else:
            instance.release()
    return code


def _become_the_instance(
    args: argparse.Namespace, data_dir: Path, pending_request: int | None
) -> SingleInstance | int | str:
    """This process's instance guard, the exit code once a running AskWhy took over, or
    why this AskWhy cannot start (its instance folder is not private, or unusable)."""
    from desktop.core import handover  # noqa: PLC0415
    from desktop.native.single_instance import (  # noqa: PLC0415
        InstanceNotAnswering,
        SingleInstance,
        UnsafeInstanceDir,
    )

    try:
        instance = SingleInstance(data_dir)
    except UnsafeInstanceDir as error:
        log.error("%s", error)
        return str(error)
    except OSError as error:
        log.error("cannot make the instance folder: %s", error)
        return f"{APP_NAME} cannot make its instance folder: {error.strerror or error}."
    if instance.acquire():
        return instance
    message: handover.HandOver = handover.ShowWindow(minimized=bool(args.minimized))
    if pending_request is not None:
        message = handover.OpenRequest(pending_request)
    try:
        instance.send(message)
    except InstanceNotAnswering:
        print(f"{cli.PROG}: another AskWhy holds {data_dir} but does not answer", file=sys.stderr)
        return EXIT_BROKEN
    log.info("handed %s to the running AskWhy", message.command)
    return EXIT_OK


def _quit_on_signals(app: QApplication, quit_app: Any) -> Any:
    """SIGINT/SIGTERM end the event loop cleanly.

    Python runs signal handlers only between bytecodes, and Qt's loop is C++: the wakeup fd
    lets the C-level handler poke a socket that a QSocketNotifier watches, so the loop wakes
    at once. No timer polls for signals.
    """
    from PySide6.QtCore import QSocketNotifier  # noqa: PLC0415

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    previous_fd = signal.set_wakeup_fd(writer.fileno())
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    for sig in previous:
        signal.signal(sig, lambda number, _frame: log.info("signal %d: quitting", number))
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def on_signal() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)  # drain: the signal number itself does not matter
        quit_app()

    notifier.activated.connect(on_signal)

    def restore() -> None:
        notifier.setEnabled(False)
        signal.set_wakeup_fd(previous_fd)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        reader.close()
        writer.close()

    return restore


def _open_store(
    data_dir: Path, parent: QWidget | None, restore: RestoreController, clock: Clock
) -> tuple[Store | None, Database | None, str]:
    """Opens the database. On a known error the user gets the recovery screen: what is
    wrong, and the backups to choose from (newest good one first). Returns the store, the
    database and, after a restore, the line that says what was restored."""
    from PySide6.QtWidgets import QDialog  # noqa: PLC0415

    from desktop.store.database import open_database  # noqa: PLC0415
    from desktop.store.errors import StoreError  # noqa: PLC0415
    from desktop.store.repository import Store  # noqa: PLC0415
    from desktop.ui.restore_dialog import RestoreDialog  # noqa: PLC0415

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
                return None, None, ""
            restored = dialog.restored.describe(clock.local_tz())
            continue
        return Store(database), database, restored


class _Wiring:
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
        from desktop.native.autostart import current_autostart  # noqa: PLC0415
        from desktop.native.notifications import choose_notifier  # noqa: PLC0415
        from desktop.native.power import ResumeWatcher  # noqa: PLC0415
        from desktop.native.reminder_service import ReminderService  # noqa: PLC0415
        from desktop.native.store_changes import StoreChanges  # noqa: PLC0415
        from desktop.native.tray import CloseToTrayFilter, Tray, tray_available  # noqa: PLC0415

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
        self.mail: MailService | None = None  # started with the window's data, in start()
        self._close_filter = CloseToTrayFilter(self.window, self._on_window_close)
        self.window.installEventFilter(self._close_filter)
        self._connect()

    def _tray_fallback(self) -> TrayNotifier | None:
        """The tray balloon, for a message the chosen backend fails to show at run time."""
        from desktop.native.notifications import (  # noqa: PLC0415
            NotifierUnavailableError,
            TrayNotifier,
        )

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
        from PySide6.QtCore import Qt  # noqa: PLC0415

        # Reminders first: what fell due while AskWhy was closed is settled before the
        # window loads, so it loads once (at 100,000 applications a second load costs half
        # a second and doubles the peak memory).
        self.reminders.start()
        self.window.attach_store(self.store)
        # Once the data is on screen: the mail readers (IMAP, keyring) cost ~50 ms to load.
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
        """The mail sources: watched on their own threads from now until shutdown; what
        they find is offered in a notification and in View › From your mail."""
        if self.quitting:
            return
        from desktop.native.mail_service import MailService  # noqa: PLC0415
        from desktop.native.mail_watch import MailChecker, PasswordKeyring  # noqa: PLC0415
        from desktop.store.mail import MailStore  # noqa: PLC0415
        from desktop.ui.mail_found import MailFindings  # noqa: PLC0415
        from desktop.ui.mail_settings import MailSetup  # noqa: PLC0415

        mail_store, passwords = MailStore(self.store.database), PasswordKeyring()
        checker = MailChecker(mail_store, passwords, now=self.clock.now, tz=self.clock.local_tz)
        self.mail = MailService(mail_store, checker, passwords, self.app)
        findings = MailFindings(
            mail_store, self.window.rejection_flow, self.clock, self.window.show_info, self.window
        )
        self.window.mail_findings = findings
        self.window.mail_setup = MailSetup(self.mail, mail_store, passwords, self.clock)
        self.mail.found.connect(self._on_mail_found)
        self.mail.found.connect(findings.changed)
        self.mail.status_changed.connect(findings.changed)
        self.notifier.finding_log_requested.connect(findings.log_and_ask)
        self.notifier.finding_dismissed.connect(findings.dismiss)
        self.notifier.finding_clicked.connect(self._show_mail_found)
        self.mail.start()

    def _on_mail_found(self, found: list[Finding]) -> None:
        """A notification for each rejection found, with its buttons; several at once (mail
        that came while AskWhy was not running) are one notification, not a burst."""
        from desktop.core.mail_sources import notification_title  # noqa: PLC0415
        from desktop.ui.mail_found import finding_body  # noqa: PLC0415

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

    def _start_daily_backup(self) -> None:
        """At most one automatic backup a day, taken off the GUI thread after start-up."""
        from desktop.store.backups import Backups  # noqa: PLC0415
        from desktop.ui.tasks import Task  # noqa: PLC0415

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
        from desktop.core.errors import UserFacingError  # noqa: PLC0415
        from desktop.core.reminders import SnoozeChoice, snooze_until  # noqa: PLC0415
        from desktop.core.timefmt import format_local  # noqa: PLC0415

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
        from desktop.core.errors import UserFacingError  # noqa: PLC0415
        from desktop.core.user_text import isolate  # noqa: PLC0415
        from desktop.ui.undo_commands import RequestCommand  # noqa: PLC0415

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
        from PySide6.QtCore import QTimer  # noqa: PLC0415

        from desktop.core import handover  # noqa: PLC0415

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
        from PySide6.QtCore import QTimer  # noqa: PLC0415

        from desktop.core import handover  # noqa: PLC0415
        from desktop.core.errors import InvalidInput, UserFacingError  # noqa: PLC0415

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
        from desktop.core.errors import UserFacingError  # noqa: PLC0415
        from desktop.store.changes import Change  # noqa: PLC0415

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
        from PySide6.QtCore import QTimer  # noqa: PLC0415

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
        from PySide6.QtCore import QSettings  # noqa: PLC0415

        settings = QSettings()
        if settings.value(SETTING_TOLD_ABOUT_BACKGROUND, False, type=bool):
            return
        settings.setValue(SETTING_TOLD_ABOUT_BACKGROUND, True)
        # No tray to show a balloon from: a notification (a click shows the window).
        self.notifier.notify(f"{APP_NAME} is still running", KEEPS_RUNNING, None)

    def tell_about_tray_once(self) -> None:
        from PySide6.QtCore import QSettings  # noqa: PLC0415

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
        from desktop.ui.welcome_dialog import WelcomeDialog  # noqa: PLC0415

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


def _after_first_paint(window: QWidget, then: Callable[[], None]) -> None:
    """Runs `then` once, just after `window`'s first paint has been flushed to the screen."""
    from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: PLC0415

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if watched is window and event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                self.deleteLater()
                # Queued: runs once this paint has been flushed to the screen.
                QTimer.singleShot(0, then)
            return False

    window.installEventFilter(FirstPaint(window))


def _report_perf(milestone: str, quit_app: Callable[[], None] | None = None) -> None:
    """The benchmark hook named by PERF_PAINT_ENV: PAINTED at the window's first paint,
    LOADED once the data is shown and the services run; then it quits."""
    import time  # noqa: PLC0415

    print(f"{milestone} {time.monotonic()}", flush=True)
    if quit_app is not None:
        quit_app()
