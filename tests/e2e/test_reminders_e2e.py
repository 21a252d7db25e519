"""The real app process, on a real X display and a private D-Bus, against real servers.

Each test logs rejections through the real CLI, starts `askwhy` (the installed script) with
DISPLAY, DBUS_SESSION_BUS_ADDRESS and ASKWHY_DATA_DIR pointing at its own servers, and looks
at what arrived on the bus. Time passing while AskWhy is closed is simulated by moving the
stored instants into the past (`shift_database_times`), not by patching a clock.
"""

from __future__ import annotations

import json
import re
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.core.user_text import isolate
from tests.e2e import services

pytestmark = pytest.mark.e2e

NOTIFY_DEADLINE = 20.0  # seconds; generous for a loaded CI machine


def log_rejection(desktop: services.Desktop, company: str, notified_ago: timedelta) -> None:
    notified = (datetime.now(UTC) - notified_ago).isoformat(timespec="seconds")
    result = desktop.run_cli(
        "log-rejection",
        "--company",
        company,
        "--role",
        "Engineer",
        "--notified-at",
        notified,
        "--no-gui",
    )
    assert result.returncode == 0, result.stderr


def wait_running(
    desktop: services.Desktop, process: subprocess.Popen[bytes], count: int = 1
) -> None:
    """Until the app logged that it is up (its first reminder check is done by then)."""

    def running() -> bool:
        assert process.poll() is None, desktop.app_log()
        return desktop.app_log().count(" is running (notifications:") >= count

    services.wait_for(running, NOTIFY_DEADLINE, "the app to start")


def quit_app(desktop: services.Desktop, process: subprocess.Popen[bytes]) -> None:
    services.stop(process, timeout=10)
    # SIGTERM is a clean quit: the handler wakes the Qt loop, exit code 0.
    assert process.returncode == 0, desktop.app_log()


def test_app_sends_notify_and_gets_an_id(desktop: services.Desktop, recorder: Path) -> None:
    # The nudge (2 h in) falls due a few seconds after the app starts.
    log_rejection(desktop, "Acme", timedelta(hours=2) - timedelta(seconds=4))
    app = desktop.start_app("--minimized")
    records = services.wait_for(lambda: services.read_records(recorder), NOTIFY_DEADLINE, "Notify")
    assert records[0]["app_name"] == "AskWhy"
    assert "Acme" in records[0]["summary"]
    assert records[0]["actions"] == [
        "default",
        "Open",
        "open",
        "Open draft",
        "snooze-1h",
        "Snooze 1 h",
    ]
    assert records[0]["hints"]["desktop-entry"] == "io.github.askwhy.AskWhy"
    # The app got the server's answer: it logs the id the server returned.
    services.wait_for(
        lambda: f"Notify answered with id {records[0]['id']}:" in desktop.app_log(),
        5,
        "the app to log the id",
    )
    # The day's automatic backup is taken in the background after start-up.
    backups = Path(desktop.env["ASKWHY_DATA_DIR"]) / "backups"
    services.wait_for(lambda: list(backups.glob("askwhy-*-daily.sqlite3")), 10, "the daily backup")
    quit_app(desktop, app)


def test_rejection_logged_47h30m_ago_gets_a_last_call_at_start(
    desktop: services.Desktop, recorder: Path
) -> None:
    """Issue 4's scenario: the window closes in 30 min, so the start must say "last call".

    This needs the plan of a backdated rejection to keep its latest reminder that is already
    due (core.reminders.plan_reminders with `now` drops every past one today).
    """
    log_rejection(desktop, "Acme", timedelta(hours=47, minutes=30))
    started = time.time()
    app = desktop.start_app("--minimized")
    records = services.wait_for(lambda: services.read_records(recorder), NOTIFY_DEADLINE, "Notify")
    assert len(records) == 1
    assert records[0]["summary"].startswith("Last call:")
    assert "Acme" in records[0]["summary"]
    assert records[0]["received_at"] - started < 10
    quit_app(desktop, app)

    again = desktop.start_app("--minimized")
    wait_running(desktop, again, count=2)
    time.sleep(1.0)
    assert len(services.read_records(recorder)) == 1
    quit_app(desktop, again)


def test_last_call_on_the_timer_then_never_again_after_restart(
    desktop: services.Desktop, recorder: Path
) -> None:
    # The last call (47 h in) falls due a few seconds after the app has started.
    log_rejection(desktop, "Acme", timedelta(hours=47) - timedelta(seconds=5))
    app = desktop.start_app("--minimized")
    wait_running(desktop, app)
    records = services.wait_for(lambda: services.read_records(recorder), NOTIFY_DEADLINE, "Notify")
    assert records[0]["summary"] == "Last call: 1 hour left to ask Acme why"
    assert records[0]["hints"]["urgency"] == 2
    quit_app(desktop, app)

    again = desktop.start_app("--minimized")
    wait_running(desktop, again, count=2)
    # The start-up check is what could repeat it; the next timer wake is a minute away.
    time.sleep(1.0)
    assert len(services.read_records(recorder)) == 1
    quit_app(desktop, again)


def test_reminders_missed_while_closed_arrive_once_grouped(
    desktop: services.Desktop, recorder: Path
) -> None:
    for company in ("Acme", "Globex", "Initech"):
        log_rejection(desktop, company, timedelta(minutes=10))
    # Five hours pass with AskWhy closed: each nudge (2 h in) fell due meanwhile.
    services.shift_database_times(desktop.workdir / "data" / "askwhy.sqlite3", -5 * 3600)
    app = desktop.start_app("--minimized")
    records = services.wait_for(lambda: services.read_records(recorder), NOTIFY_DEADLINE, "Notify")
    wait_running(desktop, app)
    time.sleep(1.0)
    records = services.read_records(recorder)
    assert len(records) == 1, records
    assert records[0]["summary"] == "While you were away: 3 follow-ups need you"
    for company in ("Acme", "Globex", "Initech"):
        assert company in records[0]["body"]
    quit_app(desktop, app)

    again = desktop.start_app("--minimized")
    wait_running(desktop, again, count=2)
    time.sleep(1.0)
    assert len(services.read_records(recorder)) == 1
    quit_app(desktop, again)


def test_notification_click_opens_the_request(desktop: services.Desktop, recorder: Path) -> None:
    log_rejection(desktop, "Acme", timedelta(hours=2) - timedelta(seconds=3))
    app = desktop.start_app("--minimized")
    records = services.wait_for(lambda: services.read_records(recorder), NOTIFY_DEADLINE, "Notify")
    services.click_notification(desktop.bus, records[0]["id"])
    services.wait_for(
        lambda: "opening request 1" in desktop.app_log(), 10, "the app to open the request"
    )
    quit_app(desktop, app)


def test_second_launch_hands_over_and_exits(desktop: services.Desktop, recorder: Path) -> None:
    app = desktop.start_app("--minimized")
    wait_running(desktop, app)
    started = time.monotonic()
    result = desktop.run_cli("log-rejection", "--company", "Globex", "--role", "Analyst")
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 30
    # The running instance wrote it (the second launch never opened the store) and says what
    # it logged, in the same words as `--no-gui`.
    assert result.stdout.startswith("Logged the rejection from Globex, Analyst (new application).")
    assert "(request #1)." in result.stdout
    services.wait_for(
        lambda: "opening request 1" in desktop.app_log(), 10, "the first instance to open it"
    )
    assert "handed over by a second launch: request 1" in desktop.app_log()
    assert app.poll() is None
    due = desktop.run_cli("due", "--json")
    assert due.returncode == 0, due.stderr
    assert [item["company"] for item in json.loads(due.stdout)] == ["Globex"]
    quit_app(desktop, app)


def test_real_dunst_answers_notify(
    desktop: services.Desktop, dunst: subprocess.Popen[bytes]
) -> None:
    log_rejection(desktop, "Acme", timedelta(hours=2) - timedelta(seconds=4))
    app = desktop.start_app("--minimized")
    services.wait_for(
        lambda: re.search(r"Notify answered with id \d+: .*Acme", desktop.app_log()),
        NOTIFY_DEADLINE,
        "dunst to answer Notify",
    )
    assert "server dunst" in desktop.app_log()
    history = subprocess.run(
        ["dunstctl", "count", "displayed"],
        env=desktop.env,
        capture_output=True,
        text=True,
        timeout=10,
        check=False,
    )
    if history.returncode == 0:
        assert int(history.stdout.strip() or "0") >= 1
    quit_app(desktop, app)


def test_tray_icon_docks_and_menu_lists_the_due_request(
    desktop: services.Desktop, recorder: Path, trayer: subprocess.Popen[bytes]
) -> None:
    log_rejection(desktop, "Acme", timedelta(hours=3))
    app = desktop.start_app("--minimized")
    wait_running(desktop, app)
    assert "tray icon shown (tray available: True)" in desktop.app_log()

    def our_icon() -> services.XWindow | None:
        for window in services.docked_windows(desktop.env):
            if services.window_pid(desktop.env, window.id) == app.pid:
                return window
        return None

    icon = services.wait_for(our_icon, 10, "the icon to dock in trayer")
    assert "tray icon state: due" in desktop.app_log()
    services.right_click(desktop.env, icon)
    opened = services.wait_for(
        lambda: re.search(r"tray menu opened: (.*)", desktop.app_log()), 10, "the tray menu"
    )
    entries = opened.group(1).split(" | ")
    assert entries[:2] == ["Open AskWhy", "Log rejection…"]
    due = re.escape(f"{isolate('Acme')} — {isolate('Engineer')}: 1 d ") + r"2\d h left"
    assert any(re.fullmatch(due, e) for e in entries), entries
    assert "Snooze all" in entries
    assert "Pause reminders" in entries
    quit_app(desktop, app)


def test_visible_window_with_a_tray_still_quits_on_sigterm(
    desktop: services.Desktop, recorder: Path, trayer: subprocess.Popen[bytes]
) -> None:
    """With a tray, the window's close means "hide"; quitting must still close it.

    (Qt 6's quit() first closes every window and gives up if one refuses; the signal path
    once did exactly that and the app never exited.)
    """
    app = desktop.start_app()
    wait_running(desktop, app)
    assert "tray icon shown (tray available: True)" in desktop.app_log()
    quit_app(desktop, app)
