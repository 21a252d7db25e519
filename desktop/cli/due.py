"""`askwhy due [--json]`: the open follow-up requests, their deadlines and next reminders."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import datetime, tzinfo

from desktop.cli import EXIT_OK, Io, one_line, print_json
from desktop.cli.data import open_for_reading
from desktop.core.model import DueItem
from desktop.core.reminders import PAUSED_INDEFINITELY, pause_text
from desktop.core.timefmt import format_countdown, format_local
from desktop.store.repository import Store


def _iso(value: datetime | None, tz: tzinfo) -> str | None:
    return None if value is None else value.astimezone(tz).isoformat()


def due_json(
    items: Sequence[DueItem], tz: tzinfo, paused_until: datetime | None
) -> list[dict[str, object]]:
    """The `due --json` items: a public format, so keys are only ever added."""
    return [
        {
            "request_id": item.request.id,
            "company": item.company,
            "role": item.role,
            "kind": item.request.kind.value,
            "status": item.request.status.value,
            "window_closes_at": _iso(item.request.window_closes_at, tz),
            "next_reminder_at": _iso(_next_reminder_at(item, paused_until), tz),
            "paused_until": _iso(paused_until, tz),
        }
        for item in items
    ]


def _next_reminder_at(item: DueItem, paused_until: datetime | None) -> datetime | None:
    """When the item's next reminder can fire: not before a pause ends, and not at all
    while reminders are paused until resumed."""
    due = item.next_reminder.effective_due_at if item.next_reminder else None
    if due is None or paused_until is None:
        return due
    return None if paused_until >= PAUSED_INDEFINITELY else max(due, paused_until)


def run(args: argparse.Namespace, io: Io) -> int:
    with open_for_reading(args, io) as database:
        store = Store(database, local_tz=lambda: io.tz)
        items = store.due_items(now=io.now)
        paused_until = store.load_settings().reminders_pause_end_at(io.now)
    if args.json:
        print_json(due_json(items, io.tz, paused_until), io.stdout)
        return EXIT_OK
    if not items:
        print("Nothing due: no open follow-up requests.", file=io.stdout)
        return EXIT_OK
    rows = [("Company", "Role", "Kind", "Closes", "Left", "Next reminder")]
    for item in items:
        closes = item.request.window_closes_at
        left = closes - io.now
        reminder = item.next_reminder.effective_due_at if item.next_reminder else None
        if reminder is None:
            next_text = "-"
        elif paused_until is not None and _next_reminder_at(item, paused_until) != reminder:
            next_text = f"paused {pause_text(paused_until, io.tz)}"
        else:
            next_text = format_local(reminder, io.tz)
        rows.append(
            (
                one_line(item.company),
                one_line(item.role),
                item.request.kind.value.replace("_", " "),
                format_local(closes, io.tz),
                format_countdown(left),
                next_text,
            )
        )
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    for row in rows:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip(),
            file=io.stdout,
        )
    return EXIT_OK
