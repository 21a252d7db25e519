"""`askwhy export FILE.json|FILE.csv|FILE.ics`: everything, the table, or the deadlines."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli import EXIT_OK, PROG, Io, check_target
from desktop.cli.data import open_for_reading
from desktop.store.repository import Store


def run(args: argparse.Namespace, io: Io) -> int:
    path: Path = args.file
    check_target(path, "export to")
    with open_for_reading(args, io) as database:
        result = Store(database).export_file(path, now=io.now, tz=io.tz)
    for warning in result.warnings:
        print(f"{PROG}: warning: {warning}", file=io.stderr)
    print(f"Exported {result.summary} to {path}.", file=io.stdout)
    return EXIT_OK
