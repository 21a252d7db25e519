"""When to remind the user about an open follow-up, and what to do with reminders that
fell due while the app wasn't looking.

Everything here is a pure function of its arguments: `native.ReminderService` owns the timer
and the clock, the store owns "fired at most once"; this module only decides.

Quiet hours move a reminder earlier, to a little before the quiet period starts, and never
later: a reminder that arrives after the moment it was meant for has failed its one job.
When no earlier slot is legal (the window opened during the same quiet night), the reminder
is dropped if a later, more urgent reminder outside quiet hours will say the same thing
before the close; otherwise it keeps its original time. Dropping the only reminder left
would be silent, and a missed window costs the user more than one notification at night,
which the OS's own do-not-disturb can still hold back.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from desktop.core import validation
from desktop.core.model import FiringReminder, ReminderKind, ReminderPolicy, RequestStatus
from desktop.core.timefmt import format_local
from desktop.core.windows import FollowUpWindow

# How long before quiet hours begin a moved reminder lands: a notification exactly as quiet
# hours start would be the very thing they exist to prevent.
QUIET_LEAD = timedelta(minutes=10)
# A live app wakes at least once a minute (the capped timer), so a reminder later than this
# was missed while the app was closed or the machine asleep: it belongs in "while you were away".
LATE_GRACE = timedelta(minutes=2)
DEFAULT_WAKE_CAP = timedelta(seconds=60)

# Order of urgency: a later kind supersedes an earlier one for the same request.
KIND_ORDER: tuple[ReminderKind, ...] = (
    ReminderKind.NUDGE,
    ReminderKind.CLOSING,
    ReminderKind.LAST_CALL,
    ReminderKind.CLOSED,
)
_RANK = {kind: rank for rank, kind in enumerate(KIND_ORDER)}


@dataclass(frozen=True, slots=True)
class PlannedReminder:
    kind: ReminderKind
    due_at: datetime


@dataclass(frozen=True, slots=True)
class Triage:
    """What to do with due reminders at start, wake-up or a timer tick.

    - `fire_now`: on time; notify each one.
    - `away`: fell due while the app wasn't running; one grouped notification.
    - `missed`: too stale to notify; list them in the missed view.
    - `superseded`: an older reminder of a request that has a newer one in this batch (or
      whose request is no longer open). Claim these silently so they never fire later.
    Each request appears at most once across `fire_now`, `away` and `missed`.
    """

    fire_now: list[FiringReminder] = field(default_factory=list)
    away: list[FiringReminder] = field(default_factory=list)
    missed: list[FiringReminder] = field(default_factory=list)
    superseded: list[FiringReminder] = field(default_factory=list)


class SnoozeChoice(enum.StrEnum):
    FIFTEEN_MINUTES = "15min"
    ONE_HOUR = "1h"
    TOMORROW_MORNING = "tomorrow"

    @property
    def label(self) -> str:
        return _SNOOZE_LABELS[self]


_SNOOZE_LABELS = {
    SnoozeChoice.FIFTEEN_MINUTES: "15 minutes",
    SnoozeChoice.ONE_HOUR: "1 hour",
    SnoozeChoice.TOMORROW_MORNING: "Tomorrow morning",
}


class PauseChoice(enum.StrEnum):
    TOMORROW_MORNING = "tomorrow"
    ONE_HOUR = "1h"
    FOUR_HOURS = "4h"
    UNTIL_RESUMED = "resumed"

    @property
    def label(self) -> str:
        return _PAUSE_LABELS[self]


_PAUSE_LABELS = {
    PauseChoice.TOMORROW_MORNING: "Until tomorrow morning",
    PauseChoice.ONE_HOUR: "For 1 hour",
    PauseChoice.FOUR_HOURS: "For 4 hours",
    PauseChoice.UNTIL_RESUMED: "Until resumed",
}

# A pause "until resumed" is stored as the latest instant the rules allow: the setting is a
# date like any other, and the store keeps every date inside that range.
PAUSED_INDEFINITELY = validation.LATEST


# -- quiet hours ---------------------------------------------------------------------------


def _local_instant(day: date, wall: time, tz: tzinfo) -> datetime:
    """The UTC instant of `wall` on `day` in `tz` (zoneinfo resolves gaps and folds)."""
    return datetime.combine(day, wall, tzinfo=tz).astimezone(UTC)


def in_quiet_hours(moment: datetime, policy: ReminderPolicy, tz: tzinfo) -> bool:
    """Whether `moment` falls in [quiet_start, quiet_end) on the user's wall clock.

    The period may wrap midnight (22:00–08:00). Equal start and end mean no quiet hours.
    """
    if not policy.quiet_hours_enabled:
        return False
    start, end = policy.quiet_start, policy.quiet_end
    wall = moment.astimezone(tz).time().replace(tzinfo=None)
    if start == end:
        return False
    if start < end:
        return start <= wall < end
    return wall >= start or wall < end


def _quiet_period_start(moment: datetime, policy: ReminderPolicy, tz: tzinfo) -> datetime:
    """For a `moment` inside quiet hours: the instant that quiet period began."""
    local = moment.astimezone(tz)
    day = local.date()
    wraps = policy.quiet_start > policy.quiet_end
    if wraps and local.time().replace(tzinfo=None) < policy.quiet_end:
        day -= timedelta(days=1)  # the small hours belong to the night that began yesterday
    return _local_instant(day, policy.quiet_start, tz)


def shift_out_of_quiet_hours(
    due: datetime, window: FollowUpWindow, policy: ReminderPolicy, tz: tzinfo
) -> datetime:
    """`due`, or a little before the quiet period it falls in: never later, never outside
    the window. Without a legal earlier slot, `due` itself (see the module docstring)."""
    if not in_quiet_hours(due, policy, tz):
        return due
    candidate = _quiet_period_start(due, policy, tz) - QUIET_LEAD
    if window.opens_at <= candidate < due and not in_quiet_hours(candidate, policy, tz):
        return candidate
    return due


# -- planning ------------------------------------------------------------------------------


def nominal_times(window: FollowUpWindow, policy: ReminderPolicy) -> dict[ReminderKind, datetime]:
    """Where each reminder falls before quiet hours, as offsets from UTC instants."""
    return {
        ReminderKind.NUDGE: window.opens_at + timedelta(hours=policy.nudge_after_hours),
        ReminderKind.CLOSING: window.closes_at - timedelta(hours=policy.closing_before_hours),
        ReminderKind.LAST_CALL: window.closes_at - timedelta(hours=policy.last_call_before_hours),
        ReminderKind.CLOSED: window.closes_at,
    }


def plan_reminders(
    window: FollowUpWindow,
    policy: ReminderPolicy,
    tz: tzinfo,
    *,
    now: datetime | None = None,
) -> list[PlannedReminder]:
    """The reminders for an unsent request, in time order, strictly increasing.

    - A reminder whose nominal time is outside the window is dropped (a "closing" reminder
      8 h before the close makes no sense in a 4 h window).
    - Quiet hours move a reminder earlier (`shift_out_of_quiet_hours`). CLOSED is exactly at
      the close and never moves: it marks an event, it doesn't ask for action.
    - If a more urgent reminder ends up at or before a less urgent one, the less urgent one
      is dropped: two pop-ups at the same minute say the same thing twice.
    - With `now`, reminders already in the past are dropped, because a request logged late
      (a backdated notification) should not open with a burst of stale reminders. But when
      no reminder that asks for action is left ahead, the most urgent past one is kept and
      moved to `now`: a rejection logged 30 min before the close must still say "last
      call" once. If even the close has passed, the list is empty: the user is looking at
      the request already.
    """
    planned: list[PlannedReminder] = []
    for kind, nominal in nominal_times(window, policy).items():
        if kind is ReminderKind.CLOSED:
            due = window.closes_at
        elif window.opens_at <= nominal < window.closes_at:
            due = shift_out_of_quiet_hours(nominal, window, policy, tz)
        else:
            continue
        # Keep times strictly increasing with urgency: drop what this one supersedes.
        while planned and planned[-1].due_at >= due:
            planned.pop()
        planned.append(PlannedReminder(kind, due))
    planned = _drop_quiet_duplicates(planned, policy, tz)
    if now is not None:
        past = [r for r in planned if r.due_at < now and r.kind is not ReminderKind.CLOSED]
        planned = [reminder for reminder in planned if reminder.due_at >= now]
        actionable_ahead = any(r.kind is not ReminderKind.CLOSED for r in planned)
        if past and not actionable_ahead and now < window.closes_at:
            planned.insert(0, PlannedReminder(past[-1].kind, now))
    return planned


def _drop_quiet_duplicates(
    planned: list[PlannedReminder], policy: ReminderPolicy, tz: tzinfo
) -> list[PlannedReminder]:
    """Drop reminders stuck in quiet hours when a later daytime one covers for them."""
    kept: list[PlannedReminder] = []
    for index, reminder in enumerate(planned):
        stuck = reminder.kind is not ReminderKind.CLOSED and in_quiet_hours(
            reminder.due_at, policy, tz
        )
        covered = any(
            later.kind is not ReminderKind.CLOSED and not in_quiet_hours(later.due_at, policy, tz)
            for later in planned[index + 1 :]
        )
        if not (stuck and covered):
            kept.append(reminder)
    return kept


# -- firing --------------------------------------------------------------------------------


def _is_useful(item: FiringReminder, now: datetime, policy: ReminderPolicy) -> bool:
    closes = item.request.window_closes_at
    if now < closes:
        return True
    # After the close only the "window closed" notice still has something to say, and only
    # while it is news.
    stale_after = timedelta(hours=policy.stale_after_hours)
    return item.reminder.kind is ReminderKind.CLOSED and now - closes <= stale_after


def _urgency(item: FiringReminder) -> tuple[int, datetime]:
    # The kind decides, not the time: a snoozed nudge coming back late must not hide a
    # "last call" due in the same batch.
    return (_RANK[item.reminder.kind], item.reminder.effective_due_at)


def _due_order(item: FiringReminder) -> tuple[datetime, int]:
    return (item.reminder.effective_due_at, _RANK[item.reminder.kind])


def triage(
    reminders: Sequence[FiringReminder],
    now: datetime,
    policy: ReminderPolicy,
    *,
    grace: timedelta = LATE_GRACE,
) -> Triage:
    """Sort due reminders into what to show now, what to group, and what is stale.

    Only the latest reminder of each request is shown; coming back to "nudge, closing and
    last call" for one request in one burst would be noise, the latest says it all.
    """
    result = Triage()
    by_request: dict[int, list[FiringReminder]] = {}
    for item in reminders:
        by_request.setdefault(item.request.id, []).append(item)
    for items in by_request.values():
        items.sort(key=_urgency)
        latest = items[-1]
        result.superseded.extend(items[:-1])
        if latest.request.status is not RequestStatus.DRAFT:
            result.superseded.append(latest)  # sent or skipped since: nothing to remind
        elif not _is_useful(latest, now, policy):
            result.missed.append(latest)
        elif now - latest.reminder.effective_due_at > grace:
            result.away.append(latest)
        else:
            result.fire_now.append(latest)
    for group in (result.fire_now, result.away, result.missed, result.superseded):
        group.sort(key=_due_order)
    return result


def next_wake(
    next_due: datetime | None, now: datetime, cap: timedelta = DEFAULT_WAKE_CAP
) -> timedelta:
    """How long the timer should sleep: until the next due time, but at most `cap`.

    The cap exists because monotonic timers stop while the machine sleeps; waking once a
    minute lets the service notice a wall-clock jump. Never negative.
    """
    if next_due is None:
        return cap
    return max(timedelta(0), min(cap, next_due - now))


def snooze_until(
    choice: SnoozeChoice | str, now: datetime, tz: tzinfo, policy: ReminderPolicy
) -> datetime:
    """The UTC instant a snoozed reminder comes back.

    "Tomorrow morning" is the next time quiet hours end on the user's wall clock (08:00 by
    default), so a snooze at 02:00 comes back at 08:00 the same day, not a day later.
    """
    choice = SnoozeChoice(choice)
    if choice is SnoozeChoice.FIFTEEN_MINUTES:
        return now + timedelta(minutes=15)
    if choice is SnoozeChoice.ONE_HOUR:
        return now + timedelta(hours=1)
    local_day = now.astimezone(tz).date()
    for offset in range(3):
        candidate = _local_instant(local_day + timedelta(days=offset), policy.quiet_end, tz)
        if candidate > now:
            return candidate
    raise AssertionError("unreachable: a morning comes within three days")  # pragma: no cover


def pause_until(
    choice: PauseChoice | str, now: datetime, tz: tzinfo, policy: ReminderPolicy
) -> datetime:
    """The UTC instant a pause chosen at `now` ends ("tomorrow morning" as for a snooze)."""
    choice = PauseChoice(choice)
    if choice is PauseChoice.UNTIL_RESUMED:
        return PAUSED_INDEFINITELY
    if choice is PauseChoice.ONE_HOUR:
        return now + timedelta(hours=1)
    if choice is PauseChoice.FOUR_HOURS:
        return now + timedelta(hours=4)
    return snooze_until(SnoozeChoice.TOMORROW_MORNING, now, tz, policy)


def pause_text(until: datetime, tz: tzinfo) -> str:
    """ "until Tue 3 Mar 08:00", or "until resumed" for a pause without an end."""
    if until >= PAUSED_INDEFINITELY:
        return "until resumed"
    return f"until {format_local(until, tz)}"
