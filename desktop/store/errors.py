"""Known store failures: each tells the user what happened and what to do."""

from desktop.core.errors import UserFacingError


class StoreError(UserFacingError):
    """A database problem the user can act on (not a bug)."""


class DatabaseCorrupt(StoreError):
    """The file is not a readable SQLite database, or fails `PRAGMA integrity_check`."""


class DatabaseTooNew(StoreError):
    """The file was written by a newer AskWhy; it is left untouched."""


class DatabaseLocked(StoreError):
    """Another process holds a write lock for longer than the busy timeout."""


class DataDirUnusable(StoreError):
    """The data dir cannot be created or written (read-only, full disk, permissions)."""


class DataDirReadOnly(DataDirUnusable):
    """The data dir can be read but not written (read-only media, a mounted backup)."""


class DataDirUnsafe(DataDirUnusable):
    """The data dir belongs to someone else, or others may write in it: files could be
    swapped or linked under AskWhy, so it is not used at all."""


class DatabaseClosed(StoreError):
    """The Database was closed (for a restore, or at quit); it opens no new connection."""


class MigrationFailed(StoreError):
    """An upgrade failed and the pre-upgrade backup was put back."""


class NotFound(StoreError):
    """A record that the caller named does not exist (it may have been deleted)."""


def translate_sqlite_error(error: BaseException, path: object = None) -> StoreError | None:
    """The StoreError a low-level SQLite failure means for the user, or None for a bug.

    SQLite reports these as generic OperationalError/DatabaseError whose only distinguishing
    mark is the message text; the codes behind them are stable across versions.
    """
    message = str(error).lower()
    where = f" ({path})" if path is not None else ""
    if "locked" in message or "busy" in message:
        return DatabaseLocked(
            "The AskWhy database is busy: another program (perhaps a second AskWhy) is "
            "writing to it. Nothing was saved; close the other program and try again."
        )
    if "not a database" in message or "malformed" in message or "encrypted" in message:
        return DatabaseCorrupt(
            f"The AskWhy database{where} is damaged and was not changed. "
            "Restore the newest backup (askwhy doctor shows the choices)."
        )
    if (
        "readonly" in message
        or "read-only" in message
        or "unable to open" in message
        or "disk i/o" in message
        or "full" in message
        or "permission" in message
    ):
        return DataDirUnusable(
            f"AskWhy cannot write its data folder{where}: it is read-only, full, or not "
            "yours. Free some space or fix its permissions, or choose another --data-dir."
        )
    return None
