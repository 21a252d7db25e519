"""Renders AskWhy's icons from their SVG sources in `resources/icons/` (`make icons`).

Writes, next to the sources:
- `hicolor/<n>x<n>/apps/<APP_ID>.png` for the freedesktop icon theme, plus the SVG under
  `hicolor/scalable/apps/`;
- `askwhy-tray-idle.png`, `askwhy-tray-due.png` and their `@2x` variants;
- `askwhy.ico` (Windows) and `askwhy.icns` (macOS).

Rendering goes through Qt's own SVG renderer (QtSvg ships with PySide6-Essentials), so no
extra tool is needed. The ICO and ICNS containers are simple enough to write by hand: both
are a small header followed by PNG images, which every Windows since Vista and every macOS
since 10.7 reads. The output is committed, so a build never needs to run this.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"

# The freedesktop hicolor sizes desktops actually look up.
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# 16/24/32/48 for lists, title bars and the taskbar; 256 for Explorer's large views.
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
# ICNS chunk type for each PNG, by pixel size; the @2x types reuse the larger renders.
ICNS_TYPES: tuple[tuple[bytes, int], ...] = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),  # 512@2x
    (b"ic11", 32),  # 16@2x
    (b"ic12", 64),  # 32@2x
    (b"ic13", 256),  # 128@2x
    (b"ic14", 512),  # 256@2x
)
TRAY_SIZE = 32  # logical size; the @2x file is twice that
TRAY_STATES = ("idle", "due")


def _app_id() -> str:
    sys.path.insert(0, str(ROOT))
    try:
        from desktop import APP_ID  # noqa: PLC0415 - the script runs from a checkout

        return APP_ID
    finally:
        sys.path.pop(0)


def render_png(svg: Path, size: int) -> bytes:
    """Renders `svg` into a square transparent PNG of `size` pixels."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF  # noqa: PLC0415
    from PySide6.QtGui import QImage, QPainter  # noqa: PLC0415
    from PySide6.QtSvg import QSvgRenderer  # noqa: PLC0415

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # The stubs want bytes for the format; PySide6 6.11 accepts only str at run time.
    image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())


def build_ico(pngs: Mapping[int, bytes]) -> bytes:
    """An ICO container holding one PNG per size (ICONDIR, ICONDIRENTRYs, then the images)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(sizes)
    entries = b""
    for size in sizes:
        data = pngs[size]
        dimension = 0 if size >= 256 else size  # 0 means 256 in the one-byte fields
        entries += struct.pack("<BBBBHHII", dimension, dimension, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + entries + b"".join(pngs[size] for size in sizes)


def build_icns(chunks: Iterable[tuple[bytes, bytes]]) -> bytes:
    """An ICNS container: 'icns', total length, then (type, length, data) chunks, big-endian."""
    body = b"".join(kind + struct.pack(">I", 8 + len(data)) + data for kind, data in chunks)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_bytes() == data:
        return  # leave mtimes alone so the tree stays quiet in git
    path.write_bytes(data)
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def make_icons(out_dir: Path = ICONS, app_id: str | None = None) -> None:
    app_id = app_id or _app_id()
    app_svg = ICONS / "askwhy.svg"
    wanted = set(HICOLOR_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES}
    renders = {size: render_png(app_svg, size) for size in sorted(wanted)}

    for size in HICOLOR_SIZES:
        _write(out_dir / "hicolor" / f"{size}x{size}" / "apps" / f"{app_id}.png", renders[size])
    _write(out_dir / "hicolor" / "scalable" / "apps" / f"{app_id}.svg", app_svg.read_bytes())
    _write(out_dir / "askwhy.ico", build_ico({size: renders[size] for size in ICO_SIZES}))
    _write(out_dir / "askwhy.icns", build_icns((kind, renders[size]) for kind, size in ICNS_TYPES))

    for state in TRAY_STATES:
        svg = ICONS / f"askwhy-tray-{state}.svg"
        _write(out_dir / f"askwhy-tray-{state}.png", render_png(svg, TRAY_SIZE))
        _write(out_dir / f"askwhy-tray-{state}@2x.png", render_png(svg, 2 * TRAY_SIZE))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ICONS, help="output directory")
    args = parser.parse_args(argv)
    # Rendering needs no display; the offscreen platform keeps this working over SSH and in CI.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415

    app = QGuiApplication.instance() or QGuiApplication([])
    out: Path = args.out
    make_icons(out.resolve())
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
