"""Cold start: process start to the main window first painted, and to its data on screen,
with 2,000 applications, each as a ratio to a bare PySide6 QMainWindow started the same way
in the same run.

The app reports both moments itself when it honours ASKWHY_PERF_EXIT_AFTER_PAINT=1
(desktop/app/first_frame.py prints "PAINTED <time.monotonic()>", then "LOADED <t>" once the
data is in the window); otherwise both programs are watched by baseline.PROBE, which adds
the same small cost to each, and only the first paint is known. Runs alternate app and bare
so that a busy moment of the machine hits both. Targets: first paint <= 2.0x bare, data on
screen <= 3.0x bare.
"""

from __future__ import annotations

import math
import shutil
import sys

import baseline

TARGET_RATIO = 2.0
TARGET_DATA_RATIO = 3.0
APPLICATIONS = 2_000


def app_cold_start(env: dict[str, str], data_dir: str, *, hook: bool) -> tuple[float, float, float]:
    """(first paint, data shown, store and services running) in seconds from the start;
    the last two are NaN without the app's hook, as the probe cannot tell them.

    With the hook the app quits by itself once running, as a user's app quits: killed
    instead, it would leave its -wal behind, and the next start could not take its first
    look at the data before the store opens (store.summaries.first_look)."""
    if hook:
        proc = baseline.Proc(
            baseline.askwhy_argv("--data-dir", data_dir),
            {**env, baseline.PAINT_HOOK_ENV: "1"},
        )
    else:
        proc = baseline.Proc(baseline.askwhy_argv("--data-dir", data_dir, probe=True), env)
    try:
        painted = baseline.paint_time(proc)
        if not hook:
            return painted, math.nan, math.nan
        return painted, baseline.loaded_time(proc), baseline.ready_time(proc)
    finally:
        proc.stop()


def main() -> int:
    args = baseline.parse_args(__doc__ or "")
    hook = baseline.app_paint_hook_available()
    print(f"first paint measured by {'the app hook' if hook else 'the probe (no app hook)'}")
    app_ms: list[float] = []
    loaded_ms: list[float] = []
    ready_ms: list[float] = []
    bare_ms: list[float] = []
    with baseline.scratch("cold") as root, baseline.display_env() as display:
        template = root / "template"
        seeded = baseline.seed(template, APPLICATIONS)
        print(f"seeded {seeded.applications} applications in {seeded.seconds:.1f} s")
        env = baseline.isolated_env(display, root / "session")
        data_dir = root / "data"
        shutil.copytree(template, data_dir)
        # Warm-up, not counted: the first start after seeding may migrate or back up, and
        # both programs get their files into the page cache.
        app_cold_start(env, str(data_dir), hook=hook)
        baseline.bare_cold_start(env, probe=not hook)
        for run in range(args.runs):
            if run % 2:
                bare_ms.append(baseline.bare_cold_start(env, probe=not hook) * 1000)
                painted, loaded, ready = app_cold_start(env, str(data_dir), hook=hook)
            else:
                painted, loaded, ready = app_cold_start(env, str(data_dir), hook=hook)
                bare_ms.append(baseline.bare_cold_start(env, probe=not hook) * 1000)
            app_ms.append(painted * 1000)
            loaded_ms.append(loaded * 1000)
            ready_ms.append(ready * 1000)
            print(
                f"run {run + 1}: app painted {app_ms[-1]:.0f} ms, data shown "
                f"{loaded_ms[-1]:.0f} ms, running {ready_ms[-1]:.0f} ms, bare {bare_ms[-1]:.0f} ms"
            )
        platform = env.get("QT_QPA_PLATFORM", "")
    app = baseline.median(app_ms)
    bare = baseline.median(bare_ms)
    ratio = app / bare
    print(baseline.describe("app", app_ms, "ms"))
    print(baseline.describe("bare", bare_ms, "ms"))
    print(f"ratio {ratio:.2f}x (target <= {TARGET_RATIO}x)")
    details = {"bare_ms": round(bare, 1), "runs": args.runs, "platform": platform}
    baseline.emit(
        "cold_start_ratio",
        ratio,
        "x",
        f"<= {TARGET_RATIO}x bare",
        ratio <= TARGET_RATIO,
        app_ms=round(app, 1),
        measured_by="app hook" if hook else "probe",
        **details,
    )
    if hook:
        loaded = baseline.median(loaded_ms)
        data_ratio = loaded / bare
        print(baseline.describe("data shown", loaded_ms, "ms"))
        print(f"data on screen {data_ratio:.2f}x (target <= {TARGET_DATA_RATIO}x)")
        baseline.emit(
            "data_on_screen_ratio",
            data_ratio,
            "x",
            f"<= {TARGET_DATA_RATIO}x bare",
            data_ratio <= TARGET_DATA_RATIO,
            loaded_ms=round(loaded, 1),
            # For information: the store open and the services running (the data is
            # read-only until then).
            ready_ms=round(baseline.median(ready_ms), 1),
            **details,
        )
    else:
        # Without the app's hook nobody can tell when the data arrived.
        baseline.emit("data_on_screen_ratio", math.nan, "x", f"<= {TARGET_DATA_RATIO}x bare", None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
