"""The store's change feed as a Qt signal, delivered on the thread of its receivers.

`Store.changes` calls its listeners on the thread that committed, which may be a worker
(an import, a restore, the daily backup's neighbours). A `StoreChanges` lives on the GUI
thread; its `changed` signal, emitted from the feed's callback, reaches GUI-thread slots
queued when the commit was on another thread, and at once when it was on the GUI thread
(so a view shows a change before control returns to the event loop).

Each subscriber (the window, the reminder service, the tray) owns one, so each hears
every change from the one feed, and none is told by another.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.store.changes import Change, ChangeFeed


class StoreChanges(QObject):
    changed = Signal(object)  # a desktop.store.changes.Change

    def __init__(self, feed: ChangeFeed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = feed.subscribe(self._publish)
        self.destroyed.connect(self._unsubscribe)

    def _publish(self, change: Change) -> None:
        self.changed.emit(change)

    def close(self) -> None:
        """Stop listening (the receiver is going away before this object is deleted)."""
        self._unsubscribe()
