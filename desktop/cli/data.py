"""The data folder, opened for a command: the CLI's one way in to the database.

Only the commands that read or write data import this module (and with it SQLAlchemy), so
`askwhy --help`, `--version` and `read-email` never pay for the store.
"""

from __future__ import annotations

import argparse

from desktop.cli import PROG, Io
from desktop.store.database import Database, open_database
from desktop.store.location import DB_FILENAME, resolve_data_dir


def open_data(args: argparse.Namespace) -> Database:
    """The store of `--data-dir` (or the default dir), created and migrated if need be."""
    return open_database(resolve_data_dir(args.data_dir))


def open_for_reading(args: argparse.Namespace, io: Io) -> Database:
    """Like `open_data`, but a read-only data folder (read-only media, a mounted backup) is
    opened read-only, with one line on stderr saying so."""
    database = open_database(resolve_data_dir(args.data_dir), read_only_fallback=True)
    if database.read_only:
        print(
            f"{PROG}: {database.path.parent} is read-only: opened for reading only",
            file=io.stderr,
        )
    return database


def open_existing(args: argparse.Namespace) -> Database | None:
    """The store if it already exists; None rather than creating a data dir."""
    if not (resolve_data_dir(args.data_dir) / DB_FILENAME).is_file():
        return None
    return open_data(args)
