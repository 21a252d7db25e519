"""Undo and redo of a table import of 10,000 and of 100,000 rows, through the app's own Store.

Each run imports a CSV into a fresh data dir (`Store.import_undoably`, what File › Import
runs in a worker), then undoes it (`Store.take_back_import`) and redoes it
(`Store.put_back_import`), as Ctrl+Z and Ctrl+Shift+Z do through `ImportCommand`. Half
the rows carry a contact, so undo takes children along. Parsing the file is not timed.

Undo and redo run on the GUI thread (QUndoCommand), so they should cost about what the
import itself costs, off it: target <= 2.0x the import of the same size (undo reads every
row it removes, so that redo can put it back; the import only writes).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import baseline

SIZES = (10_000, 100_000)
TARGET_RATIO = 2.0
HEADER = "Company,Role,Date Applied,Status,Contact,Email\n"


def table(rows: int) -> bytes:
    lines = [HEADER]
    for index in range(rows):
        contact = f"Sam {index},sam{index}@example.org" if index % 2 else ","
        lines.append(
            f"Company {index},Role {index % 37},2025-{index % 12 + 1:02d}-{index % 28 + 1:02d},"
            f"Applied,{contact}\n"
        )
    return "".join(lines).encode("utf-8")


def one_run(folder: Path, raw: bytes) -> dict[str, float]:
    from datetime import UTC, datetime  # noqa: PLC0415

    from desktop.store import imports  # noqa: PLC0415
    from desktop.store.database import open_database  # noqa: PLC0415
    from desktop.store.repository import Store  # noqa: PLC0415

    now = datetime.now(UTC)
    plan = imports.parse_import(raw, ".csv", now=now, tz=UTC)
    with open_database(folder) as database:
        store = Store(database)
        started = time.perf_counter()
        imported = store.import_undoably(plan, now=now)
        import_s = time.perf_counter() - started
        started = time.perf_counter()
        taken = store.take_back_import(imported.added, imported.shared_before)
        undo_s = time.perf_counter() - started
        assert not store.list_summaries(), "undo left applications behind"
        started = time.perf_counter()
        store.put_back_import(taken)
        redo_s = time.perf_counter() - started
        assert len(store.list_summaries()) == len(imported.added), "redo lost applications"
    return {"import": import_s, "undo": undo_s, "redo": redo_s}


def main() -> int:
    args = baseline.parse_args(__doc__ or "", default_runs=3)
    with baseline.scratch("import-undo") as root:
        for rows in SIZES:
            raw = table(rows)
            figures: dict[str, list[float]] = {"import": [], "undo": [], "redo": []}
            for run in range(args.runs):
                measured = one_run(root / f"data-{rows}-{run}", raw)
                for key, seconds in measured.items():
                    figures[key].append(seconds)
                print(
                    f"{rows:,} rows, run {run + 1}: import {measured['import']:.2f} s, "
                    f"undo {measured['undo']:.2f} s, redo {measured['redo']:.2f} s",
                    flush=True,
                )
            for key, values in figures.items():
                print(baseline.describe(f"{rows:,} rows {key}", values, "s"))
            import_s = baseline.median(figures["import"])
            for key in ("undo", "redo"):
                seconds = baseline.median(figures[key])
                ratio = seconds / import_s
                baseline.emit(
                    f"import_{key}_{rows // 1000}k",
                    round(seconds, 3),
                    "s",
                    f"<= {TARGET_RATIO:.1f}x the import",
                    ratio <= TARGET_RATIO,
                    import_s=round(import_s, 3),
                    ratio=round(ratio, 2),
                    runs=args.runs,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
