"""Write and keep the templates for each kind of follow-up.

A template is text with named holes (`{{ company }}`) from the fixed list in
`core.templates.FIELDS`; nothing else is evaluated. The manager checks the text as it is
typed with `core.templates.check`, shows each problem in place (the highlighter) and in a
list (with the fix: "did you mean {{ company }}?"), and will not save a template that has
one. Each kind keeps at least one template, and its default cannot be deleted.

A save or a delete is a step on the window's undo stack. The list follows the store's
changes, whoever made them (Undo here or in the window): it shows the templates as they
stand, and the editor the one selected, unless it holds unsaved edits, which stay.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QTextCursor, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core import validation
from desktop.core.model import RequestKind, Template
from desktop.core.templates import DEFAULT_TEMPLATES, FIELDS, TemplateProblem, check
from desktop.native.store_changes import StoreChanges
from desktop.ui import forms, undo_commands
from desktop.ui.dialog_undo import DialogUndo
from desktop.ui.forms import ErrorLabel
from desktop.ui.request_editor import KIND_TITLES
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui.template_highlighter import TemplateHighlighter

if TYPE_CHECKING:
    from desktop.store.changes import Change
    from desktop.store.repository import Store

log = logging.getLogger(__name__)

NEW_TEMPLATE_ID = 0  # not yet in the store: `save_template` gives it an id

FIELD_HINTS: dict[str, str] = {
    "company": "The company's name",
    "role": "The role you applied for",
    "contact_name": "Your contact's full name",
    "contact_first_name": "Your contact's first name, for the greeting",
    "contact_email": "Your contact's email address",
    "interview_date": "The day of the interview",
    "applied_date": "The day you applied",
    "rejection_date": "The day you were told",
    "stage_reached": "How far you got: application, screening, interview…",
    "my_name": "Your name (Settings)",
    "my_email": "Your email address (Settings)",
    "my_signature": "Your signature (Settings), or your name",
}


def template_problems(name: str, subject: str, body: str) -> list[str]:
    """Every reason the template cannot be saved, as sentences for the problems list."""
    problems: list[str] = []
    if not name.strip():
        problems.append("Give the template a name.")
    else:
        problems.append(forms.problem(validation.TEMPLATE_NAME.clean, name))
    if not subject.strip():
        problems.append("The subject is empty.")
    problems.append(forms.problem(validation.SUBJECT.clean, subject))
    problems.append(forms.problem(validation.MESSAGE.clean, body))
    if not body.strip():
        problems.append("The body is empty.")
    problems.extend(_located("Subject", subject, check(subject)))
    problems.extend(_located("Body", body, check(body)))
    return [text for text in problems if text]


def _located(where: str, text: str, problems: list[TemplateProblem]) -> list[str]:
    located = []
    for problem in problems:
        line = text.count("\n", 0, problem.start) + 1
        place = f"{where}, line {line}" if where == "Body" else where
        located.append(f"{place}: {problem.message}")
    return located


class _FocusTracker(QObject):
    """Remembers which text field had focus last, so "Insert field" knows where to type."""

    focused = Signal(QObject)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self.focused.emit(watched)
        return False


class TemplateManager(QDialog):
    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack,
        on_error: undo_commands.ErrorHandler,
        kind: RequestKind = RequestKind.FEEDBACK,
    ) -> None:
        super().__init__(parent)
        self._store = store
        # A save or a delete is a step on the window's undo stack; an undo that fails
        # after this dialog is gone goes to `on_error`.
        self._undo_stack = undo_stack
        self._on_error = on_error
        self._templates: list[Template] = []
        self._editing: Template | None = None
        self._loading = False
        self.setWindowTitle("Templates")
        self.setObjectName("template_manager")
        fit_to_screen(self, QSize(920, 600))
        self._build()
        self._connect()
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))
        self._load_kind()
        self._changes = StoreChanges(store.changes, self)
        self._changes.changed.connect(self._on_store_changed)

    # -- building ------------------------------------------------------------------
    def _build_list(self) -> QWidget:
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kind_combo")
        for kind in RequestKind:
            self.kind_combo.addItem(KIND_TITLES[kind], kind.value)
        self.template_list = QListWidget()
        self.template_list.setObjectName("template_list")
        self.new_button = QPushButton("&New")
        self.new_button.setObjectName("new_button")
        self.duplicate_button = QPushButton("D&uplicate")
        self.duplicate_button.setObjectName("duplicate_button")
        self.delete_button = QPushButton("&Delete")
        self.delete_button.setObjectName("delete_button")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.kind_combo)
        left_layout.addWidget(self.template_list, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.duplicate_button)
        row.addWidget(self.delete_button)
        left_layout.addLayout(row)

        return left

    def _build_editor(self) -> QWidget:
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("name_edit")
        self.default_check = QCheckBox("Use for new requests of this kind")
        self.default_check.setObjectName("default_check")
        self.subject_edit = QLineEdit()
        self.subject_edit.setObjectName("subject_edit")
        self.body_edit = QPlainTextEdit()
        self.body_edit.setObjectName("body_edit")
        self.body_edit.setTabChangesFocus(True)
        self.highlighter = TemplateHighlighter(self.body_edit.document())
        self._build_insert_menu()
        self.reset_button = QPushButton("&Reset to default text")
        self.reset_button.setObjectName("reset_button")
        self.save_button = QPushButton("&Save template")
        self.save_button.setObjectName("save_button")
        self.problems_list = QListWidget()
        self.problems_list.setObjectName("problems_list")
        self.problems_list.setMaximumHeight(110)
        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        self.error_label = ErrorLabel("error_label")

        form = QFormLayout()
        form.addRow("N&ame", self.name_edit)
        form.addRow("", self.default_check)
        form.addRow("Su&bject", self.subject_edit)
        tools = QHBoxLayout()
        tools.addWidget(self.insert_button)
        tools.addWidget(self.reset_button)
        tools.addStretch(1)
        tools.addWidget(self.save_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(form)
        body_label = QLabel("B&ody")
        body_label.setBuddy(self.body_edit)
        right_layout.addWidget(body_label)
        right_layout.addWidget(self.body_edit, 1)
        right_layout.addLayout(tools)
        right_layout.addWidget(QLabel("Problems"))
        right_layout.addWidget(self.problems_list)
        right_layout.addWidget(self.error_label)

        return right

    def _build_insert_menu(self) -> None:
        self.insert_button = QToolButton()
        self.insert_button.setObjectName("insert_button")
        self.insert_button.setText("&Insert field")
        self.insert_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.insert_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.insert_menu = QMenu(self.insert_button)
        for name in FIELDS:
            action = self.insert_menu.addAction(f"{{{{ {name} }}}} — {FIELD_HINTS.get(name, '')}")
            action.setObjectName(f"insert_{name}")
            action.triggered.connect(functools.partial(self.insert_field, name))
        self.insert_button.setMenu(self.insert_menu)

    def _build(self) -> None:
        left = self._build_list()
        right = self._build_editor()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self._close_buttons = buttons
        self.history = DialogUndo(self, self._undo_stack)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        status_row = QHBoxLayout()
        status_row.addWidget(self.history.button)
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(buttons)
        layout.addLayout(status_row)

        self._focus_tracker = _FocusTracker(self)
        self.subject_edit.installEventFilter(self._focus_tracker)
        self.body_edit.installEventFilter(self._focus_tracker)
        self._insert_target: QObject = self.body_edit

    def _connect(self) -> None:
        self.kind_combo.activated.connect(self._on_kind_chosen)
        self.template_list.currentRowChanged.connect(self._on_row_changed)
        self.new_button.clicked.connect(self.new_template)
        self.duplicate_button.clicked.connect(self.duplicate_template)
        self.delete_button.clicked.connect(self.delete_template)
        self.reset_button.clicked.connect(self.reset_to_default)
        self.save_button.clicked.connect(self.save)
        self._close_buttons.rejected.connect(self.reject)
        for signal in (
            self.name_edit.textChanged,
            self.subject_edit.textChanged,
            self.body_edit.textChanged,
            self.default_check.toggled,
        ):
            signal.connect(self.validate)
        self._focus_tracker.focused.connect(self._remember_target)

    # -- loading -------------------------------------------------------------------
    def kind(self) -> RequestKind:
        return RequestKind(str(self.kind_combo.currentData()))

    def _on_kind_chosen(self, _index: int) -> None:
        if not self._may_leave():
            self.kind_combo.setCurrentIndex(
                self.kind_combo.findData(self._editing.kind.value if self._editing else "")
            )
            return
        self._load_kind()

    def _load_kind(self, select_id: int | None = None, *, keep_edits: bool = False) -> None:
        """List the kind's templates and show `select_id` (else the first); with
        `keep_edits`, the editor keeps what it holds, selected in the list if it is there."""
        self._templates = self._store.templates(self.kind())
        self._loading = True
        self.template_list.clear()
        for template in self._templates:
            label = f"{template.name}  (default)" if template.is_default else template.name
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, template.id)
            self.template_list.addItem(item)
        self._loading = False
        if keep_edits:
            self._select_editing_row()
            self.validate()
            return
        row = 0
        if select_id is not None:
            row = next((i for i, t in enumerate(self._templates) if t.id == select_id), 0)
        if self._templates:
            self.template_list.setCurrentRow(row)
            self._show_template(self._templates[row])
        else:
            self.new_template()

    def _on_row_changed(self, row: int) -> None:
        if self._loading or row < 0 or row >= len(self._templates):
            return
        chosen = self._templates[row]
        if self._editing is not None and chosen.id == self._editing.id:
            return
        if not self._may_leave():
            self._select_editing_row()
            return
        self._show_template(chosen)

    def _select_editing_row(self) -> None:
        self._loading = True
        editing_id = self._editing.id if self._editing else None
        row = next((i for i, t in enumerate(self._templates) if t.id == editing_id), -1)
        self.template_list.setCurrentRow(row)
        self._loading = False

    def _show_template(self, template: Template) -> None:
        self._editing = template
        self.name_edit.setText(template.name)
        self.default_check.setChecked(template.is_default)
        # A default stays a default until another template takes its place.
        self.default_check.setEnabled(not template.is_default)
        self.subject_edit.setText(template.subject)
        self.subject_edit.setCursorPosition(0)
        self.body_edit.setPlainText(template.body)
        self.error_label.hide()
        self.validate()

    # -- editing -------------------------------------------------------------------
    def current(self) -> Template | None:
        """The template as edited (unsaved), or None before anything is shown."""
        if self._editing is None:
            return None
        return dataclasses.replace(
            self._editing,
            name=self.name_edit.text().strip(),
            subject=self.subject_edit.text(),
            body=self.body_edit.toPlainText(),
            is_default=self.default_check.isChecked(),
        )

    def is_dirty(self) -> bool:
        current = self.current()
        return current is not None and (current.id == NEW_TEMPLATE_ID or current != self._editing)

    def problems(self) -> list[str]:
        return template_problems(
            self.name_edit.text(), self.subject_edit.text(), self.body_edit.toPlainText()
        )

    def validate(self) -> bool:
        problems = self.problems()
        self.problems_list.clear()
        for problem in problems:
            self.problems_list.addItem(problem)
        if not problems:
            self.problems_list.addItem("No problems: every field is one AskWhy knows.")
        editing = self._editing
        self.save_button.setEnabled(not problems and self.is_dirty())
        self.save_button.setToolTip(
            "Fix the problems listed below first." if problems else "Save this template."
        )
        count = len(self._templates)
        deletable = (
            editing is not None
            and editing.id != NEW_TEMPLATE_ID
            and not editing.is_default
            and count > 1
        )
        self.delete_button.setEnabled(deletable)
        self.delete_button.setToolTip(
            "Delete this template."
            if deletable
            else "The default template of each kind, and the last one, cannot be deleted."
        )
        self.duplicate_button.setEnabled(editing is not None)
        return not problems

    def _remember_target(self, widget: QObject) -> None:
        self._insert_target = widget

    def insert_field(self, name: str) -> None:
        """Type `{{ name }}` where the cursor was in the subject or the body."""
        placeholder = f"{{{{ {name} }}}}"
        if self._insert_target is self.subject_edit:
            self.subject_edit.insert(placeholder)
            self.subject_edit.setFocus()
            return
        cursor = self.body_edit.textCursor()
        cursor.insertText(placeholder)
        self.body_edit.setTextCursor(cursor)
        self.body_edit.setFocus()

    def reset_to_default(self) -> None:
        """Put the built-in text for this kind back in the editor (saved only on Save)."""
        _name, subject, body = DEFAULT_TEMPLATES[self.kind()]
        self.subject_edit.setText(subject)
        self.subject_edit.setCursorPosition(0)
        # Through the cursor, so Ctrl+Z brings the user's own text back.
        cursor = QTextCursor(self.body_edit.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(body)
        self.status_label.setText("Default text restored: Save to keep it.")

    def new_template(self) -> None:
        if not self._may_leave():
            return
        _name, subject, body = DEFAULT_TEMPLATES[self.kind()]
        self._start_unsaved(Template(NEW_TEMPLATE_ID, self.kind(), "New template", subject, body))

    def duplicate_template(self) -> None:
        current = self.current()
        if current is None or not self._may_leave():
            return
        name = f"{current.name} (copy)"[: validation.TEMPLATE_NAME.limit]
        self._start_unsaved(
            dataclasses.replace(current, id=NEW_TEMPLATE_ID, name=name, is_default=False)
        )

    def _start_unsaved(self, template: Template) -> None:
        self._loading = True
        self.template_list.clearSelection()
        self.template_list.setCurrentRow(-1)
        self._loading = False
        self._show_template(template)
        self.default_check.setEnabled(True)
        self.name_edit.setFocus()
        self.name_edit.selectAll()
        self.status_label.setText("A new template: Save to keep it.")

    def save(self) -> Template | None:
        current = self.current()
        if current is None or not self.validate():
            return None
        command = undo_commands.SaveTemplateCommand(self._store, current)
        if not undo_commands.run(
            self._undo_stack,
            command,
            self._on_error,
            on_refused=lambda message: self.error_label.show_error(f"Not saved: {message}"),
        ):
            return None
        saved = command.saved
        assert saved is not None
        self._editing = saved
        self._load_kind(select_id=saved.id)
        self.status_label.setText(f"Saved “{saved.name}”.")
        return saved

    def delete_template(self) -> None:
        editing = self._editing
        if editing is None or not self.delete_button.isEnabled():
            return
        answer = QMessageBox.question(
            self,
            "Delete the template?",
            f"Delete “{editing.name}”? Requests already written keep their text.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if not undo_commands.run(
            self._undo_stack,
            undo_commands.DeleteTemplateCommand(self._store, editing),
            self._on_error,
            on_refused=lambda message: self.error_label.show_error(f"Not deleted: {message}"),
        ):
            return
        self._editing = None
        self._load_kind()
        self.status_label.setText(f"Deleted “{editing.name}”.")

    def _on_store_changed(self, change: Change) -> None:
        if not (change.templates or change.everything):
            return
        if self.is_dirty():
            self._load_kind(keep_edits=True)
        else:
            editing = self._editing
            self._load_kind(select_id=editing.id if editing else None)

    def _may_leave(self) -> bool:
        """Ask about unsaved edits before they are replaced; True means go on."""
        if not self.is_dirty():
            return True
        current = self.current()
        name = current.name if current else ""
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            f"“{name}” has changes that are not saved. Discard them?",
            buttons.Discard | buttons.Cancel,
            buttons.Cancel,
        )
        return answer == buttons.Discard

    def changeEvent(self, event: QEvent) -> None:
        # A light/dark switch: re-pick the field colours so they keep their contrast.
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.refresh_palette()
        super().changeEvent(event)

    def reject(self) -> None:
        if self._may_leave():
            super().reject()
