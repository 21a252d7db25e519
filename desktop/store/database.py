"""Opening the one SQLite file (`location` finds it): how every connection is set up, and
migrations.

`open_database()` is the only way in. It refuses, without writing a byte, a file that is not
SQLite, fails its check, comes from a newer AskWhy, is a symbolic link, or has a `-wal`
beside it that is not its own; it backs the file up before any schema upgrade and puts the
backup back if the upgrade fails. A read-only data folder (read-only media, a mounted
backup) can be opened read-only by the commands that only read.

A `Database` never creates the file by connecting (connections use `mode=rw`), and once
closed it opens no connection at all until `reopen()`: a timer or worker that still holds
it gets DatabaseClosed, not a fresh empty database at the path that a restore is swapping.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import struct
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry, QueuePool

from desktop.core.zones import system_zone
from desktop.store.backups import Backups
from desktop.store.errors import (
    DatabaseClosed,
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseTooNew,
    DataDirReadOnly,
    DataDirUnusable,
    MigrationFailed,
    StoreError,
    translate_sqlite_error,
)
from desktop.store.folder import (
    DataLock,
    check_folder_is_private,
    make_private,
    prepare_data_dir,
    private_files,
    refuse_link,
)
from desktop.store.location import DB_FILENAME
from desktop.store.migrate import (
    DEFAULT_SCHEMA,
    FileState,
    Schema,
    inspect_file,
    sqlite_uri,
    upgrade,
)

logger = logging.getLogger(__name__)

DEFAULT_BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"
_WRITE_OPTION = "askwhy_write"
# The WAL format (sqlite.org/fileformat2.html#walformat): a 32-byte header (magic, format,
# page size, checkpoint sequence, two salts, checksum), then frames of a 24-byte header and
# one page. The wal-index (-shm) header keeps a copy of the salts at byte 32.
_WAL_MAGIC = frozenset({0x377F0682, 0x377F0683})
_WAL_HEADER_BYTES = 32
_WAL_FRAME_HEADER_BYTES = 24
_SHM_HEADER_BYTES = 48
_SHM_IS_INIT = 12
_SHM_SALTS = slice(32, 40)
_WAL_SALTS = slice(16, 24)
# A writer may restart the WAL (new salts) between our reads of the two files.
_SIDE_FILE_READS = 3


def _on_connect(foreign_keys: bool, busy_timeout_ms: int, read_only: bool) -> Any:
    def configure(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        # Autocommit at the driver level: SQLAlchemy's "begin" hook below emits BEGIN itself,
        # which makes DDL transactional too (pysqlite would otherwise commit around it).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            if read_only:
                cursor.execute("PRAGMA query_only = ON")
            else:
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
    path: Path,
    *,
    foreign_keys: bool = True,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    read_only: str | None = None,
    gate: Callable[[], None] | None = None,
) -> Engine:
    """An engine whose every connection has WAL, synchronous=NORMAL, foreign keys and a
    busy timeout. A `creator` keeps odd characters in the path away from URL parsing.

    Connections open the existing file (`mode=rw`): connecting never creates a database.
    `read_only` is the URI mode for a read-only folder ("ro", or "immutable" when SQLite
    cannot keep its -shm there); `gate` runs before each new connection and may refuse it.
    """
    uri = sqlite_uri(path, read_only or "rw")

    def connect() -> sqlite3.Connection:
        if gate is not None:
            gate()
        return sqlite3.connect(
            uri,
            uri=True,
            timeout=busy_timeout_ms / 1000,
            check_same_thread=False,
            isolation_level=None,
        )

    # hide_parameters: error messages (and so logs and crash reports) never carry the
    # values of a statement, which can be email addresses or a whole letter.
    engine = create_engine(
        "sqlite+pysqlite://", creator=connect, poolclass=QueuePool, hide_parameters=True
    )
    event.listen(engine, "connect", _on_connect(foreign_keys, busy_timeout_ms, bool(read_only)))
    event.listen(engine, "begin", _on_begin)
    return engine


class Database:
    """An open, migrated database file. Cheap to share: sessions are created per operation.

    `close()` waits for the transactions in flight, then refuses new ones (DatabaseClosed)
    until `reopen()`: a restore swaps the file meanwhile, and nothing may touch it.
    """

    def __init__(
        self,
        path: Path,
        *,
        lock: DataLock,
        busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
        read_only: str | None = None,
    ) -> None:
        self.path = path
        self._busy_timeout_ms = busy_timeout_ms
        self._gate = threading.Condition()
        self._active = 0
        self._closed = False
        self._attach(lock, read_only)

    def _attach(self, lock: DataLock, read_only: str | None) -> None:
        self._lock = lock
        self._read_only = read_only
        self.engine = make_engine(
            self.path,
            busy_timeout_ms=self._busy_timeout_ms,
            read_only=read_only,
            gate=self._refuse_if_closed,
        )
        self._read_sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            self.engine.execution_options(**{_WRITE_OPTION: True}), expire_on_commit=False
        )

    @property
    def read_only(self) -> bool:
        """Opened from a read-only folder: reads work, every write is refused."""
        return self._read_only is not None

    def _refuse_if_closed(self) -> None:
        if self._closed:
            raise DatabaseClosed(
                "The AskWhy database is closed for a moment (a backup is being restored, or "
                "AskWhy is quitting); nothing was read or saved. Try again when it is done."
            )

    @contextlib.contextmanager
    def _in_flight(self) -> Iterator[None]:
        with self._gate:
            self._refuse_if_closed()
            self._active += 1
        try:
            yield
        finally:
            with self._gate:
                self._active -= 1
                self._gate.notify_all()

    @contextlib.contextmanager
    def transaction(self, *, write: bool = False) -> Iterator[Session]:
        """One Session, one transaction: committed on success, rolled back on any error.

        `write=True` starts it with BEGIN IMMEDIATE. Low-level SQLite failures the user can
        act on come out as StoreError subclasses.
        """
        if write and self.read_only:
            raise DataDirReadOnly(
                f"The AskWhy data folder {self.path.parent} is read-only: it was opened only "
                "for reading, and nothing was saved."
            )
        sessions = self._write_sessions if write else self._read_sessions
        with self._in_flight():
            try:
                with sessions() as session, session.begin():
                    yield session
            except StoreError:
                raise
            except Exception as error:
                translated = _translate(error, self.path)
                if translated is None:
                    raise
                raise translated from error

    def schema_revision(self) -> str | None:
        with self._in_flight(), self.engine.connect() as connection:
            try:
                row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
            except Exception:  # no table: an empty, unmigrated file
                return None
            return None if row is None else str(row[0])

    def integrity_check(self) -> str:
        """'ok', or SQLite's list of problems joined by newlines."""
        with self._in_flight(), self.engine.connect() as connection:
            rows = connection.execute(text("PRAGMA integrity_check")).fetchall()
        return "\n".join(str(row[0]) for row in rows)

    def close(self) -> None:
        """Wait for the transactions in flight, then close every connection.

        Closing the last connection checkpoints the WAL into the main file. If a
        transaction is still running after the busy timeout, raise DatabaseLocked and stay
        open. Closing twice is harmless.
        """
        with self._gate:
            was_closed, self._closed = self._closed, True
            if not self._gate.wait_for(
                lambda: self._active == 0, timeout=self._busy_timeout_ms / 1000
            ):
                self._closed = was_closed
                raise DatabaseLocked(
                    "The AskWhy database is still busy with a change; nothing was closed. "
                    "Try again in a moment."
                )
        self.engine.dispose()
        self._lock.release()

    def reopen(self) -> None:
        """Open the file at `path` again (after a restore put another one there), with every
        open-time check and an upgrade if it is older; then accept new sessions again."""
        if not self._closed:
            raise RuntimeError("Database.reopen() needs a closed database")
        lock, read_only = _open_checked(self.path.parent, DEFAULT_SCHEMA, self._busy_timeout_ms)
        with self._gate:
            self._attach(lock, read_only)
            self._closed = False

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


def _inspect(path: Path, busy_timeout_ms: int, *, immutable: bool = False) -> FileState:
    try:
        return inspect_file(path, timeout_s=busy_timeout_ms / 1000, immutable=immutable)
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
        fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_NOFOLLOW, 0o600)
        os.close(fd)
        make_private(path)
    except OSError as error:
        raise DataDirUnusable(
            f"AskWhy cannot create its database {path}: {error.strerror or error}. "
            "Fix the folder's permissions, or choose another folder with --data-dir."
        ) from error


def _seed_defaults(engine: Engine) -> None:
    """First open only: the default templates, so a new user's first request is prefilled."""
    # Only a new database needs the ORM models (about 70 ms to import): `askwhy backup`
    # and `restore` open the database without them.
    from desktop.core.templates import DEFAULT_TEMPLATES  # noqa: PLC0415 - see above
    from desktop.store.models import TemplateRow  # noqa: PLC0415 - see above

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
    read_only_fallback: bool = False,
) -> Database:
    """Open (creating or upgrading as needed) the database in `data_dir`.

    Raises DataDirUnusable (DataDirUnsafe, DataDirReadOnly), DatabaseCorrupt,
    DatabaseTooNew, DatabaseLocked or MigrationFailed; in each case the existing file is
    left as it was (or, after a failed upgrade, as the pre-upgrade backup).
    `read_only_fallback`: in a read-only folder, open an up-to-date database read-only
    (see `Database.read_only`) instead of raising DataDirReadOnly.
    """
    directory = Path(data_dir)
    lock, read_only = _open_checked(directory, schema, busy_timeout_ms, read_only_fallback)
    database = Database(
        directory / DB_FILENAME, lock=lock, busy_timeout_ms=busy_timeout_ms, read_only=read_only
    )
    logger.info("Opened database %s at schema %s", database.path, schema.head)
    return database


def _open_checked(
    data_dir: Path, schema: Schema, busy_timeout_ms: int, read_only_fallback: bool = False
) -> tuple[DataLock, str | None]:
    """Every open-time check (and upgrade); returns the held lock and the read-only mode."""
    try:
        directory = prepare_data_dir(data_dir)
    except DataDirReadOnly:
        if not read_only_fallback or not (data_dir / DB_FILENAME).exists():
            raise
        return _checked_read_only(data_dir, schema, busy_timeout_ms)
    path = directory / DB_FILENAME
    lock = DataLock(directory)
    # Held from before the first look at the file until the Database closes: a restore
    # (which takes it alone) can't swap the file between these checks and the use.
    lock.share(wait_s=busy_timeout_ms / 1000)
    try:
        for side in private_files(path):
            refuse_link(side)
        fresh = not path.exists() or path.stat().st_size == 0
        state = FileState(revision=None, has_tables=False)
        if fresh:
            _create_private_file(path)
        else:
            state = _check_existing(path, schema, busy_timeout_ms)
        if state.revision != schema.head:
            _upgrade_with_backup(path, state, schema, busy_timeout_ms, lock)
        for side in private_files(path):
            make_private(side)
    except BaseException:
        lock.release()
        raise
    return lock, None


def _check_existing(
    path: Path, schema: Schema, busy_timeout_ms: int, *, immutable: bool = False
) -> FileState:
    _check_header(path)
    _check_side_files(path)
    state = _inspect(path, busy_timeout_ms, immutable=immutable)
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
    return state


def _checked_read_only(
    data_dir: Path, schema: Schema, busy_timeout_ms: int
) -> tuple[DataLock, str | None]:
    """The checks for a folder nobody can write: nothing can be upgraded or recovered.

    SQLite keeps a WAL database's index in the -shm file, which it cannot create here;
    with no -wal to apply, "immutable" reads the file without it.
    """
    path = data_dir / DB_FILENAME
    try:
        check_folder_is_private(data_dir)
    except OSError as error:
        raise DataDirUnusable(
            f"AskWhy cannot read its data folder {data_dir}: {error.strerror or error}."
        ) from error
    for side in private_files(path):
        refuse_link(side)
    mode = "ro" if _wal_frames(path) else "immutable"
    state = _check_existing(path, schema, busy_timeout_ms, immutable=mode == "immutable")
    if state.revision != schema.head:
        raise DataDirReadOnly(
            f"The AskWhy data folder {data_dir} is read-only, and its database (schema "
            f"{state.revision}) needs an upgrade that cannot be written there. Copy the "
            "folder somewhere writable and open the copy with --data-dir."
        )
    lock = DataLock(data_dir)
    lock.share(wait_s=busy_timeout_ms / 1000)
    return lock, mode


def _wal_frames(path: Path) -> int:
    """How many whole frames the -wal beside `path` holds (0 when there is none)."""
    wal = private_files(path)[1]
    try:
        size = wal.lstat().st_size
    except FileNotFoundError:
        return 0
    frame = _WAL_FRAME_HEADER_BYTES + _page_size(path)
    return max(0, (size - _WAL_HEADER_BYTES) // frame)


def _page_size(path: Path) -> int:
    with path.open("rb") as handle:
        header = handle.read(18)
    size = int.from_bytes(header[16:18], "big")
    return 65536 if size == 1 else size


def _check_side_files(path: Path) -> None:
    """Refuse a -wal that SQLite would apply but that is not this file's own.

    SQLite applies any well-formed -wal it finds beside a file: nothing in the main file
    names its WAL. Ours is always paired with the -shm SQLite keeps next to it (a clean
    close removes both; a crash leaves both), and that index holds a copy of the WAL's
    salts. A -wal with frames but no such -shm, a different page size, or other salts was
    put there by someone (or copied in without its index): it is refused, not applied.
    """
    wal, shm = private_files(path)[1:]
    if _wal_frames(path) == 0:
        return  # nothing SQLite would apply
    problem = ""
    for _attempt in range(_SIDE_FILE_READS):
        try:
            with wal.open("rb") as handle:
                header = handle.read(_WAL_HEADER_BYTES)
        except FileNotFoundError:
            return  # the last connection of another process closed: checkpointed, gone
        if len(header) < _WAL_HEADER_BYTES:
            return  # restarted from empty by a live writer just now: nothing to apply
        magic, _version, page_size = struct.unpack(">III", header[:12])
        if magic not in _WAL_MAGIC or page_size != _page_size(path):
            problem = "it is not a WAL of a database with this page size"
            break
        try:
            with shm.open("rb") as handle:
                index = handle.read(_SHM_HEADER_BYTES)
        except FileNotFoundError:
            index = b""
        if len(index) < _SHM_HEADER_BYTES or not index[_SHM_IS_INIT]:
            problem = f"there is no {shm.name} that SQLite keeps with its own"
            break
        if index[_SHM_SALTS] == header[_WAL_SALTS]:
            return
        problem = f"it does not match {shm.name}"
        time.sleep(0.01)
    raise DatabaseCorrupt(
        f"{wal} does not belong to the AskWhy database beside it ({problem}). It was not "
        "applied and nothing was changed. If you did not put it there, move it (and "
        f"{shm.name}) out of the folder; if you copied this folder, copy {shm.name} too."
    )


def _upgrade_with_backup(
    path: Path, state: FileState, schema: Schema, busy_timeout_ms: int, lock: DataLock
) -> None:
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
        restored = backups.restore(backup, aside_reason="failed-upgrade", lock=lock)
        raise MigrationFailed(
            f"Upgrading the AskWhy database failed ({error}). Your data was put back from "
            f"the backup made just before, {restored.backup.describe(system_zone())}; the "
            f"failed file is kept as {restored.aside.name}. Please report this problem; until "
            "it is fixed, use the AskWhy version you had before."
        ) from error
    engine.dispose()
