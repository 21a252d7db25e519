"""The composition root: the one place that builds AskWhy's parts and wires them together.

It is split by what each part may cost at start-up, so that every module has ordinary
top-level imports and pays only for what its moment needs:

- `desktop.app` (this module): the command line. No Qt: `askwhy due` never pays for it,
  and works on a machine without a display.
- `desktop.app.second_launch`: `log-rejection` handed to a running AskWhy (QtNetwork, no
  QApplication, no SQLAlchemy).
- `desktop.app.first_frame`: everything up to the window's first paint, with only PySide6
  and the window's own few modules loaded.
- `desktop.app.running`: imported once the window has painted: the database (SQLAlchemy),
  the services (tray, notifications, reminders, backups) and how they are wired.

Startup order, and why:

1. Parse the command line. A start with only the window's own options (`--data-dir`,
   `--minimized`, or none: how the desktop, autostart and a user start it) is read by
   `window_options` without building the parser; anything else (`--help`, a command, an
   error) goes through `desktop.cli`, which imports no Qt, exactly as before.
2. A non-GUI command runs through `cli.run_command` and returns.
3. `log-rejection` without `--no-gui` validates its options (bad input exits 2, nothing
   written), then hands the rejection to a running AskWhy over the single-instance socket
   (`second_launch`): that instance writes it, answers with what it logged (printed here)
   and opens the editor. Only when no AskWhy runs is it recorded here, as `--no-gui` does,
   and this process becomes the GUI with the editor open.
4. QApplication, named from `desktop/__init__.py`; SIGINT/SIGTERM quit cleanly.
5. Single instance: when another AskWhy runs on this data dir, it gets our request
   ("show", or "open this request") and we exit 0.
6. The main window is built and shown with only PySide6 loaded, saying it is opening the
   data. Nothing else runs before its first paint: a start shows the window at once.
7. After that paint `running` is imported and the database is opened (Alembic only when a
   migration is due, with a backup first). A known store error (corrupt, too new, locked,
   unusable dir) is a message with a restore-from-backup choice, never a traceback.
8. The services are built and wired in `running.Wiring`: tray (if the desktop has one),
   notifier (freedesktop, plyer, tray, null), reminder service, and the window gets its store.
9. The reminder service starts (handling what fell due while AskWhy was closed), a pending
   request opens, and on first run a welcome asks for the profile and about start-at-login.
10. The event loop runs; on the way out the timer stops, the notifier closes, the instance
    guard is released and the database is closed.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from desktop.core.exit_codes import EXIT_BROKEN, EXIT_OK, PROG
from desktop.store.location import resolve_data_dir

log = logging.getLogger(__name__)

LOG_ENV = "ASKWHY_LOG"


def configure_logging() -> None:
    """Warnings by default; ASKWHY_LOG=info or debug for support (and the e2e tests)."""
    level_name = os.environ.get(LOG_ENV, "warning").upper()
    level = getattr(logging, level_name, logging.WARNING)
    logging.basicConfig(
        level=level if isinstance(level, int) else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


class WindowOptions(NamedTuple):
    """The window's own options: what `cli.parse_args` gives for a start without a command."""

    data_dir: str | None
    minimized: bool


def window_options(argv: Sequence[str]) -> WindowOptions | None:
    """The options of a plain start (`--data-dir DIR`, `--data-dir=DIR`, `--minimized`, in
    any order, or none), read as the parser would read them; None for anything else, which
    the parser then reads (and explains, when it is wrong).

    A start before its first paint need not build the parser and its commands (about
    17 ms, measured alone) for options that are at most these two. Only values the parser
    takes as they are pass here: not blank (it refuses those) and not starting with "-"
    (it may read them as an option); anything in doubt goes to the parser.
    """
    data_dir: str | None = None
    minimized = False
    tokens = iter(argv)
    for token in tokens:
        if token == "--minimized":
            minimized = True
            continue
        if token == "--data-dir":
            value = next(tokens, "")
        elif token.startswith("--data-dir="):
            value = token.removeprefix("--data-dir=")
        else:
            return None
        if not value.strip() or value.startswith("-"):
            return None
        data_dir = value  # the last one counts, as with the parser
    return WindowOptions(data_dir, minimized)


def main(argv: Sequence[str] | None = None) -> int:
    configure_logging()
    arguments = list(sys.argv[1:] if argv is None else argv)
    plain = window_options(arguments)
    if plain is not None:
        return _open_window(resolve_data_dir(plain.data_dir), plain.minimized, None)
    # The parser only for a command, --help, --version or a mistake: a plain start above
    # never loads it.
    from desktop import cli  # noqa: PLC0415

    args = cli.parse_args(arguments)
    if args.command is not None and not (args.command == "log-rejection" and not args.no_gui):
        return cli.run_command(args)

    data_dir = resolve_data_dir(args.data_dir)
    pending_request: int | None = None
    if args.command == "log-rejection":
        # Qt (QtNetwork) only from here: the commands above never load it.
        from desktop.app import second_launch  # noqa: PLC0415

        pending_request, code = second_launch.log_rejection(args, data_dir)
        if pending_request is None:
            return code
    return _open_window(data_dir, bool(args.minimized), pending_request)


def _open_window(data_dir: Path, minimized: bool, pending_request: int | None) -> int:
    if not _has_display():
        # Qt would abort the process (qFatal) without a display: say it in one line instead.
        done = " The rejection was logged." if pending_request is not None else ""
        print(
            f"{PROG}: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are "
            f"unset).{done} Commands such as 'due' and 'log-rejection --no-gui' need none.",
            file=sys.stderr,
        )
        return EXIT_OK if pending_request is not None else EXIT_BROKEN
    # PySide6 and the window only for the GUI: the commands above never load them.
    from desktop.app import first_frame  # noqa: PLC0415

    return first_frame.run_gui(data_dir, minimized=minimized, pending_request=pending_request)


def _has_display() -> bool:
    if not sys.platform.startswith("linux") and "bsd" not in sys.platform:
        return True
    return bool(
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    )
