"""Reading times the user types and showing times the user reads.

Below the UI every datetime is an aware UTC instant; these helpers are the border crossing.
Day and month names are spelled out here rather than with `strftime("%A")`, because Qt sets
the process locale on start-up and the same template would then render in two languages.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo

from desktop.core.errors import InvalidInput

# Clocks drift and people round; a notification time a little ahead of `now` is a typo-free
# "just now", not a claim about the future.
FUTURE_TOLERANCE = timedelta(minutes=5)
_EXPECTED = "expected ISO-8601 like 2026-03-01T14:30 or 2026-03-01T14:30+01:00"

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def to_local(moment: datetime, tz: tzinfo) -> datetime:
    """`moment` on the user's wall clock. Naive input is a bug below the UI, so it raises."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"expected an aware datetime, got {moment!r}")
    return moment.astimezone(tz)


def parse_user_datetime(
    text: str, now: datetime, tz: tzinfo, *, allow_future: bool = False
) -> datetime:
    """Parse what the user typed into an aware UTC datetime, or raise InvalidInput.

    Accepts ISO-8601 with or without an offset (`Z` too) and a date alone (midnight). A time
    without an offset is wall time in `tz`. A wall time that doesn't exist there (skipped by
    a DST change) is refused rather than guessed; an ambiguous one (repeated in autumn) means
    its first occurrence. Unless `allow_future`, times more than a few minutes after `now`
    are refused: you can't have been notified of a rejection that hasn't happened.
    """
    cleaned = text.strip()
    shown = cleaned if len(cleaned) <= 40 else cleaned[:37] + "..."
    if not cleaned:
        raise InvalidInput(f"No date or time given: {_EXPECTED}.")
    try:
        parsed = datetime.fromisoformat(cleaned)
    except ValueError:
        raise InvalidInput(f"“{shown}” is not a date and time: {_EXPECTED}.") from None
    try:
        if parsed.tzinfo is None:
            local = parsed.replace(tzinfo=tz)
            if local.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != parsed:
                raise InvalidInput(
                    f"{cleaned} doesn't exist in your time zone (the clocks skipped it for "
                    "daylight saving time): give a time just before or after."
                )
            parsed = local
        result = parsed.astimezone(UTC)
    except OverflowError:
        raise InvalidInput(f"“{shown}” is out of range: {_EXPECTED}.") from None
    if not allow_future and result > now + FUTURE_TOLERANCE:
        raise InvalidInput(
            f"{cleaned} is in the future: give the time you were told, which has passed."
        )
    return result


def _parts(delta: timedelta) -> list[str]:
    minutes = int(abs(delta).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        # Past a day, minutes are noise: "2 d 5 h" reads at a glance.
        return [f"{days} d"] + ([f"{hours} h"] if hours else [])
    if hours:
        return [f"{hours} h"] + ([f"{minutes} min"] if minutes else [])
    return [f"{minutes} min"]


def format_duration(delta: timedelta) -> str:
    """ "2 d 5 h", "5 h 12 min", "3 min", "less than a minute" (sign ignored)."""
    if abs(delta) < timedelta(minutes=1):
        return "less than a minute"
    return " ".join(_parts(delta))


def format_countdown(delta: timedelta) -> str:
    """Time left in a window: "5 h 12 min left"; once it's negative, "closed 2 h ago"."""
    if delta < timedelta(0):
        return f"closed {format_duration(delta)} ago"
    return f"{format_duration(delta)} left"


def format_day(moment: datetime, tz: tzinfo) -> str:
    """ "Tuesday 3 March" on the user's wall clock, the way a letter names a day."""
    local = to_local(moment, tz)
    return f"{DAY_NAMES[local.weekday()]} {local.day} {MONTH_NAMES[local.month - 1]}"


def format_local(moment: datetime, tz: tzinfo) -> str:
    """ "Tue 3 Mar 14:30": compact, for lists and notifications."""
    local = to_local(moment, tz)
    return (
        f"{DAY_NAMES[local.weekday()][:3]} {local.day} {MONTH_NAMES[local.month - 1][:3]} "
        f"{local:%H:%M}"
    )
