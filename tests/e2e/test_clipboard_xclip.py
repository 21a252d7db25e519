"""The request editor's "Copy both" on a real X server, read back by xclip.

QApplication cannot switch platform once created, and the pytest process already has an
offscreen one, so the editor runs in a child process on Xvfb (`QT_QPA_PLATFORM=xcb`). It
keeps its event loop running, because an X11 clipboard is served by the program that owns
it: xclip asks the editor's process for the text while the test waits.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e import services
from tests.e2e.conftest import require

pytestmark = pytest.mark.e2e

# Runs in the child: a real store, a logged rejection with Unicode everywhere, the real
# editor with the real QtClipboard; "Copy both" through its keyboard action.
EDITOR_SCRIPT = """
import dataclasses, json, sys
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QApplication

from desktop.core.model import Channel, Profile, RejectionInput, Stage
from desktop.native.clipboard import QtClipboard
from desktop.store.database import open_database
from desktop.store.repository import Store
from desktop.ui.request_editor import RequestEditor
from tests.fakes import ManualClock

app = QApplication([])
tz = ZoneInfo("Europe/Berlin")
clock = ManualClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), tz)
database = open_database(Path(sys.argv[1]))
store = Store(database, local_tz=lambda: tz)
settings = store.load_settings()
store.save_settings(dataclasses.replace(
    settings, profile=Profile("Zoë Åberg", "zoe@example.org", "Zoë Åberg — 🙂")))
logged = store.log_rejection(
    RejectionInput(company="Café Zürich & Søn", role="Ingénieur·e 東京", notified_at=clock.now(),
                   stage_reached=Stage.INTERVIEWING, channel=Channel.EMAIL,
                   contact_name="Łukasz Żółć", contact_email="lukasz@cafe.example"),
    now=clock.now())
editor = RequestEditor(store, clock, QtClipboard(), logged.request.id, undo_stack=QUndoStack())
editor.show()
assert editor.unresolved_fields() == [], editor.unresolved_fields()
editor.findChild(QAction, "copy_both_action").trigger()
print(json.dumps({"expected": editor.both_text(), "status": editor.status_label.text()}),
      flush=True)
QTimer.singleShot(20000, app.quit)
app.exec()
editor.close()
database.close()
"""


def test_copy_both_reaches_the_x_clipboard(tmp_path: Path) -> None:
    require("Xvfb", "xclip")
    processes = services.Processes()
    editor: subprocess.Popen[str] | None = None
    try:
        display = services.start_xvfb(processes, tmp_path)
        env = {**services.base_env(), "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        with services.log_to(tmp_path / "editor.log") as log:
            editor = processes.add(
                subprocess.Popen(
                    [sys.executable, "-c", EDITOR_SCRIPT, str(tmp_path / "data")],
                    env=env,
                    cwd=services.REPO,
                    stdout=subprocess.PIPE,
                    stderr=log,
                    text=True,
                    encoding="utf-8",
                )
            )
        assert editor.stdout is not None
        line = editor.stdout.readline()
        assert line, (tmp_path / "editor.log").read_text(encoding="utf-8", errors="replace")
        report = json.loads(line)
        expected = report["expected"]
        assert report["status"] == "Copied subject and body to the clipboard."
        assert "Café Zürich & Søn" in expected
        assert "Ingénieur·e 東京" in expected
        assert "Hi Łukasz," in expected
        assert expected.rstrip().endswith("Zoë Åberg — 🙂")

        def read_back() -> str | None:
            result = subprocess.run(
                ["xclip", "-o", "-selection", "clipboard"],
                env=env,
                capture_output=True,
                timeout=10,
                check=False,
            )
            value = result.stdout.decode("utf-8", errors="replace")
            return value if value == expected else None

        assert services.wait_for(read_back, 10, "xclip to read the editor's text") == expected
    finally:
        processes.stop_all()
        if editor is not None and editor.stdout is not None:
            editor.stdout.close()
