"""Shared Hypothesis strategies: instants around DST changes, zones, quiet hours."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from desktop.core.model import ReminderPolicy

ZONES = tuple(
    ZoneInfo(name)
    for name in (
        "Europe/Berlin",
        "America/New_York",
        "Australia/Lord_Howe",  # a 30-minute DST shift
        "Asia/Kolkata",
        "Pacific/Chatham",
        "UTC",
    )
)

# Instants within a few days of each DST change of 2026 in the zones above, plus anywhere.
_DST_CHANGES = (
    datetime(2026, 3, 29, 1, 0, tzinfo=UTC),  # Berlin spring forward
    datetime(2026, 10, 25, 1, 0, tzinfo=UTC),  # Berlin fall back
    datetime(2026, 3, 8, 7, 0, tzinfo=UTC),  # New York spring forward
    datetime(2026, 11, 1, 6, 0, tzinfo=UTC),  # New York fall back
    datetime(2026, 4, 4, 15, 0, tzinfo=UTC),  # Lord Howe ends DST
    datetime(2026, 10, 3, 15, 30, tzinfo=UTC),  # Lord Howe starts DST
)

zones = st.sampled_from(ZONES)


@st.composite
def instants(draw: st.DrawFn) -> datetime:
    """Aware UTC instants, half of them within three days of a DST change."""
    if draw(st.booleans()):
        anchor = draw(st.sampled_from(_DST_CHANGES))
        offset = draw(st.integers(-3 * 24 * 60, 3 * 24 * 60))
        return anchor + timedelta(minutes=offset)
    moment = draw(st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31)))
    return moment.replace(tzinfo=UTC)


quarter_hours = st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45]))


@st.composite
def policies(draw: st.DrawFn) -> ReminderPolicy:
    return ReminderPolicy(
        window_hours=draw(st.integers(1, 24 * 14)),
        nudge_after_hours=draw(st.sampled_from([0, 0.5, 1, 2, 6])),
        closing_before_hours=draw(st.sampled_from([2, 4, 8, 12])),
        last_call_before_hours=draw(st.sampled_from([0.25, 0.5, 1, 2])),
        quiet_hours_enabled=draw(st.booleans()),
        quiet_start=draw(quarter_hours),
        quiet_end=draw(quarter_hours),
    )
