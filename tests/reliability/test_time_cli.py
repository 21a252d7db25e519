"""Time moved through the real command line: `log-rejection --notified-at` in the past.

The child runs in a fixed-offset zone chosen so that its local time is early afternoon now:
quiet hours (22:00-08:00) then cannot move the reminders this test predicts, whenever it runs.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from tests.reliability.support import (
    askwhy_argv,
    db_path,
    describe,
    private_env,
    query,
    run_askwhy,
    started,
    wait_until,
)

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


def _status(data_dir: Path, company: str) -> str:
    rows = query(
        db_path(data_dir),
        "SELECT q.status FROM follow_up_requests q JOIN applications a"
        " ON a.id = q.application_id WHERE a.company = ?",
        (company,),
    )
    assert len(rows) == 1, rows
    return str(rows[0][0])


def test_notified_three_days_ago_expires_when_the_app_runs(tmp_path: Path, data_dir: Path) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    zone, _offset = _afternoon_zone(now)
    env = private_env(tmp_path / "session", tz=zone)
    _log(env, data_dir, "Long Gone Co", now - timedelta(days=3))
    _log(env, data_dir, "Fresh Co", now - timedelta(hours=1))
    items = {i["company"]: i for i in _due(env, data_dir)}
    # Until the app has run, the CLI lists it as the most urgent item: closed, nothing ahead.
    stale = items["Long Gone Co"]
    assert datetime.fromisoformat(stale["window_closes_at"]) <= now, stale
    assert stale["next_reminder_at"] is None, f"a reminder after the window closed: {stale}"
    assert items["Fresh Co"]["next_reminder_at"] is not None, items["Fresh Co"]
    # The app's catch-up at start expires it (no pop-up burst: it had no reminder left).
    with started(
        askwhy_argv("--data-dir", str(data_dir), "--minimized"),
        env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    ) as app:
        wait_until(
            lambda: _status(data_dir, "Long Gone Co") == "expired" or app.poll() is not None,
            timeout=60,
            what="the app to expire the closed request",
        )
        assert app.poll() is None, app.stderr.read() if app.stderr else ""
    assert _status(data_dir, "Fresh Co") == "draft"
    after = {i["company"]: i for i in _due(env, data_dir)}
    assert after.get("Long Gone Co", {}).get("status") in (None, "expired"), after
    assert after["Fresh Co"]["status"] == "draft", after


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


def _compile_zone(directory: Path, name: str, before: int, after: int, at: datetime) -> None:
    """A zone whose UTC offset goes from `before` to `after` hours at `at`: DST, made to fall
    inside this test's 48 h window whenever it runs (real zones change twice a year)."""
    zic = shutil.which("zic")
    if zic is None:
        pytest.skip("zic (libc-bin) is not installed: cannot build a test time zone")
    standard = min(before, after)
    directory.mkdir(parents=True, exist_ok=True)
    source = directory.parent / "zones.txt"
    source.write_text(
        f"Rule\tShift\t1970\tonly\t-\tJan\t1\t0:00u\t{before - standard}:00\tX\n"
        f"Rule\tShift\t{at.year}\tonly\t-\t{at:%b}\t{at.day}\t{at:%H:%M}u"
        f"\t{after - standard}:00\tY\n"
        f"Zone\t{name}\t{standard}:00\tShift\tT%s\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [zic, "-d", str(directory), str(source)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(("before", "after"), [(1, 2), (2, 1)], ids=["spring", "autumn"])
def test_window_across_a_dst_change(
    before: int, after: int, tmp_path: Path, data_dir: Path
) -> None:
    """48 h are 48 real hours across the change; times come back in the new local offset."""
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    change = now.replace(minute=0) + timedelta(hours=10)
    zones = tmp_path / "zoneinfo"
    _compile_zone(zones, "Test/Shift", before, after, change)
    env = private_env(tmp_path / "session", tz="Test/Shift", extra={"PYTHONTZPATH": str(zones)})
    local_before = timezone(timedelta(hours=before))
    # Typed as the user would: a wall time without an offset, in the zone's current offset.
    notified_wall = (now - timedelta(hours=1)).astimezone(local_before).replace(tzinfo=None)
    result = run_askwhy(
        env,
        data_dir,
        "log-rejection",
        "--company",
        "Shift Co",
        "--role",
        "Analyst",
        "--notified-at",
        notified_wall.isoformat(timespec="minutes"),
        "--no-gui",
    )
    assert result.returncode == 0, describe(result)
    [item] = [i for i in _due(env, data_dir) if i["company"] == "Shift Co"]
    closes = _aware(item["window_closes_at"], timedelta(hours=after))
    notified = notified_wall.replace(tzinfo=local_before)
    assert closes == notified + WINDOW, item
    # On the wall clock the window is an hour longer or shorter than 48 h.
    wall_hours = (closes.replace(tzinfo=None) - notified_wall) / timedelta(hours=1)
    assert wall_hours == 48 + after - before, item
