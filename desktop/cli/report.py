"""`askwhy report --from DATE --to DATE FILE.pdf|FILE.csv`: a proof of applications.

CSV needs nothing but the store. PDF is drawn by Qt (`desktop.cli.report_pdf`), which only
a PDF loads: a CSV report runs without Qt and without a display.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli import EXIT_OK, Io, check_target, load
from desktop.cli.data import open_existing
from desktop.core.errors import InvalidInput
from desktop.core.proof import Period, ProofReport
from desktop.core.wording import plural
from desktop.store.files import write_atomically
from desktop.store.report import csv_bytes, load_report
from desktop.store.repository import Store


def run(args: argparse.Namespace, io: Io) -> int:
    path: Path = args.file
    check_target(path, "write the report to")
    period = Period(args.from_date, args.to_date)
    database = open_existing(args)
    if database is None:
        raise InvalidInput("There is no AskWhy data here yet, so there is nothing to report.")
    with database:
        store = Store(database, local_tz=lambda: io.tz)
        report: ProofReport
        if path.suffix.lower() == ".pdf":
            report = load("report_pdf").save(store, period, path, io)
        else:
            report = load_report(store, period, tz=io.tz, now=io.now)
            write_atomically(path, csv_bytes(report))
    count = plural(len(report.entries), "application")
    print(f"Wrote a proof of {count} for {period.label()} to {path}.", file=io.stdout)
    return EXIT_OK
