"""Start at login: written for real on Linux (into a tmp config home), unit-checked elsewhere."""

from __future__ import annotations

import configparser
import plistlib
import shlex
from pathlib import Path

from desktop.native.autostart import (
    WINDOWS_RUN_KEY,
    MacLaunchAgent,
    WindowsRunKey,
    XdgAutostart,
    current_autostart,
    desktop_exec_quote,
)
from tests.fakes import RecordingRegistry


def test_xdg_entry_is_written_and_removed(tmp_path: Path):
    command = ["/opt/Ask Why/bin/askwhy"]
    autostart = XdgAutostart(tmp_path / "config", command)
    assert not autostart.is_enabled()
    autostart.set_enabled(True)
    path = tmp_path / "config" / "autostart" / "io.github.askwhy.AskWhy.desktop"
    assert autostart.path == path
    assert autostart.is_enabled()
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "AskWhy"
    # Undo the key-file escaping, then the Exec quoting: the argv comes back.
    assert shlex.split(entry["Exec"].replace("\\\\", "\\")) == [*command, "--minimized"]
    autostart.set_enabled(False)
    assert not path.exists()
    assert not autostart.is_enabled()


def test_xdg_entry_switched_off_by_the_desktop_counts_as_off(tmp_path: Path):
    autostart = XdgAutostart(tmp_path, ["askwhy"])
    autostart.set_enabled(True)
    autostart.path.write_text(autostart.path.read_text() + "Hidden=true\n")
    assert not autostart.is_enabled()


def test_exec_quoting_follows_the_desktop_entry_spec():
    assert desktop_exec_quote("/usr/bin/askwhy") == "/usr/bin/askwhy"
    assert desktop_exec_quote("/a b/askwhy") == '"/a b/askwhy"'
    assert desktop_exec_quote('say "$x"') == '"say \\"\\$x\\""'
    assert desktop_exec_quote("100%") == "100%%"


def test_windows_run_key_value():
    registry = RecordingRegistry()
    autostart = WindowsRunKey(registry, [r"C:\Program Files\AskWhy\AskWhy.exe"])
    assert not autostart.is_enabled()
    autostart.set_enabled(True)
    assert registry.values == {
        (WINDOWS_RUN_KEY, "AskWhy"): '"C:\\Program Files\\AskWhy\\AskWhy.exe" --minimized'
    }
    assert autostart.is_enabled()
    autostart.set_enabled(False)
    assert registry.values == {}


def test_macos_launch_agent_plist(tmp_path: Path):
    autostart = MacLaunchAgent(tmp_path, ["/Applications/AskWhy.app/Contents/MacOS/AskWhy"])
    autostart.set_enabled(True)
    assert autostart.path == tmp_path / "Library/LaunchAgents/io.github.askwhy.AskWhy.plist"
    content = plistlib.loads(autostart.path.read_bytes())
    assert content == {
        "Label": "io.github.askwhy.AskWhy",
        "ProgramArguments": ["/Applications/AskWhy.app/Contents/MacOS/AskWhy", "--minimized"],
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    }
    autostart.set_enabled(False)
    assert not autostart.is_enabled()


def test_each_os_gets_its_mechanism():
    assert isinstance(current_autostart("linux"), XdgAutostart)
    assert isinstance(current_autostart("darwin"), MacLaunchAgent)
    assert not current_autostart("sunos5").supported
