"""Showing times the user reads.

Below the UI every datetime is an aware UTC instant; these helpers show them on the user's
wall clock (reading what the user types is `desktop.core.validation.parse_moment`).
Day and month names are spelled out here rather than with `strftime("%A")`, because Qt sets
the process locale on start-up and the same template would then render in two languages.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from desktop.core.validation import clamp_moment

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
    # Clamped: year 1 or 9999 (stored before the rules) would overflow in some zones.
    return clamp_moment(moment).astimezone(tz)


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
