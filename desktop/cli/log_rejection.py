"""`askwhy log-rejection ... --no-gui`: the rejection recorded in this process.

The options become a RejectionInput in `desktop.cli.log_rejection_input` (light: a hand-over
to a running AskWhy needs no store); this module writes it.
"""

from __future__ import annotations

import argparse
from datetime import datetime, tzinfo

from desktop.cli import EXIT_OK, Io, describe_logged, log_rejection_input
from desktop.cli.data import open_data
from desktop.core.handover import LoggedSummary
from desktop.core.model import LoggedRejection, RejectionInput
from desktop.store.repository import Store


def record_rejection(
    args: argparse.Namespace, rejection: RejectionInput, now: datetime, tz: tzinfo
) -> LoggedRejection:
    """Stores a validated `log-rejection` in `args`' data dir: `--no-gui`, and the GUI
    launch when no AskWhy is running to hand it to, share it."""
    with open_data(args) as database:
        return Store(database, local_tz=lambda: tz).log_rejection(rejection, now=now)


def run(args: argparse.Namespace, io: Io) -> int:
    rejection = log_rejection_input(args, io.now, io.tz)
    logged = record_rejection(args, rejection, io.now, io.tz)
    print(describe_logged(LoggedSummary.of(logged), io.tz), file=io.stdout)
    return EXIT_OK
