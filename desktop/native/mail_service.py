"""The mail sources while the app runs: IMAP folders watched with IDLE, maildirs and mbox
files watched by the file system, every read off the GUI thread.

- Each IMAP source has its own `IdleWatcher` thread (connect, catch up, IDLE, reconnect with
  a growing delay after a failure).
- Maildir and mbox sources are read on a one-thread pool when a `QFileSystemWatcher` sees
  their folder or file change, and at start.
- `check_now(id)` reads one source at once, on the same pool (the user asked for it).
- Every `RESCAN_MS` the list of sources is read again (a source added or removed with
  `askwhy mail` while the app runs), and the local sources are read once more in case the
  file system did not say (network file systems often don't). No loop runs faster.

Results come back as signals, delivered on the GUI thread: `found` (a list of new
`Finding`s) and `status_changed(source_id, reason)`, where "" means the source works.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QThreadPool, QTimer, Signal

from desktop.core.errors import UserFacingError
from desktop.core.mail_sources import MailSource, SourceKind
from desktop.native.mail_watch import IdleWatcher, MailChecker, MailSourceError, PasswordKeyring
from desktop.store.mail import MailStore

log = logging.getLogger(__name__)

RESCAN_MS = 5 * 60 * 1000
# Changes to a maildir come in bursts (new/ then cur/, several files): read once they settle.
SETTLE_MS = 1000


class MailService(QObject):
    found = Signal(object)  # list[Finding]
    status_changed = Signal(int, str)

    def __init__(
        self,
        store: MailStore,
        checker: MailChecker,
        passwords: PasswordKeyring,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._checker = checker
        self._passwords = passwords
        self._idle: dict[int, IdleWatcher] = {}
        self._local: dict[int, MailSource] = {}
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one local read at a time: no source read twice
        self._files = QFileSystemWatcher(self)
        self._files.directoryChanged.connect(self._on_file_changed)
        self._files.fileChanged.connect(self._on_file_changed)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._read_local)
        self._rescan = QTimer(self)
        self._rescan.setInterval(RESCAN_MS)
        self._rescan.timeout.connect(self.rescan)
        self._stopped = False

    def start(self) -> None:
        self.rescan()
        self._rescan.start()

    def rescan(self) -> None:
        """Follows the list of sources, then reads the local ones."""
        try:
            sources = {source.id: source for source in self._store.sources()}
        except UserFacingError as error:  # a locked or broken store: the next rescan retries
            log.warning("cannot read the mail sources: %s", error)
            return
        for source_id in set(self._idle) - set(sources):
            self._idle.pop(source_id).stop()
        for source in sources.values():
            if source.spec.kind is SourceKind.IMAPS and source.id not in self._idle:
                watcher = IdleWatcher(
                    source,
                    self._checker,
                    self._passwords,
                    on_found=self.found.emit,
                    on_status=self.status_changed.emit,
                    reload_source=self._store.get_source,
                )
                self._idle[source.id] = watcher
                watcher.start()
        self._local = {
            source.id: source
            for source in sources.values()
            if source.spec.kind is not SourceKind.IMAPS
        }
        self._watch_files()
        self._read_local()

    def _watch_files(self) -> None:
        wanted: set[str] = set()
        for source in self._local.values():
            path = Path(source.spec.path)
            if source.spec.kind is SourceKind.MAILDIR:
                wanted |= {str(path / "new"), str(path / "cur")}
            else:
                # The file for appends, its folder for apps that replace it when compacting.
                wanted |= {str(path), str(path.parent)}
        watched = set(self._files.files()) | set(self._files.directories())
        if watched - wanted:
            self._files.removePaths(sorted(watched - wanted))
        missing = [path for path in sorted(wanted - watched) if Path(path).exists()]
        if missing:
            self._files.addPaths(missing)

    def _on_file_changed(self, _path: str) -> None:
        self._settle.start()

    def _read_local(self) -> None:
        if self._stopped:
            return
        for source in self._local.values():
            self._pool.start(lambda source=source: self._check(source))
        # A replaced mbox file drops out of the watch: watch it again.
        self._watch_files()

    def check_now(self, source_id: int) -> None:
        """Reads one source once more, now (Settings › Mail › Check now), on the pool: the
        outcome comes as `status_changed` and `found`, like any other read. An IMAP source
        is read over a connection of its own; its IDLE watch goes on as it was."""
        if self._stopped:
            return
        try:
            source = self._store.get_source(source_id)
        except UserFacingError as error:  # removed meanwhile, or the store is locked
            self.status_changed.emit(source_id, str(error))
            return
        self._pool.start(lambda: self._check(source))

    def _check(self, source: MailSource) -> None:
        # On the pool's thread: the store opens its own session; results go out as signals.
        try:
            found = self._checker.check(source)
        except MailSourceError as error:
            self.status_changed.emit(source.id, str(error))
            return
        except Exception:  # a bug: log it for the report, keep the app and the others going
            log.exception("reading mail source #%d failed", source.id)
            return
        self.status_changed.emit(source.id, "")
        if found:
            self.found.emit(found)

    def stop(self) -> None:
        self._stopped = True
        self._rescan.stop()
        self._settle.stop()
        for watcher in self._idle.values():
            watcher.stop()
        self._idle.clear()
        self._pool.waitForDone(10_000)
