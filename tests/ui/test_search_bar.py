"""The search box: Escape clears it, and an empty result says so."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from desktop.store.repository import Store
from desktop.ui.main_window import MainWindow
from tests.fakes import ManualClock, RecordingClipboard
from tests.ui.test_main_window import make_window, press


@pytest.fixture
def window(
    qtbot: QtBot,
    store: Store,
    clock: ManualClock,
    clipboard: RecordingClipboard,
    qsettings: QSettings,
) -> Iterator[MainWindow]:
    for company in ("Zoë Labs", "Globex"):
        store.add_application(company, "Engineer", now=clock.now())
    window = make_window(qtbot, store, clock, clipboard, qsettings)
    yield window
    window.rejection_flow.close_all()


def test_no_match_says_so_and_escape_clears_the_search(qtbot: QtBot, window: MainWindow) -> None:
    bar = window.filter_bar
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(bar.search_edit, "nowhere")
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 0)
    assert bar.no_results_label.isVisible()
    qtbot.keyClick(bar.search_edit, Qt.Key.Key_Escape)
    assert bar.search_edit.text() == ""
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 2)
    assert not bar.no_results_label.isVisible()
    qtbot.keyClicks(bar.search_edit, "zoe")  # accents do not matter
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 1)
    assert not bar.no_results_label.isVisible()
