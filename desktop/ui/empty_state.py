"""The pages shown instead of data: `LoadingPage` while the database opens at start, and
`EmptyState`, the first screen of an empty database, which teaches the first step instead of
showing nine empty columns."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.ui.icons import action_icon, app_icon
from desktop.ui.theme import MARGIN, SPACING, current_colors


class EmptyState(QWidget):
    add_requested = Signal()
    rejection_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN * 4, MARGIN * 4, MARGIN * 4, MARGIN * 4)
        layout.setSpacing(SPACING * 2)
        layout.addStretch(2)

        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(96, 96))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(logo)

        title = QLabel("Track every application. Learn from every no.")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setWordWrap(True)
        layout.addWidget(title)

        muted = current_colors().muted
        self.hint = QLabel(
            "Add your first application (<b>Ctrl+N</b>) or log a rejection (<b>Ctrl+R</b>)."
            f"<br><span style='color:{muted}'>When a rejection comes in, AskWhy drafts a short, "
            "gracious request for feedback and reminds you before the moment passes.</span>"
        )
        self.hint.setTextFormat(Qt.TextFormat.RichText)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)

        buttons = QHBoxLayout()
        buttons.setSpacing(SPACING * 2)
        buttons.addStretch(1)
        self.add_button = QPushButton(action_icon("new"), "Add your first application")
        self.add_button.setDefault(True)
        self.add_button.setMinimumHeight(36)
        self.rejection_button = QPushButton(action_icon("rejection"), "Log a rejection")
        self.rejection_button.setMinimumHeight(36)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.rejection_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        drop_hint = QLabel("You can also drop or paste a rejection email here.")
        drop_hint.setStyleSheet(f"color: {muted};")
        drop_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(drop_hint)
        layout.addStretch(3)

        self.add_button.clicked.connect(self.add_requested)
        self.rejection_button.clicked.connect(self.rejection_requested)


class LoadingPage(QWidget):
    """Fills the window for the moment between its first paint and the data's arrival.

    Deliberately cheap: it is built before the first paint, which it must not delay.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        label = QLabel("Opening your applications…")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet(f"color: {current_colors().muted};")
        layout.addWidget(label)
