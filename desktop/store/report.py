"""The proof of applications, read from the store and written as CSV (the PDF is the UI's).

`desktop.core.proof` decides what belongs in the report; this module gathers the records
through the Store's own reads and writes the table. A cell a spreadsheet would run as a
formula is neutralised, as in every CSV export.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from desktop.core.model import Stage
from desktop.core.proof import Period, ProofReport, build_report
from desktop.store.exchange import neutralise_cell

if TYPE_CHECKING:
    from desktop.store.repository import Store

CSV_COLUMNS = (
    "Company",
    "Role",
    "Applied on",
    "Source",
    "URL",
    "Contact",
    "Stage changes",
    "Outcome",
)


def load_report(store: Store, period: Period, *, tz: tzinfo, now: datetime) -> ProofReport:
    """The report for `period`: every application active in it, with its history.

    Records, timelines and contacts are read per application, and only for the applications
    that were ever applied for (a card still in Saved never was): one job search's worth
    of reads, through the Store's own queries.
    """
    # Whole records: the table's summaries leave out the url, which the report prints.
    candidates = [
        store.get_application(summary.application.id)
        for summary in store.list_summaries(include_archived=True)
        if summary.application.applied_at is not None
        or summary.application.stage is not Stage.SAVED
    ]
    return build_report(
        name=store.load_settings().profile.name.strip(),
        period=period,
        applications=candidates,
        events={a.id: store.timeline(a.id) for a in candidates},
        contacts={a.id: store.contacts(a.id) for a in candidates},
        tz=tz,
        now=now,
    )


def csv_bytes(report: ProofReport) -> bytes:
    """The CSV file: UTF-8 with a BOM, which tells Excel the encoding."""
    return ("\ufeff" + report_to_csv(report)).encode("utf-8")


def report_to_csv(report: ProofReport) -> str:
    """A title block (who, which period), then one row per application."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    rows: list[tuple[str, ...]] = [
        (report.title,),
        ("Name", report.name),
        ("Period", report.period.label()),
        ("Applications", str(len(report.entries))),
        (),
        CSV_COLUMNS,
    ]
    rows += [
        (
            entry.application.company,
            entry.application.role,
            entry.applied_on.isoformat() if entry.applied_on else "",
            entry.application.source,
            entry.application.url,
            entry.contact_text(),
            entry.history_text(),
            entry.outcome,
        )
        for entry in report.entries
    ]
    writer.writerows([neutralise_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue()
