"""The generated icons: PNG sizes as named, ICO and ICNS containers that parse."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtWidgets import QApplication

from desktop import APP_ID

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk, which the format puts first."""
    assert data[:8] == PNG_MAGIC, "not a PNG"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR"
    assert length == 13
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def read_ico(data: bytes) -> dict[int, bytes]:
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1), "not an icon file"
    images: dict[int, bytes] = {}
    for index in range(count):
        entry = data[6 + 16 * index : 6 + 16 * (index + 1)]
        width, height, colours, zero, planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", entry
        )
        assert (colours, zero, planes, bits) == (0, 0, 1, 32)
        assert offset + length <= len(data)
        image = data[offset : offset + length]
        size = width or 256
        assert png_size(image) == (size, height or 256)
        images[size] = image
    return images


def read_icns(data: bytes) -> dict[bytes, bytes]:
    magic, total = struct.unpack(">4sI", data[:8])
    assert magic == b"icns"
    assert total == len(data), "the header's length is not the file's"
    chunks: dict[bytes, bytes] = {}
    position = 8
    while position < total:
        kind, length = struct.unpack(">4sI", data[position : position + 8])
        assert length > 8
        chunks[kind] = data[position + 8 : position + length]
        position += length
    assert position == total, "chunks overrun the file"
    return chunks


@pytest.mark.parametrize("size", [16, 22, 24, 32, 48, 64, 128, 256, 512])
def test_hicolor_png_has_the_size_its_folder_names(size: int) -> None:
    png = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert png_size(png.read_bytes()) == (size, size)


@pytest.mark.parametrize("state", ["idle", "due"])
def test_tray_pngs_come_in_1x_and_2x(state: str) -> None:
    assert png_size((ICONS / f"askwhy-tray-{state}.png").read_bytes()) == (32, 32)
    assert png_size((ICONS / f"askwhy-tray-{state}@2x.png").read_bytes()) == (64, 64)


def test_tray_states_look_different() -> None:
    assert (ICONS / "askwhy-tray-idle.png").read_bytes() != (
        ICONS / "askwhy-tray-due.png"
    ).read_bytes()


@pytest.mark.parametrize("name", ["askwhy.svg", "askwhy-tray-idle.svg", "askwhy-tray-due.svg"])
def test_svg_sources_are_square_svg(name: str) -> None:
    root = ET.parse(ICONS / name).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    _, _, width, height = root.attrib["viewBox"].split()
    assert width == height


def test_ico_holds_the_windows_sizes() -> None:
    images = read_ico((ICONS / "askwhy.ico").read_bytes())
    assert {16, 24, 32, 48, 256} <= images.keys()


def test_icns_holds_the_macos_sizes() -> None:
    chunks = read_icns((ICONS / "askwhy.icns").read_bytes())
    expected = {
        b"icp4": 16,
        b"icp5": 32,
        b"ic07": 128,
        b"ic08": 256,
        b"ic09": 512,
        b"ic10": 1024,
        b"ic11": 32,
        b"ic12": 64,
        b"ic13": 256,
        b"ic14": 512,
    }
    for kind, size in expected.items():
        assert kind in chunks, f"{kind!r} missing"
        assert png_size(chunks[kind]) == (size, size), kind


def test_containers_round_trip(make_icons_script: ModuleType) -> None:
    fake_png = {
        size: PNG_MAGIC + struct.pack(">I4sII", 13, b"IHDR", size, size) + bytes(5)
        for size in (16, 256)
    }
    assert read_ico(make_icons_script.build_ico(fake_png)) == fake_png
    chunks = [(b"ic07", b"a" * 10), (b"ic08", b"b")]
    assert read_icns(make_icons_script.build_icns(chunks)) == dict(chunks)


def _max_channel_difference(a: QImage, b: QImage) -> int:
    assert a.size() == b.size()
    a = a.convertToFormat(QImage.Format.Format_ARGB32)
    b = b.convertToFormat(QImage.Format.Format_ARGB32)
    if bytes(a.constBits()) == bytes(b.constBits()):
        return 0
    worst = 0
    for y in range(a.height()):
        for x in range(a.width()):
            pa, pb = a.pixelColor(x, y), b.pixelColor(x, y)
            worst = max(
                worst,
                abs(pa.red() - pb.red()),
                abs(pa.green() - pb.green()),
                abs(pa.blue() - pb.blue()),
                abs(pa.alpha() - pb.alpha()),
            )
    return worst


def test_committed_icons_are_rendered_from_the_current_svgs(
    make_icons_script: ModuleType, qapp: QApplication, tmp_path: Path
) -> None:
    """Fails when an SVG changed and `make icons` was not run (or its output not committed)."""
    make_icons_script.make_icons(tmp_path, APP_ID)
    produced = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    committed = {p.relative_to(ICONS) for p in ICONS.rglob("*") if p.is_file()}
    missing = [str(p) for p in produced if p not in committed]
    assert not missing, f"run `make icons`: {missing}"
    for relative in produced:
        if relative.suffix != ".png":
            continue
        fresh, kept = QImage(str(tmp_path / relative)), QImage(str(ICONS / relative))
        # A tolerance, not equality: another Qt patch release may anti-alias a shade apart.
        assert _max_channel_difference(fresh, kept) <= 24, f"run `make icons`: {relative}"
    # Not blank: the bubble covers a good part of the square.
    image = QImage(str(tmp_path / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png"))
    opaque = sum(image.pixelColor(x, y).alpha() > 128 for x in range(48) for y in range(48))
    assert opaque > 48 * 48 // 2


@pytest.mark.parametrize("name", ["askwhy.ico", "askwhy.icns"])
def test_qt_reads_every_image_in_the_containers(qapp: QApplication, name: str) -> None:
    """A second opinion on the hand-written containers: Qt's own ICO and ICNS readers."""
    reader = QImageReader(str(ICONS / name))
    assert reader.canRead(), reader.errorString()
    widths = []
    for index in range(reader.imageCount()):
        assert reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        assert image.width() == image.height()
        widths.append(image.width())
    assert {16, 32, 256} <= set(widths)
