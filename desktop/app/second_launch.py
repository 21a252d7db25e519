"""`askwhy log-rejection` from a second launch: hand the rejection to the running AskWhy,
or record it here when none runs.

This is the fast path of a second launch: Python, QtNetwork and one message, with no
QApplication and no SQLAlchemy. The running instance writes the rejection with its own
store and opens the request editor (`running.Wiring`).
"""

from __future__ import annotations

import argparse
import logging
import sys
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from desktop import cli
from desktop.core import handover
from desktop.core.errors import InvalidInput, UserFacingError
from desktop.core.model import RejectionInput
from desktop.native.single_instance import InstanceNotAnswering, UnsafeInstanceDir, hand_over

log = logging.getLogger(__name__)


def log_rejection(args: argparse.Namespace, data_dir: Path) -> tuple[int | None, int]:
    """Hands the rejection to the running AskWhy, or records it here when none runs.

    (the request this process's window should open, 0), or (None, exit code) when this
    process has nothing more to do: handed over, or failed.
    """
    now, tz = datetime.now(UTC), cli.local_tz()
    try:
        rejection = cli.log_rejection_input(args, now, tz)
        handed = _hand_over_rejection(data_dir, rejection, tz)
        if handed is not None:
            return None, handed
        logged = cli.record_rejection(args, rejection, now, tz)
    except (UserFacingError, OSError) as error:
        return None, cli.report_error(error, sys.stderr)
    log.info("logged a rejection here: request %d", logged.request.id)
    print(cli.describe_logged(handover.LoggedSummary.of(logged), tz))
    return logged.request.id, cli.EXIT_OK


def _hand_over_rejection(data_dir: Path, rejection: RejectionInput, tz: tzinfo) -> int | None:
    """The exit code once the running AskWhy has taken (or refused) the rejection; None
    when no AskWhy runs on `data_dir`."""
    try:
        answer = hand_over(data_dir, handover.LogRejection(rejection))
    except UnsafeInstanceDir as error:
        return cli.report_error(error, sys.stderr)
    except InstanceNotAnswering:
        print(
            f"{cli.PROG}: another AskWhy holds {data_dir} but did not confirm the rejection; "
            "look in its window before logging it again.",
            file=sys.stderr,
        )
        return cli.EXIT_BROKEN
    if answer is None:
        return None
    if not answer.get("ok"):
        refused = InvalidInput if answer.get("invalid_input") else UserFacingError
        text = str(answer.get("error") or "The running AskWhy refused the rejection.")
        return cli.report_error(refused(text), sys.stderr)
    try:
        logged = handover.LoggedSummary.from_message(answer.get("logged"))
    except InvalidInput as error:
        print(f"{cli.PROG}: {error}", file=sys.stderr)
        return cli.EXIT_BROKEN
    log.info("handed the rejection to the running AskWhy: request %d", logged.request_id)
    print(cli.describe_logged(logged, tz))
    return cli.EXIT_OK
