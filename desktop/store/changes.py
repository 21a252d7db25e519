"""What a committed transaction changed, announced to whoever listens.

The store publishes one `Change` after each write transaction commits (none when it rolls
back), so the window, the reminder service and the tray update what changed instead of
reloading everything.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Change:
    """What one committed transaction changed. Empty sets mean "nothing of that kind"."""

    # Added or edited: any field, stage, timeline, contacts, interviews, or one of its
    # requests/reminders.
    applications: frozenset[int] = frozenset()
    removed_applications: frozenset[int] = frozenset()
    # Follow-up requests added, edited or removed (status, text, reminders, snooze).
    requests: frozenset[int] = frozenset()
    # The reminder schedule changed: the next due time may have moved.
    reminders: bool = False
    settings: bool = False
    templates: bool = False
    lessons: bool = False
    # An import or a restore: reload everything.
    everything: bool = False

    def touches_requests(self) -> bool:
        """Whether a list of requests (or of their reminders) may now show something else:
        a request changed, or an application did (its company and role show with its
        requests), or everything. A reminder rescheduled alone changes no such row."""
        return bool(
            self.everything or self.requests or self.applications or self.removed_applications
        )


@dataclass(slots=True)
class ChangeBuilder:
    """Collects what a write touches while its transaction runs; `build()` after commit."""

    applications: set[int] = field(default_factory=set)
    removed_applications: set[int] = field(default_factory=set)
    requests: set[int] = field(default_factory=set)
    reminders: bool = False
    settings: bool = False
    templates: bool = False
    lessons: bool = False
    everything: bool = False

    def application(self, *ids: int) -> None:
        self.applications.update(ids)

    def request(self, application_id: int, *request_ids: int, reminders: bool = True) -> None:
        """A request's status, text or reminders changed: its application's row shows it."""
        self.applications.add(application_id)
        self.requests.update(request_ids)
        self.reminders = self.reminders or reminders

    def requests_of(self, pairs: Iterable[tuple[int, int]], *, reminders: bool = True) -> None:
        """(application id, request id) pairs, as `request` one by one."""
        for application_id, request_id in pairs:
            self.request(application_id, request_id, reminders=reminders)

    def build(self) -> Change:
        return Change(
            applications=frozenset(self.applications - self.removed_applications),
            removed_applications=frozenset(self.removed_applications),
            requests=frozenset(self.requests),
            reminders=self.reminders,
            settings=self.settings,
            templates=self.templates,
            lessons=self.lessons,
            everything=self.everything,
        )


class ChangeFeed:
    """Callbacks run on the thread that committed, which may be a worker thread: a GUI
    subscriber marshals to the GUI thread itself (a QObject with a queued signal)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[Change], None]] = []

    def subscribe(self, callback: Callable[[Change], None]) -> Callable[[], None]:
        """Calls `callback` with every Change from now on; returns the unsubscribe."""
        with self._lock:
            self._callbacks.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._callbacks:
                    self._callbacks.remove(callback)

        return unsubscribe

    def publish(self, change: Change) -> None:
        with self._lock:
            callbacks = list(self._callbacks)
        for callback in callbacks:
            try:
                callback(change)
            except Exception:
                # One broken listener must not undo a committed write for its caller, nor
                # keep the others from hearing about it.
                logger.exception("A change listener failed")


__all__ = ["Change", "ChangeBuilder", "ChangeFeed"]
