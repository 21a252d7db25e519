"""Command-line start-up: `askwhy --help`, `askwhy --version` and `askwhy due [--json]`,
each in a fresh interpreter, from process start to exit.

The command line promises to start fast: a command imports only what it needs (no Qt, no
Alembic, no openpyxl, no IMAP for `due`; not even SQLAlchemy for `--help`). The floor is a
bare `python -c pass` in the same run, alternating with the commands so that a busy machine
moves every figure alike. `due` reads a data dir seeded with 2,000 applications, 40 of them
with an open follow-up request. Per command: the median wall time, the difference to the
bare interpreter, and how many modules it imported (`-X importtime`), with the heavy
libraries it loaded. Target: `--help` within 150 ms of the bare interpreter, `due` within
600 ms.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # seed() imports this checkout's desktop, not an installed one

import baseline  # noqa: E402  (tests/perf, first on sys.path when run as a script)

APPLICATIONS = 2_000
HEAVY = ("PySide6", "sqlalchemy", "alembic", "openpyxl", "icalendar", "imaplib", "keyring")
_IMPORTED = re.compile(r"import time:\s+\d+ \|\s+\d+ \|\s*(\S+)")
COMMANDS: dict[str, tuple[tuple[str, ...], float]] = {
    # name: (arguments after `askwhy --data-dir DIR`, target in ms over the bare interpreter)
    "help": (("--help",), 150.0),
    "version": (("--version",), 150.0),
    "due": (("due",), 600.0),
    "due_json": (("due", "--json"), 600.0),
}


def command_argv(data_dir: Path, arguments: tuple[str, ...]) -> list[str]:
    return baseline.askwhy_argv("--data-dir", str(data_dir), *arguments)


def seconds(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(argv, env=env, cwd=baseline.REPO, capture_output=True, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"{argv} failed: {result.stderr.decode(errors='replace')[-2000:]}")
    return elapsed


def imported(argv: list[str], env: dict[str, str]) -> list[str]:
    """The top-level names of every module the command imports, in order."""
    result = subprocess.run(
        [argv[0], "-X", "importtime", *argv[1:]],
        env=env,
        cwd=baseline.REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    return [match[1] for match in _IMPORTED.finditer(result.stderr)]


def main() -> int:
    args = baseline.parse_args(__doc__ or "")
    with baseline.scratch("cli-start") as root:
        env = baseline.isolated_env(dict(os.environ), root)
        data_dir = root / "data-dir"
        baseline.seed(data_dir, APPLICATIONS)
        bare = [sys.executable, "-c", "pass"]
        # Warm-up: bytecode written, the files in the page cache.
        seconds(bare, env)
        for arguments, _ in COMMANDS.values():
            seconds(command_argv(data_dir, arguments), env)
        times: dict[str, list[float]] = {name: [] for name in ("bare", *COMMANDS)}
        for run in range(args.runs):
            times["bare"].append(seconds(bare, env))
            for name, (arguments, _) in COMMANDS.items():
                times[name].append(seconds(command_argv(data_dir, arguments), env))
            print(
                f"run {run + 1}: "
                + ", ".join(f"{name} {values[-1] * 1000:.0f} ms" for name, values in times.items()),
                flush=True,
            )
        bare_ms = baseline.median(times["bare"]) * 1000
        print(f"bare interpreter: {bare_ms:.0f} ms")
        for name, (arguments, target_ms) in COMMANDS.items():
            modules = imported(command_argv(data_dir, arguments), env)
            heavy = sorted({module.split(".")[0] for module in modules} & set(HEAVY))
            command_ms = baseline.median(times[name]) * 1000
            over = command_ms - bare_ms
            print(
                f"askwhy {' '.join(arguments)}: {command_ms:.0f} ms ({over:+.0f} ms over bare), "
                f"{len(modules)} modules, heavy: {', '.join(heavy) or 'none'}"
            )
            baseline.emit(
                f"cli_{name}_over_bare",
                over,
                "ms",
                f"<= {target_ms:.0f} ms",
                over <= target_ms,
                command_ms=round(command_ms, 1),
                bare_ms=round(bare_ms, 1),
                modules=len(modules),
                heavy=heavy,
                runs=args.runs,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
