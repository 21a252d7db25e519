"""The profile fields (name, email, signature) that fill {{ my_name }}, {{ my_email }} and
{{ my_signature }}: one form, shown in Settings and in the first-run welcome."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from desktop.core.model import Profile

SIGNATURE_HEIGHT = 80


class ProfileForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("name_edit")
        self.name_edit.setPlaceholderText("Your name, as you sign a letter")
        self.email_edit = QLineEdit()
        self.email_edit.setObjectName("email_edit")
        self.email_edit.setPlaceholderText("you@example.com")
        self.signature_edit = QPlainTextEdit()
        self.signature_edit.setObjectName("signature_edit")
        self.signature_edit.setTabChangesFocus(True)
        self.signature_edit.setPlaceholderText("How you sign: your name, a phone, a portfolio link")
        self.signature_edit.setMaximumHeight(SIGNATURE_HEIGHT)
        for edit, name, description in (
            (self.name_edit, "Your name", "Fills {{ my_name }} in your requests"),
            (self.email_edit, "Your email", "Fills {{ my_email }} and the From of .eml drafts"),
            (self.signature_edit, "Your signature", "Fills {{ my_signature }}"),
        ):
            edit.setAccessibleName(name)
            edit.setAccessibleDescription(description)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("&Name", self.name_edit)
        form.addRow("&Email", self.email_edit)
        form.addRow("Si&gnature", self.signature_edit)

    def load(self, profile: Profile) -> None:
        self.name_edit.setText(profile.name)
        self.email_edit.setText(profile.email)
        self.signature_edit.setPlainText(profile.signature)

    def profile(self) -> Profile:
        return Profile(
            name=self.name_edit.text().strip(),
            email=self.email_edit.text().strip(),
            signature=self.signature_edit.toPlainText().strip(),
        )
