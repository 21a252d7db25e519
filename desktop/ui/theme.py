"""Light and dark palettes on the Fusion style everywhere: the system's, or the user's choice.

Fusion looks the same on every OS and honours a QPalette fully, so one palette per scheme
gives a finished look without per-platform stylesheets. By default the scheme comes from
`QStyleHints.colorScheme()` and is re-applied when the system switches; Settings can pin it
to light or dark (kept in QSettings, like the window's geometry: it is this machine's
display, not the user's data).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from desktop.core.model import Stage

# Spacing used by every layout, so the screens line up with each other.
SPACING = 8
MARGIN = 12
CARD_RADIUS = 6


@dataclass(frozen=True, slots=True)
class Colors:
    window: str
    base: str
    alternate: str
    text: str
    muted: str
    button: str
    highlight: str
    highlight_text: str
    card: str
    card_border: str
    urgent: str
    ok: str
    link: str


LIGHT = Colors(
    window="#f4f5f7",
    base="#ffffff",
    alternate="#f0f2f5",
    text="#1d232b",
    muted="#5f6b7a",
    button="#e9ecf0",
    highlight="#2f6fde",
    highlight_text="#ffffff",
    card="#ffffff",
    card_border="#d5dae1",
    urgent="#c2410c",
    ok="#15803d",
    link="#1f5fc8",
)

DARK = Colors(
    window="#1e2127",
    base="#262a31",
    alternate="#2c3139",
    text="#e6e9ee",
    muted="#9aa4b2",
    button="#323842",
    highlight="#4f8ef7",
    highlight_text="#ffffff",
    card="#2d323b",
    card_border="#3d444f",
    urgent="#fb923c",
    ok="#4ade80",
    link="#7fb0ff",
)

# One hue per stage for the column headers and card edges; readable on both palettes.
STAGE_COLORS: dict[Stage, str] = {
    Stage.SAVED: "#8b95a5",
    Stage.APPLIED: "#3b82f6",
    Stage.SCREENING: "#06b6d4",
    Stage.INTERVIEWING: "#8b5cf6",
    Stage.OFFER: "#f59e0b",
    Stage.ACCEPTED: "#22c55e",
    Stage.REJECTED: "#ef4444",
    Stage.WITHDRAWN: "#a3a3a3",
    Stage.GHOSTED: "#64748b",
}


SETTINGS_THEME = "appearance/theme"
# The user's choice, as saved, and the scheme it pins (Unknown: follow the system).
THEMES: dict[str, Qt.ColorScheme] = {
    "system": Qt.ColorScheme.Unknown,
    "light": Qt.ColorScheme.Light,
    "dark": Qt.ColorScheme.Dark,
}
THEME_LABELS = {"system": "Follow the system", "light": "Light", "dark": "Dark"}

# What the theme controller last applied; None until one runs (then the system decides).
_applied: Colors | None = None


def system_is_dark() -> bool:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def current_colors() -> Colors:
    """The colours in use: widgets that paint or style themselves read them from here."""
    if _applied is not None:
        return _applied
    return DARK if system_is_dark() else LIGHT


def build_palette(colors: Colors) -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    pairs = {
        role.Window: colors.window,
        role.WindowText: colors.text,
        role.Base: colors.base,
        role.AlternateBase: colors.alternate,
        role.ToolTipBase: colors.base,
        role.ToolTipText: colors.text,
        role.PlaceholderText: colors.muted,
        role.Text: colors.text,
        role.Button: colors.button,
        role.ButtonText: colors.text,
        role.BrightText: "#ffffff",
        role.Highlight: colors.highlight,
        role.HighlightedText: colors.highlight_text,
        role.Link: colors.link,
        role.LinkVisited: colors.link,
        role.Light: colors.base,
        role.Midlight: colors.alternate,
        role.Mid: colors.card_border,
        role.Dark: colors.muted,
        role.Shadow: "#000000",
    }
    for color_role, value in pairs.items():
        palette.setColor(color_role, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for color_role in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(disabled, color_role, QColor(colors.muted))
    return palette


class ThemeController(QObject):
    """Applies the palette now, whenever the system scheme changes, and when the user
    chooses another theme in Settings (`choose`, live; `save` keeps it).

    `choice` is one of THEMES: given (the screenshot script renders both), else the one
    saved in `settings`, else "system", where `colorSchemeChanged` re-applies it live.
    """

    def __init__(
        self,
        app: QApplication,
        *,
        choice: str | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(app)
        self._app = app
        self._settings = settings
        saved = settings.value(SETTINGS_THEME, "system") if settings is not None else "system"
        self._choice = choice or (saved if saved in THEMES else "system")
        # Where Fusion is already the default style (Linux without a desktop theme), a
        # second instance would only cost start-up time.
        if app.style().name().casefold() != "fusion":
            fusion = QStyleFactory.create("Fusion")
            if fusion is not None:
                app.setStyle(fusion)
        self.apply(app.styleHints().colorScheme())
        app.styleHints().colorSchemeChanged.connect(self.apply)

    @property
    def choice(self) -> str:
        return self._choice

    def choose(self, choice: str) -> None:
        """Switch to `choice` now (Settings previews it); `save` keeps it for next time."""
        self._choice = choice if choice in THEMES else "system"
        self.apply(self._app.styleHints().colorScheme())

    def save(self) -> None:
        if self._settings is not None:
            self._settings.setValue(SETTINGS_THEME, self._choice)

    def apply(self, system_scheme: Qt.ColorScheme) -> None:
        global _applied  # noqa: PLW0603 (one palette per process, like QApplication's own)
        pinned = THEMES[self._choice]
        chosen = system_scheme if pinned == Qt.ColorScheme.Unknown else pinned
        _applied = DARK if chosen == Qt.ColorScheme.Dark else LIGHT
        self._app.setPalette(build_palette(_applied))


def install_theme(
    app: QApplication, *, choice: str | None = None, settings: QSettings | None = None
) -> ThemeController:
    """Call once after the QApplication exists (app.py and the screenshot script do)."""
    return ThemeController(app, choice=choice, settings=settings)
