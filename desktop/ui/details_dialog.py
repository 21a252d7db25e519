"""Add or edit one application: its fields, contacts, interviews and backdatable timeline.

Validation runs on every keystroke and shows next to the field; OK stays disabled while
anything is wrong, so nothing invalid reaches the store. On OK the dialog turns the user's
edits into one undoable command, runs it, and keeps it in `command` for the main window to
push onto its QUndoStack. A store refusal (a locked database, say) shows in the dialog's
banner and the dialog stays open with the user's typing intact.

Archive and Delete close the dialog with `requested_action` set; the window runs them,
through the undo stack like every destructive action.
"""

from __future__ import annotations

import enum
import re
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core import validation
from desktop.core.errors import InvalidInput, UserFacingError
from desktop.core.model import (
    Application,
    Contact,
    ContactRole,
    Interview,
    Stage,
    StageEvent,
)
from desktop.core.stages import allowed_transitions
from desktop.native.clock import Clock
from desktop.ui.forms import problem
from desktop.ui.icons import action_icon, stage_dot
from desktop.ui.theme import MARGIN, SPACING, current_colors
from desktop.ui.undo_commands import (
    AddApplicationCommand,
    AddContactCommand,
    AddInterviewCommand,
    CompositeCommand,
    DeleteContactCommand,
    DeleteInterviewCommand,
    MoveStageCommand,
    SetEventTimeCommand,
    StoreCommand,
    UpdateApplicationCommand,
    UpdateContactCommand,
    UpdateInterviewCommand,
)

if TYPE_CHECKING:
    from desktop.store.repository import Store

URL_PATTERN = re.compile(r"^(https?://)?[^\s/]+\.[^\s]+$", re.IGNORECASE)

ROLE_LABELS = {
    ContactRole.RECRUITER: "Recruiter",
    ContactRole.HIRING_MANAGER: "Hiring manager",
    ContactRole.INTERVIEWER: "Interviewer",
    ContactRole.REFERRAL: "Referral",
    ContactRole.OTHER: "Other",
}


class DetailsAction(enum.Enum):
    NONE = "none"
    ARCHIVE = "archive"
    UNARCHIVE = "unarchive"
    DELETE = "delete"


def format_input_time(moment: datetime, clock: Clock) -> str:
    """The text a user would type for `moment`: ISO-8601 wall time, minutes precision."""
    return moment.astimezone(clock.local_tz()).strftime("%Y-%m-%d %H:%M")


class ErrorLabel(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {current_colors().urgent};")
        self.hide()

    def show_error(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))


class DetailsDialog(QDialog):
    """`application_id=None` adds a new application; otherwise it edits that one.

    Keyboard: Alt+A/C/I/T pick the tabs; every field has its own Alt mnemonic; Enter saves.
    """

    validity_changed = Signal(bool)

    CONTACT_NAME, CONTACT_EMAIL, CONTACT_ROLE, CONTACT_PHONE = range(4)
    INTERVIEW_WHEN, INTERVIEW_MINUTES, INTERVIEW_KIND, INTERVIEW_NOTES = range(4)
    EVENT_WHEN, EVENT_CHANGE, EVENT_NOTE = range(3)

    def __init__(
        self,
        store: Store,
        clock: Clock,
        *,
        application_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self.command: StoreCommand | None = None
        self.requested_action = DetailsAction.NONE
        self.application: Application | None = (
            store.get_application(application_id) if application_id is not None else None
        )
        self._contacts: list[Contact] = []
        self._interviews: list[Interview] = []
        self._events: list[StageEvent] = []
        if self.application is not None:
            self._contacts = store.contacts(self.application.id)
            self._interviews = store.interviews(self.application.id)
            self._events = store.timeline(self.application.id)
        self.setWindowTitle(
            "New application"
            if self.application is None
            else f"{self.application.company} — {self.application.role}"
        )
        self.setMinimumSize(620, 520)
        self._build()
        self._load()
        self._connect()
        self.validate()
        self.company_edit.setFocus()

    # -- building ----------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        self.banner = ErrorLabel()
        layout.addWidget(self.banner)
        self.tabs = QTabWidget()
        # Ctrl+Tab and the Alt mnemonics switch tabs; Tab itself should go to the fields.
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._build_fields(), "&Application")
        self.tabs.addTab(self._build_contacts(), "&Contacts")
        self.tabs.addTab(self._build_interviews(), "&Interviews")
        if self.application is not None:
            self.tabs.addTab(self._build_timeline(), "&Timeline")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        # Mnemonics are unique in the dialog: Alt+A is the Application tab.
        self.ok_button.setText("&Save" if self.application is not None else "A&dd")
        self.archive_button: QPushButton | None = None
        self.delete_button: QPushButton | None = None
        row = QHBoxLayout()
        if self.application is not None:
            archived = self.application.archived
            # Set apart on the left, away from Save, so a destructive click is deliberate.
            self.archive_button = QPushButton(
                action_icon("archive"), "Unarc&hive" if archived else "Arc&hive"
            )
            self.delete_button = QPushButton(action_icon("delete"), "&Delete")
            self.delete_button.setToolTip(
                "Delete this application (Ctrl+Z in the window undoes it)"
            )
            for button in (self.archive_button, self.delete_button):
                button.setAutoDefault(False)
                row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout.addLayout(row)

    def _build_fields(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        form.setVerticalSpacing(SPACING // 2)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        self.company_edit = QLineEdit()
        self.company_edit.setPlaceholderText("Who is hiring")
        self.company_error = ErrorLabel()
        self.role_edit = QLineEdit()
        self.role_edit.setPlaceholderText("The job title")
        self.role_error = ErrorLabel()
        self.stage_combo = QComboBox()
        self.stage_error = ErrorLabel()
        self.applied_edit = QLineEdit()
        self.applied_edit.setPlaceholderText("YYYY-MM-DD or YYYY-MM-DD HH:MM (optional)")
        self.applied_error = ErrorLabel()
        self.location_edit = QLineEdit()
        self.location_edit.setPlaceholderText("City, or remote")
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://… the job posting")
        self.url_error = ErrorLabel()
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText("Where you found it: a job board, a referral…")
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText("Anything worth remembering")

        def add(label: str, widget: QWidget, error: QLabel | None = None) -> None:
            form.addRow(label, widget)
            if error is not None:
                form.addRow("", error)

        add("Co&mpany *", self.company_edit, self.company_error)
        add("&Role *", self.role_edit, self.role_error)
        add("Sta&ge", self.stage_combo, self.stage_error)
        add("A&pplied on", self.applied_edit, self.applied_error)
        add("&Location", self.location_edit)
        add("&URL", self.url_edit, self.url_error)
        add("S&ource", self.source_edit)
        add("&Notes", self.notes_edit)
        return page

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        return table

    def _build_contacts(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        self.contacts_table = self._table(["Name", "Email", "Role", "Phone"])
        layout.addWidget(self.contacts_table, 1)
        self.contacts_error = ErrorLabel()
        layout.addWidget(self.contacts_error)
        buttons = QHBoxLayout()
        self.add_contact_button = QPushButton("Add contact")
        self.remove_contact_button = QPushButton("Remove contact")
        buttons.addWidget(self.add_contact_button)
        buttons.addWidget(self.remove_contact_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _build_interviews(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        self.interviews_table = self._table(["When", "Minutes", "Kind", "Notes"])
        layout.addWidget(self.interviews_table, 1)
        self.interviews_error = ErrorLabel()
        layout.addWidget(self.interviews_error)
        buttons = QHBoxLayout()
        self.add_interview_button = QPushButton("Add interview")
        self.remove_interview_button = QPushButton("Remove interview")
        buttons.addWidget(self.add_interview_button)
        buttons.addWidget(self.remove_interview_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _build_timeline(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        hint = QLabel("Every stage change is dated. Edit “When” to backdate an event.")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.timeline_table = self._table(["When", "Change", "Note"])
        layout.addWidget(self.timeline_table, 1)
        self.timeline_error = ErrorLabel()
        layout.addWidget(self.timeline_error)
        return page

    # -- loading -----------------------------------------------------------------------
    def _load(self) -> None:
        app = self.application
        if app is None:
            stages = [Stage.SAVED, Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER]
            for stage in stages:
                self.stage_combo.addItem(stage_dot(stage), stage.label, stage)
            self.stage_combo.setCurrentIndex(stages.index(Stage.APPLIED))
            self.applied_edit.setText(
                self._clock.now().astimezone(self._clock.local_tz()).strftime("%Y-%m-%d")
            )
            return
        self.company_edit.setText(app.company)
        self.role_edit.setText(app.role)
        # A rejection is logged through its own flow (it starts the follow-up window), so the
        # combo offers the other moves only.
        choices = [app.stage] + [
            s for s in Stage if s in allowed_transitions(app.stage) and s is not Stage.REJECTED
        ]
        for stage in choices:
            self.stage_combo.addItem(stage_dot(stage), stage.label, stage)
        if app.applied_at is not None:
            self.applied_edit.setText(format_input_time(app.applied_at, self._clock))
        self.location_edit.setText(app.location)
        self.url_edit.setText(app.url)
        self.source_edit.setText(app.source)
        self.notes_edit.setPlainText(app.notes)
        for contact in self._contacts:
            self._append_contact(contact)
        for interview in self._interviews:
            self._append_interview(interview)
        for event in self._events:
            self._append_event(event)

    def _append_contact(self, contact: Contact | None) -> None:
        table = self.contacts_table
        row = table.rowCount()
        table.insertRow(row)
        name = QTableWidgetItem(contact.name if contact else "")
        name.setData(Qt.ItemDataRole.UserRole, contact.id if contact else None)
        table.setItem(row, self.CONTACT_NAME, name)
        table.setItem(row, self.CONTACT_EMAIL, QTableWidgetItem(contact.email if contact else ""))
        table.setItem(row, self.CONTACT_PHONE, QTableWidgetItem(contact.phone if contact else ""))
        combo = QComboBox()
        for role, label in ROLE_LABELS.items():
            combo.addItem(label, role)
        if contact is not None:
            combo.setCurrentIndex(list(ROLE_LABELS).index(ContactRole(contact.role)))
        table.setCellWidget(row, self.CONTACT_ROLE, combo)

    def _append_interview(self, interview: Interview | None) -> None:
        table = self.interviews_table
        row = table.rowCount()
        table.insertRow(row)
        when = QTableWidgetItem(
            format_input_time(interview.scheduled_at, self._clock) if interview else ""
        )
        when.setData(Qt.ItemDataRole.UserRole, interview.id if interview else None)
        table.setItem(row, self.INTERVIEW_WHEN, when)
        table.setItem(
            row,
            self.INTERVIEW_MINUTES,
            QTableWidgetItem(str(interview.duration_minutes) if interview else "60"),
        )
        table.setItem(
            row, self.INTERVIEW_KIND, QTableWidgetItem(interview.kind if interview else "video")
        )
        table.setItem(
            row, self.INTERVIEW_NOTES, QTableWidgetItem(interview.notes if interview else "")
        )

    def _append_event(self, event: StageEvent) -> None:
        table = self.timeline_table
        row = table.rowCount()
        table.insertRow(row)
        when = QTableWidgetItem(format_input_time(event.occurred_at, self._clock))
        when.setData(Qt.ItemDataRole.UserRole, event.id)
        table.setItem(row, self.EVENT_WHEN, when)
        change = (
            f"{event.from_stage.label} → {event.to_stage.label}"
            if event.from_stage is not None
            else f"Added at {event.to_stage.label}"
        )
        for column, text in ((self.EVENT_CHANGE, change), (self.EVENT_NOTE, event.note)):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(row, column, item)

    # -- signals: one place ------------------------------------------------------------
    def _connect(self) -> None:
        for edit in (
            self.company_edit,
            self.role_edit,
            self.applied_edit,
            self.url_edit,
        ):
            edit.textChanged.connect(self.validate)
        self.stage_combo.currentIndexChanged.connect(self.validate)
        self.contacts_table.itemChanged.connect(self.validate)
        self.interviews_table.itemChanged.connect(self.validate)
        if self.application is not None:
            self.timeline_table.itemChanged.connect(self.validate)
        self.add_contact_button.clicked.connect(self._on_add_contact)
        self.remove_contact_button.clicked.connect(self._on_remove_contact)
        self.add_interview_button.clicked.connect(self._on_add_interview)
        self.remove_interview_button.clicked.connect(self._on_remove_interview)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if self.archive_button is not None:
            self.archive_button.clicked.connect(self._on_archive)
        if self.delete_button is not None:
            self.delete_button.clicked.connect(self._on_delete)

    def _on_add_contact(self) -> None:
        self._append_contact(None)
        row = self.contacts_table.rowCount() - 1
        self.contacts_table.setCurrentCell(row, self.CONTACT_NAME)
        item = self.contacts_table.item(row, self.CONTACT_NAME)
        if item is not None:
            self.contacts_table.editItem(item)
        self.validate()

    def _on_remove_contact(self) -> None:
        row = self.contacts_table.currentRow()
        if row >= 0:
            self.contacts_table.removeRow(row)
            self.validate()

    def _on_add_interview(self) -> None:
        self._append_interview(None)
        row = self.interviews_table.rowCount() - 1
        self.interviews_table.setCurrentCell(row, self.INTERVIEW_WHEN)
        item = self.interviews_table.item(row, self.INTERVIEW_WHEN)
        if item is not None:
            self.interviews_table.editItem(item)
        self.validate()

    def _on_remove_interview(self) -> None:
        row = self.interviews_table.currentRow()
        if row >= 0:
            self.interviews_table.removeRow(row)
            self.validate()

    def _on_archive(self) -> None:
        assert self.application is not None
        self.requested_action = (
            DetailsAction.UNARCHIVE if self.application.archived else DetailsAction.ARCHIVE
        )
        self.done(QDialog.DialogCode.Accepted)

    def _on_delete(self) -> None:
        self.requested_action = DetailsAction.DELETE
        self.done(QDialog.DialogCode.Accepted)

    # -- validation --------------------------------------------------------------------
    def _parse_time(self, text: str, *, allow_future: bool) -> datetime:
        return validation.parse_moment(
            text,
            "The date",
            tz=self._clock.local_tz(),
            now=self._clock.now(),
            allow_future=allow_future,
        )

    def errors(self) -> list[str]:
        """Check every field, show each problem next to it, return them all."""
        problems: list[str] = []

        def check(label: ErrorLabel, message: str) -> None:
            label.show_error(message)
            if message:
                problems.append(message)

        check(self.company_error, problem(validation.COMPANY.clean, self.company_edit.text()))
        check(self.role_error, problem(validation.ROLE.clean, self.role_edit.text()))
        applied_message = ""
        if self.applied_edit.text().strip():
            try:
                self._parse_time(self.applied_edit.text(), allow_future=False)
            except InvalidInput as error:
                applied_message = str(error)
        check(self.applied_error, applied_message)
        url = self.url_edit.text().strip()
        check(
            self.url_error,
            "" if not url or URL_PATTERN.match(url) else "That doesn't look like a web address.",
        )
        check(self.stage_error, "")
        check(self.contacts_error, self._contact_problem())
        check(self.interviews_error, self._interview_problem())
        if self.application is not None:
            check(self.timeline_error, self._timeline_problem())
        return problems

    def _contact_problem(self) -> str:
        for row in range(self.contacts_table.rowCount()):
            name = self._cell(self.contacts_table, row, self.CONTACT_NAME)
            email = self._cell(self.contacts_table, row, self.CONTACT_EMAIL)
            if not name:
                return f"Contact {row + 1}: a name is required."
            found = problem(validation.PERSON_NAME.clean, name) or problem(
                validation.clean_email, email
            )
            if found:
                return f"Contact {row + 1}: {found}"
        return ""

    def _interview_problem(self) -> str:
        for row in range(self.interviews_table.rowCount()):
            when = self._cell(self.interviews_table, row, self.INTERVIEW_WHEN)
            minutes = self._cell(self.interviews_table, row, self.INTERVIEW_MINUTES)
            try:
                self._parse_time(when, allow_future=True)
            except InvalidInput as error:
                return f"Interview {row + 1}: {error}"
            if not minutes.isdigit() or not 0 < int(minutes) <= 24 * 60:
                return f"Interview {row + 1}: minutes must be a whole number from 1 to 1440."
        return ""

    def _timeline_problem(self) -> str:
        for row in range(self.timeline_table.rowCount()):
            when = self._cell(self.timeline_table, row, self.EVENT_WHEN)
            try:
                self._parse_time(when, allow_future=False)
            except InvalidInput as error:
                return f"Timeline, row {row + 1}: {error}"
        return ""

    @staticmethod
    def _cell(table: QTableWidget, row: int, column: int) -> str:
        item = table.item(row, column)
        return item.text().strip() if item is not None else ""

    def validate(self) -> bool:
        valid = not self.errors()
        self.ok_button.setEnabled(valid)
        self.validity_changed.emit(valid)
        return valid

    # -- saving ------------------------------------------------------------------------
    def accept(self) -> None:
        if not self.validate():
            return
        try:
            command = self._build_command()
            if command is not None:
                command.execute()
        except UserFacingError as error:
            self.banner.show_error(str(error))
            return
        self.command = command
        super().accept()

    def _draft(self) -> Application:
        now = self._clock.now()
        applied_text = self.applied_edit.text().strip()
        base = self.application or Application(
            id=0, company="", role="", stage=Stage.APPLIED, created_at=now, updated_at=now
        )
        return replace(
            base,
            company=self.company_edit.text().strip(),
            role=self.role_edit.text().strip(),
            stage=base.stage if self.application is not None else self._chosen_stage(),
            applied_at=self._parse_time(applied_text, allow_future=False) if applied_text else None,
            location=self.location_edit.text().strip(),
            url=self.url_edit.text().strip(),
            source=self.source_edit.text().strip(),
            notes=self.notes_edit.toPlainText().strip(),
        )

    def _chosen_stage(self) -> Stage:
        # Qt hands a StrEnum back as its plain string value.
        return Stage(str(self.stage_combo.currentData()))

    def _contact_rows(self) -> list[Contact]:
        app_id = self.application.id if self.application is not None else 0
        rows = []
        for row in range(self.contacts_table.rowCount()):
            item = self.contacts_table.item(row, self.CONTACT_NAME)
            combo = self.contacts_table.cellWidget(row, self.CONTACT_ROLE)
            role = combo.currentData() if isinstance(combo, QComboBox) else ContactRole.OTHER
            contact_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
            rows.append(
                Contact(
                    id=contact_id or 0,
                    application_id=app_id,
                    name=self._cell(self.contacts_table, row, self.CONTACT_NAME),
                    email=self._cell(self.contacts_table, row, self.CONTACT_EMAIL),
                    role=ContactRole(role),
                    phone=self._cell(self.contacts_table, row, self.CONTACT_PHONE),
                )
            )
        return rows

    def _interview_rows(self) -> list[Interview]:
        app_id = self.application.id if self.application is not None else 0
        rows = []
        for row in range(self.interviews_table.rowCount()):
            item = self.interviews_table.item(row, self.INTERVIEW_WHEN)
            interview_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
            original = next((i for i in self._interviews if i.id == interview_id), None)
            rows.append(
                Interview(
                    id=interview_id or 0,
                    application_id=app_id,
                    scheduled_at=self._parse_time(
                        self._cell(self.interviews_table, row, self.INTERVIEW_WHEN),
                        allow_future=True,
                    ),
                    duration_minutes=int(
                        self._cell(self.interviews_table, row, self.INTERVIEW_MINUTES)
                    ),
                    kind=self._cell(self.interviews_table, row, self.INTERVIEW_KIND) or "video",
                    contact_id=original.contact_id if original is not None else None,
                    notes=self._cell(self.interviews_table, row, self.INTERVIEW_NOTES),
                )
            )
        return rows

    def _build_command(self) -> StoreCommand | None:
        draft = self._draft()
        if self.application is None:
            return _NewApplication(
                self._store, self._clock, draft, self._contact_rows(), self._interview_rows()
            )
        parts: list[StoreCommand] = []
        app = self.application
        if draft != app:
            parts.append(UpdateApplicationCommand(self._store, self._clock, app, draft))
        stage = self._chosen_stage()
        if stage is not app.stage:
            parts.append(MoveStageCommand(self._store, self._clock, app, stage))
        parts.extend(self._contact_commands())
        parts.extend(self._interview_commands())
        parts.extend(self._event_commands())
        if not parts:
            return None
        if len(parts) == 1:
            return parts[0]
        return CompositeCommand(f"Edit {draft.company}", parts)

    def _contact_commands(self) -> list[StoreCommand]:
        assert self.application is not None
        parts: list[StoreCommand] = []
        rows = self._contact_rows()
        kept = {c.id for c in rows if c.id}
        originals = {c.id: c for c in self._contacts}
        for contact in self._contacts:
            if contact.id not in kept:
                parts.append(DeleteContactCommand(self._store, contact))
        for contact in rows:
            if not contact.id:
                parts.append(AddContactCommand(self._store, self.application.id, contact))
                continue
            before = originals[contact.id]
            after = replace(
                before,
                name=contact.name,
                email=contact.email,
                role=contact.role,
                phone=contact.phone,
            )
            if after != before:
                parts.append(UpdateContactCommand(self._store, before, after))
        return parts

    def _interview_commands(self) -> list[StoreCommand]:
        assert self.application is not None
        parts: list[StoreCommand] = []
        rows = self._interview_rows()
        kept = {i.id for i in rows if i.id}
        originals = {i.id: i for i in self._interviews}
        for interview in self._interviews:
            if interview.id not in kept:
                parts.append(DeleteInterviewCommand(self._store, interview))
        for interview in rows:
            if not interview.id:
                parts.append(AddInterviewCommand(self._store, self.application.id, interview))
            elif interview != originals[interview.id]:
                parts.append(
                    UpdateInterviewCommand(self._store, originals[interview.id], interview)
                )
        return parts

    def _event_commands(self) -> list[StoreCommand]:
        parts: list[StoreCommand] = []
        for row, event in enumerate(self._events):
            text = self._cell(self.timeline_table, row, self.EVENT_WHEN)
            if text == format_input_time(event.occurred_at, self._clock):
                continue  # untouched: keep the stored seconds
            when = self._parse_time(text, allow_future=False)
            if abs(when - event.occurred_at) >= timedelta(minutes=1):
                parts.append(SetEventTimeCommand(self._store, event.id, event.occurred_at, when))
        return parts


class _NewApplication(AddApplicationCommand):
    """Adding an application with the interviews typed into the dialog as well."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        draft: Application,
        contacts: list[Contact],
        interviews: list[Interview],
    ) -> None:
        super().__init__(store, clock, draft, contacts)
        self._interviews = interviews

    def _do(self) -> None:
        first = self.application is None
        super()._do()
        if first and self.application is not None:
            for i in self._interviews:
                self._store.add_interview(
                    self.application.id,
                    i.scheduled_at,
                    duration_minutes=i.duration_minutes,
                    kind=i.kind,
                    notes=i.notes,
                )
