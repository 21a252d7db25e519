"""OK in the rejection dialog → the request editor shown with its text rendered and painted.

    python tests/perf/rejection_to_editor.py [--runs N]

Each run clicks "Log rejection" in a real `RejectionDialog` (opened by the real
`RejectionFlow` over a real store seeded with 2,000 applications) and stops the clock when
both the body editor and the live preview have painted their text. The floor, measured in
the same process and alternating with the app: a bare PySide6 window with a line edit, a
plain-text edit and a text edit holding the same text, from construction to the same paints.

The measuring runs in a child process on the display `baseline.display_env()` provides (a
private Xvfb, or offscreen without one), because a QApplication cannot change platform once
created. Nothing asserts; the RESULT line says met or missed (target ≤ 100 ms).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import baseline

TARGET_MS = 100.0
SEEDED_APPLICATIONS = 2000


# -- the child: everything Qt happens here --------------------------------------------------


def measure(data_dir: Path, runs: int) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent, QObject  # noqa: PLC0415
    from PySide6.QtGui import QUndoStack  # noqa: PLC0415
    from PySide6.QtWidgets import (  # noqa: PLC0415
        QApplication,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
        QVBoxLayout,
        QWidget,
    )

    from desktop.core.model import Stage  # noqa: PLC0415
    from desktop.native.clipboard import QtClipboard  # noqa: PLC0415
    from desktop.native.clock import SystemClock  # noqa: PLC0415
    from desktop.store.database import open_database  # noqa: PLC0415
    from desktop.store.repository import Store  # noqa: PLC0415
    from desktop.ui.rejection_flow import RejectionFlow  # noqa: PLC0415

    app = QApplication([])

    class PaintWatch(QObject):
        """Records which of the watched widgets have painted since `watch` was called."""

        def __init__(self) -> None:
            super().__init__()
            self.pending: set[int] = set()

        def watch(self, widgets: list[QWidget]) -> None:
            self.pending = {id(widget) for widget in widgets}

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.pending.discard(id(watched))
            return False

    watcher = PaintWatch()
    app.installEventFilter(watcher)

    def wait_painted(widgets: list[QWidget], timeout: float = 10.0) -> None:
        watcher.watch(widgets)
        deadline = time.perf_counter() + timeout
        while watcher.pending and time.perf_counter() < deadline:
            QCoreApplication.processEvents()
        if watcher.pending:
            raise TimeoutError("the widgets never painted")

    database = open_database(data_dir)
    clock = SystemClock()
    store = Store(database)
    window = QWidget()
    window.resize(900, 600)
    window.show()
    baseline.settle(0.3)
    flow = RejectionFlow(store, clock, QtClipboard(), QUndoStack(window), window)
    sample_body = next(t for t in store.templates() if t.is_default).body

    def app_run(index: int) -> tuple[float, float]:
        application = store.add_application(
            f"Perf Company {index:03d}",
            "Backend Engineer",
            now=clock.now(),
            stage=Stage.INTERVIEWING,
        )
        store.add_contact(application.id, f"Dana Reyes {index}", email=f"d{index}@perf.example")
        dialog = flow.start(application.id)
        assert dialog is not None
        baseline.settle(0.2)
        started = time.perf_counter()
        dialog.ok_button.click()  # logs, closes the dialog and opens the editor, synchronously
        shown = time.perf_counter()
        (editor,) = flow.open_editors()
        wait_painted([editor.body_edit.viewport(), editor.preview.viewport()])
        painted = time.perf_counter()
        assert "Perf Company" in editor.preview.toPlainText()
        editor.close()
        baseline.settle(0.05)
        return (painted - started) * 1000, (shown - started) * 1000

    def bare_run() -> float:
        started = time.perf_counter()
        bare = QWidget()
        layout = QVBoxLayout(bare)
        subject = QLineEdit("Feedback on my Backend Engineer application")
        body = QPlainTextEdit()
        body.setPlainText(sample_body)
        preview = QTextEdit()
        preview.setPlainText(sample_body)
        for widget in (subject, body, preview):
            layout.addWidget(widget)
        bare.resize(980, 640)
        bare.show()
        wait_painted([body.viewport(), preview.viewport()])
        elapsed = (time.perf_counter() - started) * 1000
        bare.close()
        bare.deleteLater()
        baseline.settle(0.05)
        return elapsed

    app_run(-1)  # warm-up: first-use imports and font caches are start-up cost, not this path
    bare_run()
    for index in range(runs):
        if index % 2:
            bare_ms = bare_run()
            app_ms, logic_ms = app_run(index)
        else:
            app_ms, logic_ms = app_run(index)
            bare_ms = bare_run()
        record = {"app_ms": app_ms, "logic_ms": logic_ms, "bare_ms": bare_ms}
        baseline.print_run(record)
    flow.close_all()
    window.close()
    database.close()


# -- the parent: display, data, figures ------------------------------------------------------


def main() -> int:
    args = baseline.parse_args(__doc__.splitlines()[0], child=True)
    if args.child is not None:
        measure(args.child, args.runs)
        return 0
    runs = max(1, args.runs)
    with baseline.display_env() as display, baseline.scratch("rejection-editor") as root:
        env = baseline.isolated_env(display, root)
        seeded = baseline.seed(root / "data", SEEDED_APPLICATIONS)
        print(f"seeded {seeded.applications} applications in {seeded.seconds:.1f} s")
        records = baseline.run_child(__file__, root / "data", runs, env, timeout=600)
    if records is None:
        baseline.emit("rejection_to_editor", float("nan"), "ms", f"<= {TARGET_MS:.0f} ms", None)
        return 1
    app_ms = [r["app_ms"] for r in records]
    logic_ms = [r["logic_ms"] for r in records]
    bare_ms = [r["bare_ms"] for r in records]
    print(baseline.describe("OK → editor painted", app_ms, "ms"))
    print(baseline.describe("OK → editor shown (before paint)", logic_ms, "ms"))
    print(baseline.describe("bare PySide6 window painted", bare_ms, "ms"))
    median = baseline.median(app_ms)
    baseline.emit(
        "rejection_to_editor",
        median,
        "ms",
        f"<= {TARGET_MS:.0f} ms",
        median <= TARGET_MS,
        p90=round(baseline.percentile(app_ms, 90), 1),
        shown_ms=round(baseline.median(logic_ms), 1),
        bare_ms=round(baseline.median(bare_ms), 1),
        runs=len(app_ms),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
