"""The system clock's contract, and the manual clock the other tests rely on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.native.clock import SystemClock
from tests.fakes import ManualClock


def test_system_clock_is_aware_utc():
    clock = SystemClock()
    now = clock.now()
    assert now.tzinfo is UTC
    assert abs(now - datetime.now(UTC)) < timedelta(seconds=5)
    assert clock.local_tz().utcoffset(now) is not None


def test_manual_clock_moves_only_when_told():
    clock = ManualClock(datetime(2026, 3, 29, 0, 30, tzinfo=UTC), ZoneInfo("Europe/Berlin"))
    start = clock.now()
    assert clock.now() == start
    clock.advance(hours=1)
    assert clock.now() == start + timedelta(hours=1)
    clock.jump(timedelta(days=-1))
    assert clock.now() == start - timedelta(hours=23)
    # Across the spring-forward change the local zone still answers.
    assert clock.now().astimezone(clock.local_tz()).utcoffset() == timedelta(hours=1)


def test_manual_clock_refuses_naive_time():
    with pytest.raises(ValueError, match="aware"):
        ManualClock(datetime(2026, 1, 1))
