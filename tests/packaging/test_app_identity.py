"""One app id everywhere a desktop names AskWhy's notifications.

Windows names a toast after the Start-menu shortcut whose AppUserModelID matches the
process's: the installer's shortcut and the running app must use the same id, APP_ID. macOS
files notifications under the bundle identifier, which is APP_ID too.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import desktop
from desktop.native.app_identity import claim_app_user_model_id

ISS = Path(__file__).resolve().parents[2] / "packaging" / "windows" / "askwhy.iss"


class RecordingShell32:
    """Stands in for ctypes.windll.shell32: keeps the ids it was given."""

    def __init__(self, result: int = 0) -> None:
        self.ids: list[str] = []
        self.result = result

    def SetCurrentProcessExplicitAppUserModelID(self, app_id: str) -> int:
        self.ids.append(app_id)
        return self.result


def test_the_installer_shortcuts_carry_the_apps_id() -> None:
    text = ISS.read_text(encoding="utf-8")
    defined = re.search(r'^#define AppId "([^"]+)"$', text, re.MULTILINE)
    assert defined is not None
    assert defined.group(1) == desktop.APP_ID
    icons = text.split("[Icons]", 1)[1].split("\n[", 1)[0]
    shortcuts = [line for line in icons.splitlines() if line.startswith("Name:")]
    assert shortcuts, "the installer makes no shortcut"
    for line in shortcuts:
        assert 'AppUserModelID: "{#AppId}"' in line, line


def test_the_app_claims_the_same_id_on_windows() -> None:
    shell32 = RecordingShell32()
    assert claim_app_user_model_id(platform="win32", shell32=shell32)
    assert shell32.ids == [desktop.APP_ID]


def test_a_refused_id_is_reported_not_raised() -> None:
    shell32 = RecordingShell32(result=-2147024809)  # E_INVALIDARG
    assert not claim_app_user_model_id(platform="win32", shell32=shell32)


def test_elsewhere_nothing_is_claimed() -> None:
    shell32 = RecordingShell32()
    for platform in ("linux", "darwin"):
        assert not claim_app_user_model_id(platform=platform, shell32=shell32)
    assert shell32.ids == []


def test_macos_notifications_are_filed_under_the_app_id_and_stay(appmeta: ModuleType) -> None:
    plist = appmeta.info_plist(appmeta.read_metadata())
    assert plist["CFBundleIdentifier"] == desktop.APP_ID
    assert plist["CFBundleName"] == desktop.APP_NAME
    assert plist["NSUserNotificationAlertStyle"] == "alert"
