"""Talking to an app's X windows as a window manager would, for the end-to-end tests.

Xvfb runs no window manager, so nothing turns a click on a title bar's close button into
the `WM_DELETE_WINDOW` message an app receives: `close_window` sends that message itself,
with libX11 through ctypes (xdotool's `windowclose` destroys the window instead, which no
user can do and no app can refuse).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import re
import subprocess

_CLIENT_MESSAGE = 33  # X.h: ClientMessage
_NO_EVENT_MASK = 0


class _ClientMessage(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    ]


class _Event(ctypes.Union):
    # XEvent is a union padded to 24 longs.
    _fields_ = [("xclient", _ClientMessage), ("pad", ctypes.c_long * 24)]


def close_window(display: str, window_id: str) -> None:
    """Asks the window to close, as a window manager's close button does."""
    library = ctypes.util.find_library("X11")
    if library is None:
        raise RuntimeError("libX11 is missing (apt-get install libx11-6)")
    xlib = ctypes.CDLL(library)
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XInternAtom.restype = ctypes.c_ulong
    xlib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    xlib.XSendEvent.argtypes = [
        ctypes.c_void_p,
        ctypes.c_ulong,
        ctypes.c_int,
        ctypes.c_long,
        ctypes.POINTER(_Event),
    ]
    xlib.XFlush.argtypes = [ctypes.c_void_p]
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    connection = xlib.XOpenDisplay(display.encode())
    if not connection:
        raise RuntimeError(f"cannot open display {display}")
    try:
        window = int(window_id, 0)
        event = _Event()
        event.xclient.type = _CLIENT_MESSAGE
        event.xclient.window = window
        event.xclient.message_type = xlib.XInternAtom(connection, b"WM_PROTOCOLS", 0)
        event.xclient.format = 32
        event.xclient.data[0] = xlib.XInternAtom(connection, b"WM_DELETE_WINDOW", 0)
        event.xclient.data[1] = 0  # CurrentTime
        if not xlib.XSendEvent(connection, window, 0, _NO_EVENT_MASK, ctypes.byref(event)):
            raise RuntimeError(f"XSendEvent to {window_id} failed")
        xlib.XFlush(connection)
    finally:
        xlib.XCloseDisplay(connection)


def _run(env: dict[str, str], *command: str) -> str:
    result = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=10, check=False
    )
    return result.stdout


def visible_windows(env: dict[str, str], pid: int) -> list[str]:
    """The ids of the process's windows that are on screen."""
    output = _run(env, "xdotool", "search", "--onlyvisible", "--pid", str(pid))
    return [f"0x{int(line):x}" for line in output.split() if line.isdigit()]


def is_dialog(env: dict[str, str], window_id: str) -> bool:
    """A dialog names the window it belongs to (WM_TRANSIENT_FOR); a main window does not."""
    output = _run(env, "xprop", "-id", window_id, "WM_TRANSIENT_FOR")
    return re.search(r"window id # 0x[0-9a-f]+", output) is not None


def is_viewable(env: dict[str, str], window_id: str) -> bool:
    return "Map State: IsViewable" in _run(env, "xwininfo", "-id", window_id)


def window_name(env: dict[str, str], window_id: str) -> str:
    return _run(env, "xdotool", "getwindowname", window_id).strip()
