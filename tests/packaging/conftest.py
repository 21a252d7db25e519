"""Loads the packaging scripts by path.

`packaging/` is deliberately not a package: a `packaging/__init__.py` would shadow the
`packaging` library that pip and PyInstaller import. So the tests load the scripts the way
PyInstaller and `make` run them, from their files.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def load_script(name: str) -> ModuleType:
    """Imports packaging/<name>.py once, with packaging/ importable as its scripts expect."""
    module_name = f"askwhy_packaging_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, PACKAGING / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # build.py does `import appmeta`, as it does when run as a script from packaging/.
    sys.modules.setdefault("appmeta", load_script("appmeta") if name != "appmeta" else module)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def appmeta() -> ModuleType:
    return load_script("appmeta")


@pytest.fixture(scope="session")
def build_script() -> ModuleType:
    return load_script("build")


@pytest.fixture(scope="session")
def make_icons_script() -> ModuleType:
    return load_script("make_icons")
