"""Rotating backups of the database file, and putting one back.

A backup is made with `VACUUM INTO` (a consistent snapshot, never a file copy of a live
database), fsynced, made private (0600) and checked with `integrity_check` before it counts.
Names carry a UTC timestamp and the reason, so the list needs no index file:
`askwhy-20261126T053114.000000Z-daily.sqlite3`.
"""

from __future__ import annotations

import builtins
import contextlib
import logging
import os
import re
import shutil
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.store.database import (
    make_private,
    prepare_data_dir,
    private_files,
    utc_stamp,
)
from desktop.store.errors import DatabaseCorrupt, DataDirUnusable, StoreError
from desktop.store.location import DB_FILENAME
from desktop.store.migrate import sqlite_uri

if TYPE_CHECKING:
    from desktop.store.database import Database

logger = logging.getLogger(__name__)

BACKUP_DIRNAME = "backups"
AUTO_REASON = "daily"
_NAME = re.compile(r"^askwhy-(\d{8}T\d{6}\.\d{6}Z)-([a-z0-9-]+)\.sqlite3$")
_STAMP_FORMAT = "%Y%m%dT%H%M%S.%fZ"
# Unfinished snapshots: a name `list()` never matches.
_PARTIAL_PREFIX = ".partial-"
STALE_PARTIAL_SECONDS = 3600

# The thinning policy: everything from the last day, then one per day for a week, one per
# week for five weeks, one per month for a year; older ones go.
KEEP_ALL_FOR = timedelta(hours=24)
DAILY_FOR = timedelta(days=7)
WEEKLY_FOR = timedelta(weeks=5)
MONTHLY_FOR = timedelta(days=365)


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    created_at: datetime
    reason: str
    size: int


def _clean_reason(reason: str) -> str:
    cleaned = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-")[:40].strip("-")
    return cleaned or "manual"


def check_file(path: Path) -> str:
    """`integrity_check` of a closed database file, read-only: 'ok' or the problems."""
    try:
        connection = sqlite3.connect(sqlite_uri(path, "ro"), uri=True)
        try:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as error:
        return str(error)
    return "\n".join(str(row[0]) for row in rows)


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
    fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class Backups:
    """The backups of the database in `data_dir` (kept in `data_dir/backups`)."""

    def __init__(self, data_dir: Path, *, clock: Callable[[], datetime] | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.directory = self.data_dir / BACKUP_DIRNAME
        self._clock = clock or (lambda: datetime.now(UTC))

    # -- making ----------------------------------------------------------------------
    def create(self, database: Database, reason: str, *, now: datetime | None = None) -> Path:
        return self.create_from_file(database.path, reason, now=now)

    def create_from_file(self, db_path: Path, reason: str, *, now: datetime | None = None) -> Path:
        """Snapshot `db_path` into a new, checked, private backup file and return its path.

        The snapshot is written under a temporary name and renamed into the listed name
        only once it is complete, fsynced and checked: a crash or kill at any moment leaves
        either no new backup or a whole one, never a damaged file that "restore the newest
        backup" would pick.
        """
        prepare_data_dir(self.directory)
        self._remove_stale_partials()
        moment = now or self._clock()
        reason = _clean_reason(reason)
        partial = self.directory / f"{_PARTIAL_PREFIX}{os.getpid()}-{uuid.uuid4().hex}"
        try:
            # Pre-created 0600: VACUUM INTO would create it with the umask's mode, readable by
            # others for a moment. VACUUM INTO accepts an existing empty file.
            fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            os.close(fd)
        except OSError as error:
            raise DataDirUnusable(
                f"AskWhy cannot write a backup in {self.directory}: {error.strerror or error}. "
                "Free some space or fix the folder's permissions."
            ) from error
        try:
            source = sqlite3.connect(str(db_path), timeout=5.0, isolation_level=None)
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
        logger.info("Backup written: %s", target.name)
        return target

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

    def _remove_stale_partials(self) -> None:
        # Left by a killed backup. Only old ones: a young one may be another process's
        # backup in progress.
        cutoff = datetime.now(UTC).timestamp() - STALE_PARTIAL_SECONDS
        for path in self.directory.glob(f"{_PARTIAL_PREFIX}*"):
            with contextlib.suppress(OSError):
                if path.stat().st_mtime < cutoff:
                    path.unlink()

    def auto(self, database: Database, *, now: datetime) -> Path | None:
        """At most one automatic backup per UTC day, then thinning. Returns the new file."""
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
        """Oldest first. Files that do not follow the naming scheme are ignored."""
        if not self.directory.is_dir():
            return []
        found: builtins.list[BackupInfo] = []
        for path in self.directory.iterdir():
            match = _NAME.match(path.name)
            if match is None or not path.is_file():
                continue
            created = datetime.strptime(match.group(1), _STAMP_FORMAT).replace(tzinfo=UTC)
            found.append(BackupInfo(path, created, match.group(2), path.stat().st_size))
        found.sort(key=lambda info: (info.created_at, info.path.name))
        return found

    def latest(self) -> BackupInfo | None:
        backups = self.list()
        return backups[-1] if backups else None

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
        self, backup_path: Path, *, aside_reason: str = "replaced", now: datetime | None = None
    ) -> Path:
        """Put `backup_path` in place of the database; the current file is moved aside.

        The database must be closed. Nothing is deleted or overwritten: the current file (with
        its -wal/-shm, which belong to it) is renamed `askwhy.sqlite3.<reason>-<stamp>` and
        that path is returned, even when there was no current file (then nothing exists there).
        """
        backup_path = Path(backup_path)
        result = check_file(backup_path)
        if result != "ok":
            raise DatabaseCorrupt(
                f"The backup {backup_path.name} is damaged ({result}) and was not restored. "
                "Choose an older backup."
            )
        db_path = self.data_dir / DB_FILENAME
        aside = self._aside_name(db_path, _clean_reason(aside_reason), now or self._clock())
        staging = self.data_dir / f".askwhy-restore-{os.getpid()}.tmp"
        try:
            staging.unlink(missing_ok=True)
            fd = os.open(staging, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            os.close(fd)
            # A plain copy is right here: the backup is a closed file that nothing writes.
            shutil.copyfile(backup_path, staging)
            make_private(staging)
            _fsync(staging)
            # The -wal goes first: a stale WAL left next to the restored file would be
            # replayed into it. The main file goes last so a crash midway keeps it usable.
            moved: builtins.list[tuple[Path, Path]] = []
            try:
                for source, target in zip(
                    reversed(private_files(db_path)), reversed(private_files(aside)), strict=True
                ):
                    if source.exists():
                        os.rename(source, target)
                        moved.append((source, target))
                _place_without_overwriting(staging, db_path)
            except OSError:
                # Put the current files back where they were: a half-done restore must not
                # leave the app to start on an empty database.
                for source, target in reversed(moved):
                    if not source.exists():
                        os.rename(target, source)
                raise
        except OSError as error:
            staging.unlink(missing_ok=True)
            raise DataDirUnusable(
                f"AskWhy could not restore {backup_path.name}: {error.strerror or error}. "
                "Nothing was deleted; check the data folder's permissions and free space."
            ) from error
        make_private(db_path)
        logger.info("Restored %s; the previous file is %s", backup_path.name, aside.name)
        return aside

    @staticmethod
    def _aside_name(db_path: Path, reason: str, now: datetime) -> Path:
        moment = now.astimezone(UTC)
        while True:
            candidate = db_path.with_name(f"{db_path.name}.{reason}-{utc_stamp(moment)}")
            if not any(path.exists() for path in private_files(candidate)):
                return candidate
            moment += timedelta(microseconds=1)


def move_aside(db_path: Path, reason: str, *, now: datetime | None = None) -> Path:
    """Rename a (damaged) database and its side files out of the way; never deletes."""
    aside = Backups._aside_name(db_path, _clean_reason(reason), now or datetime.now(UTC))
    try:
        for source, target in zip(
            reversed(private_files(db_path)), reversed(private_files(aside)), strict=True
        ):
            if source.exists():
                os.rename(source, target)
    except OSError as error:
        raise StoreError(
            f"AskWhy could not move {db_path.name} aside: {error.strerror or error}."
        ) from error
    return aside
