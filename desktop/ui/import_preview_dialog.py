"""File › Import for tables: what the file is and what will happen, before anything is written.

The dialog reads the file off the GUI thread (a `Task`, with progress), then shows:
- the detected format and encoding (or sheet, with a choice of sheet for .xlsx);
- each column and the field it becomes, editable with a combo box;
- the first rows as they will be imported;
- the duplicates that will be skipped and the rows with problems, with the reason;
- the status words no table knows, each with a stage to choose, and how to read dates like
  03/04/2025 when the file does not tell.
Every change re-plans in a Task. "Import" accepts; `table_import()` then holds the rows to
write, which the window hands to its usual import (one transaction, one undo step).
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from datetime import datetime, tzinfo
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import InvalidInput
from desktop.core.import_formats import DateOrder, Field
from desktop.core.model import Stage
from desktop.store import exchange, foreign_import
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui.tasks import Task

if TYPE_CHECKING:
    from desktop.store.database import Database
    from desktop.store.exchange import TableRow
    from desktop.store.foreign_import import ImportPlan, RawTable

PREVIEW_ROWS = 20
_NO_STAGE = "(refuse these rows)"
_DATE_CHOICES = (
    (None, "as the file tells (or refuse)"),
    (DateOrder.DAY_FIRST, "day first: 03/04 is 3 April"),
    (DateOrder.MONTH_FIRST, "month first: 03/04 is March 4"),
)


class _Progress(QObject):
    """Lives on the GUI thread; a worker's `advanced.emit` arrives here as a queued call."""

    advanced = Signal(int, int)


class ImportPreviewDialog(QDialog):
    """Signals:
    plan_ready(object): an ImportPlan was (re)computed and is shown.
    """

    plan_ready = Signal(object)

    def __init__(
        self,
        path: Path,
        database: Database,
        *,
        now: datetime,
        tz: tzinfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._path = path
        self._database = database
        self._now = now
        self._tz = tz
        self._table: RawTable | None = None
        self._plan: ImportPlan | None = None
        self._tasks: set[Task] = set()
        self._latest: Task | None = None
        self._progress = _Progress(self)
        self._field_boxes: list[QComboBox] = []
        self._status_boxes: dict[str, QComboBox] = {}
        self.setWindowTitle(f"Import {path.name}")
        fit_to_screen(self, QSize(900, 540))
        self._build()
        self._progress.advanced.connect(self._on_progress)
        self._start(sheet=None)

    # -- layout ---------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.summary = QLabel("Reading the file…")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 0)
        layout.addWidget(self.progress_bar)

        options = QHBoxLayout()
        self.sheet_box = QComboBox()
        self.sheet_box.setAccessibleName("Sheet")
        self.sheet_label = QLabel("&Sheet:")
        self.sheet_label.setBuddy(self.sheet_box)
        self.date_box = QComboBox()
        self.date_box.setAccessibleName("Dates like 03/04/2025")
        for order, label in _DATE_CHOICES:
            self.date_box.addItem(label, order)
        date_label = QLabel("&Dates like 03/04/2025:")
        date_label.setBuddy(self.date_box)
        for widget in (self.sheet_label, self.sheet_box, date_label, self.date_box):
            options.addWidget(widget)
        options.addStretch(1)
        layout.addLayout(options)

        self.tabs = QTabWidget()
        self.columns = QTableWidget(0, 3)
        self.columns.setHorizontalHeaderLabels(["Column in the file", "Becomes", "First value"])
        self.columns.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.preview = QTableWidget(0, 6)
        self.preview.setHorizontalHeaderLabels(
            ["Row", "Company", "Role", "Stage", "Applied on", "Location"]
        )
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.duplicates = QListWidget()
        self.problems = QListWidget()
        self.statuses = QWidget()
        self.status_form = QFormLayout(self.statuses)
        for table in (self.columns, self.preview):
            table.verticalHeader().setVisible(False)
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.tabs.addTab(self.columns, "&Columns")
        self.tabs.addTab(self.preview, "&Preview")
        self.tabs.addTab(self.duplicates, "D&uplicates")
        self.tabs.addTab(self.problems, "P&roblems")
        self.tabs.addTab(self.statuses, "S&tatuses")
        layout.addWidget(self.tabs, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton("&Import")
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.sheet_box.activated.connect(self._on_sheet_chosen)
        self.date_box.activated.connect(self._replan)

    # -- the work, off the GUI thread ----------------------------------------------
    def _run(self, work: Callable[[], object], done: Callable[[object], None]) -> None:
        self.import_button.setEnabled(False)
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        task = Task(work)
        self._tasks.add(task)
        self._latest = task
        task.signals.succeeded.connect(partial(self._on_done, task, done))
        task.signals.failed.connect(partial(self._on_failed, task))
        task.start()

    def _start(self, sheet: str | None) -> None:
        path, progress = self._path, self._progress.advanced.emit

        def work() -> tuple[RawTable, ImportPlan | str]:
            table = foreign_import.read_table(path.read_bytes(), path.suffix, sheet=sheet)
            # A file that reads but maps to nothing is still shown: its columns can be named.
            try:
                return table, self._compute(table, {}, {}, None, progress)
            except InvalidInput as error:
                return table, str(error)

        self._run(work, self._on_read)

    def _compute(
        self,
        table: RawTable,
        overrides: dict[str, Field],
        statuses: dict[str, Stage],
        order: DateOrder | None,
        progress: Callable[[int, int], None],
    ) -> ImportPlan:
        plan = foreign_import.plan_import(
            table,
            now=self._now,
            tz=self._tz,
            overrides=overrides,
            statuses=statuses,
            date_order=order,
            progress=progress,
        )
        return foreign_import.with_duplicates(plan, self._database)

    def _replan(self) -> None:
        table = self._table
        if table is None:
            return
        # Qt hands an enum stored as item data back as its plain value: convert it again.
        overrides = {
            header: Field(box.currentData())
            for header, box in zip(table.headers, self._field_boxes, strict=True)
        }
        statuses = {
            word: Stage(box.currentData())
            for word, box in self._status_boxes.items()
            if box.currentData() is not None
        }
        chosen = self.date_box.currentData()
        order = DateOrder(chosen) if chosen else None
        progress = self._progress.advanced.emit

        def work() -> ImportPlan:
            return self._compute(table, overrides, statuses, order, progress)

        self._run(work, self._show)

    def _on_done(self, task: Task, done: Callable[[object], None], result: object) -> None:
        self._tasks.discard(task)
        # Choices made while a plan was computed started another: only the newest counts.
        if task is self._latest:
            self.progress_bar.hide()
            done(result)

    def _on_failed(self, task: Task, message: str) -> None:
        self._tasks.discard(task)
        if task is self._latest:
            self.progress_bar.hide()
            self._refuse(message)

    def _refuse(self, message: str) -> None:
        self.summary.setText(f"<b>This file cannot be imported as it is.</b> {message}")
        self._plan = None
        self.import_button.setEnabled(False)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)

    # -- showing --------------------------------------------------------------------
    def _on_read(self, result: object) -> None:
        table, plan = typing.cast("tuple[RawTable, ImportPlan | str]", result)
        self._table = table
        self.sheet_box.clear()
        self.sheet_box.addItems(list(table.sheets))
        self.sheet_box.setCurrentText(table.sheet or "")
        self.sheet_box.setVisible(bool(table.sheets))
        self.sheet_label.setVisible(bool(table.sheets))
        self._fill_columns(table)
        if isinstance(plan, str):
            self._refuse(plan)
        else:
            self._show(plan)

    def _on_sheet_chosen(self) -> None:
        self._table = None
        self._field_boxes = []
        self._status_boxes = {}
        self._start(sheet=self.sheet_box.currentText())

    def _fill_columns(self, table: RawTable) -> None:
        _format, fields = foreign_import.column_fields(table)
        self.columns.setRowCount(len(table.headers))
        self._field_boxes = []
        first = table.rows[0][1] if table.rows else ()
        for index, (header, field) in enumerate(zip(table.headers, fields, strict=True)):
            self.columns.setItem(index, 0, QTableWidgetItem(header or "(no header)"))
            box = QComboBox()
            box.setAccessibleName(f"Field for column {header}")
            for option in Field:
                box.addItem(option.label, option)
            box.setCurrentIndex(box.findData(field))
            box.activated.connect(self._replan)
            self.columns.setCellWidget(index, 1, box)
            self._field_boxes.append(box)
            value = first[index] if index < len(first) else ""
            self.columns.setItem(index, 2, QTableWidgetItem(str(value)[:200]))
        self.columns.resizeColumnToContents(0)

    def _show(self, result: object) -> None:
        plan = typing.cast("ImportPlan", result)
        self._plan = plan
        table = plan.table
        encoding = f" · {table.encoding}" if table.encoding else ""
        fresh = len(plan.rows) - len(plan.duplicates)
        self.summary.setText(
            f"<b>{plan.format_name}</b> · {table.kind}{encoding}<br>"
            f"{plan.counts().capitalize()}. Nothing is written until you press Import."
        )
        self._fill_preview(plan.fresh_rows)
        self.duplicates.clear()
        self.duplicates.addItems(
            [f"row {plan.rows[i].line}: {plan.rows[i].company}, {plan.rows[i].role}"
             for i in sorted(plan.duplicates)]
        )  # fmt: skip
        self.problems.clear()
        self.problems.addItems([f"row {r.row}: {r.reason}" for r in plan.refused])
        self._fill_statuses(plan)
        self.tabs.setTabText(1, f"&Preview ({fresh})")
        self.tabs.setTabText(2, f"D&uplicates ({len(plan.duplicates)})")
        self.tabs.setTabText(3, f"P&roblems ({len(plan.refused)})")
        self.tabs.setTabText(4, f"S&tatuses ({len(self._status_boxes)})")
        self.import_button.setText(f"&Import {fresh}")
        self.import_button.setEnabled(fresh > 0)
        self.plan_ready.emit(plan)

    def _fill_preview(self, rows: tuple[TableRow, ...]) -> None:
        shown = rows[:PREVIEW_ROWS]
        self.preview.setRowCount(len(shown))
        for index, row in enumerate(shown):
            applied = (
                row.applied_at.astimezone(self._tz).date().isoformat() if row.applied_at else ""
            )
            cells = (str(row.line), row.company, row.role, row.stage.label, applied, row.location)
            for column, text in enumerate(cells):
                self.preview.setItem(index, column, QTableWidgetItem(text))
        self.preview.resizeColumnsToContents()

    def _fill_statuses(self, plan: ImportPlan) -> None:
        # Words already mapped keep their box (and choice); new unknown words get one.
        for word in plan.unknown_statuses:
            if word in self._status_boxes:
                continue
            box = QComboBox()
            box.setAccessibleName(f"Stage for status {word}")
            box.addItem(_NO_STAGE, None)
            for stage in Stage:
                box.addItem(stage.label, stage)
            box.activated.connect(self._replan)
            self._status_boxes[word] = box
            self.status_form.addRow(f"“{word}” ({plan.unknown_statuses[word]}):", box)

    # -- result ---------------------------------------------------------------------
    def table_import(self) -> exchange.TableImport:
        """The rows to write: the plan's rows without its duplicates (after Import)."""
        if self._plan is None:
            return exchange.TableImport(())
        return exchange.TableImport(self._plan.fresh_rows)

    def busy(self) -> bool:
        return bool(self._tasks)
