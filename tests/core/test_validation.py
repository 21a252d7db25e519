"""The rules every way in shares: text, email addresses, moments, settings."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core import declared_settings, validation
from desktop.core.errors import InvalidInput
from desktop.core.model import Profile, ReminderPolicy, Settings
from desktop.core.timefmt import to_local
from desktop.core.validation import (
    COMPANY,
    MESSAGE,
    NOTES,
    check_moment,
    clamp_moment,
    clean_email,
    parse_moment,
    printable,
)
from tests.core.strategies import instants, zones

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def parse(text: str, *, allow_future: bool = False, tz: ZoneInfo = BERLIN) -> datetime:
    return parse_moment(text, "When", tz=tz, now=NOW, allow_future=allow_future)


# -- text ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("  Acme   Corp ", "Acme Corp"),
        ("Cafe\u0301", "Café"),  # NFC: one code point, as every other path stores it
        ("Acme\u00a0Corp", "Acme Corp"),
    ],
)
def test_one_line_text_is_normalised(value: str, expected: str) -> None:
    assert COMPANY.clean(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "can't be empty"),
        ("Ac\x1b[31mme", "single line without control characters"),
        ("Ac\x07me", "single line"),
        ("Ac\x00me", "single line"),
        ("Acme\r\nBcc: x", "single line"),
        ("Acme\tCorp", "single line"),
        ("Ac\x9bme", "single line"),  # C1 CSI
        ("Acme\u202egnp.exe", "direction-override"),
        ("Ac\ud800me", "not text"),
        ("x" * 201, "too long"),
    ],
)
def test_one_line_text_refuses(value: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        COMPANY.clean(value)


def test_several_lines_keep_breaks_and_tabs_but_no_other_controls() -> None:
    assert NOTES.clean(" a\r\nb\rc\td \n") == "a\nb\nc\td"
    assert MESSAGE.clean("  indented\n") == "  indented\n"
    with pytest.raises(InvalidInput, match="control characters"):
        NOTES.clean("a\x1bb")
    with pytest.raises(InvalidInput, match="too long"):
        NOTES.clean("x" * 160_000)


def test_scrub_leaves_what_clean_accepts() -> None:
    for rule, value in ((COMPANY, "A\x1bc\u202eme"), (NOTES, "a\x00b\nc\x07")):
        scrubbed = rule.scrub(value)
        assert rule.clean(scrubbed) == scrubbed.strip() or rule.clean(scrubbed)


@given(st.text())
def test_printable_never_holds_a_control_or_a_line_break(text: str) -> None:
    shown = printable(text)
    assert "\n" not in shown
    assert not any(ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F for char in shown)


# -- email addresses -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        ("dana@example.org", "dana@example.org"),
        ("  <dana@example.org> ", "dana@example.org"),
        ("dana.reyes+jobs@acme.co.uk", "dana.reyes+jobs@acme.co.uk"),
        ("dana@bücher.example", "dana@bücher.example"),  # IDN: punycode in the draft
        ("dana@xn--bcher-kva.example", "dana@xn--bcher-kva.example"),
        ("", ""),
    ],
)
def test_addresses_accepted(value: str, stored: str) -> None:
    assert clean_email(value) == stored


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("dana@localhost", "needs a full domain"),
        ("dänä@acme.example", "part before the @ may only use plain letters"),
        ('"dana reyes"@acme.example', "part before the @"),
        ("Dana <dana@acme.example>", "holds a name too"),
        ("dana@", "not an email address"),
        ("dana reyes@acme.example", "not an email address"),
        ("dana@acme..example", "not an email address"),
        ("dana@[192.0.2.1]", "needs a full domain"),
        ("dana@192.0.2.1", "needs a full domain"),
        ("dana@acme.example\r\nBcc: x@evil.example", "control characters"),
        ("=?utf-8?q?dana?=@acme.example", "not an email address"),
        ("d" * 250 + "@acme.example", "too long"),
    ],
)
def test_addresses_refused(value: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        clean_email(value)


@given(st.text(max_size=60))
def test_an_accepted_address_is_one_an_email_header_can_carry(value: str) -> None:
    try:
        address = clean_email(value)
    except InvalidInput:
        return
    if not address:
        return
    local, _, domain = address.rpartition("@")
    assert local.isascii()
    assert validation.ascii_domain(domain).isascii()


# -- moments -------------------------------------------------------------------------------


def test_naive_time_is_local_and_comes_back_as_utc() -> None:
    parsed = parse("2026-06-01T10:30")
    assert parsed == datetime(2026, 6, 1, 8, 30, tzinfo=UTC)
    assert parsed.tzinfo is UTC


@pytest.mark.parametrize(
    "text", ["2026-06-01T10:30+02:00", "2026-06-01T08:30Z", "2026-06-01 08:30:00+00:00"]
)
def test_offsets_are_honoured(text: str) -> None:
    assert parse(text) == datetime(2026, 6, 1, 8, 30, tzinfo=UTC)


@pytest.mark.parametrize("garbage", ["yesterday-ish", "", "   ", "2026-13-01", "14:30 today"])
def test_garbage_is_refused_with_the_expected_format(garbage: str) -> None:
    with pytest.raises(InvalidInput, match="ISO-8601 like 2026-03-01T14:30"):
        parse(garbage)


def test_the_future_is_refused_but_a_little_clock_drift_is_not() -> None:
    with pytest.raises(InvalidInput, match="future"):
        parse("2026-06-01T12:30Z")
    assert parse("2026-06-01T12:02Z") > NOW
    assert parse("2026-06-02T12:00Z", allow_future=True) == NOW + timedelta(days=1)


def test_a_date_alone_is_midday_and_today_is_never_in_the_future() -> None:
    assert parse("2026-05-31") == datetime(2026, 5, 31, 10, 0, tzinfo=UTC)
    morning = datetime(2026, 6, 1, 6, 0, tzinfo=UTC)  # 08:00 in Berlin
    assert parse_moment("2026-06-01", "When", tz=BERLIN, now=morning) == morning
    with pytest.raises(InvalidInput, match="future"):
        parse("2026-06-02")


def test_a_time_skipped_by_dst_is_refused() -> None:
    with pytest.raises(InvalidInput, match="doesn't exist"):
        parse("2026-03-29T02:30")


def test_an_ambiguous_time_means_its_first_occurrence() -> None:
    parsed = parse("2026-10-25T02:30", allow_future=True)
    assert parsed == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # still summer time (+2)


@pytest.mark.parametrize(
    "text",
    ["0001-01-01", "1969-12-31T12:00Z", "2101-01-01", "9999-12-31T23:59-05:00"],
)
def test_only_1970_to_2100(text: str) -> None:
    with pytest.raises(InvalidInput, match="between 1970 and 2100"):
        parse(text, allow_future=True)


def test_check_moment_wants_an_offset() -> None:
    with pytest.raises(InvalidInput, match="time zone"):
        check_moment(datetime(2026, 1, 1), "When")


@given(st.text(max_size=40))
def test_parse_never_raises_anything_but_invalid_input(text: str) -> None:
    try:
        parsed = parse(text)
    except InvalidInput as error:
        message = str(error)
    else:
        assert parsed.tzinfo is UTC
        assert parsed <= NOW + validation.FUTURE_TOLERANCE
        return
    assert message.endswith(".")


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
        parsed = parse(text, allow_future=True, tz=tz)
    except InvalidInput as error:
        message = str(error)
    else:
        assert validation.EARLIEST <= parsed <= validation.LATEST
        return
    assert "doesn't exist" in message or "between 1970 and 2100" in message


@given(instants(), zones)
def test_local_wall_time_round_trips(moment: datetime, tz: ZoneInfo) -> None:
    local = to_local(moment, tz)
    parsed = parse_moment(local.replace(tzinfo=None).isoformat(), "When", tz=tz, now=moment)
    if local.fold == 0:
        assert parsed == moment


def test_clamp_brings_stored_edges_inside() -> None:
    assert clamp_moment(datetime(1, 1, 1, tzinfo=UTC)) == validation.EARLIEST
    assert clamp_moment(datetime(9999, 12, 31, tzinfo=UTC)) == validation.LATEST


# -- settings ------------------------------------------------------------------------------


def _leaves(record: object, prefix: str = "") -> set[str]:
    found: set[str] = set()
    for item in dataclasses.fields(record):  # type: ignore[arg-type]
        value = getattr(record, item.name)
        if dataclasses.is_dataclass(value):
            found |= _leaves(value, f"{prefix}{item.name}.")
        else:
            found.add(prefix + item.name)
    return found


def test_every_setting_is_declared_once() -> None:
    keys = [setting.key for setting in declared_settings.SETTINGS]
    assert sorted(keys) == sorted(_leaves(Settings()))
    assert len(set(keys)) == len(keys)


def test_the_defaults_pass_and_round_trip() -> None:
    assert declared_settings.problems(Settings()) == []
    assert declared_settings.from_json(declared_settings.to_json(Settings())) == Settings()


def test_a_full_settings_round_trips_through_the_stored_form() -> None:
    settings = Settings(
        profile=Profile(name="Dana", email="dana@example.org", signature="D.\nPhone"),
        reminders=ReminderPolicy(window_hours=72, nudge_after_hours=2.5, quiet_start=time(21)),
        thank_you_window_hours=12,
        reminders_paused_until=NOW,
    )
    stored = declared_settings.to_json(settings)
    assert declared_settings.from_json(stored) == settings


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (Settings(reminders=ReminderPolicy(window_hours=0)), "between 1 and 336 hours"),
        (Settings(check_in_business_days=61), "between 1 and 60 business days"),
        (Settings(profile=Profile(email="me@localhost")), "needs a full domain"),
        (Settings(profile=Profile(name="Me\x1b")), "control characters"),
        (Settings(reminders=ReminderPolicy(nudge_after_hours=48)), "nudge must come before"),
        (
            Settings(reminders=ReminderPolicy(quiet_start=time(8), quiet_end=time(8))),
            "same time",
        ),
    ],
)
def test_settings_refused(settings: Settings, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        declared_settings.check(settings)


def test_a_bad_stored_value_takes_its_default_when_asked_to_tolerate() -> None:
    seen: list[str] = []
    stored = {"reminders": {"window_hours": "lots", "nudge_after_hours": 3}, "bogus": 1}
    loaded = declared_settings.from_json(
        stored, on_bad=lambda setting, _e: seen.append(setting.key)
    )
    assert loaded.reminders == ReminderPolicy(nudge_after_hours=3)
    assert seen == ["reminders.window_hours"]
    with pytest.raises(InvalidInput, match="wrong kind"):
        declared_settings.from_json(stored)


def test_a_stored_pause_end_from_before_the_rules_is_kept_clamped() -> None:
    stored = {"reminders_paused_until": "9999-01-01T00:00:00+00:00"}
    loaded = declared_settings.from_json(stored, on_bad=lambda *_: None)
    assert loaded.reminders_paused_until == validation.LATEST
    with pytest.raises(InvalidInput, match="between 1970 and 2100"):
        declared_settings.from_json(stored)
