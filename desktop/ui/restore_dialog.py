"""Choosing a backup to put back: newest first, what each one holds, damaged ones refused.

The same dialog serves File › Restore from backup and the start-up screen of a database
that cannot be opened (then it also says what is wrong, and "Quit" replaces "Cancel").
The backups are examined off the GUI thread by the `RestoreController`, which also does
the restore; the dialog stays open, busy, until that has finished, then accepts.
"""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.store.backups import BackupCheck, Restored
from desktop.ui.list_table import list_table
from desktop.ui.restore_controller import RestoreController
from desktop.ui.screen_fit import fit_to_screen

COL_WHEN, COL_KIND, COL_SIZE, COL_APPLICATIONS, COL_STATE = range(5)
HEADERS = ("Made", "Why", "Size", "Applications", "Check")


def _size_text(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, size // 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class RestoreDialog(QDialog):
    def __init__(
        self,
        controller: RestoreController,
        tz: tzinfo,
        *,
        problem: str = "",
        aside_reason: str = "replaced",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._tz = tz
        self._aside_reason = aside_reason
        self._checks: list[BackupCheck] = []
        self._restoring = False
        self.restored: Restored | None = None
        self.setObjectName("restore_dialog")
        self.setWindowTitle("Restore from backup")
        fit_to_screen(self, QSize(720, 420))

        self._build(problem)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self._on_restore_clicked())
        controller.backups_checked.connect(self._show_checks)
        controller.checking_failed.connect(self._show_problem)
        controller.restored.connect(self._on_restored)
        controller.failed.connect(self._on_failed)
        self._set_busy(True)
        controller.check_backups()

    def _build(self, problem: str) -> None:
        layout = QVBoxLayout(self)
        if problem:
            self.problem_label = QLabel(problem)
            self.problem_label.setObjectName("problem_label")
            self.problem_label.setWordWrap(True)
            self.problem_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(self.problem_label)
        intro = QLabel(
            "Choose the backup to put back, newest first. The current file is kept next to "
            "it, renamed; nothing is deleted. Damaged backups can't be chosen."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.table = list_table("backups_table", HEADERS, stretch=COL_STATE)
        self.table.setAccessibleName("Backups, newest first")
        layout.addWidget(self.table, 1)

        self.status_label = QLabel("Checking the backups…")
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)

        self.buttons = QDialogButtonBox()
        self.restore_button = QPushButton("&Restore")
        self.restore_button.setObjectName("restore_button")
        self.restore_button.setDefault(True)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = QDialogButtonBox.StandardButton.Cancel
        self.cancel_button = self.buttons.addButton(cancel)
        if problem:
            self.cancel_button.setText("&Quit")
        layout.addWidget(self.buttons)

    # -- the list ------------------------------------------------------------------------
    def _show_checks(self, checks: object) -> None:
        assert isinstance(checks, list)
        self._checks = checks
        self.table.setRowCount(len(checks))
        for row, check in enumerate(checks):
            self._fill_row(row, check)
        good = next((row for row, check in enumerate(checks) if check.ok), None)
        if not checks:
            self.status_label.setText("There are no backups yet. Nothing was changed.")
        elif good is None:
            self.status_label.setText("Every backup is damaged; none can be restored.")
        else:
            self.status_label.setText(f"{len(checks)} backups; the newest good one is chosen.")
            self.table.selectRow(good)
            self.table.setFocus()
        self._set_busy(False)

    def _fill_row(self, row: int, check: BackupCheck) -> None:
        info = check.info
        count = "?" if check.applications is None else str(check.applications)
        cells = (
            info.created_at.astimezone(self._tz).strftime("%Y-%m-%d %H:%M"),
            info.reason.replace("-", " "),
            _size_text(info.size),
            count,
            "ok" if check.ok else check.problem,
        )
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(f"{info.path}\n{text}")
            if column in {COL_SIZE, COL_APPLICATIONS}:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if not check.ok:
                # Shown, so the user sees why the newest is not chosen, but not choosable.
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.table.setItem(row, column, item)

    def selected(self) -> BackupCheck | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        check = self._checks[rows.pop()]
        return check if check.ok else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(not self._controller.busy and self.selected() is not None)

    def _set_busy(self, busy: bool) -> None:
        """Busy checking (Cancel still works) or restoring (nothing does until it ends)."""
        self.table.setEnabled(not busy)
        self.cancel_button.setEnabled(not self._restoring)
        self._update_buttons()
        if busy:
            self.restore_button.setEnabled(False)

    # -- restoring -----------------------------------------------------------------------
    def _on_restore_clicked(self) -> None:
        check = self.selected()
        if check is None or self._controller.busy:
            return
        answer = QMessageBox.question(
            self,
            "Restore from backup",
            f"Replace the current data with the backup from {check.describe(self._tz)}?"
            " The current file is kept next to it, not deleted.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore(check.info.path)

    def restore(self, path: Path) -> None:
        self.status_label.setText(f"Restoring {path.name}…")
        self._restoring = True
        self._set_busy(True)
        self._controller.restore(path, aside_reason=self._aside_reason)

    def _on_restored(self, restored: object) -> None:
        assert isinstance(restored, Restored)
        self.restored = restored
        self._restoring = False
        self.accept()

    def _on_failed(self, message: str) -> None:
        self._restoring = False
        self._show_problem(message)
        self._controller.check_backups()  # what is on disk may have changed

    def _show_problem(self, message: str) -> None:
        self.status_label.setText(message)
        self._set_busy(False)

    def reject(self) -> None:
        if self._restoring:
            return  # a restore is under way: the dialog closes when it ends
        super().reject()
