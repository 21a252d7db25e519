"""Writing the user's files (exports, .eml drafts) so that a crash never leaves half a file.

Kept apart from `exchange` so that the GUI's draft saving does not import SQLAlchemy.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


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
