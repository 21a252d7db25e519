"""Hears the machine wake from sleep, so reminders due meanwhile go out at once.

ReminderService does not need this: its capped timer notices a resume within a minute. On
Linux, logind announces sleep and wake on the system bus (`PrepareForSleep(false)` on
resume); listening to it turns "within a minute" into "right away". Where there is no
logind (other OSes, containers), `ResumeWatcher.start` returns None and nothing changes.
"""

from __future__ import annotations

import logging
import threading
from queue import Queue
from typing import Any

from jeepney import MatchRule  # type: ignore[import-untyped]
from jeepney.bus_messages import message_bus  # type: ignore[import-untyped]
from jeepney.io.threading import (  # type: ignore[import-untyped]
    DBusRouter,
    Proxy,
    open_dbus_connection,
)
from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

LOGIN1_NAME = "org.freedesktop.login1"
LOGIN1_PATH = "/org/freedesktop/login1"
LOGIN1_MANAGER = "org.freedesktop.login1.Manager"


class ResumeWatcher(QObject):
    """Emits `resumed` (on the GUI thread) when logind says the machine woke up."""

    resumed = Signal()

    def __init__(self, bus_address: str = "SYSTEM", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._connection = open_dbus_connection(bus=bus_address)
        self._router = DBusRouter(self._connection)
        self._queue: Queue[Any] = Queue(maxsize=16)
        try:
            fields = {
                "type": "signal",
                "interface": LOGIN1_MANAGER,
                "member": "PrepareForSleep",
                "path": LOGIN1_PATH,
            }
            # The bus checks the sender (it resolves logind's well-known name); jeepney's own
            # filter sees only the unique name in each message, so it matches without it.
            daemon_rule = MatchRule(sender=LOGIN1_NAME, **fields)
            Proxy(message_bus, self._router, timeout=2.0).AddMatch(daemon_rule)
            self._filter = self._router.filter(MatchRule(**fields), queue=self._queue)
        except Exception:
            self._router.close()
            self._connection.close()
            raise
        # Blocks on the queue: no CPU while the machine stays awake.
        self._thread = threading.Thread(target=self._listen, name="askwhy-resume", daemon=True)
        self._thread.start()

    @classmethod
    def start(cls, bus_address: str = "SYSTEM") -> ResumeWatcher | None:
        try:
            watcher = cls(bus_address)
        except Exception as error:
            log.info("no resume notifications (%s); the 60 s timer cap covers resume", error)
            return None
        log.info("listening for resume from sleep on the system bus")
        return watcher

    def _listen(self) -> None:
        while (message := self._queue.get()) is not None:
            going_to_sleep = bool(message.body[0]) if message.body else True
            if not going_to_sleep:
                log.info("the machine woke from sleep")
                try:
                    self.resumed.emit()
                except RuntimeError:
                    return  # shutting down

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join(timeout=2)
        self._filter.close()
        self._router.close()
        self._connection.close()
