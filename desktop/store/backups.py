"""Rotating backups of the database file, and putting one back.

A backup is made with `VACUUM INTO` (a consistent snapshot, never a file copy of a live
database), fsynced, made private (0600) and checked with `integrity_check` before it counts.
Names carry a UTC timestamp and the reason, so the list needs no index file:
`askwhy-20261126T053114.000000Z-daily.sqlite3`.

Putting one back (`restore`) happens only while nobody has the database open (the data
folder's lock, see `folder.DataLock`), and the database path is never empty meanwhile: the
current file is linked to its aside name, then the restored copy replaces it in one rename.
"""

from __future__ import annotations

import builtins
import contextlib
import logging
import os
import re
import shutil
import sqlite3
import stat
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import BinaryIO, Protocol

from desktop.store.errors import DatabaseCorrupt, DataDirUnusable, StoreError
from desktop.store.folder import (
    DataLock,
    make_private,
    prepare_data_dir,
    private_files,
    refuse_link,
)
from desktop.store.location import DB_FILENAME
from desktop.store.migrate import KNOWN_REVISIONS, inspect_file, sqlite_uri

logger = logging.getLogger(__name__)

BACKUP_DIRNAME = "backups"
AUTO_REASON = "daily"
_NAME = re.compile(r"^askwhy-(\d{8}T\d{6}\.\d{6}Z)-([a-z0-9-]+)\.sqlite3$")
_STAMP_FORMAT = "%Y%m%dT%H%M%S.%fZ"
# Unfinished snapshots: a name `list()` never matches.
PARTIAL_PREFIX = ".partial-"
# A partial whose writer still runs is locked by it (see `_remove_stale_partials`); this
# grace covers the instant between creating the file and locking it.
PARTIAL_GRACE_SECONDS = 10
# Where a partial can't be locked (no flock): only an old one is surely abandoned.
STALE_PARTIAL_SECONDS = 3600
_COPY_CHUNK = 1024 * 1024
# How long a restore waits for the commands reading the database to finish (new ones wait
# behind it); one that keeps the file open longer (a running AskWhy) makes it refuse.
RESTORE_WAIT_SECONDS = 5.0

# The thinning policy: everything from the last day, then one per day for a week, one per
# week for five weeks, one per month for a year; older ones go.
KEEP_ALL_FOR = timedelta(hours=24)
DAILY_FOR = timedelta(days=7)
WEEKLY_FOR = timedelta(weeks=5)
MONTHLY_FOR = timedelta(days=365)


class HasPath(Protocol):
    """What a backup needs of an open Database (kept structural: `database` imports us)."""

    @property
    def path(self) -> Path: ...


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    created_at: datetime
    reason: str
    size: int


@dataclass(frozen=True, slots=True)
class BackupCheck:
    """What a backup holds, and whether it can be restored (`problem` empty)."""

    info: BackupInfo
    applications: int | None
    problem: str

    @property
    def ok(self) -> bool:
        return not self.problem

    def describe(self, tz: tzinfo) -> str:
        """'2026-03-10 13:00 (3 applications, askwhy-….sqlite3)', for messages."""
        when = self.info.created_at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
        count = "?" if self.applications is None else str(self.applications)
        noun = "application" if self.applications == 1 else "applications"
        return f"{when} ({count} {noun}, {self.info.path.name})"


@dataclass(frozen=True, slots=True)
class Restored:
    """A finished restore: what was put back, and where the replaced file now is."""

    backup: BackupCheck
    aside: Path

    def describe(self, tz: tzinfo) -> str:
        """What the user is told after a restore: which backup, its time, what it holds."""
        return (
            f"Restored the backup from {self.backup.describe(tz)}. The data it replaced is "
            f"kept as {self.aside.name}."
        )


def utc_stamp(moment: datetime | None = None) -> str:
    """A sortable UTC stamp for file names (no ':' so it is valid on Windows too)."""
    moment = (moment or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime("%Y%m%dT%H%M%S") + f".{moment.microsecond:06d}Z"


def _clean_reason(reason: str) -> str:
    cleaned = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-")[:40].strip("-")
    return cleaned or "manual"


def check_file(path: Path) -> str:
    """`integrity_check` of a closed database file, read-only: 'ok' or the problems.

    Any failure is an answer, not an exception: a damaged schema makes SQLite hand back
    bytes that are not UTF-8 (UnicodeDecodeError), and the caller is asking exactly
    whether the file is damaged.
    """
    try:
        connection = sqlite3.connect(sqlite_uri(path, "ro"), uri=True)
        try:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
        finally:
            connection.close()
    except Exception as error:  # see the docstring: any failure is an answer
        return str(error) or type(error).__name__
    return "\n".join(str(row[0]) for row in rows)


def examine(info: BackupInfo) -> BackupCheck:
    """Check one backup: regular file, integrity, written by an AskWhy this one can read."""
    try:
        refuse_link(info.path)
    except StoreError as error:
        return BackupCheck(info, None, str(error))
    result = check_file(info.path)
    if result != "ok":
        return BackupCheck(info, None, f"damaged ({result.splitlines()[0][:200]})")
    try:
        state = inspect_file(info.path)
        applications = _count_applications(info.path)
    except Exception as error:  # a backup that can't be read is damaged
        return BackupCheck(info, None, f"not readable ({error})")
    if state.revision is None or state.revision not in KNOWN_REVISIONS:
        what = "not an AskWhy database" if state.revision is None else "from a newer AskWhy"
        return BackupCheck(info, applications, what)
    return BackupCheck(info, applications, "")


def _count_applications(path: Path) -> int:
    connection = sqlite3.connect(sqlite_uri(path, "ro"), uri=True)
    try:
        row = connection.execute("SELECT count(*) FROM applications").fetchone()
    finally:
        connection.close()
    return int(row[0])


def describe_file(path: Path) -> BackupInfo:
    """The BackupInfo of any file: from its name if it follows ours, else from its mtime."""
    status = path.stat()
    match = _NAME.match(path.name)
    if match is not None:
        created = datetime.strptime(match.group(1), _STAMP_FORMAT).replace(tzinfo=UTC)
        return BackupInfo(path, created, match.group(2), status.st_size)
    return BackupInfo(path, datetime.fromtimestamp(status.st_mtime, UTC), "", status.st_size)


def _place_without_overwriting(staging: Path, target: Path) -> None:
    """Move `staging` to `target`, failing if `target` exists (unlike rename() on POSIX)."""
    try:
        os.link(staging, target)
    except FileExistsError:
        raise
    except OSError:
        # No hard links here (FAT, some network shares): fall back to a checked rename.
        if target.exists():
            raise FileExistsError(target) from None
        os.rename(staging, target)
        return
    staging.unlink()


def _fsync_dir(directory: Path) -> None:
    """Make a rename durable (POSIX); directories can't be opened for this on Windows."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync(path: Path) -> None:
    # Read-write: Windows refuses to flush a handle opened read-only.
    fd = os.open(path, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def _locked_partial(path: Path) -> Iterator[None]:
    """Create `path` (0600, new) and hold an flock on it while the snapshot is written.

    The lock is what tells `_remove_stale_partials` that the writer is alive, in this
    process or another (pids can't tell: they are reused, and differ across containers).
    VACUUM INTO's own descriptor and SQLite's fcntl locks don't disturb a BSD flock.
    """
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o600)
    try:
        if os.name == "posix":
            import fcntl  # noqa: PLC0415 - POSIX only

            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


class Backups:
    """The backups of the database in `data_dir` (kept in `data_dir/backups`)."""

    def __init__(self, data_dir: Path, *, clock: Callable[[], datetime] | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.directory = self.data_dir / BACKUP_DIRNAME
        self._clock = clock or (lambda: datetime.now(UTC))

    # -- making ----------------------------------------------------------------------
    def create(self, database: HasPath, reason: str, *, now: datetime | None = None) -> Path:
        return self.create_from_file(database.path, reason, now=now)

    def create_from_file(self, db_path: Path, reason: str, *, now: datetime | None = None) -> Path:
        """Snapshot `db_path` into a new, checked, private backup file and return its path.

        The snapshot is written under a temporary name and renamed into the listed name
        only once it is complete, fsynced and checked: a crash or kill at any moment leaves
        either no new backup or a whole one, never a damaged file that "restore the newest
        backup" would pick. A killed run leaves its partial file, which the next start
        removes (`remove_stale_partials`).
        """
        prepare_data_dir(self.directory)
        self.remove_stale_partials()
        moment = now or self._clock()
        reason = _clean_reason(reason)
        partial = self.directory / f"{PARTIAL_PREFIX}{os.getpid()}-{uuid.uuid4().hex}"
        # Shared, like any reader: a restore must not swap the file while it is read.
        lock = DataLock(self.data_dir)
        try:
            lock.share(wait_s=5.0)
            # Pre-created 0600: VACUUM INTO would create it with the umask's mode, readable
            # by others for a moment. VACUUM INTO accepts an existing empty file.
            with _locked_partial(partial):
                self._snapshot(db_path, partial)
                target = self._publish(partial, moment, reason)
        except BaseException as error:
            # Only our own, unfinished file is removed; the database is never touched.
            partial.unlink(missing_ok=True)
            if isinstance(error, sqlite3.Error):
                raise DatabaseCorrupt(
                    f"AskWhy could not back up {db_path.name} ({error}). The database was "
                    "left as it is; run askwhy doctor."
                ) from error
            if isinstance(error, OSError):
                raise DataDirUnusable(
                    f"AskWhy cannot write a backup in {self.directory}: "
                    f"{error.strerror or error}. Free some space or fix the folder's permissions."
                ) from error
            raise
        finally:
            lock.release()
        logger.info("Backup written: %s", target.name)
        return target

    @staticmethod
    def _snapshot(db_path: Path, partial: Path) -> None:
        refuse_link(db_path)
        # mode=rw: a backup never creates the database it was asked to copy.
        source = sqlite3.connect(
            sqlite_uri(db_path, "rw"), uri=True, timeout=5.0, isolation_level=None
        )
        try:
            source.execute("VACUUM INTO ?", (str(partial),))
        finally:
            source.close()
        make_private(partial)
        # SQLite does not fsync the VACUUM INTO output; a backup must survive a crash.
        _fsync(partial)
        result = check_file(partial)
        if result != "ok":
            raise DatabaseCorrupt(
                f"The backup of {db_path.name} failed its integrity check ({result}). "
                "The database itself may be damaged: run askwhy doctor."
            )

    def _publish(self, partial: Path, now: datetime, reason: str) -> Path:
        """Give the finished file its listed name, never replacing another backup."""
        moment = now.astimezone(UTC)
        while True:
            target = self.directory / f"askwhy-{utc_stamp(moment)}-{reason}.sqlite3"
            try:
                _place_without_overwriting(partial, target)
            except FileExistsError:
                moment += timedelta(microseconds=1)
                continue
            _fsync_dir(self.directory)
            return target

    def partials(self) -> builtins.list[Path]:
        """Unfinished snapshots: being written now, or left by a killed backup."""
        if not self.directory.is_dir():
            return []
        return sorted(self.directory.glob(f"{PARTIAL_PREFIX}*"))

    def remove_stale_partials(self) -> int:
        """Delete the partials no running backup is writing; returns how many went.

        Its writer holds an flock on a partial for as long as it writes (`_locked_partial`),
        so one that can be locked here was abandoned by a killed run, at once, not after
        an hour. Where flock is missing, only the hour-old ones are surely abandoned.
        """
        removed = 0
        now = datetime.now(UTC).timestamp()
        for path in self.partials():
            with contextlib.suppress(OSError):
                age = now - path.lstat().st_mtime
                if age < PARTIAL_GRACE_SECONDS:
                    continue
                if os.name != "posix":
                    if age >= STALE_PARTIAL_SECONDS:
                        path.unlink()
                        removed += 1
                    continue
                if _unlink_if_unlocked(path):
                    removed += 1
        if removed:
            logger.info("Removed %d unfinished backups left by a stopped run", removed)
        return removed

    def auto(self, database: HasPath, *, now: datetime) -> Path | None:
        """At start: clear what a killed backup left, then at most one automatic backup per
        UTC day, then thinning. Returns the new file."""
        self.remove_stale_partials()
        today = now.astimezone(UTC).date()
        if any(
            info.reason == AUTO_REASON and info.created_at.date() == today for info in self.list()
        ):
            return None
        path = self.create(database, AUTO_REASON, now=now)
        self.thin(now)
        return path

    # -- listing and thinning ----------------------------------------------------------
    def list(self) -> builtins.list[BackupInfo]:
        """Oldest first. Files that do not follow the naming scheme, and links, are ignored."""
        if not self.directory.is_dir():
            return []
        found: builtins.list[BackupInfo] = []
        for path in self.directory.iterdir():
            if _NAME.match(path.name) is None or not stat.S_ISREG(path.lstat().st_mode):
                continue
            found.append(describe_file(path))
        found.sort(key=lambda info: (info.created_at, info.path.name))
        return found

    def latest(self) -> BackupInfo | None:
        backups = self.list()
        return backups[-1] if backups else None

    def checked(self) -> Iterator[BackupCheck]:
        """Every backup, newest first, each examined (integrity_check: slow on big files,
        so this is lazy and runs off the GUI thread)."""
        for info in reversed(self.list()):
            yield examine(info)

    def latest_good(self) -> BackupCheck | None:
        """The newest backup that passes its checks."""
        return next((check for check in self.checked() if check.ok), None)

    def thin(self, now: datetime) -> builtins.list[Path]:
        """Delete the backups the policy no longer keeps; returns what was deleted.

        In each day/week/month bucket the newest backup survives. The newest backup of all
        always survives, however old, so thinning can never leave nothing to restore.
        """
        backups = self.list()
        keep: set[Path] = set()
        seen_buckets: set[tuple[object, ...]] = set()
        for info in reversed(backups):  # newest first: the first in a bucket is kept
            age = now - info.created_at
            bucket: tuple[object, ...] | None
            day = info.created_at.date()
            if age <= KEEP_ALL_FOR:
                bucket = ("all", info.path)
            elif age <= DAILY_FOR:
                bucket = ("day", day)
            elif age <= WEEKLY_FOR:
                bucket = ("week", *day.isocalendar()[:2])
            elif age <= MONTHLY_FOR:
                bucket = ("month", day.year, day.month)
            else:
                bucket = None
            if bucket is not None and bucket not in seen_buckets:
                seen_buckets.add(bucket)
                keep.add(info.path)
        if backups:
            keep.add(backups[-1].path)
        deleted = [info.path for info in backups if info.path not in keep]
        for path in deleted:
            path.unlink(missing_ok=True)
        if deleted:
            logger.info("Thinned %d old backups", len(deleted))
        return deleted

    # -- restoring -------------------------------------------------------------------
    def restore(
        self,
        backup_path: Path,
        *,
        aside_reason: str = "replaced",
        now: datetime | None = None,
        lock: DataLock | None = None,
        wait_s: float = RESTORE_WAIT_SECONDS,
    ) -> Restored:
        """Put `backup_path` in place of the database; the current file is kept aside.

        Refuses (DatabaseCorrupt, nothing changed) a backup that fails `examine`. Needs the
        data folder's lock alone (DatabaseLocked while anyone has the database open; pass
        the `lock` this process already holds shared, to convert it; readers get `wait_s`
        to finish). Nothing is deleted
        or overwritten: the current file (with its -wal/-shm, which belong to it) is kept
        as `askwhy.sqlite3.<reason>-<stamp>`, returned even when there was no current file.
        """
        # A folder that isn't the user's alone (or can't be written) is refused first.
        prepare_data_dir(self.data_dir)
        backup = examine(describe_file(Path(backup_path)))
        if not backup.ok:
            raise DatabaseCorrupt(
                f"The backup {backup.info.path.name} is {backup.problem}; it was not restored "
                "and nothing was changed. Choose another backup."
            )
        own_lock = lock is None
        held = lock or DataLock(self.data_dir)
        held.exclusive(wait_s=wait_s)
        try:
            aside = self._swap_in(backup.info.path, _clean_reason(aside_reason), now)
        finally:
            if own_lock:
                held.release()
        logger.info("Restored %s; the previous file is %s", backup.info.path.name, aside.name)
        return Restored(backup, aside)

    def _swap_in(self, backup_path: Path, reason: str, now: datetime | None) -> Path:
        db_path = self.data_dir / DB_FILENAME
        aside = self._aside_name(db_path, reason, now or self._clock())
        staging = self.data_dir / f".askwhy-restore-{os.getpid()}-{uuid.uuid4().hex}.tmp"
        try:
            _copy_regular_file(backup_path, staging)
            _fsync(staging)
            for side in private_files(db_path):
                refuse_link(side)
            # The current file keeps its bytes under the aside name (a second link, so the
            # database path is never empty); its -wal/-shm follow it, since a stale WAL
            # beside the restored file would be replayed into it. The restored copy then
            # replaces the main file in one rename. A crash in between leaves the current
            # file in place (without a WAL that never existed after a clean close).
            current, wal, shm = private_files(db_path)
            aside_main, aside_wal, aside_shm = private_files(aside)
            moved: builtins.list[tuple[Path, Path]] = []
            try:
                if current.exists():
                    _link_or_copy(current, aside_main)
                for source, target in ((wal, aside_wal), (shm, aside_shm)):
                    if source.exists():
                        os.rename(source, target)
                        moved.append((source, target))
                os.replace(staging, db_path)
            except OSError:
                # As it was: the current file's WAL goes back beside it.
                for source, target in reversed(moved):
                    if not source.exists():
                        os.rename(target, source)
                raise
            _fsync_dir(self.data_dir)
        except OSError as error:
            staging.unlink(missing_ok=True)
            raise DataDirUnusable(
                f"AskWhy could not restore {backup_path.name}: {error.strerror or error}. "
                "Nothing was deleted; check the data folder's permissions and free space."
            ) from error
        return aside

    @staticmethod
    def _aside_name(db_path: Path, reason: str, now: datetime) -> Path:
        moment = now.astimezone(UTC)
        while True:
            candidate = db_path.with_name(f"{db_path.name}.{reason}-{utc_stamp(moment)}")
            if not any(path.exists() for path in private_files(candidate)):
                return candidate
            moment += timedelta(microseconds=1)


def _unlink_if_unlocked(path: Path) -> bool:
    import fcntl  # noqa: PLC0415 - POSIX only

    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # its backup is still being written
        path.unlink()
        return True
    finally:
        os.close(fd)


def _copy_regular_file(source: Path, target: Path) -> None:
    """Copy a closed file (nothing writes a backup) into a new private `target`.

    Only a regular file is read, and never beyond the size it had when opened: `restore
    FILE` takes any path, and a FIFO or /dev/zero would never end.
    """
    with source.open("rb") as reader:
        status = os.fstat(reader.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise DataDirUnusable(f"{source} is not a regular file; it was not restored.")
        flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0)
        with os.fdopen(os.open(target, flags, 0o600), "wb") as writer:
            _copy_bounded(reader, writer, status.st_size)
    make_private(target)


def _copy_bounded(reader: BinaryIO, writer: BinaryIO, size: int) -> None:
    left = size
    while left > 0:
        chunk = reader.read(min(_COPY_CHUNK, left))
        if not chunk:
            break
        writer.write(chunk)
        left -= len(chunk)


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError:
        # No hard links (FAT, some network shares): a copy, private like the original.
        shutil.copyfile(source, target)
        make_private(target)
