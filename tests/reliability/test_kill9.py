"""Kill -9 at a random moment while real processes write and claim reminders.

Each cycle starts a writer (the Store in a loop, or the `askwhy` CLI in a loop) and two
reminder claimers racing each other, lets them run for a random time, and SIGKILLs them all.
After every kill: the file passes `integrity_check`, every write a process reported as done
is there and whole (one transaction: application, rejection and request together), and no
reminder was ever claimed twice, across all the cycles and all the processes.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.reliability.kill_driver import ROLE
from tests.reliability.support import (
    DRIVER,
    Lines,
    bulk_applications,
    db_path,
    describe,
    integrity,
    kill_group,
    query,
    run_askwhy,
)

# Seconds after the writer is ready before the kill: long enough for several writes, random
# so that the kill lands anywhere in a transaction.
KILL_AFTER = {"store": (0.02, 0.8), "cli": (0.8, 4.0)}


@dataclass
class Ledger:
    done: list[str] = field(default_factory=list)
    fired: Counter[int] = field(default_factory=Counter)
    cycles: int = 0


def _start(
    mode: str, data_dir: Path, tag: str, env: dict[str, str], log: Path
) -> subprocess.Popen[str]:
    with log.open("a") as stderr:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(
            [sys.executable, str(DRIVER), mode, str(data_dir), tag],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            start_new_session=True,
        )


def _cycle(
    mode: str,
    data_dir: Path,
    *,
    env: dict[str, str],
    tag: str,
    rng: random.Random,
    ledger: Ledger,
    logs: Path,
) -> None:
    procs: list[subprocess.Popen[str]] = []
    try:
        writer = _start(mode, data_dir, tag, env, logs / f"writer-{tag}.log")
        procs.append(writer)
        claimers = [
            _start("claim", data_dir, tag, env, logs / f"claim-{tag}-{n}.log") for n in range(2)
        ]
        procs.extend(claimers)
        readers = [Lines(proc) for proc in procs]
        readers[0].wait_for("READY", timeout=60)
        low, high = KILL_AFTER[mode]
        deadline_reached = rng.uniform(low, high)
        # The kill moment itself is what is random here, so this is a sleep, not a wait.
        time.sleep(deadline_reached)
        alive = [proc.poll() is None for proc in procs]
        order = list(range(len(procs)))
        rng.shuffle(order)
        for index in order:
            kill_group(procs[index])
        lines = [reader.finish() for reader in readers]
    finally:
        for proc in procs:
            kill_group(proc)
            if proc.stdout is not None:
                proc.stdout.close()
    ledger.cycles += 1
    # A process that died by itself before the kill hit an error under contention.
    crashed = [
        name for name, ok in zip(["writer", "claimer 1", "claimer 2"], alive, strict=True) if not ok
    ]
    assert not crashed, (
        f"cycle {tag}: {crashed} exited before the kill; see logs in {logs}: "
        + (logs / f"writer-{tag}.log").read_text()[-2000:]
    )
    failed = [line for line in lines[0] if line.startswith("FAILED")]
    assert not failed, f"cycle {tag}: a CLI write failed while nothing else was wrong: {failed}"
    ledger.done.extend(line.split(" ", 1)[1] for line in lines[0] if line.startswith("DONE "))
    for claimer_lines in lines[1:]:
        ledger.fired.update(
            int(line.split()[1]) for line in claimer_lines if line.startswith("FIRED ")
        )
    _check(data_dir, ledger, tag)


def _check(data_dir: Path, ledger: Ledger, tag: str) -> None:
    path = db_path(data_dir)
    assert integrity(path) == "ok", f"cycle {tag}: integrity_check failed"
    present = {
        row[0] for row in query(path, "SELECT company FROM applications WHERE role = ?", (ROLE,))
    }
    lost = [company for company in ledger.done if company not in present]
    assert not lost, f"cycle {tag}: reported as done but missing after the kill: {lost[:5]}"
    # One transaction per rejection: never an application without its rejection and request.
    partial = query(
        path,
        """
        SELECT a.company,
               (SELECT COUNT(*) FROM rejections r WHERE r.application_id = a.id),
               (SELECT COUNT(*) FROM follow_up_requests q WHERE q.application_id = a.id),
               (SELECT COUNT(*) FROM reminders m JOIN follow_up_requests q
                  ON m.request_id = q.id WHERE q.application_id = a.id)
        FROM applications a WHERE a.role = ?
        """,
        (ROLE,),
    )
    broken = [row for row in partial if row[1] != 1 or row[2] != 1 or row[3] < 1]
    assert not broken, (
        f"cycle {tag}: half-written rejections (company, rej, req, rem): {broken[:5]}"
    )
    twice = {rid: count for rid, count in ledger.fired.items() if count > 1}
    assert not twice, f"cycle {tag}: reminders claimed more than once: {twice}"
    if ledger.fired:
        marks = "?," * len(ledger.fired)
        claimed = {
            row[0]
            for row in query(
                path,
                f"SELECT id FROM reminders WHERE fired_at IS NOT NULL AND id IN ({marks[:-1]})",
                list(ledger.fired),
            )
        }
        unmarked = set(ledger.fired) - claimed
        assert not unmarked, f"cycle {tag}: claimed but fired_at not saved: {sorted(unmarked)}"


def _run(mode: str, cycles: int, data_dir: Path, env: dict[str, str], tmp_path: Path) -> Ledger:
    created = run_askwhy(env, data_dir, "due")  # the first open creates and migrates the file
    assert created.returncode == 0, describe(created)
    seed = random.SystemRandom().randrange(2**32)
    rng = random.Random(seed)
    ledger = Ledger()
    logs = tmp_path / "logs"
    logs.mkdir()
    for cycle in range(cycles):
        _cycle(mode, data_dir, env=env, tag=f"{seed}-{cycle}", rng=rng, ledger=ledger, logs=logs)
    # The store itself still opens the file after all the kills.
    final = run_askwhy(env, data_dir, "due", "--json")
    assert final.returncode == 0, describe(final)
    assert ledger.done, f"no write completed in {cycles} cycles (seed {seed}): nothing was tested"
    assert sum(ledger.fired.values()) > 0, f"no reminder was claimed (seed {seed})"
    print(
        f"{mode}: {cycles} kills, {len(ledger.done)} writes reported, "
        f"{sum(ledger.fired.values())} claims, seed {seed}"
    )
    return ledger


def test_kill_store_writer_and_claimers(
    data_dir: Path, env: dict[str, str], tmp_path: Path
) -> None:
    _run("store", 6, data_dir, env, tmp_path)


def test_kill_cli_writer_and_claimers(data_dir: Path, env: dict[str, str], tmp_path: Path) -> None:
    _run("cli", 4, data_dir, env, tmp_path)


def _kill_backups(cycles: int, data_dir: Path, env: dict[str, str], tmp_path: Path) -> None:
    from desktop.store.backups import Backups, check_file  # noqa: PLC0415

    bulk_applications(data_dir, 8_000)
    seed = random.SystemRandom().randrange(2**32)
    rng = random.Random(seed)
    made: list[str] = []
    for cycle in range(cycles):
        with (tmp_path / f"backup-{cycle}.log").open("w") as stderr:
            proc = subprocess.Popen(
                [sys.executable, str(DRIVER), "backup", str(data_dir), str(cycle)],
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
                start_new_session=True,
            )
        try:
            lines = Lines(proc)
            lines.wait_for("READY", timeout=60)
            time.sleep(rng.uniform(0.05, 1.0))  # the random kill moment
            assert proc.poll() is None, (tmp_path / f"backup-{cycle}.log").read_text()
            kill_group(proc)
            made += [line[5:] for line in lines.finish() if line.startswith("DONE ")]
        finally:
            kill_group(proc)
            if proc.stdout is not None:
                proc.stdout.close()
        assert integrity(db_path(data_dir)) == "ok", f"cycle {cycle} (seed {seed})"
        listed = Backups(data_dir).list()
        names = {info.path.name for info in listed}
        assert set(made) <= names, f"reported backups missing (seed {seed})"
        # Whatever the moment of the kill, a listed backup is a whole one: "restore the
        # newest backup" must never pick a half-written file.
        bad = [info.path.name for info in listed if check_file(info.path) != "ok"]
        assert not bad, f"cycle {cycle} (seed {seed}): listed but damaged backups: {bad}"
    assert made, f"no backup completed in {cycles} cycles (seed {seed})"
    print(f"backup: {cycles} kills, {len(made)} backups reported, seed {seed}")


def test_kill_during_backup_leaves_only_whole_backups(
    data_dir: Path, env: dict[str, str], tmp_path: Path
) -> None:
    _kill_backups(5, data_dir, env, tmp_path)


@pytest.mark.slow
def test_kill_during_backup_many_cycles(
    data_dir: Path, env: dict[str, str], tmp_path: Path
) -> None:
    _kill_backups(30, data_dir, env, tmp_path)


@pytest.mark.slow
def test_kill_store_writer_many_cycles(data_dir: Path, env: dict[str, str], tmp_path: Path) -> None:
    _run("store", 60, data_dir, env, tmp_path)


@pytest.mark.slow
def test_kill_cli_writer_many_cycles(data_dir: Path, env: dict[str, str], tmp_path: Path) -> None:
    _run("cli", 25, data_dir, env, tmp_path)
