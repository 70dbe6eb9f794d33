"""Keeps each service running: a service that exits is started again after a backoff.

The backoff doubles on each crash in a row (1 s, 2 s, 4 s… up to `max_backoff_seconds`) and starts
over once a service has run for `stable_seconds`: a service that keeps crashing is still retried,
every minute at most, never given up on (the crisis path of the gateway must not wait for a
person to notice). Every exit, restart and return to readiness is said in the launcher's log.

Thread-safe: `python -m stack` runs `supervise()` in its main thread, the e2e tests in a thread,
while `kill()` and `stop()` may be called from another one.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from stack.services import ROOT, Service

PRIVATE = 0o600  # log files and SQLite databases: they may hold personal information

logger = logging.getLogger("relais.stack")


@dataclass
class Child:
    service: Service
    process: subprocess.Popen[bytes] | None = None
    started_at: float = 0.0
    crashes_in_a_row: int = 0
    restart_at: float | None = None  # set while waiting out the backoff
    restarts: int = 0
    ready: bool = False
    ready_at: float | None = None  # when it was seen ready again after a restart


class Supervisor:
    def __init__(
        self,
        log_dir: Path,
        env: dict[str, str],
        base_backoff_seconds: float = 1.0,
        max_backoff_seconds: float = 60.0,
        stable_seconds: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.log_dir = log_dir
        self.env = env
        self.base_backoff_seconds = base_backoff_seconds
        self.max_backoff_seconds = max_backoff_seconds
        self.stable_seconds = stable_seconds
        self._clock = clock
        self._children: dict[str, Child] = {}
        self._logs: dict[str, RotatingLog] = {}
        self._lock = threading.RLock()
        self._stopping = threading.Event()
        # Set by a signal handler (request_stop): a plain flag, no lock to take there.
        self._stop_requested = False

    # --- starting and stopping ---------------------------------------------------------------

    def spawn(self, service: Service) -> Child:
        with self._lock:
            child = self._children.get(service.name) or Child(service)
            self._children[service.name] = child
            log = self._logs.get(service.name)
            if log is None:
                log = self._logs[service.name] = RotatingLog(self.log_dir / f"{service.name}.log")
            child.process = subprocess.Popen(
                service.command,
                cwd=ROOT,
                env=service.environment(self.env),  # without the secrets it does not need
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: stopped with its children
                umask=0o077,  # the tracker database, the tickets database: owner only
            )
            threading.Thread(target=log.pump, args=(child.process.stdout,), daemon=True).start()
            child.started_at = self._clock()
            child.restart_at = None
            child.ready = False
            child.ready_at = None
            return child

    def process(self, name: str) -> subprocess.Popen[bytes] | None:
        with self._lock:
            child = self._children.get(name)
            return child.process if child else None

    def child(self, name: str) -> Child | None:
        with self._lock:
            return self._children.get(name)

    def kill(self, name: str) -> None:
        """Stop one service for good (it is no longer supervised)."""
        with self._lock:
            child = self._children.pop(name, None)
        if child is not None and child.process is not None:
            terminate(child.process)

    def crash(self, name: str) -> None:
        """SIGKILL one service as a crash would; the supervisor starts it again (tests use it)."""
        process = self.process(name)
        if process is not None and process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)

    def stop(self) -> None:
        """Stop every service, the last started first; nothing is restarted afterwards."""
        self._stopping.set()
        with self._lock:
            children = list(self._children.values())
            self._children.clear()
        processes = [child.process for child in reversed(children) if child.process is not None]
        for process in processes:  # all at once: Rasa alone may take its 10 seconds of grace
            _signal(process, signal.SIGTERM)
        for process in processes:
            terminate(process)

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    # --- supervision ---------------------------------------------------------------------------

    def backoff(self, crashes_in_a_row: int) -> float:
        return min(self.max_backoff_seconds, self.base_backoff_seconds * 2 ** (crashes_in_a_row - 1))

    def check(self) -> None:
        """One round: note the exits, restart the services whose backoff is over, note readiness."""
        if self.stopping:
            return
        now = self._clock()
        with self._lock:
            children = list(self._children.values())
        for child in children:
            process = child.process
            if process is None:
                continue
            code = process.poll()
            if code is not None and child.restart_at is None:
                # What the service left behind in its group (a Sanic worker holding the port)
                # goes too, or the restarted service could not bind.
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(process.pid, signal.SIGKILL)
                ran = now - child.started_at
                child.crashes_in_a_row = 1 if ran >= self.stable_seconds else child.crashes_in_a_row + 1
                delay = self.backoff(child.crashes_in_a_row)
                child.restart_at = now + delay
                child.ready = False
                logger.warning(
                    "%s s'est arrêté (code %s) après %.0f s; redémarrage dans %.0f s (échec %d de suite)",
                    child.service.name, code, ran, delay, child.crashes_in_a_row,
                )  # fmt: skip
            elif code is not None and child.restart_at is not None and now >= child.restart_at:
                with self._lock:
                    if self.stopping or self._children.get(child.service.name) is not child:
                        continue
                    self.spawn(child.service)
                    child.restarts += 1
                logger.warning("%s redémarré (redémarrage n° %d)", child.service.name, child.restarts)
            elif code is None and not child.ready and child.restarts and _answers(child.service.ready_url):
                child.ready = True
                child.ready_at = now
                logger.warning(
                    "%s est de nouveau prêt (%.0f s après son redémarrage)",
                    child.service.name, now - child.started_at,
                )  # fmt: skip

    def supervise(self, interval_seconds: float = 0.5) -> None:
        """Check every `interval_seconds` until `stop()` or `request_stop()`."""
        while not self._stopping.wait(interval_seconds) and not self._stop_requested:
            self.check()

    def request_stop(self) -> None:
        """Make `supervise()` return within one interval; safe in a signal handler, where raising
        could leave a lock held (a log line half written) and the launcher's own "arrêté" line
        would then wait for it forever."""
        self._stop_requested = True

    def states(self) -> dict[str, str]:
        """Each service: "running", "restarting" (waiting out its backoff) or "starting"."""
        with self._lock:
            children = list(self._children.values())
        states = {}
        for child in children:
            if child.process is None or child.process.poll() is not None:
                states[child.service.name] = "restarting"
            elif child.restarts and not child.ready:
                states[child.service.name] = "starting"
            else:
                states[child.service.name] = "running"
        return states


class RotatingLog:
    """A service's output file, rotated at `max_bytes` (name.log.1 … name.log.<backups>)."""

    def __init__(self, path: Path, max_bytes: int = 10 * 1024 * 1024, backups: int = 5) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self.backups = backups
        self._lock = threading.Lock()

    def write(self, data: bytes) -> None:
        with self._lock:
            size = self.path.stat().st_size if self.path.exists() else 0
            if size and size + len(data) > self.max_bytes:
                self._rotate()
            with os.fdopen(os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE), "ab") as file:
                file.write(data)

    def _rotate(self) -> None:
        for n in range(self.backups - 1, 0, -1):
            older = self.path.with_name(f"{self.path.name}.{n}")
            if older.exists():
                older.replace(self.path.with_name(f"{self.path.name}.{n + 1}"))
        self.path.replace(self.path.with_name(f"{self.path.name}.1"))

    def pump(self, pipe: IO[bytes] | None) -> None:
        """Copy a child's output here until it closes its end."""
        if pipe is None:
            return
        with pipe:
            for line in iter(pipe.readline, b""):
                self.write(line)


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=0.5) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def _signal(process: subprocess.Popen[bytes], signum: int) -> None:
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signum)


def terminate(process: subprocess.Popen[bytes], grace_seconds: float = 10.0) -> None:
    """SIGTERM the process group, SIGKILL it after `grace_seconds`."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=grace_seconds)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        pass
