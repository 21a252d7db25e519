"""Putting a backup back while AskWhy runs, as one controlled sequence.

`desktop.app` builds one controller per data dir, before the window (which gets it in its
constructor), and `attach`es the database once it is open. A restore then runs:

1. `pausing` is emitted on the GUI thread: everything that writes on its own stops now
   (the reminder service's timer; the window closes its editors, which saves their text,
   so no autosave is pending). Connected by `desktop.app` and the window.
2. In a worker (`Task`): the Database is closed (it waits for transactions in flight and
   then opens no connection until reopened: a timer or worker that still holds it gets
   DatabaseClosed, never a fresh empty file at the path), the backup is put in place under
   the data folder's exclusive lock (`Backups.restore`), and the Database reopens with
   every open-time check.
3. `restored(Restored)` or `failed(message)` is emitted on the GUI thread; then `resumed`,
   in both cases, so the services start again on whatever file is in place.

Before the database is attached (the start-up recovery screen of a damaged database) a
restore is only step 2's middle: there is nothing to pause, close or reopen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.ui.tasks import Task

if TYPE_CHECKING:
    from desktop.store.backups import Backups, Restored
    from desktop.store.database import Database

log = logging.getLogger(__name__)


class RestoreController(QObject):
    pausing = Signal()
    restored = Signal(object)  # Restored
    failed = Signal(str)
    resumed = Signal()
    backups_checked = Signal(object)  # list[BackupCheck], newest first
    checking_failed = Signal(str)

    def __init__(
        self,
        data_dir: Path,
        now: Callable[[], datetime],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._now = now
        self._database: Database | None = None
        self._tasks: set[Task] = set()

    @property
    def _backups(self) -> Backups:
        # Imported on use: the window gets this controller before its first paint, and the
        # store (SQLAlchemy) loads only after it.
        from desktop.store.backups import Backups  # noqa: PLC0415

        return Backups(self._data_dir)

    def attach(self, database: Database) -> None:
        """The open database: from now on a restore closes and reopens it."""
        self._database = database

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def check_backups(self) -> None:
        """Examine every backup off the GUI thread (integrity checks are slow on big
        files); `backups_checked` carries them, newest first."""
        backups = self._backups
        self._run(
            lambda: list(backups.checked()), self.backups_checked.emit, self.checking_failed.emit
        )

    def restore(self, backup: Path, *, aside_reason: str = "replaced") -> None:
        """Put `backup` in place of the database (see the module docstring)."""
        if self.busy:
            self.failed.emit("A restore is already running; wait for it to finish.")
            return
        database, backups, now = self._database, self._backups, self._now()
        if database is not None:
            self.pausing.emit()

        def work() -> Restored:
            if database is None:
                return backups.restore(backup, aside_reason=aside_reason, now=now)
            database.close()
            try:
                restored = backups.restore(backup, aside_reason=aside_reason, now=now)
            except BaseException:
                database.reopen()  # the file that was there, untouched
                raise
            # With every open-time check; should that fail, its message is what the user
            # sees, and the store stays closed rather than open on a doubtful file.
            database.reopen()
            return restored

        self._run(work, self._on_restored, self._on_failed)

    def _on_restored(self, result: object) -> None:
        from desktop.store.backups import Restored  # noqa: PLC0415

        assert isinstance(result, Restored)
        log.warning("restored %s; the previous file is %s", result.backup.info.path, result.aside)
        self.restored.emit(result)
        self.resumed.emit()

    def _on_failed(self, message: str) -> None:
        log.error("restore failed: %s", message)
        self.failed.emit(message)
        self.resumed.emit()

    def _run(
        self,
        work: Callable[[], object],
        succeeded: Callable[[object], None],
        failed: Callable[[str], None],
    ) -> None:
        task = Task(work)
        self._tasks.add(task)

        def finish() -> None:
            self._tasks.discard(task)

        task.signals.succeeded.connect(finish)
        task.signals.failed.connect(finish)
        task.signals.succeeded.connect(succeeded)
        task.signals.failed.connect(failed)
        task.start()
