"""Recording fakes for the OS services, injected by tests instead of monkeypatching.

Other test packages import these; keep the names stable.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

from desktop.core.mail_sources import SourceSpec
from desktop.core.model import (
    DueItem,
    FiringReminder,
    FollowUpRequest,
    Reminder,
    ReminderKind,
    RequestKind,
    RequestStatus,
    Settings,
)
from desktop.native.mail_watch import PasswordKeyring
from desktop.native.notifications import Notifier
from desktop.store.changes import ChangeFeed

DEFAULT_START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday morning


class ManualClock:
    """A clock that moves only when the test says so.

    `advance` is time passing normally; `jump` is the wall clock being set (or the machine
    waking from sleep): both move `now()`, and a service notices a jump because it wakes at
    a wall time other than the one it expected.
    """

    def __init__(self, start: datetime = DEFAULT_START, tz: tzinfo = UTC) -> None:
        if start.tzinfo is None:
            raise ValueError("ManualClock needs an aware datetime")
        self._now = start.astimezone(UTC)
        self._tz = tz

    def now(self) -> datetime:
        return self._now

    def local_tz(self) -> tzinfo:
        return self._tz

    def advance(self, delta: timedelta | None = None, **kwargs: float) -> datetime:
        self._now += delta if delta is not None else timedelta(**kwargs)
        return self._now

    def jump(self, delta: timedelta | None = None, **kwargs: float) -> datetime:
        return self.advance(delta, **kwargs)

    def set(self, moment: datetime) -> datetime:
        self._now = moment.astimezone(UTC)
        return self._now

    def set_tz(self, tz: tzinfo) -> None:
        self._tz = tz


@dataclass(frozen=True)
class SentNotification:
    title: str
    body: str
    request_id: int | None
    urgent: bool = False


class RecordingNotifier(Notifier):
    name = "recording"

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[SentNotification] = []
        self.closed = False

    def notify(
        self,
        title: str,
        body: str,
        on_click_request_id: int | None = None,
        *,
        urgent: bool = False,
    ) -> None:
        self.sent.append(SentNotification(title, body, on_click_request_id, urgent))
        self.delivered.emit(len(self.sent))

    def describe(self) -> str:
        return "Recording notifier (tests)"

    def click(self, index: int = -1) -> None:
        """Acts as the user clicking the notification."""
        self._clicked(self.sent[index].request_id)

    def close(self) -> None:
        self.closed = True

    @property
    def titles(self) -> list[str]:
        return [item.title for item in self.sent]


class RecordingClipboard:
    def __init__(self) -> None:
        self.texts: list[str] = []

    def set_text(self, text: str) -> None:
        self.texts.append(text)

    def text(self) -> str:
        return self.texts[-1] if self.texts else ""


class FakeAutostart:
    """Records what the settings dialog asked for; `Autostart`'s interface."""

    def __init__(self, enabled: bool = False, *, supported: bool = True) -> None:
        self._enabled = enabled
        self.supported = supported
        self.calls: list[bool] = []

    def is_enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        self.calls.append(enabled)
        self._enabled = enabled

    def describe(self) -> str:
        return "fake autostart"

    @property
    def location(self) -> Path:
        return Path("/nonexistent/fake-autostart")


class RecordingRegistry:
    """Stands in for the Windows registry: (key, name) -> value."""

    def __init__(self) -> None:
        self.values: dict[tuple[str, str], str] = {}

    def set_value(self, key: str, name: str, value: str) -> None:
        self.values[(key, name)] = value

    def get_value(self, key: str, name: str) -> str | None:
        return self.values.get((key, name))

    def delete_value(self, key: str, name: str) -> None:
        self.values.pop((key, name), None)


@dataclass
class _FakeRequest:
    request: FollowUpRequest
    company: str
    role: str
    reminders: list[Reminder] = field(default_factory=list)


class FakeReminderStore:
    """The part of `Store` that ReminderService and the tray use, in memory.

    It keeps the contract the real store promises: a claim succeeds once, expiring or
    sending cancels the remaining reminders, snoozes move the unfired ones.
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.changes = ChangeFeed()  # its writes announce nothing: the tests wake it
        self._requests: dict[int, _FakeRequest] = {}
        self._request_ids = itertools.count(1)
        self._ids = itertools.count(1)
        self.claims: list[int] = []
        self.failed_claims: list[int] = []

    # -- building the scene ---------------------------------------------------------
    def add_request(
        self,
        company: str,
        role: str,
        *,
        opens_at: datetime,
        closes_at: datetime,
        reminders: Iterable[tuple[ReminderKind, datetime]] = (),
        kind: RequestKind = RequestKind.FEEDBACK,
    ) -> FollowUpRequest:
        request_id = next(self._request_ids)
        request = FollowUpRequest(
            id=request_id,
            application_id=request_id,
            kind=kind,
            status=RequestStatus.DRAFT,
            subject="",
            body="",
            window_opens_at=opens_at,
            window_closes_at=closes_at,
            created_at=opens_at,
        )
        entry = _FakeRequest(request, company, role)
        for reminder_kind, due_at in reminders:
            entry.reminders.append(Reminder(next(self._ids), request_id, reminder_kind, due_at))
        self._requests[request_id] = entry
        return request

    def add_feedback_request(
        self, company: str, role: str, *, notified_at: datetime, hours: int = 48
    ) -> FollowUpRequest:
        closes = notified_at + timedelta(hours=hours)
        return self.add_request(
            company,
            role,
            opens_at=notified_at,
            closes_at=closes,
            reminders=[
                (ReminderKind.NUDGE, notified_at + timedelta(hours=2)),
                (ReminderKind.CLOSING, closes - timedelta(hours=8)),
                (ReminderKind.LAST_CALL, closes - timedelta(hours=1)),
                (ReminderKind.CLOSED, closes),
            ],
        )

    def set_status(self, request_id: int, status: RequestStatus) -> None:
        entry = self._requests[request_id]
        entry.request = dataclasses.replace(entry.request, status=status)
        if not status.is_open:
            entry.reminders = [r for r in entry.reminders if r.fired_at is not None or r.missed]

    def all_reminders(self) -> list[Reminder]:
        return [r for entry in self._requests.values() for r in entry.reminders]

    # -- the Store interface ------------------------------------------------------------
    def load_settings(self) -> Settings:
        return self.settings

    def save_settings(self, settings: Settings) -> None:
        self.settings = settings

    def get_request(self, request_id: int) -> FollowUpRequest:
        return self._requests[request_id].request

    def _pending(self) -> Iterable[tuple[_FakeRequest, Reminder]]:
        for entry in self._requests.values():
            if not entry.request.status.is_open:
                continue
            for reminder in entry.reminders:
                if reminder.fired_at is None and not reminder.missed:
                    yield entry, reminder

    def next_reminder_due(self) -> datetime | None:
        times = [reminder.effective_due_at for _, reminder in self._pending()]
        return min(times, default=None)

    def reminders_due(self, *, now: datetime) -> list[FiringReminder]:
        return [
            FiringReminder(reminder, entry.request, entry.company, entry.role)
            for entry, reminder in self._pending()
            if reminder.effective_due_at <= now
        ]

    def _replace(self, reminder_id: int, **changes: object) -> Reminder | None:
        for entry in self._requests.values():
            for index, reminder in enumerate(entry.reminders):
                if reminder.id == reminder_id:
                    entry.reminders[index] = dataclasses.replace(reminder, **changes)  # type: ignore[arg-type]
                    return reminder
        return None

    def claim_reminder(self, reminder_id: int, *, fired_at: datetime) -> bool:
        for entry in self._requests.values():
            for reminder in entry.reminders:
                if reminder.id == reminder_id and reminder.fired_at is None:
                    self._replace(reminder_id, fired_at=fired_at)
                    self.claims.append(reminder_id)
                    return True
        self.failed_claims.append(reminder_id)
        return False

    def mark_missed(self, reminder_ids: list[int], *, now: datetime) -> None:
        for reminder_id in reminder_ids:
            self._replace(reminder_id, missed=True)

    def missed_reminders(self) -> list[FiringReminder]:
        return [
            FiringReminder(reminder, entry.request, entry.company, entry.role)
            for entry in self._requests.values()
            for reminder in entry.reminders
            if reminder.missed
        ]

    def expire_overdue(self, *, now: datetime) -> list[FollowUpRequest]:
        expired = []
        for entry in self._requests.values():
            if entry.request.status.is_open and entry.request.window_closes_at <= now:
                self.set_status(entry.request.id, RequestStatus.EXPIRED)
                expired.append(entry.request)
        return expired

    def snooze_request(self, request_id: int, until: datetime) -> list[Reminder]:
        entry = self._requests[request_id]
        changed = []
        for index, reminder in enumerate(entry.reminders):
            pending = reminder.fired_at is None and not reminder.missed
            if pending and reminder.effective_due_at < until:
                entry.reminders[index] = dataclasses.replace(reminder, snoozed_until=until)
                changed.append(entry.reminders[index])
        return changed

    def snooze_all(self, until: datetime, *, now: datetime) -> int:
        count = 0
        for entry in self._requests.values():
            due_soon = any(r.effective_due_at <= until for e, r in self._pending() if e is entry)
            if entry.request.status.is_open and due_soon:
                self.snooze_request(entry.request.id, until)
                count += 1
        return count

    def due_items(self, *, now: datetime) -> list[DueItem]:
        items = []
        for entry in self._requests.values():
            if not entry.request.status.is_open:
                continue
            pending = [r for e, r in self._pending() if e is entry]
            upcoming = min(pending, key=lambda r: r.effective_due_at, default=None)
            items.append(DueItem(entry.request, entry.company, entry.role, upcoming))
        items.sort(key=lambda item: item.request.window_closes_at)
        return items


class FakePasswords(PasswordKeyring):
    """A keyring in memory, for tests of the mail readers in this process (the real
    backends are tested through `askwhy mail` subprocesses, chosen by environment)."""

    def __init__(self) -> None:
        self.passwords: dict[str, str] = {}

    def check_available(self) -> None:
        pass

    def store(self, spec: SourceSpec, password: str) -> None:
        self.passwords[spec.location] = password

    def load(self, spec: SourceSpec) -> str:
        return self.passwords.get(spec.location, "")

    def forget(self, spec: SourceSpec) -> None:
        self.passwords.pop(spec.location, None)
