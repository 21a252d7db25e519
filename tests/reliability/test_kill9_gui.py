"""Kill -9 the real GUI while it catches up on overdue reminders and the CLI writes beside it.

Each cycle adds rejections whose nudge fell due an hour ago (as if AskWhy had been closed),
then starts TWO `askwhy` windows at once on a real X display and a private D-Bus with a
recording notification server (single instance: one of them must hand over and exit), while
a CLI writer logs rejections in a loop. At a random moment everything is SIGKILLed.
After every kill the file passes `integrity_check` and every reported write is there; at
the end, no reminder was ever notified twice: every company shows up in at most one
notification (each request here has exactly one reminder due), and each one that was
notified has its reminder marked fired in the database (claimed before shown).
"""

from __future__ import annotations

import dataclasses
import random
import re
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.e2e import services
from tests.reliability.kill_driver import ROLE
from tests.reliability.support import DRIVER, Lines, db_path, integrity, kill_group, query

OVERDUE_PER_CYCLE = 4
COMPANY = re.compile(r"Gui Overdue \d{4}x")


def _require_desktop() -> None:
    missing = services.missing_binaries("Xvfb", "dbus-daemon")
    if missing:
        pytest.skip(f"missing {', '.join(missing)}: {services.apt_line(missing)}")


def _add_overdue(data_dir: Path, first: int) -> list[str]:
    """Rejections logged 3 h ago, as the app would have logged them then: nudge overdue."""
    from desktop.core.model import RejectionInput  # noqa: PLC0415
    from desktop.store.database import open_database  # noqa: PLC0415
    from desktop.store.repository import Store  # noqa: PLC0415

    then = datetime.now(UTC) - timedelta(hours=3)
    names = [f"Gui Overdue {index:04d}x" for index in range(first, first + OVERDUE_PER_CYCLE)]
    with open_database(data_dir) as database:
        store = Store(database)
        settings = store.load_settings()
        if settings.reminders.quiet_hours_enabled:
            # Quiet hours would move the nudge before the window, or drop it, by time of day.
            store.save_settings(
                dataclasses.replace(
                    settings,
                    reminders=dataclasses.replace(settings.reminders, quiet_hours_enabled=False),
                    asked_about_autostart=True,
                )
            )
        for name in names:
            store.log_rejection(
                RejectionInput(company=name, role="Analyst", notified_at=then), now=then
            )
    return names


def _run(cycles: int, tmp_path: Path) -> None:
    _require_desktop()
    seed = random.SystemRandom().randrange(2**32)
    rng = random.Random(seed)
    data_dir = tmp_path / "data"
    done: list[str] = []
    added: list[str] = []
    with services.desktop(tmp_path, data_dir=data_dir) as desk:
        record = tmp_path / "notifications.jsonl"
        services.start_recording_server(desk.processes, desk.env, record)
        env = {**desk.env, "ASKWHY_LOG": "info"}
        for cycle in range(cycles):
            added += _add_overdue(data_dir, cycle * OVERDUE_PER_CYCLE)
            logs = tmp_path / f"cycle-{cycle}"
            logs.mkdir()
            procs: list[subprocess.Popen[str]] = []
            try:
                with (logs / "writer.log").open("w") as err:
                    writer = subprocess.Popen(
                        [sys.executable, str(DRIVER), "cli", str(data_dir), f"{seed}-{cycle}"],
                        env=env,
                        stdin=subprocess.DEVNULL,
                        stdout=subprocess.PIPE,
                        stderr=err,
                        text=True,
                        start_new_session=True,
                    )
                procs.append(writer)
                lines = Lines(writer)
                for window in range(2):
                    with (logs / f"app-{window}.log").open("w") as out:
                        procs.append(
                            subprocess.Popen(
                                [*services.askwhy_command(), "--data-dir", str(data_dir)],
                                env=env,
                                stdin=subprocess.DEVNULL,
                                stdout=out,
                                stderr=subprocess.STDOUT,
                                text=True,
                                start_new_session=True,
                            )
                        )
                # The random kill moment is the point of the test: a sleep, not a wait.
                time.sleep(rng.uniform(0.3, 4.0))
                order = list(range(len(procs)))
                rng.shuffle(order)
                for index in order:
                    kill_group(procs[index])
                done += [line[5:] for line in lines.finish() if line.startswith("DONE ")]
            finally:
                for proc in procs:
                    kill_group(proc)
                    if proc.stdout is not None:
                        proc.stdout.close()
            app_logs = "".join(
                (logs / f"app-{n}.log").read_text(errors="replace") for n in range(2)
            )
            assert "Traceback" not in app_logs, app_logs[-3000:]
            path = db_path(data_dir)
            assert integrity(path) == "ok", f"cycle {cycle} (seed {seed})"
            present = {
                row[0]
                for row in query(path, "SELECT company FROM applications WHERE role = ?", (ROLE,))
            }
            lost = [company for company in done if company not in present]
            assert not lost, f"cycle {cycle} (seed {seed}): reported but lost: {lost[:5]}"
        notified: Counter[str] = Counter()
        for entry in services.read_records(record):
            text = f"{entry['summary']}\n{entry['body']}"
            notified.update(set(COMPANY.findall(text)))
    twice = {name: count for name, count in notified.items() if count > 1}
    assert not twice, f"notified more than once (seed {seed}): {twice}"
    assert notified, f"no overdue reminder was notified in {cycles} cycles (seed {seed})"
    fired = {
        row[0]
        for row in query(
            db_path(data_dir),
            "SELECT a.company FROM reminders m JOIN follow_up_requests q ON q.id = m.request_id"
            " JOIN applications a ON a.id = q.application_id WHERE m.fired_at IS NOT NULL",
        )
    }
    unclaimed = set(notified) - fired
    assert not unclaimed, f"shown without being claimed first: {sorted(unclaimed)}"
    print(
        f"gui: {cycles} kills, {len(done)} CLI writes, {len(notified)} of {len(added)} "
        f"overdue reminders notified once, seed {seed}"
    )


def test_kill_gui_during_catch_up(tmp_path: Path) -> None:
    _run(4, tmp_path)


@pytest.mark.slow
def test_kill_gui_during_catch_up_many_cycles(tmp_path: Path) -> None:
    _run(25, tmp_path)
