"""Hypothesis budgets for the core suite: quick by default, big with ASKWHY_LONG_TESTS=1."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

LONG = os.environ.get("ASKWHY_LONG_TESTS") == "1"

settings.register_profile("core-quick", max_examples=150, deadline=None)
settings.register_profile(
    "core-long",
    max_examples=5000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("core-long" if LONG else "core-quick")
