"""`askwhy report --from DATE --to DATE FILE.pdf|FILE.csv`: a proof of applications.

CSV needs nothing but the store. PDF is drawn by Qt (`desktop.ui.report_pdf`), so this one
command starts a QGuiApplication on the offscreen platform: no window, no display needed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.errors import InvalidInput
from desktop.core.proof import Period

if TYPE_CHECKING:
    from desktop.cli import Io
    from desktop.core.proof import ProofReport
    from desktop.store.database import Database
    from desktop.store.repository import Store


def run(args: argparse.Namespace, io: Io, open_existing: Callable[[], Database | None]) -> int:
    from desktop.core.wording import plural  # noqa: PLC0415
    from desktop.store.files import write_atomically  # noqa: PLC0415
    from desktop.store.report import csv_bytes, load_report  # noqa: PLC0415
    from desktop.store.repository import Store  # noqa: PLC0415

    path: Path = args.file
    period = Period(args.from_date, args.to_date)
    database = open_existing()
    if database is None:
        raise InvalidInput("There is no AskWhy data here yet, so there is nothing to report.")
    with database:
        store = Store(database, local_tz=lambda: io.tz)
        if path.suffix.lower() == ".pdf":
            report = _pdf(store, period, path, io)
        else:
            report = load_report(store, period, tz=io.tz, now=io.now)
            write_atomically(path, csv_bytes(report))
    count = plural(len(report.entries), "application")
    print(f"Wrote a proof of {count} for {period.label()} to {path}.", file=io.stdout)
    return 0


def _pdf(store: Store, period: Period, path: Path, io: Io) -> ProofReport:
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415

    from desktop.ui.report_pdf import save_report  # noqa: PLC0415

    # Fonts and painting need an application; this command makes a windowless one, and
    # shuts down only the one it made (a caller's own application outlives the report).
    if QGuiApplication.instance() is not None:
        return save_report(store, period, path, tz=io.tz, now=io.now)
    application = QGuiApplication(["askwhy", "-platform", "offscreen"])
    try:
        return save_report(store, period, path, tz=io.tz, now=io.now)
    finally:
        application.shutdown()
