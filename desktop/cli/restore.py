"""`askwhy restore --list [--json] | --latest | FILE`: putting a backup back from a terminal.

It works like the window's restore (the same `Backups.restore`): the backup is examined
first and a damaged one is refused with the database unchanged; the current file is kept
beside it, renamed. It needs the database to itself: while an AskWhy window (or another
command) has it open, the data folder's lock makes it refuse with one line, rather than
swap the file under a running app. Restore from that window instead.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from desktop.cli import EXIT_BROKEN, EXIT_OK, PROG, Io, one_line
from desktop.core.errors import InvalidInput
from desktop.store.backups import BackupCheck, Backups
from desktop.store.database import open_database
from desktop.store.location import resolve_data_dir

HEADERS = ("Made", "Why", "Size", "Applications", "Check", "File")


def run(args: argparse.Namespace, io: Io) -> int:
    if args.json and not args.list:
        raise InvalidInput("--json goes with --list (see 'askwhy restore --help')")
    data_dir = resolve_data_dir(args.data_dir)
    backups = Backups(data_dir)
    if args.list:
        return _list(list(backups.checked()), args.json, io)
    if args.latest:
        chosen = _latest_good(backups, io)
        if chosen is None:
            return EXIT_BROKEN
        path = chosen.info.path
    else:
        path = _existing_file(args.file)
    restored = backups.restore(path, now=io.now)
    # Opened once with every check, so an older backup is upgraded now and not on the
    # next start; and a file that can't be opened is said here.
    open_database(data_dir).close()
    print(restored.describe(io.tz), file=io.stdout)
    return EXIT_OK


def _existing_file(text: str) -> Path:
    path = Path(text).expanduser()
    if not path.exists():
        raise InvalidInput(f"cannot restore {path}: no such file")
    if path.is_dir():
        raise InvalidInput(f"cannot restore {path}: it is a folder")
    return path


def _latest_good(backups: Backups, io: Io) -> BackupCheck | None:
    skipped = 0
    for check in backups.checked():
        if check.ok:
            if skipped:
                print(
                    f"{PROG}: skipped {skipped} newer backup(s) that fail their check "
                    f"(see '{PROG} restore --list')",
                    file=io.stderr,
                )
            return check
        skipped += 1
    print(
        f"{PROG}: no backup in {backups.directory} passes its check ({skipped} found); "
        "nothing was changed",
        file=io.stderr,
    )
    return None


def _list(checks: list[BackupCheck], as_json: bool, io: Io) -> int:
    if as_json:
        items = [
            {
                "path": str(check.info.path),
                "created_at": check.info.created_at.astimezone(io.tz).isoformat(),
                "size": check.info.size,
                "applications": check.applications,
                "ok": check.ok,
            }
            for check in checks
        ]
        json.dump(items, io.stdout, indent=2)
        io.stdout.write("\n")
        return EXIT_OK
    if not checks:
        print("No backups yet ('askwhy backup' makes one).", file=io.stdout)
        return EXIT_OK
    rows = [HEADERS]
    for check in checks:
        rows.append(
            (
                check.info.created_at.astimezone(io.tz).strftime("%Y-%m-%d %H:%M"),
                check.info.reason,
                f"{max(1, check.info.size // 1024)} KB",
                "?" if check.applications is None else str(check.applications),
                "ok" if check.ok else one_line(check.problem)[:60],
                check.info.path.name,
            )
        )
    widths = [max(len(row[column]) for row in rows) for column in range(len(HEADERS))]
    for row in rows:
        cells = zip(row, widths, strict=True)
        print("  ".join(cell.ljust(width) for cell, width in cells).rstrip(), file=io.stdout)
    return EXIT_OK
