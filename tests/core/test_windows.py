from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.model import ReminderPolicy, RequestKind, Settings
from desktop.core.windows import (
    FollowUpWindow,
    add_business_days,
    check_in_window,
    feedback_window,
    stay_in_touch_window,
    thank_you_window,
    window_for,
)
from tests.core.strategies import instants, zones

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def test_feedback_window_is_48_real_hours_across_spring_forward() -> None:
    # Berlin loses an hour on 29 March 2026 at 02:00 local.
    notified = datetime(2026, 3, 28, 12, 0, tzinfo=BERLIN)
    window = feedback_window(notified, ReminderPolicy())
    assert window.closes_at - window.opens_at == timedelta(hours=48)
    # ...so the wall clock shows 13:00, not 12:00, two days later.
    assert window.closes_at.astimezone(BERLIN).hour == 13
    assert window.opens_at == notified


def test_feedback_window_is_48_real_hours_across_fall_back() -> None:
    notified = datetime(2026, 10, 31, 20, 0, tzinfo=NEW_YORK)
    window = feedback_window(notified, ReminderPolicy(window_hours=48))
    assert window.closes_at.astimezone(NEW_YORK).hour == 19
    assert window.length == timedelta(hours=48)


@given(instants(), st.integers(1, 24 * 30))
def test_feedback_window_length_is_exact(notified: datetime, hours: int) -> None:
    window = feedback_window(notified, ReminderPolicy(window_hours=hours))
    assert window.opens_at == notified
    assert window.closes_at - window.opens_at == timedelta(hours=hours)
    assert window.opens_at.tzinfo is UTC


def test_window_refuses_naive_and_backwards_times() -> None:
    with pytest.raises(ValueError, match="aware"):
        feedback_window(datetime(2026, 1, 1, 12), ReminderPolicy())
    start = datetime(2026, 1, 2, tzinfo=UTC)
    with pytest.raises(ValueError, match="before it opens"):
        FollowUpWindow(start, start - timedelta(seconds=1))


def test_thank_you_window_is_24_hours_after_the_interview() -> None:
    end = datetime(2026, 3, 28, 17, 0, tzinfo=BERLIN)
    window = thank_you_window(end)
    assert window.opens_at == end
    assert window.length == timedelta(hours=24)


def test_business_days_skip_the_weekend() -> None:
    # Thursday 5 March 2026, 10:00 in Berlin.
    thursday = datetime(2026, 3, 5, 10, 0, tzinfo=BERLIN)
    result = add_business_days(thursday, 7, BERLIN).astimezone(BERLIN)
    assert (result.date().isoformat(), result.hour) == ("2026-03-16", 10)
    saturday = datetime(2026, 3, 7, 9, 0, tzinfo=BERLIN)
    assert add_business_days(saturday, 1, BERLIN).astimezone(BERLIN).date().isoformat() == (
        "2026-03-09"
    )


def test_business_days_keep_the_wall_clock_across_dst() -> None:
    friday = datetime(2026, 3, 27, 9, 30, tzinfo=BERLIN)  # DST starts on Sunday 29th
    result = add_business_days(friday, 7, BERLIN).astimezone(BERLIN)
    assert (result.weekday(), result.hour, result.minute) == (1, 9, 30)  # Tuesday 09:30


def test_business_days_are_counted_in_the_users_zone() -> None:
    # Friday 23:30 in New York is already Saturday in UTC: still a Friday start for the user.
    friday_night = datetime(2026, 3, 6, 23, 30, tzinfo=NEW_YORK)
    result = add_business_days(friday_night, 1, NEW_YORK).astimezone(NEW_YORK)
    assert result.weekday() == 0  # Monday, not Tuesday


@given(instants(), zones, st.integers(0, 30))
def test_business_days_land_on_a_weekday_not_earlier(
    start: datetime, tz: ZoneInfo, days: int
) -> None:
    result = add_business_days(start, days, tz)
    assert result >= start - timedelta(hours=3)  # a DST gap can pull the wall time back
    if days:
        assert result.astimezone(tz).weekday() < 5
        calendar_days = (result.astimezone(tz).date() - start.astimezone(tz).date()).days
        assert days <= calendar_days <= days + (days // 5 + 1) * 2 + 2


def test_check_in_opens_after_the_business_days() -> None:
    last = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)  # a Monday
    window = check_in_window(last, UTC, 7)
    assert window.opens_at == datetime(2026, 3, 11, 15, 0, tzinfo=UTC)
    assert window.closes_at > window.opens_at


def test_stay_in_touch_opens_weeks_later() -> None:
    rejected = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
    window = stay_in_touch_window(rejected, 6)
    assert window.opens_at == rejected + timedelta(weeks=6)


@given(instants(), zones, st.sampled_from(list(RequestKind)))
def test_window_for_every_kind_opens_no_earlier_than_its_start(
    start: datetime, tz: ZoneInfo, kind: RequestKind
) -> None:
    window = window_for(kind, start, Settings(), tz)
    assert window.opens_at >= start - timedelta(hours=3)
    assert window.closes_at > window.opens_at


def test_window_for_dispatches_on_settings() -> None:
    start = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
    settings = Settings(thank_you_window_hours=12)
    assert window_for(RequestKind.THANK_YOU, start, settings, UTC).length == timedelta(hours=12)
    assert window_for(RequestKind.FEEDBACK, start, settings, UTC).length == timedelta(hours=48)
