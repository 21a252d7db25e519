"""Icons for actions: the desktop theme's where it has one, else Qt's built-in set.

Freedesktop icon names come first because they match the rest of the user's desktop; the
QStyle standard pixmaps are the fallback every platform has (Windows and macOS ship no icon
theme). Stage dots are drawn here so they follow `theme.STAGE_COLORS`.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from desktop.core.model import Stage
from desktop.resources import resource_path
from desktop.ui.theme import STAGE_COLORS

SP = QStyle.StandardPixmap

# name -> (freedesktop theme names, QStyle fallback)
_ACTIONS: dict[str, tuple[tuple[str, ...], QStyle.StandardPixmap]] = {
    "new": (("document-new", "list-add"), SP.SP_FileIcon),
    "rejection": (("mail-reply-sender", "mail-message-new"), SP.SP_MessageBoxWarning),
    "find": (("edit-find", "system-search"), SP.SP_FileDialogContentsView),
    "board": (("view-list-icons", "view-grid"), SP.SP_FileDialogListView),
    "table": (("view-list-details", "view-list-text"), SP.SP_FileDialogDetailedView),
    "insights": (("office-chart-bar", "x-office-spreadsheet"), SP.SP_FileDialogInfoView),
    "settings": (("preferences-system", "configure"), SP.SP_ComputerIcon),
    "templates": (("text-x-generic-template", "accessories-text-editor"), SP.SP_FileIcon),
    "undo": (("edit-undo",), SP.SP_ArrowBack),
    "redo": (("edit-redo",), SP.SP_ArrowForward),
    "archive": (("folder", "archive-insert"), SP.SP_DirClosedIcon),
    "delete": (("edit-delete", "user-trash"), SP.SP_TrashIcon),
    "quit": (("application-exit",), SP.SP_DialogCloseButton),
    "export": (("document-save-as", "document-export"), SP.SP_DialogSaveButton),
    "import": (("document-open", "document-import"), SP.SP_DialogOpenButton),
    "backup": (("document-save",), SP.SP_DriveHDIcon),
    "restore": (("document-revert",), SP.SP_BrowserReload),
    "open": (("document-properties", "document-edit"), SP.SP_FileDialogDetailedView),
    "paste": (("edit-paste",), SP.SP_DialogOpenButton),
    "about": (("help-about",), SP.SP_MessageBoxInformation),
}


def action_icon(name: str) -> QIcon:
    theme_names, fallback = _ACTIONS[name]
    for theme_name in theme_names:
        if QIcon.hasThemeIcon(theme_name):
            return QIcon.fromTheme(theme_name)
    style = QApplication.style()
    return style.standardIcon(fallback) if style is not None else QIcon()


@cache
def app_icon() -> QIcon:
    icon = QIcon()
    svg = resource_path("icons", "askwhy.svg")
    if svg.exists():
        icon.addFile(str(svg))
    for size in (16, 24, 32, 48, 64, 128, 256):
        png = resource_path(
            "icons", "hicolor", f"{size}x{size}", "apps", "io.github.askwhy.AskWhy.png"
        )
        if png.exists():
            icon.addFile(str(png))
    return icon


@cache
def stage_dot(stage: Stage, size: int = 12) -> QIcon:
    """A coloured dot for a stage; cached, since the table asks for one per visible row."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(STAGE_COLORS[stage]))
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    painter.end()
    return QIcon(pixmap)
