"""The whole "log a rejection in seconds" path: dialog → store → editor, and its branches."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.model import RejectionInput, RequestKind, RequestStatus, Stage
from desktop.core.user_text import isolate
from desktop.store.repository import Store
from desktop.ui.email_confirm_dialog import EmailConfirmDialog
from desktop.ui.lesson_dialog import LessonDialog
from desktop.ui.rejection_dialog import RejectionDialog
from desktop.ui.rejection_flow import RejectionFlow
from tests.fakes import ManualClock, RecordingClipboard

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

REJECTION_EML = (
    b"From: Dana Reyes <dana.reyes@acme.example>\r\n"
    b"To: sam@example.org\r\n"
    b"Subject: Your application for Backend Engineer at Acme\r\n"
    b"Date: Mon, 02 Mar 2026 08:15:00 +0100\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"\r\n"
    b"Hi Sam,\r\n\r\nThank you for your interest in Acme. Unfortunately we have decided not "
    b"to move forward with your application for the Backend Engineer role.\r\n\r\n"
    b"Best,\r\nDana Reyes\r\nAcme\r\n"
)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START, BERLIN)


@pytest.fixture
def clipboard() -> RecordingClipboard:
    return RecordingClipboard()


@pytest.fixture
def undo_stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def flow(
    qtbot: QtBot,
    store: Store,
    clock: ManualClock,
    clipboard: RecordingClipboard,
    undo_stack: QUndoStack,
) -> Iterator[RejectionFlow]:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    flow = RejectionFlow(store, clock, clipboard, undo_stack, window)
    yield flow
    flow.close_all()


def _active_dialog(qtbot: QtBot, flow: RejectionFlow) -> RejectionDialog:
    dialog = flow.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_ok_opens_the_editor_immediately_prefilled(
    qtbot: QtBot, flow: RejectionFlow, store: Store, clock: ManualClock
) -> None:
    app = store.add_application("Acme", "Backend Engineer", now=clock.now(), stage=Stage.OFFER)
    store.add_contact(app.id, "Dana Reyes", email="dana@acme.example")
    flow.start(app.id)
    dialog = _active_dialog(qtbot, flow)
    qtbot.keyClick(dialog.notified_edit, Qt.Key.Key_Return)
    (editor,) = flow.open_editors()
    # Shown before control returns to the event loop: no timer or deferred call in between.
    assert editor.isVisible()
    assert editor.rendered_subject() == "Feedback on my Backend Engineer application"
    assert editor.rendered_body().startswith("Hi Dana,")
    assert "Acme" in editor.preview.toPlainText()
    assert store.get_application(app.id).stage is Stage.REJECTED


def test_open_request_twice_raises_the_same_editor(
    qtbot: QtBot, flow: RejectionFlow, store: Store, clock: ManualClock
) -> None:
    app = store.add_application("Acme", "Engineer", now=clock.now(), stage=Stage.INTERVIEWING)
    flow.start(app.id)
    dialog = _active_dialog(qtbot, flow)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    (request,) = store.requests_for(app.id)
    first = flow.open_request(request.id)
    second = flow.open_request(request.id)
    assert first is second
    assert len(flow.open_editors()) == 1
    assert first is not None
    first.close()
    assert flow.open_editors() == []
    assert not first.countdown_active()


def test_automated_rejection_skipped_in_one_click_and_undone_in_one_step(
    qtbot: QtBot, flow: RejectionFlow, store: Store, clock: ManualClock, undo_stack: QUndoStack
) -> None:
    app = store.add_application("Initech", "QA", now=clock.now(), stage=Stage.APPLIED)
    flow.start(app.id)
    dialog = _active_dialog(qtbot, flow)
    qtbot.keyClick(dialog, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: flow.dialog is None)
    (request,) = store.requests_for(app.id)
    assert request.status is RequestStatus.SKIPPED
    assert flow.open_editors() == []
    assert store.get_application(app.id).stage is Stage.REJECTED
    assert undo_stack.count() == 1
    undo_stack.undo()
    assert store.requests_for(app.id) == []
    assert store.get_application(app.id).stage is Stage.APPLIED
    assert [event.to_stage for event in store.timeline(app.id)] == [Stage.APPLIED]
    undo_stack.redo()
    assert [r.status for r in store.requests_for(app.id)] == [RequestStatus.SKIPPED]


def test_undoing_a_rejection_closes_its_editor_and_removes_what_it_created(
    qtbot: QtBot, flow: RejectionFlow, store: Store, undo_stack: QUndoStack
) -> None:
    flow.start(None)
    dialog = _active_dialog(qtbot, flow)
    dialog.company_edit.setText("Globex")
    dialog.role_edit.setText("Analyst")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    (editor,) = flow.open_editors()
    assert store.find_application("Globex", "Analyst") is not None
    undo_stack.undo()
    # A new application came with the rejection: undo takes it away.
    assert store.find_application("Globex", "Analyst") is None
    assert flow.open_editors() == []
    undo_stack.redo()
    (app,) = store.list_summaries()
    assert app.application.stage is Stage.REJECTED
    assert [r.id for r in store.requests_for(app.application.id)] == [editor.request_id]


def test_cancel_writes_nothing(
    qtbot: QtBot, flow: RejectionFlow, store: Store, clock: ManualClock
) -> None:
    app = store.add_application("Acme", "Engineer", now=clock.now())
    flow.start(app.id)
    dialog = _active_dialog(qtbot, flow)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert store.requests_for(app.id) == []
    assert store.get_application(app.id).stage is Stage.APPLIED
    assert flow.dialog is None


def test_dropped_email_is_confirmed_then_logged(
    qtbot: QtBot, flow: RejectionFlow, store: Store, clock: ManualClock
) -> None:
    flow.log_parsed_email(REJECTION_EML)
    confirm = _confirm_dialog(qtbot, flow)
    qtbot.waitExposed(confirm)
    assert confirm.sender_name_edit.text() == "Dana Reyes"
    assert confirm.sender_email_edit.text() == "dana.reyes@acme.example"
    assert confirm.company_edit.text() == "Acme"
    assert confirm.role_edit.text() == "Backend Engineer"
    qtbot.mouseClick(confirm.ok_button, Qt.MouseButton.LeftButton)
    dialog = _active_dialog(qtbot, flow)
    # A company never tracked: the dialog offers it as a new application, prefilled.
    assert dialog.company_edit.text() == "Acme"
    assert dialog.role_edit.text() == "Backend Engineer"
    assert dialog.contact_name_edit.text() == "Dana Reyes"
    assert dialog.notified_at() == datetime(2026, 3, 2, 7, 15, tzinfo=UTC)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    (editor,) = flow.open_editors()
    assert editor.rendered_body().startswith("Hi Dana,")
    assert editor.recipient_combo.currentText().endswith("dana.reyes@acme.example")


def test_a_dropped_email_names_the_application_as_the_user_typed_it(
    qtbot: QtBot, flow: RejectionFlow, store: Store, clock: ManualClock
) -> None:
    app = store.add_application("ACME GmbH", "Backend Engineer", now=clock.now())
    flow.log_parsed_email(REJECTION_EML)
    confirm = _confirm_dialog(qtbot, flow)
    assert confirm.company_edit.text() == "ACME GmbH"
    qtbot.mouseClick(confirm.ok_button, Qt.MouseButton.LeftButton)
    # The same spelling finds the application: the rejection is logged against it.
    assert _active_dialog(qtbot, flow).application_combo.currentData() == app.id


def _confirm_dialog(qtbot: QtBot, flow: RejectionFlow) -> EmailConfirmDialog:
    """The confirm dialog, once the email has been read off the GUI thread."""
    window = flow.parent()
    assert isinstance(window, QWidget)
    qtbot.waitUntil(lambda: bool(window.findChildren(EmailConfirmDialog)))
    return window.findChildren(EmailConfirmDialog)[0]


def test_junk_is_refused_with_a_message(qtbot: QtBot, flow: RejectionFlow) -> None:
    flow.log_parsed_email(b"\x00\x01\x02binary\x00" * 20)
    qtbot.waitUntil(lambda: "not an email" in flow.last_message)
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        box.close()
    assert flow.dialog is None


def test_keyboard_only_from_an_empty_database_to_the_clipboard(
    qtbot: QtBot, flow: RejectionFlow, store: Store, clipboard: RecordingClipboard
) -> None:
    assert store.list_summaries() == []
    flow.start(None)
    dialog = _active_dialog(qtbot, flow)
    # Focus starts in the application search; "New application…" is chosen already.
    qtbot.keyClick(dialog, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Globex")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Data Analyst")
    assert (dialog.company_edit.text(), dialog.role_edit.text()) == ("Globex", "Data Analyst")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    (editor,) = flow.open_editors()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)

    def copy_anyway() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, copy_anyway)
            return
        box.activateWindow()
        qtbot.waitUntil(box.isActiveWindow)
        # Alt+C is the button's mnemonic ("&Copy anyway").
        qtbot.keyClick(box, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)

    QTimer.singleShot(0, copy_anyway)
    focus = QApplication.focusWidget() or editor
    qtbot.keyClick(
        focus, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert clipboard.texts == [editor.both_text()]
    assert clipboard.text().startswith("Feedback on my Data Analyst application\n\nHi ")
    assert editor.status_label.text() == "Copied subject and body to the clipboard."


def test_log_the_reply_from_the_editor(
    qtbot: QtBot, flow: RejectionFlow, store: Store, clock: ManualClock
) -> None:
    app = store.add_application("Acme", "Engineer", now=clock.now(), stage=Stage.INTERVIEWING)
    flow.start(app.id)
    dialog = _active_dialog(qtbot, flow)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    (editor,) = flow.open_editors()
    assert not editor.lesson_button.isVisible()
    editor.mark_sent()
    assert editor.lesson_button.isVisible()
    qtbot.mouseClick(editor.lesson_button, Qt.MouseButton.LeftButton)
    lesson_dialog = editor.findChild(LessonDialog)
    assert lesson_dialog is not None
    qtbot.waitExposed(lesson_dialog)
    lesson_dialog.theme_checks["experience"].setChecked(True)
    qtbot.mouseClick(lesson_dialog.ok_button, Qt.MouseButton.LeftButton)
    (lesson,) = store.lessons()
    assert lesson.themes == ("experience",)
    assert editor.status() is RequestStatus.REPLIED
    assert editor.countdown_label.text() == "Replied"


def test_text_survives_its_template_being_deleted(
    qtbot: QtBot, flow: RejectionFlow, store: Store, clock: ManualClock
) -> None:
    app = store.add_application("Acme", "Engineer", now=clock.now(), stage=Stage.INTERVIEWING)
    default = next(t for t in store.templates(RequestKind.FEEDBACK) if t.is_default)
    extra = store.save_template(dataclasses.replace(default, id=0, name="Extra", body="Hi!"))
    flow.start(app.id)
    dialog = _active_dialog(qtbot, flow)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    (editor,) = flow.open_editors()
    index = editor.template_combo.findData(extra.id)
    editor.template_combo.setCurrentIndex(index)
    editor.template_combo.activated.emit(index)
    editor.flush_pending_save()
    store.delete_template(extra.id)
    editor.body_edit.setPlainText("Still mine.")
    editor.flush_pending_save()
    saved = store.get_request(editor.request_id)
    assert (saved.body, saved.template_id) == ("Still mine.", None)


def test_a_second_start_raises_the_open_dialog(
    qtbot: QtBot, flow: RejectionFlow, store: Store, clock: ManualClock
) -> None:
    first = flow.start(None)
    assert first is not None
    qtbot.waitExposed(first)
    assert flow.start(None) is first
    first.reject()
    assert flow.dialog is None


def test_a_handed_over_rejection_is_one_undo_step(
    flow: RejectionFlow, store: Store, clock: ManualClock, undo_stack: QUndoStack
) -> None:
    """What desktop.app does with `askwhy log-rejection` from a second launch."""
    app = store.add_application("Acme", "Engineer", now=clock.now(), stage=Stage.SCREENING)
    before = store.timeline(app.id)
    logged = flow.log_rejection(
        RejectionInput(company="acme", role="engineer", notified_at=clock.now())
    )
    assert logged.application.id == app.id
    assert undo_stack.count() == 1
    assert undo_stack.undoText() == f"Log rejection from {isolate('Acme')}"
    undo_stack.undo()
    assert store.requests_for(app.id) == []
    assert store.timeline(app.id) == before
    assert store.get_application(app.id).stage is Stage.SCREENING
