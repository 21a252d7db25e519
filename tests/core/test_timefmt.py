from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.errors import InvalidInput
from desktop.core.timefmt import (
    format_countdown,
    format_day,
    format_local,
    parse_user_datetime,
    to_local,
)
from tests.core.strategies import instants, zones

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def test_naive_time_is_local_and_comes_back_as_utc() -> None:
    parsed = parse_user_datetime("2026-06-01T10:30", NOW, BERLIN)
    assert parsed == datetime(2026, 6, 1, 8, 30, tzinfo=UTC)
    assert parsed.tzinfo is UTC


@pytest.mark.parametrize(
    "text", ["2026-06-01T10:30+02:00", "2026-06-01T08:30Z", "2026-06-01 08:30:00+00:00"]
)
def test_offsets_are_honoured(text: str) -> None:
    assert parse_user_datetime(text, NOW, BERLIN) == datetime(2026, 6, 1, 8, 30, tzinfo=UTC)


@pytest.mark.parametrize("garbage", ["yesterday-ish", "", "   ", "2026-13-01", "14:30 today"])
def test_garbage_is_refused_with_the_expected_format(garbage: str) -> None:
    with pytest.raises(InvalidInput, match="expected ISO-8601 like 2026-03-01T14:30"):
        parse_user_datetime(garbage, NOW, BERLIN)


def test_the_future_is_refused_but_a_little_clock_drift_is_not() -> None:
    with pytest.raises(InvalidInput, match="future"):
        parse_user_datetime("2026-06-01T12:30Z", NOW, BERLIN)
    assert parse_user_datetime("2026-06-01T12:02Z", NOW, BERLIN) > NOW
    later = parse_user_datetime("2026-06-02T12:00Z", NOW, BERLIN, allow_future=True)
    assert later == NOW + timedelta(days=1)


def test_a_time_skipped_by_dst_is_refused() -> None:
    with pytest.raises(InvalidInput, match="doesn't exist"):
        parse_user_datetime("2026-03-29T02:30", NOW, BERLIN)


def test_an_ambiguous_time_means_its_first_occurrence() -> None:
    parsed = parse_user_datetime("2026-10-25T02:30", NOW, BERLIN, allow_future=True)
    assert parsed == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # still summer time (+2)


def test_out_of_range_is_invalid_input_not_a_crash() -> None:
    with pytest.raises(InvalidInput):
        parse_user_datetime("9999-12-31T23:59-05:00", NOW, BERLIN, allow_future=True)


@given(st.text(max_size=40))
def test_parse_never_raises_anything_but_invalid_input(text: str) -> None:
    try:
        parsed = parse_user_datetime(text, NOW, BERLIN)
    except InvalidInput as error:
        message = str(error)
        assert message.endswith(".")
    else:
        assert parsed.tzinfo is UTC
        assert parsed <= NOW + timedelta(minutes=5)


@given(instants(), zones)
def test_local_wall_time_round_trips(moment: datetime, tz: ZoneInfo) -> None:
    local = to_local(moment, tz)
    text = local.replace(tzinfo=None).isoformat()
    try:
        parsed = parse_user_datetime(text, moment, tz)
    except InvalidInput:  # pragma: no cover - local times from real instants always exist
        pytest.fail(f"{text} should exist in {tz}")
    if local.fold == 0:
        assert parsed == moment


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


@given(
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)),
    zones,
    st.booleans(),
)
def test_any_iso_datetime_parses_or_fails_clearly(
    moment: datetime, tz: ZoneInfo, with_offset: bool
) -> None:
    text = (moment.replace(tzinfo=tz) if with_offset else moment).isoformat()
    try:
        parsed = parse_user_datetime(text, NOW, tz, allow_future=True)
    except InvalidInput as error:
        reason = str(error)
        assert "doesn't exist" in reason or "out of range" in reason
    else:
        assert parsed.tzinfo is UTC
