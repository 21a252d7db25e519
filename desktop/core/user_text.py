"""A user's text set inside the app's own sentences: menus, buttons, titles, status lines.

Two things go wrong when a name such as "AT&T — R&D" or "شركة الاتصالات" is pasted into
"Undo Move … to Screening" or "… — …: 2 h left":
- Qt reads `&` in menu, button and undo texts as the mark of a keyboard mnemonic, so the
  ampersand vanishes ("ATT — RD"); doubled, it is shown as written.
- A right-to-left name next to the sentence's own punctuation and digits makes the Unicode
  bidi algorithm reorder the whole line; wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL
  ISOLATE, the name is laid out on its own and the line around it stays in order.

Pure string functions, so the tray (native) and the windows (ui) use the same ones.
"""

from __future__ import annotations

FSI = "\u2068"  # FIRST STRONG ISOLATE: the name takes the direction of its first letter
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE


def isolate(text: str) -> str:
    """`text` as one bidi island inside a line of other text."""
    return f"{FSI}{text}{PDI}"


def escape_mnemonics(text: str) -> str:
    """A whole menu, button or undo text that Qt must show as written, `&` included."""
    return text.replace("&", "&&")
