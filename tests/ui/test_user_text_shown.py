"""A user's "&" reaches the screen as written, in undo texts as in the tray."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from desktop.core.user_text import isolate
from desktop.store.repository import Store
from desktop.ui.undo_commands import SetArchivedCommand
from tests.fakes import ManualClock


def test_the_undo_menu_item_shows_the_ampersands_of_a_name(
    qtbot: QtBot, store: Store, clock: ManualClock
) -> None:
    app = store.add_application("AT&T — R&D", "Engineer", now=clock.now())
    stack = QUndoStack()
    stack.push(SetArchivedCommand(store, clock, app, True))
    undo = stack.createUndoAction(stack, "Undo")
    # iconText() is the text without its mnemonic marks: what the menu draws.
    assert undo.iconText() == f"Undo Archive {isolate('AT&T — R&D')}"
