"""A reminder fires at most once: concurrent claims from threads and from processes."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.core.model import RejectionInput
from desktop.store.database import Database
from desktop.store.repository import Store

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
REPO = Path(__file__).resolve().parents[2]


def make_reminders(store: Store, count: int) -> list[int]:
    ids: list[int] = []
    for index in range(count):
        logged = store.log_rejection(
            RejectionInput(
                company=f"Company {index}", role="Analyst", notified_at=NOW - timedelta(hours=1)
            ),
            now=NOW,
        )
        ids.extend(reminder.id for reminder in logged.reminders)
    return ids


def test_threads_racing_for_the_same_reminders_win_each_once(store: Store) -> None:
    ids = make_reminders(store, 10)
    wins: list[int] = []
    lock = threading.Lock()
    start = threading.Barrier(8)

    def claim_all(offset: int) -> None:
        start.wait()
        # Different orders so that threads really collide on the same rows.
        order = ids[offset:] + ids[:offset]
        for reminder_id in order:
            if store.claim_reminder(reminder_id, fired_at=NOW):
                with lock:
                    wins.append(reminder_id)

    threads = [threading.Thread(target=claim_all, args=(n * 3,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(wins) == sorted(ids)
    stored = [r for item in store.due_items(now=NOW) for r in store.reminders_for(item.request.id)]
    assert sorted(r.id for r in stored) == sorted(ids)
    assert all(r.fired_at == NOW for r in stored)


CLAIMER = """
import json, sys, time
from datetime import datetime, UTC
from desktop.store.database import open_database
from desktop.store.repository import Store

data_dir, ids, start_at = sys.argv[1], json.loads(sys.argv[2]), float(sys.argv[3])
store = Store(open_database(data_dir))
while time.time() < start_at:
    time.sleep(0.001)
won = [i for i in ids if store.claim_reminder(i, fired_at=datetime.now(UTC))]
print(json.dumps(won))
"""


def test_processes_racing_for_the_same_reminders_win_each_once(
    store: Store, database: Database
) -> None:
    ids = make_reminders(store, 15)
    start_at = time.time() + 2.0  # every child is importing by then; they start together
    children = []
    for n in range(4):
        order = ids[n * 5 :] + ids[: n * 5]
        children.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    CLAIMER,
                    str(database.path.parent),
                    json.dumps(order),
                    str(start_at),
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                cwd=REPO,
            )
        )
    wins: Counter[int] = Counter()
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        wins.update(json.loads(out))
    assert set(wins) == set(ids)
    assert max(wins.values()) == 1
