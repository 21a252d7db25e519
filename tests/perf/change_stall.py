"""How long one change stalls the GUI thread at 100,000 applications, and hand-over → editor.

    python tests/perf/change_stall.py [--runs N]

One change (the request editor's autosave, a logged rejection, a reminder firing, a snooze,
a rejection handed over by a second launch) should update the rows it names and nothing
more: DESIGN.md allows no single change to stall the GUI thread past 50 ms at 100,000
applications. Each run measures the longest event-loop stall around one change: a 1 ms
precise QTimer beats throughout, and the stall is the longest gap between two beats, from
just before the change is triggered until the event loop has been idle for a while after it
(so work the change queues, such as an editor opening, counts too). The same measurement
with no change gives the noise floor of this machine, printed alongside.

The window, the rejection flow and the reminder service are the app's own, wired as
`desktop.app` wires them, over a store seeded with 100,000 applications (40 of them with a
logged rejection, so there are requests and reminders); the clock is a manual one, so that a
reminder can be made due. A hand-over runs what `desktop.app` runs for a second launch's
`askwhy log-rejection`: the message is decoded, the rejection logged through the flow (one
undo step), and the editor opened on the next turn of the event loop.

Second figure: hand-over → editor shown, at 100,000 and at 100 applications in the same
run; the ratio should stay ≤ 2.0 (the hand-over must not depend on how much data there is).

Measured in child processes on the display `baseline.display_env()` provides. Nothing
asserts; RESULT lines say met or missed.
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # the child imports tests.fakes, however it was started

import baseline  # noqa: E402  (tests/perf, first on sys.path when run as a script)

STALL_TARGET_MS = 50.0
RATIO_TARGET = 2.0
LARGE = 100_000
SMALL = 100
QUIET_MS = 250  # the change is over once the loop has beaten this long without a stall
KINDS = ("autosave", "rejection", "reminder", "snooze", "handover")


# -- the child: everything Qt happens here --------------------------------------------------


def measure(data_dir: Path, runs: int) -> None:
    from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from desktop.core import handover  # noqa: PLC0415
    from desktop.core.model import RejectionInput  # noqa: PLC0415
    from desktop.core.reminders import SnoozeChoice  # noqa: PLC0415
    from desktop.native.notifications import NullNotifier  # noqa: PLC0415
    from desktop.native.reminder_service import ReminderService  # noqa: PLC0415
    from desktop.store.database import open_database  # noqa: PLC0415
    from desktop.store.repository import Store  # noqa: PLC0415
    from desktop.ui.main_window import MainWindow  # noqa: PLC0415
    from desktop.ui.request_editor import SAVE_DELAY_MS, RequestEditor  # noqa: PLC0415
    from tests.fakes import ManualClock  # noqa: PLC0415

    app = QApplication(sys.argv[:1])
    database = open_database(data_dir)
    store = Store(database)
    clock = ManualClock(datetime.now(UTC))
    settings = QSettings(str(data_dir / "perf-ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(None, clock, baseline.NullClipboard(), on_quit=app.quit, settings=settings)
    window.resize(1280, 760)
    window.show()
    loaded: list[bool] = []
    window.loaded.connect(lambda: loaded.append(True))
    window.attach_store(store)
    while not loaded:
        QCoreApplication.processEvents()
    reminders = ReminderService(store, clock, NullNotifier())
    reminders.start()
    flow = window.rejection_flow
    baseline.settle(0.5)

    gaps: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    heart = QTimer()
    heart.setTimerType(Qt.TimerType.PreciseTimer)
    heart.setInterval(1)
    heart.timeout.connect(beat)
    heart.start()

    def longest_stall(change: Any, *, at_least_ms: float = 0) -> float:
        """The longest gap between beats from `change` until the loop is quiet again."""
        baseline.settle(0.05)
        gaps.clear()
        last[0] = time.perf_counter()
        QTimer.singleShot(0, change)
        started = time.perf_counter()
        quiet_since = started
        while True:
            QCoreApplication.processEvents()
            now = time.perf_counter()
            if gaps and gaps[-1] > 0.02:
                quiet_since = now
            waited = (now - started) * 1000
            if waited >= at_least_ms and (now - quiet_since) * 1000 >= QUIET_MS:
                break
        return max(gaps, default=0.0) * 1000

    requests = [item.request.id for item in store.due_items(now=clock.now())]
    editor_ids = iter(requests)
    counter = iter(range(10**6))

    def open_editor() -> RequestEditor:
        editor = flow.open_request(next(editor_ids))
        assert editor is not None
        baseline.settle(0.2)
        return editor

    def autosave() -> float:
        editor = open_editor()
        # One keystroke; the debounced save follows SAVE_DELAY_MS later, in the same window.
        stall = longest_stall(
            lambda: editor.body_edit.insertPlainText(" thanks"), at_least_ms=SAVE_DELAY_MS + 100
        )
        editor.close()
        return stall

    def rejection() -> float:
        index = next(counter)
        return longest_stall(
            lambda: flow.log_rejection(
                RejectionInput(
                    company=f"Stall Company {index}",
                    role="Engineer",
                    notified_at=clock.now(),
                )
            )
        )

    def reminder() -> float:
        due = store.next_reminder_due()
        if due is None:
            return float("nan")
        clock.set(due + timedelta(seconds=1))
        return longest_stall(reminders.check_now)

    def snooze() -> float:
        editor = open_editor()
        stall = longest_stall(lambda: editor.snooze(SnoozeChoice("1h")))
        editor.close()
        return stall

    handover_ms: list[float] = []

    def hand_over() -> float:
        index = next(counter)
        message = handover.rejection_message(
            RejectionInput(
                company=f"Handed Company {index}", role="Engineer", notified_at=clock.now()
            )
        )
        shown: list[float] = []

        def second_launch() -> None:
            # What desktop.app.running's Wiring does with the message from the socket.
            started = time.perf_counter()
            logged = flow.log_rejection(handover.rejection_from_message(message))

            def open_editor_now() -> None:
                window.open_request(logged.request.id)
                shown.append((time.perf_counter() - started) * 1000)

            QTimer.singleShot(0, open_editor_now)

        stall = longest_stall(second_launch)
        handover_ms.append(shown[0])
        flow.close_all()
        return stall

    idle = [longest_stall(lambda: None) for _ in range(max(3, runs))]
    scenarios = {
        "autosave": autosave,
        "rejection": rejection,
        "reminder": reminder,
        "snooze": snooze,
        "handover": hand_over,
    }
    hand_over()  # warm-up: first-use imports and font caches are not a change's cost
    handover_ms.clear()
    for run in range(runs):
        record: dict[str, float] = {"idle_ms": idle[run % len(idle)]}
        for kind in KINDS:
            record[f"{kind}_ms"] = scenarios[kind]()
        record["handover_shown_ms"] = handover_ms[-1]
        baseline.print_run(record)
    heart.stop()
    reminders.stop()
    flow.close_all()
    window.close()
    database.close()


# -- the parent: display, data, figures ------------------------------------------------------


def main() -> int:
    args = baseline.parse_args(__doc__.splitlines()[0], default_runs=3, child=True)
    if args.child is not None:
        measure(args.child, args.runs)
        return 0
    runs = max(1, args.runs)
    results: dict[int, list[dict[str, Any]]] = {}
    with baseline.display_env() as display, baseline.scratch("change-stall") as root:
        env = baseline.isolated_env(display, root)
        for size in (LARGE, SMALL):
            data = root / f"data-{size}"
            seeded = baseline.seed(data, size)
            print(f"seeded {seeded.applications} applications in {seeded.seconds:.1f} s")
            records = baseline.run_child(__file__, data, runs, env, timeout=1800)
            if records is None:
                baseline.emit("change_stall", float("nan"), "ms", f"<= {STALL_TARGET_MS} ms", None)
                return 1
            results[size] = records
    large = results[LARGE]
    print(baseline.describe("no change (noise floor)", [r["idle_ms"] for r in large], "ms"))
    for kind in KINDS:
        values = [r[f"{kind}_ms"] for r in large]
        print(baseline.describe(f"{kind}: longest stall at {LARGE:,}", values, "ms"))
        median = baseline.median(values)
        baseline.emit(
            f"change_stall_{kind}",
            median,
            "ms",
            f"<= {STALL_TARGET_MS:.0f} ms",
            median <= STALL_TARGET_MS,
            applications=LARGE,
            idle_ms=round(baseline.median([r["idle_ms"] for r in large]), 1),
            runs=len(values),
        )
    shown = {size: [r["handover_shown_ms"] for r in records] for size, records in results.items()}
    for size, values in shown.items():
        print(baseline.describe(f"hand-over → editor shown at {size:,}", values, "ms"))
    ratio = baseline.median(shown[LARGE]) / baseline.median(shown[SMALL])
    print(f"ratio {LARGE:,} vs {SMALL:,}: {ratio:.2f}x")
    baseline.emit(
        "handover_editor_ratio",
        ratio,
        "x",
        f"<= {RATIO_TARGET}x",
        ratio <= RATIO_TARGET,
        large_ms=round(baseline.median(shown[LARGE]), 1),
        small_ms=round(baseline.median(shown[SMALL]), 1),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
