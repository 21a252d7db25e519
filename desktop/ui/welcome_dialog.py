"""The first-run welcome: who you are (for your drafts), then whether to start at login.

Two short steps, each skippable. Without a name and a signature the first draft would be
flagged for an empty {{ my_signature }}; without the question about start-at-login reminders
stop when the window is closed for the day. The answers go to the store through
`save_settings`, which validates them; a refusal is shown in place and nothing is written.

`finished` with Accepted means the welcome was answered or skipped on purpose: the app
does not show it again (`Settings.asked_about_autostart`). Closed any other way (Escape,
quitting), it comes back at the next start.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.core import validation
from desktop.core.errors import UserFacingError
from desktop.core.model import Settings
from desktop.ui.forms import ErrorLabel, problem
from desktop.ui.profile_form import ProfileForm
from desktop.ui.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from desktop.native.autostart import Autostart
    from desktop.store.repository import Store

PREFERRED_WIDTH = 520


class WelcomeDialog(QDialog):
    def __init__(
        self,
        store: Store,
        autostart: Autostart | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._autostart = autostart if autostart is not None and autostart.supported else None
        self.setWindowTitle(f"Welcome to {APP_NAME}")
        self.setObjectName("welcome_dialog")
        self._build()
        self.profile_form.load(store.load_settings().profile)
        self._connect()
        self._validate()
        fit_to_screen(self, QSize(PREFERRED_WIDTH, self.sizeHint().height()))

    def _build(self) -> None:
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_profile_page())
        self.pages.addWidget(self._build_login_page())
        self.error_label = ErrorLabel("welcome_error")
        self.buttons = QDialogButtonBox()
        self.skip_button = self.buttons.addButton("S&kip", QDialogButtonBox.ButtonRole.RejectRole)
        self.skip_button.setObjectName("skip_button")
        self.skip_button.setToolTip("Skip this step; Settings has it all later (Ctrl+,).")
        self.back_button = QPushButton("&Back")
        self.back_button.setObjectName("back_button")
        self.buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.next_button = self.buttons.addButton("Ne&xt", QDialogButtonBox.ButtonRole.AcceptRole)
        self.next_button.setObjectName("next_button")
        for button in (self.skip_button, self.back_button):
            button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._show_page(0)

    def _build_profile_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            f"<b>{APP_NAME} helps you ask why you were not selected, while the answer is still "
            "fresh.</b><br>Your requests are signed with these; you can change them in "
            "Settings."
        )
        intro.setWordWrap(True)
        self.profile_form = ProfileForm()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.profile_form)
        layout.addStretch(1)
        return page

    def _build_login_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            f"<b>Reminders need {APP_NAME} running.</b><br>Started at login, it waits in "
            "the tray and reminds you while a follow-up window closes."
        )
        intro.setWordWrap(True)
        self.autostart_check = QCheckBox(f"&Start {APP_NAME} when I log in")
        self.autostart_check.setObjectName("autostart_check")
        if self._autostart is None:
            self.autostart_check.setEnabled(False)
            self.autostart_check.setToolTip("Starting at login is not available on this system.")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.autostart_check)
        layout.addStretch(1)
        return page

    def _connect(self) -> None:
        self.profile_form.email_edit.textChanged.connect(self._validate)
        self.next_button.clicked.connect(self._next)
        self.back_button.clicked.connect(self._back)
        self.skip_button.clicked.connect(self._skip)

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        last = index == self.pages.count() - 1
        self.back_button.setVisible(index > 0)
        self.next_button.setText("&Done" if last else "Ne&xt")
        self.next_button.setDefault(True)
        focus = self.autostart_check if last else self.profile_form.name_edit
        focus.setFocus()

    def _validate(self) -> bool:
        # The store's own rule, asked early; it applies it again when the profile is saved.
        email = self.profile_form.email_edit.text().strip()
        found = problem(validation.clean_email, email) if email else ""
        self.error_label.show_error(found)
        self.next_button.setEnabled(not found)
        return not found

    def _next(self) -> None:
        if self.pages.currentIndex() == 0:
            current = self._store.load_settings()
            profile = self.profile_form.profile()
            if self._validate() and self._save(dataclasses.replace(current, profile=profile)):
                self._show_page(1)
            return
        self._finish(self.autostart_check.isChecked())

    def _back(self) -> None:
        self.error_label.show_error("")
        self._show_page(0)

    def _skip(self) -> None:
        if self.pages.currentIndex() == 0:
            self.error_label.show_error("")
            self._show_page(1)
        else:
            self._finish(False)

    def _finish(self, start_at_login: bool) -> None:
        if self._autostart is not None and start_at_login != self._autostart.is_enabled():
            try:
                self._autostart.set_enabled(start_at_login)
            except OSError as error:
                self.error_label.show_error(f"Start at login could not be changed ({error}).")
                return
        answered = dataclasses.replace(
            self._store.load_settings(),
            start_at_login=start_at_login,
            asked_about_autostart=True,
        )
        if self._save(answered):
            self.accept()

    def _save(self, settings: Settings) -> bool:
        """Writes this step's answers; the store validates them and refuses as a whole."""
        try:
            self._store.save_settings(settings)
        except UserFacingError as error:
            self.error_label.show_error(str(error))
            return False
        return True
