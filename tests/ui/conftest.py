"""Fixtures for the main-window tests: a real store on tmp_path, a manual clock, fakes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop.store.database import Database, open_database
from desktop.store.repository import Store
from tests.fakes import ManualClock, RecordingClipboard


@pytest.fixture
def ui_database(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "data")
    yield database
    database.close()


@pytest.fixture
def ui_store(ui_database: Database) -> Store:
    return Store(ui_database)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def clipboard() -> RecordingClipboard:
    return RecordingClipboard()


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
