"""The template manager: inline checks, nothing invalid saved, defaults protected."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from desktop.core.model import RejectionInput, RequestKind
from desktop.core.templates import DEFAULT_TEMPLATES, FIELDS
from desktop.core.user_text import isolate
from desktop.store.repository import Store
from desktop.ui.template_manager import TemplateManager, template_problems
from tests.fakes import ManualClock, RecordingClipboard
from tests.ui.test_main_window import make_window


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def manager(qtbot: QtBot, store: Store, stack: QUndoStack) -> Iterator[TemplateManager]:
    dialog = TemplateManager(store, undo_stack=stack, on_error=pytest.fail)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog
    # Closed here rather than by qtbot, whose close() would ask about unsaved edits.
    dialog.done(0)
    dialog.deleteLater()


def answer_next_box(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        seen.append(box.text())
        target = box.button(button)
        assert isinstance(target, QPushButton)
        target.click()

    QTimer.singleShot(0, click)


def problems(manager: TemplateManager) -> list[str]:
    return [manager.problems_list.item(i).text() for i in range(manager.problems_list.count())]


def test_lists_the_default_of_each_kind(manager: TemplateManager) -> None:
    assert manager.kind() is RequestKind.FEEDBACK
    assert manager.template_list.count() == 1
    assert manager.template_list.item(0).text().endswith("(default)")
    assert manager.subject_edit.text() == DEFAULT_TEMPLATES[RequestKind.FEEDBACK][1]
    assert not manager.delete_button.isEnabled()  # the default, and the only one
    assert not manager.save_button.isEnabled()  # nothing changed yet
    index = manager.kind_combo.findData(RequestKind.THANK_YOU.value)
    manager.kind_combo.setCurrentIndex(index)
    manager.kind_combo.activated.emit(index)
    assert manager.name_edit.text() == DEFAULT_TEMPLATES[RequestKind.THANK_YOU][0]


def test_a_typo_is_shown_inline_and_cannot_be_saved(
    qtbot: QtBot, manager: TemplateManager, store: Store
) -> None:
    manager.body_edit.setFocus()
    manager.body_edit.moveCursor(manager.body_edit.textCursor().MoveOperation.End)
    qtbot.keyClick(manager.body_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(manager.body_edit, "P.S. {{ compnay }}")
    assert any("did you mean {{ company }}" in line for line in problems(manager))
    assert any(line.startswith("Body, line") for line in problems(manager))
    assert not manager.save_button.isEnabled()
    assert manager.save() is None  # even when called directly
    assert (
        "compnay" not in next(t for t in store.templates(RequestKind.FEEDBACK) if t.is_default).body
    )
    # The highlighter marks the stretch too (a layout format on the last block).
    block = manager.body_edit.document().lastBlock()
    formats = block.layout().formats()
    assert any(f.length == len("{{ compnay }}") for f in formats)

    for _ in range(len("compnay }}")):
        qtbot.keyClick(manager.body_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(manager.body_edit, "company }}")
    assert manager.save_button.isEnabled()
    qtbot.mouseClick(manager.save_button, Qt.MouseButton.LeftButton)
    assert next(t for t in store.templates(RequestKind.FEEDBACK) if t.is_default).body.endswith(
        "P.S. {{ company }}"
    )
    assert "Saved" in manager.status_label.text()


def test_unbalanced_braces_and_empty_parts_are_refused(manager: TemplateManager) -> None:
    manager.subject_edit.setText("Feedback {{ role }")
    assert any("no closing" in line for line in problems(manager))
    manager.subject_edit.setText("")
    manager.name_edit.setText(" ")
    assert "Give the template a name." in problems(manager)
    assert "The subject is empty." in problems(manager)
    assert not manager.save_button.isEnabled()
    assert template_problems("ok", "{{ role }}", "}} {{") != []


def test_new_template_with_inserted_fields(
    qtbot: QtBot, manager: TemplateManager, store: Store
) -> None:
    qtbot.mouseClick(manager.new_button, Qt.MouseButton.LeftButton)
    assert manager.name_edit.hasFocus()
    qtbot.keyClicks(manager.name_edit, "Two lines")
    manager.subject_edit.setFocus()
    manager.subject_edit.setText("About ")
    manager.insert_menu.actions()[FIELDS.index("role")].trigger()
    manager.body_edit.setFocus()
    manager.body_edit.setPlainText("Hi ")
    manager.body_edit.moveCursor(manager.body_edit.textCursor().MoveOperation.End)
    insert = next(a for a in manager.insert_menu.actions() if a.objectName() == "insert_my_name")
    insert.trigger()
    assert manager.subject_edit.text() == "About {{ role }}"
    assert manager.body_edit.toPlainText() == "Hi {{ my_name }}"
    qtbot.mouseClick(manager.save_button, Qt.MouseButton.LeftButton)
    names = [t.name for t in store.templates(RequestKind.FEEDBACK)]
    assert names[-1] == "Two lines"
    assert manager.template_list.count() == 2
    assert manager.delete_button.isEnabled()  # not the default, not the last


def test_duplicate_then_delete_with_confirmation(
    qtbot: QtBot, manager: TemplateManager, store: Store
) -> None:
    qtbot.mouseClick(manager.duplicate_button, Qt.MouseButton.LeftButton)
    assert manager.name_edit.text().endswith("(copy)")
    qtbot.mouseClick(manager.save_button, Qt.MouseButton.LeftButton)
    assert len(store.templates(RequestKind.FEEDBACK)) == 2
    seen: list[str] = []
    answer_next_box(QMessageBox.StandardButton.Yes, seen)
    qtbot.mouseClick(manager.delete_button, Qt.MouseButton.LeftButton)
    assert "Delete" in seen[0]
    assert [t.name for t in store.templates(RequestKind.FEEDBACK)] == [
        DEFAULT_TEMPLATES[RequestKind.FEEDBACK][0]
    ]
    assert manager.template_list.count() == 1


def test_a_new_default_is_undone_and_the_old_default_is_back(
    qtbot: QtBot, manager: TemplateManager, store: Store, stack: QUndoStack
) -> None:
    before = store.templates()
    qtbot.mouseClick(manager.duplicate_button, Qt.MouseButton.LeftButton)
    manager.name_edit.setText("Warmer")
    manager.default_check.setChecked(True)
    qtbot.mouseClick(manager.save_button, Qt.MouseButton.LeftButton)
    saved = store.templates()
    assert [t.name for t in store.templates(RequestKind.FEEDBACK) if t.is_default] == ["Warmer"]
    assert stack.undoText() == f"Save template {isolate('Warmer')}"
    qtbot.mouseClick(manager.history.button, Qt.MouseButton.LeftButton)
    assert store.templates() == before
    assert manager.template_list.count() == 1
    manager.history.redo_action.trigger()
    assert store.templates() == saved
    assert manager.template_list.count() == 2


def test_a_deleted_template_comes_back_with_the_requests_written_with_it(
    qtbot: QtBot, manager: TemplateManager, store: Store, stack: QUndoStack
) -> None:
    clock = ManualClock()
    qtbot.mouseClick(manager.duplicate_button, Qt.MouseButton.LeftButton)
    manager.default_check.setChecked(True)  # so new requests are written with it
    qtbot.mouseClick(manager.save_button, Qt.MouseButton.LeftButton)
    logged = store.log_rejection(
        RejectionInput(company="Acme", role="Engineer", notified_at=clock.now()),
        now=clock.now(),
    )
    copy_id = store.get_request(logged.request.id).template_id
    # The first template becomes the default again, so the copy may go.
    manager.template_list.setCurrentRow(0)
    manager.default_check.setChecked(True)
    qtbot.mouseClick(manager.save_button, Qt.MouseButton.LeftButton)
    manager.template_list.setCurrentRow(1)
    assert manager.current().id == copy_id  # type: ignore[union-attr]
    before = (store.templates(), store.get_request(logged.request.id))
    answer_next_box(QMessageBox.StandardButton.Yes, [])
    qtbot.mouseClick(manager.delete_button, Qt.MouseButton.LeftButton)
    deleted = (store.templates(), store.get_request(logged.request.id))
    assert deleted[1].template_id is None
    assert deleted[1].body == before[1].body  # the text stays
    # Ctrl+Z with the list focused undoes the step; in a text field it stays the field's.
    manager.activateWindow()
    qtbot.waitUntil(manager.isActiveWindow)
    manager.template_list.setFocus()
    qtbot.keyClick(manager.template_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (store.templates(), store.get_request(logged.request.id)) == before
    assert manager.template_list.count() == 2
    manager.history.redo_action.trigger()
    assert (store.templates(), store.get_request(logged.request.id)) == deleted


def test_reset_to_default_text(qtbot: QtBot, manager: TemplateManager, store: Store) -> None:
    manager.body_edit.setPlainText("Something else {{ role }}")
    manager.subject_edit.setText("Other")
    qtbot.mouseClick(manager.save_button, Qt.MouseButton.LeftButton)
    assert next(t for t in store.templates(RequestKind.FEEDBACK) if t.is_default).subject == "Other"
    qtbot.mouseClick(manager.reset_button, Qt.MouseButton.LeftButton)
    _name, subject, body = DEFAULT_TEMPLATES[RequestKind.FEEDBACK]
    assert (manager.subject_edit.text(), manager.body_edit.toPlainText()) == (subject, body)
    qtbot.mouseClick(manager.save_button, Qt.MouseButton.LeftButton)
    assert next(t for t in store.templates(RequestKind.FEEDBACK) if t.is_default).body == body


def test_leaving_unsaved_edits_asks_first(
    qtbot: QtBot, manager: TemplateManager, store: Store
) -> None:
    qtbot.mouseClick(manager.duplicate_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(manager.save_button, Qt.MouseButton.LeftButton)
    manager.subject_edit.setText("Unsaved subject")
    seen: list[str] = []
    answer_next_box(QMessageBox.StandardButton.Cancel, seen)
    manager.template_list.setCurrentRow(0)
    assert "not saved" in seen[0]
    assert manager.subject_edit.text() == "Unsaved subject"
    answer_next_box(QMessageBox.StandardButton.Discard, seen)
    manager.template_list.setCurrentRow(0)
    assert manager.subject_edit.text() == DEFAULT_TEMPLATES[RequestKind.FEEDBACK][1]


def test_undo_in_the_window_updates_the_open_manager_and_keeps_unsaved_edits(
    qtbot: QtBot, store: Store, qsettings: QSettings, caplog: pytest.LogCaptureFixture
) -> None:
    window = make_window(qtbot, store, ManualClock(), RecordingClipboard(), qsettings)
    manager = window.open_templates()
    assert isinstance(manager, TemplateManager)
    qtbot.waitExposed(manager)
    qtbot.mouseClick(manager.duplicate_button, Qt.MouseButton.LeftButton)
    manager.name_edit.setText("Warmer")
    qtbot.mouseClick(manager.save_button, Qt.MouseButton.LeftButton)
    assert manager.template_list.count() == 2
    window.actions_by_name["undo"].trigger()  # the window's Edit › Undo, not the manager's
    assert manager.template_list.count() == 1
    assert manager.name_edit.text() == store.templates(RequestKind.FEEDBACK)[0].name

    manager.body_edit.setPlainText("Not saved yet {{ company }}")
    window.actions_by_name["redo"].trigger()
    assert [manager.template_list.item(row).text() for row in range(2)] == [
        f"{DEFAULT_TEMPLATES[RequestKind.FEEDBACK][0]}  (default)",
        "Warmer",
    ]
    assert manager.body_edit.toPlainText() == "Not saved yet {{ company }}"

    manager.done(0)  # not reject(): that would ask about the unsaved text
    qtbot.waitUntil(lambda: not shiboken6.isValid(manager))
    # The window's stack outlives the manager: moving it now reaches no deleted dialog.
    window.actions_by_name["undo"].trigger()
    assert len(store.templates(RequestKind.FEEDBACK)) == 1
    assert "A change listener failed" not in caplog.text  # it stopped listening
