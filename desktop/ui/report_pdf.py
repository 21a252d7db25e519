"""The proof of applications as a file: PDF with Qt's own QPdfWriter and QTextDocument, or
the store's CSV.

Works without a window (the CLI renders it with the offscreen platform) and off the GUI
thread: the document and the writer are created where they are used. Every piece of user
text is HTML-escaped before it becomes part of the document.
"""

from __future__ import annotations

import html
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from desktop.core.proof import Period, ProofEntry, ProofReport
from desktop.store.files import write_atomically
from desktop.store.report import csv_bytes, load_report

if TYPE_CHECKING:
    from desktop.store.repository import Store

RESOLUTION = 300  # dots per inch: layout and drawing share it
_FOOTER_POINTS = 24


def save_report(
    store: Store, period: Period, path: Path, *, tz: tzinfo, now: datetime
) -> ProofReport:
    """Read the proof for `period` and write it to `path` (.pdf or .csv); for a worker
    thread or the CLI. A PDF needs a QGuiApplication."""
    report = load_report(store, period, tz=tz, now=now)
    write_atomically(path, report_bytes(report, path.suffix.lower()))
    return report


def report_bytes(report: ProofReport, suffix: str) -> bytes:
    """The report as the file `suffix` names: ".pdf" (needs a QGuiApplication) or ".csv"."""
    return csv_bytes(report) if suffix == ".csv" else render_pdf(report)


def render_pdf(report: ProofReport) -> bytes:
    """The report as PDF bytes: title, name and period, one block per application, and
    "Page N of M" at the foot of every page."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(f"{report.title}, {report.period.label()}")
    writer.setCreator("AskWhy")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    # Lay the text out in the writer's dots, not the screen's, or it prints tiny.
    document.documentLayout().setPaintDevice(writer)
    document.setDefaultFont(QFont("Sans Serif", 10))
    document.setHtml(report_html(report))
    area = writer.pageLayout().paintRectPixels(RESOLUTION)
    footer = _FOOTER_POINTS * RESOLUTION / 72
    page = QSizeF(area.width(), area.height() - footer)
    document.setPageSize(page)
    pages = document.pageCount()
    painter = QPainter(writer)
    try:
        painter.setFont(QFont("Sans Serif", 9))
        for index in range(pages):
            if index:
                writer.newPage()
            painter.save()
            painter.translate(0, -index * page.height())
            document.drawContents(
                painter, QRectF(0, index * page.height(), page.width(), page.height())
            )
            painter.restore()
            painter.drawText(
                QRectF(0, page.height(), page.width(), footer),
                Qt.AlignmentFlag.AlignCenter,
                f"{report.title} · {report.period.label()} · Page {index + 1} of {pages}",
            )
    finally:
        painter.end()
    data: QByteArray = buffer.data()
    return bytes(data.data())


def report_html(report: ProofReport) -> str:
    name = html.escape(report.name) if report.name else "<i>(no name in the profile)</i>"
    parts = [
        f"<h1>{html.escape(report.title)}</h1>",
        f"<p><b>Name:</b> {name}<br>",
        f"<b>Period:</b> {html.escape(report.period.label())}<br>",
        f"<b>Applications:</b> {len(report.entries)}<br>",
        f"<b>Made on:</b> {report.made_on.isoformat()}</p>",
    ]
    if not report.entries:
        parts.append("<p>No application was active in this period.</p>")
    parts += [_entry_html(number, entry) for number, entry in enumerate(report.entries, 1)]
    return "\n".join(parts)


def _entry_html(number: int, entry: ProofEntry) -> str:
    application = entry.application
    details = [
        ("Applied on", entry.applied_on.isoformat() if entry.applied_on else "not recorded"),
        ("Source", application.source),
        ("URL", application.url),
        ("Contact", entry.contact_text()),
        ("Outcome", entry.outcome),
    ]
    rows = "".join(
        f"<tr><td><b>{label}:</b>&nbsp;</td><td>{html.escape(value)}</td></tr>"
        for label, value in details
        if value
    )
    changes = "".join(
        f"<li>{day.isoformat()}: {html.escape(stage.label)}</li>" for day, stage in entry.changes
    )
    return (
        f"<h3>{number}. {html.escape(application.company)} — {html.escape(application.role)}</h3>"
        f"<table>{rows}</table>"
        f"<p><b>Stage changes:</b></p><ul>{changes}</ul>"
    )
