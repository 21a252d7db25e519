"""Escape in a filled-in "New application" asks before it throws the typing away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.store.repository import Store
from desktop.ui.details_dialog import DetailsDialog
from tests.fakes import ManualClock


def make(qtbot: QtBot, store: Store, clock: ManualClock) -> DetailsDialog:
    dialog = DetailsDialog(store, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_escape_on_an_empty_form_just_closes(
    qtbot: QtBot, store: Store, clock: ManualClock
) -> None:
    dialog = make(qtbot, store, clock)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.discard_box is None
    assert not dialog.isVisible()


def test_escape_after_typing_asks_and_cancel_keeps_the_typing(
    qtbot: QtBot, store: Store, clock: ManualClock
) -> None:
    dialog = make(qtbot, store, clock)
    qtbot.keyClicks(dialog.company_edit, "Acme")
    qtbot.keyClick(dialog.company_edit, Qt.Key.Key_Escape)
    assert dialog.discard_box is not None
    dialog.discard_box.done(QMessageBox.StandardButton.Cancel.value)
    assert dialog.isVisible()
    assert dialog.company_edit.text() == "Acme"

    qtbot.keyClick(dialog.company_edit, Qt.Key.Key_Escape)
    assert dialog.discard_box is not None
    dialog.discard_box.done(QMessageBox.StandardButton.Discard.value)
    assert not dialog.isVisible()
    assert dialog.result() == dialog.DialogCode.Rejected
    assert store.list_summaries() == []
