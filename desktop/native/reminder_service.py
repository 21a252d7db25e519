"""The one timer that turns due reminders into notifications.

How it keeps DESIGN.md's promises:

- **One QTimer, no polling.** It is single-shot and set to the next due reminder, capped at
  60 s. The cap is there only because monotonic timers stop while the machine sleeps: after
  a resume the next wake comes within a minute and sees what fell due.
- **Jumps are noticed.** Each wake compares the wall clock with the time it expected to wake
  at. A difference past `JUMP_TOLERANCE` (sleep, resume, the clock being set either way, a
  zone change is harmless as all times are UTC) is logged and signalled; the reminders are
  re-read from the database in every case, so everything is rescheduled from the new "now".
- **At most once.** Each reminder is claimed in the database (an UPDATE that only one writer
  can win) *before* it is shown. A crash between claim and notification loses one pop-up
  rather than repeating it; a second instance racing this one loses the claim and stays quiet.
- **No burst after an absence.** `core.reminders.triage` sorts what is due into on time (one
  notification each), late (one grouped "while you were away" notification) and long stale
  (marked missed, listed in the window, no pop-up).
"""

from __future__ import annotations

import dataclasses
import logging
import math
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from desktop.core.model import (
    DueItem,
    FiringReminder,
    FollowUpRequest,
    ReminderKind,
    RequestKind,
    Settings,
)
from desktop.core.reminders import PauseChoice, next_wake, pause_until, triage
from desktop.native.clock import Clock
from desktop.native.notifications import Notifier
from desktop.native.store_changes import StoreChanges
from desktop.store.changes import Change, ChangeFeed

log = logging.getLogger(__name__)

WAKE_CAP = timedelta(seconds=60)
# A timer that fires this far from its expected wall time means the clock jumped or the
# machine slept. Coarse timers drift by a few percent of 60 s; this stays clear of that.
JUMP_TOLERANCE = timedelta(seconds=15)
# Wake a little after the due time, not a hair before it (the wall and monotonic clocks
# are read separately, so an exact wake could see the reminder as not due yet).
WAKE_SLACK_MS = 20


class ReminderStore(Protocol):
    """What the service needs from `desktop.store.repository.Store`."""

    @property
    def changes(self) -> ChangeFeed: ...

    def load_settings(self) -> Settings: ...
    def save_settings(self, settings: Settings) -> None: ...
    def next_reminder_due(self) -> datetime | None: ...
    def reminders_due(self, *, now: datetime) -> list[FiringReminder]: ...
    def claim_reminder(self, reminder_id: int, *, fired_at: datetime) -> bool: ...
    def mark_missed(self, reminder_ids: list[int], *, now: datetime) -> None: ...
    def expire_overdue(self, *, now: datetime) -> list[FollowUpRequest]: ...
    def due_items(self, *, now: datetime) -> list[DueItem]: ...


# -- what the notifications say -----------------------------------------------------------

_ACTION = {
    RequestKind.FEEDBACK: "ask {company} why",
    RequestKind.THANK_YOU: "thank {company}",
    RequestKind.CHECK_IN: "check in with {company}",
    RequestKind.STAY_IN_TOUCH: "get back in touch with {company}",
    RequestKind.CLOSING_NOTE: "close the loop with {company}",
}


def time_left(delta: timedelta) -> str:
    """ "1 hour", "8 hours", "25 minutes": how long is left, rounded as a person would."""
    minutes = max(0, round(delta.total_seconds() / 60))
    if minutes >= 90:
        hours = round(minutes / 60)
        return f"{hours} hours"
    if minutes >= 55:
        return "1 hour"
    return "1 minute" if minutes == 1 else f"{minutes} minutes"


def reminder_message(item: FiringReminder, now: datetime) -> tuple[str, str]:
    """Title and body of the notification for one reminder (plain text; backends escape)."""
    action = _ACTION.get(item.request.kind, _ACTION[RequestKind.FEEDBACK]).format(
        company=item.company
    )
    left = item.request.window_closes_at - now
    if item.reminder.kind is ReminderKind.CLOSED or left <= timedelta(0):
        title = f"The window to {action} has closed"
        body = f"{item.role} at {item.company}. Sending it late still beats not asking."
        return title, body
    title = f"{time_left(left)} left to {action}"
    if item.reminder.kind is ReminderKind.LAST_CALL:
        title = f"Last call: {title}"
    title = title[0].upper() + title[1:]
    body = f"{item.role} at {item.company}. Open AskWhy to send your request."
    return title, body


def away_message(items: Sequence[FiringReminder], now: datetime) -> tuple[str, str]:
    """One notification for everything that fell due while the app was not running."""
    count = len(items)
    title = f"While you were away: {count} follow-up{'s' if count != 1 else ''} need you"
    lines = [f"• {reminder_message(item, now)[0]} ({item.role})" for item in items]
    return title, "\n".join(lines)


class ReminderService(QObject):
    """Fires reminders from the store through a notifier, at most once each."""

    # One reminder was shown (a FiringReminder).
    reminder_fired = Signal(object)
    # How many reminders were moved to the missed list at this wake.
    reminders_missed = Signal(int)
    # The wall clock was not where the timer expected it, by this many seconds.
    clock_jumped = Signal(float)

    def __init__(
        self,
        store: ReminderStore,
        clock: Clock,
        notifier: Notifier,
        *,
        cap: timedelta = WAKE_CAP,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self._notifier = notifier
        # Settings are read at every wake, so a change in the dialog applies without restart.
        self._settings = store.load_settings
        self._cap = cap
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.wake)
        self._expected_wake: datetime | None = None
        self._running = False
        # What the schedule hangs on (a rejection logged, a request sent, skipped or
        # snoozed, a setting) is announced by the store: re-read it then. Nobody pokes us.
        self._changes = StoreChanges(store.changes, self)
        self._changes.changed.connect(self._on_store_changed)

    # -- lifecycle ---------------------------------------------------------------------
    def start(self) -> None:
        """Handles what fell due while the app was closed, then arms the timer."""
        self._running = True
        self.check_now()

    def stop(self) -> None:
        self._running = False
        self._timer.stop()
        self._expected_wake = None

    def refresh(self) -> None:
        """Re-reads the store soon: after a rejection is logged, a request sent or skipped,
        a snooze or a settings change. Several calls in one event-loop turn wake once."""
        if self._running:
            self._expected_wake = None
            self._timer.setTimerType(Qt.TimerType.PreciseTimer)
            self._timer.start(0)

    def _on_store_changed(self, change: Change) -> None:
        if change.reminders or change.settings or change.everything:
            self.refresh()

    @property
    def timer(self) -> QTimer:
        """The one timer (tests check its interval and that it is single-shot)."""
        return self._timer

    # -- waking ------------------------------------------------------------------------
    def wake(self) -> None:
        """The timer's slot. Tests call it after moving a manual clock."""
        now = self._clock.now()
        if self._expected_wake is not None:
            drift = now - self._expected_wake
            if abs(drift) > JUMP_TOLERANCE:
                # Sleep/resume or a clock change: the store is re-read below in any case,
                # so every reminder is judged against the new "now".
                log.info(
                    "wall clock is %+.0f s off the expected wake; rescheduling",
                    drift.total_seconds(),
                )
                self.clock_jumped.emit(drift.total_seconds())
        self.check_now()

    def check_now(self) -> None:
        """One wake: fire what is due, expire what closed, arm the timer for the next."""
        now = self._clock.now()
        try:
            self._process(now)
        except Exception:
            # A locked database or a bug must not stop reminders for good: retry at the cap.
            log.exception("checking reminders failed; retrying in %s", self._cap)
            self._arm(now, None)

    def _process(self, now: datetime) -> None:
        settings = self._settings()
        paused_until = settings.reminders_paused_until
        if paused_until is not None and settings.reminders_paused_at(now):
            # Paused: nothing fires; what falls due meanwhile is triaged when the pause ends.
            self._arm(now, paused_until)
            return
        due = self._store.reminders_due(now=now)
        if due:
            self._fire(due, now, settings)
        self._store.expire_overdue(now=now)
        next_due = self._store.next_reminder_due()
        if next_due is not None and next_due <= now:
            # Everything due was just handled; a time still in the past would spin the timer.
            log.warning("store reports a reminder due at %s that it did not return", next_due)
            next_due = None
        self._arm(now, next_due)

    def _fire(self, due: list[FiringReminder], now: datetime, settings: Settings) -> None:
        result = triage(due, now, settings.reminders)
        for item in result.superseded:
            self._store.claim_reminder(item.reminder.id, fired_at=now)
        if result.missed:
            self._store.mark_missed([item.reminder.id for item in result.missed], now=now)
            log.info("%d stale reminders moved to the missed list", len(result.missed))
            self.reminders_missed.emit(len(result.missed))
        for item in result.fire_now:
            if self._claim(item, now):
                title, body = reminder_message(item, now)
                self._notifier.notify(
                    title, body, item.request.id, urgent=_is_urgent(item.reminder.kind)
                )
                self.reminder_fired.emit(item)
        away = [item for item in result.away if self._claim(item, now)]
        if len(away) == 1:
            (item,) = away
            title, body = reminder_message(item, now)
            self._notifier.notify(
                title, body, item.request.id, urgent=_is_urgent(item.reminder.kind)
            )
        elif away:
            title, body = away_message(away, now)
            self._notifier.notify(title, body, None)
        for item in away:
            self.reminder_fired.emit(item)

    def _claim(self, item: FiringReminder, now: datetime) -> bool:
        # The database decides who shows it: another instance, or this one before a crash.
        if self._store.claim_reminder(item.reminder.id, fired_at=now):
            log.info(
                "reminder %d (%s, %s) fires",
                item.reminder.id,
                item.reminder.kind.value,
                item.company,
            )
            return True
        log.info("reminder %d was already fired elsewhere", item.reminder.id)
        return False

    def _arm(self, now: datetime, next_due: datetime | None) -> None:
        if not self._running:
            return
        wait = next_wake(next_due, now, self._cap)
        capped = wait >= self._cap
        milliseconds = math.ceil(wait.total_seconds() * 1000) + (0 if capped else WAKE_SLACK_MS)
        # A coarse timer is fine (and cheaper) for the cap wake; a due reminder wants precision.
        self._timer.setTimerType(
            Qt.TimerType.VeryCoarseTimer if capped else Qt.TimerType.PreciseTimer
        )
        self._expected_wake = now + timedelta(milliseconds=milliseconds)
        self._timer.start(milliseconds)
        log.debug("next reminder check in %.1f s", milliseconds / 1000)

    # -- user actions ------------------------------------------------------------------
    def pause(self, choice: PauseChoice | str) -> None:
        """Pauses reminders ("for 1 hour", "until tomorrow morning", "until resumed"…)."""
        settings = self._store.load_settings()
        now, tz = self._clock.now(), self._clock.local_tz()
        end = pause_until(choice, now, tz, settings.reminders)
        self._store.save_settings(dataclasses.replace(settings, reminders_paused_until=end))
        log.info("reminders paused until %s", end.isoformat())

    def resume(self) -> None:
        settings = self._store.load_settings()
        self._store.save_settings(dataclasses.replace(settings, reminders_paused_until=None))
        log.info("reminders resumed")


def _is_urgent(kind: ReminderKind) -> bool:
    return kind is ReminderKind.LAST_CALL
