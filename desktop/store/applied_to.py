"""The companies the user applied to, for reading mail: a rejection nearly always comes from
one of them (see core.applied_to).

Read with the sqlite3 driver alone, so that `askwhy read-email` can show what a drop would
read without loading SQLAlchemy; the store reads the same query on its session's own
connection (`applications.companies`).
"""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from pathlib import Path

from desktop.store.location import DB_FILENAME
from desktop.store.migrate import sqlite_uri

logger = logging.getLogger(__name__)

# Archived applications too: a rejection may come long after the user gave up on one.
_COMPANIES_SQL = "SELECT DISTINCT company FROM applications WHERE company != '' ORDER BY company"


def companies(connection: sqlite3.Connection) -> list[str]:
    """Every company the user applied to, as typed, each once."""
    return [company for (company,) in connection.execute(_COMPANIES_SQL)]


def read_companies(data_dir: Path) -> list[str]:
    """The companies in the database in `data_dir`, read without writing a byte; [] when
    there is no database there, or it cannot be read (the reading then goes on without)."""
    path = data_dir / DB_FILENAME
    if not path.is_file():
        return []
    # With a -wal beside it (AskWhy is running) the newest rows are in the -wal, which a
    # read-only connection reads through the -shm the app keeps; without one the file holds
    # everything, and "immutable" leaves no -shm or -wal behind.
    mode = "ro" if path.with_name(path.name + "-wal").exists() else "immutable"
    try:
        with closing(sqlite3.connect(sqlite_uri(path, mode), uri=True)) as connection:
            return companies(connection)
    except sqlite3.Error as error:
        logger.info("no list of applications from %s: %s", path, error)
        return []
