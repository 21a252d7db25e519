"""The PDF of `askwhy report`, drawn by Qt (`desktop.ui.report_pdf`) in a windowless
QGuiApplication on the offscreen platform: no window, no display needed.

`desktop.cli.report` loads this module for a .pdf only, so a CSV report never imports Qt.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication

from desktop.cli import Io
from desktop.core.proof import Period, ProofReport
from desktop.store.repository import Store
from desktop.ui.report_pdf import save_report


def save(store: Store, period: Period, path: Path, io: Io) -> ProofReport:
    # Fonts and painting need an application; this command makes a windowless one, and
    # shuts down only the one it made (a caller's own application outlives the report).
    if QGuiApplication.instance() is not None:
        return save_report(store, period, path, tz=io.tz, now=io.now)
    application = QGuiApplication(["askwhy", "-platform", "offscreen"])
    try:
        return save_report(store, period, path, tz=io.tz, now=io.now)
    finally:
        application.shutdown()
