"""Email parsing against hostile input: time and peak memory against input size, for every
shape in tests/core/hostile_email.py (pasted text without "@", an HTML part of "<", a Subject
of "(", a long sender name, repeated encoded words, deep nesting, a normal email, ...).

For each shape and size (40, 160, 640 and 2,560 KB), the parse runs in this process: the
time is the median of the runs, the memory the peak that tracemalloc sees in one more run.
The ratio printed for each step is time(4x input) / time(input): linear is about 4,
quadratic 16; below a few milliseconds it is mostly timer and scheduler noise. Targets: any
160 KB input parses in <= 1 s and <= 200 MB.

Then the whole command, start-up included: `askwhy read-email FILE` and `askwhy
log-rejection --from-email FILE --no-gui` on each 160 KB input, in a fresh process with a
fresh data dir; wall time (median) and the child's peak RSS from wait4. Target: <= 5 s and
<= 400 MB.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

import baseline  # noqa: E402  (tests/perf, first on sys.path when run as a script)

from desktop.core.email_parsing import parse_rejection_email  # noqa: E402
from desktop.core.errors import InvalidInput  # noqa: E402
from tests.core.hostile_email import SHAPES  # noqa: E402

SIZES = (40_000, 160_000, 640_000, 2_560_000)  # the last, past timer noise on a busy machine
TARGET_SIZE = 160_000
PARSE_TARGET_S = 1.0
PARSE_TARGET_MB = 200.0
COMMAND_TARGET_S = 5.0
COMMAND_TARGET_MB = 400.0


def outcome(raw: bytes | str) -> str:
    try:
        parse_rejection_email(raw)
    except InvalidInput as error:
        return f"refused: {str(error)[:60]}"
    return "read"


def parse_seconds(raw: bytes | str, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        outcome(raw)
        times.append(time.perf_counter() - started)
    return baseline.median(times)


def parse_peak_mb(raw: bytes | str) -> float:
    tracemalloc.start()
    try:
        outcome(raw)
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


COMMANDS = {
    "read_email": ("read-email", "{email}"),
    "log_rejection": ("log-rejection", "--from-email", "{email}", "--no-gui"),
}


def command_run(
    command: tuple[str, ...], email: Path, root: Path, run: int
) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB, exit code) of one run of `command` on `email`."""
    env = dict(os.environ, PYTHONPATH=str(REPO), ASKWHY_DATA_DIR=str(root / f"data-{run}"))
    argv = [part.format(email=email) for part in command]
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "desktop", *argv],
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    return seconds, usage.ru_maxrss / 1024, child.returncode  # ru_maxrss is in KB on Linux


def main() -> int:
    args = baseline.parse_args(__doc__ or "", default_runs=3)
    print(f"{'shape':31} {'size':>7} {'median':>9} {'x4 ratio':>8} {'peak':>8}  outcome")
    for name, shape in SHAPES.items():
        previous: float | None = None
        for size in SIZES:
            raw = shape(size)
            seconds = parse_seconds(raw, args.runs)
            peak = parse_peak_mb(raw)
            ratio = f"{seconds / previous:8.1f}" if previous else f"{'':8}"
            print(
                f"{name:31} {len(raw) / 1000:6.0f}K {seconds * 1000:7.1f}ms {ratio} "
                f"{peak:6.1f}MB  {outcome(raw)}"
            )
            if size == TARGET_SIZE:
                baseline.emit(
                    f"email_parse_{name}",
                    seconds,
                    "s",
                    f"<= {PARSE_TARGET_S:g} s and <= {PARSE_TARGET_MB:g} MB at 160 KB",
                    seconds <= PARSE_TARGET_S and peak <= PARSE_TARGET_MB,
                    peak_mb=round(peak, 1),
                    bytes=len(raw),
                    runs=args.runs,
                )
            previous = seconds

    print("\nthe whole command, start-up included, on 160 KB")
    with baseline.scratch("email-parse") as root:
        for (name, shape), (label, command) in itertools.product(SHAPES.items(), COMMANDS.items()):
            raw = shape(TARGET_SIZE)
            email = root / f"{name}.eml"
            email.write_bytes(raw if isinstance(raw, bytes) else raw.encode())
            runs = [command_run(command, email, root, run) for run in range(args.runs)]
            seconds = baseline.median([run[0] for run in runs])
            peak = max(run[1] for run in runs)
            codes = sorted({run[2] for run in runs})
            print(f"{label:14} {name:31} {seconds:5.2f} s {peak:7.1f} MB  exit {codes}")
            baseline.emit(
                f"email_{label}_{name}",
                seconds,
                "s",
                f"<= {COMMAND_TARGET_S:g} s and <= {COMMAND_TARGET_MB:g} MB at 160 KB",
                seconds <= COMMAND_TARGET_S and peak <= COMMAND_TARGET_MB,
                peak_rss_mb=round(peak, 1),
                exit_codes=codes,
                runs=args.runs,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
