"""No Alt+letter does two things in one window: each visible mnemonic is unique."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.screen_probe import windows

MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def mnemonics(window: QWidget) -> list[str]:
    texts: list[str] = []
    for button in window.findChildren(QAbstractButton):
        if button.isVisibleTo(window):
            texts.append(button.text())
    for label in window.findChildren(QLabel):
        if label.buddy() is not None and label.isVisibleTo(window):
            texts.append(label.text())
    for box in window.findChildren(QGroupBox):
        if box.isVisibleTo(window):
            texts.append(box.title())
    for bar in window.findChildren(QTabBar):
        texts += [bar.tabText(index) for index in range(bar.count())]
    return [m.casefold() for text in texts for m in MNEMONIC.findall(text)]


def test_every_visible_mnemonic_is_unique_in_its_window(qtbot: QtBot, tmp_path: Path) -> None:
    clashes: dict[str, list[str]] = {}
    for name, build in windows(tmp_path):
        window = build()
        qtbot.addWidget(window)
        window.show()
        QApplication.processEvents()
        counts = Counter(mnemonics(window))
        twice = sorted(key for key, count in counts.items() if count > 1)
        if twice:
            clashes[name] = twice
        window.close()
    assert clashes == {}
