"""Schema revisions: which ones this build knows, and running the Alembic scripts from code.

Alembic is imported only inside `upgrade()`, i.e. only when the file is behind. A normal
start compares the revision stored in the file with `HEAD_REVISION` using plain sqlite3.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Only a type here: the first look at the file (store.summaries) runs before
    # SQLAlchemy is imported, and reads HEAD_REVISION from this module.
    from sqlalchemy import Engine

logger = logging.getLogger(__name__)

# Oldest first. Adding a script means appending its id here; a test checks these against
# the scripts so the constants cannot drift from the files.
KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004")
HEAD_REVISION = KNOWN_REVISIONS[-1]
SCRIPT_LOCATION = Path(__file__).resolve().parent / "migrations"
# Alembic keeps `context` and `op` as module globals, so two upgrades in one process must
# not overlap. Processes are kept apart by SQLite's write lock instead.
_ALEMBIC_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class Schema:
    """Where the scripts are and which revisions they contain (tests point it elsewhere)."""

    script_location: Path = SCRIPT_LOCATION
    known_revisions: tuple[str, ...] = KNOWN_REVISIONS

    @property
    def head(self) -> str:
        return self.known_revisions[-1]


DEFAULT_SCHEMA = Schema()


@dataclass(frozen=True, slots=True)
class FileState:
    """What a read-only look at an existing file found."""

    revision: str | None
    has_tables: bool


def sqlite_uri(path: Path, mode: str) -> str:
    """A `file:` URI opening `path` with `mode` "ro", "rw" (never creates) or "immutable"
    (read-only, for a file in a folder where SQLite cannot keep its -shm)."""
    query = "mode=ro&immutable=1" if mode == "immutable" else f"mode={mode}"
    # as_uri() percent-encodes '?', '#' and '%' that a plain "file:" string would misread.
    return f"{path.absolute().as_uri()}?{query}"


def inspect_file(path: Path, *, timeout_s: float = 5.0, immutable: bool = False) -> FileState:
    """Read the revision without writing a byte: raises sqlite3 errors for the caller to sort.

    `quick_check` catches truncated and garbled files, whose first page may still parse.
    """
    mode = "immutable" if immutable else "ro"
    connection = sqlite3.connect(sqlite_uri(path, mode), uri=True, timeout=timeout_s)
    try:
        result = connection.execute("PRAGMA quick_check").fetchall()
        if [row[0] for row in result] != ["ok"]:
            raise sqlite3.DatabaseError(
                "quick_check: " + "; ".join(str(row[0]) for row in result[:5])
            )
        names = {
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        }
        revision: str | None = None
        if "alembic_version" in names:
            rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
            if len(rows) > 1:
                # Branches this build never made: treat like an unknown (newer) revision.
                revision = "+".join(sorted(str(row[0]) for row in rows))
            elif rows:
                revision = str(rows[0][0])
        return FileState(revision=revision, has_tables=bool(names - {"alembic_version"}))
    finally:
        connection.close()


def upgrade(engine: Engine, schema: Schema = DEFAULT_SCHEMA) -> None:
    """Run the scripts up to the head in ONE transaction on an engine with foreign keys off.

    Foreign keys must be off because batch mode drops and recreates tables, which would
    otherwise cascade-delete children; `foreign_key_check` afterwards proves nothing broke.
    """
    from alembic import command  # noqa: PLC0415 - lazy: only when a migration is due
    from alembic.config import Config  # noqa: PLC0415

    config = Config()
    config.set_main_option("script_location", str(schema.script_location))
    with _ALEMBIC_LOCK, engine.begin() as connection:
        config.attributes["connection"] = connection
        logger.info("Upgrading the database schema to %s", schema.head)
        command.upgrade(config, schema.head)
        problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise RuntimeError(f"foreign_key_check after upgrade: {len(problems)} rows")


def script_heads(schema: Schema = DEFAULT_SCHEMA) -> list[str]:
    """The head revision(s) of the scripts themselves (for tests and `doctor`)."""
    from alembic.config import Config  # noqa: PLC0415
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    config = Config()
    config.set_main_option("script_location", str(schema.script_location))
    return list(ScriptDirectory.from_config(config).get_heads())


def script_revisions(schema: Schema = DEFAULT_SCHEMA) -> list[str]:
    """All revision ids of the scripts, oldest first."""
    from alembic.config import Config  # noqa: PLC0415
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    config = Config()
    config.set_main_option("script_location", str(schema.script_location))
    scripts = ScriptDirectory.from_config(config)
    return [script.revision for script in reversed(list(scripts.walk_revisions()))]
