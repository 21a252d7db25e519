"""install.sh and uninstall.sh, run from a real tarball into a temporary home."""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
from pathlib import Path
from types import ModuleType

import pytest

from desktop import APP_ID, __version__

FAKE_APP = '#!/bin/sh\necho "fake askwhy $*"\n'


@pytest.fixture(scope="module")
def unpacked(build_script: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The release tarball around a stand-in bundle, unpacked as a user would."""
    work = tmp_path_factory.mktemp("release")
    bundle = work / "bundle" / "askwhy"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "_internal" / "libfake.so").write_bytes(b"\0" * 64)
    (bundle / "askwhy").write_text(FAKE_APP)
    (bundle / "askwhy").chmod(0o755)
    tarball = build_script.make_tarball(bundle, work / "dist", "x86_64")
    assert tarball.name == f"askwhy-{__version__}-linux-x86_64.tar.gz"
    checksum = build_script.write_checksum(tarball)
    subprocess.run(
        ["sha256sum", "--check", "--quiet", checksum.name], cwd=tarball.parent, check=True
    )
    with tarfile.open(tarball) as archive:
        archive.extractall(work / "unpacked", filter="tar")
    return work / "unpacked" / f"askwhy-{__version__}-linux-x86_64"


def snapshot(root: Path) -> set[str]:
    return {str(path.relative_to(root)) for path in root.rglob("*")}


def run(script: Path, home: Path, xdg_data_home: Path | None) -> str:
    env = {"HOME": str(home), "PATH": os.environ["PATH"], "LC_ALL": "C.UTF-8"}
    if xdg_data_home is not None:
        env["XDG_DATA_HOME"] = str(xdg_data_home)
    result = subprocess.run(
        [str(script)], env=env, capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_tarball_holds_bundle_scripts_and_metainfo(unpacked: Path) -> None:
    assert (unpacked / "askwhy" / "askwhy").is_file()
    assert os.access(unpacked / "install.sh", os.X_OK)
    assert os.access(unpacked / "uninstall.sh", os.X_OK)
    assert (unpacked / f"{APP_ID}.metainfo.xml").is_file()
    assert (unpacked / "share" / "applications" / f"{APP_ID}.desktop").is_file()
    assert (unpacked / "share" / "icons" / "hicolor" / "scalable" / "apps").is_dir()


@pytest.mark.parametrize("custom_xdg", [False, True], ids=["default-xdg", "custom-xdg"])
def test_install_then_uninstall_leaves_the_home_as_it_was(
    unpacked: Path, tmp_path: Path, custom_xdg: bool
) -> None:
    # A quote and a space in the home folder: paths must survive shell and Exec quoting.
    home = tmp_path / "o'neil home"
    mine = home / ".local" / "share" / "applications" / "mine.desktop"
    mine.parent.mkdir(parents=True)
    mine.write_text("[Desktop Entry]\n")
    (home / ".local" / "bin").mkdir()
    (home / ".local" / "bin" / "my-tool").write_text("#!/bin/sh\n")
    xdg = tmp_path / "xdg data" if custom_xdg else None
    data_home = xdg or home / ".local" / "share"
    before = snapshot(tmp_path)

    output = run(unpacked / "install.sh", home, xdg)
    assert "installed" in output

    launcher = home / ".local" / "bin" / "askwhy"
    result = subprocess.run(
        [str(launcher), "--version"], capture_output=True, text=True, check=True, timeout=30
    )
    assert result.stdout == "fake askwhy --version\n"
    entry = (data_home / "applications" / f"{APP_ID}.desktop").read_text()
    assert f'Exec="{launcher}"\n' in entry
    for size in ("16x16", "48x48", "256x256", "512x512"):
        assert (data_home / "icons/hicolor" / size / "apps" / f"{APP_ID}.png").is_file()
    assert (data_home / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg").is_file()
    assert (data_home / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    if shutil.which("desktop-file-validate"):
        subprocess.run(
            ["desktop-file-validate", str(data_home / "applications" / f"{APP_ID}.desktop")],
            check=True,
            timeout=30,
        )

    run(home / ".local" / "lib" / "askwhy" / "uninstall.sh", home, xdg)
    assert snapshot(tmp_path) == before
    assert mine.read_text() == "[Desktop Entry]\n"


def test_installing_twice_upgrades_in_place(unpacked: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    run(unpacked / "install.sh", home, None)
    output = run(unpacked / "install.sh", home, None)
    assert "previous install" in output
    run(home / ".local" / "lib" / "askwhy" / "uninstall.sh", home, None)
    assert snapshot(home) == set()


def test_start_at_login_entry_survives_upgrades_and_goes_with_the_app(
    unpacked: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    run(unpacked / "install.sh", home, None)
    autostart = home / ".config" / "autostart" / f"{APP_ID}.desktop"
    autostart.parent.mkdir(parents=True)
    # What the app writes when the user turns on "start at login" (native/autostart.py).
    app = home / ".local" / "lib" / "askwhy" / "app" / "askwhy"
    autostart.write_text(f"[Desktop Entry]\nType=Application\nExec={app} --minimized\n")

    run(unpacked / "install.sh", home, None)
    assert autostart.is_file(), "an upgrade turned off start at login"

    run(home / ".local" / "lib" / "askwhy" / "uninstall.sh", home, None)
    assert not autostart.exists()


def test_uninstall_leaves_another_installs_autostart_alone(unpacked: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    run(unpacked / "install.sh", home, None)
    autostart = home / ".config" / "autostart" / f"{APP_ID}.desktop"
    autostart.parent.mkdir(parents=True)
    autostart.write_text("[Desktop Entry]\nType=Application\nExec=/opt/askwhy/askwhy\n")
    run(home / ".local" / "lib" / "askwhy" / "uninstall.sh", home, None)
    assert autostart.is_file()


def test_uninstall_without_an_install_says_so(unpacked: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(unpacked / "uninstall.sh")],
        env={"HOME": str(tmp_path), "PATH": os.environ["PATH"]},
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )
    assert result.returncode == 1
    assert "not installed" in result.stderr
    assert snapshot(tmp_path) == set()
