from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.timefmt import (
    format_countdown,
    format_day,
    format_local,
    to_local,
)
from tests.core.strategies import zones

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(hours=5, minutes=12), "5 h 12 min left"),
        (timedelta(hours=5), "5 h left"),
        (timedelta(minutes=3, seconds=59), "3 min left"),
        (timedelta(seconds=20), "less than a minute left"),
        (timedelta(days=2, hours=3, minutes=40), "2 d 3 h left"),
        (timedelta(hours=-2, minutes=-5), "closed 2 h 5 min ago"),
    ],
)
def test_format_countdown(delta: timedelta, text: str) -> None:
    assert format_countdown(delta) == text


def test_day_names_do_not_depend_on_the_locale() -> None:
    moment = datetime(2026, 3, 3, 23, 30, tzinfo=UTC)
    assert format_day(moment, UTC) == "Tuesday 3 March"
    assert format_day(moment, BERLIN) == "Wednesday 4 March"
    assert format_local(moment, BERLIN) == "Wed 4 Mar 00:30"


def test_to_local_refuses_naive() -> None:
    with pytest.raises(ValueError, match="aware"):
        to_local(datetime(2026, 1, 1), BERLIN)


@given(st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)), zones)
def test_any_stored_instant_shows_in_any_zone(moment: datetime, tz: ZoneInfo) -> None:
    """A year 1 or 9999 from before the rules is shown clamped, never an OverflowError."""
    assert format_local(moment.replace(tzinfo=UTC), tz)
