"""Every top-level window and dialog fits a small screen, with every button reachable.

Each screen runs in its own process (tests/ui/screen_probe.py): a screen's size and scale are
fixed when QApplication starts. The windows are filled with long Unicode names (200
characters, Arabic, emoji, "AT&T — R&D").
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("width", "height", "scale"),
    [(1024, 600, "1"), (1366, 768, "1.5")],
    ids=["1024x600", "1366x768@1.5"],
)
def test_every_window_fits_the_screen(tmp_path: Path, width: int, height: int, scale: str) -> None:
    screen = {"name": "probe", "x": 0, "y": 0, "width": width, "height": height}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    env = os.environ | {
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": scale,
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [sys.executable, "-m", "tests.ui.screen_probe"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == []
