"""Notification buttons (issue 15, item 2): "Open draft", "Snooze 1 h" and, on a last call,
"Skip"; the hints; one notification per request, replaced in place.

First the notifier in this process against a private bus and the recording server; then the
real app, whose buttons are pressed over D-Bus (ActionInvoked) and judged by the database
and the window.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop import APP_ID
from desktop.core.user_text import isolate
from tests.e2e import services, x11
from tests.e2e.conftest import notifier_with_server, require
from tests.e2e.test_reminders_e2e import NOTIFY_DEADLINE, log_rejection, quit_app, wait_running

pytestmark = pytest.mark.e2e

BUTTONS = ["default", "Open", "open", "Open draft", "snooze-1h", "Snooze 1 h"]


def test_reminders_carry_buttons_hints_and_replace_each_other(
    qtbot: QtBot, tmp_path: Path, bus: tuple[str, services.Processes]
) -> None:
    notifier, record = notifier_with_server(tmp_path, bus, actions=True)
    try:
        assert notifier.supports_actions
        for title, request_id, urgent in [
            ("Nudge", 42, False),
            ("Last call", 42, True),
            ("Other", 7, False),
            ("While you were away", None, False),
        ]:
            with qtbot.waitSignal(notifier.delivered, timeout=10_000):
                notifier.notify(title, "Engineer at Acme", request_id, urgent=urgent)
        nudge, last_call, other, away = services.read_records(record)
    finally:
        notifier.close()
    assert nudge["actions"] == BUTTONS
    assert last_call["actions"] == [*BUTTONS, "skip", "Skip"]
    assert away["actions"] == ["default", "Open"], "no request: nothing to snooze or skip"
    assert nudge["hints"] == {
        "desktop-entry": APP_ID,
        "urgency": 1,
        "category": "x-askwhy.reminder",
    }
    assert last_call["hints"]["urgency"] == 2
    # The last call replaces the nudge of the same request; another request stacks.
    assert (nudge["replaces_id"], last_call["replaces_id"]) == (0, nudge["id"])
    assert last_call["id"] == nudge["id"]
    assert other["replaces_id"] == 0


def test_each_button_says_what_the_user_chose(
    qtbot: QtBot, tmp_path: Path, bus: tuple[str, services.Processes]
) -> None:
    notifier, record = notifier_with_server(tmp_path, bus, actions=True)
    address, _processes = bus
    try:
        with qtbot.waitSignal(notifier.delivered, timeout=10_000):
            notifier.notify("Last call", "Engineer at Acme", 42, urgent=True)
        (entry,) = services.read_records(record)
        for action, signal in [
            ("snooze-1h", notifier.snooze_requested),
            ("skip", notifier.skip_requested),
            ("open", notifier.activated),
            ("default", notifier.activated),
        ]:
            with qtbot.waitSignal(signal, timeout=10_000) as chosen:
                services.click_notification(address, entry["id"], action)
            assert chosen.args == [42], action
    finally:
        notifier.close()


def test_a_server_without_actions_gets_no_buttons(
    qtbot: QtBot, tmp_path: Path, bus: tuple[str, services.Processes]
) -> None:
    notifier, record = notifier_with_server(tmp_path, bus, actions=False)
    try:
        assert not notifier.supports_actions
        with qtbot.waitSignal(notifier.delivered, timeout=10_000):
            notifier.notify("Last call", "Engineer at Acme", 42, urgent=True)
        (entry,) = services.read_records(record)
    finally:
        notifier.close()
    assert entry["actions"] == []
    assert entry["hints"]["urgency"] == 2


# -- the real app ----------------------------------------------------------------------------


def _pending_reminders(desktop: services.Desktop) -> list[datetime]:
    """When the request's unfired reminders will fire, read from the database file."""
    connection = sqlite3.connect(Path(desktop.env["ASKWHY_DATA_DIR"]) / "askwhy.sqlite3")
    try:
        rows = connection.execute(
            "SELECT coalesce(snoozed_until, due_at) FROM reminders "
            "WHERE fired_at IS NULL AND NOT missed"
        ).fetchall()
    finally:
        connection.close()
    times = [datetime.fromisoformat(str(value)) for (value,) in rows]
    return sorted(t if t.tzinfo else t.replace(tzinfo=UTC) for t in times)


def test_snooze_moves_the_reminder_and_open_draft_opens_the_editor(
    desktop: services.Desktop, recorder: Path
) -> None:
    require("xdotool", "xwininfo")
    # The nudge (2 h in) falls due a few seconds after the app starts.
    log_rejection(desktop, "Acme", timedelta(hours=2) - timedelta(seconds=4))
    app = desktop.start_app("--minimized")
    wait_running(desktop, app)
    records = services.wait_for(lambda: services.read_records(recorder), NOTIFY_DEADLINE, "Notify")
    assert records[0]["actions"] == BUTTONS
    before = _pending_reminders(desktop)
    assert before[0] > datetime.now(UTC) + timedelta(hours=30), "next: 'closing', 40 h in"

    snoozed_at = datetime.now(UTC)
    services.click_notification(desktop.bus, records[0]["id"], "snooze-1h")
    moved = services.wait_for(
        lambda: (pending := _pending_reminders(desktop)) != before and pending,
        10,
        "the snooze to reach the database",
    )
    hour = snoozed_at + timedelta(hours=1)
    assert hour - timedelta(seconds=5) < moved[0] < hour + timedelta(seconds=30)
    # The window confirms it, with the time the reminder comes back.
    assert re.search(
        r"from its notification: snoozed until \w{3} \d+ \w{3} \d\d:\d\d", desktop.app_log()
    )

    services.click_notification(desktop.bus, records[0]["id"], "open")

    def editor() -> list[str]:
        names = [x11.window_name(desktop.env, w) for w in x11.visible_windows(desktop.env, app.pid)]
        return [
            name for name in names if name.endswith(f"— {isolate('Acme')}, {isolate('Engineer')}")
        ]

    services.wait_for(editor, 10, "the request editor to open")
    quit_app(desktop, app)
