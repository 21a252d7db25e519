"""`pip install` ships resources/ inside the wheel, where desktop/resources.py finds it, and
doctor says so when it is missing.

The wheel's layout is stood in for by a copy of the package in a temporary site directory:
building a real wheel needs the build backend from the network.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from desktop.resources import WHEEL_RESOURCES

ROOT = Path(__file__).resolve().parents[2]


def test_every_package_of_the_source_tree_is_listed_for_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in ROOT.glob("desktop/**/__init__.py")
    }
    assert found <= listed
    assert config["tool"]["setuptools"]["package-dir"][f"desktop.{WHEEL_RESOURCES}"] == "resources"


def installed_copy(site: Path, *, with_resources: bool) -> None:
    """desktop/ as pip installs it: the package, and resources/ as its data package."""
    shutil.copytree(
        ROOT / "desktop", site / "desktop", ignore=shutil.ignore_patterns("__pycache__")
    )
    if with_resources:
        shutil.copytree(ROOT / "resources" / "icons", site / "desktop" / WHEEL_RESOURCES / "icons")


def doctor(site: Path, data_dir: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(site), "ASKWHY_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "desktop", "doctor"],
        capture_output=True,
        text=True,
        env=environment,
        cwd=site,
        timeout=60,
        check=False,
    )


def test_an_installed_copy_finds_its_resources_inside_the_package(tmp_path: Path) -> None:
    installed_copy(tmp_path / "site", with_resources=True)
    result = doctor(tmp_path / "site", tmp_path / "data")
    assert f"desktop/{WHEEL_RESOURCES}" in result.stdout
    assert "PROBLEM" not in result.stdout.split("Resources:")[1].splitlines()[0]


def test_doctor_reports_missing_resources(tmp_path: Path) -> None:
    installed_copy(tmp_path / "site", with_resources=False)
    result = doctor(tmp_path / "site", tmp_path / "data")
    assert result.returncode == 1
    assert "Resources:" in result.stdout
    assert "icons/askwhy.svg" in result.stdout
    assert "Everything looks fine" not in result.stdout
    assert "Traceback" not in result.stderr
