"""How search compares text: without case and without accents, so "zoe" finds "Zoë" and
"oberg" finds "Öberg" (Unicode NFKD, combining marks dropped, then casefolded)."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    if text.isascii():
        return text.casefold()  # most names: no decomposition to do, and fast at 100,000
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
