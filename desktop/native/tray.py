"""The system tray icon and its menu.

The menu is rebuilt each time it is about to open (as Vorta does), so it always shows what
is due now without a timer keeping it fresh. The icon has two states: idle, and "something is
waiting for you" while an open request's window is running.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import sys
from collections.abc import Callable, Mapping
from datetime import datetime, tzinfo
from functools import partial

from jeepney import DBusAddress, Properties  # type: ignore[import-untyped]
from jeepney.bus_messages import message_bus  # type: ignore[import-untyped]
from jeepney.io.blocking import open_dbus_connection  # type: ignore[import-untyped]
from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QStyle, QSystemTrayIcon

from desktop import APP_NAME
from desktop.core.model import DueItem
from desktop.core.reminders import PauseChoice, SnoozeChoice, pause_text
from desktop.core.timefmt import format_countdown
from desktop.core.user_text import escape_mnemonics, isolate
from desktop.native.notifications import session_bus_address
from desktop.native.store_changes import StoreChanges
from desktop.resources import resource_path
from desktop.store.changes import Change, ChangeFeed

log = logging.getLogger(__name__)

# The tray menu is for what is urgent; the window lists the rest.
MAX_MENU_ITEMS = 6


def load_icon(name: str, fallback: QStyle.StandardPixmap) -> QIcon:
    path = resource_path("icons", name)
    if path.is_file():
        # QIcon picks up the "@2x" sibling by itself on high-DPI screens.
        icon = QIcon(str(path))
        if not icon.isNull():
            return icon
    log.warning("icon %s is missing; using a standard icon", path)
    style = QApplication.style()
    return style.standardIcon(fallback)


def tray_available() -> bool:
    return bool(QSystemTrayIcon.isSystemTrayAvailable())


# The tray paths Qt takes on Linux and the BSDs, in its order of preference.
STATUS_NOTIFIER_ITEM = "StatusNotifierItem"
XEMBED = "XEmbed"
NO_TRAY = "none"
SNI_WATCHER = "org.kde.StatusNotifierWatcher"
SNI_WATCHER_PATH = "/StatusNotifierWatcher"


def tray_path(environ: Mapping[str, str] = os.environ) -> str:
    """Which tray Qt uses on this desktop: STATUS_NOTIFIER_ITEM when a StatusNotifierWatcher
    with a registered host is on the session bus (KDE Plasma, GNOME with the AppIndicator
    extension, XFCE, Wayland), else XEMBED when an X11 system tray owns its selection
    (trayer, stalonetray, older panels), else NO_TRAY.

    Asked over D-Bus and Xlib, not through Qt: `askwhy doctor` runs it without a
    QApplication, which would abort the process (qFatal) on an unreachable display.
    """
    if _status_notifier_host(environ):
        return STATUS_NOTIFIER_ITEM
    if _xembed_tray(environ.get("DISPLAY", "")):
        return XEMBED
    return NO_TRAY


def _status_notifier_host(environ: Mapping[str, str]) -> bool:
    try:
        with open_dbus_connection(bus=session_bus_address(dict(environ))) as connection:
            owned = connection.send_and_get_reply(message_bus.NameHasOwner(SNI_WATCHER), timeout=2)
            if not owned.body[0]:
                return False
            watcher = DBusAddress(SNI_WATCHER_PATH, bus_name=SNI_WATCHER, interface=SNI_WATCHER)
            reply = connection.send_and_get_reply(
                Properties(watcher).get("IsStatusNotifierHostRegistered"), timeout=2
            )
            return bool(reply.body[0][1])
    except Exception as error:
        log.debug("no StatusNotifierWatcher to ask: %s", error)
        return False


def _xembed_tray(display: str) -> bool:
    """An XEmbed tray is the owner of the _NET_SYSTEM_TRAY_S<screen> selection."""
    library = ctypes.util.find_library("X11") if display else None
    if library is None:
        return False
    xlib = ctypes.CDLL(library)
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XDefaultScreen.argtypes = [ctypes.c_void_p]
    xlib.XInternAtom.restype = ctypes.c_ulong
    xlib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    xlib.XGetSelectionOwner.restype = ctypes.c_ulong
    xlib.XGetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    connection = xlib.XOpenDisplay(display.encode())
    if not connection:
        return False
    try:
        selection = f"_NET_SYSTEM_TRAY_S{xlib.XDefaultScreen(connection)}".encode()
        return bool(xlib.XGetSelectionOwner(connection, xlib.XInternAtom(connection, selection, 0)))
    finally:
        xlib.XCloseDisplay(connection)


def describe_tray_host() -> str:
    """For `askwhy doctor`: which tray AskWhy docks into, and what that means."""
    if not sys.platform.startswith("linux") and "bsd" not in sys.platform:
        return "the system's (notification area or menu bar)"
    path = tray_path()
    if path == STATUS_NOTIFIER_ITEM:
        return f"{STATUS_NOTIFIER_ITEM} (a StatusNotifierWatcher is on the session bus)"
    if path == XEMBED:
        return f"{XEMBED} (an X11 system tray)"
    return f"{NO_TRAY}: after the window closes, AskWhy runs on while it has something to remind"


class Tray(QObject):
    """Wraps QSystemTrayIcon. Reports what the user chose; `desktop.app` acts on it."""

    open_requested = Signal()
    log_rejection_requested = Signal()
    request_chosen = Signal(int)
    # A SnoozeChoice value: "15min", "1h" or "tomorrow".
    snooze_all_requested = Signal(str)
    # A PauseChoice value: "tomorrow", "1h", "4h" or "resumed".
    pause_requested = Signal(str)
    resume_requested = Signal()
    quit_requested = Signal()
    # A balloon message was clicked; the int is its request id, or 0 for none.
    message_clicked = Signal(int)
    # The menu was rebuilt; its action texts (for logs and tests).
    menu_rebuilt = Signal(list)

    def __init__(
        self,
        items_provider: Callable[[], list[DueItem]],
        pause_end_provider: Callable[[], datetime | None],
        now: Callable[[], datetime],
        parent: QObject | None = None,
        *,
        local_tz: Callable[[], tzinfo],
        changes: ChangeFeed,
    ) -> None:
        super().__init__(parent)
        # The icon and tooltip follow the store's announcements (a rejection logged, a
        # request sent, a reminder fired, a pause): nobody has to tell the tray.
        self._changes = StoreChanges(changes, self)
        self._changes.changed.connect(self._on_store_changed)
        self._items = items_provider
        self._pause_end = pause_end_provider
        self._now = now
        self._local_tz = local_tz
        self._idle_icon = load_icon("askwhy-tray-idle.png", QStyle.StandardPixmap.SP_ComputerIcon)
        self._due_icon = load_icon(
            "askwhy-tray-due.png", QStyle.StandardPixmap.SP_MessageBoxInformation
        )
        self._due = False
        self._message_request = 0
        self._icon = QSystemTrayIcon(self._idle_icon, self)
        self._icon.setToolTip(APP_NAME)
        # The menu has no parent widget: QSystemTrayIcon does not take ownership of it.
        self._menu = QMenu()
        self._menu.aboutToShow.connect(self._on_about_to_show)
        self._icon.setContextMenu(self._menu)
        self._icon.activated.connect(self._on_activated)
        self._icon.messageClicked.connect(self._on_message_clicked)
        self.rebuild_menu()

    # -- state ---------------------------------------------------------------------------
    @staticmethod
    def available() -> bool:
        return tray_available()

    def show(self) -> None:
        self._icon.show()
        log.info("tray icon shown (tray available: %s)", tray_available())

    def hide(self) -> None:
        self._icon.hide()

    def is_visible(self) -> bool:
        return bool(self._icon.isVisible())

    def can_show_messages(self) -> bool:
        return tray_available() and bool(QSystemTrayIcon.supportsMessages())

    @property
    def icon(self) -> QSystemTrayIcon:
        return self._icon

    @property
    def menu(self) -> QMenu:
        return self._menu

    def is_due(self) -> bool:
        return self._due

    def refresh(self) -> None:
        """Updates the icon state and tooltip from the store (after reminders changed)."""
        try:
            items = self._items()
        except Exception:
            log.exception("cannot read due items for the tray")
            return
        now = self._now()
        running = [
            i for i in items if i.request.window_opens_at <= now < i.request.window_closes_at
        ]
        self.set_due(bool(running))
        tooltip = APP_NAME
        if running:
            soonest = min(running, key=lambda i: i.request.window_closes_at)
            left = format_countdown(soonest.request.window_closes_at - now)
            tooltip = f"{APP_NAME}: ask {isolate(soonest.company)} why, {left}"
        paused = self._paused_text()
        if paused is not None:
            tooltip += f"\n{paused}"
        self._icon.setToolTip(tooltip)

    def _paused_text(self) -> str | None:
        """ "Reminders paused until Tue 3 Mar 08:00", or None while reminders run."""
        try:
            end = self._pause_end()
        except Exception:
            log.exception("cannot read whether reminders are paused")
            return None
        if end is None:
            return None
        return f"Reminders paused {pause_text(end, self._local_tz())}"

    def _on_store_changed(self, change: Change) -> None:
        if change.reminders or change.requests or change.settings or change.everything:
            self.refresh()

    def set_due(self, due: bool) -> None:
        if due != self._due:
            self._due = due
            self._icon.setIcon(self._due_icon if due else self._idle_icon)
            log.info("tray icon state: %s", "due" if due else "idle")

    def show_message(
        self, title: str, body: str, request_id: int | None, *, urgent: bool = False
    ) -> None:
        # Qt can say which message was clicked only for the last one shown.
        self._message_request = request_id or 0
        icon = (
            QSystemTrayIcon.MessageIcon.Warning
            if urgent
            else QSystemTrayIcon.MessageIcon.Information
        )
        self._icon.showMessage(title, body, icon, 15_000)

    # -- menu ------------------------------------------------------------------------------
    def rebuild_menu(self) -> None:
        menu = self._menu
        # clear() keeps the submenus ("Snooze all", "Pause reminders"): they own their
        # menu actions, so each rebuild would leave two behind.
        for submenu in menu.findChildren(QMenu):
            submenu.deleteLater()
        menu.clear()
        self._add(menu, "Open AskWhy", self.open_requested.emit)
        self._add(menu, "Log rejection…", self.log_rejection_requested.emit)
        menu.addSeparator()
        try:
            items = self._items()
        except Exception:
            log.exception("cannot read due items for the tray menu")
            items = []
        now = self._now()
        if items:
            heading = menu.addAction("Due next")
            heading.setEnabled(False)
            for item in items[:MAX_MENU_ITEMS]:
                name = f"{isolate(item.company)} — {isolate(item.role)}"
                text = escape_mnemonics(f"{name}: {self._left(item, now)}")
                self._add(menu, text, partial(self.request_chosen.emit, item.request.id))
        else:
            nothing = menu.addAction("Nothing due")
            nothing.setEnabled(False)
        menu.addSeparator()
        snooze = menu.addMenu("Snooze all")
        snooze.setEnabled(bool(items))
        for choice in SnoozeChoice:
            self._add(snooze, choice.label, partial(self.snooze_all_requested.emit, choice.value))
        paused = self._paused_text()
        if paused is None:
            pause = menu.addMenu("Pause reminders")
            for pause_choice in PauseChoice:
                self._add(
                    pause,
                    pause_choice.label,
                    partial(self.pause_requested.emit, pause_choice.value),
                )
        else:
            heading = menu.addAction(paused)
            heading.setEnabled(False)
            self._add(menu, "Resume reminders", self.resume_requested.emit)
        menu.addSeparator()
        self._add(menu, f"Quit {APP_NAME}", self.quit_requested.emit)
        texts = [action.text() for action in menu.actions() if not action.isSeparator()]
        log.debug("tray menu rebuilt: %s", " | ".join(texts))
        self.menu_rebuilt.emit(texts)

    def _on_about_to_show(self) -> None:
        self.rebuild_menu()
        texts = [action.text() for action in self._menu.actions() if not action.isSeparator()]
        # Logged at info: support (and the end-to-end test) can see what the user saw.
        log.info("tray menu opened: %s", " | ".join(texts))

    @staticmethod
    def _left(item: DueItem, now: datetime) -> str:
        closes = item.request.window_closes_at
        if closes <= now:
            return "window closed"
        return format_countdown(closes - now)

    @staticmethod
    def _add(menu: QMenu, text: str, slot: Callable[[], object]) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        return action

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_requested.emit()

    def _on_message_clicked(self) -> None:
        self.message_clicked.emit(self._message_request)

    def close(self) -> None:
        self._icon.hide()
        self._menu.deleteLater()


class CloseToTrayFilter(QObject):
    """Turns the main window's close into "hide to the tray" while `hide()` says so.

    `hide` returns True when it hid the window (the close is swallowed), False to let the
    window close (no tray, or the app is quitting).
    """

    def __init__(self, window: QObject, hide: Callable[[], bool]) -> None:
        super().__init__(window)
        self._hide = hide

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        del watched  # installed on the window only
        if event.type() != QEvent.Type.Close:
            return False
        if self._hide():
            event.ignore()
            return True
        return False
