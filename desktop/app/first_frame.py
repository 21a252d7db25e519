"""The GUI up to the main window's first paint: only PySide6 and the window's own modules.

Everything here runs before the user sees a window, so this module imports nothing the
first frame does not need. Once that frame has been painted, `desktop.app.running` is
imported: the database, the services and how they are wired.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import signal
import socket
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QSettings,
    QSocketNotifier,
    Qt,
    QTimer,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from desktop import APP_ID, APP_NAME, ORGANIZATION, __version__
from desktop.core import handover
from desktop.core.exit_codes import EXIT_BROKEN, EXIT_OK, PROG
from desktop.native.app_identity import claim_app_user_model_id
from desktop.native.clipboard import QtClipboard
from desktop.native.clock import SystemClock
from desktop.native.single_instance import InstanceNotAnswering, SingleInstance, UnsafeInstanceDir
from desktop.ui.icons import app_icon
from desktop.ui.main_window import MainWindow
from desktop.ui.restore_controller import RestoreController
from desktop.ui.tasks import Task
from desktop.ui.theme import ThemeController, install_theme

if TYPE_CHECKING:
    from desktop.app.running import Wiring

log = logging.getLogger(__name__)

# tests/perf/cold_start.py: print "PAINTED <time.monotonic()>" after the main window's first
# paint has been flushed, "LOADED <t>" once its data is shown, "READY <t>" once the store and
# the services run, and quit (see tests/perf/README.md).
PERF_PAINT_ENV = "ASKWHY_PERF_EXIT_AFTER_PAINT"


def run_gui(data_dir: Path, *, minimized: bool, pending_request: int | None) -> int:
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
            app,
            theme,
            data_dir,
            minimized=minimized,
            pending_request=pending_request,
            quit_hook=quit_hook,
            quit_now=quit_now,
        )
    finally:
        stop_signals()


def _run(
    app: QApplication,
    theme: ThemeController,
    data_dir: Path,
    *,
    minimized: bool,
    pending_request: int | None,
    quit_hook: list[Any],
    quit_now: Callable[[], None],
) -> int:
    instance = _become_the_instance(data_dir, minimized=minimized, pending_request=pending_request)
    if isinstance(instance, str):
        # Only on this way out: the first frame need not pay for QMessageBox's type.
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

        QMessageBox.critical(None, f"{APP_NAME} cannot start", instance)
        return EXIT_BROKEN
    if isinstance(instance, int):
        return instance
    clock = SystemClock()
    restore = RestoreController(data_dir, clock.now)
    # The window comes first, with only PySide6 loaded; it says it is opening the data.
    # File › Quit quits through the hook: once the wiring exists, that quits for real
    # instead of hiding to the tray.
    window = MainWindow(None, clock, QtClipboard(), on_quit=quit_now, restore=restore)
    window.theme = theme  # Settings' colour scheme, applied live
    opening = _Opening(
        app,
        window,
        instance=instance,
        restore=restore,
        data_dir=data_dir,
        clock=clock,
        minimized=minimized,
        pending_request=pending_request,
        quit_hook=quit_hook,
    )
    if minimized:
        QTimer.singleShot(0, opening.open_data)
    else:
        _after_first_paint(window, opening.painted)
        window.show()
    try:
        code = int(app.exec())
    finally:
        if opening.wiring is not None:
            opening.wiring.shutdown()
        else:
            instance.release()
    return code


class _Opening:
    """What follows the first paint: the applications first, read with plain sqlite3 in a
    worker while nothing else runs (on screen before SQLAlchemy, about 200 ms to import),
    then the store and the services (`desktop.app.running`)."""

    def __init__(
        self,
        app: QApplication,
        window: MainWindow,
        *,
        instance: SingleInstance,
        restore: RestoreController,
        data_dir: Path,
        clock: SystemClock,
        minimized: bool,
        pending_request: int | None,
        quit_hook: list[Any],
    ) -> None:
        self.app = app
        self.window = window
        self.instance = instance
        self.restore = restore
        self.data_dir = data_dir
        self.clock = clock
        self.minimized = minimized
        self.pending_request = pending_request
        self.quit_hook = quit_hook
        self.wiring: Wiring | None = None
        self._first_look: Task | None = None
        self.perf_hook = os.environ.get(PERF_PAINT_ENV) == "1"
        if self.perf_hook:
            window.loaded.connect(
                lambda: _report_perf("LOADED"), Qt.ConnectionType.SingleShotConnection
            )

    def painted(self) -> None:
        if self.perf_hook:
            _report_perf("PAINTED")
        # After the first paint: sqlite3 and the store's reader, a few milliseconds the
        # first frame need not wait for.
        from desktop.store import summaries  # noqa: PLC0415

        self._first_look = Task(functools.partial(summaries.first_look, self.data_dir))
        self._first_look.signals.succeeded.connect(self._looked)
        self._first_look.signals.failed.connect(lambda _message: self.open_data())
        self._first_look.start()

    def _looked(self, found: object) -> None:
        if isinstance(found, list):
            self.window.show_first_look(found)
        self.open_data()

    def open_data(self) -> None:
        # Every window's icon (an SVG and its PNGs, about 5 ms): the first frame shows none.
        self.app.setWindowIcon(app_icon())
        # The database, SQLAlchemy and the services: after the first paint (and the first
        # look), so the window and the applications are seen at once.
        from desktop.app import running  # noqa: PLC0415

        wiring = running.start(
            self.app,
            self.window,
            self.instance,
            self.restore,
            self.data_dir,
            clock=self.clock,
            minimized=self.minimized,
            pending_request=self.pending_request,
        )
        if wiring is None:
            self.window.close()
            self.app.exit(EXIT_BROKEN)
            return
        self.wiring = wiring
        self.quit_hook[0] = wiring.quit
        if self.perf_hook:
            # Started through, whichever came first; the benchmark has what it measures.
            if self.window.has_data:
                _report_perf("READY", wiring.quit)
            else:
                self.window.loaded.connect(lambda: _report_perf("READY", wiring.quit))


def _become_the_instance(
    data_dir: Path, *, minimized: bool, pending_request: int | None
) -> SingleInstance | int | str:
    """This process's instance guard, the exit code once a running AskWhy took over, or
    why this AskWhy cannot start (its instance folder is not private, or unusable)."""
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
    message: handover.HandOver = handover.ShowWindow(minimized=minimized)
    if pending_request is not None:
        message = handover.OpenRequest(pending_request)
    try:
        instance.send(message)
    except InstanceNotAnswering:
        print(f"{PROG}: another AskWhy holds {data_dir} but does not answer", file=sys.stderr)
        return EXIT_BROKEN
    log.info("handed %s to the running AskWhy", message.command)
    return EXIT_OK


def _quit_on_signals(app: QApplication, quit_app: Any) -> Any:
    """SIGINT/SIGTERM end the event loop cleanly.

    Python runs signal handlers only between bytecodes, and Qt's loop is C++: the wakeup fd
    lets the C-level handler poke a socket that a QSocketNotifier watches, so the loop wakes
    at once. No timer polls for signals.
    """
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


def _after_first_paint(window: QWidget, then: Callable[[], None]) -> None:
    """Runs `then` once, just after `window`'s first paint has been flushed to the screen."""

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
    LOADED once the data is shown, READY once the store and the services run; then it
    quits."""
    print(f"{milestone} {time.monotonic()}", flush=True)
    if quit_app is not None:
        quit_app()
