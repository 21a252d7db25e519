"""The user's files: written so that a crash never leaves half a file (exports, .eml
drafts), and read so that a file someone else named cannot stall or exhaust the app.

Kept apart from `exchange` so that the GUI's draft saving does not import SQLAlchemy.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from desktop.core.errors import InvalidInput

# O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer, forever if none comes.
# The flag changes nothing for a regular file, the only kind read here.
_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)


def read_small_file(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at `path`, or InvalidInput saying why not.

    A folder, a FIFO, a device (such as a symlink to /dev/zero) or a file over `limit` bytes
    is refused before any byte is read: the type is checked on the opened descriptor, so it
    cannot change between the check and the read.
    """
    too_large = f"cannot read {path}: it is larger than {limit / 1e6:g} MB"
    try:
        descriptor = os.open(path, _READ_FLAGS)
    except OSError as error:
        raise InvalidInput(f"cannot read {path}: {error.strerror or error}") from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise InvalidInput(f"cannot read {path}: it is a folder")
        if not stat.S_ISREG(info.st_mode):
            raise InvalidInput(f"cannot read {path}: it is not a regular file")
        if info.st_size > limit:
            raise InvalidInput(too_large)
        # One byte past the limit: the file may have grown since fstat.
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        raise InvalidInput(f"cannot read {path}: {error.strerror or error}") from None
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise InvalidInput(too_large)
    return data


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` as a private file that is either complete or absent."""
    folder = path.parent if str(path.parent) else Path(".")
    # mkstemp creates the file 0600 whatever the umask, and in the same folder so that
    # os.replace is an atomic rename.
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
