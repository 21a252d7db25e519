"""Import of 100,000 rows from another tool's table: a CSV and an .xlsx, each into an empty
data dir through `askwhy import` (read, map, validate, find duplicates, one transaction).

Each run is a fresh child process, so its peak memory is its own: the figure is the rise of
the child's peak RSS (VmHWM) from just before the import to just after it. Time is wall
time for the whole command. Targets (issue 13): <= 10 s and <= +200 MB, for each format.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import baseline

ROWS = 100_000
TARGET_S = 10.0
TARGET_MB = 200.0
HEADER = ["Company", "Job Title", "Date Applied", "Status", "URL", "Location", "Notes"]
STATUSES = ["Applied", "Phone screen", "Interviewing", "Rejected", "No response", "Wishlist"]


def rows() -> list[tuple[str, str, date, str, str, str, str]]:
    start = date(2024, 1, 1)
    return [
        (
            f"Company {index}",
            f"Role {index % 37}",
            start + timedelta(days=index % 700),
            STATUSES[index % len(STATUSES)],
            f"https://jobs.example/{index}",
            "Berlin",
            "Met at a fair; follow up" if index % 3 == 0 else "",
        )
        for index in range(ROWS)
    ]


def write_files(folder: Path) -> dict[str, Path]:
    import openpyxl  # noqa: PLC0415

    table = rows()
    csv_path = folder / "table.csv"
    with csv_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        # Text dates in the US order, as a US sheet exports them.
        writer.writerows(
            (company, role, f"{day.month}/{day.day}/{day.year}", *rest)
            for company, role, day, *rest in table
        )
    xlsx_path = folder / "table.xlsx"
    # Not write-only: like Excel, a normal workbook records the sheet's dimension up front;
    # without it openpyxl's read-only mode reads the whole sheet once more just to size it.
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Applications"
    sheet.append(HEADER)
    for row in table:
        sheet.append(row)  # real date cells
    workbook.save(xlsx_path)
    return {"csv": csv_path, "xlsx": xlsx_path}


def child(file: Path, data_dir: Path) -> None:
    import io  # noqa: PLC0415

    from desktop import cli  # noqa: PLC0415
    from desktop.store import exchange, foreign_import, models  # noqa: PLC0415, F401

    args = cli.parse_args(["--data-dir", str(data_dir), "import", str(file)])
    before_kb = baseline.status_kb(os.getpid(), "VmHWM")
    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    code = cli.run_command(args, stdout=out, stderr=err)
    seconds = time.perf_counter() - started
    peak_kb = baseline.status_kb(os.getpid(), "VmHWM")
    if code != 0:
        raise SystemExit(err.getvalue())
    baseline.print_run(
        {"seconds": seconds, "peak_mb": (peak_kb - before_kb) / 1024, "out": out.getvalue()}
    )


def measure(file: Path, root: Path, runs: int) -> tuple[list[float], list[float]]:
    seconds: list[float] = []
    peaks: list[float] = []
    for run in range(runs):
        data_dir = root / f"data-{file.suffix[1:]}-{run}"
        result = subprocess.run(
            [sys.executable, __file__, "--child-import", str(file), str(data_dir)],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
            cwd=baseline.REPO,
        )
        records = [
            json.loads(line[len(baseline.RUN_PREFIX) :])
            for line in result.stdout.splitlines()
            if line.startswith(baseline.RUN_PREFIX)
        ]
        if result.returncode != 0 or not records:
            print(result.stderr[-3000:], file=sys.stderr)
            raise SystemExit(1)
        seconds.append(records[0]["seconds"])
        peaks.append(records[0]["peak_mb"])
        print(
            f"{file.suffix} run {run + 1}: {seconds[-1]:.2f} s, +{peaks[-1]:.0f} MB peak; "
            f"{records[0]['out'].strip()}"
        )
    return seconds, peaks


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--child-import":
        child(Path(sys.argv[2]), Path(sys.argv[3]))
        return 0
    args = baseline.parse_args(__doc__ or "", default_runs=3)
    with baseline.scratch("import") as root:
        started = time.perf_counter()
        files = write_files(root)
        print(f"wrote {ROWS:,} rows as CSV and .xlsx in {time.perf_counter() - started:.1f} s")
        for kind, file in files.items():
            seconds, peaks = measure(file, root, args.runs)
            print(baseline.describe(f"{kind} import time", seconds, "s"))
            print(baseline.describe(f"{kind} import peak", peaks, "MB"))
            time_s = baseline.median(seconds)
            peak_mb = baseline.median(peaks)
            baseline.emit(
                f"import_{kind}_100k_time",
                round(time_s, 2),
                "s",
                f"<= {TARGET_S:.0f} s",
                time_s <= TARGET_S,
                runs=args.runs,
                file_mb=round(file.stat().st_size / 2**20, 1),
            )
            baseline.emit(
                f"import_{kind}_100k_peak",
                round(peak_mb, 1),
                "MB",
                f"<= +{TARGET_MB:.0f} MB",
                peak_mb <= TARGET_MB,
                runs=args.runs,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
