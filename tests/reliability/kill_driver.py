"""A child process for the kill -9 tests: it writes or claims until it is killed.

    python kill_driver.py store DATA_DIR TAG    log rejections through the Store, in a loop
    python kill_driver.py cli DATA_DIR TAG      run `askwhy log-rejection --no-gui` in a loop
    python kill_driver.py claim DATA_DIR TAG    claim every due reminder, as the app's timer does
    python kill_driver.py backup DATA_DIR TAG   make backups in a loop, as `askwhy backup` does

It prints "READY" once it is about to write, then one line per write that has COMMITTED:
"DONE <company>" or "FIRED <reminder id>". A line is printed only after the call that made
the write returned, so every reported write must survive the kill.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROLE = "Kill Test Engineer"


def askwhy_argv() -> list[str]:
    # Same as tests.reliability.support.askwhy_argv; this file also runs as a plain script.
    return [sys.executable, "-m", "desktop"]


def company_name(tag: str, index: int) -> str:
    return f"Kill Co {tag}-{index:05d}"


def store_writer(data_dir: Path, tag: str) -> None:
    from desktop.core.model import RejectionInput  # noqa: PLC0415
    from desktop.store.database import open_database  # noqa: PLC0415
    from desktop.store.repository import Store  # noqa: PLC0415

    store = Store(open_database(data_dir))
    print("READY", flush=True)
    index = 0
    while True:
        now = datetime.now(UTC)
        company = company_name(tag, index)
        store.log_rejection(
            RejectionInput(
                company=company,
                role=ROLE,
                # Half of them old enough that some reminders are due at once, for the
                # claimers to race on while writes go on.
                notified_at=now - timedelta(hours=3 if index % 2 else 0),
                contact_name="Robin Example",
                contact_email="robin@example.com",
            ),
            now=now,
        )
        print(f"DONE {company}", flush=True)
        index += 1


def cli_writer(data_dir: Path, tag: str) -> None:
    print("READY", flush=True)
    index = 0
    while True:
        company = company_name(tag, index)
        notified = (datetime.now(UTC) - timedelta(hours=3)).isoformat()
        result = subprocess.run(
            [
                *askwhy_argv(),
                "--data-dir",
                str(data_dir),
                "log-rejection",
                "--company",
                company,
                "--role",
                ROLE,
                "--notified-at",
                notified,
                "--contact-email",
                "robin@example.com",
                "--no-gui",
            ],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode == 0:
            print(f"DONE {company}", flush=True)
        else:
            print(f"FAILED {company} {result.returncode} {result.stderr.strip()}", flush=True)
        index += 1


def claimer(data_dir: Path) -> None:
    import time  # noqa: PLC0415

    from desktop.store.database import open_database  # noqa: PLC0415
    from desktop.store.repository import Store  # noqa: PLC0415

    store = Store(open_database(data_dir))
    print("READY", flush=True)
    while True:
        now = datetime.now(UTC)
        # Far ahead, so that every unfired reminder is due: the most claims to race on.
        due = store.reminders_due(now=now + timedelta(days=60))
        claimed = False
        for firing in due:
            if store.claim_reminder(firing.reminder.id, fired_at=now):
                print(f"FIRED {firing.reminder.id}", flush=True)
                claimed = True
        if not claimed:
            time.sleep(0.005)  # nothing left to claim: yield the CPU to the writer


def backer(data_dir: Path) -> None:
    from desktop.store.backups import Backups  # noqa: PLC0415
    from desktop.store.database import open_database  # noqa: PLC0415

    database = open_database(data_dir)
    backups = Backups(data_dir)
    print("READY", flush=True)
    while True:
        path = backups.create(database, "manual")
        print(f"DONE {path.name}", flush=True)


def main(argv: list[str]) -> None:
    mode, data_dir, tag = argv[1], Path(argv[2]), argv[3]
    if mode == "store":
        store_writer(data_dir, tag)
    elif mode == "cli":
        cli_writer(data_dir, tag)
    elif mode == "claim":
        claimer(data_dir)
    elif mode == "backup":
        backer(data_dir)
    else:
        raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    main(sys.argv)
