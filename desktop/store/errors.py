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


class MigrationFailed(StoreError):
    """An upgrade failed and the pre-upgrade backup was put back."""


class NotFound(StoreError):
    """A record that the caller named does not exist (it may have been deleted)."""
