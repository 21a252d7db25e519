"""Logging what a reply taught, or that none came."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from desktop.core.model import (
    Channel,
    RejectionInput,
    ReplyOutcome,
    RequestStatus,
    Stage,
)
from desktop.core.user_text import isolate
from desktop.store.repository import Store
from desktop.ui.insights_view import gather_insights
from desktop.ui.lesson_dialog import LessonDialog, parse_tags
from tests.fakes import ManualClock

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), BERLIN)


def sent_request(store: Store, clock: ManualClock) -> tuple[int, int]:
    logged = store.log_rejection(
        RejectionInput(
            company="Acme",
            role="Engineer",
            notified_at=clock.now(),
            stage_reached=Stage.INTERVIEWING,
            channel=Channel.EMAIL,
        ),
        now=clock.now(),
    )
    store.mark_sent(logged.request.id, sent_at=clock.now())
    return logged.application.id, logged.request.id


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


def make(
    qtbot: QtBot, store: Store, clock: ManualClock, stack: QUndoStack
) -> tuple[LessonDialog, int]:
    """The dialog for a sent request, and that request's id."""
    app_id, request_id = sent_request(store, clock)
    dialog = LessonDialog(
        store, clock, app_id, request_id=request_id, undo_stack=stack, on_error=pytest.fail
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, request_id


def test_reply_with_themes_tags_notes_and_an_action(
    qtbot: QtBot, store: Store, clock: ManualClock, stack: QUndoStack
) -> None:
    dialog, request_id = make(qtbot, store, clock, stack)
    assert dialog.windowTitle() == f"What did {isolate('Acme')} say?"
    qtbot.mouseClick(dialog.theme_checks["communication"], Qt.MouseButton.LeftButton)
    dialog.theme_checks["technical depth"].setChecked(True)
    qtbot.keyClicks(dialog.tags_edit, "System Design,  communication; take-home ")
    qtbot.keyClicks(dialog.action_edit, "Practise one system design question a week")
    dialog.notes_edit.setPlainText("Strong on code, vague on trade-offs.")
    with qtbot.waitSignal(dialog.lesson_logged):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    (lesson,) = store.lessons()
    assert lesson.outcome is ReplyOutcome.REPLIED
    assert lesson.themes == ("communication", "technical depth", "system design", "take-home")
    assert lesson.action == "Practise one system design question a week"
    assert lesson.notes == "Strong on code, vague on trade-offs."
    assert lesson.request_id == request_id
    assert store.get_request(request_id).status is RequestStatus.REPLIED


def test_no_reply_by_keyboard_records_no_themes(
    qtbot: QtBot, store: Store, clock: ManualClock, stack: QUndoStack
) -> None:
    dialog, request_id = make(qtbot, store, clock, stack)
    dialog.theme_checks["fit"].setChecked(True)
    # Click the radio's indicator: the widget is wider than its text, and Qt ignores
    # clicks on the empty space beside the label.
    indicator = QPoint(6, dialog.no_reply_radio.height() // 2)
    qtbot.mouseClick(dialog.no_reply_radio, Qt.MouseButton.LeftButton, pos=indicator)
    assert not dialog.themes_box.isEnabled()
    qtbot.keyClick(dialog.action_edit, Qt.Key.Key_Return)
    (lesson,) = store.lessons()
    assert lesson.outcome is ReplyOutcome.NO_REPLY
    assert lesson.themes == ()
    assert store.get_request(request_id).status is RequestStatus.SENT


def test_overlong_theme_is_refused_inline(
    qtbot: QtBot, store: Store, clock: ManualClock, stack: QUndoStack
) -> None:
    dialog, _request_id = make(qtbot, store, clock, stack)
    qtbot.keyClicks(dialog.tags_edit, "x" * 60)
    assert dialog.error_label.isVisible()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.tags_edit, Qt.Key.Key_Return)
    assert store.lessons() == []


def test_parse_tags() -> None:
    assert parse_tags(" A  b, a b;C\n\n, ") == ("a b", "c")
    assert parse_tags("") == ()


def test_a_logged_reply_is_one_undo_step_that_puts_the_request_back(
    qtbot: QtBot, store: Store, clock: ManualClock, stack: QUndoStack
) -> None:
    dialog, request_id = make(qtbot, store, clock, stack)

    def state() -> object:
        return (
            store.lessons(),
            store.get_request(request_id),
            store.reminders_for(request_id),
            gather_insights(store).insights,
        )

    before = state()
    dialog.theme_checks["communication"].setChecked(True)
    with qtbot.waitSignal(dialog.lesson_logged):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    logged = state()
    assert store.get_request(request_id).status is RequestStatus.REPLIED
    assert stack.undoText() == f"Log reply from {isolate('Acme')}"
    stack.undo()
    assert state() == before
    stack.redo()
    assert state() == logged
