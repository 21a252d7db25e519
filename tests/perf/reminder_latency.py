"""Delay between a reminder's due time and the Notify call that shows it.

    .venv/bin/python tests/perf/reminder_latency.py [--runs 5] [--lead 8]

Each run logs a rejection whose nudge (2 h after the notification) falls due `--lead`
seconds after `askwhy --minimized` is started, on its own Xvfb and private D-Bus. The
recording notification server stamps the wall time it received Notify; the delay is that
stamp minus the reminder's due time from the database. This measures the timer path (the
app is running, idle, when the reminder falls due), not the start-up path. Prints each run,
the median and the RESULT line of tests/perf/README.md (target: at most 1 s); asserts nothing.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

import baseline  # noqa: E402  (tests/perf, first on sys.path when run as a script)

from tests.e2e import services  # noqa: E402


def due_time(db_path: Path) -> datetime:
    connection = sqlite3.connect(db_path)
    try:
        row = connection.execute(
            "SELECT due_at FROM reminders WHERE kind = 'nudge' ORDER BY id LIMIT 1"
        ).fetchone()
    finally:
        connection.close()
    if row is None:
        raise RuntimeError("no nudge was planned (quiet hours?)")
    return datetime.fromisoformat(row[0]).replace(tzinfo=UTC)


def one_run(workdir: Path, lead: float) -> tuple[float, float]:
    """(delay of Notify after the due time, how long before it the app was running)."""
    with services.desktop(workdir) as desktop:
        record = workdir / "notifications.jsonl"
        services.start_recording_server(desktop.processes, desktop.env, record)
        notified = datetime.now(UTC) - timedelta(hours=2) + timedelta(seconds=lead)
        result = desktop.run_cli(
            "log-rejection", "--company", "Acme", "--role", "Engineer",
            "--notified-at", notified.isoformat(), "--no-gui",
        )  # fmt: skip
        if result.returncode != 0:
            raise RuntimeError(result.stderr)
        due = due_time(workdir / "data" / "askwhy.sqlite3")
        desktop.start_app("--minimized")
        services.wait_for(lambda: " is running (" in desktop.app_log(), 30, "askwhy to start")
        running_at = datetime.now(UTC)
        records = services.wait_for(
            lambda: services.read_records(record), lead + 90, "the Notify call"
        )
        received = datetime.fromtimestamp(records[0]["received_at"], UTC)
        return (received - due).total_seconds(), (due - running_at).total_seconds()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lead", type=float, default=8.0, help="seconds from start to due")
    args = parser.parse_args()
    delays = []
    for run in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="askwhy-latency-") as tmp:
            delay, idle_before = one_run(Path(tmp), args.lead)
        delays.append(delay)
        print(
            f"run {run + 1}: Notify {delay * 1000:.0f} ms after due (app idle {idle_before:.1f} s)"
        )
    median_ms = statistics.median(delays) * 1000
    print(
        f"\ndue -> Notify over {args.runs} runs: median {median_ms:.0f} ms,"
        f" min {min(delays) * 1000:.0f} ms, max {max(delays) * 1000:.0f} ms"
    )
    baseline.emit(
        "reminder_latency",
        median_ms,
        "ms",
        "<= 1000 ms",
        median_ms <= 1000,
        max_ms=round(max(delays) * 1000, 1),
        runs=args.runs,
    )


if __name__ == "__main__":
    main()
