"""A reader in another process racing restores: never an empty database, never a lost file.

The window's old restore left a fresh empty database in place 2 times in 40 (issue 10):
a reader reconnected while the file was away. Here a child process opens the data folder
and reads in a loop while this process restores RACE_RUNS times.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.store.backups import Backups
from desktop.store.database import open_database
from desktop.store.location import DB_FILENAME
from desktop.store.repository import Store
from tests.reliability.support import REPO, Lines, wait_until

RACE_RUNS = 40
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)

READER = """
import sys
from desktop.store.database import open_database
from desktop.store.errors import StoreError
from desktop.store.repository import Store
print("reading", flush=True)
ok = refused = 0
while True:  # until killed
    try:
        with open_database(sys.argv[1], busy_timeout_ms=100) as database:
            Store(database).list_summaries()
        ok += 1
    except StoreError:
        refused += 1
    print(f"ok={ok} refused={refused}", flush=True)
"""


def companies(path: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [row[0] for row in connection.execute("SELECT company FROM applications")]
    finally:
        connection.close()


def test_a_reader_in_another_process_never_sees_an_empty_database(data_dir: Path) -> None:
    with open_database(data_dir) as database:
        Store(database).add_application("In the backup", "Analyst", now=NOW)
        backup = Backups(data_dir).create(database, "manual", now=NOW)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with subprocess.Popen(
        [sys.executable, "-c", READER, str(data_dir)],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as reader:
        lines = Lines(reader)
        lines.wait_for("reading", timeout=60)
        empty = 0
        try:
            for run in range(RACE_RUNS):
                with open_database(data_dir, busy_timeout_ms=10_000) as database:
                    Store(database).add_application("Replaced", "Analyst", now=NOW)
                restored = Backups(data_dir).restore(
                    backup, now=NOW + timedelta(seconds=run), wait_s=30
                )
                now_there = companies(data_dir / DB_FILENAME)
                empty += not now_there
                assert now_there == ["In the backup"]
                assert companies(restored.aside) == ["In the backup", "Replaced"]
            # It read throughout, and never crashed (a traceback would have ended it).
            assert reader.poll() is None
            # On a busy machine all the restores may pass before its first read is done;
            # once they stop, its reads must go through.
            wait_until(
                lambda: any(
                    line.startswith("ok=") and not line.startswith("ok=0 ")
                    for line in lines.snapshot()
                ),
                timeout=60,
                what="a read that went through",
            )
        finally:
            assert reader.stdin is not None
            reader.stdin.close()
            reader.kill()
    assert empty == 0
    assert any(line.startswith("ok=") for line in lines.snapshot()), lines.snapshot()
