"""What every form shares: the email check and the inline error label."""

from __future__ import annotations

import re

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel

from desktop.ui.template_highlighter import is_dark

# Loose on purpose: it catches typos (a missing @, a space), not every RFC 5322 corner.
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def is_valid_email(text: str) -> bool:
    return bool(EMAIL_PATTERN.match(text.strip()))


def error_colour(palette: QPalette) -> str:
    """A red that keeps a readable contrast on the palette's window colour."""
    return "#ff8a80" if is_dark(palette) else "#b3261e"


def error_label(name: str) -> QLabel:
    """A hidden, wrapping label for one inline problem; show it with its text."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {error_colour(label.palette())};")
    label.hide()
    return label
