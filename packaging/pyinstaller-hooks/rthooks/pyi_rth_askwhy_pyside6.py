"""Replaces PyInstaller's PySide6 run-time hook, minus its cost for commands without Qt.

PyInstaller's own hook (pyi_rth_pyside6) imports PySide6.QtCore at every start, only to
register a qt.conf that points Qt at the bundle. That loads shiboken, libQt6Core and ICU
(about 50 ms) before `askwhy --version` or `askwhy due --json` can run, which never touch
Qt. This hook does the same set-up, but registers qt.conf right after the app first
imports PySide6.QtCore, still before any QCoreApplication exists.

It is registered for the `PySide6` module in rthooks.dat next to this folder; hook folders
named in the spec's `hookspath` take precedence over PyInstaller's built-in ones.
"""
# ruff: noqa: PLC0415 - run-time hooks import inside a function, to leave no names behind


def _askwhy_pyside6_rthook():
    import importlib.abc
    import importlib.util
    import os
    import sys

    from _pyi_rth_utils import is_macos_app_bundle, prepend_path_to_environment_variable
    from _pyi_rth_utils import qt as qt_rth_utils

    qt_rth_utils.ensure_single_qt_bindings_package("PySide6")

    if sys.platform.startswith("win"):
        qt_path = os.path.join(sys._MEIPASS, "PySide6")
    else:
        qt_path = os.path.join(sys._MEIPASS, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt_path, "plugins")
    if is_macos_app_bundle:
        resources = os.path.normpath(
            os.path.join(sys._MEIPASS, "..", "Resources", os.path.relpath(qt_path, sys._MEIPASS))
        )
        os.environ["QML2_IMPORT_PATH"] = os.pathsep.join(
            [os.path.join(resources, "qml"), os.path.join(qt_path, "qml")]
        )
    else:
        os.environ["QML2_IMPORT_PATH"] = os.path.join(qt_path, "qml")
    if sys.platform.startswith("win"):
        prepend_path_to_environment_variable(sys._MEIPASS, "PATH")
    if sys.platform == "darwin" and not is_macos_app_bundle:
        prepend_path_to_environment_variable(sys._MEIPASS, "DYLD_LIBRARY_PATH")

    class _AfterQtCore(importlib.abc.MetaPathFinder):
        """Runs the qt.conf step once PySide6.QtCore has been imported, then steps aside."""

        def find_spec(self, name, path, target=None):  # noqa: ARG002 - the finder protocol
            if name != "PySide6.QtCore":
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(name)
            if spec is None or spec.loader is None:
                return spec
            load = spec.loader.exec_module

            def exec_module(module):
                load(module)
                qt_rth_utils.create_embedded_qt_conf("PySide6", qt_path)

            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, _AfterQtCore())


_askwhy_pyside6_rthook()
del _askwhy_pyside6_rthook
