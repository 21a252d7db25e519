"""The notifier chain: order, fallbacks, escaping, and what the settings dialog shows."""

from __future__ import annotations

import importlib.util

import pytest
from pytestqt.qtbot import QtBot

from desktop.native.notifications import (
    NotifierUnavailableError,
    NullNotifier,
    PlyerNotifier,
    backend_order,
    choose_notifier,
    describe_backend,
    escape_markup,
    send_test_notification,
    session_bus_address,
)
from tests.fakes import RecordingNotifier


def unavailable(reason: str):  # type: ignore[no-untyped-def]
    def factory():  # type: ignore[no-untyped-def]
        raise NotifierUnavailableError(reason)

    return factory


def test_linux_tries_freedesktop_then_plyer_then_tray_then_nothing():
    assert backend_order("linux") == ("freedesktop", "plyer", "tray", "none")
    assert backend_order("win32") == ("plyer", "tray", "none")


def test_first_working_backend_wins_and_failures_are_logged(qtbot: QtBot, caplog):
    caplog.set_level("INFO")
    recording = RecordingNotifier()
    chosen = choose_notifier(
        platform="linux",
        prefer="",
        factories={
            "freedesktop": unavailable("no notification server answers"),
            "plyer": lambda: recording,
        },
    )
    assert chosen is recording
    assert "freedesktop unavailable: no notification server answers" in caplog.text
    assert "notifications go through: Recording notifier (tests)" in caplog.text


def test_everything_unavailable_ends_in_the_null_notifier(qtbot: QtBot):
    chosen = choose_notifier(
        platform="linux",
        prefer="",
        factories={name: unavailable(name) for name in ("freedesktop", "plyer", "tray")},
    )
    assert isinstance(chosen, NullNotifier)
    assert "No notifications" in describe_backend(chosen)


def test_prefer_starts_the_chain_later(qtbot: QtBot):
    recording = RecordingNotifier()
    chosen = choose_notifier(platform="linux", prefer="tray", factories={"tray": lambda: recording})
    assert chosen is recording


def test_tray_backend_needs_a_tray(qtbot: QtBot):
    chosen = choose_notifier(
        platform="linux",
        prefer="tray",
        tray=None,
    )
    assert isinstance(chosen, NullNotifier)


def test_plyer_on_linux_refuses_without_a_way_to_reach_the_server(qtbot: QtBot, monkeypatch):
    if importlib.util.find_spec("dbus") is not None:
        pytest.skip("dbus-python is installed: plyer would use it rather than notify-send")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
    with pytest.raises(NotifierUnavailableError, match="notify-send"):
        PlyerNotifier(platform="linux", which=lambda _name: None)


def test_session_bus_address_falls_back_to_the_runtime_dir(tmp_path):
    (tmp_path / "bus").touch()
    env = {"XDG_RUNTIME_DIR": str(tmp_path)}
    assert session_bus_address(env) == f"unix:path={tmp_path / 'bus'}"
    assert session_bus_address({"DBUS_SESSION_BUS_ADDRESS": "unix:abstract=x"}) == "unix:abstract=x"
    with pytest.raises(NotifierUnavailableError):
        session_bus_address({})


def test_markup_is_escaped():
    assert escape_markup("<b>Acme</b> & Sons") == "&lt;b&gt;Acme&lt;/b&gt; &amp; Sons"


def test_test_notification_and_click(qtbot: QtBot):
    recording = RecordingNotifier()
    send_test_notification(recording)
    assert recording.sent[0].title == "AskWhy notifications work"
    with qtbot.waitSignal(recording.activated_without_request):
        recording.click()


class FailingPlyerFacade:
    """plyer's `notification` facade when the platform has no way to show anything."""

    def notify(self, **_kwargs: object) -> None:
        raise OSError("no notification service answered")


def test_a_message_that_fails_to_show_is_handed_on_for_the_tray(qtbot: QtBot):
    notifier = PlyerNotifier(platform="win32", notification=FailingPlyerFacade())
    with (
        qtbot.waitSignal(notifier.failed, timeout=5000),
        qtbot.waitSignal(notifier.undelivered, timeout=5000) as undelivered,
    ):
        notifier.notify("Last call", "1 hour left to ask Acme & Co why", 7, urgent=True)
    # The raw body travels on: the tray shows plain text, so nothing is escaped twice.
    assert undelivered.args == ["Last call", "1 hour left to ask Acme & Co why", 7, True]
    assert notifier.wait_idle()
