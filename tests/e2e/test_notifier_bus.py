"""FreedesktopNotifier in this process against a private bus and the recording server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.native.notifications import (
    FreedesktopNotifier,
    NotifierUnavailableError,
    choose_notifier,
)
from tests.e2e import services
from tests.e2e.conftest import require

pytestmark = pytest.mark.e2e


@pytest.fixture
def bus(tmp_path: Path) -> Iterator[tuple[str, services.Processes]]:
    require("dbus-daemon")
    processes = services.Processes()
    try:
        yield services.start_bus(processes, tmp_path), processes
    finally:
        processes.stop_all()


def test_notify_returns_an_id_and_a_click_names_the_request(
    qtbot: QtBot, tmp_path: Path, bus: tuple[str, services.Processes]
) -> None:
    address, processes = bus
    record = tmp_path / "record.jsonl"
    services.start_recording_server(
        processes, dict(os.environ, DBUS_SESSION_BUS_ADDRESS=address), record
    )
    notifier = FreedesktopNotifier(bus_address=address)
    try:
        assert notifier.describe() == "Desktop notifications over D-Bus (askwhy-recorder 1)"
        with qtbot.waitSignal(notifier.delivered, timeout=10_000) as delivered:
            notifier.notify("1 hour left to ask Acme why", "Engineer at <i>Acme</i> & Co", 42)
        (entry,) = services.read_records(record)
        assert delivered.args == [entry["id"]]
        assert entry["summary"] == "1 hour left to ask Acme why"
        assert entry["body"] == "Engineer at &lt;i&gt;Acme&lt;/i&gt; &amp; Co"
        with qtbot.waitSignal(notifier.activated, timeout=10_000) as activated:
            services.click_notification(address, entry["id"])
        assert activated.args == [42]
    finally:
        notifier.close()


def test_chain_skips_a_bus_without_a_server(
    qtbot: QtBot, bus: tuple[str, services.Processes]
) -> None:
    address, _processes = bus
    with pytest.raises(NotifierUnavailableError, match="no notification server"):
        FreedesktopNotifier(bus_address=address)
    chosen = choose_notifier(platform="linux", bus_address=address, prefer="freedesktop")
    try:
        assert chosen.name != "freedesktop"
    finally:
        chosen.close()


def test_resume_signal_from_logind_is_heard(
    qtbot: QtBot, bus: tuple[str, services.Processes]
) -> None:
    from jeepney import DBusAddress, new_signal  # type: ignore[import-untyped]  # noqa: PLC0415
    from jeepney.bus_messages import message_bus  # type: ignore[import-untyped]  # noqa: PLC0415
    from jeepney.io.blocking import open_dbus_connection  # type: ignore[import-untyped]  # noqa: PLC0415

    from desktop.native.power import LOGIN1_MANAGER, LOGIN1_NAME, LOGIN1_PATH, ResumeWatcher  # noqa: PLC0415

    address, _processes = bus
    watcher = ResumeWatcher.start(address)
    assert watcher is not None
    try:
        with open_dbus_connection(bus=address) as logind:
            # A stand-in logind: it owns the name, so the watcher's sender filter matches.
            logind.send_and_get_reply(message_bus.RequestName(LOGIN1_NAME), timeout=5)
            emitter = DBusAddress(LOGIN1_PATH, interface=LOGIN1_MANAGER)
            logind.send(new_signal(emitter, "PrepareForSleep", "b", (True,)))
            with qtbot.waitSignal(watcher.resumed, timeout=10_000):
                logind.send(new_signal(emitter, "PrepareForSleep", "b", (False,)))
    finally:
        watcher.close()


def test_no_logind_means_no_watcher(tmp_path: Path) -> None:
    from desktop.native.power import ResumeWatcher  # noqa: PLC0415

    assert ResumeWatcher.start(f"unix:path={tmp_path / 'nothing'}") is None
