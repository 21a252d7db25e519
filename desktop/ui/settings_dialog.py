"""Profile and reminder settings, validated in place before anything is written.

The dialog edits a copy of `Settings` and writes it with one `Store.save_settings` call on
OK, so a half-filled form never reaches the database. OK is one step on the window's undo
stack, together with what it changes outside the database: the start-at-login entry and
the colour scheme (`undo_commands.SaveSettingsCommand`). Fields the dialog does not show
(`asked_about_autostart`, `reminders_paused_until`, the stale cut-off) are carried over
untouched with `dataclasses.replace`.
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTime
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core import declared_settings
from desktop.core.model import Settings
from desktop.native.notifications import Notifier, describe_backend, send_test_notification
from desktop.ui import undo_commands
from desktop.ui.forms import ErrorLabel
from desktop.ui.profile_form import ProfileForm
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui.theme import THEME_LABELS, ThemeController

if TYPE_CHECKING:
    from desktop.native.autostart import Autostart
    from desktop.store.repository import Store
    from desktop.ui.mail_settings import MailSetup

log = logging.getLogger(__name__)


def _limits(key: str) -> tuple[float, float]:
    """The setting's declared range: the spin boxes offer exactly what the store accepts."""
    setting = declared_settings.BY_KEY[key]
    assert setting.minimum is not None
    assert setting.maximum is not None
    return setting.minimum, setting.maximum


def _hours_spin(name: str, key: str, step: float = 0.5) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setObjectName(name)
    spin.setRange(*_limits(key))
    spin.setSingleStep(step)
    spin.setDecimals(1)
    spin.setSuffix(" h")
    return spin


def _int_spin(name: str, key: str, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    minimum, maximum = _limits(key)
    spin.setRange(int(minimum), int(maximum))
    spin.setSuffix(suffix)
    return spin


def _to_qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def _from_qtime(value: QTime) -> time:
    return time(value.hour(), value.minute())


class SettingsDialog(QDialog):
    """Signals: none; `accepted` means the settings were saved (read them with `settings`)."""

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        notifier: Notifier | None = None,
        autostart: Autostart | None = None,
        undo_stack: QUndoStack,
        on_error: undo_commands.ErrorHandler,
        theme: ThemeController | None = None,
        mail: MailSetup | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        # Saving is a step on the window's undo stack; an undo that fails later goes to
        # `on_error`.
        self._undo_stack = undo_stack
        self._on_error = on_error
        self._mail = mail
        self._notifier = notifier
        self._autostart = autostart
        self._theme = theme
        # What Cancel goes back to: a chosen scheme shows at once, before Save.
        self._theme_before = theme.choice if theme is not None else "system"
        self.settings: Settings = store.load_settings()
        self.setWindowTitle("Settings")
        self.setObjectName("settings_dialog")
        self._build()
        self._load(self.settings)
        self._connect()
        self.validate()
        # Set once the button sits inside the dialog: an earlier setDefault never reaches
        # the dialog, and Enter would then press whichever button Qt picked (Cancel).
        self.ok_button.setDefault(True)

    # -- building ------------------------------------------------------------------
    def _build_profile(self) -> QGroupBox:
        self.profile_form = ProfileForm()
        self.name_edit = self.profile_form.name_edit
        self.email_edit = self.profile_form.email_edit
        self.signature_edit = self.profile_form.signature_edit
        profile_box = QGroupBox("Your profile (fills {{ my_name }}, {{ my_email }}…)")
        QVBoxLayout(profile_box).addWidget(self.profile_form)

        return profile_box

    def _build_reminders(self) -> QGroupBox:
        self.window_spin = _int_spin("window_spin", "reminders.window_hours", " h")
        self.nudge_spin = _hours_spin("nudge_spin", "reminders.nudge_after_hours")
        self.closing_spin = _hours_spin("closing_spin", "reminders.closing_before_hours")
        self.last_call_spin = _hours_spin(
            "last_call_spin", "reminders.last_call_before_hours", 0.25
        )
        self.last_call_spin.setDecimals(2)
        self.quiet_check = QCheckBox("&Quiet hours: move reminders out of")
        self.quiet_check.setObjectName("quiet_check")
        self.quiet_start_edit = QTimeEdit()
        self.quiet_start_edit.setObjectName("quiet_start_edit")
        self.quiet_start_edit.setDisplayFormat("HH:mm")
        self.quiet_end_edit = QTimeEdit()
        self.quiet_end_edit.setObjectName("quiet_end_edit")
        self.quiet_end_edit.setDisplayFormat("HH:mm")
        quiet_row = QHBoxLayout()
        quiet_row.addWidget(self.quiet_check)
        quiet_row.addWidget(self.quiet_start_edit)
        quiet_row.addWidget(QLabel("to"))
        quiet_row.addWidget(self.quiet_end_edit)
        quiet_row.addStretch(1)
        self.reminders_error = ErrorLabel("reminders_error")
        reminders_box = QGroupBox("Feedback requests")
        reminders_form = QFormLayout(reminders_box)
        reminders_form.addRow("&Window to ask", self.window_spin)
        reminders_form.addRow("Nudge &after", self.nudge_spin)
        reminders_form.addRow("“Closing” &before the close", self.closing_spin)
        reminders_form.addRow("“&Last call” before the close", self.last_call_spin)
        reminders_form.addRow(quiet_row)
        reminders_form.addRow(self.reminders_error)

        return reminders_box

    def _build_others(self) -> QGroupBox:
        self.thank_you_spin = _int_spin("thank_you_spin", "thank_you_window_hours", " h")
        self.check_in_spin = _int_spin("check_in_spin", "check_in_business_days", " business days")
        self.stay_in_touch_spin = _int_spin("stay_in_touch_spin", "stay_in_touch_weeks", " weeks")
        self.ghosted_applied_spin = _int_spin(
            "ghosted_applied_spin", "ghosted_after_applied_days", " days"
        )
        self.ghosted_interview_spin = _int_spin(
            "ghosted_interview_spin", "ghosted_after_interview_days", " days"
        )
        others_box = QGroupBox("Other follow-ups")
        others_form = QFormLayout(others_box)
        others_form.addRow("&Thank-you note within", self.thank_you_spin)
        others_form.addRow("&Check in after", self.check_in_spin)
        others_form.addRow("Stay in to&uch after", self.stay_in_touch_spin)
        # "Needs action" proposes Ghosted after this much silence; the user decides.
        others_form.addRow("Propose Ghosted after appl&ying", self.ghosted_applied_spin)
        others_form.addRow("… after an inter&view", self.ghosted_interview_spin)

        return others_box

    def _build_system(self) -> QGroupBox:
        self.autostart_check = QCheckBox("Start AskWhy when I log in (in the tray)")
        self.autostart_check.setObjectName("autostart_check")
        self.backend_label = QLabel()
        self.backend_label.setObjectName("backend_label")
        self.backend_label.setWordWrap(True)
        self.test_button = QPushButton("Send a test noti&fication")
        self.test_button.setObjectName("test_button")
        self.test_result_label = QLabel()
        self.test_result_label.setObjectName("test_result_label")
        self.test_result_label.setWordWrap(True)
        self.theme_combo = QComboBox()
        self.theme_combo.setObjectName("theme_combo")
        for choice, label in THEME_LABELS.items():
            self.theme_combo.addItem(label, choice)
        self.theme_combo.setEnabled(self._theme is not None)
        theme_row = QHBoxLayout()
        theme_label = QLabel("Colou&r scheme")
        theme_label.setBuddy(self.theme_combo)
        theme_row.addWidget(theme_label)
        theme_row.addWidget(self.theme_combo)
        theme_row.addStretch(1)
        system_box = QGroupBox("System")
        system_layout = QVBoxLayout(system_box)
        system_layout.addLayout(theme_row)
        system_layout.addWidget(self.autostart_check)
        system_layout.addWidget(self.backend_label)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result_label, 1)
        system_layout.addLayout(test_row)

        return system_box

    def _build(self) -> None:
        profile_box = self._build_profile()
        reminders_box = self._build_reminders()
        others_box = self._build_others()
        system_box = self._build_system()
        self.profile_error = ErrorLabel("profile_error")
        self.form_error = ErrorLabel("form_error")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.addButton("&Save", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("ok_button")
        self._buttons = buttons

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(profile_box)
        content_layout.addWidget(self.profile_error)
        content_layout.addWidget(reminders_box)
        content_layout.addWidget(others_box)
        content_layout.addWidget(system_box)
        content_layout.addStretch(1)
        # The groups scroll on a short screen; the error and Save/Cancel stay in view.
        scroll = QScrollArea()
        scroll.setObjectName("settings_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self._with_mail_page(scroll), 1)
        layout.addWidget(self.form_error)
        layout.addWidget(buttons)
        # As tall as the groups want (a scroll area's own hint is capped), as wide as they
        # need plus the scroll bar, then cut to the screen.
        bar = scroll.verticalScrollBar().sizeHint().width()
        wanted = self.sizeHint() + QSize(
            bar, content.sizeHint().height() - scroll.sizeHint().height()
        )
        fit_to_screen(self, wanted)

    def _with_mail_page(self, general: QWidget) -> QWidget:
        """With the mail service running, the settings above and a Mail page, as tabs."""
        if self._mail is None:
            return general
        from desktop.ui.mail_settings import MailPage  # noqa: PLC0415 (imports the IMAP client)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("settings_tabs")
        self.tabs.addTab(general, "&Preferences")
        self.mail_page = MailPage(self._mail)
        self.tabs.addTab(self.mail_page, "&Mail")
        return self.tabs

    def _load(self, settings: Settings) -> None:
        self.profile_form.load(settings.profile)
        policy = settings.reminders
        self.window_spin.setValue(policy.window_hours)
        self.nudge_spin.setValue(policy.nudge_after_hours)
        self.closing_spin.setValue(policy.closing_before_hours)
        self.last_call_spin.setValue(policy.last_call_before_hours)
        self.quiet_check.setChecked(policy.quiet_hours_enabled)
        self.quiet_start_edit.setTime(_to_qtime(policy.quiet_start))
        self.quiet_end_edit.setTime(_to_qtime(policy.quiet_end))
        self.thank_you_spin.setValue(settings.thank_you_window_hours)
        self.check_in_spin.setValue(settings.check_in_business_days)
        self.stay_in_touch_spin.setValue(settings.stay_in_touch_weeks)
        self.ghosted_applied_spin.setValue(settings.ghosted_after_applied_days)
        self.ghosted_interview_spin.setValue(settings.ghosted_after_interview_days)

        self.theme_combo.setCurrentIndex(self.theme_combo.findData(self._theme_before))
        autostart = self._autostart
        if autostart is not None and autostart.supported:
            self.autostart_check.setChecked(autostart.is_enabled())
        else:
            self.autostart_check.setChecked(settings.start_at_login)
            self.autostart_check.setEnabled(False)
            self.autostart_check.setToolTip("Starting at login is not available on this system.")
        if self._notifier is not None:
            self.backend_label.setText(f"Notifications: {describe_backend(self._notifier)}")
        else:
            self.backend_label.setText("Notifications: not started yet.")
            self.test_button.setEnabled(False)

    def _connect(self) -> None:
        self.name_edit.textChanged.connect(self.validate)
        self.email_edit.textChanged.connect(self.validate)
        self.signature_edit.textChanged.connect(self.validate)
        for spin in (self.window_spin, self.nudge_spin, self.closing_spin, self.last_call_spin):
            spin.valueChanged.connect(self.validate)
        self.quiet_check.toggled.connect(self.validate)
        self.quiet_start_edit.timeChanged.connect(self.validate)
        self.quiet_end_edit.timeChanged.connect(self.validate)
        self.test_button.clicked.connect(self.send_test)
        self.theme_combo.currentIndexChanged.connect(self._on_theme_chosen)
        self.ok_button.clicked.connect(self._save)
        self._buttons.rejected.connect(self.reject)
        if self._notifier is not None:
            self._notifier.failed.connect(self._on_notification_failed)

    # -- validation ----------------------------------------------------------------
    def validate(self) -> bool:
        """The declared settings' rules, the store's own, shown next to their group."""
        quiet_on = self.quiet_check.isChecked()
        self.quiet_start_edit.setEnabled(quiet_on)
        self.quiet_end_edit.setEnabled(quiet_on)
        problems = declared_settings.problems(self.build_settings())
        profile = [p.message for p in problems if p.key.startswith("profile.")]
        others = [p.message for p in problems if not p.key.startswith("profile.")]
        self._show(self.profile_error, " ".join(profile))
        self._show(self.reminders_error, " ".join(others))
        self.ok_button.setEnabled(not problems)
        return not problems

    def _show(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    # -- actions -------------------------------------------------------------------
    def build_settings(self) -> Settings:
        current = self.settings
        policy = dataclasses.replace(
            current.reminders,
            window_hours=self.window_spin.value(),
            nudge_after_hours=self.nudge_spin.value(),
            closing_before_hours=self.closing_spin.value(),
            last_call_before_hours=self.last_call_spin.value(),
            quiet_hours_enabled=self.quiet_check.isChecked(),
            quiet_start=_from_qtime(self.quiet_start_edit.time()),
            quiet_end=_from_qtime(self.quiet_end_edit.time()),
        )
        return dataclasses.replace(
            current,
            profile=self.profile_form.profile(),
            reminders=policy,
            thank_you_window_hours=self.thank_you_spin.value(),
            check_in_business_days=self.check_in_spin.value(),
            stay_in_touch_weeks=self.stay_in_touch_spin.value(),
            ghosted_after_applied_days=self.ghosted_applied_spin.value(),
            ghosted_after_interview_days=self.ghosted_interview_spin.value(),
            start_at_login=self.autostart_check.isChecked(),
        )

    def send_test(self) -> None:
        if self._notifier is None:
            return
        try:
            send_test_notification(self._notifier)
        except Exception as error:  # a backend failing is reported, never a crash
            log.warning("test notification failed: %s", error)
            self.test_result_label.setText(f"It did not arrive: {error}")
            return
        self.test_result_label.setText("Sent. Did it appear? If not, check the system settings.")

    def _on_notification_failed(self, message: str) -> None:
        self.test_result_label.setText(f"It did not arrive: {message}")

    def _save(self) -> None:
        if not self.validate():
            return
        settings = self.build_settings()
        if not undo_commands.run(
            self._undo_stack,
            undo_commands.SaveSettingsCommand(
                self._store,
                self.settings,
                settings,
                autostart=self._autostart,
                theme=self._theme,
                theme_before=self._theme_before,
            ),
            self._on_error,
            on_refused=lambda message: self._show(self.form_error, f"Nothing was saved: {message}"),
        ):
            return
        self.settings = settings
        self.accept()

    def _on_theme_chosen(self) -> None:
        if self._theme is not None:
            self._theme.choose(str(self.theme_combo.currentData()))

    def reject(self) -> None:
        if self._theme is not None:
            self._theme.choose(self._theme_before)  # Cancel takes the preview back
        super().reject()
