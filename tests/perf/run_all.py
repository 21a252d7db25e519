"""Run every benchmark in tests/perf, print one table, and write it to results/latest.md.

    python tests/perf/run_all.py [--runs N] [--only a,b] [--skip c] [--timeout S]

Each script is a separate process given `--runs N`; it prints its own figures and one or more
`RESULT {json}` lines (README.md), which become the rows of the table. A script that fails or
prints no RESULT line gets an error row, and the others still run. One display (a private
Xvfb unless DISPLAY is set) is shared by all scripts, so their bare baselines and the app
see the same X server. Nothing here asserts: the table says met or missed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import baseline

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
NOT_BENCHMARKS = {"baseline.py", "run_all.py", "conftest.py", "__init__.py"}
# Cheap and independent first; the slow ones (100k datasets, the 60 s idle, the jump) last.
PREFERRED_ORDER = [
    "write_path.py",
    "cold_start.py",
    "frozen_start.py",
    "time_to_interactive.py",
    "search_keystroke.py",
    "rejection_to_editor.py",
    "handover.py",
    "reminder_latency.py",
    "catch_up.py",
    "change_stall.py",
    "memory.py",
    "idle_cpu.py",
]


def discover() -> list[Path]:
    scripts = [
        path
        for path in HERE.glob("*.py")
        if path.name not in NOT_BENCHMARKS and not path.name.startswith(("_", "test_"))
    ]
    rank = {name: index for index, name in enumerate(PREFERRED_ORDER)}
    return sorted(scripts, key=lambda path: (rank.get(path.name, len(rank)), path.name))


def run_script(
    script: Path, runs: int, env: dict[str, str], timeout: float
) -> tuple[list[dict[str, Any]], float]:
    """Run one script, echoing its output; return its RESULT records and its duration."""
    print(f"\n=== {script.name} (--runs {runs}) ===", flush=True)
    started = time.monotonic()
    records: list[dict[str, Any]] = []
    error: str | None = None
    proc = subprocess.Popen(
        [sys.executable, str(script), "--runs", str(runs)],
        cwd=baseline.REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    tail: list[str] = []
    # A script that hangs without printing is killed by this watchdog, not waited on forever.
    watchdog = threading.Timer(timeout, baseline.stop, args=(proc,))
    watchdog.start()
    try:
        assert proc.stdout is not None
        for raw in proc.stdout:
            line = raw.rstrip("\n")
            print(f"  {line}", flush=True)
            tail = [*tail[-9:], line]
            if line.startswith(baseline.RESULT_PREFIX):
                try:
                    records.append(json.loads(line[len(baseline.RESULT_PREFIX) :]))
                except json.JSONDecodeError as problem:
                    error = f"bad RESULT line ({problem})"
        code = proc.wait()
    finally:
        watchdog.cancel()
        baseline.stop(proc)
    if time.monotonic() - started >= timeout:
        error = f"timed out after {timeout:.0f} s"
    elif code != 0 and error is None:
        error = f"exit {code}: {tail[-1] if tail else ''}"
    if error is not None or not records:
        records.append(
            {
                "name": script.stem,
                "median": None,
                "unit": "",
                "target": "",
                "met": None,
                "error": error or "no RESULT line",
            }
        )
    for record in records:
        record.setdefault("script", script.name)
    return records, time.monotonic() - started


_CORE = {"name", "median", "unit", "target", "met", "script", "error"}


def _figure(record: dict[str, Any]) -> str:
    value = record.get("median")
    if value is None:
        return "—"
    unit = record.get("unit", "")
    text = f"{value:,.3g}" if isinstance(value, float) and abs(value) < 10 else f"{value:,.1f}"
    return f"{text} {unit}".strip()


def _met(record: dict[str, Any]) -> str:
    if record.get("error"):
        return "ERROR"
    met = record.get("met")
    return "met" if met is True else "MISSED" if met is False else "n/a"


def _details(record: dict[str, Any]) -> str:
    if record.get("error"):
        return str(record["error"]).replace("|", "/")[:120]
    extra = {k: v for k, v in record.items() if k not in _CORE}
    return ", ".join(f"{k}={v}" for k, v in extra.items()).replace("|", "/")[:160]


def table(records: list[dict[str, Any]]) -> str:
    rows = [("Benchmark", "Median", "Target", "Result", "Details", "Script")]
    for record in records:
        rows.append(
            (
                str(record.get("name", "?")),
                _figure(record),
                str(record.get("target", "")),
                _met(record),
                _details(record),
                str(record.get("script", "")),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for index, row in enumerate(rows):
        lines.append("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
        if index == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    try:
        import PySide6  # noqa: PLC0415

        qt = PySide6.__version__
    except ImportError:
        qt = "not installed"
    return (
        f"{platform.platform()}, {os.cpu_count()} CPUs ({cpu}), Python "
        f"{platform.python_version()}, PySide6 {qt}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--runs", type=int, default=5, help="passed to every script (default 5)")
    parser.add_argument("--only", default="", help="comma-separated script names to run")
    parser.add_argument("--skip", default="", help="comma-separated script names to leave out")
    parser.add_argument("--timeout", type=float, default=1200, help="seconds per script")
    args = parser.parse_args()

    def names(text: str) -> set[str]:
        return {n.strip().removesuffix(".py") for n in text.split(",") if n.strip()}

    only, skip = names(args.only), names(args.skip)
    scripts = [s for s in discover() if (not only or s.stem in only) and s.stem not in skip]
    started = datetime.now(UTC)
    records: list[dict[str, Any]] = []
    durations: list[str] = []
    with baseline.display_env() as display_env:
        env = {**display_env, "PYTHONUNBUFFERED": "1"}
        for script in scripts:
            found, seconds = run_script(script, args.runs, env, args.timeout)
            records.extend(found)
            durations.append(f"{script.name} {seconds:.0f} s")
        display = f"QT_QPA_PLATFORM={env.get('QT_QPA_PLATFORM', '')}"
    text = table(records)
    header = (
        f"# AskWhy benchmarks\n\n"
        f"- When: {started:%Y-%m-%d %H:%M} UTC, `--runs {args.runs}` (figures are medians)\n"
        f"- Machine: {machine()}\n"
        f"- Display: {display}\n"
        f"- Durations: {', '.join(durations)}\n\n"
    )
    print("\n" + text)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / "latest.md"
    out.write_text(header + text + "\n", encoding="utf-8")
    (RESULTS / "latest.json").write_text(json.dumps(records, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
