"""Ghosted, proposed: the "Needs action" listing and the one-click "Mark ghosted", undone."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from desktop.core.model import RequestKind, Stage
from desktop.store.repository import Store
from desktop.ui.main_window import VIEW_TABLE, MainWindow
from desktop.ui.table_model import COL_COMPANY, COL_DEADLINE, NeedsActionRole
from tests.fakes import ManualClock, RecordingClipboard
from tests.ui.test_main_window import add, make_window, press


def listed(window: MainWindow) -> list[str]:
    proxy = window.proxy
    return [str(proxy.index(row, COL_COMPANY).data()) for row in range(proxy.rowCount())]


def test_a_quiet_application_needs_action_with_its_reason(
    qtbot: QtBot,
    store: Store,
    clock: ManualClock,
    clipboard: RecordingClipboard,
    qsettings: QSettings,
) -> None:
    add(store, clock, "Quiet Ltd")
    add(store, clock, "Saved Inc", Stage.SAVED)  # nothing sent: nothing to wait for
    clock.advance(timedelta(days=23))
    add(store, clock, "Fresh plc")
    window = make_window(qtbot, store, clock, clipboard, qsettings)
    window.set_view(VIEW_TABLE)

    window.filter_bar.needs_action_check.setChecked(True)
    assert listed(window) == ["Quiet Ltd"]
    index = window.proxy.index(0, COL_DEADLINE)
    assert index.data() == "No word for 23 days"
    assert index.data(NeedsActionRole) is True

    # A longer wait in Settings takes the proposal back.
    store.save_settings(replace(store.load_settings(), ghosted_after_applied_days=30))
    qtbot.waitUntil(lambda: listed(window) == [])


def test_a_proposal_falling_due_joins_the_list_on_the_next_tick(
    qtbot: QtBot,
    store: Store,
    clock: ManualClock,
    clipboard: RecordingClipboard,
    qsettings: QSettings,
) -> None:
    add(store, clock, "Quiet Ltd")
    clock.advance(timedelta(days=20))
    window = make_window(qtbot, store, clock, clipboard, qsettings)
    window.set_view(VIEW_TABLE)
    window.filter_bar.needs_action_check.setChecked(True)
    assert listed(window) == []
    clock.advance(timedelta(hours=23))
    window.tick()
    assert listed(window) == []
    clock.advance(timedelta(hours=1))
    window.tick()
    assert listed(window) == ["Quiet Ltd"]


def test_mark_ghosted_offers_a_closing_note_and_undo_takes_both_back(
    qtbot: QtBot,
    store: Store,
    clock: ManualClock,
    clipboard: RecordingClipboard,
    qsettings: QSettings,
) -> None:
    app = add(store, clock, "Quiet Ltd", Stage.INTERVIEWING)
    clock.advance(timedelta(days=15))
    window = make_window(qtbot, store, clock, clipboard, qsettings)
    window.set_view(VIEW_TABLE)
    assert window.table.select_application(app.id)
    window.app_menu.aboutToShow.emit()
    mark = window.actions_by_name["mark_ghosted"]
    assert mark.isEnabled()

    window.table.setFocus()
    press(qtbot, window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert store.get_application(app.id).stage is Stage.GHOSTED, window.message_bar.text()
    assert "Ghosted" in window.message_bar.text()
    window.message_bar.action_button.click()  # "Write a closing note"
    [request] = [r for r in store.requests_for(app.id) if r.kind is RequestKind.CLOSING_NOTE]
    assert "Closing the loop on the Engineer role" in request.subject
    editor = window.rejection_flow.editor(request.id)
    assert editor is not None
    assert editor.isVisible()

    window.undo_stack.undo()  # the note
    assert store.requests_for(app.id) == []
    window.undo_stack.undo()  # the move
    assert store.get_application(app.id).stage is Stage.INTERVIEWING
    window.app_menu.aboutToShow.emit()
    assert mark.isEnabled()
    window.rejection_flow.close_all()
