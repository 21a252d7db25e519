"""The small dialog that logs a rejection in seconds.

Every field has a default that is right most of the time (notified now, at the stage the
application had reached, by email), so the common case is one key press: Enter. The dialog
writes one thing, `Store.log_rejection`, in one transaction; what happens next (the request
editor, or skipping it) belongs to `RejectionFlow`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core import validation
from desktop.core.errors import UserFacingError
from desktop.core.model import (
    Application,
    Channel,
    Contact,
    LoggedRejection,
    RejectionInput,
    Stage,
)
from desktop.core.stages import OPEN_STAGES, PIPELINE, before_human_contact, can_move
from desktop.native.clock import Clock
from desktop.ui.forms import error_label, problem

if TYPE_CHECKING:
    from desktop.store.repository import Store

log = logging.getLogger(__name__)

# A clock a minute or two apart from the mail server's must not make "now" invalid.
NEW_APPLICATION = -1
NO_CONTACT = -1
ADD_CONTACT = -2
REJECTABLE_STAGES: tuple[Stage, ...] = tuple(s for s in PIPELINE if s in OPEN_STAGES)

CHANNEL_LABELS: dict[Channel, str] = {
    Channel.EMAIL: "Email",
    Channel.PHONE: "Phone call",
    Channel.PORTAL: "Job portal",
    Channel.IN_PERSON: "In person",
    Channel.OTHER: "Other",
}


@dataclass(frozen=True, slots=True)
class RejectionPrefill:
    """What an outside source (a dropped email, the command line) already knows."""

    company: str = ""
    role: str = ""
    contact_name: str = ""
    contact_email: str = ""
    notified_at: datetime | None = None
    channel: Channel | None = None


def to_local_qdatetime(moment: datetime, tz: tzinfo) -> QDateTime:
    """A QDateTime that shows `moment`'s wall time in `tz`.

    The edit is pinned to UTC and holds the local wall time, so Qt's own idea of the
    system zone (which may differ from the injected clock's) never shifts what is shown.
    """
    local = moment.astimezone(tz)
    return QDateTime(
        QDate(local.year, local.month, local.day),
        QTime(local.hour, local.minute),
        QTimeZone.utc(),
    )


def from_local_qdatetime(value: QDateTime, tz: tzinfo) -> datetime:
    date, time = value.date(), value.time()
    naive = datetime(date.year(), date.month(), date.day(), time.hour(), time.minute())
    return naive.replace(tzinfo=tz).astimezone(UTC)


class RejectionDialog(QDialog):
    """Asks when, how far, how and who; logs the rejection on OK.

    Signals:
        rejection_logged(LoggedRejection, skip): emitted once the store has written it;
            `skip` is True when the user chose "Log and skip the request".
    """

    rejection_logged = Signal(object, bool)

    def __init__(
        self,
        store: Store,
        clock: Clock,
        application_id: int | None = None,
        parent: QWidget | None = None,
        *,
        log_rejection: Callable[[RejectionInput], LoggedRejection],
        prefill: RejectionPrefill | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        # The write goes through the caller, which makes it one step on its undo stack.
        self._log_rejection = log_rejection
        self._clock = clock
        self._fixed_application: Application | None = None
        self._contacts: list[Contact] = []
        self._skip_chosen = False
        self.logged: LoggedRejection | None = None
        self.setWindowTitle("Log a rejection")
        self.setObjectName("rejection_dialog")

        self._build()
        if application_id is not None:
            self._fixed_application = store.get_application(application_id)
        self._load_applications(prefill or RejectionPrefill())
        self._apply_prefill(prefill or RejectionPrefill())
        self._connect()
        self._validate()
        # Set once the button sits inside the dialog: an earlier setDefault never reaches
        # the dialog, and Enter would then press whichever button Qt picked (Cancel).
        self.ok_button.setDefault(True)

    # -- building ------------------------------------------------------------------
    def _build(self) -> None:
        self._build_fields()
        self._build_buttons()
        self._lay_out()

    def _build_fields(self) -> None:
        self.application_label = QLabel()
        self.application_label.setObjectName("application_label")
        self.application_combo = QComboBox()
        self.application_combo.setObjectName("application_combo")
        self.application_combo.setEditable(True)
        self.application_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Search anywhere in "Company — Role", so typing the role finds it too.
        completer = QCompleter(self.application_combo.model(), self.application_combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.application_combo.setCompleter(completer)
        search = self.application_combo.lineEdit()
        if search is not None:
            search.setPlaceholderText("Type to search…")
        self.company_edit = QLineEdit()
        self.company_edit.setObjectName("company_edit")
        self.company_edit.setPlaceholderText("Company")
        self.role_edit = QLineEdit()
        self.role_edit.setObjectName("role_edit")
        self.role_edit.setPlaceholderText("Role")
        self.new_application_row = QWidget()
        row = QHBoxLayout(self.new_application_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.company_edit)
        row.addWidget(self.role_edit)
        self.application_error = error_label("application_error")

        self.notified_edit = QDateTimeEdit()
        self.notified_edit.setObjectName("notified_edit")
        self.notified_edit.setTimeZone(QTimeZone.utc())
        self.notified_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.notified_edit.setCalendarPopup(True)
        self.notified_edit.setToolTip("When the rejection reached you, in your local time.")
        self.notified_error = error_label("notified_error")

        self.stage_combo = QComboBox()
        self.stage_combo.setObjectName("stage_combo")
        for stage in REJECTABLE_STAGES:
            self.stage_combo.addItem(stage.label, stage.value)

        self.channel_combo = QComboBox()
        self.channel_combo.setObjectName("channel_combo")
        for channel, label in CHANNEL_LABELS.items():
            self.channel_combo.addItem(label, channel.value)

        self._build_contact_fields()

    def _build_contact_fields(self) -> None:
        self.contact_combo = QComboBox()
        self.contact_combo.setObjectName("contact_combo")
        self.contact_name_edit = QLineEdit()
        self.contact_name_edit.setObjectName("contact_name_edit")
        self.contact_name_edit.setPlaceholderText("Name")
        self.contact_email_edit = QLineEdit()
        self.contact_email_edit.setObjectName("contact_email_edit")
        self.contact_email_edit.setPlaceholderText("name@company.com")
        self.new_contact_row = QWidget()
        contact_row = QHBoxLayout(self.new_contact_row)
        contact_row.setContentsMargins(0, 0, 0, 0)
        contact_row.addWidget(self.contact_name_edit)
        contact_row.addWidget(self.contact_email_edit)
        self.contact_error = error_label("contact_error")

    def _build_buttons(self) -> None:
        self.automated_hint = QLabel(
            "Rejected before anyone spoke with you? That is usually an automated "
            "message with no one to ask: you can skip the feedback request."
        )
        self.automated_hint.setObjectName("automated_hint")
        self.automated_hint.setWordWrap(True)
        self.form_error = error_label("form_error")
        self.form_error.hide()

        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(
            "&Log rejection", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setObjectName("ok_button")
        self.skip_button = QPushButton("Log and &skip the request")
        self.skip_button.setObjectName("skip_button")
        self.skip_button.setToolTip(
            "Logs the rejection without a feedback request (Ctrl+K): there is no one to ask."
        )
        self.skip_button.setShortcut(QKeySequence("Ctrl+K"))
        self.buttons.addButton(self.skip_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        # Enter must always mean "Log rejection", never the skip that happens to be focused
        # or added last: skipping is a deliberate click (or Ctrl+K).
        for button in (self.skip_button, self.cancel_button):
            button.setAutoDefault(False)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow("Application", self.application_label)
        form.addRow("Application", self.application_combo)
        form.addRow("", self.new_application_row)
        form.addRow("", self.application_error)
        form.addRow("&Notified at", self.notified_edit)
        form.addRow("", self.notified_error)
        form.addRow("S&tage reached", self.stage_combo)
        form.addRow("C&hannel", self.channel_combo)
        form.addRow("C&ontact", self.contact_combo)
        form.addRow("", self.new_contact_row)
        form.addRow("", self.contact_error)
        self._form = form
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.automated_hint)
        layout.addWidget(self.form_error)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.application_combo.currentIndexChanged.connect(self._on_application_changed)
        self.application_combo.editTextChanged.connect(self._validate)
        self.company_edit.textChanged.connect(self._validate)
        self.role_edit.textChanged.connect(self._validate)
        self.notified_edit.dateTimeChanged.connect(self._validate)
        self.stage_combo.currentIndexChanged.connect(self._validate)
        self.contact_combo.currentIndexChanged.connect(self._validate)
        self.contact_name_edit.textChanged.connect(self._validate)
        self.contact_email_edit.textChanged.connect(self._validate)
        self.ok_button.clicked.connect(self._log)
        self.skip_button.clicked.connect(self._log_and_skip)
        self.cancel_button.clicked.connect(self.reject)

    # -- loading -------------------------------------------------------------------
    def _load_applications(self, prefill: RejectionPrefill) -> None:
        fixed = self._fixed_application
        self._form.setRowVisible(self.application_label, fixed is not None)
        self._form.setRowVisible(self.application_combo, fixed is None)
        if fixed is not None:
            self.application_label.setText(f"{fixed.company} — {fixed.role}")
            self._form.setRowVisible(self.new_application_row, False)
            self._load_contacts(fixed)
            self._select_stage(self._stage_reached(fixed))
            return
        combo = self.application_combo
        combo.blockSignals(True)
        combo.addItem("New application…", NEW_APPLICATION)
        for summary in self._store.list_summaries():
            app = summary.application
            if can_move(app.stage, Stage.REJECTED):
                combo.addItem(f"{app.company} — {app.role}", app.id)
        match = None
        if prefill.company and prefill.role:
            match = self._store.find_application(prefill.company, prefill.role)
        index = combo.findData(match.id) if match is not None else -1
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        self._on_application_changed()

    def _stage_reached(self, app: Application) -> Stage:
        if app.stage in OPEN_STAGES:
            return app.stage
        # A ghosted application was last seen at some open stage; the timeline knows which.
        for event in reversed(self._store.timeline(app.id)):
            if event.to_stage in OPEN_STAGES:
                return event.to_stage
        return Stage.APPLIED

    def _select_stage(self, stage: Stage) -> None:
        self.stage_combo.setCurrentIndex(max(self.stage_combo.findData(stage.value), 0))

    def _load_contacts(self, app: Application | None) -> None:
        combo = self.contact_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("No contact", NO_CONTACT)
        self._contacts = self._store.contacts(app.id) if app is not None else []
        for contact in self._contacts:
            label = f"{contact.name} <{contact.email}>" if contact.email else contact.name
            combo.addItem(label, contact.id)
        combo.addItem("Add a contact…", ADD_CONTACT)
        # The person who wrote most recently is the best guess for whom to ask.
        combo.setCurrentIndex(len(self._contacts) if self._contacts else 0)
        combo.blockSignals(False)

    def _apply_prefill(self, prefill: RejectionPrefill) -> None:
        notified = prefill.notified_at or self._clock.now()
        self.notified_edit.setDateTime(to_local_qdatetime(notified, self._clock.local_tz()))
        if prefill.channel is not None:
            self.channel_combo.setCurrentIndex(self.channel_combo.findData(prefill.channel.value))
        if self._fixed_application is None and self.application_combo.currentData() == (
            NEW_APPLICATION
        ):
            self.company_edit.setText(prefill.company)
            self.role_edit.setText(prefill.role)
        if prefill.contact_name or prefill.contact_email:
            self._prefill_contact(prefill.contact_name, prefill.contact_email)

    def _prefill_contact(self, name: str, email: str) -> None:
        for contact in self._contacts:
            same_email = email and contact.email.casefold() == email.casefold()
            same_name = not email and name and contact.name.casefold() == name.casefold()
            if same_email or same_name:
                self.contact_combo.setCurrentIndex(self.contact_combo.findData(contact.id))
                return
        self.contact_combo.setCurrentIndex(self.contact_combo.findData(ADD_CONTACT))
        self.contact_name_edit.setText(name)
        self.contact_email_edit.setText(email)

    # -- reacting ------------------------------------------------------------------
    def _selected_application(self) -> Application | None:
        if self._fixed_application is not None:
            return self._fixed_application
        app_id = self.application_combo.currentData()
        if not isinstance(app_id, int) or app_id == NEW_APPLICATION:
            return None
        return self._store.get_application(app_id)

    def _on_application_changed(self) -> None:
        if self._fixed_application is not None:
            return
        app = self._selected_application()
        is_new = self.application_combo.currentData() == NEW_APPLICATION
        self._form.setRowVisible(self.new_application_row, is_new)
        self._load_contacts(app)
        self._select_stage(self._stage_reached(app) if app is not None else Stage.APPLIED)
        self._validate()

    def selected_stage(self) -> Stage:
        return Stage(str(self.stage_combo.currentData()))

    def notified_at(self) -> datetime:
        return from_local_qdatetime(self.notified_edit.dateTime(), self._clock.local_tz())

    def _validate(self) -> bool:
        """Show every problem next to its field; enable OK only when there is none."""
        app_problem = ""
        if self._fixed_application is None:
            combo = self.application_combo
            picked_text = combo.itemText(combo.currentIndex())
            if combo.currentText().strip() != picked_text:
                app_problem = "Pick an application from the list, or “New application…”."
            elif combo.currentData() == NEW_APPLICATION:
                missing = [
                    label
                    for label, edit in (("company", self.company_edit), ("role", self.role_edit))
                    if not edit.text().strip()
                ]
                if missing:
                    app_problem = f"Enter the {' and the '.join(missing)}."
                else:
                    app_problem = problem(
                        validation.COMPANY.clean, self.company_edit.text()
                    ) or problem(validation.ROLE.clean, self.role_edit.text())
        self._show_error(self.application_error, app_problem)

        now = self._clock.now()

        def notified(moment: datetime) -> datetime:
            return validation.check_moment(moment, "The rejection date", now=now)

        notified_problem = problem(notified, self.notified_at())
        self._show_error(self.notified_error, notified_problem)

        adding = self.contact_combo.currentData() == ADD_CONTACT
        self._form.setRowVisible(self.new_contact_row, adding)
        contact_problem = ""
        if adding:
            if not self.contact_name_edit.text().strip():
                contact_problem = "Enter the contact's name, or choose “No contact”."
            else:
                contact_problem = problem(
                    validation.PERSON_NAME.clean, self.contact_name_edit.text()
                ) or problem(validation.clean_email, self.contact_email_edit.text())
        self._show_error(self.contact_error, contact_problem)

        automated = before_human_contact(self.selected_stage())
        self.skip_button.setVisible(automated)
        self.automated_hint.setVisible(automated)
        valid = not (app_problem or notified_problem or contact_problem)
        self.ok_button.setEnabled(valid)
        self.skip_button.setEnabled(valid)
        return valid

    def _show_error(self, label: QLabel, text: str) -> None:
        label.setText(text)
        self._form.setRowVisible(label, bool(text))

    def build_input(self) -> RejectionInput:
        app = self._selected_application()
        contact_id = self.contact_combo.currentData()
        adding = contact_id == ADD_CONTACT
        return RejectionInput(
            company=app.company if app else self.company_edit.text().strip(),
            role=app.role if app else self.role_edit.text().strip(),
            notified_at=self.notified_at(),
            stage_reached=self.selected_stage(),
            channel=Channel(str(self.channel_combo.currentData())),
            contact_name=self.contact_name_edit.text().strip() if adding else "",
            contact_email=self.contact_email_edit.text().strip() if adding else "",
            contact_id=contact_id if isinstance(contact_id, int) and contact_id > 0 else None,
            application_id=app.id if app else None,
        )

    def _log_and_skip(self) -> None:
        self._skip_chosen = True
        self._log()

    def _log(self) -> None:
        if not self._validate():
            self._skip_chosen = False
            return
        try:
            logged = self._log_rejection(self.build_input())
        except UserFacingError as error:
            # Nothing was written: say why and let the user fix it in place.
            self.form_error.setText(str(error))
            self.form_error.show()
            self._skip_chosen = False
            return
        self.logged = logged
        self.accept()
        self.rejection_logged.emit(logged, self._skip_chosen)
