"""Opening the one SQLite file (`location` finds it): how every connection is set up, and
migrations.

`open_database()` is the only way in. It refuses, without writing a byte, a file that is not
SQLite, fails its check, or comes from a newer AskWhy; it backs the file up before any
schema upgrade and puts the backup back if the upgrade fails.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry, QueuePool

from desktop.store.errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseTooNew,
    DataDirUnusable,
    MigrationFailed,
    StoreError,
    translate_sqlite_error,
)
from desktop.store.location import DB_FILENAME
from desktop.store.migrate import DEFAULT_SCHEMA, FileState, Schema, inspect_file, upgrade

logger = logging.getLogger(__name__)

DEFAULT_BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"
# The main file and the two files SQLite keeps next to it in WAL mode.
SIDE_SUFFIXES = ("", "-wal", "-shm")
_WRITE_OPTION = "askwhy_write"
_POSIX = os.name == "posix"


def make_private(path: Path) -> None:
    """chmod 0600 (file) or 0700 (dir) on POSIX; a no-op elsewhere (ACLs rule there)."""
    if _POSIX and path.exists():
        path.chmod(0o700 if path.is_dir() else 0o600)


def private_files(db_path: Path) -> list[Path]:
    return [db_path.with_name(db_path.name + suffix) for suffix in SIDE_SUFFIXES]


def prepare_data_dir(data_dir: Path) -> Path:
    """Create the dir 0700 and prove it is writable, or raise DataDirUnusable."""
    try:
        existed = data_dir.is_dir()
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        # mkdir's mode is masked by the umask, and an existing dir keeps its old mode; only
        # tighten a dir that is ours (new, or already holding our database) so that pointing
        # --data-dir at a shared folder does not lock others out of it.
        if not existed or (data_dir / DB_FILENAME).exists():
            make_private(data_dir)
        # A unique name: several threads or processes may be starting at once.
        fd, probe = tempfile.mkstemp(prefix=".askwhy-probe-", dir=data_dir)
        os.close(fd)
        os.unlink(probe)
    except OSError as error:
        raise DataDirUnusable(
            f"AskWhy cannot use its data folder {data_dir}: {error.strerror or error}. "
            "Fix its permissions or free some space, or choose another folder with --data-dir."
        ) from error
    return data_dir


def _on_connect(foreign_keys: bool, busy_timeout_ms: int) -> Any:
    def configure(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        # Autocommit at the driver level: SQLAlchemy's "begin" hook below emits BEGIN itself,
        # which makes DDL transactional too (pysqlite would otherwise commit around it).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            mode = cursor.execute("PRAGMA journal_mode = WAL").fetchone()
            if mode is None or str(mode[0]).lower() != "wal":
                logger.warning("SQLite refused WAL mode (got %r); durability is reduced", mode)
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        finally:
            cursor.close()

    return configure


def _on_begin(connection: Any) -> None:
    # Writers take the write lock up front: a deferred transaction that later tries to write
    # after another process committed fails at once with SQLITE_BUSY, bypassing busy_timeout.
    immediate = connection.get_execution_options().get(_WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(
    path: Path, *, foreign_keys: bool = True, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS
) -> Engine:
    """An engine whose every connection has WAL, synchronous=NORMAL, foreign keys and a
    busy timeout. A `creator` keeps odd characters in the path away from URL parsing."""
    db_path = str(path)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(
            db_path, timeout=busy_timeout_ms / 1000, check_same_thread=False, isolation_level=None
        )

    # hide_parameters: error messages (and so logs and crash reports) never carry the
    # values of a statement, which can be email addresses or a whole letter.
    engine = create_engine(
        "sqlite+pysqlite://", creator=connect, poolclass=QueuePool, hide_parameters=True
    )
    event.listen(engine, "connect", _on_connect(foreign_keys, busy_timeout_ms))
    event.listen(engine, "begin", _on_begin)
    return engine


class Database:
    """An open, migrated database file. Cheap to share: sessions are created per operation."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._read_sessions = sessionmaker(engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            engine.execution_options(**{_WRITE_OPTION: True}), expire_on_commit=False
        )

    def session(self, *, write: bool = False) -> Session:
        """A new Session; `write=True` starts its transaction with BEGIN IMMEDIATE."""
        return (self._write_sessions if write else self._read_sessions)()

    @contextlib.contextmanager
    def transaction(self, *, write: bool = False) -> Iterator[Session]:
        """One Session, one transaction: committed on success, rolled back on any error.

        Low-level SQLite failures the user can act on come out as StoreError subclasses.
        """
        try:
            with self.session(write=write) as session, session.begin():
                yield session
        except StoreError:
            raise
        except Exception as error:
            translated = _translate(error, self.path)
            if translated is None:
                raise
            raise translated from error

    def schema_revision(self) -> str | None:
        with self.engine.connect() as connection:
            try:
                row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
            except Exception:  # no table: an empty, unmigrated file
                return None
            return None if row is None else str(row[0])

    def integrity_check(self) -> str:
        """'ok', or SQLite's list of problems joined by newlines."""
        with self.engine.connect() as connection:
            rows = connection.execute(text("PRAGMA integrity_check")).fetchall()
        return "\n".join(str(row[0]) for row in rows)

    def close(self) -> None:
        # Closing the last connection checkpoints the WAL into the main file.
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _translate(error: BaseException, path: Path) -> StoreError | None:
    # SQLAlchemy wraps driver errors; the original carries the SQLite message.
    original = getattr(error, "orig", None)
    source = original if isinstance(original, sqlite3.Error) else error
    if not isinstance(source, sqlite3.Error):
        return None
    return translate_sqlite_error(source, path)


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise DataDirUnusable(
            f"AskWhy cannot read its database {path}: {error.strerror or error}. "
            "Check the file's permissions."
        ) from error
    if header != SQLITE_HEADER:
        raise DatabaseCorrupt(
            f"{path} is not an AskWhy database (it is not even SQLite). It was left as it "
            "is. Restore the newest backup, or move the file away to start afresh."
        )


def _inspect(path: Path, busy_timeout_ms: int) -> FileState:
    try:
        return inspect_file(path, timeout_s=busy_timeout_ms / 1000)
    except sqlite3.Error as error:
        translated = translate_sqlite_error(error, path)
        if isinstance(translated, DatabaseLocked | DataDirUnusable):
            raise translated from error
        raise DatabaseCorrupt(
            f"The AskWhy database {path} is damaged ({error}). It was left as it is. "
            "Restore the newest backup (askwhy doctor lists them)."
        ) from error


def _create_private_file(path: Path) -> None:
    # Created 0600 before SQLite opens it: SQLite gives -wal and -shm the main file's mode.
    try:
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
        make_private(path)
    except OSError as error:
        raise DataDirUnusable(
            f"AskWhy cannot create its database {path}: {error.strerror or error}. "
            "Fix the folder's permissions, or choose another folder with --data-dir."
        ) from error


def _seed_defaults(engine: Engine) -> None:
    """First open only: the default templates, so a new user's first request is prefilled."""
    from desktop.core.templates import DEFAULT_TEMPLATES  # noqa: PLC0415
    from desktop.store.models import TemplateRow  # noqa: PLC0415

    write_engine = engine.execution_options(**{_WRITE_OPTION: True})
    with Session(write_engine) as session, session.begin():
        # Two first starts racing on a new dir both get here; the write lock (BEGIN
        # IMMEDIATE) serialises them and the second finds the templates already there.
        if session.scalars(select(TemplateRow.id).limit(1)).first() is not None:
            return
        for kind, (name, subject, body) in DEFAULT_TEMPLATES.items():
            session.add(
                TemplateRow(kind=kind, name=name, subject=subject, body=body, is_default=True)
            )


def open_database(
    data_dir: Path | str,
    *,
    schema: Schema = DEFAULT_SCHEMA,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
) -> Database:
    """Open (creating or upgrading as needed) the database in `data_dir`.

    Raises DataDirUnusable, DatabaseCorrupt, DatabaseTooNew, DatabaseLocked or
    MigrationFailed; in each case the existing file is left as it was (or, after a failed
    upgrade, as the pre-upgrade backup).
    """
    directory = prepare_data_dir(Path(data_dir))
    path = directory / DB_FILENAME
    fresh = not path.exists() or path.stat().st_size == 0
    state = FileState(revision=None, has_tables=False)
    if fresh:
        _create_private_file(path)
    else:
        _check_header(path)
        state = _inspect(path, busy_timeout_ms)
        if state.revision is None and state.has_tables:
            raise DatabaseCorrupt(
                f"{path} is an SQLite file but not an AskWhy database. It was left as it is; "
                "move it away, or point --data-dir at another folder."
            )
        if state.revision is not None and state.revision not in schema.known_revisions:
            raise DatabaseTooNew(
                f"The AskWhy database {path} was written by a newer AskWhy (schema "
                f"{state.revision}). It was left untouched: update AskWhy to open it, "
                "or restore an older backup."
            )
    if state.revision != schema.head:
        _upgrade_with_backup(path, state, schema, busy_timeout_ms)
    for side in private_files(path):
        make_private(side)
    database = Database(path, make_engine(path, busy_timeout_ms=busy_timeout_ms))
    logger.info("Opened database %s at schema %s", path, schema.head)
    return database


def _upgrade_with_backup(
    path: Path, state: FileState, schema: Schema, busy_timeout_ms: int
) -> None:
    from desktop.store.backups import Backups  # noqa: PLC0415 - backups imports this module

    backups = Backups(path.parent)
    backup: Path | None = None
    if state.revision is not None:
        backup = backups.create_from_file(path, reason=f"before-upgrade-from-{state.revision}")
        logger.info("Backed up the database before upgrading it: %s", backup.name)
    engine = make_engine(path, foreign_keys=False, busy_timeout_ms=busy_timeout_ms)
    try:
        # BEGIN IMMEDIATE: a deferred transaction that reads the revision and then writes
        # fails at once, without waiting, when another first start got there in between.
        upgrade(engine.execution_options(**{_WRITE_OPTION: True}), schema)
        if state.revision is None:
            _seed_defaults(engine)
    except Exception as error:
        engine.dispose()
        translated = _translate(error, path)
        if isinstance(translated, DatabaseLocked | DataDirUnusable):
            # SQLite rolled the one transaction back, so the file is as it was; and when
            # another process holds the lock, the file must not be swapped under it.
            raise translated from error
        logger.exception("Schema upgrade of %s failed", path)
        if backup is None:
            raise MigrationFailed(
                f"AskWhy could not set up its database {path} ({error}). "
                "Nothing was lost; report this problem."
            ) from error
        aside = backups.restore(backup, aside_reason="failed-upgrade")
        raise MigrationFailed(
            f"Upgrading the AskWhy database failed ({error}). Your data was put back from "
            f"the backup made just before ({backup.name}); the failed file is kept as "
            f"{aside.name}. Please report this problem; until it is fixed, use the AskWhy version "
            "you had before."
        ) from error
    engine.dispose()


def utc_stamp(moment: datetime | None = None) -> str:
    """A sortable UTC stamp for file names (no ':' so it is valid on Windows too)."""
    moment = (moment or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime("%Y%m%dT%H%M%S") + f".{moment.microsecond:06d}Z"
