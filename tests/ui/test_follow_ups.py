"""A way back to every draft: the Follow-ups view, Open draft (Ctrl+D) and Ctrl+R on a
rejected application, once the editor is closed."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.model import LoggedRejection, Profile, RejectionInput, RequestStatus
from desktop.store.repository import Store
from desktop.ui.details_dialog import DetailsDialog
from desktop.ui.follow_ups_view import FollowUpsDialog
from desktop.ui.main_window import MainWindow
from tests.fakes import ManualClock, RecordingClipboard
from tests.ui.test_keyboard_flow import CTRL, SHIFT, Keyboard
from tests.ui.test_main_window import make_window, press


@pytest.fixture
def window(
    qtbot: QtBot,
    store: Store,
    clock: ManualClock,
    clipboard: RecordingClipboard,
    qsettings: QSettings,
) -> Iterator[MainWindow]:
    window = make_window(qtbot, store, clock, clipboard, qsettings)
    yield window
    window.rejection_flow.close_all()


def reject(store: Store, clock: ManualClock, company: str) -> LoggedRejection:
    rejection = RejectionInput(company=company, role="Engineer", notified_at=clock.now())
    return store.log_rejection(rejection, now=clock.now())


def test_the_view_lists_every_request_with_its_status_and_opens_one(
    qtbot: QtBot, window: MainWindow, store: Store, clock: ManualClock
) -> None:
    sent = reject(store, clock, "Acme")
    store.mark_sent(sent.request.id, sent_at=clock.now())
    skipped = reject(store, clock, "Globex")
    store.skip_request(skipped.request.id, now=clock.now())
    clock.advance(hours=1)
    still_open = reject(store, clock, "AT&T — R&D")
    window.refresh()

    press(
        qtbot,
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.findChild(FollowUpsDialog)
    assert dialog is not None
    rows = {
        dialog.tree.topLevelItem(i).text(1): dialog.tree.topLevelItem(i)
        for i in range(dialog.tree.topLevelItemCount())
    }
    assert {company: row.text(0) for company, row in rows.items()} == {
        "Acme": "Sent",
        "Globex": "Skipped",
        "AT&T — R&D": "Open",
    }
    assert rows["AT&T — R&D"].text(4) == "2 d left"
    dialog.tree.setCurrentItem(rows["AT&T — R&D"])
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)  # the default button: Open draft
    editor = window.rejection_flow.editor(still_open.request.id)
    assert editor is not None
    assert editor.isVisible()

    # Sent from the editor: the view follows.
    editor.mark_sent()
    assert rows_status(dialog)["AT&T — R&D"] == "Sent"


def rows_status(dialog: FollowUpsDialog) -> dict[str, str]:
    items = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]
    return {item.text(1): item.text(0) for item in items if item is not None}


def test_ctrl_r_on_a_rejected_application_reopens_its_draft(
    qtbot: QtBot, window: MainWindow, store: Store, clock: ManualClock
) -> None:
    logged = reject(store, clock, "Acme")
    window.refresh()
    window.board.select_application(logged.application.id)
    press(qtbot, window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    editor = window.rejection_flow.editor(logged.request.id)
    assert editor is not None
    assert editor.isVisible()
    assert window.findChild(DetailsDialog) is None
    assert len(store.requests_for(logged.application.id)) == 1  # nothing logged twice


def test_open_draft_from_the_details_dialog_saves_first(
    qtbot: QtBot, window: MainWindow, store: Store, clock: ManualClock
) -> None:
    logged = reject(store, clock, "Acme")
    window.refresh()
    dialog = window.open_details(logged.application.id)
    assert dialog is not None
    assert dialog.draft_button is not None
    dialog.notes_edit.setPlainText("Asked the recruiter")
    qtbot.mouseClick(dialog.draft_button, Qt.MouseButton.LeftButton)
    assert store.get_application(logged.application.id).notes == "Asked the recruiter"
    editor = window.rejection_flow.editor(logged.request.id)
    assert editor is not None
    assert editor.isVisible()


def test_open_draft_prefers_the_open_request_and_says_when_there_is_none(
    window: MainWindow, store: Store, clock: ManualClock
) -> None:
    plain = store.add_application("Initech", "Engineer", now=clock.now())
    window.refresh()
    window.open_draft(plain.id)
    assert "No follow-up request" in window.message_bar.text()

    logged = reject(store, clock, "Acme")
    store.mark_sent(logged.request.id, sent_at=clock.now())
    clock.advance(timedelta(days=1))
    window.refresh()
    window.open_draft(logged.application.id)
    editor = window.rejection_flow.editor(logged.request.id)
    assert editor is not None
    assert store.get_request(logged.request.id).status is RequestStatus.SENT


def test_a_closed_draft_comes_back_from_the_follow_ups_view_by_keyboard(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    clock: ManualClock,
    clipboard: RecordingClipboard,
) -> None:
    keys = Keyboard(qtbot)
    # Every merge field filled, so copying asks nothing.
    store.save_settings(
        dataclasses.replace(store.load_settings(), profile=Profile("Sam Lee", "", "Sam Lee"))
    )
    rejection = RejectionInput(
        company="Acme", role="Engineer", notified_at=clock.now(), contact_name="Dana Reyes"
    )
    logged = store.log_rejection(rejection, now=clock.now())
    window.open_request(logged.request.id)  # as the rejection flow opens it
    editor = window.rejection_flow.editor(logged.request.id)
    assert editor is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    keys.press(Qt.Key.Key_Escape)  # closes the editor
    qtbot.waitUntil(lambda: not editor.isVisible())
    window.activateWindow()  # what the window manager does when a window closes
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    keys.press(Qt.Key.Key_F, CTRL | SHIFT)
    follow_ups = window.findChild(FollowUpsDialog)
    assert follow_ups is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is follow_ups)
    keys.press(Qt.Key.Key_Return)  # Open draft on the first (the open) request
    reopened = window.rejection_flow.editor(logged.request.id)
    assert reopened is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is reopened)
    keys.press(Qt.Key.Key_C, CTRL | SHIFT)
    qtbot.waitUntil(lambda: bool(clipboard.texts))
    assert "Acme" in clipboard.text()
