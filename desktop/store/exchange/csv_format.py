"""CSV: the table, for spreadsheets.

Export neutralises formula injection: a cell that a spreadsheet would run as a formula gets
a leading apostrophe, which import takes off again. Reading tables back (ours and other
trackers') is `desktop.store.foreign_import`'s.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime, tzinfo

from desktop.core import validation
from desktop.store.exchange.snapshot import Snapshot

# A neutralised CSV cell starts with one of these: each makes a spreadsheet evaluate it.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

CSV_COLUMNS = (
    "Company",
    "Role",
    "Stage",
    "Applied at",
    "Contacts",
    "Next deadline",
    "Location",
    "URL",
    "Source",
    "Notes",
    "Archived",
)


def neutralise_cell(text: str) -> str:
    """Keep a spreadsheet from running a cell as a formula (CSV injection)."""
    return f"'{text}" if text.startswith(FORMULA_TRIGGERS) else text


def unneutralise_cell(text: str) -> str:
    """Undo `neutralise_cell`, for AskWhy's own CSV coming back in (`foreign_import`)."""
    if text.startswith("'") and text[1:].startswith(FORMULA_TRIGGERS):
        return text[1:]
    return text


def _local(value: datetime | None, tz: tzinfo) -> str:
    if value is None:
        return ""
    # A value stored before the rules may sit at datetime's own limits.
    return validation.clamp_moment(value).astimezone(tz).isoformat(timespec="minutes")


def snapshot_to_csv(snapshot: Snapshot, tz: tzinfo) -> str:
    contacts: dict[int, list[str]] = {}
    for contact in snapshot.contacts:
        label = f"{contact.name} <{contact.email}>" if contact.email else contact.name
        contacts.setdefault(contact.application_id, []).append(label)
    deadlines: dict[int, datetime] = {}
    for request in snapshot.requests:
        if request.status.is_open:
            current = deadlines.get(request.application_id)
            if current is None or request.window_closes_at < current:
                deadlines[request.application_id] = request.window_closes_at
    buffer = io.StringIO()
    # QUOTE_MINIMAL with \r\n: what RFC 4180 and every spreadsheet expect.
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for application in snapshot.applications:
        cells = (
            application.company,
            application.role,
            application.stage.value,
            _local(application.applied_at, tz),
            "; ".join(contacts.get(application.id, [])),
            _local(deadlines.get(application.id), tz),
            application.location,
            application.url,
            application.source,
            application.notes,
            "yes" if application.archived else "",
        )
        writer.writerow([neutralise_cell(cell) for cell in cells])
    return buffer.getvalue()
