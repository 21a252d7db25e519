"""`askwhy backup`: a backup of the database, made now."""

from __future__ import annotations

import argparse

from desktop.cli import EXIT_OK, Io
from desktop.cli.data import open_data
from desktop.store.backups import Backups


def run(args: argparse.Namespace, io: Io) -> int:
    with open_data(args) as database:
        path = Backups(database.path.parent).create(database, reason="manual")
    print(f"Backed up to {path}", file=io.stdout)
    return EXIT_OK
