"""Log what a reply taught, or that no reply came.

Themes are tags, so Insights can count what keeps coming back: a few common ones to tick,
plus free tags for the rest. An action turns a lesson into something to do next time.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.model import Lesson, ReplyOutcome
from desktop.core.user_text import isolate
from desktop.native.clock import Clock
from desktop.ui import undo_commands
from desktop.ui.forms import ErrorLabel

if TYPE_CHECKING:
    from desktop.store.repository import Store

log = logging.getLogger(__name__)

# The reasons feedback most often names; one click each, so they are spelled the same
# every time and counted together.
COMMON_THEMES: tuple[str, ...] = (
    "skills",
    "experience",
    "communication",
    "fit",
    "technical depth",
    "interview preparation",
    "salary",
    "timing",
    "stronger candidate",
)
MAX_TAG_LENGTH = 40
MAX_TAGS = 20
_SPACES = re.compile(r"\s+")


def parse_tags(text: str) -> tuple[str, ...]:
    """Comma- or semicolon-separated tags, trimmed, lower-cased, without repeats."""
    tags: list[str] = []
    for raw in re.split(r"[,;\n]", text):
        tag = _SPACES.sub(" ", raw).strip().casefold()
        if tag and tag not in tags:
            tags.append(tag)
    return tuple(tags)


class LessonDialog(QDialog):
    """Signals:
    lesson_logged(Lesson): written by the store, as one step on the undo stack.
    """

    lesson_logged = Signal(object)

    def __init__(
        self,
        store: Store,
        clock: Clock,
        application_id: int,
        *,
        request_id: int | None = None,
        undo_stack: QUndoStack,
        on_error: undo_commands.ErrorHandler,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self._request_id = request_id
        # Logging the reply is a step on the window's undo stack; an undo that fails after
        # this dialog is gone goes to `on_error`.
        self._undo_stack = undo_stack
        self._on_error = on_error
        self.lesson: Lesson | None = None
        self._application = store.get_application(application_id)
        self.setWindowTitle(f"What did {isolate(self._application.company)} say?")
        self.setObjectName("lesson_dialog")
        self._build()
        self._connect()
        # Set once the button sits inside the dialog: an earlier setDefault never reaches
        # the dialog, and Enter would then press whichever button Qt picked (Cancel).
        self.ok_button.setDefault(True)

    def _build(self) -> None:
        self.replied_radio = QRadioButton("They &replied")
        self.replied_radio.setObjectName("replied_radio")
        self.no_reply_radio = QRadioButton("&No reply")
        self.no_reply_radio.setObjectName("no_reply_radio")
        self.replied_radio.setChecked(True)
        self._outcome_group = QButtonGroup(self)
        self._outcome_group.addButton(self.replied_radio)
        self._outcome_group.addButton(self.no_reply_radio)

        self._build_themes()
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("notes_edit")
        self.notes_edit.setPlaceholderText(
            "What they said, in your words. It is material, not a verdict."
        )
        self.notes_edit.setTabChangesFocus(True)
        self.action_edit = QLineEdit()
        self.action_edit.setObjectName("action_edit")
        self.action_edit.setPlaceholderText("One thing to do before the next interview")
        self.error_label = ErrorLabel("error_label")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.addButton("&Save lesson", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("ok_button")

        outcome_row = QVBoxLayout()
        outcome_row.addWidget(self.replied_radio)
        outcome_row.addWidget(self.no_reply_radio)
        form = QFormLayout()
        form.addRow("N&otes", self.notes_edit)
        form.addRow("&Action", self.action_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(outcome_row)
        layout.addWidget(self.themes_box)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._buttons = buttons

    def _build_themes(self) -> None:
        self.themes_box = QGroupBox("Themes in their answer")
        self.themes_box.setObjectName("themes_box")
        grid = QGridLayout(self.themes_box)
        self.theme_checks: dict[str, QCheckBox] = {}
        for index, theme in enumerate(COMMON_THEMES):
            check = QCheckBox(theme.capitalize())
            check.setObjectName(f"theme_{theme.replace(' ', '_')}")
            grid.addWidget(check, index // 3, index % 3)
            self.theme_checks[theme] = check
        self.tags_edit = QLineEdit()
        self.tags_edit.setObjectName("tags_edit")
        self.tags_edit.setPlaceholderText("Other themes, separated by commas (e.g. system design)")
        grid.addWidget(self.tags_edit, (len(COMMON_THEMES) + 2) // 3, 0, 1, 3)

    def _connect(self) -> None:
        buttons = self._buttons
        self.replied_radio.toggled.connect(self._on_outcome_changed)
        self.tags_edit.textChanged.connect(self.validate)
        self.ok_button.clicked.connect(self._save)
        buttons.rejected.connect(self.reject)

    def outcome(self) -> ReplyOutcome:
        return ReplyOutcome.REPLIED if self.replied_radio.isChecked() else ReplyOutcome.NO_REPLY

    def themes(self) -> tuple[str, ...]:
        if self.outcome() is ReplyOutcome.NO_REPLY:
            return ()
        ticked = [theme for theme, check in self.theme_checks.items() if check.isChecked()]
        extra = [tag for tag in parse_tags(self.tags_edit.text()) if tag not in ticked]
        return tuple(ticked + extra)

    def _on_outcome_changed(self) -> None:
        # No reply means no themes to tag; notes and an action still make sense.
        self.themes_box.setEnabled(self.outcome() is ReplyOutcome.REPLIED)
        self.validate()

    def validate(self) -> bool:
        problem = ""
        tags = self.themes()
        too_long = [tag for tag in tags if len(tag) > MAX_TAG_LENGTH]
        if too_long:
            problem = (
                f"“{too_long[0][:MAX_TAG_LENGTH]}…” is too long for a theme: keep themes under "
                f"{MAX_TAG_LENGTH} characters and put details in the notes."
            )
        elif len(tags) > MAX_TAGS:
            problem = f"That is {len(tags)} themes: pick the {MAX_TAGS} that matter most."
        self.error_label.show_error(problem)
        self.ok_button.setEnabled(not problem)
        return not problem

    def _save(self) -> None:
        if not self.validate():
            return
        command = undo_commands.LogReplyCommand(
            self._store,
            self._clock,
            self._application,
            self.outcome(),
            request_id=self._request_id,
            themes=self.themes(),
            notes=self.notes_edit.toPlainText().strip(),
            action=self.action_edit.text().strip(),
        )
        if not undo_commands.run(
            self._undo_stack, command, self._on_error, on_refused=self.error_label.show_error
        ):
            return
        assert command.lesson is not None
        self.lesson = command.lesson
        self.accept()
        self.lesson_logged.emit(command.lesson)
