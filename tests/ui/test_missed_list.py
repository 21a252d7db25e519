"""The missed list the README promises: from the message bar (or View menu) to a list of
stale reminders, each with "Open request" and "Dismiss"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from desktop.core.model import RejectionInput, Stage
from desktop.core.timefmt import format_local
from desktop.core.user_text import isolate
from desktop.store.repository import Store
from desktop.ui.main_window import MainWindow
from desktop.ui.missed_list import MissedList
from tests.fakes import ManualClock, RecordingClipboard

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START, BERLIN)


@pytest.fixture
def window(
    qtbot: QtBot, store: Store, clock: ManualClock, qsettings: QSettings
) -> Iterator[MainWindow]:
    window = MainWindow(
        store, clock, RecordingClipboard(), on_quit=lambda: None, settings=qsettings
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.rejection_flow.close_all()


def miss_two(store: Store, clock: ManualClock) -> tuple[int, list[int]]:
    """A rejection whose first two reminders went stale while AskWhy was closed."""
    app = store.add_application("Acme", "Designer", now=clock.now(), stage=Stage.INTERVIEWING)
    logged = store.log_rejection(
        RejectionInput(company="Acme", role="Designer", notified_at=clock.now()),
        now=clock.now(),
    )
    assert logged.application.id == app.id
    stale = [r.id for r in logged.reminders[:2]]
    # What the reminder service does with long-stale reminders at a late start.
    store.mark_missed(stale, now=clock.now() + timedelta(days=4))
    return logged.request.id, stale


def open_from_the_message_bar(qtbot: QtBot, window: MainWindow) -> MissedList:
    window.show_missed(2)
    assert "2 reminders fell due long ago" in window.message_bar.text()
    qtbot.mouseClick(window.message_bar.action_button, Qt.MouseButton.LeftButton)
    dialog = window.side_dialog
    assert isinstance(dialog, MissedList)
    qtbot.waitExposed(dialog)
    return dialog


def test_the_message_bar_opens_the_list_with_company_what_and_when(
    qtbot: QtBot, window: MainWindow, store: Store, clock: ManualClock
) -> None:
    miss_two(store, clock)
    dialog = open_from_the_message_bar(qtbot, window)
    table = dialog.table
    assert table.rowCount() == 2
    cells = [
        [table.item(row, column).text() for column in (dialog.COMPANY, dialog.WHAT, dialog.WHEN)]
        for row in range(2)
    ]
    assert cells[0][0] == "Acme"
    assert cells[0][1] == "The first nudge for asking why (Designer)"
    # The nudge was due 2 h in, shown in local time.
    assert cells[0][2] == format_local(START + timedelta(hours=2), BERLIN)
    # It fits a 1024x600 screen.
    assert dialog.width() <= 1024
    assert dialog.height() <= 600


def test_open_request_opens_its_editor(
    qtbot: QtBot, window: MainWindow, store: Store, clock: ManualClock
) -> None:
    request_id, stale = miss_two(store, clock)
    dialog = open_from_the_message_bar(qtbot, window)
    button = dialog.findChild(QPushButton, f"open_{stale[0]}")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    editor = window.rejection_flow.editor(request_id)
    assert editor is not None
    assert editor.isVisible()


def test_dismiss_takes_it_off_the_list_and_it_never_fires(
    qtbot: QtBot, window: MainWindow, store: Store, clock: ManualClock
) -> None:
    _request_id, stale = miss_two(store, clock)
    window.actions_by_name["missed"].trigger()  # View › Missed reminders…
    dialog = window.side_dialog
    assert isinstance(dialog, MissedList)
    button = dialog.findChild(QPushButton, f"dismiss_{stale[0]}")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 1
    assert [item.reminder.id for item in store.missed_reminders()] == [stale[1]]
    assert not store.claim_reminder(stale[0], fired_at=clock.now() + timedelta(days=5))
    qtbot.mouseClick(
        dialog.findChild(QPushButton, f"dismiss_{stale[1]}"), Qt.MouseButton.LeftButton
    )
    assert dialog.empty_label.isVisible()
    assert not dialog.table.isVisible()


def press_in(qtbot: QtBot, dialog: MissedList, key: Qt.Key) -> None:
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.table, key, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_z_in_the_list_brings_a_dismissed_reminder_back_exactly(
    qtbot: QtBot, window: MainWindow, store: Store, clock: ManualClock
) -> None:
    request_id, stale = miss_two(store, clock)
    before = (store.missed_reminders(), store.reminders_for(request_id))
    dialog = open_from_the_message_bar(qtbot, window)
    qtbot.mouseClick(
        dialog.findChild(QPushButton, f"dismiss_{stale[0]}"), Qt.MouseButton.LeftButton
    )
    dismissed = (store.missed_reminders(), store.reminders_for(request_id))
    assert [item.reminder.id for item in dismissed[0]] == [stale[1]]
    text = f"Dismiss missed reminder for {isolate('Acme')}"
    assert dialog.history.undo_action.text() == f"&Undo {text}"
    assert window.undo_stack.undoText() == text

    press_in(qtbot, dialog, Qt.Key.Key_Z)
    assert (store.missed_reminders(), store.reminders_for(request_id)) == before
    assert dialog.table.rowCount() == 2
    assert [dialog.table.item(row, dialog.COMPANY).text() for row in range(2)] == ["Acme"] * 2
    # Back on the list, it still never fires.
    assert not store.claim_reminder(stale[0], fired_at=clock.now() + timedelta(days=5))

    press_in(qtbot, dialog, Qt.Key.Key_Y)  # the redo shortcut on this platform
    assert (store.missed_reminders(), store.reminders_for(request_id)) == dismissed
    assert dialog.table.rowCount() == 1


def test_dismiss_all_is_one_step_undone_and_redone_whole(
    qtbot: QtBot, window: MainWindow, store: Store, clock: ManualClock
) -> None:
    request_id, _stale = miss_two(store, clock)
    before = (store.missed_reminders(), store.reminders_for(request_id))
    window.actions_by_name["missed"].trigger()
    dialog = window.side_dialog
    assert isinstance(dialog, MissedList)
    qtbot.mouseClick(dialog.dismiss_all_button, Qt.MouseButton.LeftButton)
    assert store.missed_reminders() == []
    assert dialog.empty_label.isVisible()
    assert not dialog.dismiss_all_button.isEnabled()
    assert window.undo_stack.count() == 1
    assert window.undo_stack.undoText() == "Dismiss all missed reminders"
    qtbot.mouseClick(dialog.history.button, Qt.MouseButton.LeftButton)
    assert (store.missed_reminders(), store.reminders_for(request_id)) == before
    assert dialog.table.rowCount() == 2
    dialog.history.redo_action.trigger()
    assert store.missed_reminders() == []
    assert dialog.table.rowCount() == 0


def test_a_stale_dismiss_is_a_message_and_no_step(
    qtbot: QtBot, window: MainWindow, store: Store, clock: ManualClock
) -> None:
    _request_id, stale = miss_two(store, clock)
    dialog = open_from_the_message_bar(qtbot, window)
    # Dismissed in another launch (its own Store: this window hears nothing of it) while
    # the list was open.
    Store(store.database).set_missed_listed([stale[0]], listed=False)
    qtbot.mouseClick(
        dialog.findChild(QPushButton, f"dismiss_{stale[0]}"), Qt.MouseButton.LeftButton
    )
    assert window.message_bar.text() == "That reminder is no longer on the missed list."
    assert window.undo_stack.count() == 0
    assert dialog.table.rowCount() == 1


def test_undo_in_the_window_updates_the_open_list_and_a_closed_one_is_left_alone(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    clock: ManualClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    request_id, stale = miss_two(store, clock)
    dialog = open_from_the_message_bar(qtbot, window)
    qtbot.mouseClick(
        dialog.findChild(QPushButton, f"dismiss_{stale[0]}"), Qt.MouseButton.LeftButton
    )
    assert dialog.table.rowCount() == 1
    window.actions_by_name["undo"].trigger()  # the window's Edit › Undo, not the dialog's
    assert dialog.table.rowCount() == 2
    window.actions_by_name["redo"].trigger()
    assert dialog.table.rowCount() == 1
    # The reminder service lists another one meanwhile: the open list shows it too.
    third = store.reminders_for(request_id)[2].id
    store.mark_missed([third], now=clock.now() + timedelta(days=4))
    assert dialog.table.rowCount() == 2

    dialog.reject()
    # Deleted (deleteLater) once the event loop runs.
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))
    # The window's stack outlives the list: moving it now reaches no deleted dialog.
    window.actions_by_name["undo"].trigger()
    window.actions_by_name["redo"].trigger()
    assert [item.reminder.id for item in store.missed_reminders()] == [stale[1], third]
    assert "A change listener failed" not in caplog.text  # it stopped listening
