"""The window's undo and redo inside a window-modal dialog.

While such a dialog is open the window's Edit menu is out of reach, so a dialog whose
buttons push onto the window's one undo stack carries that stack's Undo and Redo itself:
the standard shortcuts (in a text field, Ctrl+Z stays the field's own) and an Undo button
that names the step it undoes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QToolButton, QWidget


class DialogUndo:
    """`after` runs once the stack has moved, so the dialog shows what stands (none: the
    commands announce their own changes). It is called from the dialog's own actions
    rather than from the stack's signals: the stack outlives the dialog, and must not
    reach into it once it is gone."""

    def __init__(
        self, dialog: QWidget, stack: QUndoStack, after: Callable[[], object] | None = None
    ) -> None:
        self.undo_action = stack.createUndoAction(dialog, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(dialog, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        dialog.addActions([self.undo_action, self.redo_action])
        if after is not None:
            # Connected after the stack's own handler, so `after` sees the step taken.
            self.undo_action.triggered.connect(after)
            self.redo_action.triggered.connect(after)
        self.button = QToolButton()
        self.button.setObjectName("undo_button")
        self.button.setDefaultAction(self.undo_action)
