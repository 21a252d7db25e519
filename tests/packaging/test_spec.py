"""The spec reads the package: run it against recording stand-ins for PyInstaller."""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import desktop
from desktop import cli

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "askwhy.spec"


@dataclass
class Recorded:
    """One call to a PyInstaller build target: its positional and keyword arguments."""

    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    scripts: list[Any] = field(default_factory=list)
    pure: list[Any] = field(default_factory=list)
    binaries: list[tuple[str, str, str]] = field(default_factory=list)
    datas: list[tuple[str, str, str]] = field(default_factory=list)


def run_spec() -> dict[str, list[Recorded]]:
    calls: dict[str, list[Recorded]] = {}

    def recorder(kind: str) -> Any:
        def record(*args: Any, **kwargs: Any) -> Recorded:
            result = Recorded(args, kwargs)
            calls.setdefault(kind, []).append(result)
            return result

        return record

    names = ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")
    spec_globals: dict[str, Any] = {name: recorder(name) for name in names}
    spec_globals |= {"SPECPATH": str(SPEC.parent), "__file__": str(SPEC)}
    saved_path = list(sys.path)
    try:
        exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), spec_globals)
    finally:
        sys.path[:] = saved_path
    return calls


@pytest.fixture(scope="module")
def spec_calls() -> dict[str, list[Recorded]]:
    return run_spec()


def test_metadata_is_read_from_the_package(appmeta: ModuleType) -> None:
    meta = appmeta.read_metadata()
    assert (meta.name, meta.app_id, meta.organization, meta.version) == (
        desktop.APP_NAME,
        desktop.APP_ID,
        desktop.ORGANIZATION,
        desktop.__version__,
    )


def test_read_metadata_refuses_a_package_without_a_version(
    appmeta: ModuleType, tmp_path: Path
) -> None:
    init = tmp_path / "__init__.py"
    init.write_text('APP_NAME = "X"\nAPP_ID = "a.b.X"\nORGANIZATION = "X"\n')
    with pytest.raises(ValueError, match="__version__"):
        appmeta.read_metadata(init)


def test_one_folder_build_named_after_the_package(spec_calls: dict[str, list[Recorded]]) -> None:
    (exe,) = [e for e in spec_calls["EXE"] if e.kwargs["name"] == "askwhy"]
    assert exe.kwargs["exclude_binaries"] is True  # one-folder: libraries go to COLLECT
    (collect,) = spec_calls["COLLECT"]
    assert collect.kwargs["name"] == "askwhy"
    (analysis,) = spec_calls["Analysis"]
    assert analysis.args[0] == [str(ROOT / "packaging" / "askwhy_entry.py")]


def test_our_pyside6_runtime_hook_replaces_pyinstallers(
    spec_calls: dict[str, list[Recorded]],
) -> None:
    (analysis,) = spec_calls["Analysis"]
    (hooks,) = analysis.kwargs["hookspath"]
    registered = ast.literal_eval((Path(hooks) / "rthooks.dat").read_text())
    (hook,) = registered["PySide6"]
    assert (Path(hooks) / "rthooks" / hook).is_file()


def test_data_and_hidden_imports(spec_calls: dict[str, list[Recorded]]) -> None:
    (analysis,) = spec_calls["Analysis"]
    destinations = {dest for _, dest in analysis.kwargs["datas"]}
    assert "resources" in destinations
    assert str(Path("resources/icons")) in destinations
    hidden = analysis.kwargs["hiddenimports"]
    for backend in ("linux", "win", "macosx"):
        assert f"plyer.platforms.{backend}.notification" in hidden
    assert "sqlalchemy.dialects.sqlite" in hidden
    assert "logging.config" in hidden
    assert "tzdata" in hidden
    # desktop.cli.load imports these by name, out of PyInstaller's sight.
    loaded = {*cli.COMMANDS.values(), "report_pdf"}
    assert {f"desktop.cli.{module}" for module in loaded} <= set(hidden)
    if (ROOT / "desktop/store/migrations/env.py").is_file():
        assert str(Path("desktop/store/migrations/versions")) in destinations
        assert "alembic.op" in hidden


def test_unused_qt_modules_are_excluded_and_used_ones_are_not(
    spec_calls: dict[str, list[Recorded]], appmeta: ModuleType
) -> None:
    (analysis,) = spec_calls["Analysis"]
    excludes = set(analysis.kwargs["excludes"])
    assert {"PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtWebEngineCore"} <= excludes
    for module in appmeta.used_qt_modules():
        assert f"PySide6.{module}" not in excludes


def test_excluding_a_module_the_code_imports_fails_the_build(
    appmeta: ModuleType, tmp_path: Path
) -> None:
    (tmp_path / "view.py").write_text("from PySide6.QtQuick import QQuickView\n")
    with pytest.raises(ValueError, match="QtQuick"):
        appmeta.qt_excludes(tmp_path)


@pytest.mark.parametrize(
    ("platform", "suffix"), [("win32", ".ico"), ("darwin", ".icns"), ("linux", ".png")]
)
def test_icon_per_os(appmeta: ModuleType, platform: str, suffix: str) -> None:
    icon = appmeta.icon_for(platform)
    assert icon.suffix == suffix
    assert icon.is_file()


def test_macos_bundle_id_is_the_app_id(appmeta: ModuleType) -> None:
    plist = appmeta.info_plist(appmeta.read_metadata())
    assert plist["CFBundleIdentifier"] == desktop.APP_ID
    assert plist["CFBundleShortVersionString"] == desktop.__version__
    assert plist["CFBundleExecutable"] == "askwhy"


def test_tarball_name_carries_version_and_arch(
    build_script: ModuleType, appmeta: ModuleType
) -> None:
    name = build_script.tarball_name(appmeta.read_metadata(), "x86_64")
    assert name == f"askwhy-{desktop.__version__}-linux-x86_64"


def test_libraries_only_pruned_plugins_needed_are_dropped(appmeta: ModuleType) -> None:
    links = {
        "/qt/plugins/platforms/libqxcb.so": ["libQt6XcbQpa.so.6", "libc.so.6"],
        "/qt/lib/libQt6XcbQpa.so.6": ["libX11.so.6"],
        "/usr/lib/libX11.so.6": [],
        "/usr/lib/libcairo.so.2": ["libpixman-1.so.0"],  # the GTK theme's, pruned
        "/usr/lib/libpixman-1.so.0": [],
        "/py/_sqlite3.cpython-311-x86_64-linux-gnu.so": ["libsqlite3.so.0"],
        "/usr/lib/libsqlite3.so.0": [],
    }
    binaries = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/qt/plugins/platforms/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/qt/lib/libQt6XcbQpa.so.6", "BINARY"),
        ("libX11.so.6", "/usr/lib/libX11.so.6", "BINARY"),
        ("libcairo.so.2", "/usr/lib/libcairo.so.2", "BINARY"),
        ("libpixman-1.so.0", "/usr/lib/libpixman-1.so.0", "BINARY"),
        (
            "python3.11/lib-dynload/_sqlite3.cpython-311-x86_64-linux-gnu.so",
            "/py/_sqlite3.cpython-311-x86_64-linux-gnu.so",
            "EXTENSION",
        ),
        ("libsqlite3.so.0", "/usr/lib/libsqlite3.so.0", "BINARY"),
    ]
    orphans = appmeta.unreachable_libraries(binaries, links.__getitem__)
    assert orphans == {"libcairo.so.2", "libpixman-1.so.0"}
