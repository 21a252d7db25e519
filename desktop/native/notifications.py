"""Native notifications behind one small interface, with a fallback chain.

Backends, in the order `choose_notifier` tries them:

1. `FreedesktopNotifier` (Linux and BSDs): calls `org.freedesktop.Notifications.Notify` on the
   session bus with jeepney, gets the id back and listens for `ActionInvoked`, so a click on
   the notification opens the request. Where the server shows buttons, a reminder has "Open
   draft" and "Snooze 1 h" (and "Skip" on a last call), and replaces the request's earlier
   reminder instead of stacking. plyer cannot do this on Linux without dbus-python: it
   falls back to `notify-send`, which ignores the timeout and swallows every error.
2. `PlyerNotifier` (Windows, macOS, or Linux without a usable bus connection): plyer's
   platform backend, called off the GUI thread because some of them block.
3. `TrayNotifier`: the tray icon's balloon (`QSystemTrayIcon.showMessage`).
4. `NullNotifier`: logs, so a reminder is never silently dropped from the record.

A backend that cannot work raises `NotifierUnavailableError` from its constructor and the next
one is tried. Every backend emits `activated(request_id)` when the user clicks a
notification that belongs to a request (or its "Open draft"), and `activated_without_request`
for the others; a backend with buttons also emits `snooze_requested` and `skip_requested`.
A rejection found in the user's mail (`notify_finding`) has the buttons "Log and ask" and
"Not a rejection" where the server shows buttons (`finding_log_requested`,
`finding_dismissed`; a click on it, `finding_clicked`), and is a plain notification elsewhere.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from queue import Queue
from typing import TYPE_CHECKING, Any

# jeepney ships no type information (no py.typed), hence the ignores.
from jeepney import (  # type: ignore[import-untyped]
    DBusAddress,
    HeaderFields,
    MatchRule,
    MessageType,
    new_method_call,
)
from jeepney.bus_messages import message_bus  # type: ignore[import-untyped]
from jeepney.io.threading import (  # type: ignore[import-untyped]
    DBusRouter,
    Proxy,
    open_dbus_connection,
)
from PySide6.QtCore import QObject, QThreadPool, Signal

from desktop import APP_ID, APP_NAME
from desktop.resources import resource_path

if TYPE_CHECKING:
    from desktop.native.tray import Tray

log = logging.getLogger(__name__)

NOTIFICATIONS_BUS_NAME = "org.freedesktop.Notifications"
NOTIFICATIONS_PATH = "/org/freedesktop/Notifications"
# Seconds to wait for the notification server; a hung server must not hang a worker forever.
DBUS_CALL_TIMEOUT = 5.0
# ASKWHY_NOTIFIER=tray (for example) starts the chain at that backend: a support switch for
# desktops whose notification server misbehaves, and a way for tests to pick one.
BACKEND_ENV = "ASKWHY_NOTIFIER"
# The buttons of a reminder, as (action key, label); "default" is a click on the body.
CLICK = "default"
OPEN_DRAFT = "open"
SNOOZE_HOUR = "snooze-1h"
SKIP = "skip"
# The buttons of a rejection found in the user's mail.
LOG_AND_ASK = "mail-log"
NOT_A_REJECTION = "mail-dismiss"
BUTTON_LABELS = {
    OPEN_DRAFT: "Open draft",
    SNOOZE_HOUR: "Snooze 1 h",
    SKIP: "Skip",
    LOG_AND_ASK: "Log and ask",
    NOT_A_REJECTION: "Not a rejection",
}
# The spec's categories have none for reminders: a vendor one, as the spec allows.
CATEGORY = "x-askwhy.reminder"
MAIL_CATEGORY = "email.arrived"


class NotifierUnavailableError(Exception):
    """This backend cannot work here; the reason is the message."""


def escape_markup(text: str) -> str:
    """Escapes text for a notification body.

    The freedesktop spec lets servers read a small HTML subset in the body, so a company
    called "<b>Acme</b> & Co" must arrive as text, not as markup.
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def app_icon_path() -> str:
    for name in ("askwhy.svg", "askwhy-tray-due.png"):
        path = resource_path("icons", name)
        if path.is_file():
            return str(path)
    return ""


class Notifier(QObject):
    """The interface every backend offers. Subclasses override `notify` and `describe`."""

    name = "none"
    # The id of the request whose notification the user clicked (or chose "Open draft" on).
    activated = Signal(int)
    # The request whose reminder's "Snooze 1 h" or "Skip" button the user chose.
    snooze_requested = Signal(int)
    skip_requested = Signal(int)
    # A click on a notification that names no single request (e.g. "while you were away").
    activated_without_request = Signal()
    # A rejection found in the mail (its finding id): "Log and ask", "Not a rejection", or a
    # click on the notification itself (which shows the "From your mail" list).
    finding_log_requested = Signal(int)
    finding_dismissed = Signal(int)
    finding_clicked = Signal(int)
    # A notification was handed over; for a freedesktop server the int is its id (else 0).
    delivered = Signal(int)
    failed = Signal(str)
    # A message this backend could not show (title, body, request id or None, urgent),
    # emitted from its worker thread. The app hands it to the tray, so that a reminder
    # already claimed in the database is still seen once.
    undelivered = Signal(str, str, object, bool)

    def notify(
        self,
        title: str,
        body: str,
        on_click_request_id: int | None = None,
        *,
        urgent: bool = False,
    ) -> None:
        raise NotImplementedError

    def notify_finding(self, title: str, body: str, finding_id: int) -> None:
        """A rejection found in the mail. Without buttons it is a plain notification, and a
        click shows the window, where the "From your mail" list offers the same choices."""
        del finding_id
        self.notify(title, body, None)

    def describe(self) -> str:
        return self.name

    @property
    def supports_actions(self) -> bool:
        """Whether a reminder shows its buttons ("Open draft", "Snooze 1 h", "Skip")."""
        return False

    def close(self) -> None:
        """Releases connections and threads; safe to call twice."""

    def _clicked(self, request_id: int | None) -> None:
        if request_id is None:
            self.activated_without_request.emit()
        else:
            self.activated.emit(request_id)


class NullNotifier(Notifier):
    name = "none"

    def notify(
        self,
        title: str,
        body: str,
        on_click_request_id: int | None = None,
        *,
        urgent: bool = False,
    ) -> None:
        del on_click_request_id, urgent  # nothing to click, nothing to stress
        log.warning("no notification backend; reminder not shown: %s — %s", title, body)
        self.delivered.emit(0)

    def describe(self) -> str:
        return "No notifications available: reminders show only in the window and the log"


def session_bus_address(environ: dict[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    address = env.get("DBUS_SESSION_BUS_ADDRESS", "")
    if address:
        return address
    # systemd's user bus, used when the variable was lost (e.g. started from a plain tty).
    runtime = env.get("XDG_RUNTIME_DIR", "")
    if runtime and Path(runtime, "bus").exists():
        return f"unix:path={Path(runtime, 'bus')}"
    raise NotifierUnavailableError("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)")


class FreedesktopNotifier(Notifier):
    """`org.freedesktop.Notifications` over jeepney, with click-to-open."""

    name = "freedesktop"
    _action_invoked = Signal(int, str)
    _notification_closed = Signal(int)

    def __init__(self, *, bus_address: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._new_method_call = new_method_call
        self._error_type = MessageType.error
        self._address = DBusAddress(
            NOTIFICATIONS_PATH, bus_name=NOTIFICATIONS_BUS_NAME, interface=NOTIFICATIONS_BUS_NAME
        )
        address = bus_address or session_bus_address()
        try:
            self._connection = open_dbus_connection(bus=address)
        except Exception as error:
            raise NotifierUnavailableError(f"cannot connect to the session bus: {error}") from error
        self._router = DBusRouter(self._connection)
        self._closed = False
        try:
            # GetServerInformation both proves a server answers and starts an activatable one.
            reply = self._call("GetServerInformation", "", (), timeout=2.0)
            server_name, vendor, version, spec = (str(part) for part in reply)
            capabilities = self._call("GetCapabilities", "", (), timeout=2.0)[0]
        except Exception as error:
            self._shutdown_connection()
            raise NotifierUnavailableError(f"no notification server answers: {error}") from error
        self._server = f"{server_name} {version}".strip()
        self._vendor = vendor
        self._spec = spec
        self._supports_actions = "actions" in capabilities
        # Without "body-markup" a server shows the body as it is: escaping would then show
        # "&amp;" to the user (the spec says to strip markup client-side, and we send none).
        self._escape_body = "body-markup" in capabilities
        self._pending_lock = threading.Lock()
        # Notification id -> request id (None for a notification not tied to a request).
        self._targets: dict[int, int | None] = {}
        # Request id -> its notification on screen, replaced by the request's next reminder.
        self._shown: dict[int, int] = {}
        # Notification id -> the mail finding it asks about.
        self._findings: dict[int, int] = {}
        self._pool = QThreadPool(self)
        # One worker keeps notifications in the order they were asked for.
        self._pool.setMaxThreadCount(1)

        bus = Proxy(message_bus, self._router, timeout=2.0)
        self._signal_queue: Queue[Any] = Queue(maxsize=256)
        self._filters = []
        try:
            for member in ("ActionInvoked", "NotificationClosed"):
                rule = MatchRule(
                    type="signal",
                    interface=NOTIFICATIONS_BUS_NAME,
                    member=member,
                    path=NOTIFICATIONS_PATH,
                )
                bus.AddMatch(rule)
                self._filters.append(self._router.filter(rule, queue=self._signal_queue))
        except Exception as error:
            self._shutdown_connection()
            raise NotifierUnavailableError(f"cannot listen for clicks: {error}") from error
        self._action_invoked.connect(self._on_action_invoked)
        self._notification_closed.connect(self._on_notification_closed)
        # A plain thread blocks on the queue; it costs nothing while no signal arrives.
        self._listener = threading.Thread(
            target=self._listen, name="askwhy-notification-signals", daemon=True
        )
        self._listener.start()
        log.info(
            "freedesktop notifications: server %s (%s), spec %s, actions %s",
            self._server,
            vendor,
            spec,
            self._supports_actions,
        )

    def _call(self, method: str, signature: str, body: tuple[Any, ...], *, timeout: float) -> Any:
        message = self._new_method_call(self._address, method, signature, body)
        reply = self._router.send_and_get_reply(message, timeout=timeout)
        if reply.header.message_type is self._error_type:
            raise NotifierUnavailableError(f"{method} failed: {reply.body}")
        return reply.body

    def describe(self) -> str:
        return f"Desktop notifications over D-Bus ({self._server})"

    @property
    def server(self) -> str:
        return self._server

    @property
    def supports_actions(self) -> bool:
        return self._supports_actions

    def notify(
        self,
        title: str,
        body: str,
        on_click_request_id: int | None = None,
        *,
        urgent: bool = False,
    ) -> None:
        if self._closed:
            log.warning("notifier closed; not shown: %s", title)
            return
        actions = self._actions(on_click_request_id, urgent) if self._supports_actions else []
        hints = {
            "desktop-entry": ("s", APP_ID),
            # 2 = critical: most servers keep a critical notification until it is dismissed.
            "urgency": ("y", 2 if urgent else 1),
            "category": ("s", CATEGORY),
        }
        with self._pending_lock:
            replaces = self._shown.get(on_click_request_id, 0) if on_click_request_id else 0
        args = (
            APP_NAME,
            replaces,
            app_icon_path(),
            title,
            escape_markup(body) if self._escape_body else body,
            actions,
            hints,
            -1,
        )
        self._pool.start(lambda: self._send(args, on_click_request_id, body, urgent))

    def notify_finding(self, title: str, body: str, finding_id: int) -> None:
        if self._closed or not self._supports_actions:
            super().notify_finding(title, body, finding_id)
            return
        actions = [CLICK, "Show"]
        for key in (LOG_AND_ASK, NOT_A_REJECTION):
            actions += [key, BUTTON_LABELS[key]]
        hints = {
            "desktop-entry": ("s", APP_ID),
            "urgency": ("y", 1),
            "category": ("s", MAIL_CATEGORY),
        }
        text = escape_markup(body) if self._escape_body else body
        args = (APP_NAME, 0, app_icon_path(), title, text, actions, hints, -1)
        self._pool.start(lambda: self._send(args, None, body, False, finding_id=finding_id))

    @staticmethod
    def _actions(request_id: int | None, urgent: bool) -> list[str]:
        """The body's click, and for a request's reminder its buttons; an urgent reminder is
        a last call, which can also be skipped from here."""
        actions = [CLICK, "Open"]
        if request_id is not None:
            buttons = [OPEN_DRAFT, SNOOZE_HOUR, *([SKIP] if urgent else [])]
            for key in buttons:
                actions += [key, BUTTON_LABELS[key]]
        return actions

    def _send(
        self,
        args: tuple[Any, ...],
        request_id: int | None,
        body: str,
        urgent: bool,
        *,
        finding_id: int | None = None,
    ) -> None:
        # Runs on the pool's worker thread: no widgets, only the bus and signals.
        try:
            reply = self._call("Notify", "susssasa{sv}i", args, timeout=DBUS_CALL_TIMEOUT)
        except Exception as error:
            log.warning("Notify failed: %s", error)
            self.failed.emit(str(error))
            self.undelivered.emit(args[3], body, request_id, urgent)
            return
        notification_id = int(reply[0])
        with self._pending_lock:
            self._targets[notification_id] = request_id
            if request_id is not None:
                self._shown[request_id] = notification_id
            if finding_id is not None:
                self._findings[notification_id] = finding_id
        log.info("Notify answered with id %d: %s", notification_id, args[3])
        self.delivered.emit(notification_id)

    def _listen(self) -> None:
        while True:
            message = self._signal_queue.get()
            if message is None:
                return
            member = message.header.fields.get(HeaderFields.member)
            try:
                if member == "ActionInvoked":
                    notification_id, action = message.body
                    self._action_invoked.emit(int(notification_id), str(action))
                elif member == "NotificationClosed":
                    self._notification_closed.emit(int(message.body[0]))
            except RuntimeError:
                # The QObject went away while a signal was in flight at shutdown.
                return

    def _on_action_invoked(self, notification_id: int, action: str) -> None:
        with self._pending_lock:
            if notification_id not in self._targets:
                return  # another application's notification
            request_id = self._targets[notification_id]
            finding_id = self._findings.get(notification_id)
        log.info("notification %d clicked (%s)", notification_id, action)
        if finding_id is not None:
            signal = {
                LOG_AND_ASK: self.finding_log_requested,
                NOT_A_REJECTION: self.finding_dismissed,
            }.get(action, self.finding_clicked)
            signal.emit(finding_id)
        elif request_id is not None and action == SNOOZE_HOUR:
            self.snooze_requested.emit(request_id)
        elif request_id is not None and action == SKIP:
            self.skip_requested.emit(request_id)
        else:
            self._clicked(request_id)

    def _on_notification_closed(self, notification_id: int) -> None:
        with self._pending_lock:
            request_id = self._targets.pop(notification_id, None)
            self._findings.pop(notification_id, None)
            if request_id is not None and self._shown.get(request_id) == notification_id:
                del self._shown[request_id]

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._pool.waitForDone(int(DBUS_CALL_TIMEOUT * 1000) + 500)
        self._signal_queue.put(None)
        self._listener.join(timeout=2)
        for handle in self._filters:
            handle.close()
        self._shutdown_connection()

    def _shutdown_connection(self) -> None:
        self._router.close()
        self._connection.close()

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """For tests and shutdown: waits until every queued Notify call has returned."""
        return bool(self._pool.waitForDone(timeout_ms))


class PlyerNotifier(Notifier):
    """plyer's platform backend, called on a worker thread."""

    name = "plyer"

    def __init__(
        self,
        *,
        platform: str = sys.platform,
        which: Callable[[str], str | None] = shutil.which,
        notification: Any | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`notification` stands in for plyer's facade in tests."""
        super().__init__(parent)
        if notification is None:
            try:
                # Imported on demand: plyer loads platform modules; Linux rarely needs it.
                from plyer import notification as plyer_notification  # noqa: PLC0415
            except Exception as error:
                raise NotifierUnavailableError(f"plyer cannot be imported: {error}") from error
            notification = plyer_notification
        if platform.startswith("linux") or "bsd" in platform:
            # plyer's Linux backend uses dbus-python if it imports, else `notify-send`, which
            # fails silently without a session bus: check what it will need.
            session_bus_address()
            try:
                import dbus  # type: ignore[import-not-found]  # noqa: F401, PLC0415
            except ImportError:
                if which("notify-send") is None:
                    raise NotifierUnavailableError(
                        "plyer needs dbus-python or notify-send, and neither is here"
                    ) from None
            if Path("/app").exists() and not os.environ.get("FLATPAK_ID"):
                # plyer takes /app as a sign of running in Flatpak and changes its icon path.
                log.info("/app exists outside Flatpak; plyer may pick Flatpak paths")
        self._notification = notification
        self._platform = platform
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    def describe(self) -> str:
        return f"plyer notifications ({self._platform})"

    def notify(
        self,
        title: str,
        body: str,
        on_click_request_id: int | None = None,
        *,
        urgent: bool = False,
    ) -> None:
        # plyer offers neither click callbacks nor urgency; both still matter to a fallback.
        text = body
        if self._platform.startswith("linux") or "bsd" in self._platform:
            text = escape_markup(body)
        self._pool.start(lambda: self._send(title, text, body, on_click_request_id, urgent))

    def _send(self, title: str, text: str, body: str, request_id: int | None, urgent: bool) -> None:
        try:
            self._notification.notify(
                title=title,
                message=text,
                app_name=APP_NAME,
                app_icon=app_icon_path(),
                timeout=10,
            )
        except Exception as error:
            log.warning("plyer notification failed: %s", error)
            self.failed.emit(str(error))
            self.undelivered.emit(title, body, request_id, urgent)
            return
        self.delivered.emit(0)

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        return bool(self._pool.waitForDone(timeout_ms))

    def close(self) -> None:
        self._pool.waitForDone(2000)


class TrayNotifier(Notifier):
    """The tray icon's balloon message. A click opens the request it was about."""

    name = "tray"

    def __init__(self, tray: Tray, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if not tray.can_show_messages():
            raise NotifierUnavailableError("no system tray that can show messages")
        self._tray = tray
        tray.message_clicked.connect(self._on_message_clicked)

    def describe(self) -> str:
        return "System tray messages"

    def notify(
        self,
        title: str,
        body: str,
        on_click_request_id: int | None = None,
        *,
        urgent: bool = False,
    ) -> None:
        self._tray.show_message(title, body, on_click_request_id, urgent=urgent)
        self.delivered.emit(0)

    def _on_message_clicked(self, request_id: int) -> None:
        self._clicked(request_id if request_id > 0 else None)

    def show_undelivered(self, title: str, body: str, request_id: object, urgent: bool) -> None:
        """The slot for another backend's `undelivered`: runs on this object's (GUI) thread."""
        self.notify(title, body, request_id if isinstance(request_id, int) else None, urgent=urgent)


BackendFactory = Callable[[], Notifier]


def backend_order(platform: str = sys.platform) -> tuple[str, ...]:
    if platform.startswith("linux") or "bsd" in platform:
        return ("freedesktop", "plyer", "tray", "none")
    return ("plyer", "tray", "none")


def choose_notifier(
    *,
    tray: Tray | None = None,
    platform: str = sys.platform,
    bus_address: str | None = None,
    prefer: str | None = None,
    factories: dict[str, BackendFactory] | None = None,
) -> Notifier:
    """Builds the first backend that works here, logging why the others did not."""

    def tray_factory() -> Notifier:
        if tray is None:
            raise NotifierUnavailableError("no tray icon")
        return TrayNotifier(tray)

    builders: dict[str, BackendFactory] = {
        "freedesktop": lambda: FreedesktopNotifier(bus_address=bus_address),
        "plyer": lambda: PlyerNotifier(platform=platform),
        "tray": tray_factory,
        "none": NullNotifier,
    }
    if factories:
        builders.update(factories)
    order: Sequence[str] = backend_order(platform)
    prefer = prefer if prefer is not None else os.environ.get(BACKEND_ENV, "")
    if prefer in order:
        order = order[order.index(prefer) :]
    elif prefer:
        log.warning("%s=%s is not one of %s; ignored", BACKEND_ENV, prefer, ", ".join(order))
    for name in order:
        try:
            notifier = builders[name]()
        except NotifierUnavailableError as reason:
            log.info("notification backend %s unavailable: %s", name, reason)
            continue
        log.info("notifications go through: %s", notifier.describe())
        return notifier
    return NullNotifier()


def describe_backend(notifier: Notifier) -> str:
    """One line for `askwhy doctor` and the settings dialog."""
    return notifier.describe()


def send_test_notification(notifier: Notifier) -> None:
    notifier.notify(
        f"{APP_NAME} notifications work",
        "This is how a reminder will look while a follow-up window is closing.",
        None,
    )
