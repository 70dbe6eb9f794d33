"""The launcher's supervision, on small stand-in services: a service that exits is started again
after a growing backoff, one that keeps crashing is still retried, stop() leaves nothing behind."""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

import pytest

from stack.services import Service
from stack.supervisor import RotatingLog, Supervisor


def _service(name: str, code: str) -> Service:
    return Service(name=name, command=[sys.executable, "-c", code], ready_url="http://127.0.0.1:9/")


def _run_until(supervisor: Supervisor, condition, seconds: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in time"
        supervisor.check()
        time.sleep(0.02)


def test_the_backoff_doubles_and_is_capped() -> None:
    supervisor = Supervisor(Path("."), {}, base_backoff_seconds=1.0, max_backoff_seconds=60.0)
    assert [supervisor.backoff(n) for n in range(1, 9)] == [1, 2, 4, 8, 16, 32, 60, 60]


def test_a_crashing_service_is_restarted_again_and_again_and_says_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    supervisor = Supervisor(tmp_path, {}, base_backoff_seconds=0.05, max_backoff_seconds=0.2)
    caplog.set_level(logging.WARNING, logger="relais.stack")
    supervisor.spawn(_service("flaky", "print('hello', flush=True); raise SystemExit(3)"))
    try:
        child = supervisor.child("flaky")
        assert child is not None
        _run_until(supervisor, lambda: child.restarts >= 4)
        assert child.crashes_in_a_row >= 4  # it never ran for `stable_seconds`: the backoff grows
        assert supervisor.backoff(child.crashes_in_a_row) == 0.2  # capped, still retried
        assert "flaky s'est arrêté (code 3)" in caplog.text
        assert "flaky redémarré (redémarrage n° 4)" in caplog.text
        assert (tmp_path / "flaky.log").read_text().count("hello") >= 4  # every run's output kept
    finally:
        supervisor.stop()


def test_a_service_that_ran_long_enough_starts_over_at_the_first_backoff(tmp_path: Path) -> None:
    supervisor = Supervisor(tmp_path, {}, base_backoff_seconds=0.05, stable_seconds=0.3)
    supervisor.spawn(_service("steady", "import time; time.sleep(0.5)"))
    try:
        child = supervisor.child("steady")
        assert child is not None
        _run_until(supervisor, lambda: child.restarts >= 2)
        assert child.crashes_in_a_row == 1
    finally:
        supervisor.stop()


def test_a_crash_is_healed_and_stop_leaves_nothing_running(tmp_path: Path) -> None:
    supervisor = Supervisor(tmp_path, {}, base_backoff_seconds=0.05)
    supervisor.spawn(_service("a", "import time; time.sleep(60)"))
    supervisor.spawn(_service("b", "import time; time.sleep(60)"))
    first = supervisor.process("a")
    assert first is not None
    supervisor.crash("a")
    _run_until(supervisor, lambda: supervisor.process("a") is not first)
    second, other = supervisor.process("a"), supervisor.process("b")
    assert second is not None and second.poll() is None and supervisor.states()["a"] == "starting"
    supervisor.stop()
    assert second.poll() is not None and other is not None and other.poll() is not None
    supervisor.check()  # after stop(): nothing is started again
    assert supervisor.process("a") is None and supervisor.states() == {}


def test_kill_stops_a_service_for_good(tmp_path: Path) -> None:
    supervisor = Supervisor(tmp_path, {}, base_backoff_seconds=0.01)
    supervisor.spawn(_service("a", "import time; time.sleep(60)"))
    process = supervisor.process("a")
    supervisor.kill("a")
    for _ in range(5):
        supervisor.check()
        time.sleep(0.02)
    assert process is not None and process.poll() is not None and supervisor.process("a") is None
    supervisor.stop()


def test_service_logs_are_rotated(tmp_path: Path) -> None:
    log = RotatingLog(tmp_path / "x.log", max_bytes=100, backups=2)
    for n in range(10):
        log.write(f"line {n:02d} ".encode() * 5 + b"\n")
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == ["x.log", "x.log.1", "x.log.2"]
    assert "line 09" in (tmp_path / "x.log").read_text()
    assert all(path.stat().st_size <= 100 for path in tmp_path.iterdir())


def test_what_a_dead_service_left_in_its_group_is_stopped_before_the_restart(tmp_path: Path) -> None:
    marker = tmp_path / "worker.pid"
    code = (
        "import subprocess, sys, time; "
        "worker = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']); "
        f"open({str(marker)!r}, 'w').write(str(worker.pid)); time.sleep(0.3)"
    )
    supervisor = Supervisor(tmp_path, {}, base_backoff_seconds=30)
    supervisor.spawn(_service("leader", code))
    try:
        child = supervisor.child("leader")
        assert child is not None
        _run_until(supervisor, lambda: child.restart_at is not None)
        worker = int(marker.read_text())
        deadline = time.monotonic() + 5
        while Path(f"/proc/{worker}").exists() and "zombie" not in _status(worker):
            assert time.monotonic() < deadline, "the worker outlived its service"
            time.sleep(0.05)
    finally:
        supervisor.stop()


def _status(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().lower()
    except OSError:
        return "zombie"
