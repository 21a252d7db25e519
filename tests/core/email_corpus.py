"""What the email corpora are made of: a sample email and the kind it is, with the company
and the role a reader should find in it. The corpora: test_email_corpus.py (written with
the rules) and email_corpus_dev.py (written apart from them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import SMTP

from desktop.core.email_kind import EmailKind

R, I, O, C, X = (  # noqa: E741 - one letter per kind keeps the corpus table readable
    EmailKind.REJECTION,
    EmailKind.INTERVIEW,
    EmailKind.OFFER,
    EmailKind.RECEIVED,
    EmailKind.OTHER,
)


@dataclass(frozen=True)
class Sample:
    sender: str
    subject: str
    body: str
    kind: EmailKind
    company: str = ""
    role: str = ""
    html: bool = False
    headers: dict[str, str] = field(default_factory=dict)

    def raw(self) -> bytes:
        message = EmailMessage(policy=SMTP)
        message["From"] = self.sender
        message["To"] = "Sam Lee <sam@example.org>"
        message["Subject"] = self.subject
        message["Date"] = "Tue, 03 Mar 2026 10:15:00 +0100"
        for name, value in self.headers.items():
            message[name] = value
        message.set_content(self.body, subtype="html" if self.html else "plain")
        return message.as_bytes()
