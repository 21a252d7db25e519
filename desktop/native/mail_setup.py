"""Adding and removing a mail source: the steps `askwhy mail add|remove` and Settings › Mail
share, so that the password goes to the keyring, and only there, the same way from both.

Adding is two steps, because the first one blocks and may fail on the user's input while
nothing is written yet: `prepare_source` reads where the source stands now (the keys of
the messages a maildir or mbox holds, or the IMAP folder's mark after a verified login),
then `save_source` records it and puts the password in the keyring, or neither.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from desktop.core.errors import InvalidInput, UserFacingError
from desktop.core.mail_sources import MailSource, SourceKind, SourceSpec
from desktop.native.mail_watch import PasswordKeyring, current_mark, local_keys
from desktop.store.mail import ImapMark, MailStore

# A password is one line; this also bounds what `--password-stdin` reads from a pipe.
MAX_PASSWORD_CHARS = 4_096


@dataclass(frozen=True, slots=True)
class NewSource:
    """A source ready to be recorded: where it stands now, and its password (IMAP only)."""

    spec: SourceSpec
    ca_file: str = ""
    keys: list[str] = field(default_factory=list)
    mark: ImapMark | None = None
    password: str = field(default="", repr=False)


def check_ca_file(spec: SourceSpec, ca_file: str) -> str:
    """The CA file the user named, as an absolute path ("" for none); InvalidInput when it
    does not fit the source or does not exist. Cheap: run it before asking for a password."""
    if not ca_file:
        return ""
    if spec.kind is not SourceKind.IMAPS:
        raise InvalidInput("a CA file is for imaps:// sources only")
    path = Path(ca_file).expanduser()
    if not path.is_file():
        raise InvalidInput(f"the CA file {path} does not exist")
    return str(path.resolve())


def prepare_source(
    spec: SourceSpec, *, password: str = "", ca_file: str = "", since: datetime | None = None
) -> NewSource:
    """Where the source stands now; blocks (reads the folder, or logs in to the server).

    Mail older than `since` (when given) is left unseen, so it is read; the rest counts as
    seen. Raises InvalidInput or MailSourceError in one line the user can act on.
    """
    if spec.kind is not SourceKind.IMAPS:
        # Absolute: the app and later commands may run from another folder.
        local = SourceSpec(spec.kind, path=str(Path(spec.path).expanduser().resolve()))
        return NewSource(local, keys=local_keys(local, since=since))
    if not password or len(password) > MAX_PASSWORD_CHARS or "\n" in password:
        raise InvalidInput("the password must be one non-empty line")
    mark = current_mark(spec, password, ca_file=ca_file, since=since)
    return NewSource(spec, ca_file=ca_file, mark=mark, password=password)


def save_source(
    store: MailStore, passwords: PasswordKeyring, new: NewSource, *, now: datetime
) -> MailSource:
    """Records the source and keeps its password in the keyring: both, or neither."""
    source = store.add_source(
        new.spec, now=now, ca_file=new.ca_file, existing_keys=new.keys, mark=new.mark
    )
    if new.password:
        try:
            passwords.store(new.spec, new.password)
        except UserFacingError:
            store.remove_source(source.id)  # nothing half-written: no source without it
            raise
    return source


def remove_source(store: MailStore, passwords: PasswordKeyring, source_id: int) -> MailSource:
    """Forgets the source, what it saw and found, and its password in the keyring."""
    source = store.remove_source(source_id)
    if source.spec.kind is SourceKind.IMAPS:
        passwords.forget(source.spec)
    return source
