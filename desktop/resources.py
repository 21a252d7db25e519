"""Finds the files under `resources/` the same way from a checkout, an installed wheel and a
PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

# Where an installed wheel keeps resources/: pyproject.toml maps it to this data package.
WHEEL_RESOURCES = "resource_files"
# What the app cannot look right without: the window and About icon, the tray's two states.
ESSENTIAL = (
    ("icons", "askwhy.svg"),
    ("icons", "askwhy-tray-idle.png"),
    ("icons", "askwhy-tray-due.png"),
)


def resources_root() -> Path:
    # PyInstaller unpacks data next to the frozen modules and points _MEIPASS there.
    bundle_dir = getattr(sys, "_MEIPASS", None)
    if bundle_dir is not None:
        return Path(bundle_dir) / "resources"
    package = Path(__file__).resolve().parent
    installed = package / WHEEL_RESOURCES
    return installed if installed.is_dir() else package.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)


def missing_essentials() -> list[str]:
    """The essential resources that are not where the app looks (`doctor` reports them)."""
    return ["/".join(parts) for parts in ESSENTIAL if not resource_path(*parts).is_file()]
