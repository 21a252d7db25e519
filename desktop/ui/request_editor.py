"""The request editor: the "why wasn't I selected?" message, ready to send in seconds.

One non-modal window per follow-up request. The user edits the subject and the body as
template text (placeholders allowed), sees a live preview with every merge field coloured
by state, and sends it without giving AskWhy an account: copy to the clipboard, open a
`mailto:` link, or save an `.eml` draft. Then mark it sent (or skip it, or snooze it): each
is a command on the window's one undo stack, so the Undo here and Edit › Undo in the main
window are the same history, and an undo from either re-reads the request here.

The recipient is chosen here too, from the application's contacts or added on the spot (one
undoable step); the draft, its `To` and its greeting follow whoever it is to.

Edits are saved as they are typed (debounced), so closing the window never loses text.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QKeySequence,
    QTextCursor,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core import validation
from desktop.core.drafts import (
    Draft,
    choose_template,
    compose,
    describe_unresolved,
    starting_text,
)
from desktop.core.errors import UserFacingError
from desktop.core.mailto import MAILTO_LIMIT, mailto_fits
from desktop.core.model import (
    Contact,
    FollowUpRequest,
    RequestContext,
    RequestKind,
    RequestStatus,
    Template,
)
from desktop.core.reminders import SnoozeChoice, snooze_until
from desktop.core.stages import before_human_contact
from desktop.core.templates import check, merge_values
from desktop.core.timefmt import format_countdown, format_local
from desktop.core.user_text import isolate
from desktop.native.clipboard import Clipboard
from desktop.native.clock import Clock
from desktop.store.errors import NotFound
from desktop.store.files import write_atomically
from desktop.ui import undo_commands
from desktop.ui.forms import ErrorLabel, problem
from desktop.ui.screen_fit import fit_to_screen, is_short_screen
from desktop.ui.template_highlighter import (
    PreviewPart,
    TemplateHighlighter,
    format_preview,
)
from desktop.ui.theme import SPACING
from desktop.ui.undo_commands import AddContactCommand, ChooseRecipientCommand, RequestCommand

if TYPE_CHECKING:
    from desktop.store.repository import Store

log = logging.getLogger(__name__)

# Long enough to batch a burst of typing into one write, short enough that a crash
# loses at most a word or two.
SAVE_DELAY_MS = 600
# The countdown shows minutes; refreshing twice a minute keeps it within one minute of true.
COUNTDOWN_INTERVAL_MS = 30_000
CONFIRMATION_MS = 8_000

KIND_TITLES: dict[RequestKind, str] = {
    RequestKind.FEEDBACK: "Feedback request",
    RequestKind.THANK_YOU: "Thank-you note",
    RequestKind.CHECK_IN: "Check-in",
    RequestKind.STAY_IN_TOUCH: "Stay-in-touch note",
    RequestKind.CLOSING_NOTE: "Closing note",
}

# Wide enough for "Dana Reyes · dana.reyes@acme.example" without growing with the names.
RECIPIENT_CHARS = 28
NOBODY = "Nobody yet"

# (parent, caption, suggested path, filter) -> the chosen path, or "" when cancelled.
SaveFileChooser = Callable[[QWidget, str, str, str], str]
UrlOpener = Callable[[QUrl], bool]


def qt_save_file_chooser(parent: QWidget, caption: str, suggested: str, filters: str) -> str:
    path, _selected = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    return path


def qt_url_opener(url: QUrl) -> bool:
    return QDesktopServices.openUrl(url)


def slug(text: str) -> str:
    """A file-name-safe version of `text`: letters and digits (any script), dashes between."""
    cleaned = re.sub(r"[^\w]+", "-", text.casefold()).replace("_", "-")
    return re.sub(r"-{2,}", "-", cleaned).strip("-")


def default_eml_name(company: str, role: str) -> str:
    stem = "-".join(part for part in (slug(company), slug(role)) if part) or "request"
    return f"{stem[:80]}.eml"


class NewContactDialog(QDialog):
    """Someone to send the request to: a name and an address, checked as they are typed by
    the rules the store applies when the contact is written."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new_contact_dialog")
        self.setWindowTitle("Add a contact")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("new_contact_name")
        self.email_edit = QLineEdit()
        self.email_edit.setObjectName("new_contact_email")
        self.error_label = ErrorLabel("new_contact_error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("&Add and send to them")
        form = QFormLayout(self)
        form.addRow("&Name", self.name_edit)
        form.addRow("&Email", self.email_edit)
        form.addRow(self.error_label)
        form.addRow(self.buttons)
        self.name_edit.textChanged.connect(self._validate)
        self.email_edit.textChanged.connect(self._validate)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._validate()

    def _validate(self) -> None:
        name, email = self.name_edit.text(), self.email_edit.text()
        found = problem(validation.PERSON_NAME.clean, name) or problem(
            validation.clean_email, email
        )
        self.error_label.show_error(found)
        # Someone with neither a name nor an address is no one to write to.
        self.ok_button.setEnabled(not found and bool(name.strip() or email.strip()))

    def contact(self, application_id: int) -> Contact:
        """The new contact as typed; the store cleans it again when it is written."""
        return Contact(0, application_id, self.name_edit.text(), self.email_edit.text())


class RequestEditor(QMainWindow):
    """Edit, send and close one follow-up request.

    A main window of its own (not a bare QWidget with the Window flag), so a screen reader
    is told it is a window ("frame"), not a "filler".

    Signals:
        closed(request_id): the window was closed (its timers are stopped).
        lesson_requested(request_id): the user wants to log the reply.
    """

    closed = Signal(int)
    lesson_requested = Signal(int)

    def __init__(
        self,
        store: Store,
        clock: Clock,
        clipboard: Clipboard,
        request_id: int,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack,
        url_opener: UrlOpener | None = None,
        save_file_chooser: SaveFileChooser | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self._clipboard = clipboard
        self._open_url = url_opener or qt_url_opener
        self._choose_save_file = save_file_chooser or qt_save_file_chooser
        self.request_id = request_id
        self._context: RequestContext = store.request_context(request_id)
        self._request: FollowUpRequest = self._context.request
        self._values = merge_values(self._context, clock.local_tz())
        self._templates: list[Template] = store.templates(self._request.kind)
        self._pristine: tuple[str, str] = ("", "")
        self._draft: Draft = compose(self._context, self._values, "", "")
        self._undo_stack = undo_stack
        self._gone = False  # the request was deleted (its rejection undone): nothing to save
        self.warning_box: QMessageBox | None = None
        self.replace_box: QMessageBox | None = None  # "Replace your text?", while it asks
        self.setObjectName("request_editor")

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._countdown_timer = QTimer(self)
        self._countdown_timer.setInterval(COUNTDOWN_INTERVAL_MS)
        self._confirmation_timer = QTimer(self)
        self._confirmation_timer.setSingleShot(True)
        self._confirmation_timer.setInterval(CONFIRMATION_MS)

        self._build()
        self._load_text()
        self._connect()
        self._refresh_preview()
        self._apply_status()
        self.refresh_countdown()
        self._countdown_timer.start()

    # -- building ------------------------------------------------------------------
    def _build(self) -> None:
        app = self._context.application
        kind_title = KIND_TITLES.get(self._request.kind, "Follow-up")
        self.setWindowTitle(f"{kind_title} — {isolate(app.company)}, {isolate(app.role)}")
        fit_to_screen(self, QSize(980, 640))

        self._build_header()
        splitter = self._build_text()
        self._build_buttons()
        self._lay_out(splitter)
        self._build_actions()

    def _build_header(self) -> None:
        self.automated_banner = QFrame()
        self.automated_banner.setObjectName("automated_banner")
        self.automated_banner.setFrameShape(QFrame.Shape.StyledPanel)
        banner_layout = QHBoxLayout(self.automated_banner)
        banner_text = QLabel(
            "This rejection came before anyone at the company spoke with you — most likely "
            "an automated message. There may be no one to ask."
        )
        banner_text.setWordWrap(True)
        self.banner_skip_button = QPushButton("Skip this request")
        self.banner_skip_button.setObjectName("banner_skip_button")
        self.banner_skip_button.setToolTip("Skip this request (Ctrl+K, like the Skip button)")
        banner_layout.addWidget(banner_text, 1)
        banner_layout.addWidget(self.banner_skip_button)

        self.countdown_label = QLabel()
        self.countdown_label.setObjectName("countdown_label")
        font = self.countdown_label.font()
        font.setBold(True)
        self.countdown_label.setFont(font)
        self.recipient_combo = QComboBox()
        self.recipient_combo.setObjectName("recipient_combo")
        self.recipient_combo.setAccessibleName("Recipient")
        # Sized by a fixed length, not by the longest contact, so a long name can't push
        # the window past a small screen; the full text is in the tooltip.
        self.recipient_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.recipient_combo.setMinimumContentsLength(RECIPIENT_CHARS)
        self.recipient_label = QLabel("Rec&ipient")
        self.recipient_label.setBuddy(self.recipient_combo)
        self.add_contact_button = QPushButton("&Add contact…")
        self.add_contact_button.setObjectName("add_contact_button")
        self.add_contact_button.setToolTip(
            "Add someone at the company to this application and send the request to them"
        )
        self.new_contact_dialog: NewContactDialog | None = None  # while it asks
        self._contacts: dict[int, Contact] = {}  # the recipient box's, by id
        self._fill_recipients()

    def _build_text(self) -> QSplitter:
        self.template_combo = QComboBox()
        self.template_combo.setObjectName("template_combo")
        for template in self._templates:
            label = f"{template.name} (default)" if template.is_default else template.name
            self.template_combo.addItem(label, template.id)
        self.subject_edit = QLineEdit()
        self.subject_edit.setObjectName("subject_edit")
        self.body_edit = QPlainTextEdit()
        self.body_edit.setObjectName("body_edit")
        self.body_edit.setTabChangesFocus(True)
        self.body_highlighter = TemplateHighlighter(self.body_edit.document())

        self.preview = QTextEdit()
        self.preview.setObjectName("preview")
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("Preview of the message as it will be sent")
        self.problems_list = QListWidget()
        self.problems_list.setObjectName("problems_list")
        self.problems_list.setMaximumHeight(96)
        self.problems_list.setAccessibleName("Problems to fix before sending")

        form = QFormLayout()
        form.addRow("&Template", self.template_combo)
        form.addRow("Su&bject", self.subject_edit)
        source = QWidget()
        source_layout = QVBoxLayout(source)
        source_layout.setContentsMargins(0, 0, 0, 0)
        source_layout.addLayout(form)
        body_label = QLabel("B&ody")
        body_label.setBuddy(self.body_edit)
        source_layout.addWidget(body_label)
        source_layout.addWidget(self.body_edit, 1)
        preview_box = QWidget()
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(QLabel("Preview"))
        preview_layout.addWidget(self.preview, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(source)
        splitter.addWidget(preview_box)
        splitter.setChildrenCollapsible(False)

        return splitter

    def _build_buttons(self) -> None:
        self.copy_subject_button = QPushButton("Copy &subject")
        self.copy_subject_button.setObjectName("copy_subject_button")
        self.copy_body_button = QPushButton("Copy bod&y")
        self.copy_body_button.setObjectName("copy_body_button")
        self.copy_both_button = QPushButton("&Copy both")
        self.copy_both_button.setObjectName("copy_both_button")
        self.mail_button = QPushButton("Open in &mail app")
        self.mail_button.setObjectName("mail_button")
        self.eml_button = QPushButton("Save as .&eml…")
        self.eml_button.setObjectName("eml_button")
        self.snooze_button = QToolButton()
        self.snooze_button.setObjectName("snooze_button")
        self.snooze_button.setText("Snoo&ze")
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.snooze_menu = QMenu(self.snooze_button)
        for choice in SnoozeChoice:
            action = self.snooze_menu.addAction(choice.label)
            action.setObjectName(f"snooze_{choice.value}")
            action.triggered.connect(functools.partial(self.snooze, choice))
        self.snooze_button.setMenu(self.snooze_menu)
        self.skip_button = QPushButton("S&kip")
        self.skip_button.setObjectName("skip_button")
        self.sent_button = QPushButton("Mark se&nt")
        self.sent_button.setObjectName("sent_button")
        self.reopen_button = QPushButton("&Reopen")
        self.reopen_button.setObjectName("reopen_button")
        self.lesson_button = QPushButton("&Log reply…")
        self.lesson_button.setObjectName("lesson_button")

        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        self.status_label.setAccessibleName("Last action")
        # The window's undo, shown here: it names what it undoes ("Undo Mark sent").
        self.undo_action = self._undo_stack.createUndoAction(self, "&Undo")
        self.undo_button = QToolButton()
        self.undo_button.setObjectName("undo_button")
        self.undo_button.setDefaultAction(self.undo_action)

    def _lay_out(self, splitter: QSplitter) -> None:
        send_row = QHBoxLayout()
        for button in (
            self.copy_subject_button,
            self.copy_body_button,
            self.copy_both_button,
            self.mail_button,
            self.eml_button,
        ):
            send_row.addWidget(button)
        send_row.addStretch(1)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.undo_button)
        status_row.addWidget(self.reopen_button)
        status_row.addWidget(self.lesson_button)
        status_row.addWidget(self.snooze_button)
        status_row.addWidget(self.skip_button)
        status_row.addWidget(self.sent_button)
        header = QHBoxLayout()
        header.addWidget(self.countdown_label, 1)
        header.addWidget(self.recipient_label)
        header.addWidget(self.recipient_combo)
        header.addWidget(self.add_contact_button)

        central = QWidget()
        layout = QVBoxLayout(central)
        self.setCentralWidget(central)
        layout.addWidget(self.automated_banner)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)
        problems_heading = QLabel("Problems")
        layout.addWidget(problems_heading)
        layout.addWidget(self.problems_list)
        if is_short_screen(self):
            # Compact: on a short screen the text gets the height; two problem lines
            # (the list scrolls, and the accessible name says what it is) are enough.
            problems_heading.hide()
            row_height = self.problems_list.fontMetrics().height() + SPACING
            self.problems_list.setMaximumHeight(
                2 * row_height + 2 * self.problems_list.frameWidth()
            )
        layout.addLayout(send_row)
        layout.addLayout(status_row)

    def _build_actions(self) -> None:
        self._actions: dict[str, QAction] = {}
        for name, keys, handler in (
            ("copy_both", ("Ctrl+Shift+C",), self.copy_both),
            ("copy_subject", ("Ctrl+Shift+U",), self.copy_subject),
            ("copy_body", ("Ctrl+Shift+B",), self.copy_body),
            ("open_mail", ("Ctrl+Shift+M",), self.open_in_mail_app),
            ("save_eml", ("Ctrl+Shift+E",), self.save_as_eml),
            ("mark_sent", ("Ctrl+Return", "Ctrl+Enter"), self.mark_sent),
            # As in the rejection dialog's "Log and skip": one key for skipping everywhere.
            ("skip", ("Ctrl+K",), self.skip),
            ("close", ("Escape",), self.close),
        ):
            action = QAction(self)
            action.setObjectName(f"{name}_action")
            action.setShortcuts([QKeySequence(key) for key in keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(handler)
            self.addAction(action)
            self._actions[name] = action
        for button, action_name in (
            (self.copy_both_button, "copy_both"),
            (self.copy_subject_button, "copy_subject"),
            (self.copy_body_button, "copy_body"),
            (self.mail_button, "open_mail"),
            (self.eml_button, "save_eml"),
            (self.sent_button, "mark_sent"),
            (self.skip_button, "skip"),
        ):
            shortcut = self._actions[action_name].shortcut()
            shown = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{button.text().replace('&', '')} ({shown})")

    def _connect(self) -> None:
        self.subject_edit.textChanged.connect(self._on_text_edited)
        self.body_edit.textChanged.connect(self._on_text_edited)
        self.template_combo.activated.connect(self._on_template_chosen)
        self.recipient_combo.activated.connect(self._on_recipient_chosen)
        self.add_contact_button.clicked.connect(self.ask_new_contact)
        self.problems_list.itemActivated.connect(self._go_to_problem)
        self.problems_list.itemClicked.connect(self._go_to_problem)
        self.copy_subject_button.clicked.connect(self.copy_subject)
        self.copy_body_button.clicked.connect(self.copy_body)
        self.copy_both_button.clicked.connect(self.copy_both)
        self.mail_button.clicked.connect(self.open_in_mail_app)
        self.eml_button.clicked.connect(self.save_as_eml)
        self.sent_button.clicked.connect(self.mark_sent)
        self.skip_button.clicked.connect(self.skip)
        self.banner_skip_button.clicked.connect(self.skip)
        self.reopen_button.clicked.connect(self.reopen)
        self.lesson_button.clicked.connect(self._request_lesson)
        self._undo_stack.indexChanged.connect(self._on_history_moved)
        self._save_timer.timeout.connect(self.flush_pending_save)
        self._countdown_timer.timeout.connect(self.refresh_countdown)
        self._confirmation_timer.timeout.connect(self._clear_confirmation)

    # -- recipient -----------------------------------------------------------------
    def _fill_recipients(self) -> None:
        """The application's contacts to choose from, the request's own one current."""
        combo = self.recipient_combo
        combo.clear()
        combo.addItem(NOBODY, None)
        try:
            contacts = self._store.contacts(self._context.application.id)
        except UserFacingError as error:
            log.warning("contacts not read for the recipient list: %s", error)
            contacts = [] if self._context.contact is None else [self._context.contact]
        self._contacts = {contact.id: contact for contact in contacts}
        for contact in contacts:
            shown = " · ".join(part for part in (isolate(contact.name), contact.email) if part)
            combo.addItem(shown, contact.id)
            combo.setItemData(combo.count() - 1, shown, Qt.ItemDataRole.ToolTipRole)
        current = self._context.contact
        combo.setCurrentIndex(0 if current is None else max(combo.findData(current.id), 0))
        combo.setToolTip(combo.currentText())

    def _on_recipient_chosen(self, index: int) -> None:
        contact_id = self.recipient_combo.itemData(index)
        current = self._context.contact
        if contact_id == (None if current is None else current.id):
            return
        chosen = self._contacts.get(contact_id)
        name = "" if chosen is None else chosen.name or chosen.email
        self._choose_recipient(
            ChooseRecipientCommand(
                self._store,
                self._request,
                self._context.application.company,
                name,
                contact_id=contact_id,
            ),
            f"The request is now to {isolate(name)}." if name else "The request is to nobody yet.",
        )

    def ask_new_contact(self) -> None:
        """Ask for a name and an address; the request is then to that new contact."""
        dialog = NewContactDialog(self)
        dialog.accepted.connect(functools.partial(self._add_recipient, dialog))
        dialog.finished.connect(self._forget_new_contact_dialog)
        dialog.finished.connect(dialog.deleteLater)
        self.new_contact_dialog = dialog
        dialog.open()

    def _forget_new_contact_dialog(self) -> None:
        self.new_contact_dialog = None

    def _add_recipient(self, dialog: NewContactDialog) -> None:
        application_id = self._context.application.id
        contact = dialog.contact(application_id)
        name = contact.name or contact.email
        self._choose_recipient(
            ChooseRecipientCommand(
                self._store,
                self._request,
                self._context.application.company,
                name,
                adding=AddContactCommand(self._store, application_id, contact),
            ),
            f"Added {isolate(name)}: the request is now to them.",
        )

    def _choose_recipient(self, command: ChooseRecipientCommand, message: str) -> None:
        """One step on the window's undo stack; the history move re-reads the draft."""
        if undo_commands.run(self._undo_stack, command, self._on_command_failed):
            self._confirm(message)
        else:
            self._fill_recipients()  # the box goes back to who it is really to

    # -- text ----------------------------------------------------------------------
    def _load_text(self) -> None:
        template = choose_template(self._request, self._templates)
        if template is not None:
            self.template_combo.setCurrentIndex(self.template_combo.findData(template.id))
        # What "Replace your text?" goes back to when declined.
        self._template_index = self.template_combo.currentIndex()
        self._set_text(*starting_text(self._request, template, self._values))
        self._pristine = (self.subject(), self.body())

    def _set_text(self, subject: str, body: str) -> None:
        self.subject_edit.setText(subject)
        self.subject_edit.setCursorPosition(0)
        self.body_edit.setPlainText(body)

    def subject(self) -> str:
        return self.subject_edit.text()

    def body(self) -> str:
        return self.body_edit.toPlainText()

    def rendered_subject(self) -> str:
        return self._draft.subject.text

    def rendered_body(self) -> str:
        return self._draft.body.text

    def _current_template(self) -> Template | None:
        template_id = self.template_combo.currentData()
        return next((t for t in self._templates if t.id == template_id), None)

    def _on_template_chosen(self, _index: int) -> None:
        template = self._current_template()
        if template is None:
            return
        if (template.subject, template.body) == (self.subject(), self.body()):
            return
        if (self.subject(), self.body()) != self._pristine:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                "Replace your text?",
                f"Use “{template.name}” and replace the text you have edited?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                self,
            )
            box.setDefaultButton(QMessageBox.StandardButton.No)
            box.finished.connect(functools.partial(self._on_replace_answered, template))
            box.finished.connect(box.deleteLater)
            self.replace_box = box
            box.open()
            return
        self._use_template(template)

    def _on_replace_answered(self, template: Template, result: int) -> None:
        self.replace_box = None
        if result == QMessageBox.StandardButton.Yes.value:
            self._use_template(template)
        else:
            # Declined: the box shows the template the text still comes from.
            self.template_combo.setCurrentIndex(self._template_index)

    def _use_template(self, template: Template) -> None:
        self._set_text(template.subject, template.body)
        self._pristine = (self.subject(), self.body())
        self._template_index = self.template_combo.currentIndex()

    def _on_text_edited(self) -> None:
        self._refresh_preview()
        if self._request.status.is_open:
            self._save_timer.start()

    def _refresh_preview(self) -> None:
        """Render both parts and show them with every field coloured by its state."""
        self._draft = compose(self._context, self._values, self.subject(), self.body())
        subject, body = self._draft.subject, self._draft.body
        heading = "Subject: "
        self.preview.setPlainText(f"{heading}{subject.text}\n\n{body.text}")
        format_preview(
            self.preview.document(),
            (
                PreviewPart(subject.text, subject.fields, len(heading)),
                PreviewPart(body.text, body.fields, len(heading) + len(subject.text) + 2),
            ),
            self.palette(),
        )
        self._refresh_problems()

    def _refresh_problems(self) -> None:
        self.problems_list.clear()
        for where, text in (("Subject", self.subject()), ("Body", self.body())):
            for found in check(text):
                item = QListWidgetItem(f"{where}: {found.message}")
                item.setData(Qt.ItemDataRole.UserRole, (where, found.start, found.end))
                self.problems_list.addItem(item)
        for line in describe_unresolved(self._draft.subject, self._draft.body):
            if "is empty" in line:
                self.problems_list.addItem(f"{line}: fill it in, or edit it out of the text.")
        if self.problems_list.count() == 0:
            self.problems_list.addItem("Nothing to fix: every field is filled in.")

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        where = item.data(Qt.ItemDataRole.UserRole)
        if not isinstance(where, tuple):
            return
        part, start, end = where
        if part == "Subject":
            self.subject_edit.setFocus()
            self.subject_edit.setSelection(start, end - start)
            return
        cursor = self.body_edit.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.body_edit.setTextCursor(cursor)
        self.body_edit.setFocus()

    def flush_pending_save(self) -> None:
        """Write the text now if an edit is waiting for the debounce timer."""
        self._save_timer.stop()
        if self._gone or not self._request.status.is_open:
            return
        # Stored as it would be sent; placeholders still unfilled stay visible in it.
        subject, body = self.rendered_subject(), self.rendered_body()
        template_id = self.template_combo.currentData()
        if (subject, body, template_id) == (
            self._request.subject,
            self._request.body,
            self._request.template_id,
        ):
            return
        template = template_id if isinstance(template_id, int) else None
        # The store announces the saved text: the window updates this one row, nothing more.
        try:
            self._request = self._save_text(subject, body, template)
        except UserFacingError as error:
            self._confirm(f"Your text was not saved: {error}")

    def _save_text(self, subject: str, body: str, template_id: int | None) -> FollowUpRequest:
        try:
            return self._store.save_request_text(self.request_id, subject, body, template_id)
        except UserFacingError:
            if template_id is None:
                raise
            # The template may have been deleted in the template manager meanwhile; the
            # text matters more than remembering where it came from.
            return self._store.save_request_text(self.request_id, subject, body, None)

    def reload_status(self) -> None:
        """Re-read the request after another window changed it (a reply was logged)."""
        try:
            self._request = self._store.get_request(self.request_id)
        except UserFacingError as error:
            self._confirm(f"This request could not be re-read: {error}")
            return
        self._apply_status()
        self.refresh_countdown()

    # -- sending -------------------------------------------------------------------
    def unresolved_fields(self) -> list[str]:
        """Everything that would reach the recipient as template syntax, one line each."""
        return list(self._draft.problems)

    def _confirm_unresolved(self, verb: str) -> bool:
        """Ask before sending text that still shows placeholders; True means go ahead."""
        lines = self.unresolved_fields()
        if not lines:
            return True
        box = QMessageBox(self)
        box.setObjectName("unresolved_warning")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Some fields are not filled in")
        box.setText("The message still has placeholders that would be sent as written:")
        box.setInformativeText("\n".join(f"• {line}" for line in lines))
        go_ahead = box.addButton(f"&{verb} anyway", QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        self.warning_box = box
        try:
            box.exec()
        finally:
            self.warning_box = None
        return box.clickedButton() is go_ahead

    def copy_subject(self) -> None:
        self._copy(self.rendered_subject(), "Copied the subject")

    def copy_body(self) -> None:
        self._copy(self.rendered_body(), "Copied the body")

    def copy_both(self) -> None:
        self._copy(self.both_text(), "Copied subject and body")

    def both_text(self) -> str:
        return self._draft.text()

    def _copy(self, text: str, confirmation: str) -> None:
        if not self._confirm_unresolved("Copy"):
            self._confirm("Nothing copied: fill in the highlighted fields first.")
            return
        self._clipboard.set_text(text)
        self._confirm(f"{confirmation} to the clipboard.")

    def mailto_url(self) -> str:
        """The draft's `mailto:` link; raises InvalidInput for an address no link can carry."""
        return self._draft.mailto()

    def open_in_mail_app(self) -> None:
        if not self._confirm_unresolved("Open"):
            return
        try:
            url = self.mailto_url()
        except UserFacingError as error:
            self._show_error("The mail app was not opened", str(error))
            return
        if not mailto_fits(url):
            # Mail apps truncate or refuse long mailto: links; the clipboard always works.
            self._clipboard.set_text(self.both_text())
            self._confirm(
                f"The message is too long for a mail link (over {MAILTO_LIMIT:,} characters): "
                "copied subject and body to the clipboard instead. Paste them into a new email.",
            )
            return
        if self._open_url(QUrl.fromEncoded(url.encode("ascii"))):
            self._confirm("Opened a new message in your mail app.")
        else:
            self._clipboard.set_text(self.both_text())
            self._confirm(
                "No mail app answered the link: copied subject and body to the clipboard instead.",
            )

    def save_as_eml(self) -> Path | None:
        if not self._confirm_unresolved("Save"):
            return None
        app = self._context.application
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        ) or str(Path.home())
        suggested = str(Path(folder) / default_eml_name(app.company, app.role))
        chosen = self._choose_save_file(
            self, "Save the draft as an .eml file", suggested, "Email drafts (*.eml)"
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".eml":
            path = path.with_name(path.name + ".eml")
        try:
            data = self._draft.eml(self._clock.now())
            write_atomically(path, data)
        except UserFacingError as error:
            self._show_error("The draft was not saved", str(error))
            return None
        except OSError as error:
            self._show_error(
                "The draft was not saved",
                f"{path} could not be written ({error.strerror or error}). "
                "Choose another folder, or check the disk has space.",
            )
            return None
        self._confirm(f"Saved the draft to {path}. Open it with your mail app.")
        return path

    # -- status --------------------------------------------------------------------
    def mark_sent(self) -> None:
        if not self._request.status.is_open:
            return
        self.flush_pending_save()
        self._run(
            "Mark sent",
            functools.partial(self._store.mark_sent, self.request_id, sent_at=self._clock.now()),
            "Marked as sent. Well done for asking.",
        )

    def skip(self) -> None:
        if not self._request.status.is_open:
            return
        self.flush_pending_save()
        self._run(
            "Skip",
            functools.partial(self._store.skip_request, self.request_id, now=self._clock.now()),
            "Skipped: no reminders for this request.",
        )

    def reopen(self) -> None:
        self._run(
            "Reopen",
            functools.partial(self._store.reopen_request, self.request_id, now=self._clock.now()),
            "Reopened: the request is a draft again.",
        )

    def snooze(self, choice: SnoozeChoice) -> None:
        now = self._clock.now()
        tz = self._clock.local_tz()
        try:
            until = snooze_until(choice, now, tz, self._store.load_settings().reminders)
        except UserFacingError as error:
            self._show_error("Reminders were not snoozed", str(error))
            return
        self._run(
            "Snooze",
            functools.partial(self._store.snooze_request, self.request_id, until),
            f"Reminders snoozed until {format_local(until, tz)}.",
        )

    def _run(self, verb: str, change: Callable[[], object], message: str) -> None:
        """One undoable command on the window's stack; the history move re-reads us."""
        company = isolate(self._context.application.company)
        command = RequestCommand(
            self._store, f"{verb} ({company})", self._context.application.id, change
        )
        if undo_commands.run(self._undo_stack, command, self._on_command_failed):
            self._confirm(message)

    def _on_command_failed(self, message: str) -> None:
        self._show_error("That did not work", message)

    def _on_history_moved(self, _index: int) -> None:
        """Something was done, undone or redone: this request, its recipient or the
        application's contacts may have changed, or the request may be gone."""
        try:
            context = self._store.request_context(self.request_id)
        except NotFound:
            # Undoing the rejection took its request with it: nothing is left to edit.
            self._gone = True
            self.close()
            return
        except UserFacingError as error:
            self._confirm(f"This request could not be re-read: {error}")
            return
        self._context, self._request = context, context.request
        self._values = merge_values(context, self._clock.local_tz())
        self._fill_recipients()
        # The same source text, rendered for whoever it is to now; saved as it would be sent.
        self._on_text_edited()
        self._apply_status()
        self.refresh_countdown()

    def status(self) -> RequestStatus:
        return self._request.status

    def _apply_status(self) -> None:
        request = self._request
        editable = request.status.is_open
        self.subject_edit.setReadOnly(not editable)
        self.body_edit.setReadOnly(not editable)
        self.template_combo.setEnabled(editable)
        for widget in (self.sent_button, self.skip_button, self.snooze_button):
            widget.setEnabled(editable)
        self._actions["mark_sent"].setEnabled(editable)
        self._actions["skip"].setEnabled(editable)
        self.reopen_button.setVisible(not editable)
        self.lesson_button.setVisible(request.status in (RequestStatus.SENT, RequestStatus.REPLIED))
        rejection = self._context.rejection
        automated = (
            editable
            and rejection is not None
            and request.kind is RequestKind.FEEDBACK
            and before_human_contact(rejection.stage_reached)
            # A person to write to was named: whatever the stage, someone may answer.
            and self._context.contact is None
        )
        self.automated_banner.setVisible(automated)

    def refresh_countdown(self) -> None:
        request = self._request
        tz = self._clock.local_tz()
        closes = format_local(request.window_closes_at, tz)
        if request.status is RequestStatus.SENT and request.sent_at is not None:
            text = f"Sent {format_local(request.sent_at, tz)}"
        elif request.status is RequestStatus.SKIPPED:
            text = "Skipped"
        elif request.status is RequestStatus.REPLIED:
            text = "Replied"
        else:
            left = request.window_closes_at - self._clock.now()
            text = f"{format_countdown(left)} · the window closes {closes}"
            if request.status is RequestStatus.EXPIRED:
                text = f"Expired: {text}. You can still send it."
        self.countdown_label.setText(text)

    # -- feedback to the user ------------------------------------------------------
    def _confirm(self, message: str) -> None:
        self.status_label.setText(message)
        self._confirmation_timer.start()

    def _clear_confirmation(self) -> None:
        self.status_label.clear()

    def _show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    def _request_lesson(self) -> None:
        self.lesson_requested.emit(self.request_id)

    # -- lifetime ------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        # A light/dark switch: re-pick the field colours so they keep their contrast.
        if event.type() == QEvent.Type.PaletteChange:
            self.body_highlighter.refresh_palette()
            self._refresh_preview()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush_pending_save()
        self.stop_timers()
        self.closed.emit(self.request_id)
        super().closeEvent(event)

    def stop_timers(self) -> None:
        for timer in (self._save_timer, self._countdown_timer, self._confirmation_timer):
            timer.stop()

    def countdown_active(self) -> bool:
        return self._countdown_timer.isActive()
