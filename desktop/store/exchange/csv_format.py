"""CSV: the table, for spreadsheets; and a table of applications to add.

Export neutralises formula injection: a cell that a spreadsheet would run as a formula gets
a leading apostrophe, which import takes off again. Import adds applications to whatever is
there, and skips a row whose company and role (ignoring case and spacing) already exist, so
importing the same table twice is harmless.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, tzinfo

from desktop.core import validation
from desktop.core.errors import InvalidInput
from desktop.core.model import Stage
from desktop.store.exchange.json_format import decode_text, shown
from desktop.store.exchange.snapshot import Snapshot, TableRow

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

# Header spellings CSV import understands, after lower-casing and collapsing spaces and
# underscores: our own export, and what people type in their own sheets.
_CSV_ALIASES: dict[str, str] = {
    "company": "company",
    "employer": "company",
    "organisation": "company",
    "organization": "company",
    "role": "role",
    "position": "role",
    "job title": "role",
    "title": "role",
    "job": "role",
    "stage": "stage",
    "status": "stage",
    "applied at": "applied_at",
    "applied": "applied_at",
    "applied on": "applied_at",
    "date applied": "applied_at",
    "location": "location",
    "url": "url",
    "link": "url",
    "source": "source",
    "notes": "notes",
    "note": "notes",
}


def neutralise_cell(text: str) -> str:
    """Keep a spreadsheet from running a cell as a formula (CSV injection)."""
    return f"'{text}" if text.startswith(FORMULA_TRIGGERS) else text


def _unneutralise(text: str) -> str:
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


def _header_key(text: str) -> str:
    return " ".join(text.replace("_", " ").replace("-", " ").lower().split())


def _dedupe_key(company: str, role: str) -> tuple[str, str]:
    def norm(text: str) -> str:
        return " ".join(unicodedata.normalize("NFKC", text).casefold().split())

    return norm(company), norm(role)


def _parse_stage(text: str) -> Stage:
    if not text.strip():
        return Stage.APPLIED
    key = text.strip().lower().replace(" ", "_").replace("-", "_")
    try:
        return Stage(key)
    except ValueError:
        allowed = ", ".join(stage.value for stage in Stage)
        raise InvalidInput(f"The stage {shown(text.strip())} is not one of {allowed}.") from None


def _pick_dialect(text: str) -> str:
    first_line = text.split("\n", 1)[0]
    for delimiter in (",", ";", "\t"):
        cells = next(csv.reader([first_line], delimiter=delimiter), [])
        if any(_CSV_ALIASES.get(_header_key(cell)) == "company" for cell in cells):
            return delimiter
    return ","


def parse_csv(raw: bytes, *, now: datetime, tz: tzinfo) -> tuple[TableRow, ...]:
    """Validate a CSV table completely, or raise InvalidInput naming the first bad row."""
    text = decode_text(raw, "CSV")
    # Files that went through several editors mix \r\n, \n and lone \r; the csv module
    # copes with quoted newlines only once they are uniform.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise InvalidInput("The CSV file contains NUL bytes; it is not a text table.")
    delimiter = _pick_dialect(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise InvalidInput(f"The CSV header is not valid: {error}.") from None
    if not header:
        raise InvalidInput("The CSV file is empty: it needs a header row with Company and Role.")
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = _CSV_ALIASES.get(_header_key(cell))
        if key is not None and key not in columns:
            columns[key] = index
    missing = [name for name in ("company", "role") if name not in columns]
    if missing:
        raise InvalidInput(
            f"The CSV header has no {' and no '.join(m.capitalize() for m in missing)} "
            "column; the first row must name the columns."
        )
    rows: list[TableRow] = []
    # Rows are numbered as a spreadsheet shows them (the header is row 1), which differs
    # from line numbers once a quoted cell spans lines.
    number = 1
    try:
        for number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            try:
                rows.append(_table_row(cells, columns, number, now, tz))
            except InvalidInput as error:
                raise InvalidInput(f"CSV row {number}: {error} Nothing was imported.") from None
    except csv.Error as error:
        raise InvalidInput(f"CSV row {number + 1}: {error}; nothing was imported.") from None
    return tuple(rows)


def _table_row(
    cells: Sequence[str], columns: Mapping[str, int], line: int, now: datetime, tz: tzinfo
) -> TableRow:
    def cell(name: str) -> str:
        index = columns.get(name)
        return "" if index is None or index >= len(cells) else _unneutralise(cells[index])

    applied = cell("applied_at").strip()
    return TableRow(
        line=line,
        company=validation.COMPANY.clean(cell("company")),
        role=validation.ROLE.clean(cell("role")),
        stage=_parse_stage(cell("stage")),
        applied_at=None
        if not applied
        else validation.parse_moment(applied, "The applied date", tz=tz, now=now),
        location=validation.LOCATION.clean(cell("location")),
        url=validation.LINK.clean(cell("url")),
        source=validation.SOURCE.clean(cell("source")),
        notes=validation.NOTES.clean(cell("notes")),
    )


def unique_rows(
    rows: Iterable[TableRow], existing: Iterable[tuple[str, str]]
) -> tuple[list[TableRow], int]:
    """The rows to add, and how many were skipped as already present (or repeated)."""
    seen = {_dedupe_key(company, role) for company, role in existing}
    fresh: list[TableRow] = []
    skipped = 0
    for row in rows:
        key = _dedupe_key(row.company, row.role)
        if key in seen:
            skipped += 1
            continue
        seen.add(key)
        fresh.append(row)
    return fresh, skipped
