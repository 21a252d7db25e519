"""A real IMAP server for the mail tests: Dovecot on a loopback port, with its own config, a
passwd-file user, a Maildir and a self-signed certificate (made with openssl). No system
service is touched: `dovecot -F -c CONF` runs in the foreground as the test's child.

Dovecot refuses to run its login processes, or a user's mail, as root: when the tests run
as root, those run as Dovecot's own system users, so the server's folder is made in a
world-traversable temporary folder instead of pytest's private one.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import ssl
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from imapclient import IMAPClient  # type: ignore[import-untyped]

from tests.e2e import services

USER = "sam"
# A password no other text in a test contains, so a grep for it finds only a leak.
PASSWORD = "Zq7-imap-pass-4c1e9b"

CONFIG = """\
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = required
ssl_cert = <{root}/cert.pem
ssl_key = <{root}/key.pem
disable_plaintext_auth = yes
auth_mechanisms = plain
first_valid_uid = 1
default_login_user = {login_user}
default_internal_user = {internal_user}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}
mail_location = maildir:~/Maildir
service imap-login {{
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    port = {port}
    ssl = yes
  }}
}}
"""


@dataclass
class Dovecot:
    root: Path
    port: int
    ca_file: Path
    processes: services.Processes = field(default_factory=services.Processes)

    def start(self) -> None:
        """Runs the server (again) on the same port, with the same user and mail."""
        with services.log_to(self.root / "dovecot.stderr") as log:
            self.processes.add(
                subprocess.Popen(
                    ["dovecot", "-F", "-c", str(self.root / "dovecot.conf")],
                    stdout=subprocess.DEVNULL,
                    stderr=log,
                )
            )
        services.wait_for(self._answers, 20, "Dovecot to accept an IMAP login")

    def stop(self) -> None:
        """Stops the server, as a network failure or a server restart would."""
        self.processes.stop_all()

    def _answers(self) -> bool:
        try:
            self.client().logout()
        except (OSError, ssl.SSLError):
            return False
        return True

    @property
    def source(self) -> str:
        return f"imaps://{USER}@localhost:{self.port}/INBOX"

    def client(self) -> IMAPClient:
        context = ssl.create_default_context(cafile=str(self.ca_file))
        client = IMAPClient("localhost", port=self.port, ssl_context=context, timeout=10)
        client.login(USER, PASSWORD)
        return client

    def deliver(self, *messages: bytes, at: datetime | None = None) -> None:
        """IMAP APPEND into the inbox, as a mail server delivering would (`at`: the day it
        says it received them; default now)."""
        client = self.client()
        try:
            for message in messages:
                client.append("INBOX", message, msg_time=at)
        finally:
            client.logout()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _accounts() -> tuple[str, str, int, int]:
    """(login user, internal user, mail uid, mail gid) for this process."""
    if os.geteuid() != 0:
        me = pwd.getpwuid(os.geteuid()).pw_name
        return me, me, os.geteuid(), os.getegid()
    dovecot = pwd.getpwnam("dovecot")
    return "dovenull", "dovecot", dovecot.pw_uid, dovecot.pw_gid


@contextlib.contextmanager
def dovecot_server() -> Iterator[Dovecot]:
    root = Path(tempfile.mkdtemp(prefix="askwhy-dovecot-"))
    root.chmod(0o755)
    server = Dovecot(root, _free_port(), root / "cert.pem")
    try:
        certificate = ["-keyout", str(root / "key.pem"), "-out", str(root / "cert.pem")]
        subject = ["-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"]
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", *certificate, *subject],
            check=True,
            capture_output=True,
            timeout=60,
        )
        (root / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}::::\n", encoding="utf-8")
        login_user, internal_user, uid, gid = _accounts()
        home = root / "home"
        home.mkdir()
        os.chown(home, uid, gid)
        for name in ("run", "state"):
            (root / name).mkdir()
        (root / "dovecot.conf").write_text(
            CONFIG.format(
                root=root,
                port=server.port,
                uid=uid,
                gid=gid,
                login_user=login_user,
                internal_user=internal_user,
            ),
            encoding="utf-8",
        )
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
