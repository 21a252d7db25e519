"""Start at login, per OS: an XDG autostart entry, a Windows Run key, a macOS LaunchAgent.

Each one starts AskWhy with `--minimized`, so logging in puts it in the tray, not in front of
the user. The setting is off by default and asked about once (see `desktop.app`).
"""

from __future__ import annotations

import logging
import os
import plistlib
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from desktop import APP_ID, APP_NAME

log = logging.getLogger(__name__)

MINIMIZED = "--minimized"
WINDOWS_RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


class Autostart(Protocol):
    supported: bool

    def is_enabled(self) -> bool: ...
    def set_enabled(self, enabled: bool) -> None: ...
    def describe(self) -> str: ...


def launch_command() -> list[str]:
    """How to start this very installation again."""
    if getattr(sys, "frozen", False):
        return [sys.executable]  # a PyInstaller bundle is its own program
    script = Path(sys.executable).with_name("askwhy.exe" if sys.platform == "win32" else "askwhy")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "desktop"]


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


# -- Linux and other XDG desktops ---------------------------------------------------------

_DESKTOP_RESERVED = re.compile(r"[\s\"'\\><~|&;$*?#()`]")


def desktop_exec_quote(argument: str) -> str:
    """Quotes one Exec= argument as the Desktop Entry spec asks."""
    argument = argument.replace("%", "%%")
    if not argument or _DESKTOP_RESERVED.search(argument):
        escaped = re.sub(r'(["`$\\])', r"\\\1", argument)
        return f'"{escaped}"'
    return argument


def desktop_entry(command: Sequence[str]) -> str:
    exec_line = " ".join(desktop_exec_quote(part) for part in [*command, MINIMIZED])
    # Exec values are themselves escaped once more by the key-file rules: double backslashes.
    exec_line = exec_line.replace("\\", "\\\\")
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_NAME}\n"
        "Comment=Reminds you to ask why, while the answer is still fresh\n"
        f"Exec={exec_line}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


class XdgAutostart:
    supported = True

    def __init__(
        self, config_home: Path | None = None, command: Sequence[str] | None = None
    ) -> None:
        if config_home is None:
            configured = os.environ.get("XDG_CONFIG_HOME", "")
            config_home = Path(configured) if configured else Path.home() / ".config"
        self.path = config_home / "autostart" / f"{APP_ID}.desktop"
        self._command = list(command) if command is not None else launch_command()

    def is_enabled(self) -> bool:
        try:
            text = self.path.read_text(encoding="utf-8")
        except OSError:
            return False
        # A user (or their desktop's settings) can switch an entry off without deleting it.
        return not re.search(r"^(Hidden=true|X-GNOME-Autostart-enabled=false)\s*$", text, re.M)

    def set_enabled(self, enabled: bool) -> None:
        if enabled:
            _atomic_write(self.path, desktop_entry(self._command).encode("utf-8"))
            log.info("start at login: wrote %s", self.path)
        else:
            self.path.unlink(missing_ok=True)
            log.info("start at login: removed %s", self.path)

    def describe(self) -> str:
        return f"XDG autostart entry {self.path}"


# -- Windows ---------------------------------------------------------------------------------


class RegistryWriter(Protocol):
    """The three registry operations needed, under HKEY_CURRENT_USER."""

    def set_value(self, key: str, name: str, value: str) -> None: ...
    def get_value(self, key: str, name: str) -> str | None: ...
    def delete_value(self, key: str, name: str) -> None: ...


class WinRegistry:  # pragma: no cover - exercised on Windows only
    def set_value(self, key: str, name: str, value: str) -> None:
        import winreg  # noqa: PLC0415 - exists only on Windows

        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, key) as handle:  # type: ignore[attr-defined]
            winreg.SetValueEx(handle, name, 0, winreg.REG_SZ, value)  # type: ignore[attr-defined]

    def get_value(self, key: str, name: str) -> str | None:
        import winreg  # noqa: PLC0415 - exists only on Windows

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key) as handle:  # type: ignore[attr-defined]
                value, _kind = winreg.QueryValueEx(handle, name)  # type: ignore[attr-defined]
        except OSError:
            return None
        return str(value)

    def delete_value(self, key: str, name: str) -> None:
        import winreg  # noqa: PLC0415 - exists only on Windows

        try:
            with winreg.OpenKey(  # type: ignore[attr-defined]
                winreg.HKEY_CURRENT_USER,  # type: ignore[attr-defined]
                key,
                0,
                winreg.KEY_SET_VALUE,  # type: ignore[attr-defined]
            ) as handle:
                winreg.DeleteValue(handle, name)  # type: ignore[attr-defined]
        except FileNotFoundError:
            return


def windows_command_line(command: Sequence[str]) -> str:
    # subprocess.list2cmdline follows the MS C runtime's quoting rules.
    return subprocess.list2cmdline([*command, MINIMIZED])


class WindowsRunKey:
    supported = True

    def __init__(
        self, registry: RegistryWriter | None = None, command: Sequence[str] | None = None
    ) -> None:
        self._registry = registry if registry is not None else WinRegistry()
        self._command = list(command) if command is not None else launch_command()

    def value(self) -> str:
        return windows_command_line(self._command)

    def is_enabled(self) -> bool:
        return self._registry.get_value(WINDOWS_RUN_KEY, APP_NAME) is not None

    def set_enabled(self, enabled: bool) -> None:
        if enabled:
            self._registry.set_value(WINDOWS_RUN_KEY, APP_NAME, self.value())
        else:
            self._registry.delete_value(WINDOWS_RUN_KEY, APP_NAME)

    def describe(self) -> str:
        return f"HKCU\\{WINDOWS_RUN_KEY}\\{APP_NAME}"


# -- macOS -------------------------------------------------------------------------------------


def launch_agent_plist(command: Sequence[str]) -> bytes:
    return plistlib.dumps(
        {
            "Label": APP_ID,
            "ProgramArguments": [*command, MINIMIZED],
            "RunAtLoad": True,
            # Interactive: launchd must not throttle a program the user is looking at.
            "ProcessType": "Interactive",
        }
    )


class MacLaunchAgent:
    supported = True

    def __init__(self, home: Path | None = None, command: Sequence[str] | None = None) -> None:
        base = home if home is not None else Path.home()
        self.path = base / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
        self._command = list(command) if command is not None else launch_command()

    def is_enabled(self) -> bool:
        return self.path.is_file()

    def set_enabled(self, enabled: bool) -> None:
        if enabled:
            _atomic_write(self.path, launch_agent_plist(self._command))
        else:
            self.path.unlink(missing_ok=True)

    def describe(self) -> str:
        return f"LaunchAgent {self.path}"


class NoAutostart:
    supported = False

    def is_enabled(self) -> bool:
        return False

    def set_enabled(self, enabled: bool) -> None:
        log.warning("start at login is not supported here (asked: %s)", enabled)

    def describe(self) -> str:
        return "not supported on this system"


def current_autostart(platform: str = sys.platform) -> Autostart:
    if platform == "win32":
        return WindowsRunKey()
    if platform == "darwin":
        return MacLaunchAgent()
    if platform.startswith("linux") or "bsd" in platform:
        return XdgAutostart()
    return NoAutostart()
