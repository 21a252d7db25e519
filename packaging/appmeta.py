"""What the packaging reads from the package: name, version, app id, icons, data, imports.

The spec, `build.py` and the tests all use these functions, so the version in the tarball's
name, the one in Info.plist and the one `askwhy --version` prints cannot drift apart. The
package is read with `ast`, not imported, so packaging works before the app's dependencies
are importable and never runs app code at build time.

Not a package on purpose: a `packaging/__init__.py` would shadow the `packaging` library that
pip and PyInstaller import. Load this file by path (the spec adds its own folder to sys.path).
"""

from __future__ import annotations

import ast
import importlib.util
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "desktop"
RESOURCES = ROOT / "resources"
MIGRATIONS = PACKAGE / "store" / "migrations"

# The plyer backends plyer picks at run time by platform name; PyInstaller cannot see them.
PLYER_HIDDEN_IMPORTS = (
    "plyer.platforms.linux.notification",
    "plyer.platforms.win.notification",
    "plyer.platforms.macosx.notification",
)
# Alembic and SQLAlchemy load these by name: the dialect from the URL, logging.config from
# fileConfig, and the migration scripts' own imports (added from the scripts themselves).
ALEMBIC_HIDDEN_IMPORTS = (
    "sqlalchemy.dialects.sqlite",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "logging.config",
    "alembic.runtime.migration",
    "alembic.runtime.environment",
    "alembic.ddl.sqlite",
    "alembic.op",
    "alembic.context",
)
# zoneinfo falls back to the tzdata package where the OS has no zone database (Windows,
# minimal Linux images); deadlines across DST depend on it, so it ships everywhere.
TIME_ZONE_HIDDEN_IMPORTS = ("tzdata",)
# Data that ships with the source tree but not with the app.
RESOURCES_NOT_BUNDLED = ("screenshots",)

# PySide6 modules AskWhy does not use. Excluding them keeps their Python bindings and the Qt
# libraries behind them out of the bundle; `qt_excludes()` refuses to exclude one that the
# code imports, so a new import cannot silently break the frozen app.
UNUSED_QT_MODULES = (
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtBluetooth",
    "QtCharts",
    "QtConcurrent",
    "QtDataVisualization",
    "QtDesigner",
    "QtGraphs",
    "QtGraphsWidgets",
    "QtHelp",
    "QtHttpServer",
    "QtLocation",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtNetworkAuth",
    "QtNfc",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtPdf",
    "QtPdfWidgets",
    "QtPositioning",
    "QtPrintSupport",
    "QtQml",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickTest",
    "QtQuickWidgets",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialBus",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtSql",
    "QtStateMachine",
    "QtTest",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebChannel",
    "QtWebEngineCore",
    "QtWebEngineQuick",
    "QtWebEngineWidgets",
    "QtWebSockets",
    "QtWebView",
    "QtXml",
)
# Modules nothing in the app needs at run time.
# - Pygments (340 modules) is reachable only through Mako's optional syntax-highlighting
#   plugin, which Alembic never uses to migrate; the test tools put it in the build's venv.
# - multiprocessing is reachable only through concurrent.futures' process pool, which the
#   app does not use; left in, PyInstaller adds a runtime hook that imports it (and
#   subprocess) at every start, `askwhy --version` included.
OTHER_EXCLUDES = (
    "tkinter",
    "_tkinter",
    "unittest",
    "pydoc",
    "PyInstaller",
    "pytest",
    "pygments",
    "multiprocessing",
)


@dataclass(frozen=True)
class AppMeta:
    name: str
    app_id: str
    organization: str
    version: str

    @property
    def executable(self) -> str:
        return self.name.lower()


def read_metadata(init_py: Path = PACKAGE / "__init__.py") -> AppMeta:
    """Reads APP_NAME, APP_ID, ORGANIZATION and __version__ as literals from the package."""
    values: dict[str, str] = {}
    for node in ast.parse(init_py.read_text(encoding="utf-8")).body:
        match node:
            case ast.Assign(targets=[ast.Name(id=name)], value=ast.Constant(value=str(value))):
                values[name] = value
    missing = {"APP_NAME", "APP_ID", "ORGANIZATION", "__version__"} - values.keys()
    if missing:
        raise ValueError(f"{init_py} does not define {', '.join(sorted(missing))} as strings")
    return AppMeta(
        name=values["APP_NAME"],
        app_id=values["APP_ID"],
        organization=values["ORGANIZATION"],
        version=values["__version__"],
    )


def icon_for(platform: str) -> Path:
    """The icon the executable carries on `platform` (a `sys.platform` value)."""
    icons = RESOURCES / "icons"
    if platform.startswith("win"):
        return icons / "askwhy.ico"
    if platform == "darwin":
        return icons / "askwhy.icns"
    # ELF executables carry no icon; the .desktop entry and the window set it.
    return icons / "hicolor" / "256x256" / "apps" / f"{read_metadata().app_id}.png"


def data_files() -> list[tuple[str, str]]:
    """(source file, destination folder) pairs for PyInstaller's `datas`.

    `resources/` keeps its layout under `resources/` so `desktop.resources.resource_path`
    finds it below `sys._MEIPASS`. The Alembic scripts go where `desktop/store/` expects
    them, because Alembic reads env.py and the versions from files, not from the archive.
    """
    pairs: list[tuple[str, str]] = []
    for path in sorted(RESOURCES.rglob("*")):
        relative = path.relative_to(RESOURCES)
        if path.is_file() and relative.parts[0] not in RESOURCES_NOT_BUNDLED:
            pairs.append((str(path), str(Path("resources") / relative.parent)))
    if MIGRATIONS.is_dir():
        for path in sorted(MIGRATIONS.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                relative = path.relative_to(ROOT)
                pairs.append((str(path), str(relative.parent)))
    return pairs


def _imported_modules(source: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            # `from sqlalchemy.dialects import sqlite` imports a module, not a name.
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _is_module(name: str) -> bool:
    if name.split(".", maxsplit=1)[0] == PACKAGE.name:
        # The app's own modules are found by path, so no app code runs at build time.
        path = ROOT.joinpath(*name.split("."))
        return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # a parent is a module, not a package
        return False


def migration_imports() -> list[str]:
    """What the Alembic scripts import. They are data to PyInstaller, so it never sees these.

    `from X import Y` may import a module (`from alembic import op`) or a name
    (`from sqlalchemy import Column`); only real modules are kept.
    """
    if not MIGRATIONS.is_dir():
        return []
    names: set[str] = set()
    for script in MIGRATIONS.rglob("*.py"):
        names |= _imported_modules(script)
    return sorted(name for name in names if name != "__future__" and _is_module(name))


def used_qt_modules(package: Path = PACKAGE) -> set[str]:
    """The PySide6 modules the app's code imports, e.g. {"QtCore", "QtWidgets"}."""
    used: set[str] = set()
    for source in package.rglob("*.py"):
        for name in _imported_modules(source):
            parts = name.split(".")
            if parts[0] == "PySide6" and len(parts) > 1:
                used.add(parts[1])
    return used


def qt_excludes(package: Path = PACKAGE) -> list[str]:
    clash = set(UNUSED_QT_MODULES) & used_qt_modules(package)
    if clash:
        raise ValueError(
            f"the app imports {', '.join(sorted(clash))}: remove from UNUSED_QT_MODULES"
        )
    return [f"PySide6.{name}" for name in UNUSED_QT_MODULES]


def _is_root_binary(destination: str) -> bool:
    """Binaries PyInstaller collects for their own sake, not as another binary's dependency."""
    name = destination.rsplit("/", 1)[-1]
    return (
        "/plugins/" in f"/{destination}"
        or ".cpython-" in name
        or ".abi3." in name
        or "/lib-dynload/" in f"/{destination}"
        or name.startswith("libpython")
    )


def unreachable_libraries(
    binaries: Iterable[tuple[str, str, str]],
    imports_of: Callable[[str], Iterable[str]],
) -> set[str]:
    """Destinations of shared libraries no kept plugin, extension or libpython needs.

    `binaries` is PyInstaller's TOC (destination, source, typecode) after pruning plugins;
    `imports_of(source)` names the libraries a binary links. PyInstaller resolved the
    pruned plugins' dependencies before they were pruned, so those stay in the TOC unless
    they are dropped here.
    """
    entries = [(dest.replace("\\", "/"), src) for dest, src, _ in binaries]
    by_name = {dest.rsplit("/", 1)[-1]: (dest, src) for dest, src in entries}
    pending = [src for dest, src in entries if _is_root_binary(dest)]
    reached: set[str] = set()
    seen_sources: set[str] = set()
    while pending:
        source = pending.pop()
        if source in seen_sources:
            continue
        seen_sources.add(source)
        for needed in imports_of(source):
            found = by_name.get(needed.rsplit("/", 1)[-1])
            if found is not None and found[0] not in reached:
                reached.add(found[0])
                pending.append(found[1])
    return {dest for dest, _ in entries if not _is_root_binary(dest) and dest not in reached}


def uses_qt_translations(package: Path = PACKAGE) -> bool:
    """Whether the code loads Qt's own translations (then the bundle must carry them)."""
    return any(
        "QTranslator" in source.read_text(encoding="utf-8") for source in package.rglob("*.py")
    )


def command_imports(package: Path = PACKAGE) -> list[str]:
    """The command line's modules: `desktop.cli.load` imports each by name when its command
    runs, so PyInstaller never sees them imported."""
    return sorted(
        f"desktop.cli.{script.stem}"
        for script in (package / "cli").glob("*.py")
        if script.stem != "__init__"
    )


def hidden_imports() -> list[str]:
    names = [
        *PLYER_HIDDEN_IMPORTS,
        *ALEMBIC_HIDDEN_IMPORTS,
        *TIME_ZONE_HIDDEN_IMPORTS,
        *migration_imports(),
        *command_imports(),
    ]
    return list(dict.fromkeys(names))


def info_plist(meta: AppMeta) -> dict[str, object]:
    """The macOS bundle's Info.plist keys; the bundle id is the app id the code uses."""
    return {
        "CFBundleIdentifier": meta.app_id,
        "CFBundleName": meta.name,
        "CFBundleDisplayName": meta.name,
        "CFBundleExecutable": meta.executable,
        "CFBundleShortVersionString": meta.version,
        "CFBundleVersion": meta.version,
        "CFBundlePackageType": "APPL",
        "LSMinimumSystemVersion": "11.0",
        "LSApplicationCategoryType": "public.app-category.productivity",
        "NSHighResolutionCapable": True,
        "NSHumanReadableCopyright": f"© The {meta.name} developers. MIT License.",
        # A tray app whose window can be closed still needs its Dock icon to be found again,
        # so LSUIElement stays unset.
        # Notifications: macOS files them under CFBundleIdentifier, named CFBundleName. A
        # reminder ("last call") should stay until it is dealt with: alerts, not banners
        # that slide away (the user can still change it in System Settings > Notifications).
        "NSUserNotificationAlertStyle": "alert",
    }
