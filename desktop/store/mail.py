"""The mail sources' records: the sources, the messages already examined, the rejections
found, and the per-sender hint.

"Each message is examined once, ever" rests on one rule: a message's key goes into
`mail_seen` in the same transaction that records what it told (`MailStore.record`), so a
crash before the commit leaves it unseen (it is read again), and after it leaves it seen
and its finding kept (it is never reported twice). What is kept of a message is its key
and, for a rejection, the extracted fields; nothing of its content, and no password.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from desktop.core import validation
from desktop.core.errors import InvalidInput
from desktop.core.mail_sources import (
    MAX_KEY_CHARS,
    Finding,
    MailSource,
    Rejection,
    SourceKind,
    SourceSpec,
    parse_source,
)
from desktop.store import applications
from desktop.store.database import Database
from desktop.store.models import MailFindingRow, MailSeenRow, MailSenderHintRow, MailSourceRow

# SQLite's default limit on bound parameters is 32,766; stay well below it.
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class ImapMark:
    """Where an IMAP folder stood: its UIDVALIDITY and the UID its next message will get."""

    uid_validity: int
    uid_next: int


class MailStore:
    """Reads and writes of the mail tables, each one short transaction. Thread-safe as the
    Database is: every call opens its own session."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def applied_companies(self) -> list[str]:
        """The companies the user applied to, which mail is matched against: read once at
        the start of a check, not per message."""
        with self._database.transaction() as session:
            return applications.companies(session)

    # -- sources -----------------------------------------------------------------------
    def add_source(
        self,
        spec: SourceSpec,
        *,
        now: datetime,
        ca_file: str = "",
        existing_keys: Iterable[str] = (),
        mark: ImapMark | None = None,
    ) -> MailSource:
        """Adds a source whose current messages (`existing_keys`, or the IMAP `mark`) count
        as seen: only mail that arrives later is examined."""
        with self._database.transaction(write=True) as session:
            known = session.scalar(
                select(MailSourceRow.id).where(MailSourceRow.location == spec.location)
            )
            if known is not None:
                raise InvalidInput(f"{spec.location} is already mail source #{known}")
            row = MailSourceRow(
                kind=spec.kind.value,
                location=spec.location,
                ca_file=ca_file,
                added_at=now,
                last_error="",
                imap_uid_validity=mark.uid_validity if mark else None,
                imap_uid_next=mark.uid_next if mark else None,
            )
            session.add(row)
            session.flush()
            _mark_seen(session, row.id, existing_keys)
            return _source(row)

    def sources(self) -> list[MailSource]:
        with self._database.transaction() as session:
            rows = session.scalars(select(MailSourceRow).order_by(MailSourceRow.id))
            return [_source(row) for row in rows]

    def get_source(self, source_id: int) -> MailSource:
        with self._database.transaction() as session:
            return _source(_source_row(session, source_id))

    def remove_source(self, source_id: int) -> MailSource:
        """Forgets the source, what was seen in it and what it found not yet dealt with."""
        with self._database.transaction(write=True) as session:
            row = _source_row(session, source_id)
            removed = _source(row)
            session.delete(row)
            return removed

    def set_status(self, source_id: int, *, now: datetime, error: str = "") -> None:
        """When the source was last read, and why that failed ("" when it worked)."""
        with self._database.transaction(write=True) as session:
            session.execute(
                update(MailSourceRow)
                .where(MailSourceRow.id == source_id)
                .values(last_checked_at=now, last_error=error[:1000])
            )

    def reset_mark(self, source_id: int, mark: ImapMark) -> None:
        """The folder was recreated (a new UIDVALIDITY): its old UIDs mean nothing now, so
        reading starts again from what is new from here on."""
        with self._database.transaction(write=True) as session:
            session.execute(
                update(MailSourceRow)
                .where(MailSourceRow.id == source_id)
                .values(imap_uid_validity=mark.uid_validity, imap_uid_next=mark.uid_next)
            )

    # -- messages ----------------------------------------------------------------------
    def unseen(self, source_id: int, keys: Sequence[str]) -> list[str]:
        """`keys`, in order, without those already examined."""
        seen: set[str] = set()
        with self._database.transaction() as session:
            for start in range(0, len(keys), _CHUNK):
                chunk = [key[:MAX_KEY_CHARS] for key in keys[start : start + _CHUNK]]
                seen.update(
                    session.scalars(
                        select(MailSeenRow.message_key).where(
                            MailSeenRow.source_id == source_id,
                            MailSeenRow.message_key.in_(chunk),
                        )
                    )
                )
        return [key for key in keys if key[:MAX_KEY_CHARS] not in seen]

    def record(
        self,
        source_id: int,
        key: str,
        rejection: Rejection | None,
        *,
        now: datetime,
        uid_next: int | None = None,
    ) -> Finding | None:
        """One examined message, in one transaction: its key is marked seen, its rejection
        (if it is one) kept, and an IMAP source's mark moved past it (`uid_next`).

        Returns the new finding; None when the message was not a rejection, or was already
        seen (another process got there first): each message is reported once.
        """
        with self._database.transaction(write=True) as session:
            inserted = session.execute(
                insert(MailSeenRow)
                .values(source_id=source_id, message_key=key[:MAX_KEY_CHARS])
                .on_conflict_do_nothing()
            )
            if uid_next is not None:
                session.execute(
                    update(MailSourceRow)
                    .where(MailSourceRow.id == source_id, MailSourceRow.imap_uid_next < uid_next)
                    .values(imap_uid_next=uid_next)
                )
            if not inserted.rowcount or rejection is None:  # type: ignore[attr-defined]
                return None
            received = rejection.received_at
            row = MailFindingRow(
                source_id=source_id,
                company=_kept(validation.COMPANY, rejection.company),
                role=_kept(validation.ROLE, rejection.role),
                contact_name=_kept(validation.PERSON_NAME, rejection.contact_name),
                contact_email=_address(rejection.contact_email),
                sender=_address(rejection.sender),
                received_at=None if received is None else validation.clamp_moment(received),
                found_at=now,
            )
            session.add(row)
            session.flush()
            return _finding(row, _dismissals(session, row.sender))

    # -- findings ----------------------------------------------------------------------
    def findings(self) -> list[Finding]:
        """The rejections found and not yet logged or dismissed, newest first."""
        with self._database.transaction() as session:
            rows = session.scalars(
                select(MailFindingRow).order_by(
                    MailFindingRow.found_at.desc(), MailFindingRow.id.desc()
                )
            ).all()
            return [_finding(row, _dismissals(session, row.sender)) for row in rows]

    def get_finding(self, finding_id: int) -> Finding:
        with self._database.transaction() as session:
            row = _finding_row(session, finding_id)
            return _finding(row, _dismissals(session, row.sender))

    def take_finding(self, finding_id: int) -> Finding:
        """The user logged it: the finding has served, and goes."""
        with self._database.transaction(write=True) as session:
            row = _finding_row(session, finding_id)
            finding = _finding(row, _dismissals(session, row.sender))
            session.delete(row)
            return finding

    def dismiss_finding(self, finding_id: int) -> Finding:
        """ "Not a rejection": the finding goes, and its sender's hint grows by one."""
        with self._database.transaction(write=True) as session:
            row = _finding_row(session, finding_id)
            finding = _finding(row, _dismissals(session, row.sender))
            if row.sender:
                session.execute(
                    insert(MailSenderHintRow)
                    .values(sender=row.sender, dismissals=1)
                    .on_conflict_do_update(
                        index_elements=[MailSenderHintRow.sender],
                        set_={"dismissals": MailSenderHintRow.dismissals + 1},
                    )
                )
            session.delete(row)
            return finding

    def restore_finding(self, finding: Finding) -> None:
        """Undo of "Not a rejection": the finding is listed again with its id, and its
        sender's hint shrinks back by one (gone again at none)."""
        with self._database.transaction(write=True) as session:
            if session.get(MailFindingRow, finding.id) is not None:
                raise InvalidInput("That rejection from your mail is listed already.")
            if session.get(MailSourceRow, finding.source_id) is None:
                raise InvalidInput("The mail source of that rejection was removed meanwhile.")
            rejection = finding.rejection
            session.add(
                MailFindingRow(
                    id=finding.id,
                    source_id=finding.source_id,
                    company=rejection.company,
                    role=rejection.role,
                    contact_name=rejection.contact_name,
                    contact_email=rejection.contact_email,
                    sender=rejection.sender,
                    received_at=rejection.received_at,
                    found_at=finding.found_at,
                )
            )
            if rejection.sender:
                hint = MailSenderHintRow.sender == rejection.sender
                session.execute(
                    update(MailSenderHintRow)
                    .where(hint)
                    .values(dismissals=MailSenderHintRow.dismissals - 1)
                )
                session.execute(
                    delete(MailSenderHintRow).where(hint, MailSenderHintRow.dismissals <= 0)
                )


def _kept(rule: validation.TextRule, value: str) -> str:
    """A stranger's text as the rules store it, or "" (the user fills it in when logging):
    a finding is kept whatever the email held, so that its message is never read twice."""
    try:
        return rule.clean(rule.scrub(value)[: rule.limit])
    except InvalidInput:
        return ""


def _address(value: str) -> str:
    try:
        return validation.clean_email(value)
    except InvalidInput:
        return ""


def _mark_seen(session: Session, source_id: int, keys: Iterable[str]) -> None:
    batch: list[dict[str, object]] = []
    for key in keys:
        batch.append({"source_id": source_id, "message_key": key[:MAX_KEY_CHARS]})
        if len(batch) >= _CHUNK:
            session.execute(insert(MailSeenRow).on_conflict_do_nothing(), batch)
            batch = []
    if batch:
        session.execute(insert(MailSeenRow).on_conflict_do_nothing(), batch)


def _dismissals(session: Session, sender: str) -> int:
    if not sender:
        return 0
    count = session.scalar(
        select(MailSenderHintRow.dismissals).where(MailSenderHintRow.sender == sender)
    )
    return int(count or 0)


def _source_row(session: Session, source_id: int) -> MailSourceRow:
    row = session.get(MailSourceRow, source_id)
    if row is None:
        raise InvalidInput(f"there is no mail source #{source_id} (see 'askwhy mail list')")
    return row


def _finding_row(session: Session, finding_id: int) -> MailFindingRow:
    row = session.get(MailFindingRow, finding_id)
    if row is None:
        raise InvalidInput("That rejection from your mail was already logged or dismissed.")
    return row


def _source(row: MailSourceRow) -> MailSource:
    spec = parse_source(row.location)
    assert spec.kind is SourceKind(row.kind)
    return MailSource(
        id=row.id,
        spec=spec,
        ca_file=row.ca_file,
        added_at=row.added_at,
        last_checked_at=row.last_checked_at,
        last_error=row.last_error,
        imap_uid_validity=row.imap_uid_validity,
        imap_uid_next=row.imap_uid_next,
    )


def _finding(row: MailFindingRow, dismissals: int) -> Finding:
    return Finding(
        id=row.id,
        source_id=row.source_id,
        rejection=Rejection(
            company=row.company,
            role=row.role,
            contact_name=row.contact_name,
            contact_email=row.contact_email,
            sender=row.sender,
            received_at=row.received_at,
        ),
        found_at=row.found_at,
        quiet=dismissals > 0,
    )
