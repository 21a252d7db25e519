"""Colours for merge fields, in template sources and in rendered previews.

Two views need them. A template source (`Dear {{ contact_first_name }}`) is highlighted
block by block with a `QSyntaxHighlighter`: known fields in one colour, unknown fields and
stray braces marked as problems (the same problems `core.templates.check` reports, so the
colours and the problems list never disagree). A rendered preview is formatted from the
`FieldSpan`s that `core.templates.render` returns, so filled, empty and unknown fields each
get their own colour.

Colour is never the only signal: empty fields are also underlined with dashes and unknown
ones with a wave, so the marks survive colour blindness and a grey-scale screenshot.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication

from desktop.core.templates import FIELDS, FieldSpan, FieldState, check

# A placeholder as the user typed it; `check` decides whether it is well-formed.
_PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")


class Mark(enum.Enum):
    """What a highlighted stretch of text is, independent of its colour."""

    FILLED = "filled"
    EMPTY = "empty"
    UNKNOWN = "unknown"
    FIELD = "field"  # a known placeholder in a template source
    PROBLEM = "problem"  # an unknown field or a stray brace in a template source


@dataclass(frozen=True, slots=True)
class _Colours:
    background: str
    foreground: str


# Chosen for a contrast ratio above 4.5:1 between foreground and background in both palettes.
_LIGHT: dict[Mark, _Colours] = {
    Mark.FILLED: _Colours("#dcf3e2", "#0b5323"),
    Mark.EMPTY: _Colours("#fff0c2", "#6b4200"),
    Mark.UNKNOWN: _Colours("#fbd9d9", "#8f1414"),
    Mark.FIELD: _Colours("#dde8fb", "#173f8a"),
    Mark.PROBLEM: _Colours("#fbd9d9", "#8f1414"),
}
_DARK: dict[Mark, _Colours] = {
    Mark.FILLED: _Colours("#1d4a2a", "#c9f5d4"),
    Mark.EMPTY: _Colours("#574000", "#ffe48f"),
    Mark.UNKNOWN: _Colours("#641c1c", "#ffd2d2"),
    Mark.FIELD: _Colours("#1f3563", "#d3e2ff"),
    Mark.PROBLEM: _Colours("#641c1c", "#ffd2d2"),
}

_STATE_MARK: dict[FieldState, Mark] = {
    FieldState.FILLED: Mark.FILLED,
    FieldState.EMPTY: Mark.EMPTY,
    FieldState.UNKNOWN: Mark.UNKNOWN,
}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def _current_palette() -> QPalette:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app.palette()
    return QPalette()


def mark_format(mark: Mark, palette: QPalette | None = None) -> QTextCharFormat:
    """The character format for `mark`, picked for the palette's light or dark base."""
    colours = (_DARK if is_dark(palette or _current_palette()) else _LIGHT)[mark]
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(colours.background))
    fmt.setForeground(QColor(colours.foreground))
    if mark in (Mark.UNKNOWN, Mark.PROBLEM):
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor(colours.foreground))
        fmt.setFontWeight(QFont.Weight.Bold)
    elif mark is Mark.EMPTY:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setUnderlineColor(QColor(colours.foreground))
        fmt.setFontWeight(QFont.Weight.Bold)
    # The mark is stored on the format so tests and tooltips can ask what a stretch is.
    fmt.setProperty(QTextCharFormat.Property.UserProperty, mark.value)
    return fmt


def utf16_offsets(text: str) -> Callable[[int], int]:
    """Map a Python string index to Qt's UTF-16 position (they differ past the BMP, e.g. 🙂)."""
    if all(ord(ch) < 0x10000 for ch in text):
        return _identity
    positions = [0]
    for ch in text:
        positions.append(positions[-1] + (2 if ord(ch) >= 0x10000 else 1))

    def to_utf16(index: int) -> int:
        return positions[max(0, min(index, len(text)))]

    return to_utf16


def _identity(index: int) -> int:
    return index


def source_marks(text: str) -> list[tuple[int, int, Mark]]:
    """Marks for a template source: known placeholders, then the problems `check` finds."""
    marks: list[tuple[int, int, Mark]] = []
    for match in _PLACEHOLDER.finditer(text):
        if match.group(1) in FIELDS:
            marks.append((match.start(), match.end(), Mark.FIELD))
    for problem in check(text):
        start, end = problem.start, max(problem.end, problem.start + 1)
        marks.append((start, min(end, len(text)), Mark.PROBLEM))
    return marks


class TemplateHighlighter(QSyntaxHighlighter):
    """Highlights `{{ field }}` placeholders in an editable template source.

    Highlighting goes block by block (a paragraph at a time), as Qt re-highlights only the
    changed block on each keystroke; a placeholder never spans a line break, so checking a
    block alone gives the same answer as checking the whole text.
    """

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._formats = {mark: mark_format(mark) for mark in Mark}

    def refresh_palette(self) -> None:
        """Call after a light/dark switch so the colours keep their contrast."""
        self._formats = {mark: mark_format(mark) for mark in Mark}
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        to_utf16 = utf16_offsets(text)
        for start, end, mark in source_marks(text):
            begin = to_utf16(start)
            self.setFormat(begin, to_utf16(end) - begin, self._formats[mark])


@dataclass(frozen=True, slots=True)
class PreviewPart:
    """One rendered text in a preview document, and where it starts in that document."""

    text: str
    fields: Sequence[FieldSpan]
    offset: int = 0  # Python index of the part's first character in the whole document text


def format_preview(
    document: QTextDocument, parts: Iterable[PreviewPart], palette: QPalette | None = None
) -> None:
    """Colour each rendered field of `parts` in `document` by its state.

    `document` must already hold the plain text the parts were laid out into; `offset`
    says where each part begins. Offsets from core are Python indices; they are converted
    to Qt's UTF-16 positions against the whole document text.
    """
    whole = document.toPlainText()
    to_utf16 = utf16_offsets(whole)
    formats = {state: mark_format(mark, palette) for state, mark in _STATE_MARK.items()}
    cursor = QTextCursor(document)
    for part in parts:
        for span in part.fields:
            start = part.offset + span.start
            end = part.offset + span.end
            if end <= start:
                continue
            cursor.setPosition(to_utf16(start))
            cursor.setPosition(to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(formats[span.state])


def mark_at(document: QTextDocument, position: int) -> Mark | None:
    """The mark on the character after `position` (UTF-16), or None for plain text."""
    cursor = QTextCursor(document)
    cursor.setPosition(position + 1)
    value = cursor.charFormat().property(QTextCharFormat.Property.UserProperty)
    if isinstance(value, str):
        try:
            return Mark(value)
        except ValueError:
            return None
    return None
