"""Start time of the frozen app (PyInstaller bundle) against the same app from source.

    make dist && python tests/perf/frozen_start.py [--runs N]

Figures, each the median of N fresh processes in a private home:
- `askwhy --version`: the cheapest command, i.e. interpreter start plus our imports;
- GUI to event loop: from spawning the process to the app's own "is running" log line
  (ASKWHY_LOG=info), which `desktop.app` writes once the window is shown and the services
  are wired, right before it enters the event loop. The same line times both builds, so
  the comparison is fair without any hook inside the frozen app.

Then the bundle's size: the total, its largest files, and which of its Qt libraries and
plugins a running AskWhy never maps into memory (read from /proc/<pid>/maps while the frozen
GUI idles). Those are candidates for the spec's exclusions; a few are kept on purpose
(Wayland and other platforms this run did not use).
"""

from __future__ import annotations

import math
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import baseline

REPO = baseline.REPO
SOURCE_APP = (str(Path(sys.executable).with_name("askwhy")),)
GUI_TIMEOUT = 60.0
RUNNING_LINE = " is running (notifications:"


def time_command(argv: Sequence[str], env: dict[str, str]) -> float:
    started = time.monotonic()
    subprocess.run(list(argv), env=env, check=True, capture_output=True, timeout=60)
    return (time.monotonic() - started) * 1000


def time_to_event_loop(argv: Sequence[str], env: dict[str, str]) -> float:
    started = time.monotonic()
    process = subprocess.Popen(
        list(argv),
        env={**env, "ASKWHY_LOG": "info"},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    arrived: queue.Queue[float] = queue.Queue()
    tail: list[str] = []

    def pump() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            tail.append(line)
            if RUNNING_LINE in line:
                arrived.put(time.monotonic())

    threading.Thread(target=pump, daemon=True).start()
    try:
        return (arrived.get(timeout=GUI_TIMEOUT) - started) * 1000
    except queue.Empty:
        raise RuntimeError("no 'is running' line; stderr:\n" + "".join(tail[-15:])) from None
    finally:
        baseline.stop(process)


def measure(
    builds: dict[str, Sequence[str]], runs: int, env: dict[str, str]
) -> dict[str, dict[str, float]]:
    """Median figures per build. The builds take turns in every round, so a machine that
    gets busier during the benchmark slows both alike."""
    figures: dict[str, dict[str, list[float]]] = {
        label: {"version": [], "gui": []} for label in builds
    }
    for _ in range(runs):
        for label, argv in builds.items():
            with baseline.scratch(label) as root:
                run_env = baseline.isolated_env(env, root)
                run_env["ASKWHY_DATA_DIR"] = str(root / "askwhy-data")
                figures[label]["version"].append(time_command([*argv, "--version"], run_env))
                figures[label]["gui"].append(time_to_event_loop(argv, run_env))
    for label, values in figures.items():
        print(baseline.describe(f"{label} --version", values["version"], "ms"))
        print(baseline.describe(f"{label} GUI to event loop", values["gui"], "ms"))
    return {
        label: {key: baseline.median(series) for key, series in values.items()}
        for label, values in figures.items()
    }


def mapped_files(executable: Path, env: dict[str, str]) -> set[Path]:
    """The files a running, idle frozen GUI has mapped: what it really loaded."""
    with baseline.scratch("maps") as root:
        run_env = baseline.isolated_env(env, root)
        run_env["ASKWHY_DATA_DIR"] = str(root / "askwhy-data")
        proc = baseline.Proc([str(executable)], run_env)
        try:
            baseline.wait_cpu_settled(proc.pid, quiet_for=1.5, timeout=GUI_TIMEOUT)
            maps = Path(f"/proc/{proc.pid}/maps").read_text()
        finally:
            proc.stop()
    return {Path(line.split(None, 5)[5]) for line in maps.splitlines() if "/" in line}


def _mb(size: int) -> str:
    return f"{size / 1e6:6.1f} MB"


def size_report(bundle: Path, loaded: set[Path]) -> int:
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    total = sum(p.stat().st_size for p in files)
    print(f"\nbundle {bundle}: {_mb(total)} in {len(files)} files")
    groups: dict[str, int] = {}
    for path in files:
        parts = path.relative_to(bundle).parts
        key = "/".join(parts[:3]) if "PySide6" in parts[:2] else "/".join(parts[:2])
        groups[key] = groups.get(key, 0) + path.stat().st_size
    print("largest parts:")
    for key, size in sorted(groups.items(), key=lambda item: -item[1])[:15]:
        print(f"  {_mb(size)}  {key}")

    resolved = {p.resolve() for p in loaded}
    shared = [p for p in files if ".so" in p.name]
    unused = sorted(
        (p for p in shared if p.resolve() not in resolved),
        key=lambda p: -p.stat().st_size,
    )
    unused_size = sum(p.stat().st_size for p in unused)
    print(f"\nshared libraries never mapped by the idle GUI: {_mb(unused_size)} in {len(unused)}")
    for path in unused[:25]:
        print(f"  {_mb(path.stat().st_size)}  {path.relative_to(bundle)}")
    baseline.emit("bundle size", total / 1e6, "MB", "informational", None)
    baseline.emit("bundle never mapped", unused_size / 1e6, "MB", "informational", None)
    return total


def main() -> int:
    args = baseline.parse_args(__doc__.splitlines()[0] if __doc__ else "", default_runs=5)
    bundle = REPO / "dist" / "askwhy"
    if not (bundle / "askwhy").is_file():
        # Not a failure for `make bench`: the bundle is built by `make dist`, not here.
        print("skipped: no bundle in dist/askwhy; run `make dist` first", file=sys.stderr)
        baseline.emit("frozen start", math.nan, "ms", "needs `make dist`", None)
        return 0
    frozen_app = (str(bundle / "askwhy"),)
    with baseline.display_env() as env:
        medians = measure({"frozen": frozen_app, "source": SOURCE_APP}, args.runs, env)
        for key, label in (("version", "--version"), ("gui", "GUI to event loop")):
            for build in ("frozen", "source"):
                baseline.emit(f"{build} {label}", medians[build][key], "ms", "informational", None)
        loaded = mapped_files(bundle / "askwhy", env)
    size_report(bundle, loaded)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
