"""Reliability tests: real processes, real faults. Long variants need ASKWHY_LONG_TESTS=1."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.reliability.support import private_env

LONG = os.environ.get("ASKWHY_LONG_TESTS") == "1"
_HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if LONG:
        return
    skip = pytest.mark.skip(reason="long variant: run with ASKWHY_LONG_TESTS=1")
    for item in items:
        # This hook sees the whole session's items: only touch the ones in this folder.
        if item.get_closest_marker("slow") and _HERE in item.path.resolve().parents:
            item.add_marker(skip)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A private HOME, runtime dir and temp dir for the child processes of one test."""
    return private_env(tmp_path / "session")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "askwhy-data"
