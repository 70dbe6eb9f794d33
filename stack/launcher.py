"""Runs the services as supervised child process groups, waits until each is ready, stops them
cleanly.

`python -m stack` (what `make run` calls) starts everything, prints the URL, restarts a service
that exits (stack/supervisor.py: backoff 1 s, 2 s, 4 s… up to a minute, retried for ever), and on
Ctrl-C or SIGTERM stops every child: no orphan processes. Each service's output goes to
var/log/<name>.log, rotated at 10 MB (5 files kept); the launcher's own messages (exits,
restarts) to the terminal and var/log/stack.log. Log files are created 0600 and the services run
with umask 077, so their databases are 0600 too (they may hold personal information).
"""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
import threading
import time
import urllib.error
import urllib.request
from logging.handlers import RotatingFileHandler
from types import FrameType

from stack.services import Service, StackConfig
from stack.supervisor import PRIVATE, Supervisor
from stack.teams_secret import development_webhook_secret

WARM_UP_QUESTION = "C'est quoi le PAE?"
LOG_MAX_BYTES = 10 * 1024 * 1024
LOG_BACKUPS = 5

logger = logging.getLogger("relais.stack")


class StackError(RuntimeError):
    """A service exited or did not become ready in time."""


class Stack:
    def __init__(self, config: StackConfig) -> None:
        self.config = config
        self.supervisor = Supervisor(config.log_dir, {})
        self.warmed_up = False
        self._thread: threading.Thread | None = None

    def start(self, timeout_seconds: float = 240.0, supervise: bool = False) -> None:
        """Start every service and wait until each is ready. With `supervise`, a thread restarts
        the services that exit (`python -m stack` supervises in its main thread instead)."""
        log_to_file(self.config)
        self.restrict_existing_files()
        self.supervisor.env = self.config.environment()
        try:
            for service in self.config.services():
                self.supervisor.spawn(service)
            deadline = time.monotonic() + timeout_seconds
            for service in self.config.services():
                self._wait_ready(service, deadline)
        except BaseException:
            self.stop()
            raise
        self.warmed_up = self.warm_up(max(30.0, deadline - time.monotonic()))
        if supervise:
            self._thread = threading.Thread(target=self.supervisor.supervise, daemon=True)
            self._thread.start()

    def restrict_existing_files(self) -> None:
        """Log files and SQLite databases created before the 0600 rule become owner-only too."""
        for path in [*self.config.var_dir.glob("*.db"), *self.config.log_dir.glob("*.log*")]:
            os.chmod(path, PRIVATE)

    def warm_up(self, timeout_seconds: float) -> bool:
        """Ask each Rasa replica one knowledge question end to end. Each service already warms
        itself when it starts (the gateway's lifespan, bot/channels.py for Rasa, actions/ for
        the index); this checks that the whole path answers. Leaves one conversation named
        "relais-warmup" in the tracker store. A failure is reported, not fatal: the crisis path
        needs neither the index nor the action server."""
        body = json.dumps({"sender": "relais-warmup", "message": WARM_UP_QUESTION}).encode()
        ok = True
        for url in self.config.rasa_urls:
            request = urllib.request.Request(
                f"{url}/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"}
            )
            try:
                with urllib.request.urlopen(request, timeout=timeout_seconds) as response:
                    replies = json.loads(response.read() or b"[]")
                ok = ok and bool(replies)
            except (urllib.error.URLError, OSError, ValueError) as error:
                logger.warning("Préchauffage de %s impossible : %s", url, error)
                ok = False
        return ok

    def _wait_ready(self, service: Service, deadline: float) -> None:
        while time.monotonic() < deadline:
            process = self.supervisor.process(service.name)
            if process is None or process.poll() is not None:
                code = process.returncode if process else None
                raise StackError(
                    f"{service.name} exited with code {code}; "
                    f"see {self.config.log_dir / (service.name + '.log')}"
                )
            try:
                with urllib.request.urlopen(service.ready_url, timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.5)
        raise StackError(f"{service.name} was not ready in time")

    def states(self) -> dict[str, str]:
        return self.supervisor.states()

    def kill(self, name: str) -> None:
        """Stop one service for good, unsupervised (tests use it to check the crisis path)."""
        self.supervisor.kill(name)

    def crash(self, name: str) -> None:
        """SIGKILL one service; the supervisor starts it again after its backoff."""
        self.supervisor.crash(name)

    def stop(self) -> None:
        self.supervisor.stop()
        if self._thread is not None:
            self._thread.join(timeout=5)


def log_to_file(config: StackConfig) -> None:
    """The launcher's messages (exits, restarts) in <log dir>/stack.log, rotated."""
    config.log_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    logger.setLevel(logging.INFO)
    path = str((config.log_dir / "stack.log").resolve())
    if any(getattr(handler, "baseFilename", None) == path for handler in logger.handlers):
        return
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE))
    os.chmod(path, PRIVATE)
    file = RotatingFileHandler(path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
    file.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(file)


def log_to_terminal() -> None:
    """`python -m stack`: the same messages, in plain French, on the terminal."""
    logger.propagate = False
    terminal = logging.StreamHandler(sys.stdout)
    terminal.setFormatter(logging.Formatter("%(message)s"))
    logger.addHandler(terminal)


def main() -> None:
    config = StackConfig.from_environment()
    webhook_secret = development_webhook_secret(config.var_dir, os.environ)
    if webhook_secret is not None:
        config.extra_env["RELAIS_TEAMS_WEBHOOK_SECRET_FILE"] = str(webhook_secret)
    log_to_file(config)
    log_to_terminal()
    stack = Stack(config)
    supervising = False

    def stop(signum: int, _frame: FrameType | None) -> None:
        # While supervising, the loop is asked to end and the `finally` below stops everything;
        # raising there could interrupt a log line holding its lock (the stop then hung, seen
        # once under load). While starting, the start is interrupted.
        if supervising:
            stack.supervisor.request_stop()
        else:
            raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        logger.info("Démarrage de Relais (Rasa prend environ une minute et demie)…")
        stack.start()
        logger.info("Relais est prêt : ouvrez %s", config.gateway_url)
        logger.info("Journaux : %s/ — Ctrl-C pour arrêter.", config.log_dir)
        logger.info("Un service qui s'arrête est redémarré automatiquement (voir %s/stack.log).", config.log_dir)
        if config.agent_keys.startswith("demo:"):
            key = config.agent_keys.removeprefix("demo:")
            # On the terminal only: the key is not written to var/log/stack.log.
            print(f"Console des intervenants : {config.gateway_url}/agent (nom « demo », clé {key})", flush=True)
        if webhook_secret is not None:
            logger.info(
                "Webhook sortant Teams (développement) : %s/api/teams/webhook, secret (base64) dans %s",
                config.gateway_url,
                webhook_secret,
            )
        supervising = True
        stack.supervisor.supervise()
    except KeyboardInterrupt:
        pass
    except StackError as error:
        logger.error("Relais n'a pas pu démarrer : %s", error)
        raise SystemExit(1) from error
    finally:
        stack.stop()
        logger.info("Relais est arrêté.")
