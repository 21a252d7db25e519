"""Reading the user's mail: maildir and mbox files, IMAP over verified TLS, the password in
the OS keyring, and the IDLE worker that watches an IMAP folder while the app runs.

Nothing here imports Qt, so `askwhy mail` stays a plain command; `desktop.native.mail_service`
puts these pieces on worker threads for the app.

What is read of a message is bounded: its header block (at most `MAX_HEADER_BYTES`) and the
start of its first text part (at most `MAX_BODY_BYTES`). Over IMAP that is
`BODY.PEEK[HEADER]` plus `BODY.PEEK[n.MIME]` and `BODY.PEEK[n]<0.65536>` of the text part
that BODYSTRUCTURE names, so attachments never cross the network and no message is marked
read. The result goes to the same parser as a dropped email, with all its caps.

Each message is examined once, ever: its key is marked seen in the transaction that records
what it told (`MailStore.record`).
"""

from __future__ import annotations

import hashlib
import logging
import mailbox
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from email.utils import parsedate_to_datetime
from functools import partial
from pathlib import Path
from typing import Any, Protocol

import keyring
import keyring.errors
from imapclient import IMAPClient  # type: ignore[import-untyped]
from imapclient.exceptions import (  # type: ignore[import-untyped]
    IMAPClientAbortError,
    IMAPClientError,
    LoginError,
)
from keyring.backend import KeyringBackend
from keyring.backends.fail import Keyring as NoKeyring

from desktop import APP_ID
from desktop.core.applied_to import AppliedTo
from desktop.core.email_parsing import MAX_MIME_CONTAINERS
from desktop.core.errors import InvalidInput, UserFacingError
from desktop.core.mail_sources import (
    MAX_BODY_BYTES,
    MAX_HEADER_BYTES,
    MAX_KEY_CHARS,
    Finding,
    MailSource,
    SourceKind,
    SourceSpec,
    read_rejection,
    retry_delay,
)
from desktop.store.mail import ImapMark, MailStore

log = logging.getLogger(__name__)
# At DEBUG, IMAPClient logs every line of the conversation, the messages' text included:
# mail stays out of AskWhy's log even when support turns logging up (the password is
# redacted by IMAPClient itself).
logging.getLogger("imapclient").setLevel(logging.INFO)

# Seconds to wait for an IMAP server to answer a command.
IMAP_TIMEOUT_S = 30.0
# RFC 2177: a client should re-issue IDLE at least every 29 minutes; servers and NAT boxes
# drop quieter connections sooner, so every 10.
IDLE_RENEW_S = 600.0
# A server without IDLE is read this often instead (no faster: no polling loop under 60 s).
POLL_WITHOUT_IDLE_S = 60.0
_FETCH_BATCH = 50
_CONTENT_HEADERS = (b"content-type:", b"content-transfer-encoding:")


class MailSourceError(UserFacingError):
    """A source could not be read; the message is one line the user can act on."""


class LoginRefused(MailSourceError, InvalidInput):
    """The server refused the user name or password (the user's input: exit 2)."""


class NotAMailbox(MailSourceError, InvalidInput):
    """A maildir:/mbox: path that holds no such thing (the user's input: exit 2)."""


# -- the keyring -----------------------------------------------------------------------------


class PasswordKeyring:
    """IMAP passwords in the OS keyring (Secret Service, Credential Manager, Keychain), under
    the service name `APP_ID` and the source's location. Never anywhere else.

    `backend` is the system's (as `keyring` picks it, or `PYTHON_KEYRING_BACKEND` names it)
    unless one is given, such as a file-backed keyring in a test's own folder.
    """

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend

    def _keyring(self) -> KeyringBackend:
        return self._backend if self._backend is not None else keyring.get_keyring()

    def check_available(self) -> None:
        """Raises MailSourceError, in one line, when there is no keyring to keep a password."""
        backend = self._keyring()
        if isinstance(backend, NoKeyring):
            raise MailSourceError(
                "no system keyring to keep the password in (install and unlock GNOME Keyring, "
                "KWallet or another Secret Service); AskWhy stores it nowhere else"
            )

    def describe(self) -> str:
        """The backend's name, for `askwhy doctor`."""
        backend = self._keyring()
        if isinstance(backend, NoKeyring):
            return "none (IMAP sources cannot be read)"
        return f"{type(backend).__module__}.{type(backend).__name__}"

    def store(self, spec: SourceSpec, password: str) -> None:
        self.check_available()
        try:
            self._keyring().set_password(APP_ID, spec.location, password)
        except keyring.errors.KeyringError as error:
            raise MailSourceError(f"the keyring refused the password: {error}") from None

    def load(self, spec: SourceSpec) -> str:
        self.check_available()
        try:
            password = self._keyring().get_password(APP_ID, spec.location)
        except keyring.errors.KeyringError as error:
            raise MailSourceError(f"the keyring cannot be read: {error}") from None
        if password is None:
            raise MailSourceError(
                f"no password for {spec.location} in the keyring: remove the source and add "
                "it again"
            )
        return password

    def forget(self, spec: SourceSpec) -> None:
        # Removing a source must work without a keyring (or with the entry already gone).
        with suppress(keyring.errors.KeyringError):
            self._keyring().delete_password(APP_ID, spec.location)


# -- local sources: maildir and mbox ------------------------------------------------------


class _Readable(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...
    def read(self, size: int = -1, /) -> bytes: ...


def _read_head(stream: _Readable) -> bytes:
    """The header block (with its blank line), at most `MAX_HEADER_BYTES` of it."""
    head = bytearray()
    while len(head) < MAX_HEADER_BYTES:
        line = stream.readline(MAX_HEADER_BYTES - len(head))
        head += line
        if not line or line in {b"\n", b"\r\n"}:
            break
    return bytes(head)


def _bounded_message(stream: _Readable) -> bytes:
    """The header block and the first `MAX_BODY_BYTES` of the body, read from `stream`."""
    return _read_head(stream) + stream.read(MAX_BODY_BYTES)


def _header(head: bytes, name: bytes) -> str:
    """The first `name:` header's value in a header block ("" when there is none)."""
    prefix = name.lower() + b":"
    for line in head.splitlines():
        if line[: len(prefix)].lower() == prefix:
            return line[len(prefix) :].strip()[:MAX_KEY_CHARS].decode("ascii", "replace")
    return ""


def _open_local(spec: SourceSpec) -> mailbox.Mailbox[Any]:
    path = Path(spec.path)
    try:
        if spec.kind is SourceKind.MAILDIR:
            if not (path / "cur").is_dir() or not (path / "new").is_dir():
                raise NotAMailbox(f"{path} is not a maildir (it has no cur and new folders)")
            return mailbox.Maildir(path, factory=None, create=False)
        if not path.is_file():
            raise NotAMailbox(f"{path} is not an mbox file")
        return mailbox.mbox(path, factory=None, create=False)
    except mailbox.Error as error:
        raise MailSourceError(f"cannot open {path}: {error}") from None


def _mbox_key(box: mailbox.Mailbox[Any], key: str) -> str:
    """An mbox message's lasting name: its Message-ID, else a digest of its header block
    (an mbox's own keys are positions, which change when the file is compacted)."""
    with box.get_file(key) as stream:
        head = _read_head(stream)
    message_id = _header(head, b"message-id")
    return f"id:{message_id}" if message_id else f"sha256:{hashlib.sha256(head).hexdigest()}"


class LocalMailbox:
    """A maildir or mbox opened for reading, as a context manager: its messages' lasting
    keys, and each message read bounded."""

    def __init__(self, spec: SourceSpec) -> None:
        self._spec = spec
        self._box = _open_local(spec)

    def __enter__(self) -> LocalMailbox:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._box.close()

    def messages(self) -> list[tuple[str, Callable[[], bytes]]]:
        """(lasting key, a reader of the bounded message), for every message it holds."""
        try:
            return [
                (self._lasting_key(key), partial(self._read, key)) for key in self._box.iterkeys()
            ]
        except OSError as error:
            raise MailSourceError(
                f"cannot read {self._spec.path}: {error.strerror or error}"
            ) from None

    def _lasting_key(self, key: str) -> str:
        # A maildir's keys last (they are file names); an mbox's are positions.
        return key if self._spec.kind is SourceKind.MAILDIR else _mbox_key(self._box, key)

    def _read(self, key: str) -> bytes:
        try:
            with self._box.get_file(key) as stream:
                return _bounded_message(stream)
        except (OSError, KeyError) as error:
            raise MailSourceError(f"cannot read a message in {self._spec.path}: {error}") from None


def _sent_at(read: Callable[[], bytes]) -> datetime | None:
    """When a message says it was sent (its Date header), or None."""
    try:
        sent = parsedate_to_datetime(_header(read()[:MAX_HEADER_BYTES], b"date"))
    except (TypeError, ValueError, IndexError):
        return None
    return sent if sent.tzinfo is not None else None


def local_keys(spec: SourceSpec, *, since: datetime | None = None) -> list[str]:
    """The keys of what a local source holds now, to count as seen at `add` and never be
    examined; except, with `since` (a look-back), the messages sent since then."""
    with LocalMailbox(spec) as box:
        return [
            key
            for key, read in box.messages()
            if since is None or (sent := _sent_at(read)) is None or sent < since
        ]


# -- IMAP ---------------------------------------------------------------------------------


def _reason(error: BaseException, spec: SourceSpec) -> str:
    """Why a source failed, in one line the user can act on."""
    where = f"{spec.host}:{spec.port}"
    if isinstance(error, OSError):
        return _network_reason(error, spec)
    if isinstance(error, IMAPClientAbortError):
        return f"the connection to {where} was lost"
    return f"{where} said: {' '.join(str(error).split())[:200]}"


def _network_reason(error: OSError, spec: SourceSpec) -> str:
    where = f"{spec.host}:{spec.port}"
    if isinstance(error, ssl.SSLCertVerificationError):
        return (
            f"the certificate of {where} could not be verified ({error.verify_message}); "
            "for a self-hosted server, add the source with --ca-file"
        )
    if isinstance(error, ssl.SSLError):
        return f"TLS with {where} failed: {error.reason or error}"
    if isinstance(error, TimeoutError):
        return f"{where} did not answer in time"
    if isinstance(error, socket.gaierror):
        return f"cannot find the server {spec.host}: {error.strerror}"
    return f"cannot reach {where}: {error.strerror or error}"


def connect_imap(spec: SourceSpec, password: str, *, ca_file: str = "") -> IMAPClient:
    """A logged-in client over TLS with the certificate verified (against `ca_file` when
    given, else the system's trust store), or MailSourceError in one line."""
    try:
        context = ssl.create_default_context(cafile=ca_file or None)
    except (OSError, ssl.SSLError) as error:
        raise MailSourceError(f"cannot use the CA file {ca_file}: {error}") from None
    try:
        client = IMAPClient(
            spec.host, port=spec.port, ssl=True, ssl_context=context, timeout=IMAP_TIMEOUT_S
        )
    except (OSError, IMAPClientError) as error:
        raise MailSourceError(_reason(error, spec)) from None
    try:
        client.login(spec.user, password)
    except LoginError:
        _close(client)
        raise LoginRefused(
            f"{spec.host} refused the user name or password for {spec.user}"
        ) from None
    except (OSError, IMAPClientError) as error:
        _close(client)
        raise MailSourceError(_reason(error, spec)) from None
    return client


def _close(client: IMAPClient) -> None:
    with suppress(Exception):
        client.logout()
    with suppress(Exception):
        client.shutdown()


def current_mark(
    spec: SourceSpec, password: str, *, ca_file: str = "", since: datetime | None = None
) -> ImapMark:
    """Where the folder stands now (what arrives after this is new), or with `since` (a
    look-back) where it stood then; proves on the way that the server, its certificate,
    the password and the folder all work."""
    client = connect_imap(spec, password, ca_file=ca_file)
    try:
        selected = client.select_folder(spec.folder, readonly=True)
        mark = ImapMark(int(selected[b"UIDVALIDITY"]), int(selected[b"UIDNEXT"]))
        if since is not None:
            # SINCE compares the day the server received a message, in its own calendar.
            recent = client.search(["SINCE", since.date()])
            mark = ImapMark(mark.uid_validity, min(recent, default=mark.uid_next))
    except (OSError, IMAPClientError) as error:
        raise MailSourceError(_reason(error, spec)) from None
    finally:
        _close(client)
    return mark


def _text_part(body: Any, prefix: str, subtype: bytes) -> str | None:
    """The section number of the first inline text/`subtype` part in a BODYSTRUCTURE, no
    deeper than the parser would read a dropped email."""
    if prefix.count(".") > MAX_MIME_CONTAINERS:
        return None
    if body.is_multipart:
        for number, part in enumerate(body[0], start=1):
            found = _text_part(part, f"{prefix}{number}.", subtype)
            if found is not None:
                return found
        return None
    kind, sub = bytes(body[0] or b"").lower(), bytes(body[1] or b"").lower()
    disposition = body[9] if len(body) > 9 else None
    attached = isinstance(disposition, tuple) and bytes(disposition[0] or b"").lower() == (
        b"attachment"
    )
    if kind == b"text" and sub == subtype and not attached:
        return prefix.rstrip(".") or "1"
    return None


def _without_content_headers(head: bytes) -> bytes:
    kept: list[bytes] = []
    skipping = False
    for line in head.splitlines(keepends=True):
        if line[:1] in {b" ", b"\t"}:
            if not skipping:
                kept.append(line)
            continue
        skipping = line.lower().startswith(_CONTENT_HEADERS)
        if not skipping and line.strip():
            kept.append(line)
    return b"".join(kept)


def _fetch_bounded(
    client: IMAPClient, spec: SourceSpec, uid: int, structure: Any, head: bytes
) -> bytes:
    """The message as the parser will read it: its headers, and its first text part."""
    try:
        return _fetch_text(client, uid, structure, head[:MAX_HEADER_BYTES])
    except (OSError, IMAPClientError) as error:
        raise MailSourceError(_reason(error, spec)) from None


def _fetch_text(client: IMAPClient, uid: int, structure: Any, head: bytes) -> bytes:
    if not structure.is_multipart:
        section = f"BODY.PEEK[TEXT]<0.{MAX_BODY_BYTES}>"
        reply = client.fetch([uid], [section]).get(uid, {})
        return head + _first_value(reply, b"BODY[TEXT]")
    number = _text_part(structure, "", b"plain") or _text_part(structure, "", b"html")
    if number is None:
        return head  # no text at all: the headers are all there is to read
    sections = [f"BODY.PEEK[{number}.MIME]", f"BODY.PEEK[{number}]<0.{MAX_BODY_BYTES}>"]
    reply = client.fetch([uid], sections).get(uid, {})
    mime = _first_value(reply, f"BODY[{number}.MIME]".encode())[:MAX_HEADER_BYTES]
    text = _first_value(reply, f"BODY[{number}]".encode())
    return _without_content_headers(head) + mime.rstrip(b"\r\n") + b"\r\n\r\n" + text


def _first_value(reply: dict[bytes, Any], prefix: bytes) -> bytes:
    # A partial fetch answers under "BODY[n]<0>": match the section, whatever the origin.
    for key, value in reply.items():
        if isinstance(key, bytes) and key.startswith(prefix) and isinstance(value, bytes):
            return value[:MAX_BODY_BYTES]
    return b""


def imap_messages(
    client: IMAPClient, source: MailSource
) -> Iterator[tuple[str, Callable[[], bytes], int]] | ImapMark:
    """The new messages in an IMAP source as (key, reader, UID after it); or, when the
    folder's UIDVALIDITY changed (it was recreated), the mark to start again from."""
    spec = source.spec
    try:
        selected = client.select_folder(spec.folder, readonly=True)
        validity = int(selected[b"UIDVALIDITY"])
        uid_next = int(selected.get(b"UIDNEXT", 0))
        if validity != source.imap_uid_validity:
            return ImapMark(validity, uid_next)
        start = source.imap_uid_next or 1
        # "start:*" always matches the newest message, even below start: filtered out.
        uids = sorted(uid for uid in client.search(["UID", f"{start}:*"]) if uid >= start)
    except (OSError, IMAPClientError) as error:
        raise MailSourceError(_reason(error, spec)) from None
    return _imap_iter(client, spec, validity, uids)


def _imap_iter(
    client: IMAPClient, spec: SourceSpec, validity: int, uids: list[int]
) -> Iterator[tuple[str, Callable[[], bytes], int]]:
    try:
        for start in range(0, len(uids), _FETCH_BATCH):
            batch = uids[start : start + _FETCH_BATCH]
            replies = client.fetch(
                batch, ["BODYSTRUCTURE", f"BODY.PEEK[HEADER]<0.{MAX_HEADER_BYTES}>"]
            )
            for uid in batch:
                reply = replies.get(uid)
                if reply is None:
                    continue  # expunged meanwhile
                head = _first_value(reply, b"BODY[HEADER]")
                read = partial(_fetch_bounded, client, spec, uid, reply[b"BODYSTRUCTURE"], head)
                yield f"uid:{validity}:{uid}", read, uid + 1
    except (OSError, IMAPClientError) as error:
        raise MailSourceError(_reason(error, spec)) from None


# -- checking -------------------------------------------------------------------------------


@dataclass
class CheckResult:
    found: list[Finding] = field(default_factory=list)
    # (source, why it failed) for the sources that could not be read this time.
    failed: list[tuple[MailSource, str]] = field(default_factory=list)


class MailChecker:
    """Reads what is new in a source, once: the same steps for `mail check` and the app."""

    def __init__(
        self,
        store: MailStore,
        passwords: PasswordKeyring,
        *,
        now: Callable[[], datetime],
        tz: Callable[[], tzinfo],
    ) -> None:
        self._store = store
        self._passwords = passwords
        self._now = now
        self._tz = tz

    def check_all(self) -> CheckResult:
        result = CheckResult()
        for source in self._store.sources():
            try:
                result.found += self.check(source)
            except MailSourceError as error:
                result.failed.append((source, str(error)))
        return result

    def check(self, source: MailSource) -> list[Finding]:
        """Examines the source's new messages; records its status either way."""
        try:
            if source.spec.kind is SourceKind.IMAPS:
                password = self._passwords.load(source.spec)
                client = connect_imap(source.spec, password, ca_file=source.ca_file)
                try:
                    found = self.check_imap(client, source)
                finally:
                    _close(client)
            else:
                with LocalMailbox(source.spec) as box:
                    listed = box.messages()
                    fresh = set(self._store.unseen(source.id, [key for key, _ in listed]))
                    new = ((key, read, None) for key, read in listed if key in fresh)
                    found = self._examine(source, new)
        except MailSourceError as error:
            self.set_status(source.id, str(error))
            raise
        self.set_status(source.id, "")
        return found

    def set_status(self, source_id: int, error: str) -> None:
        """The source was just read: fine ("") or failing, and why."""
        self._store.set_status(source_id, now=self._now(), error=error)

    def check_imap(self, client: IMAPClient, source: MailSource) -> list[Finding]:
        """What is new in an IMAP folder, on a client already logged in (the IDLE worker's)."""
        messages = imap_messages(client, source)
        if isinstance(messages, ImapMark):
            log.warning(
                "%s was recreated (new UIDVALIDITY): reading from now on", source.spec.location
            )
            self._store.reset_mark(source.id, messages)
            return []
        return self._examine(source, messages)

    def _examine(
        self,
        source: MailSource,
        messages: Iterator[tuple[str, Callable[[], bytes], int | None]],
    ) -> list[Finding]:
        found: list[Finding] = []
        applied_to = AppliedTo(self._store.applied_companies())  # once per check
        for key, read, uid_next in messages:
            rejection = read_rejection(read(), tz=self._tz(), applied_to=applied_to)
            finding = self._store.record(
                source.id, key, rejection, now=self._now(), uid_next=uid_next
            )
            if finding is not None:
                log.info("a rejection found in mail source #%d", source.id)
                found.append(finding)
        return found


# -- the IDLE worker -----------------------------------------------------------------------


class IdleWatcher:
    """Watches one IMAP folder with IDLE on its own thread, until `stop()`.

    Whatever happens on the thread is reported through the callbacks (called on that
    thread): `on_found` with new rejections, `on_status` with "" once the source works and
    with the reason whenever it fails; after a failure it waits `retry_delay(n)` and
    reconnects. `stop()` wakes it at once: it shuts the socket the thread waits on.
    """

    def __init__(
        self,
        source: MailSource,
        checker: MailChecker,
        passwords: PasswordKeyring,
        *,
        on_found: Callable[[list[Finding]], None],
        on_status: Callable[[int, str], None],
        reload_source: Callable[[int], MailSource],
    ) -> None:
        self._source = source
        self._checker = checker
        self._passwords = passwords
        self._on_found = on_found
        self._on_status = on_status
        self._reload = reload_source
        self._stopping = threading.Event()
        self._worked = False  # connected and read since the last failure
        self._client: IMAPClient | None = None
        self._lock = threading.Lock()
        self._thread = threading.Thread(
            target=self._run, name=f"askwhy-imap-idle-{source.id}", daemon=True
        )

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout_s: float = 5.0) -> None:
        self._stopping.set()
        with self._lock:
            client = self._client
        if client is not None:
            with suppress(OSError):
                client.socket().shutdown(socket.SHUT_RDWR)
        self._thread.join(timeout_s)

    def _run(self) -> None:
        failures = 0
        while not self._stopping.is_set():
            try:
                self._watch()
            except MailSourceError as error:
                reason = str(error)
            except (OSError, IMAPClientError) as error:  # a dropped connection included
                reason = _reason(error, self._source.spec)
            except Exception:  # a bug: logged for the report; the watch goes on
                log.exception("mail source #%d: unexpected error", self._source.id)
                reason = "an unexpected error (the log has the details)"
            else:
                return  # stopped
            if self._stopping.is_set():
                return
            # Counted from the last time the source worked (see _watch).
            failures = 1 if self._worked else failures + 1
            self._worked = False
            delay = retry_delay(failures)
            log.warning(
                "mail source #%d failed (%s); retrying in %.0f s", self._source.id, reason, delay
            )
            self._report(reason)
            self._stopping.wait(delay)

    def _watch(self) -> None:
        source = self._reload(self._source.id)
        password = self._passwords.load(source.spec)
        client = connect_imap(source.spec, password, ca_file=source.ca_file)
        with self._lock:
            self._client = client
        try:
            self._catch_up(client)
            self._worked = True
            self._report("")
            if not client.has_capability("IDLE"):
                log.info(
                    "mail source #%d: no IDLE, read every %.0f s", source.id, POLL_WITHOUT_IDLE_S
                )
                while not self._stopping.wait(POLL_WITHOUT_IDLE_S):
                    self._catch_up(client)
                return
            log.info("mail source #%d: watching with IDLE", source.id)
            while not self._stopping.is_set():
                client.idle()
                responses = client.idle_check(timeout=IDLE_RENEW_S)
                _text, late = client.idle_done()  # what came between the check and DONE
                if self._stopping.is_set():
                    return
                if any(len(reply) > 1 and reply[1] == b"EXISTS" for reply in responses + late):
                    self._catch_up(client)
        except (OSError, IMAPClientError) as error:
            if self._stopping.is_set():
                return
            raise MailSourceError(_reason(error, source.spec)) from None
        finally:
            with self._lock:
                self._client = None
            _close(client)

    def _report(self, reason: str) -> None:
        """Keeps the source's state (for the list and doctor), then tells the app."""
        try:
            self._checker.set_status(self._source.id, reason)
        except Exception:  # a locked or broken store must not end the watch
            log.exception("cannot record the state of mail source #%d", self._source.id)
        self._on_status(self._source.id, reason)

    def _catch_up(self, client: IMAPClient) -> None:
        found = self._checker.check_imap(client, self._reload(self._source.id))
        if found:
            self._on_found(found)
