"""Counts in sentences: "1 reply", "2 replies", never "1 replies"."""

from __future__ import annotations


def plural(count: int, noun: str, plural_noun: str | None = None) -> str:
    if count == 1:
        return f"{count} {noun}"
    return f"{count} {plural_noun or noun + 's'}"
