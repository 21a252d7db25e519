"""Board cards: no two texts overlap, at any width and font size, in either theme's font.

Measured on the layout the delegate paints from (`card_layout`): every text's rectangle is
as wide as the text shown in it, checked against the font's own bounding rectangle.
"""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFont, QFontMetrics
from pytestqt.qtbot import QtBot

from desktop.ui.board_view import COLUMN_MIN_WIDTH, COLUMN_WIDTH, card_height, card_layout

TEXTS = [
    ("Ωmega Öberg Zoë Internationale Holding & Söhne " * 4, "Senior Principal Engineer " * 3),
    ("AT&T — R&D", "Engineer & Architect"),
    ("شركة الاتصالات السعودية", "مهندس برمجيات أول"),
    ("Acme", "QA"),
]
BOTTOM = [("new", "1 d 23 h left"), ("3 w", "closed 2 h ago"), ("11 d", ""), ("", "45 min left")]


@pytest.mark.parametrize("point_size", [7.0, 9.0, 11.0, 14.0, 20.0])
def test_no_two_texts_of_a_card_overlap(qtbot: QtBot, point_size: float) -> None:
    font = QFont()
    font.setPointSizeF(point_size)
    height = card_height(font)
    for width in range(COLUMN_MIN_WIDTH - 20, COLUMN_WIDTH + 200, 9):
        card = QRect(0, 0, width, height).adjusted(2, 3, -2, -3)
        for (company, role), (age, countdown) in itertools.product(TEXTS, BOTTOM):
            layout = card_layout(
                card, font, company=company, role=role, age=age, countdown=countdown
            )
            boxes = [text.rect for text in layout.texts]
            if layout.clock is not None:
                boxes.append(layout.clock)
            where = f"{width} px, {point_size} pt, {age!r}/{countdown!r}"
            for first, second in itertools.combinations(boxes, 2):
                assert not first.intersects(second), where
            for text in layout.texts:
                assert card.contains(text.rect), where
                drawn = QFontMetrics(text.font).boundingRect(text.text)
                assert drawn.width() <= text.rect.width() + 1, where
                assert drawn.height() <= text.rect.height(), where
            kinds = [text.kind for text in layout.texts]
            assert kinds[:2] == ["company", "role"]
            assert ("countdown" in kinds) == bool(countdown), where


def test_the_age_is_shown_whole_or_not_at_all(qtbot: QtBot) -> None:
    font = QFont()
    for width in range(COLUMN_MIN_WIDTH - 20, COLUMN_WIDTH + 200, 3):
        card = QRect(0, 0, width, card_height(font))
        layout = card_layout(card, font, company="A", role="B", age="3 w", countdown="1 d 4 h left")
        ages = [text.text for text in layout.texts if text.kind == "age"]
        assert ages in ([], ["3 w"])
    wide = card_layout(
        QRect(0, 0, COLUMN_WIDTH, card_height(font)),
        font,
        company="A",
        role="B",
        age="3 w",
        countdown="1 d 4 h left",
    )
    assert [text.kind for text in wide.texts] == ["company", "role", "age", "countdown"]
