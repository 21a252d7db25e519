"""QtClipboard on a real X server, read back by xclip while the Qt event loop runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e import services
from tests.e2e.conftest import require

pytestmark = pytest.mark.e2e

SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop.native.clipboard import QtClipboard
app = QApplication([])
QtClipboard().set_text(sys.argv[1])
print("set", flush=True)
QTimer.singleShot(15000, app.quit)
app.exec()
"""


def test_copied_text_is_on_the_x_clipboard(tmp_path: Path) -> None:
    require("Xvfb", "xclip")
    text = "Hi Dana,\nwhy wasn't I selected? — Ünïcode & <b>"
    processes = services.Processes()
    try:
        display = services.start_xvfb(processes, tmp_path)
        env = {**services.base_env(), "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        owner = processes.add(
            subprocess.Popen(
                [sys.executable, "-c", SCRIPT, text],
                env=env,
                cwd=services.REPO,
                stdout=subprocess.PIPE,
                text=True,
            )
        )
        assert owner.stdout is not None
        assert owner.stdout.readline().strip() == "set"

        def read_back() -> str | None:
            result = subprocess.run(
                ["xclip", "-selection", "clipboard", "-o"],
                env=env,
                capture_output=True,
                timeout=10,
                check=False,
            )
            value = result.stdout.decode("utf-8")
            return value if value == text else None

        assert services.wait_for(read_back, 10, "xclip to read the clipboard") == text
    finally:
        processes.stop_all()
