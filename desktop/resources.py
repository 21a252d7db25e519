"""Finds the files under `resources/` the same way from a checkout and from a bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    # PyInstaller unpacks data next to the frozen modules and points _MEIPASS there.
    bundle_dir = getattr(sys, "_MEIPASS", None)
    if bundle_dir is not None:
        return Path(bundle_dir) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)
