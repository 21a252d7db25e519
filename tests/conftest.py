"""Shared test set-up. Qt must see the offscreen platform before it is first imported."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep tests from touching the developer's real data dir if a fixture is forgotten.
os.environ.pop("ASKWHY_DATA_DIR", None)


# -- store fixtures: a real SQLite file in tmp_path, migrated by the real Alembic scripts --


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data dir that does not exist yet, as on a first start."""
    return tmp_path / "askwhy-data"


@pytest.fixture
def database(data_dir: Path) -> Iterator[object]:
    from desktop.store.database import open_database  # noqa: PLC0415

    opened = open_database(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def store(database: object) -> object:
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    from desktop.store.database import Database  # noqa: PLC0415
    from desktop.store.repository import Store  # noqa: PLC0415

    assert isinstance(database, Database)
    # A fixed zone with DST keeps quiet-hour placement reproducible on any machine.
    berlin = ZoneInfo("Europe/Berlin")
    return Store(database, local_tz=lambda: berlin)
