"""Fixtures for the window tests; the real store on tmp_path (`store`) is tests/conftest.py's."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tests.fakes import ManualClock, RecordingClipboard


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def clipboard() -> RecordingClipboard:
    return RecordingClipboard()


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
