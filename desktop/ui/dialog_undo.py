"""The window's undo and redo inside a window-modal dialog.

While such a dialog is open the window's Edit menu is out of reach, so a dialog whose
buttons push onto the window's one undo stack carries that stack's Undo and Redo itself:
the standard shortcuts (in a text field, Ctrl+Z stays the field's own) and an Undo button
that names the step it undoes.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QToolButton, QWidget


class DialogUndo:
    """Only the actions: what the dialog shows follows what changed, whoever moved the
    stack (this dialog, the window, the tray), from the store's change feed
    (`StoreChanges`, which stops listening when the dialog goes) or the mail findings'
    `changed`. Not from the stack's own signals: the stack outlives the dialog, and
    following `indexChanged` reached into a dialog being torn down."""

    def __init__(self, dialog: QWidget, stack: QUndoStack) -> None:
        self.undo_action = stack.createUndoAction(dialog, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(dialog, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        dialog.addActions([self.undo_action, self.redo_action])
        self.button = QToolButton()
        self.button.setObjectName("undo_button")
        self.button.setDefaultAction(self.undo_action)
