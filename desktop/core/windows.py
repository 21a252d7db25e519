"""Follow-up windows: the span of time in which asking, thanking or checking in still works.

Every offset measured in hours or weeks is added to a UTC instant. Adding 48 h to a zoned
datetime in Python keeps the wall clock and so gives 47 or 49 real hours across a DST change;
a window the user was promised as "48 hours" must be 48 real hours.

Business days are the one exception, because they are a calendar idea: "7 business days from
Tuesday 10:00" is a Thursday at 10:00 on the user's wall clock, whatever DST did in between.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from desktop.core.model import ReminderPolicy, RequestKind, Settings

# A check-in or stay-in-touch note is not urgent the way a feedback request is; these are how
# long their windows stay open once the moment to write has come.
CHECK_IN_OPEN_FOR = timedelta(hours=48)
STAY_IN_TOUCH_OPEN_FOR = timedelta(days=7)
# A closing note after Ghosted: written now or this week, while the user still cares to.
CLOSING_NOTE_OPEN_FOR = timedelta(days=7)


def _require_aware(moment: datetime, what: str) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got {moment!r}")
    return moment.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class FollowUpWindow:
    """From `opens_at` to `closes_at`, both aware UTC instants, `opens_at <= closes_at`."""

    opens_at: datetime
    closes_at: datetime

    def __post_init__(self) -> None:
        opens = _require_aware(self.opens_at, "opens_at")
        closes = _require_aware(self.closes_at, "closes_at")
        if closes < opens:
            raise ValueError(f"a window can't close ({closes}) before it opens ({opens})")
        # Normalise to UTC so equality and arithmetic never depend on the caller's zone.
        object.__setattr__(self, "opens_at", opens)
        object.__setattr__(self, "closes_at", closes)

    @property
    def length(self) -> timedelta:
        return self.closes_at - self.opens_at

    def contains(self, moment: datetime) -> bool:
        return self.opens_at <= moment <= self.closes_at

    def remaining(self, now: datetime) -> timedelta:
        """Time left until the close; negative once it has closed."""
        return self.closes_at - now

    def is_closed(self, now: datetime) -> bool:
        return now >= self.closes_at


def feedback_window(notified_at: datetime, policy: ReminderPolicy) -> FollowUpWindow:
    """Opens the moment the user heard, because the answer is worth most while they're fresh."""
    opens = _require_aware(notified_at, "notified_at")
    return FollowUpWindow(opens, opens + timedelta(hours=policy.window_hours))


def thank_you_window(interview_end: datetime, hours: float = 24) -> FollowUpWindow:
    opens = _require_aware(interview_end, "interview_end")
    return FollowUpWindow(opens, opens + timedelta(hours=hours))


def add_business_days(start: datetime, days: int, tz: tzinfo) -> datetime:
    """`start` moved `days` weekdays (Mon–Fri in `tz`) later, at the same local wall time.

    A start on a weekend counts from the next Monday's business days, so Saturday + 1 is
    Monday. A local time that doesn't exist on the target day (a DST gap) is resolved the
    way zoneinfo resolves it: the instant just after the gap.
    """
    if days < 0:
        raise ValueError("business days must not be negative")
    local = _require_aware(start, "start").astimezone(tz)
    day: date = local.date()
    remaining = days
    while remaining:
        day += timedelta(days=1)
        if day.weekday() < 5:
            remaining -= 1
    wall = time(local.hour, local.minute, local.second, local.microsecond)
    return datetime.combine(day, wall, tzinfo=tz).astimezone(UTC)


def check_in_window(
    last_activity: datetime,
    tz: tzinfo,
    business_days: int = 7,
    *,
    open_for: timedelta = CHECK_IN_OPEN_FOR,
) -> FollowUpWindow:
    """Opens once `business_days` have passed without news; checking in earlier is pushy."""
    opens = add_business_days(last_activity, business_days, tz)
    return FollowUpWindow(opens, opens + open_for)


def stay_in_touch_window(
    rejected_at: datetime, weeks: int, *, open_for: timedelta = STAY_IN_TOUCH_OPEN_FOR
) -> FollowUpWindow:
    """Opens `weeks` after the rejection: long enough to have worked on the feedback."""
    opens = _require_aware(rejected_at, "rejected_at") + timedelta(weeks=weeks)
    return FollowUpWindow(opens, opens + open_for)


def window_for(
    kind: RequestKind, start: datetime, settings: Settings, tz: tzinfo
) -> FollowUpWindow:
    """The window for a follow-up of `kind` whose triggering moment is `start`.

    `start` is: the notification of the rejection (FEEDBACK), the end of the interview
    (THANK_YOU), the last activity on the application (CHECK_IN), the rejection
    (STAY_IN_TOUCH), the moment the user chose to write (CLOSING_NOTE).
    """
    if kind is RequestKind.FEEDBACK:
        return feedback_window(start, settings.reminders)
    if kind is RequestKind.THANK_YOU:
        return thank_you_window(start, settings.thank_you_window_hours)
    if kind is RequestKind.CHECK_IN:
        return check_in_window(start, tz, settings.check_in_business_days)
    if kind is RequestKind.CLOSING_NOTE:
        opens = _require_aware(start, "start")
        return FollowUpWindow(opens, opens + CLOSING_NOTE_OPEN_FOR)
    return stay_in_touch_window(start, settings.stay_in_touch_weeks)
