"""`askwhy import FILE.csv|FILE.xlsx [--dry-run] [--map COLUMN=FIELD ...]`.

The plan comes from `desktop.store.foreign_import`; this module reads the options, prints
the plan for `--dry-run`, and otherwise writes it through `Store.apply_import`: one
transaction, as every import.

`--map` takes two kinds of pairs, told apart by what stands right of the `=`:
- `COLUMN=FIELD` names what a column is (`Firma=company`, `Notizen=notes`, `Board=ignore`);
- `STATUS=STAGE` says what one of the file's status words means (`Expired=withdrawn`).
Fields and stages share no name, so the two never clash.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from pathlib import Path

from desktop.cli import EXIT_OK, Io
from desktop.cli.data import open_data, open_existing
from desktop.core.errors import InvalidInput
from desktop.core.import_formats import DateOrder, Field
from desktop.core.model import Stage
from desktop.store import exchange, foreign_import
from desktop.store.foreign_import import ImportPlan
from desktop.store.repository import Store

# How many duplicates and refused rows a dry run lists before it only counts the rest.
LISTED = 50


def parse_map(pairs: Sequence[str]) -> tuple[dict[str, Field], dict[str, Stage]]:
    """`--map` pairs as column fields and status stages, or InvalidInput naming the bad one."""
    columns: dict[str, Field] = {}
    statuses: dict[str, Stage] = {}
    fields = {field.value: field for field in Field} | {"applied": Field.APPLIED_AT}
    stages = {stage.value: stage for stage in Stage}
    for pair in pairs:
        left, equals, right = pair.rpartition("=")
        target = right.strip().casefold().replace(" ", "_")
        if not equals or not left.strip():
            raise InvalidInput(f"--map {pair!r} should look like COLUMN=FIELD or STATUS=STAGE")
        if target in fields:
            columns[left.strip()] = fields[target]
        elif target in stages:
            statuses[left.strip()] = stages[target]
        else:
            raise InvalidInput(
                f"--map {pair!r}: {right.strip()!r} is neither a field "
                f"({', '.join(f.value for f in Field)}) nor a stage "
                f"({', '.join(s.value for s in Stage)})"
            )
    return columns, statuses


def run(args: argparse.Namespace, io: Io, raw: bytes) -> int:
    """Plan the import of `raw`; print the plan (`--dry-run`) or write it.

    A dry run opens the store only if it exists (to find duplicates): it creates nothing.
    """
    path: Path = args.file
    columns, statuses = parse_map(args.map or [])
    table = foreign_import.read_table(raw, path.suffix, sheet=args.sheet)
    plan = foreign_import.plan_import(
        table,
        now=io.now,
        tz=io.tz,
        overrides=columns,
        statuses=statuses,
        date_order=DateOrder(args.date_order) if args.date_order else None,
    )
    if args.dry_run:
        existing = open_existing(args)
        try:
            plan = foreign_import.with_duplicates(plan, existing)
        finally:
            if existing is not None:
                existing.close()
        print(describe(plan, path, stored=existing is not None), file=io.stdout)
        return EXIT_OK
    rows = foreign_import.accepted_rows(plan)
    with open_data(args) as database:
        summary = Store(database).apply_import(exchange.TableImport(rows), now=io.now)
    print(f"Imported {summary} from {path}.", file=io.stdout)
    return EXIT_OK


def describe(plan: ImportPlan, path: Path, *, stored: bool) -> str:
    """The dry run's report: what was detected, what each column becomes, what would happen."""
    table = plan.table
    encoding = f", {table.encoding}" if table.encoding else ""
    lines = [
        f"Import plan for {path.name} (dry run: nothing was written)",
        f"Format: {plan.format_name}; {table.kind}{encoding}",
        "Columns:",
    ]
    lines += [
        f"  {header or '(no header)'} -> {field.label}"
        for header, field in zip(table.headers, plan.fields, strict=True)
    ]
    if plan.date_order is not None:
        lines.append(
            "Dates like 03/04/2025 are read "
            + ("day first (3 April)" if plan.date_order is DateOrder.DAY_FIRST else "month first")
        )
    lines.append(plan.counts().capitalize() + ".")
    if not stored:
        lines.append("(No data folder yet: only repeats within the file count as duplicates.)")
    lines += _listed(
        "Duplicates to skip:",
        [f"  row {plan.rows[i].line}: {plan.rows[i].company}, {plan.rows[i].role}"
         for i in sorted(plan.duplicates)],
    )  # fmt: skip
    lines += _listed("Refused rows:", [f"  row {r.row}: {r.reason}" for r in plan.refused])
    if plan.undecided_dates:
        lines.append("Say how to read dates like 03/04/2025 with --date-order dmy or mdy.")
    if plan.unknown_statuses:
        words = ", ".join(f"{word!r} ({count})" for word, count in _by_count(plan.unknown_statuses))
        lines.append(f"Unknown statuses: {words}. Map one with --map 'WORD=STAGE'.")
    return "\n".join(lines)


def _listed(title: str, items: list[str]) -> list[str]:
    if not items:
        return []
    more = [f"  … and {len(items) - LISTED} more"] if len(items) > LISTED else []
    return [title, *items[:LISTED], *more]


def _by_count(counts: Mapping[str, int]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
