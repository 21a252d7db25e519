"""A rejection found in the mail, as a notification on a private bus: its two buttons and its
click say which finding they are about; a server without buttons gets a plain one."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.e2e import services
from tests.e2e.conftest import notifier_with_server

pytestmark = pytest.mark.e2e


def test_a_finding_has_log_and_ask_and_not_a_rejection(
    qtbot: QtBot, tmp_path: Path, bus: tuple[str, services.Processes]
) -> None:
    notifier, record = notifier_with_server(tmp_path, bus, actions=True)
    address, _processes = bus
    try:
        with qtbot.waitSignal(notifier.delivered, timeout=10_000):
            notifier.notify_finding("Acme said no to Analyst — ask why now?", "<b>Dana</b>", 9)
        (entry,) = services.read_records(record)
        assert entry["actions"] == [
            "default",
            "Show",
            "mail-log",
            "Log and ask",
            "mail-dismiss",
            "Not a rejection",
        ]
        assert entry["hints"]["category"] == "email.arrived"
        assert entry["body"] == "&lt;b&gt;Dana&lt;/b&gt;"
        for action, signal in [
            ("mail-log", notifier.finding_log_requested),
            ("mail-dismiss", notifier.finding_dismissed),
            ("default", notifier.finding_clicked),
        ]:
            with qtbot.waitSignal(signal, timeout=10_000) as chosen:
                services.click_notification(address, entry["id"], action)
            assert chosen.args == [9], action
    finally:
        notifier.close()


def test_without_buttons_a_finding_is_a_plain_notification(
    qtbot: QtBot, tmp_path: Path, bus: tuple[str, services.Processes]
) -> None:
    notifier, record = notifier_with_server(tmp_path, bus, actions=False)
    try:
        with qtbot.waitSignal(notifier.delivered, timeout=10_000):
            notifier.notify_finding("Acme said no — ask why now?", "From Dana", 9)
        (entry,) = services.read_records(record)
    finally:
        notifier.close()
    assert entry["actions"] == []
    assert entry["summary"] == "Acme said no — ask why now?"
