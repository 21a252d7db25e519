"""`askwhy import FILE.json|FILE.csv|FILE.xlsx [--dry-run]`: a JSON export restored, or a
table added (`desktop.cli.table_import`).

The whole file is read and checked before the database is even opened: a bad file must not
create a data dir or run a migration either.
"""

from __future__ import annotations

import argparse
import os
import stat
from pathlib import Path

from desktop.cli import EXIT_OK, Io, table_import
from desktop.cli.data import open_data
from desktop.core.errors import InvalidInput
from desktop.store import exchange, imports
from desktop.store.repository import Store

# Far above any real history (100,000 applications export to about 100 MB); a larger file
# is a wrong file, and reading it whole would only exhaust memory.
MAX_IMPORT_BYTES = 1024 * 2**20


def run(args: argparse.Namespace, io: Io) -> int:
    path: Path = args.file
    raw = _read_import_file(path)
    if path.suffix.lower() != ".json":
        return table_import.run(args, io, raw)
    if args.map or args.sheet or args.date_order:
        raise InvalidInput("--map, --sheet and --date-order are for .csv and .xlsx tables")
    plan = imports.parse_import(raw, path.suffix.lower(), now=io.now, tz=io.tz)
    if args.dry_run:
        assert isinstance(plan, exchange.FullImport)
        counts = plan.snapshot.counts()
        print(f"Would restore {counts} from {path}; nothing was written.", file=io.stdout)
        return EXIT_OK
    with open_data(args) as database:
        summary = Store(database).apply_import(plan, now=io.now)
    print(f"Imported {summary} from {path}.", file=io.stdout)
    return EXIT_OK


def _read_import_file(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_IMPORT_BYTES, or InvalidInput.

    A FIFO, a device such as /dev/zero (perhaps behind a symlink) or a growing file would
    be read until memory runs out: the kind is checked on the opened file, so nothing can
    be swapped in between, and the read stops one byte past the limit whatever stat said.
    O_NONBLOCK keeps opening a FIFO with no writer from hanging.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InvalidInput(f"cannot import {path}: no such file") from None
    except IsADirectoryError:
        raise InvalidInput(f"cannot import {path}: it is a folder") from None
    with os.fdopen(fd, "rb") as stream:
        kind = os.fstat(stream.fileno()).st_mode
        if stat.S_ISDIR(kind):
            raise InvalidInput(f"cannot import {path}: it is a folder")
        if not stat.S_ISREG(kind):
            raise InvalidInput(f"cannot import {path}: it is not a regular file")
        raw = stream.read(MAX_IMPORT_BYTES + 1)
    if len(raw) > MAX_IMPORT_BYTES:
        raise InvalidInput(
            f"cannot import {path}: it is larger than {MAX_IMPORT_BYTES // 2**20} MiB"
        )
    return raw
