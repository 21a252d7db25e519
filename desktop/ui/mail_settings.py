"""Settings › Mail: the mail sources AskWhy reads, how each is doing, and Add, Remove and
Check now. What is done here applies at once (it is not part of the dialog's Save).

Adding and removing go through `native.mail_setup`, as `askwhy mail add|remove` do: the
IMAP password goes to the system keyring and nowhere else, and leaves it with the source.
The blocking steps (reading a maildir, the IMAP login that proves the source works, the
keyring) run in a `Task`; the running `MailService` is then told to follow the list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import UserFacingError
from desktop.core.mail_sources import Finding, MailSource, SourceKind, parse_source
from desktop.native.clock import Clock
from desktop.native.mail_service import MailService
from desktop.native.mail_setup import (
    MAX_PASSWORD_CHARS,
    check_ca_file,
    prepare_source,
    remove_source,
    save_source,
)
from desktop.native.mail_watch import PasswordKeyring
from desktop.store.mail import MailStore
from desktop.ui.forms import ErrorLabel
from desktop.ui.list_table import list_table
from desktop.ui.mail_found import source_state
from desktop.ui.tasks import Task

KIND_LABELS = {
    SourceKind.MAILDIR: "Maildir folder",
    SourceKind.MBOX: "mbox file",
    SourceKind.IMAPS: "IMAP account (TLS)",
}
_WHERE_HINTS = {
    SourceKind.MAILDIR: "~/Mail/inbox (the folder holding cur and new)",
    SourceKind.MBOX: "~/.thunderbird/…/Inbox",
    SourceKind.IMAPS: "USER@HOST[:PORT][/FOLDER]",
}


@dataclass(frozen=True, slots=True)
class MailSetup:
    """What Settings › Mail works with: the running service, the mail tables, the keyring."""

    service: MailService
    store: MailStore
    passwords: PasswordKeyring
    clock: Clock


class AddSourceDialog(QDialog):
    """Where the mail is, and for IMAP the password and an optional CA file. Add checks the
    source off the GUI thread (an IMAP source logs in once) and records it; `source` is set
    when the dialog is accepted."""

    def __init__(self, setup: MailSetup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup = setup
        self._task: Task | None = None  # kept alive until it answered
        self.source: MailSource | None = None
        self.setObjectName("add_mail_source")
        self.setWindowTitle("Add a mail source")
        self._build()
        self._on_kind_chosen()
        self.add_button.setDefault(True)

    def _build(self) -> None:
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kind_combo")
        for kind, label in KIND_LABELS.items():
            self.kind_combo.addItem(label, kind.value)
        self.where_edit = QLineEdit()
        self.where_edit.setObjectName("where_edit")
        self.browse_button = QPushButton("&Browse…")
        self.browse_button.setObjectName("browse_button")
        where_row = QHBoxLayout()
        where_row.addWidget(self.where_edit, 1)
        where_row.addWidget(self.browse_button)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setMaxLength(MAX_PASSWORD_CHARS)
        self.ca_edit = QLineEdit()
        self.ca_edit.setObjectName("ca_edit")
        self.ca_edit.setPlaceholderText("only for a self-hosted server")
        self.ca_button = QPushButton("Choo&se…")
        self.ca_button.setObjectName("ca_button")
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(self.ca_button)
        self.note = QLabel()
        self.note.setObjectName("add_note")
        self.note.setWordWrap(True)
        self.error = ErrorLabel("add_error")

        form = QFormLayout()
        form.addRow("&Kind", self.kind_combo)
        form.addRow("&Where", where_row)
        form.addRow("&Password", self.password_edit)
        form.addRow("&CA certificate", ca_row)
        self._form = form
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = buttons.addButton("&Add", QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setObjectName("add_button")
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self.kind_combo.currentIndexChanged.connect(self._on_kind_chosen)
        self.browse_button.clicked.connect(self._browse)
        self.ca_button.clicked.connect(self._choose_ca_file)
        self.add_button.clicked.connect(self.add)
        buttons.rejected.connect(self.reject)

    def kind(self) -> SourceKind:
        return SourceKind(self.kind_combo.currentData())

    def _on_kind_chosen(self) -> None:
        imap = self.kind() is SourceKind.IMAPS
        self.where_edit.setPlaceholderText(_WHERE_HINTS[self.kind()])
        self.browse_button.setVisible(not imap)
        for row in (2, 3):  # the password and the CA file: IMAP only
            self._form.setRowVisible(row, imap)
        self.note.setText(
            "AskWhy logs in once now to check the account. The password is kept in the "
            "system keyring only."
            if imap
            else "Only mail that arrives from now on is read."
        )

    def _browse(self) -> None:
        if self.kind() is SourceKind.MAILDIR:
            path = QFileDialog.getExistingDirectory(self, "The maildir folder")
        else:
            path, _filter = QFileDialog.getOpenFileName(self, "The mbox file")
        if path:
            self.where_edit.setText(path)

    def _choose_ca_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, "The server's CA certificate", "", "Certificates (*.pem *.crt);;All files (*)"
        )
        if path:
            self.ca_edit.setText(path)

    def add(self) -> None:
        """Checks what can be checked at once, then the rest off the GUI thread."""
        kind = self.kind()
        where = self.where_edit.text().strip()
        try:
            if kind is SourceKind.IMAPS:
                spec = parse_source(f"imaps://{where.removeprefix('imaps://')}")
                ca_file = check_ca_file(spec, self.ca_edit.text().strip())
            else:
                spec, ca_file = parse_source(f"{kind.value}:{where}"), ""
        except UserFacingError as error:
            self.error.show_error(str(error))
            return
        password = self.password_edit.text() if kind is SourceKind.IMAPS else ""
        setup = self._setup

        def work() -> MailSource:
            if password:
                setup.passwords.check_available()  # before a login for a password it can't keep
            new = prepare_source(spec, password=password, ca_file=ca_file)
            return save_source(setup.store, setup.passwords, new, now=setup.clock.now())

        self.error.show_error("")
        self._set_busy(True)
        task = Task(work)
        task.signals.succeeded.connect(self._on_added)
        task.signals.failed.connect(self._on_failed)
        self._task = task
        task.start()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.kind_combo, self.where_edit, self.password_edit, self.ca_edit):
            widget.setEnabled(not busy)
        for button in (self.browse_button, self.ca_button, self.add_button, self.cancel_button):
            button.setEnabled(not busy)
        if busy:
            self.note.setText("Checking the source…")
        else:
            self._on_kind_chosen()

    def _on_added(self, source: object) -> None:
        assert isinstance(source, MailSource)
        self._task = None
        self.source = source
        self.password_edit.clear()
        self.accept()

    def _on_failed(self, message: str) -> None:
        self._task = None
        self._set_busy(False)
        self.error.show_error(message)

    def reject(self) -> None:
        # While the check runs, its outcome is on its way: the user sees it, then decides.
        if self._task is None:
            super().reject()


class MailPage(QWidget):
    """The list of sources with their state; Add…, Remove and Check now.

    Signals: `sources_changed` after a source was added or removed (the service has been
    told already)."""

    sources_changed = Signal()
    SOURCE, STATE = range(2)

    def __init__(self, setup: MailSetup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup = setup
        self._tasks: set[Task] = set()
        self._checking: set[int] = set()
        self.sources: list[MailSource] = []
        self.add_dialog: AddSourceDialog | None = None
        self.remove_box: QMessageBox | None = None
        self.setObjectName("mail_page")

        intro = QLabel(
            "AskWhy reads the new mail in these sources for rejections, on this machine, and "
            "never sends anything. Changes here apply at once."
        )
        intro.setWordWrap(True)
        self.table = list_table("mail_sources_table", ["Source", "State"], stretch=self.STATE)
        # A source can be a long path: its column starts wide and the user can resize it.
        self.table.horizontalHeader().setSectionResizeMode(
            self.SOURCE, QHeaderView.ResizeMode.Interactive
        )
        self.table.setColumnWidth(self.SOURCE, 300)
        self.add_button = QPushButton("&Add…")
        self.add_button.setObjectName("add_source_button")
        self.remove_button = QPushButton("&Remove")
        self.remove_button.setObjectName("remove_source_button")
        self.check_button = QPushButton("Check &now")
        self.check_button.setObjectName("check_source_button")
        row = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.check_button):
            row.addWidget(button)
        row.addStretch(1)
        self.message = QLabel()
        self.message.setObjectName("mail_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # a server's words: text
        self.error = ErrorLabel("mail_error")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.error)

        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)
        self.check_button.clicked.connect(self.check_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        setup.service.status_changed.connect(self._on_status)
        setup.service.found.connect(self._on_found)
        self.reload()

    def reload(self) -> None:
        selected = self.selected()
        try:
            self.sources = self._setup.store.sources()
        except UserFacingError as error:
            self.sources = []
            self.error.show_error(str(error))
        tz = self._setup.clock.local_tz()
        self.table.setRowCount(len(self.sources))
        for index, source in enumerate(self.sources):
            for column, text in (
                (self.SOURCE, source.spec.location),
                (self.STATE, source_state(source, tz)),
            ):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(index, column, cell)
            if selected is not None and source.id == selected.id:
                self.table.selectRow(index)
        if self.sources and self.selected() is None:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> MailSource | None:
        rows = self.table.selectionModel().selectedRows()
        index = rows[0].row() if rows else -1
        return self.sources[index] if 0 <= index < len(self.sources) else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.remove_button.setEnabled(chosen)
        self.check_button.setEnabled(chosen)

    def _say(self, message: str) -> None:
        self.error.show_error("")
        self.message.setText(message)

    # -- add -------------------------------------------------------------------------
    def add(self) -> AddSourceDialog:
        dialog = AddSourceDialog(self._setup, self)
        dialog.accepted.connect(partial(self._on_added, dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.add_dialog = dialog
        dialog.open()
        return dialog

    def _on_added(self, dialog: AddSourceDialog) -> None:
        self.add_dialog = None
        source = dialog.source
        assert source is not None
        self._followed()
        self._say(
            f"Added #{source.id}: {source.spec.location}. Only mail that arrives from now on "
            "is read."
        )

    def _followed(self) -> None:
        """The service follows the new list (starts or stops watching), and so does this."""
        self._setup.service.rescan()
        self.reload()
        self.sources_changed.emit()

    # -- remove ----------------------------------------------------------------------
    def remove_selected(self) -> None:
        source = self.selected()
        if source is None:
            return
        forgets = " and its password in the keyring" if source.spec.kind is SourceKind.IMAPS else ""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Remove the mail source?",
            f"AskWhy stops reading {source.spec.location} and forgets what it found there "
            f"(not yet logged){forgets}. Your mail itself is not touched.",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.addButton("Remove", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(partial(self._on_remove_answered, box, source))
        box.finished.connect(box.deleteLater)
        self.remove_box = box
        box.open()

    def _on_remove_answered(
        self, box: QMessageBox, source: MailSource, button: QAbstractButton
    ) -> None:
        self.remove_box = None
        if box.buttonRole(button) is not QMessageBox.ButtonRole.DestructiveRole:
            return
        setup = self._setup
        self._run(
            lambda: remove_source(setup.store, setup.passwords, source.id),
            lambda _removed: self._on_removed(source),
        )

    def _on_removed(self, source: MailSource) -> None:
        self._followed()
        self._say(f"Removed #{source.id}: {source.spec.location}.")

    def _run(self, work: Callable[[], object], done: Callable[[object], None]) -> None:
        """`work` off the GUI thread; `done` with its result, or its error shown."""
        task = Task(work)
        self._tasks.add(task)
        self.remove_button.setEnabled(False)

        task.signals.succeeded.connect(partial(self._on_done, task, done))
        task.signals.failed.connect(partial(self._on_failed, task))
        task.start()

    def _on_done(self, task: Task, done: Callable[[object], None], result: object) -> None:
        self._tasks.discard(task)
        self._update_buttons()
        done(result)

    def _on_failed(self, task: Task, message: str) -> None:
        self._tasks.discard(task)
        self._update_buttons()
        self.error.show_error(message)

    # -- check now -------------------------------------------------------------------
    def check_selected(self) -> None:
        source = self.selected()
        if source is None:
            return
        self._checking.add(source.id)
        self._say(f"Checking #{source.id}…")
        self._setup.service.check_now(source.id)

    def _on_status(self, source_id: int, reason: str) -> None:
        self.reload()
        if source_id not in self._checking:
            return
        self._checking.discard(source_id)
        if reason:
            self.error.show_error(f"#{source_id} cannot be read: {reason}")
            self.message.setText("")
        else:
            self._say(f"#{source_id} works: its new mail was read.")

    def _on_found(self, found: object) -> None:
        assert isinstance(found, list)
        findings = [item for item in found if isinstance(item, Finding)]
        if findings:
            self._say(
                f"{len(findings)} rejection(s) found in your mail: see View › From your mail."
            )
