"""The import preview: a table's plan shown, edited and accepted before anything is written."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from desktop.core.import_formats import Field
from desktop.core.model import Stage
from desktop.store.database import Database
from desktop.store.repository import Store
from desktop.ui.import_preview_dialog import ImportPreviewDialog
from desktop.ui.main_window import MainWindow
from tests.fakes import ManualClock

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")
HEADER = ["Company", "Position", "Date Applied", "Status", "Ort", "Recruiter"]
ROWS = [
    ["Umbra", "Analyst", "19/09/2025", "Applied", "Köln", "Kim"],
    ["Kestrel", "Engineer", "03/04/2025", "Phone screen", "Bonn", ""],
    ["Loam", "Designer", "2025-10-01", "On hold", "Bonn", ""],
    ["umbra", "ANALYST", "", "Applied", "", ""],
    ["", "Nobody", "", "", "", ""],
]


def write_csv(path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        writer.writerows(ROWS)
    return path


@pytest.fixture
def dialog(qtbot: QtBot, database: Database, tmp_path: Path) -> Iterator[ImportPreviewDialog]:
    path = write_csv(tmp_path / "sheet.csv")
    preview = ImportPreviewDialog(path, database, now=NOW, tz=BERLIN)
    qtbot.addWidget(preview)
    with qtbot.waitSignal(preview.plan_ready, timeout=10_000):
        preview.show()
    yield preview
    qtbot.waitUntil(lambda: not preview.busy(), timeout=10_000)


def choose(qtbot: QtBot, dialog: ImportPreviewDialog, box: QComboBox, data: object) -> None:
    """Pick an entry as a user would: the box's `activated` re-plans, off the GUI thread."""
    index = box.findData(data)
    assert index >= 0
    with qtbot.waitSignal(dialog.plan_ready, timeout=10_000):
        box.setCurrentIndex(index)
        box.activated.emit(index)


def texts(widget: object) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]  # type: ignore[attr-defined]


def test_the_plan_is_shown_before_anything_is_written(
    dialog: ImportPreviewDialog, store: Store
) -> None:
    summary = dialog.summary.text()
    assert "<b>Spreadsheet</b> · CSV, semicolon-separated · UTF-8" in summary
    assert "2 applications to import, 1 duplicate to skip, 2 rows refused" in summary
    fields = [Field(dialog.columns.cellWidget(r, 1).currentData()) for r in range(len(HEADER))]
    assert fields == [
        Field.COMPANY, Field.ROLE, Field.APPLIED_AT, Field.STAGE, Field.IGNORE, Field.CONTACT,
    ]  # fmt: skip
    assert dialog.columns.item(0, 2).text() == "Umbra"
    preview = [
        [dialog.preview.item(r, c).text() for c in range(5)]
        for r in range(dialog.preview.rowCount())
    ]
    # 19/09/2025 settles it: the file writes the day first, so 03/04 is 3 April.
    assert preview == [
        ["2", "Umbra", "Analyst", "Applied", "2025-09-19"],
        ["3", "Kestrel", "Engineer", "Screening", "2025-04-03"],
    ]
    assert texts(dialog.duplicates) == ["row 5: umbra, ANALYST"]
    assert texts(dialog.problems) == [
        "row 4: The status 'On hold' is not one AskWhy knows.",
        "row 6: The company can't be empty.",
    ]
    assert dialog.import_button.text() == "&Import 2"
    assert store.list_summaries() == []


def test_round_trip_edit_columns_and_statuses_then_import(
    qtbot: QtBot, dialog: ImportPreviewDialog
) -> None:
    status_box = dialog._status_boxes["On hold"]
    choose(qtbot, dialog, status_box, Stage.INTERVIEWING)
    assert texts(dialog.problems) == ["row 6: The company can't be empty."]
    location_box = dialog.columns.cellWidget(4, 1)
    choose(qtbot, dialog, location_box, Field.LOCATION)
    assert dialog.import_button.text() == "&Import 3"
    dialog.import_button.click()
    assert dialog.result() == ImportPreviewDialog.DialogCode.Accepted
    rows = dialog.table_import().rows
    assert [(r.company, r.role, r.stage, r.location, r.contact_name) for r in rows] == [
        ("Umbra", "Analyst", Stage.APPLIED, "Köln", "Kim"),
        ("Kestrel", "Engineer", Stage.SCREENING, "Bonn", ""),
        ("Loam", "Designer", Stage.INTERVIEWING, "Bonn", ""),
    ]


def test_a_mapping_without_a_company_says_so_and_cannot_import(
    qtbot: QtBot, dialog: ImportPreviewDialog
) -> None:
    company_box = dialog.columns.cellWidget(0, 1)
    index = company_box.findData(Field.IGNORE)
    company_box.setCurrentIndex(index)
    company_box.activated.emit(index)
    qtbot.waitUntil(lambda: "cannot be imported as it is" in dialog.summary.text(), timeout=10_000)
    assert "no Company column" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


def test_a_workbook_sheet_can_be_chosen_and_the_dialog_fits_a_small_screen(
    qtbot: QtBot, database: Database, tmp_path: Path
) -> None:
    workbook = openpyxl.Workbook()
    first = workbook.active
    assert first is not None
    first.title = "Readme"
    first.append(["Exported by hand"])
    jobs = workbook.create_sheet("Jobs")
    jobs.append(["Employer", "Job Title", "Applied On"])
    jobs.append(["Fernweh AG", "QA", datetime(2026, 1, 5)])
    path = tmp_path / "book.xlsx"
    workbook.save(path)
    preview = ImportPreviewDialog(path, database, now=NOW, tz=BERLIN)
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitUntil(lambda: "cannot be imported as it is" in preview.summary.text(), timeout=10_000)
    assert preview.sheet_box.isVisible()
    assert [preview.sheet_box.itemText(i) for i in range(2)] == ["Readme", "Jobs"]
    with qtbot.waitSignal(preview.plan_ready, timeout=10_000):
        preview.sheet_box.setCurrentIndex(1)
        preview.sheet_box.activated.emit(1)
    assert "Excel workbook, sheet 'Jobs'" in preview.summary.text()
    assert preview.preview.item(0, 4).text() == "2026-01-05"
    frame = preview.frameGeometry()
    assert frame.width() <= 1024
    assert frame.height() <= 600


def test_the_window_previews_a_table_then_imports_what_was_accepted(
    qtbot: QtBot, store: Store, clock: ManualClock, tmp_path: Path, qsettings: object
) -> None:
    from tests.fakes import RecordingClipboard  # noqa: PLC0415

    window = MainWindow(
        store, clock, RecordingClipboard(), on_quit=lambda: None, settings=qsettings
    )  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.refresh()
    window.preview_import(write_csv(tmp_path / "sheet.csv"))
    preview = window.findChild(ImportPreviewDialog)
    assert preview is not None
    qtbot.waitUntil(preview.import_button.isEnabled, timeout=10_000)
    with qtbot.waitSignal(window.task_finished, timeout=10_000) as finished:
        preview.import_button.click()
    assert finished.args[0] is True, finished.args
    assert sorted(s.application.company for s in store.list_summaries()) == ["Kestrel", "Umbra"]
