"""Builds the Linux release (`make dist`): the PyInstaller bundle, then the tarball.

    dist/askwhy/                                   the one-folder bundle
    dist/askwhy-<version>-linux-<arch>.tar.gz      what users download:
        askwhy-<version>-linux-<arch>/
            askwhy/          the bundle
            share/           applications/, icons/hicolor/, metainfo/ as in XDG_DATA_HOME
            install.sh       puts the bundle, a launcher and share/ into ~/.local, no root
            uninstall.sh     removes exactly what install.sh put there
            io.github.askwhy.AskWhy.metainfo.xml
    dist/askwhy-<version>-linux-<arch>.tar.gz.sha256   for `sha256sum -c`

Options let the bundle smoke test build into a temporary folder or reuse a fresh bundle.
"""

from __future__ import annotations

import argparse
import hashlib
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
from pathlib import Path

import appmeta

ROOT = appmeta.ROOT
SPEC = Path(__file__).resolve().parent / "askwhy.spec"
LINUX = Path(__file__).resolve().parent / "linux"


def tarball_name(meta: appmeta.AppMeta, machine: str | None = None) -> str:
    arch = (machine or platform.machine() or "unknown").lower()
    return f"{meta.executable}-{meta.version}-linux-{arch}"


def run_pyinstaller(dist: Path, work: Path, *, clean: bool = False) -> Path:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        f"--distpath={dist}",
        f"--workpath={work}",
        *(["--clean"] if clean else []),
        str(SPEC),
    ]
    subprocess.run(command, check=True, cwd=ROOT)
    bundle = dist / appmeta.read_metadata().executable
    if not (bundle / appmeta.read_metadata().executable).is_file():
        raise SystemExit(f"PyInstaller finished but {bundle} holds no executable")
    return bundle


def _files(root: Path) -> Iterator[Path]:
    return (path for path in root.rglob("*") if path.is_file() and not path.is_symlink())


def tree_size(root: Path) -> int:
    return sum(path.stat().st_size for path in _files(root))


def stage_share(share: Path, meta: appmeta.AppMeta) -> None:
    """Lays out `share/` as it will sit in XDG_DATA_HOME after install.sh."""
    resources = appmeta.RESOURCES
    applications = share / "applications"
    applications.mkdir(parents=True)
    shutil.copy2(resources / "askwhy.desktop", applications / f"{meta.app_id}.desktop")
    metainfo = share / "metainfo"
    metainfo.mkdir()
    shutil.copy2(resources / f"{meta.app_id}.metainfo.xml", metainfo)
    for icon in sorted((resources / "icons" / "hicolor").rglob(f"{meta.app_id}.*")):
        target = share / "icons" / icon.relative_to(resources / "icons")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(icon, target)


def make_tarball(bundle: Path, dist: Path, machine: str | None = None) -> Path:
    """Packs `bundle` with the installer scripts and desktop files into a .tar.gz in `dist`."""
    meta = appmeta.read_metadata()
    name = tarball_name(meta, machine)
    staging = dist / name
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    shutil.copytree(bundle, staging / meta.executable, symlinks=True)
    stage_share(staging / "share", meta)
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy2(LINUX / script, staging / script)
        (staging / script).chmod(0o755)
    shutil.copy2(appmeta.RESOURCES / f"{meta.app_id}.metainfo.xml", staging)

    tarball = dist / f"{name}.tar.gz"

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        # The archive should not carry the build machine's user names.
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(tarball, "w:gz", compresslevel=6) as archive:
        archive.add(staging, arcname=name, filter=normalise)
    shutil.rmtree(staging)
    return tarball


def write_checksum(path: Path) -> Path:
    """`<file>.sha256` in the format `sha256sum -c` reads."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    checksum = path.with_name(f"{path.name}.sha256")
    checksum.write_text(f"{digest.hexdigest()}  {path.name}\n", encoding="utf-8")
    return checksum


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the AskWhy bundle and Linux tarball.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller cache")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument(
        "--reuse-bundle",
        action="store_true",
        help="skip PyInstaller when dist/askwhy already exists",
    )
    parser.add_argument("--no-tarball", action="store_true", help="build the bundle only")
    args = parser.parse_args(argv)
    dist: Path = args.dist.resolve()
    meta = appmeta.read_metadata()

    started = time.monotonic()
    bundle = dist / meta.executable
    if not (args.reuse_bundle and (bundle / meta.executable).is_file()):
        bundle = run_pyinstaller(dist, args.work.resolve(), clean=args.clean)
    built = time.monotonic()
    print(f"bundle: {bundle} ({_megabytes(tree_size(bundle))}) in {built - started:.0f} s")
    if not sys.platform.startswith("linux"):
        print("tarball skipped: it is the Linux release (see packaging/README.md)")
    elif not args.no_tarball:
        tarball = make_tarball(bundle, dist)
        size = tarball.stat().st_size
        checksum = write_checksum(tarball)
        print(f"tarball: {tarball} ({_megabytes(size)}) in {time.monotonic() - built:.0f} s")
        print(f"sha256:  {checksum.read_text().split()[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
