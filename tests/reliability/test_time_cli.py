"""Time moved through the real command line: `log-rejection --notified-at` in the past.

The child runs in a fixed-offset zone chosen so that its local time is early afternoon now:
quiet hours (22:00-08:00) then cannot move the reminders this test predicts, whenever it runs.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from tests.reliability.support import describe, private_env, run_askwhy

TOLERANCE = timedelta(seconds=2)
WINDOW = timedelta(hours=48)  # ReminderPolicy.window_hours
LAST_CALL_BEFORE = timedelta(hours=1)


def _afternoon_zone(now: datetime) -> tuple[str, timedelta]:
    """An Etc/GMT zone where `now` is about 13:00 (Etc/GMT-3 is UTC+3: the sign flips)."""
    offset = (13 - now.hour) % 24
    if offset > 12:
        offset -= 24
    name = "Etc/GMT" if offset == 0 else f"Etc/GMT{-offset:+d}"
    return name, timedelta(hours=offset)


def _due(env: dict[str, str], data_dir: Path) -> list[dict[str, Any]]:
    result = run_askwhy(env, data_dir, "due", "--json")
    assert result.returncode == 0, describe(result)
    items: list[dict[str, Any]] = json.loads(result.stdout)
    return items


def _log(env: dict[str, str], data_dir: Path, company: str, notified: datetime) -> None:
    result = run_askwhy(
        env,
        data_dir,
        "log-rejection",
        "--company",
        company,
        "--role",
        "Platform Engineer",
        "--notified-at",
        notified.isoformat(),
        "--no-gui",
    )
    assert result.returncode == 0, describe(result)


def _aware(text: str, offset: timedelta) -> datetime:
    moment = datetime.fromisoformat(text)
    assert moment.utcoffset() == offset, f"{text} is not in the user's zone ({offset})"
    return moment


def test_notified_almost_48_hours_ago_leaves_the_last_call(tmp_path: Path, data_dir: Path) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    zone, offset = _afternoon_zone(now)
    env = private_env(tmp_path / "session", tz=zone)
    notified = now - WINDOW + timedelta(minutes=90)  # the window closes in 1.5 h
    _log(env, data_dir, "Almost Closed Co", notified)
    [item] = [i for i in _due(env, data_dir) if i["company"] == "Almost Closed Co"]
    assert (item["kind"], item["status"]) == ("feedback", "draft"), item
    closes = _aware(item["window_closes_at"], offset)
    assert abs(closes - (notified + WINDOW)) <= TOLERANCE, item
    assert item["next_reminder_at"] is not None, item
    reminder = _aware(item["next_reminder_at"], offset)
    # The nudge (2 h in) and "closing" (8 h before) are long past: the next one is last call.
    assert abs(reminder - (closes - LAST_CALL_BEFORE)) <= TOLERANCE, item


def test_notified_three_days_ago_is_past_its_window(tmp_path: Path, data_dir: Path) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    zone, _offset = _afternoon_zone(now)
    env = private_env(tmp_path / "session", tz=zone)
    _log(env, data_dir, "Long Gone Co", now - timedelta(days=3))
    _log(env, data_dir, "Fresh Co", now - timedelta(hours=1))
    items = _due(env, data_dir)
    fresh = [i for i in items if i["company"] == "Fresh Co"]
    assert [i["status"] for i in fresh] == ["draft"], items  # the check below can tell
    stale = [i for i in items if i["company"] == "Long Gone Co"]
    assert all(i["status"] != "draft" for i in stale), stale
    for item in stale:
        assert (
            item["next_reminder_at"] is None
            or datetime.fromisoformat(item["next_reminder_at"]) <= now
        ), f"a closed window still has a reminder ahead: {item}"


def test_offset_in_notified_at_is_honoured(tmp_path: Path, data_dir: Path) -> None:
    """A time with an explicit offset means that instant, whatever the machine's zone."""
    now = datetime.now(UTC).replace(microsecond=0)
    zone, offset = _afternoon_zone(now)
    env = private_env(tmp_path / "session", tz=zone)
    far_zone = timedelta(hours=-9, minutes=-30)  # not the user's zone, not whole hours
    notified = (now - timedelta(hours=5)).astimezone(timezone(far_zone))
    _log(env, data_dir, "Offset Co", notified)
    [item] = [i for i in _due(env, data_dir) if i["company"] == "Offset Co"]
    closes = _aware(item["window_closes_at"], offset)
    assert abs(closes - (notified + WINDOW)) <= TOLERANCE, item
