"""Between files and the database: reading everything for an export, writing an import.

- A file is parsed and validated whole (`desktop.store.imports`) before the database is
  touched.
- Everything is then written in ONE transaction (the caller's, `Store.apply_import`), so a
  failure leaves nothing behind.
- JSON is a restore, not a merge: it is refused when the store already holds applications,
  because merging two full histories would have to guess which contact, reminder or template
  is "the same". Import it into a fresh data dir (`--data-dir`).
- A table (.csv, .xlsx) adds applications, skipping a row whose company and role
  (ignoring case and spacing) already exist: see `foreign_import`.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import logging
import os
import stat
from collections.abc import Iterable, Sequence
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import delete, func, insert, literal, null, select, update
from sqlalchemy.orm import Session

from desktop.core import stages, validation
from desktop.core.errors import InvalidInput
from desktop.core.model import ContactRole, Stage
from desktop.core.wording import plural
from desktop.store import models
from desktop.store import settings as stored_settings
from desktop.store.exchange.csv_format import snapshot_to_csv
from desktop.store.exchange.ics_format import snapshot_to_ics
from desktop.store.exchange.json_format import snapshot_to_json
from desktop.store.exchange.snapshot import (
    SECTIONS,
    ExportResult,
    FullImport,
    ImportPlan,
    Snapshot,
    TableRow,
)
from desktop.store.files import write_atomically

log = logging.getLogger(__name__)

_T = TypeVar("_T")

_ROW_CLASSES: dict[str, type[Any]] = {
    "applications": models.ApplicationRow,
    "contacts": models.ContactRow,
    "interviews": models.InterviewRow,
    "stage_events": models.StageEventRow,
    "rejections": models.RejectionRow,
    "templates": models.TemplateRow,
    "requests": models.FollowUpRequestRow,
    "reminders": models.ReminderRow,
    "lessons": models.LessonRow,
}
_PLAIN = validation.TextRule("text", validation.MAX_TEXT, multiline=True)


def _exported(name: str, value: object) -> object:
    """A stored value as an export carries it: what the rules refuse, left out, so that a
    value stored before them does not make the export impossible to import again."""
    if isinstance(value, list):
        return tuple(_exported(name, item) for item in value)
    if isinstance(value, datetime):
        return validation.clamp_moment(value)
    if isinstance(value, str) and not isinstance(value, enum.Enum):
        rule = validation.FIELD_RULES.get(name)
        return (rule or _PLAIN).scrub(value) if name != "email" else value
    return value


def _row_to_record(row: object, cls: type[_T]) -> _T:
    # The tables name their columns after the record fields, so the copy is mechanical.
    values = {
        spec.name: _exported(spec.name, getattr(row, spec.name))
        for spec in dataclasses.fields(cls)  # type: ignore[arg-type]
    }
    return cls(**values)


def _record_to_row(record: object, row_class: type[_T]) -> _T:
    values: dict[str, object] = {}
    for spec in dataclasses.fields(record):  # type: ignore[arg-type]
        value = getattr(record, spec.name)
        values[spec.name] = list(value) if isinstance(value, tuple) else value
    return row_class(**values)


def read_all(session: Session) -> Snapshot:
    """Every record in the store, read in one transaction so the export is consistent."""
    sections: dict[str, tuple[Any, ...]] = {}
    for section, cls in SECTIONS:
        row_class = _ROW_CLASSES[section]
        rows = session.scalars(select(row_class).order_by(row_class.id)).all()
        sections[section] = tuple(_row_to_record(row, cls) for row in rows)
    return Snapshot(settings=stored_settings.load(session), **sections)


def _restore(session: Session, snapshot: Snapshot) -> None:
    """Write a whole snapshot into a store without applications."""
    present = session.scalar(select(func.count()).select_from(models.ApplicationRow))
    if present:
        raise InvalidInput(
            f"This data dir already holds {plural(present, 'application')}, and a JSON import "
            "restores a whole history: import it into an empty data dir (--data-dir), "
            "or use a CSV file to add applications."
        )
    # What a fresh store holds besides applications: the default templates and the
    # settings. The file has its own, so they are replaced, not merged; a hand-made file
    # without templates keeps the defaults, so new requests still get a text.
    for section, _ in reversed(SECTIONS):
        if section != "templates" or snapshot.templates:
            session.execute(delete(_ROW_CLASSES[section]))
    for section, _ in SECTIONS:
        session.add_all(
            _record_to_row(record, _ROW_CLASSES[section]) for record in getattr(snapshot, section)
        )
        # Flushing section by section inserts parents before children, which the
        # foreign-key checks require.
        session.flush()
    _date_from_timeline(session)
    stored_settings.save(session, snapshot.settings)


def _date_from_timeline(session: Session) -> None:
    """Date undated applications by their first move into a sent stage, as the store does
    on each move (`rows.stage_event`): an export from before that rule restores with the
    dates its timeline knows, as migration 0003 gave the databases of that time."""
    app, event = models.ApplicationRow, models.StageEventRow
    first_sent = (
        select(func.min(event.occurred_at))
        .where(
            event.application_id == app.id,
            event.from_stage.is_not(None),
            event.to_stage.in_(stages.SENT_STAGES),
        )
        .scalar_subquery()
    )
    session.execute(
        update(app)
        .where(app.applied_at.is_(None), app.stage != Stage.SAVED)
        .values(applied_at=first_sent)
        .execution_options(synchronize_session=False)
    )


_LOOKUP_CHUNK = 500  # well under SQLite's bound-parameter limit
_INSERT_SLICE = 2_000


def existing_keys(session: Session, keys: Iterable[str]) -> set[str]:
    """Which of these company/role match keys the store holds, found through the index.

    The cost follows the number of keys asked about, not the size of the store.
    """
    unique = sorted(set(keys))
    present: set[str] = set()
    column = models.ApplicationRow.match_key
    for start in range(0, len(unique), _LOOKUP_CHUNK):
        chunk = unique[start : start + _LOOKUP_CHUNK]
        present.update(session.scalars(select(column).where(column.in_(chunk))))
    return present


def _add_rows(session: Session, rows: Sequence[TableRow], *, now: datetime) -> tuple[int, int]:
    """Add a table's applications; skip those already there or repeated in the table.

    The rows were cleaned by `validation`'s rules when the table was read (`foreign_import`).
    """
    keys = [models.match_key(row.company, row.role) for row in rows]
    seen = existing_keys(session, keys)
    fresh: list[tuple[TableRow, str]] = []
    for row, key in zip(rows, keys, strict=True):
        if key not in seen:
            seen.add(key)
            fresh.append((row, key))
    # Plain inserts on the tables, not ORM objects: at 100,000 rows those cost several
    # times the time and memory. So the match key, which an ORM write gets from its event,
    # is set here. The new rows are those above the highest id before: this transaction
    # holds the write lock, and their keys are unique and were absent, so each key names
    # one new row. (RETURNING would cost one statement per row here.)
    tables = models.Base.metadata.tables
    applications = tables["applications"]
    before = session.scalar(select(func.max(applications.c.id))) or 0
    # In slices, so that the parameter lists SQLAlchemy builds stay small.
    for start in range(0, len(fresh), _INSERT_SLICE):
        session.execute(
            insert(applications),
            [
                {
                    "company": row.company,
                    "role": row.role,
                    "match_key": key,
                    "stage": row.stage,
                    "created_at": now,
                    "updated_at": now,
                    "applied_at": row.applied_at,
                    "location": row.location,
                    "url": row.url,
                    "source": row.source,
                    "notes": row.notes,
                    "archived": False,
                }
                for row, key in fresh[start : start + _INSERT_SLICE]
            ],
        )
    # The timeline starts with the stage the row gives, dated when it happened if the
    # table says so: one INSERT … SELECT over the new rows, no round trip through Python.
    events = tables["stage_events"]
    new_rows = applications.c.id > before
    session.execute(
        insert(events).from_select(
            ["application_id", "from_stage", "to_stage", "occurred_at", "recorded_at", "note"],
            select(
                applications.c.id,
                null(),
                applications.c.stage,
                func.coalesce(
                    applications.c.applied_at, literal(now, applications.c.applied_at.type)
                ),
                literal(now, events.c.recorded_at.type),
                literal("Imported from a table"),
            ).where(new_rows),
        )
    )
    with_contact = {key: row for row, key in fresh if row.contact_name or row.contact_email}
    if with_contact:
        found = select(applications.c.match_key, applications.c.id).where(new_rows)
        session.execute(
            insert(tables["contacts"]),
            [
                {
                    "application_id": application_id,
                    "name": with_contact[key].contact_name or with_contact[key].contact_email,
                    "email": with_contact[key].contact_email,
                    "role": ContactRole.RECRUITER,
                    "phone": "",
                    "notes": "",
                }
                for key, application_id in session.execute(found).tuples()
                if key in with_contact
            ],
        )
    skipped = len(rows) - len(fresh)
    log.info("table import added %d applications, skipped %d", len(fresh), skipped)
    return len(fresh), skipped


def apply_import(session: Session, plan: ImportPlan, *, now: datetime) -> str:
    """Write a validated import inside the caller's transaction (`Store.apply_import`);
    return what was imported, for the user."""
    if isinstance(plan, FullImport):
        _restore(session, plan.snapshot)
        return plan.snapshot.counts()
    added, skipped = _add_rows(session, plan.rows, now=now)
    skipped_text = f" ({skipped} already there, skipped)" if skipped else ""
    return f"{plural(added, 'application')}{skipped_text}"


def write_export(snapshot: Snapshot, path: Path, *, now: datetime, tz: tzinfo) -> ExportResult:
    """Write by the file's suffix: .json (everything), .csv (table) or .ics (deadlines)."""
    suffix = path.suffix.lower()
    data: bytes
    if suffix == ".json":
        document = snapshot_to_json(snapshot, now=now)
        data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        summary = snapshot.counts()
    elif suffix == ".csv":
        # The BOM tells Excel the file is UTF-8; our own import takes it off again.
        data = ("\ufeff" + snapshot_to_csv(snapshot, tz)).encode("utf-8")
        summary = plural(len(snapshot.applications), "application")
    elif suffix == ".ics":
        data = snapshot_to_ics(snapshot, now=now)
        open_requests = sum(1 for request in snapshot.requests if request.status.is_open)
        summary = plural(open_requests, "deadline")
    else:
        raise InvalidInput(f"Cannot export to {path.name}: use .json, .csv or .ics.")
    warning = exposure_warning(path)
    write_atomically(path, data)
    log.info("exported %s to %s", summary, path)
    return ExportResult(path=path, summary=summary, warnings=(warning,) if warning else ())


def exposure_warning(path: Path) -> str | None:
    """A warning when other users can list or write the folder an export goes to."""
    if os.name != "posix":
        return None
    folder = path.resolve().parent
    try:
        mode = folder.stat().st_mode
    except OSError:
        return None
    if mode & (stat.S_IROTH | stat.S_IWOTH):
        return (
            f"{folder} can be read or written by other users on this machine; the export "
            "itself is private (mode 600), but consider keeping it in a private folder"
        )
    return None
