"""Window sizes taken from the screen the window is on, not from the developer's monitor.

A 1024×600 netbook, or a 1366×768 laptop at 150 % (911×512 logical pixels), has to show
every button of every window. So windows ask for a comfortable size and get at most what
the screen's available area leaves once the window manager has drawn its frame; a saved
geometry from a bigger monitor is pulled back onto the screen; and a user's long names are
elided in one line, with the whole text in a tooltip, instead of widening the window.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QPainter, QPaintEvent
from PySide6.QtWidgets import QComboBox, QLabel, QSizePolicy, QWidget

# Room for the window manager's title bar and borders, which Qt cannot know before the
# window is mapped: a typical title bar is 30-40 px, a border a few.
FRAME_ALLOWANCE = QMargins(4, 36, 4, 4)
# Below this many logical pixels of height, windows use their compact layout.
SHORT_SCREEN_HEIGHT = 700
# Characters a combo box of the user's names reserves, whatever its longest entry.
COMBO_CHARACTERS = 28


def available_area(widget: QWidget) -> QRect:
    """The part of the widget's screen (or the primary one) that windows may cover."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def usable_size(widget: QWidget) -> QSize:
    """The largest client size that keeps the window, frame included, on its screen."""
    area = available_area(widget).marginsRemoved(FRAME_ALLOWANCE)
    return area.size()


def is_short_screen(widget: QWidget) -> bool:
    return available_area(widget).height() < SHORT_SCREEN_HEIGHT


def fit_to_screen(window: QWidget, preferred: QSize) -> None:
    """Resize `window` to `preferred`, or less where the screen is smaller."""
    window.resize(preferred.boundedTo(usable_size(window)))


def clamp_to_screen(window: QWidget) -> None:
    """Pull a (restored) window back inside its screen: no bigger, no part off the edge."""
    area = available_area(window).marginsRemoved(FRAME_ALLOWANCE)
    size = window.size().boundedTo(area.size())
    if size != window.size():
        window.resize(size)
    top_left = window.pos()
    x = min(max(top_left.x(), area.left()), area.right() + 1 - size.width())
    y = min(max(top_left.y(), area.top()), area.bottom() + 1 - size.height())
    if QPoint(x, y) != top_left:
        window.move(x, y)


def keep_narrow(combo: QComboBox) -> None:
    """A combo of user-named entries sized by a fixed number of characters, not its longest
    entry; the full text of each entry is its tooltip."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(COMBO_CHARACTERS)
    for index in range(combo.count()):
        combo.setItemData(index, combo.itemText(index), Qt.ItemDataRole.ToolTipRole)


class ElidedLabel(QLabel):
    """One line of a user's text, elided at the end to the width it gets; the whole text is
    its tooltip (and its accessible name, so a screen reader reads all of it)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)
        self.setAccessibleName(text)
        self.update()

    def minimumSizeHint(self) -> QSize:
        return QSize(
            self.fontMetrics().horizontalAdvance("…") * 4, super().minimumSizeHint().height()
        )

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(rect, int(self.alignment()) | int(Qt.TextFlag.TextSingleLine), shown)
