"""The identity Windows shows on AskWhy's toasts and taskbar button.

Windows names a toast after the Start-menu shortcut whose AppUserModelID matches the
process's. Without an explicit id, a PyInstaller bundle gets one derived from its path, no
shortcut matches, and toasts say "Python" or nothing at all. The installer gives its
shortcut the app id (packaging/windows/askwhy.iss, `AppUserModelID: "{#AppId}"`), and the
process claims the same id here, before Qt creates its first window.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from desktop import APP_ID

log = logging.getLogger(__name__)

# Windows only: elsewhere ctypes would cost every start about 2 ms before its first paint.
_SHELL32: Any = None
if sys.platform == "win32":
    import ctypes

    _SHELL32 = ctypes.windll.shell32


def claim_app_user_model_id(*, platform: str = sys.platform, shell32: Any | None = None) -> bool:
    """On Windows, set this process's AppUserModelID to APP_ID; True when it was set.

    `shell32` stands in for `ctypes.windll.shell32` in tests (they run off Windows).
    """
    if platform != "win32":
        return False
    if shell32 is None:
        shell32 = _SHELL32
    result = shell32.SetCurrentProcessExplicitAppUserModelID(APP_ID)
    if result != 0:  # an HRESULT: 0 is S_OK
        log.warning("SetCurrentProcessExplicitAppUserModelID failed (0x%08x)", result & 0xFFFFFFFF)
        return False
    return True
