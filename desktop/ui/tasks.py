"""Blocking work off the GUI thread, with the result delivered back on the GUI thread.

A `Task` runs one function in the global QThreadPool and emits `succeeded(result)` or
`failed(message)`; both signals cross back to the GUI thread as queued calls. The function
gets no widgets: anything it reads or writes goes through the store, which opens its own
session per call (so it is safe from a worker thread).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.core.errors import UserFacingError

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    succeeded = Signal(object)
    failed = Signal(str)


class Task(QRunnable):
    def __init__(self, work: Callable[[], object]) -> None:
        super().__init__()
        self._work = work
        self.signals = TaskSignals()
        # The caller keeps the task (and so its signals object) alive until a signal came.
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self._work()
        except UserFacingError as error:
            self.signals.failed.emit(str(error))
        except OSError as error:
            where = f" ({error.filename})" if error.filename else ""
            self.signals.failed.emit(f"{error.strerror or error}{where}")
        except Exception as error:  # a bug: keep the app alive, log it for the report
            log.exception("background task failed")
            self.signals.failed.emit(f"Something went wrong: {error!r}")
        else:
            self.signals.succeeded.emit(result)

    def start(self) -> None:
        QThreadPool.globalInstance().start(self)
