"""Shared test set-up. Qt must see the offscreen platform before it is first imported."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep tests from touching the developer's real data dir if a fixture is forgotten.
os.environ.pop("ASKWHY_DATA_DIR", None)
