"""The summaries the board and the table show, read with the sqlite3 driver alone.

Building one summary per application is the biggest read AskWhy does (100,000 rows at
start), so it skips SQLAlchemy's row processing and runs on the driver's own cursor:
`applications.summaries` passes the one inside its session's transaction.

The same code gives the window its first look at the data (`first_look`) before SQLAlchemy
is even imported: a start shows the applications at once, and the rest of the store (with
SQLAlchemy, about 200 ms to import) opens after them.
"""

from __future__ import annotations

import gc
import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.core import validation
from desktop.core.model import (
    Application,
    ApplicationSummary,
    FollowUpRequest,
    RequestKind,
    RequestStatus,
    Stage,
)
from desktop.store.location import DB_FILENAME
from desktop.store.migrate import HEAD_REVISION, sqlite_uri

logger = logging.getLogger(__name__)

# Every column of `Application` but its url: no row or card shows it, and the one string per
# row it would keep cost 8 MB at 100,000 applications (see ApplicationSummary).
_APPLICATION_SQL = (
    "SELECT id, company, role, stage, created_at, updated_at, applied_at, location,"
    " source, notes, archived FROM applications"
)
# The columns of `FollowUpRequest`, in its fields' order.
_OPEN_REQUEST_SQL = (
    "SELECT id, application_id, kind, status, subject, body, window_opens_at,"
    " window_closes_at, created_at, template_id, contact_id, rejection_id, interview_id,"
    " sent_at FROM follow_up_requests WHERE status = ?"
)
_STAGES: dict[str, Stage] = {stage.value: stage for stage in Stage}
# The stored text of the rules' first and last instants: a value outside (from a database
# older than the rules) is read as the nearest one, so that no reader overflows on it.
_EARLIEST = validation.EARLIEST.replace(tzinfo=None).isoformat(" ")
_LATEST = validation.LATEST.replace(tzinfo=None).isoformat(" ")


def _instant(text: str, parse: Callable[[str], datetime] = datetime.fromisoformat) -> datetime:
    """An aware UTC instant from the stored naive UTC text, as models.UTCDateTime reads it."""
    if text < _EARLIEST:
        return validation.EARLIEST
    if text > _LATEST:
        return validation.LATEST
    return parse(text + "+00:00")


def read(
    connection: sqlite3.Connection,
    ids: Sequence[int] | None,
    *,
    include_archived: bool,
    next_due: Mapping[int, datetime],
) -> list[ApplicationSummary]:
    """Every application (`ids` None) or those of `ids` that exist, each with its contacts'
    names and addresses and its most urgent open request; `next_due` gives each open
    request's next reminder (store.reminders decides what is pending). Three queries
    however many rows."""
    # A short list of ids goes into the SQL as bound parameters (far below SQLite's limit:
    # a change names a handful).
    only = "" if ids is None else f" IN ({','.join('?' * len(ids))})"
    params: Sequence[int] = () if ids is None else ids
    names: dict[int, list[str]] = {}
    emails: dict[int, list[str]] = {}
    for app_id, name, email in connection.execute(
        "SELECT application_id, name, email FROM contacts"
        + ("" if ids is None else f" WHERE application_id{only}")
        + " ORDER BY id",
        params,
    ):
        names.setdefault(app_id, []).append(name)
        if email:
            emails.setdefault(app_id, []).append(email)
    open_requests: dict[int, FollowUpRequest] = {}
    for row in connection.execute(
        _OPEN_REQUEST_SQL
        + ("" if ids is None else f" AND application_id{only}")
        + " ORDER BY window_closes_at, id",
        (RequestStatus.DRAFT.value, *params),
    ):
        if row[1] not in open_requests:
            open_requests[row[1]] = _open_request(row)
    # "+archived" keeps SQLite off the (archived, updated_at) index: nearly every row
    # matches, and reading through the index means sorting them all by id after.
    conditions = ([] if include_archived else ["+archived = 0"]) + (
        [] if ids is None else [f"id{only}"]
    )
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    # Iterated, not fetchall(): each row's tuple and its timestamp strings are freed as
    # soon as its summary is built, instead of all 100,000 living at once.
    with _collector_paused():
        return _summaries_from_tuples(
            connection.execute(_APPLICATION_SQL + where + " ORDER BY id", params),
            names,
            emails,
            open_requests,
            next_due,
        )


def first_look(
    data_dir: Path, *, include_archived: bool = False
) -> list[ApplicationSummary] | None:
    """The summaries of the database in `data_dir`, read without writing a byte and without
    SQLAlchemy, for the window to show while the store opens; their reminder times come
    with the store. None whenever the store has to look first: no file yet, a schema that
    is not this build's head (a migration or a newer AskWhy), a `-wal` left by a crash, or
    any error at all (`open_database` then finds and explains it)."""
    path = data_dir / DB_FILENAME
    try:
        if not path.is_file() or path.with_name(path.name + "-wal").exists():
            return None
        # Immutable: with no -wal beside it the file holds everything, and a read-only
        # connection to a WAL database would leave a -shm and a -wal of its own behind.
        # Writers (another process) add to a new -wal, not to this file.
        with closing(sqlite3.connect(sqlite_uri(path, "immutable"), uri=True)) as connection:
            revisions = connection.execute("SELECT version_num FROM alembic_version").fetchall()
            if revisions != [(HEAD_REVISION,)]:
                return None
            connection.execute("BEGIN")  # one read transaction: the three queries agree
            return read(connection, None, include_archived=include_archived, next_due={})
    except (sqlite3.Error, OSError, ValueError, KeyError) as error:
        logger.info("no first look at %s: %s", path, error)
        return None


def _open_request(row: tuple[Any, ...]) -> FollowUpRequest:
    (request_id, app_id, kind, status, subject, body, opens, closes, created, template_id,
     contact_id, rejection_id, interview_id, sent) = row  # fmt: skip
    return FollowUpRequest(
        request_id,
        app_id,
        RequestKind(kind),
        RequestStatus(status),
        subject,
        body,
        _instant(opens),
        _instant(closes),
        _instant(created),
        template_id,
        contact_id,
        rejection_id,
        interview_id,
        None if sent is None else _instant(sent),
    )


def _summaries_from_tuples(
    rows: Iterable[Any],
    names: Mapping[int, list[str]],
    emails: Mapping[int, list[str]],
    open_requests: Mapping[int, FollowUpRequest],
    next_due: Mapping[int, datetime],
    _parse: Callable[[str], datetime] = datetime.fromisoformat,
) -> list[ApplicationSummary]:
    """The summaries of `_APPLICATION_SQL` rows. Runs once per application when the window
    loads, so it favours speed and memory: one loop, no helper call per row."""
    # Roles, locations, sources and often companies repeat from row to row; sqlite3 hands
    # out a new string for each, and 100,000 rows would hold 100,000 copies of each.
    shared: dict[str, str] = {}
    share = shared.setdefault
    summaries: list[ApplicationSummary] = []
    append = summaries.append
    low, high = _EARLIEST, _LATEST
    for (app_id, company, role, stage, created, updated, applied, location, source, notes,
         archived) in rows:  # fmt: skip
        # The stored text is naive UTC, and appending the offset parses several times faster
        # than .replace(tzinfo=UTC) after. A row never edited since it was added has the
        # same text in several columns: one datetime object serves them all.
        # Text outside the rules' range (a database older than them) is read as the nearest
        # instant inside: string comparisons, so the common case costs no call.
        if low <= created <= high:
            created_at = _parse(created + "+00:00")
        else:
            created_at = _instant(created, _parse)
        if updated == created:
            updated_at = created_at
        elif low <= updated <= high:
            updated_at = _parse(updated + "+00:00")
        else:
            updated_at = _instant(updated, _parse)
        if applied is None:
            applied_at = None
        elif applied == created:
            applied_at = created_at
        elif low <= applied <= high:
            applied_at = _parse(applied + "+00:00")
        else:
            applied_at = _instant(applied, _parse)
        request = open_requests.get(app_id)
        contact_names = names.get(app_id)
        contact_emails = emails.get(app_id)
        append(
            ApplicationSummary(
                Application(
                    app_id,
                    share(company, company),
                    share(role, role),
                    _STAGES[stage],
                    created_at,
                    updated_at,
                    applied_at,
                    share(location, location),
                    "",
                    share(source, source),
                    notes,
                    bool(archived),
                ),
                () if contact_names is None else tuple(contact_names),
                request,
                None if request is None else next_due.get(request.id),
                () if contact_emails is None else tuple(contact_emails),
            )
        )
    return summaries


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pauses Python's cyclic garbage collector for a bulk load.

    Building 100,000 summaries allocates hundreds of thousands of container objects, none
    of them garbage; each allocation burst would otherwise trigger collections that walk the
    growing heap again and again (measured: 0.1 to 0.4 s at 100,000 applications).
    Reference counting still frees everything as usual meanwhile.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
