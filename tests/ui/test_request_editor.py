"""The request editor, driven as a user would: keys, clicks, a real store on tmp_path."""

from __future__ import annotations

import dataclasses
import email
import email.policy
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QPalette, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.mailto import MAILTO_LIMIT, read_mailto
from desktop.core.model import (
    Channel,
    Profile,
    RejectionInput,
    RequestKind,
    RequestStatus,
    Stage,
)
from desktop.core.reminders import SnoozeChoice
from desktop.core.templates import FieldState
from desktop.core.user_text import isolate
from desktop.store.repository import Store
from desktop.ui.request_editor import (
    RequestEditor,
    default_eml_name,
    slug,
)
from desktop.ui.template_highlighter import Mark, mark_at, mark_format, source_marks
from tests.fakes import ManualClock, RecordingClipboard

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START, BERLIN)


@pytest.fixture
def clipboard() -> RecordingClipboard:
    return RecordingClipboard()


class RecordingOpener:
    def __init__(self, answer: bool = True) -> None:
        self.urls: list[QUrl] = []
        self.answer = answer

    def __call__(self, url: QUrl) -> bool:
        self.urls.append(url)
        return self.answer


class FixedChooser:
    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.suggested: list[str] = []

    def __call__(self, parent: QWidget, caption: str, suggested: str, filters: str) -> str:
        self.suggested.append(suggested)
        return str(self.path) if self.path else ""


def log_rejection(
    store: Store,
    clock: ManualClock,
    *,
    stage: Stage = Stage.INTERVIEWING,
    contact: tuple[str, str] = ("Dana Reyes", "dana@acme.example"),
) -> int:
    app = store.add_application("Acme", "Backend Engineer", now=clock.now(), stage=stage)
    logged = store.log_rejection(
        RejectionInput(
            company=app.company,
            role=app.role,
            notified_at=clock.now(),
            stage_reached=stage,
            channel=Channel.EMAIL,
            contact_name=contact[0],
            contact_email=contact[1],
            application_id=app.id,
        ),
        now=clock.now(),
    )
    return logged.request.id


def answer_next_box(qtbot: QtBot, button_text: str, seen: list[str]) -> None:
    """Click `button_text` in the next modal message box, once it shows."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        seen.append(box.text() + "\n" + box.informativeText())
        for button in box.buttons():
            if button.text().replace("&", "") == button_text:
                assert isinstance(button, QPushButton)
                button.click()
                return
        raise AssertionError(f"no {button_text!r} in {[b.text() for b in box.buttons()]}")

    QTimer.singleShot(0, click)


@pytest.fixture
def undo_stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def make_editor(
    qtbot: QtBot,
    store: Store,
    clock: ManualClock,
    clipboard: RecordingClipboard,
    undo_stack: QUndoStack,
) -> Iterator[Callable[..., RequestEditor]]:
    editors: list[RequestEditor] = []

    def make(
        request_id: int,
        *,
        opener: RecordingOpener | None = None,
        chooser: FixedChooser | None = None,
    ) -> RequestEditor:
        editor = RequestEditor(
            store,
            clock,
            clipboard,
            request_id,
            undo_stack=undo_stack,
            url_opener=opener or RecordingOpener(),
            save_file_chooser=chooser or FixedChooser(None),
        )
        qtbot.addWidget(editor)
        editor.show()
        editor.activateWindow()
        # Window shortcuts (Ctrl+Shift+C, Ctrl+Return) only reach the active window.
        qtbot.waitUntil(editor.isActiveWindow)
        editors.append(editor)
        return editor

    yield make
    # Closed here, while the database is still open, so the final save has somewhere to go.
    for editor in editors:
        editor.close()
        assert not editor.countdown_active()


def fill_profile(store: Store) -> None:
    settings = store.load_settings()
    store.save_settings(
        dataclasses.replace(
            settings, profile=Profile("Sam Lee", "sam@example.org", "Sam Lee\n+49 30 1234")
        )
    )


def test_opens_prefilled_with_fields_coloured_by_state(
    make_editor: Callable[..., RequestEditor], store: Store, clock: ManualClock
) -> None:
    editor = make_editor(log_rejection(store, clock))
    # The untouched request is edited as its template, so every field shows where it is.
    assert editor.subject() == "Feedback on my {{ role }} application"
    assert editor.rendered_subject() == "Feedback on my Backend Engineer application"
    assert editor.rendered_body().startswith("Hi Dana,")
    preview = editor.preview.toPlainText()
    assert mark_at(editor.preview.document(), preview.index("Dana")) is Mark.FILLED
    assert mark_at(editor.preview.document(), preview.index("Acme")) is Mark.FILLED
    assert mark_at(editor.preview.document(), preview.index("Thank you")) is None
    # A fresh profile has no name: the signature stays a visible, marked placeholder.
    document = editor.preview.document()
    position = editor.preview.toPlainText().index("{{ my_signature }}")
    assert mark_at(document, position) is Mark.EMPTY
    problems = [editor.problems_list.item(i).text() for i in range(editor.problems_list.count())]
    assert any("my_signature" in line and "empty" in line for line in problems)
    assert "left" in editor.countdown_label.text()
    assert editor.recipient_combo.currentText() == f"{isolate('Dana Reyes')} · dana@acme.example"


def test_typing_an_unknown_field_shows_inline_problem_and_mark(
    qtbot: QtBot, make_editor: Callable[..., RequestEditor], store: Store, clock: ManualClock
) -> None:
    editor = make_editor(log_rejection(store, clock))
    editor.body_edit.setFocus()
    editor.body_edit.moveCursor(editor.body_edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.body_edit, "P.S. {{ compnay }} and {{ role")
    problems = [editor.problems_list.item(i).text() for i in range(editor.problems_list.count())]
    assert any("did you mean {{ company }}" in line for line in problems)
    assert any("no closing" in line for line in problems)
    text = editor.preview.toPlainText()
    assert mark_at(editor.preview.document(), text.index("{{ compnay }}")) is Mark.UNKNOWN
    # Clicking the problem selects it in the body, so the fix is one keystroke away.
    item = next(
        editor.problems_list.item(i)
        for i in range(editor.problems_list.count())
        if "compnay" in editor.problems_list.item(i).text()
    )
    editor.problems_list.itemClicked.emit(item)
    assert editor.body_edit.textCursor().selectedText() == "{{ compnay }}"


def test_copy_warns_while_a_field_is_empty_and_can_copy_anyway(
    qtbot: QtBot,
    make_editor: Callable[..., RequestEditor],
    store: Store,
    clock: ManualClock,
    clipboard: RecordingClipboard,
) -> None:
    editor = make_editor(log_rejection(store, clock))
    seen: list[str] = []
    answer_next_box(qtbot, "Cancel", seen)
    qtbot.mouseClick(editor.copy_both_button, Qt.MouseButton.LeftButton)
    assert clipboard.texts == []
    assert "{{ my_signature }} is empty" in seen[0]
    assert "Nothing copied" in editor.status_label.text()

    answer_next_box(qtbot, "Copy anyway", seen)
    qtbot.mouseClick(editor.copy_body_button, Qt.MouseButton.LeftButton)
    assert clipboard.texts == [editor.rendered_body()]
    assert "{{ my_signature }}" in clipboard.text()
    assert editor.status_label.text() == "Copied the body to the clipboard."


def test_copy_both_by_keyboard_when_complete(
    qtbot: QtBot,
    make_editor: Callable[..., RequestEditor],
    store: Store,
    clock: ManualClock,
    clipboard: RecordingClipboard,
) -> None:
    fill_profile(store)
    editor = make_editor(log_rejection(store, clock))
    assert editor.unresolved_fields() == []
    editor.body_edit.setFocus()
    qtbot.keyClick(
        editor.body_edit,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert clipboard.texts == [f"{editor.rendered_subject()}\n\n{editor.rendered_body()}"]
    assert clipboard.text().rstrip().endswith("+49 30 1234")
    assert editor.status_label.text() == "Copied subject and body to the clipboard."
    qtbot.keyClick(
        editor.body_edit,
        Qt.Key.Key_U,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert clipboard.text() == "Feedback on my Backend Engineer application"
    assert editor.status_label.text() == "Copied the subject to the clipboard."


HOSTILE = "Ünïcødé & ? # % + = 🙂 <b>\r\nline two\nend"


def test_mail_app_link_round_trips_hostile_text(
    make_editor: Callable[..., RequestEditor], store: Store, clock: ManualClock
) -> None:
    fill_profile(store)
    opener = RecordingOpener()
    editor = make_editor(log_rejection(store, clock), opener=opener)
    editor.subject_edit.setText("Re: R&D? #1 🙂 100%")
    editor.body_edit.setPlainText(HOSTILE)
    editor.mail_button.click()
    assert len(opener.urls) == 1
    url = bytes(opener.urls[0].toEncoded().data()).decode("ascii")
    assert url.startswith("mailto:dana@acme.example?subject=")
    assert "%0D%0A" in url
    assert "%20" in url
    assert "+" not in url.split("?", 1)[1]
    assert read_mailto(url) == (
        "dana@acme.example",
        [("subject", "Re: R&D? #1 🙂 100%"), ("body", HOSTILE.replace("\r\n", "\n"))],
    )
    assert "mail app" in editor.status_label.text()


def test_long_message_falls_back_to_the_clipboard(
    make_editor: Callable[..., RequestEditor],
    store: Store,
    clock: ManualClock,
    clipboard: RecordingClipboard,
) -> None:
    fill_profile(store)
    opener = RecordingOpener()
    editor = make_editor(log_rejection(store, clock), opener=opener)
    editor.body_edit.setPlainText("Ünïcødé " * (MAILTO_LIMIT // 4))
    editor.mail_button.click()
    assert opener.urls == []
    assert clipboard.texts == [editor.both_text()]
    assert "too long for a mail link" in editor.status_label.text()


def test_mail_app_that_does_not_answer_falls_back_to_the_clipboard(
    make_editor: Callable[..., RequestEditor],
    store: Store,
    clock: ManualClock,
    clipboard: RecordingClipboard,
) -> None:
    fill_profile(store)
    editor = make_editor(log_rejection(store, clock), opener=RecordingOpener(answer=False))
    editor.mail_button.click()
    assert clipboard.texts == [editor.both_text()]
    assert "No mail app" in editor.status_label.text()


def test_an_address_that_would_add_a_recipient_opens_nothing_and_saves_nothing(
    qtbot: QtBot,
    make_editor: Callable[..., RequestEditor],
    store: Store,
    clock: ManualClock,
    tmp_path: Path,
) -> None:
    # Today's store refuses it, but an older AskWhy stored it (one @, no spaces); a mail
    # link or header would read two recipients.
    fill_profile(store)
    request_id = log_rejection(store, clock, contact=("Dana", "dana@example.org"))
    with sqlite3.connect(store.database.path) as older_askwhy:
        older_askwhy.execute("UPDATE contacts SET email = 'dana,evil@attacker.example'")
    opener = RecordingOpener()
    target = tmp_path / "x.eml"
    editor = make_editor(request_id, opener=opener, chooser=FixedChooser(target))
    seen: list[str] = []
    answer_next_box(qtbot, "OK", seen)
    editor.mail_button.click()
    answer_next_box(qtbot, "OK", seen)
    assert editor.save_as_eml() is None
    assert opener.urls == []
    assert not target.exists()
    assert len(seen) == 2
    assert all("not an email address a mail app can use" in text for text in seen)


def test_save_as_eml_writes_a_draft_the_email_module_reads(
    make_editor: Callable[..., RequestEditor], store: Store, clock: ManualClock, tmp_path: Path
) -> None:
    fill_profile(store)
    target = tmp_path / "drafts" / "acme"
    target.parent.mkdir()
    chooser = FixedChooser(target)
    editor = make_editor(log_rejection(store, clock), chooser=chooser)
    editor.body_edit.setPlainText("Hallo 🙂\nZweite Zeile — danke")
    saved = editor.save_as_eml()
    assert saved == target.with_name("acme.eml")
    assert chooser.suggested[0].endswith("acme-backend-engineer.eml")
    message = email.message_from_bytes(saved.read_bytes(), policy=email.policy.default)
    assert message["To"] == "Dana Reyes <dana@acme.example>"
    assert message["Subject"] == "Feedback on my Backend Engineer application"
    assert message["X-Unsent"] == "1"
    assert "sam@example.org" in message["From"]
    body = message.get_body()
    assert body is not None
    assert body.get_content().replace("\r\n", "\n") == "Hallo 🙂\nZweite Zeile — danke\n"
    assert [p.name for p in target.parent.iterdir()] == ["acme.eml"]  # no temp file left
    assert "Saved the draft" in editor.status_label.text()


def test_save_as_eml_cancelled_writes_nothing(
    make_editor: Callable[..., RequestEditor], store: Store, clock: ManualClock
) -> None:
    fill_profile(store)
    editor = make_editor(log_rejection(store, clock), chooser=FixedChooser(None))
    assert editor.save_as_eml() is None
    assert editor.status_label.text() == ""


def test_mark_sent_with_ctrl_enter_then_undo(
    qtbot: QtBot, make_editor: Callable[..., RequestEditor], store: Store, clock: ManualClock
) -> None:
    request_id = log_rejection(store, clock)
    editor = make_editor(request_id)
    clock.advance(hours=3)
    editor.body_edit.setFocus()
    qtbot.keyClick(editor.body_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    sent = store.get_request(request_id)
    assert sent.status is RequestStatus.SENT
    assert sent.sent_at == clock.now()
    assert editor.body_edit.isReadOnly()
    assert "Sent" in editor.countdown_label.text()
    assert editor.undo_button.isEnabled()
    assert editor.undo_action.text() == f"&Undo Mark sent ({isolate('Acme')})"
    assert editor.lesson_button.isVisible()
    qtbot.mouseClick(editor.undo_button, Qt.MouseButton.LeftButton)
    undone = store.get_request(request_id)
    assert (undone.status, undone.sent_at) == (RequestStatus.DRAFT, None)
    assert not editor.body_edit.isReadOnly()
    assert not editor.undo_button.isEnabled()


def test_undo_from_the_window_reaches_the_editor(
    make_editor: Callable[..., RequestEditor],
    store: Store,
    clock: ManualClock,
    undo_stack: QUndoStack,
) -> None:
    request_id = log_rejection(store, clock)
    editor = make_editor(request_id)
    reminders = store.reminders_for(request_id)
    editor.skip()
    assert store.reminders_for(request_id) == []
    undo_stack.undo()  # Edit › Undo in the main window: the same stack
    assert store.reminders_for(request_id) == reminders
    assert editor.status() is RequestStatus.DRAFT
    assert editor.sent_button.isEnabled()
    undo_stack.redo()
    assert editor.status() is RequestStatus.SKIPPED


def test_skip_then_reopen(
    qtbot: QtBot, make_editor: Callable[..., RequestEditor], store: Store, clock: ManualClock
) -> None:
    request_id = log_rejection(store, clock)
    editor = make_editor(request_id)
    qtbot.mouseClick(editor.skip_button, Qt.MouseButton.LeftButton)
    assert store.get_request(request_id).status is RequestStatus.SKIPPED
    assert editor.countdown_label.text() == "Skipped"
    assert not editor.sent_button.isEnabled()
    qtbot.mouseClick(editor.reopen_button, Qt.MouseButton.LeftButton)
    assert store.get_request(request_id).status is RequestStatus.DRAFT
    assert editor.sent_button.isEnabled()


def test_automated_rejection_offers_skip_in_one_click(
    qtbot: QtBot, make_editor: Callable[..., RequestEditor], store: Store, clock: ManualClock
) -> None:
    automated = make_editor(log_rejection(store, clock, stage=Stage.APPLIED, contact=("", "")))
    assert automated.automated_banner.isVisible()
    qtbot.mouseClick(automated.banner_skip_button, Qt.MouseButton.LeftButton)
    assert automated.status() is RequestStatus.SKIPPED
    assert not automated.automated_banner.isVisible()


def test_no_skip_banner_after_an_interview(
    make_editor: Callable[..., RequestEditor], store: Store, clock: ManualClock
) -> None:
    editor = make_editor(log_rejection(store, clock, stage=Stage.INTERVIEWING))
    assert not editor.automated_banner.isVisible()


def test_snooze_moves_the_reminders(
    make_editor: Callable[..., RequestEditor], store: Store, clock: ManualClock
) -> None:
    request_id = log_rejection(store, clock)
    editor = make_editor(request_id)
    action = next(a for a in editor.snooze_menu.actions() if a.objectName() == "snooze_1h")
    action.trigger()
    until = clock.now() + timedelta(hours=1)
    assert any(r.effective_due_at == until for r in store.reminders_for(request_id))
    assert "snoozed until" in editor.status_label.text()


def test_undoing_a_snooze_puts_every_reminder_back(
    make_editor: Callable[..., RequestEditor],
    store: Store,
    clock: ManualClock,
    undo_stack: QUndoStack,
) -> None:
    request_id = log_rejection(store, clock)
    before = store.reminders_for(request_id)
    editor = make_editor(request_id)
    clock.advance(hours=3)  # past the nudge: a snooze then adds a reminder
    editor.snooze(SnoozeChoice("1h"))
    assert store.reminders_for(request_id) != before
    undo_stack.undo()
    assert store.reminders_for(request_id) == before


def test_countdown_follows_the_clock_and_stops_on_close(
    make_editor: Callable[..., RequestEditor], store: Store, clock: ManualClock
) -> None:
    editor = make_editor(log_rejection(store, clock))
    assert editor.countdown_label.text().startswith("2 d left")
    clock.advance(hours=47, minutes=30)
    editor.refresh_countdown()
    assert editor.countdown_label.text().startswith("30 min left")
    clock.advance(hours=2)
    editor.refresh_countdown()
    assert editor.countdown_label.text().startswith("closed 1 h 30 min ago")
    assert editor.countdown_active()
    editor.close()
    assert not editor.countdown_active()


def test_edits_are_saved_after_a_pause_and_on_close(
    qtbot: QtBot, make_editor: Callable[..., RequestEditor], store: Store, clock: ManualClock
) -> None:
    request_id = log_rejection(store, clock)
    editor = make_editor(request_id)
    editor.subject_edit.selectAll()
    qtbot.keyClicks(editor.subject_edit, "Could you tell me why?")
    qtbot.waitUntil(
        lambda: store.get_request(request_id).subject == "Could you tell me why?", timeout=3000
    )
    editor.body_edit.setPlainText("Short and gracious.")
    editor.close()  # before the debounce fires
    assert store.get_request(request_id).body == "Short and gracious."


def test_template_picker_replaces_untouched_text(
    make_editor: Callable[..., RequestEditor], store: Store, clock: ManualClock
) -> None:
    request_id = log_rejection(store, clock)
    default = next(t for t in store.templates(RequestKind.FEEDBACK) if t.is_default)
    other = store.save_template(
        dataclasses.replace(default, id=0, name="Brief", subject="Why?", body="{{ company }}?")
    )
    editor = make_editor(request_id)
    index = editor.template_combo.findData(other.id)
    editor.template_combo.setCurrentIndex(index)
    editor.template_combo.activated.emit(index)
    assert editor.subject() == "Why?"
    assert editor.rendered_body() == "Acme?"
    editor.flush_pending_save()
    assert store.get_request(request_id).template_id == other.id


def test_preview_colours_differ_by_state_and_palette() -> None:
    light, dark = QPalette(), QPalette()
    light.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    for palette in (light, dark):
        formats = [mark_format(mark, palette) for mark in (Mark.FILLED, Mark.EMPTY, Mark.UNKNOWN)]
        backgrounds = {f.background().color().name() for f in formats}
        assert len(backgrounds) == 3
        for fmt in formats:
            assert _contrast(fmt.foreground().color(), fmt.background().color()) >= 4.5
    assert (
        mark_format(Mark.EMPTY, light).background().color()
        != mark_format(Mark.EMPTY, dark).background().color()
    )
    assert FieldState.EMPTY.value == Mark.EMPTY.value


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(colour.redF())
            + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF())
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_source_marks_agree_with_core_check() -> None:
    marks = source_marks("Hi {{ contact_first_name }}, {{ compnay }} }}")
    kinds = [mark for _start, _end, mark in marks]
    assert kinds == [Mark.FIELD, Mark.PROBLEM, Mark.PROBLEM]


def test_file_names() -> None:
    assert slug("Müller & Söhne GmbH") == "müller-söhne-gmbh"
    assert default_eml_name("Acme, Inc.", "Sr. Engineer (Backend)") == (
        "acme-inc-sr-engineer-backend.eml"
    )
    assert default_eml_name("", "") == "request.eml"


def test_switching_to_a_dark_palette_recolours_the_preview(
    make_editor: Callable[..., RequestEditor], store: Store, clock: ManualClock
) -> None:
    editor = make_editor(log_rejection(store, clock))
    text = editor.preview.toPlainText()
    position = text.index("{{ my_signature }}")

    def background() -> str:
        cursor = editor.preview.textCursor()
        cursor.setPosition(position + 1)
        return cursor.charFormat().background().color().name()

    light = background()
    dark = QPalette(editor.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    editor.setPalette(dark)
    assert background() != light
    assert background() == mark_format(Mark.EMPTY, dark).background().color().name()


def test_declining_to_replace_edited_text_puts_the_template_box_back(
    make_editor: Callable[..., RequestEditor], store: Store, clock: ManualClock
) -> None:
    request_id = log_rejection(store, clock)
    default = next(t for t in store.templates(RequestKind.FEEDBACK) if t.is_default)
    other = store.save_template(
        dataclasses.replace(default, id=0, name="Brief", subject="Why?", body="{{ company }}?")
    )
    editor = make_editor(request_id)
    shown = editor.template_combo.currentIndex()
    editor.subject_edit.setText("My own subject")
    index = editor.template_combo.findData(other.id)
    editor.template_combo.setCurrentIndex(index)
    editor.template_combo.activated.emit(index)
    assert editor.replace_box is not None
    editor.replace_box.done(QMessageBox.StandardButton.No.value)
    assert editor.subject() == "My own subject"
    assert editor.template_combo.currentIndex() == shown

    editor.template_combo.setCurrentIndex(index)
    editor.template_combo.activated.emit(index)
    assert editor.replace_box is not None
    editor.replace_box.done(QMessageBox.StandardButton.Yes.value)
    assert (editor.subject(), editor.template_combo.currentIndex()) == ("Why?", index)


def problem_lines(editor: RequestEditor) -> list[str]:
    return [editor.problems_list.item(i).text() for i in range(editor.problems_list.count())]


def test_with_no_contact_the_greeting_is_to_the_team_and_nothing_is_flagged(
    make_editor: Callable[..., RequestEditor], store: Store, clock: ManualClock
) -> None:
    fill_profile(store)
    editor = make_editor(log_rejection(store, clock, contact=("", "")))
    assert editor.recipient_combo.currentText() == "Nobody yet"
    assert editor.rendered_body().startswith("Hi Acme team,\n")
    preview = editor.preview.toPlainText()
    assert mark_at(editor.preview.document(), preview.index("Acme team")) is Mark.FILLED
    assert problem_lines(editor) == ["Nothing to fix: every field is filled in."]
    assert editor.unresolved_fields() == []


def test_choosing_a_contact_is_one_undoable_step_and_the_draft_follows(
    qtbot: QtBot,
    make_editor: Callable[..., RequestEditor],
    store: Store,
    clock: ManualClock,
    undo_stack: QUndoStack,
) -> None:
    request_id = log_rejection(store, clock, contact=("", ""))
    application_id = store.request_context(request_id).application.id
    hank = store.add_contact(application_id, "Dr. Hank Moody", email="hank@acme.example")
    editor = make_editor(request_id)
    assert editor.recipient_combo.count() == 2
    editor.recipient_combo.setFocus()
    qtbot.keyClick(editor.recipient_combo, Qt.Key.Key_Down)  # as a user picks from the box
    assert store.get_request(request_id).contact_id == hank.id
    hank_shown = f"{isolate('Dr. Hank Moody')} · hank@acme.example"
    assert editor.recipient_combo.currentText() == hank_shown
    assert editor.rendered_body().startswith("Hi Hank,\n")
    assert read_mailto(editor.mailto_url())[0] == "hank@acme.example"
    editor.flush_pending_save()
    assert store.get_request(request_id).body.startswith("Hi Hank,\n")  # stored as sent
    assert undo_stack.count() == 1
    assert undo_stack.undoText() == f"Send to {isolate('Dr. Hank Moody')} ({isolate('Acme')})"

    undo_stack.undo()
    assert store.get_request(request_id).contact_id is None
    assert editor.recipient_combo.currentText() == "Nobody yet"
    assert editor.rendered_body().startswith("Hi Acme team,\n")
    assert store.contacts(application_id) == [hank]  # an existing contact stays


def test_adding_a_contact_in_the_editor_checks_it_and_sends_to_them(
    qtbot: QtBot,
    make_editor: Callable[..., RequestEditor],
    store: Store,
    clock: ManualClock,
    undo_stack: QUndoStack,
) -> None:
    request_id = log_rejection(store, clock, stage=Stage.APPLIED, contact=("", ""))
    application_id = store.request_context(request_id).application.id
    editor = make_editor(request_id)
    assert editor.automated_banner.isVisible()  # nobody is known: probably automated

    qtbot.mouseClick(editor.add_contact_button, Qt.MouseButton.LeftButton)
    dialog = editor.new_contact_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert not dialog.ok_button.isEnabled()  # no one to write to yet
    qtbot.keyClicks(dialog.name_edit, "Dana Reyes")
    qtbot.keyClicks(dialog.email_edit, "dana@")
    assert dialog.error_label.isVisible()  # the store's email rule, asked as it is typed
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.email_edit, "acme.example")
    assert not dialog.error_label.isVisible()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    (dana,) = store.contacts(application_id)
    assert (dana.name, dana.email) == ("Dana Reyes", "dana@acme.example")
    assert store.get_request(request_id).contact_id == dana.id
    assert editor.recipient_combo.currentText() == f"{isolate('Dana Reyes')} · dana@acme.example"
    assert editor.rendered_body().startswith("Hi Dana,\n")
    assert not editor.automated_banner.isVisible()  # someone is named now
    assert editor.new_contact_dialog is None

    # Adding and choosing is one step: one undo takes both back.
    assert undo_stack.count() == 1
    undo_stack.undo()
    assert store.contacts(application_id) == []
    assert store.get_request(request_id).contact_id is None
    assert editor.recipient_combo.currentText() == "Nobody yet"
    assert editor.automated_banner.isVisible()
    undo_stack.redo()
    (again,) = store.contacts(application_id)
    assert store.get_request(request_id).contact_id == again.id
    assert editor.rendered_body().startswith("Hi Dana,\n")


def test_no_automated_banner_when_a_contact_was_given(
    make_editor: Callable[..., RequestEditor], store: Store, clock: ManualClock
) -> None:
    editor = make_editor(log_rejection(store, clock, stage=Stage.APPLIED))
    assert not editor.automated_banner.isVisible()
