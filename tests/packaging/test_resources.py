"""Every resource the app opens exists, and is found the same way from source and bundle."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest

from desktop import APP_ID
from desktop.resources import resource_path, resources_root

ROOT = Path(__file__).resolve().parents[2]

# What the code opens through resource_path(), kept as a list rather than grepped, so a
# rename on either side fails here. Add to it when the code starts using a new file.
APP_ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
RESOURCES_THE_APP_USES = (
    ("icons", "askwhy.svg"),  # ui/icons.py app_icon(), native/notifications.py
    ("icons", "askwhy-tray-idle.png"),  # native/tray.py
    ("icons", "askwhy-tray-idle@2x.png"),
    ("icons", "askwhy-tray-due.png"),  # native/tray.py, native/notifications.py
    ("icons", "askwhy-tray-due@2x.png"),
    ("icons", "askwhy-tray-idle.svg"),
    ("icons", "askwhy-tray-due.svg"),
    *(("icons", "hicolor", f"{size}x{size}", "apps", f"{APP_ID}.png") for size in APP_ICON_SIZES),
    ("icons", "hicolor", "scalable", "apps", f"{APP_ID}.svg"),
    ("askwhy.desktop",),
    (f"{APP_ID}.metainfo.xml",),
)
# What only packaging needs: the executable's icon per OS.
RESOURCES_PACKAGING_USES = (("icons", "askwhy.ico"), ("icons", "askwhy.icns"))


@pytest.fixture
def fake_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A directory standing in for PyInstaller's unpacked bundle (`sys._MEIPASS`)."""
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    return tmp_path


@pytest.mark.parametrize("parts", RESOURCES_THE_APP_USES + RESOURCES_PACKAGING_USES, ids="/".join)
def test_resource_exists_in_the_source_tree(parts: tuple[str, ...]) -> None:
    assert resource_path(*parts).is_file(), f"resources/{'/'.join(parts)} is missing"


def test_from_source_resources_are_the_repository_folder() -> None:
    assert not hasattr(sys, "_MEIPASS")
    assert resources_root() == ROOT / "resources"
    assert resource_path("icons", "askwhy.svg") == ROOT / "resources" / "icons" / "askwhy.svg"


def test_from_a_bundle_resources_are_below_meipass(fake_bundle: Path) -> None:
    assert resources_root() == fake_bundle / "resources"
    assert resource_path("icons", "askwhy.svg") == fake_bundle / "resources/icons/askwhy.svg"


def test_every_used_resource_is_bundled_where_resource_path_looks(
    appmeta: ModuleType, fake_bundle: Path
) -> None:
    # Lay the bundle out exactly as PyInstaller would from the spec's datas, then resolve.
    for source, destination in appmeta.data_files():
        target = fake_bundle / destination / Path(source).name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(source)
    for parts in RESOURCES_THE_APP_USES:
        assert resource_path(*parts).is_file(), f"{'/'.join(parts)} is not in the bundle"


def test_screenshots_stay_out_of_the_bundle(appmeta: ModuleType) -> None:
    destinations = {destination for _, destination in appmeta.data_files()}
    assert not any(d.startswith(str(Path("resources", "screenshots"))) for d in destinations)


def test_alembic_scripts_are_bundled_next_to_the_store(appmeta: ModuleType) -> None:
    migrations = ROOT / "desktop" / "store" / "migrations"
    if not (migrations / "env.py").is_file():
        pytest.skip("the store has no Alembic scripts yet")
    pairs = {(Path(source).name, destination) for source, destination in appmeta.data_files()}
    assert ("env.py", str(Path("desktop/store/migrations"))) in pairs
    versions = sorted(p.name for p in (migrations / "versions").glob("*.py"))
    assert versions, "no migration versions found"
    for name in versions:
        assert (name, str(Path("desktop/store/migrations/versions"))) in pairs
    assert not any(name.endswith(".pyc") for name, _ in pairs)
