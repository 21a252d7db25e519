"""Fixtures for the end-to-end tests: a real display, a private bus, real servers.

Each fixture starts its processes itself and stops them at teardown, whatever the test did.
A missing binary skips the test with the apt line to run, unless we run as root: CI runs as
root and `make test` installs the packages there, so a missing binary in CI is a failure.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.e2e import services

if TYPE_CHECKING:
    from desktop.native.notifications import FreedesktopNotifier


def require(*binaries: str) -> None:
    missing = services.missing_binaries(*binaries)
    if not missing:
        return
    message = f"missing {', '.join(missing)}: {services.apt_line(missing)}"
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.fail(message + " (running as root, so `make test` should have installed it)")
    pytest.skip(message)


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[services.Desktop]:
    require("Xvfb", "dbus-daemon")
    with services.desktop(tmp_path) as session:
        yield session


@pytest.fixture
def recorder(desktop: services.Desktop) -> Path:
    """A recording notification server on the private bus; the path of its record."""
    record = desktop.workdir / "notifications.jsonl"
    services.start_recording_server(desktop.processes, desktop.env, record)
    return record


@pytest.fixture
def dunst(desktop: services.Desktop) -> subprocess.Popen[bytes]:
    require("dunst")
    config = desktop.workdir / "dunstrc"
    # No user config: dunst's defaults, and nothing read from the developer's home.
    config.write_text("[global]\n    follow = none\n", encoding="utf-8")
    with services.log_to(desktop.workdir / "dunst.log") as log:
        process = desktop.processes.add(
            subprocess.Popen(
                ["dunst", "-config", str(config)],
                env=desktop.env,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        )
    services.wait_for(
        lambda: services.name_has_owner(desktop.bus, "org.freedesktop.Notifications"),
        10,
        "dunst to own org.freedesktop.Notifications",
    )
    return process


@pytest.fixture
def trayer(desktop: services.Desktop) -> subprocess.Popen[bytes]:
    require("trayer", "xwininfo", "xdotool")
    return services.start_trayer(desktop)


@pytest.fixture
def bus(tmp_path: Path) -> Iterator[tuple[str, services.Processes]]:
    require("dbus-daemon")
    processes = services.Processes()
    try:
        yield services.start_bus(processes, tmp_path), processes
    finally:
        processes.stop_all()


def notifier_with_server(
    tmp_path: Path, bus: tuple[str, services.Processes], *, actions: bool
) -> tuple[FreedesktopNotifier, Path]:
    """The freedesktop notifier in this process, talking to a recording server on `bus`."""
    from desktop.native.notifications import FreedesktopNotifier  # noqa: PLC0415 - loads Qt

    address, processes = bus
    record = tmp_path / "record.jsonl"
    env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=address)
    services.start_recording_server(processes, env, record, actions=actions)
    return FreedesktopNotifier(bus_address=address), record
