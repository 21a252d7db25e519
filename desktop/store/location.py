"""Where the data lives. Apart from `database` so that finding the data dir imports no
SQLAlchemy: the GUI needs the dir (for the single-instance lock) before its first paint."""

from __future__ import annotations

import os
from pathlib import Path

from desktop import APP_NAME

DB_FILENAME = "askwhy.sqlite3"
DATA_DIR_ENV = "ASKWHY_DATA_DIR"


def resolve_data_dir(explicit: str | None) -> Path:
    """`--data-dir`, then `ASKWHY_DATA_DIR`, then the platform's user data dir."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs  # noqa: PLC0415 - only needed when no dir was given

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
