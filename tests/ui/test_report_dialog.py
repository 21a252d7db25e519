"""File › Report…: the period dialog, and the window writing the proof off the GUI thread."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QSettings
from pytestqt.qtbot import QtBot

from desktop.core.proof import Period
from desktop.store.repository import Store
from desktop.ui.main_window import MainWindow
from desktop.ui.report_dialog import ReportDialog
from tests.fakes import ManualClock, RecordingClipboard

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def test_the_dialog_defaults_to_this_month_and_refuses_a_backwards_period(qtbot: QtBot) -> None:
    dialog = ReportDialog(date(2026, 3, 10))
    qtbot.addWidget(dialog)
    assert dialog.period() == Period(date(2026, 3, 1), date(2026, 3, 10))
    assert dialog.suffix() == ".pdf"
    dialog.show()
    dialog.last.setDate(QDate(2026, 2, 1))
    dialog.accept()
    assert dialog.isVisible()
    assert "ends (2026-02-01) before it starts (2026-03-01)" in dialog.error.text()
    dialog.format_box.setCurrentIndex(1)
    assert dialog.suffix() == ".csv"


def test_the_window_writes_the_proof_off_the_gui_thread(
    qtbot: QtBot, store: Store, tmp_path: Path, qsettings: QSettings
) -> None:
    clock = ManualClock(NOW, BERLIN)
    store.add_application("Umbra", "Analyst", now=NOW, applied_at=datetime(2026, 3, 2, tzinfo=UTC))
    window = MainWindow(
        store, clock, RecordingClipboard(), on_quit=lambda: None, settings=qsettings
    )
    qtbot.addWidget(window)
    assert window.actions_by_name["report"].text() == "&Report (proof of applications)…"
    march = Period(date(2026, 3, 1), date(2026, 3, 31))
    for name, start in (
        ("proof.csv", b"\xef\xbb\xbfProof of applications"),
        ("proof.pdf", b"%PDF"),
    ):
        target = tmp_path / name
        with qtbot.waitSignal(window.task_finished, timeout=20_000) as finished:
            window.report_to(target, march)
        assert finished.args == [
            True,
            f"Saved a proof of 1 application (2026-03-01 to 2026-03-31) to {target}.",
        ]
        assert target.read_bytes().startswith(start)
