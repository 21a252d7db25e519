"""Restoring while the app runs: the dialog lists and chooses, the controller pauses, swaps,
reopens and resumes, and a reader racing it never leaves an empty database behind."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QTableWidgetItem
from pytestqt.qtbot import QtBot

from desktop.store.backups import Backups, Restored
from desktop.store.database import Database, open_database
from desktop.store.errors import StoreError
from desktop.store.location import DB_FILENAME
from desktop.store.repository import Store
from desktop.ui.main_window import MainWindow
from desktop.ui.restore_controller import RestoreController
from desktop.ui.restore_dialog import COL_STATE, RestoreDialog
from tests.fakes import ManualClock, RecordingClipboard

RACE_RUNS = 40


def companies(path: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [row[0] for row in connection.execute("SELECT company FROM applications")]
    finally:
        connection.close()


def damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = b"\xa5" * (len(data) - page)
    path.write_bytes(bytes(data))


@pytest.fixture
def controller(database: Database, clock: ManualClock) -> RestoreController:
    restore = RestoreController(database.path.parent, clock.now)
    restore.attach(database)
    return restore


@pytest.fixture
def window(
    qtbot: QtBot,
    *,
    store: Store,
    clock: ManualClock,
    clipboard: RecordingClipboard,
    qsettings: QSettings,
    controller: RestoreController,
) -> Iterator[MainWindow]:
    window = MainWindow(
        store, clock, clipboard, on_quit=lambda: None, settings=qsettings, restore=controller
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.rejection_flow.close_all()


def cell(dialog: RestoreDialog, row: int, column: int) -> QTableWidgetItem:
    item = dialog.table.item(row, column)
    assert item is not None
    return item


def open_dialog(qtbot: QtBot, window: MainWindow) -> RestoreDialog:
    dialog = window._on_restore()
    assert isinstance(dialog, RestoreDialog)
    qtbot.waitUntil(dialog.table.isEnabled, timeout=10_000)
    return dialog


def test_dialog_lists_newest_first_and_chooses_the_newest_good_backup(
    qtbot: QtBot, window: MainWindow, store: Store, clock: ManualClock, database: Database
) -> None:
    backups = Backups(database.path.parent)
    backups.create(database, "daily", now=clock.now() - timedelta(days=2))  # empty board
    store.add_application("Acme", "Analyst", now=clock.now())
    good = backups.create(database, "manual", now=clock.now() - timedelta(days=1))
    store.add_application("Globex", "Analyst", now=clock.now())
    newest = backups.create(database, "manual", now=clock.now())
    damage(newest)

    dialog = open_dialog(qtbot, window)
    assert dialog.table.rowCount() == 3
    assert cell(dialog, 0, COL_STATE).text().startswith("damaged")
    assert cell(dialog, 0, COL_STATE).flags() == Qt.ItemFlag.NoItemFlags
    chosen = dialog.selected()
    assert chosen is not None
    assert chosen.info.path == good
    assert chosen.applications == 1
    assert cell(dialog, 2, 3).text() == "0"  # the first-start backup shows it is empty
    assert dialog.restore_button.isEnabled()
    assert dialog.width() <= 1024
    assert dialog.height() <= 600

    with (
        qtbot.waitSignal(window.task_finished, timeout=10_000) as blocker,
        qtbot.waitSignal(window.loaded, timeout=10_000),  # the reload runs in the background
    ):
        dialog.restore(chosen.info.path)
    assert blocker.args[0] is True, blocker.args
    message = window.message_bar.text()
    assert good.name in message
    assert "1 application," in message
    assert "kept as" in message
    assert [s.application.company for s in store.list_summaries()] == ["Acme"]
    assert window.model.rowCount() == 1
    assert window.undo_stack.count() == 0


def test_a_damaged_schema_is_listed_as_damaged_not_a_crash(
    qtbot: QtBot, window: MainWindow, database: Database, clock: ManualClock
) -> None:
    """A schema that is not UTF-8 makes sqlite3 raise UnicodeDecodeError, not sqlite3.Error."""
    backups = Backups(database.path.parent)
    path = backups.create(database, "manual", now=clock.now())
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA writable_schema = ON")
    connection.execute(
        "UPDATE sqlite_master SET name = CAST(X'6170706cff' AS TEXT) WHERE name = 'applications'"
    )
    connection.close()

    dialog = open_dialog(qtbot, window)
    assert dialog.table.rowCount() == 1
    assert "damaged" in cell(dialog, 0, COL_STATE).text()
    assert dialog.selected() is None
    assert not dialog.restore_button.isEnabled()
    assert "none can be restored" in dialog.status_label.text()


def test_restore_closes_the_editors_first_so_no_autosave_is_pending(
    qtbot: QtBot,
    *,
    window: MainWindow,
    controller: RestoreController,
    store: Store,
    clock: ManualClock,
    database: Database,
) -> None:
    from desktop.core.model import RejectionInput  # noqa: PLC0415

    logged = store.log_rejection(
        RejectionInput(company="Acme", role="Analyst", notified_at=clock.now()), now=clock.now()
    )
    backup = Backups(database.path.parent).create(database, "manual", now=clock.now())
    editor = window.rejection_flow.open_request(logged.request.id)
    assert editor is not None
    editor.body_edit.setPlainText("typed just before the restore")  # autosave is pending
    with (
        qtbot.waitSignal(window.task_finished, timeout=10_000),
        qtbot.waitSignal(window.loaded, timeout=10_000),
    ):
        controller.restore(backup)
    assert window.rejection_flow.open_editors() == []
    # The text was saved before the swap, into the file that was replaced.
    [aside] = database.path.parent.glob(f"{DB_FILENAME}.replaced-*")
    connection = sqlite3.connect(f"file:{aside}?mode=ro", uri=True)
    try:
        bodies = [row[0] for row in connection.execute("SELECT body FROM follow_up_requests")]
    finally:
        connection.close()
    assert "typed just before the restore" in bodies


def test_a_failed_restore_reopens_the_file_that_was_there(
    qtbot: QtBot, controller: RestoreController, store: Store, database: Database
) -> None:
    store.add_application("Acme", "Analyst", now=ManualClock().now())
    bad = database.path.parent / "backups" / "askwhy-20260310T120000.000000Z-manual.sqlite3"
    bad.parent.mkdir(mode=0o700, exist_ok=True)
    bad.write_bytes(b"not a database" * 100)
    with qtbot.waitSignal(controller.failed, timeout=10_000) as blocker:
        controller.restore(bad)
    assert "not restored" in str(blocker.args[0])
    assert [s.application.company for s in store.list_summaries()] == ["Acme"]


def test_a_reader_racing_the_restore_never_leaves_an_empty_database(
    qtbot: QtBot, controller: RestoreController, store: Store, database: Database
) -> None:
    """Issue 10: the window's old restore left a fresh empty file 2 times in 40.

    Two readers hammer the database while it is restored RACE_RUNS times: one through the
    shared Database (like the reminder timer and autosave), one opening the folder afresh
    (like a second command). After each restore the file at the path must hold the
    backup's data, and the file it replaced must be kept whole beside it.
    """
    now = ManualClock().now()
    store.add_application("In the backup", "Analyst", now=now)
    backup = Backups(database.path.parent).create(database, "manual", now=now)
    store.add_application("Replaced", "Analyst", now=now)
    stop = threading.Event()
    reads = {"ok": 0, "refused": 0}

    def through_the_shared_database() -> None:
        while not stop.is_set():
            try:
                store.list_summaries()
                reads["ok"] += 1
            except StoreError:
                reads["refused"] += 1

    def opening_afresh() -> None:
        while not stop.is_set():
            try:
                with open_database(database.path.parent, busy_timeout_ms=50) as other:
                    Store(other).list_summaries()
            except StoreError:
                pass

    readers = [
        threading.Thread(target=through_the_shared_database),
        threading.Thread(target=opening_afresh),
    ]
    for reader in readers:
        reader.start()
    results: list[object] = []
    controller.restored.connect(results.append)
    controller.failed.connect(results.append)
    empty = 0
    try:
        for _run in range(RACE_RUNS):
            results.clear()
            with qtbot.waitSignal(controller.resumed, timeout=30_000):
                controller.restore(backup)
            [restored] = results
            assert isinstance(restored, Restored), restored
            now_there = companies(database.path)
            if not now_there:
                empty += 1
            assert now_there == ["In the backup"]
            store.add_application("Replaced", "Analyst", now=now)
            assert companies(restored.aside) == ["In the backup", "Replaced"]
    finally:
        stop.set()
        for reader in readers:
            reader.join(timeout=30)
    assert empty == 0
    # Both sides of the gate were exercised: reads went through, and reads that came
    # while the file was being swapped were refused instead of reaching it.
    assert reads["ok"] > 0
    assert reads["refused"] > 0


def test_start_up_recovery_offers_the_list_and_restores_without_a_store(
    qtbot: QtBot, data_dir: Path, clock: ManualClock
) -> None:
    """desktop.app's screen for a database that cannot be opened: no store to pause."""
    with open_database(data_dir) as opened:
        Store(opened).add_application("Acme", "Analyst", now=clock.now())
        good = Backups(data_dir).create(opened, "daily", now=clock.now() - timedelta(days=1))
        newest = Backups(data_dir).create(opened, "manual", now=clock.now())
    damage(newest)
    damage(data_dir / DB_FILENAME)
    broken = (data_dir / DB_FILENAME).read_bytes()
    controller = RestoreController(data_dir, clock.now)  # never attached: nothing is open
    dialog = RestoreDialog(
        controller,
        clock.local_tz(),
        problem="AskWhy cannot open your data.",
        aside_reason="before-restore",
    )
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.table.isEnabled, timeout=10_000)
    assert dialog.cancel_button.text() == "&Quit"
    chosen = dialog.selected()
    assert chosen is not None
    assert chosen.info.path == good
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.restore(chosen.info.path)
    assert dialog.restored is not None
    assert good.name in dialog.restored.describe(clock.local_tz())
    assert dialog.restored.aside.name.startswith(f"{DB_FILENAME}.before-restore-")
    assert dialog.restored.aside.read_bytes() == broken
    assert companies(data_dir / DB_FILENAME) == ["Acme"]
