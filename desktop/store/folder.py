"""The data folder: who may own it, the private files in it, and the lock that keeps a
restore from swapping the database under a reader.

No SQLAlchemy here: `database` and `backups` both build on this module, and neither
imports the other's internals (the old `backups` <-> `database` import circle).

Why the folder must be the user's and closed to others: AskWhy opens files in it by name.
In a folder that someone else owns, or may write in, that someone can swap a file for a
symbolic link (to make AskWhy write elsewhere) or plant a `-wal` for SQLite to apply. In a
folder only the user can write, nobody else can change what a name points to between a
check and an open, so checking each name with `lstat` (no symlinks) is enough.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import time
from pathlib import Path

from desktop.store.errors import DatabaseLocked, DataDirReadOnly, DataDirUnsafe, DataDirUnusable
from desktop.store.location import DB_FILENAME

# The main file and the two files SQLite keeps next to it in WAL mode.
SIDE_SUFFIXES = ("", "-wal", "-shm")
LOCK_FILENAME = f"{DB_FILENAME}.lock"
_POSIX = os.name == "posix"
_READ_ONLY_ERRNOS = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})
_LOCK_POLL_S = 0.05


def private_files(db_path: Path) -> list[Path]:
    return [db_path.with_name(db_path.name + suffix) for suffix in SIDE_SUFFIXES]


def make_private(path: Path) -> None:
    """chmod 0600 (file) or 0700 (dir) on POSIX; a no-op elsewhere (ACLs rule there).

    A symbolic link is refused, never followed: chmod would change the file it points to.
    """
    if not _POSIX:
        return
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    if stat.S_ISLNK(mode):
        raise DataDirUnsafe(
            f"{path} is a symbolic link. AskWhy does not follow links in its data folder; "
            "move the link away."
        )
    # A -wal or -shm vanishes when another connection closes the database last: gone
    # between the check and the chmod is as good as never there.
    with contextlib.suppress(FileNotFoundError):
        path.chmod(0o700 if stat.S_ISDIR(mode) else 0o600)


def refuse_link(path: Path) -> None:
    """Raise DataDirUnsafe if `path` is a symbolic link (or anything but a regular file)."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        kind = "a symbolic link" if stat.S_ISLNK(mode) else "not a regular file"
        raise DataDirUnsafe(
            f"{path} is {kind}. AskWhy does not follow links or open special files in its "
            "data folder; move it away, or restore a backup."
        )


def check_folder_is_private(directory: Path) -> None:
    """Refuse a folder that another user owns, or that others may write in (POSIX)."""
    if not _POSIX:
        return
    info = directory.stat()
    if info.st_uid != os.geteuid():
        raise DataDirUnsafe(
            f"AskWhy will not use {directory}: it belongs to another user (uid "
            f"{info.st_uid}), who could swap the files in it. Choose a folder of your own "
            "with --data-dir."
        )
    mode = stat.S_IMODE(info.st_mode)
    if mode & 0o022:
        raise DataDirUnsafe(
            f"AskWhy will not use {directory}: other users may write in it (mode "
            f"{mode:o}), and could swap the files in it. Run: chmod 700 {directory}"
        )


def _unusable(directory: Path, error: OSError) -> DataDirUnusable:
    reason = error.strerror or str(error)
    if error.errno in _READ_ONLY_ERRNOS:
        return DataDirReadOnly(
            f"AskWhy cannot write in its data folder {directory}: it is read-only "
            f"({reason}). Make it writable, or choose another folder with --data-dir."
        )
    if error.errno in {errno.ENOSPC, errno.EDQUOT}:
        return DataDirUnusable(
            f"AskWhy cannot write in its data folder {directory}: the disk is full. "
            "Free some space and try again."
        )
    return DataDirUnusable(
        f"AskWhy cannot use its data folder {directory}: {reason}. Fix its permissions, "
        "or choose another folder with --data-dir."
    )


def prepare_data_dir(data_dir: Path) -> Path:
    """Create the dir 0700, check it is private, and prove it is writable.

    Raises DataDirUnsafe (someone else's, or writable by others), DataDirReadOnly, or
    DataDirUnusable (cannot be created, full disk).
    """
    try:
        existed = data_dir.is_dir()
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        # mkdir's mode is masked by the umask, and an existing dir keeps its old mode; only
        # tighten a dir that is ours (new, or already holding our database) so that pointing
        # --data-dir at a shared folder does not lock others out of it.
        ours = _POSIX and data_dir.stat().st_uid == os.geteuid()
        if ours and (not existed or (data_dir / DB_FILENAME).exists()):
            make_private(data_dir)
        check_folder_is_private(data_dir)
        # A unique name: several threads or processes may be starting at once.
        fd, probe = tempfile.mkstemp(prefix=".askwhy-probe-", dir=data_dir)
        os.close(fd)
        os.unlink(probe)
    except OSError as error:
        raise _unusable(data_dir, error) from error
    return data_dir


class DataLock:
    """An advisory lock on `askwhy.sqlite3.lock` in the data dir (POSIX `flock`).

    Every open Database holds it shared; a restore takes it exclusive while it swaps the
    file. So a restore refuses while anyone (another process, or another Database in this
    one) keeps the file open, and nobody opens the file while it is being swapped: a
    reader that raced it could otherwise create an empty database at the path, or leave
    its -wal beside the restored file. flock locks belong to an open file, not to a
    process, so two Databases in one process exclude each other like two processes.

    flock has no queue: readers that come and go could keep a restore waiting forever. So
    a restore first takes the data dir itself exclusive (an "intent" lock), which readers
    must pass shared on their way in; then it waits for the readers already in.

    Elsewhere (Windows refuses to rename an open file anyway) and in a folder where the
    lock file cannot be made, it locks nothing.
    """

    def __init__(self, data_dir: Path) -> None:
        self.directory = data_dir
        self.path = data_dir / LOCK_FILENAME
        self._fd: int | None = None
        self._intent_fd: int | None = None

    def share(self, *, wait_s: float) -> None:
        """Hold the lock shared, waiting up to `wait_s` for a restore to finish."""
        fd = self._open()
        if fd is None:
            return
        import fcntl  # noqa: PLC0415 - POSIX only

        deadline = time.monotonic() + wait_s
        intent = os.open(self.directory, os.O_RDONLY | os.O_CLOEXEC)
        try:
            if _poll(intent, fcntl.LOCK_SH, deadline) and _poll(fd, fcntl.LOCK_SH, deadline):
                return
        finally:
            os.close(intent)  # only a gate: passed, or not
        self.release()
        raise DatabaseLocked(
            f"AskWhy is restoring a backup in {self.directory}; nothing was read or "
            "written. Try again in a moment."
        )

    def exclusive(self, *, wait_s: float) -> None:
        """Hold the lock alone, waiting up to `wait_s` for readers, or raise DatabaseLocked.

        Converts a shared hold of this same object (a failed upgrade puts its backup back).
        """
        fd = self._open()
        if fd is None:
            return
        import fcntl  # noqa: PLC0415 - POSIX only

        deadline = time.monotonic() + wait_s
        self._intent_fd = os.open(self.directory, os.O_RDONLY | os.O_CLOEXEC)
        if _poll(self._intent_fd, fcntl.LOCK_EX, deadline) and _poll(fd, fcntl.LOCK_EX, deadline):
            return
        self.release()
        raise DatabaseLocked(
            f"Another AskWhy, a command or a backup is using the database in "
            f"{self.directory}. Close it or let it finish first; in a running AskWhy, "
            "restore from its window (File › Restore from backup)."
        )

    def release(self) -> None:
        # Closing a descriptor drops its flock.
        for fd in (self._fd, self._intent_fd):
            if fd is not None:
                os.close(fd)
        self._fd = self._intent_fd = None

    def _open(self) -> int | None:
        """The lock file's descriptor (opened once), or None where nothing is locked."""
        if self._fd is not None or not _POSIX:
            return self._fd
        flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
        try:
            self._fd = os.open(self.path, flags, 0o600)
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise DataDirUnsafe(
                    f"{self.path} is a symbolic link. AskWhy does not follow links in its "
                    "data folder; move the link away."
                ) from error
            # A read-only folder: an existing lock file still works read-only; without
            # one, nobody can write (or restore) here, so there is nothing to keep apart.
            with contextlib.suppress(OSError):
                self._fd = os.open(self.path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
        return self._fd


def _poll(fd: int, operation: int, deadline: float) -> bool:
    """flock(fd, operation) without blocking, retried until `deadline`."""
    import fcntl  # noqa: PLC0415 - POSIX only

    while True:
        try:
            fcntl.flock(fd, operation | fcntl.LOCK_NB)
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(_LOCK_POLL_S)
        else:
            return True
