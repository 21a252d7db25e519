"""Two launches at the same moment: exactly one AskWhy keeps running, the other hands over.

DESIGN.md: "The app is single-instance: a second launch hands its arguments to the first and
exits." Started together, both race for the instance socket; a lost race must not leave two
windows (and two reminder timers) on one data dir.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.reliability.support import askwhy_argv, kill_group, run_askwhy, wait_until


def _launch(env: dict[str, str], data_dir: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        askwhy_argv("--data-dir", str(data_dir), "--minimized"),
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _stderr(proc: subprocess.Popen[str]) -> str:
    return proc.stderr.read() if proc.stderr is not None else ""


def _one_round(env: dict[str, str], data_dir: Path, round_: int) -> None:
    procs = [_launch(env, data_dir), _launch(env, data_dir)]
    try:
        wait_until(
            lambda: any(proc.poll() is not None for proc in procs),
            timeout=60,
            what="one of the two launches to hand over and exit",
        )
        exited = [proc for proc in procs if proc.poll() is not None]
        assert len(exited) == 1, f"round {round_}: both exited: {[_stderr(p) for p in exited]}"
        assert exited[0].returncode == 0, _stderr(exited[0])
        [running] = [proc for proc in procs if proc.poll() is None]
        running.terminate()  # a clean quit, as from the tray menu
        assert running.wait(timeout=30) == 0, _stderr(running)
    finally:
        for proc in procs:
            kill_group(proc)
            if proc.stderr is not None:
                proc.stderr.close()


def _race(env: dict[str, str], data_dir: Path, rounds: int) -> None:
    created = run_askwhy(env, data_dir, "due")
    assert created.returncode == 0, created.stderr
    for round_ in range(rounds):
        _one_round(env, data_dir, round_)


def test_two_simultaneous_launches_leave_one_instance(env: dict[str, str], data_dir: Path) -> None:
    _race(env, data_dir, 3)


@pytest.mark.slow
def test_two_simultaneous_launches_many_rounds(env: dict[str, str], data_dir: Path) -> None:
    _race(env, data_dir, 25)
