"""Runs the services as child process groups, waits until each is ready, stops them cleanly.

`python -m stack` (what `make run` calls) starts everything, prints the URL, and on Ctrl-C or
SIGTERM stops every child: no orphan processes. Each service logs to var/log/<name>.log
(created 0600; the services run with umask 077, so their databases are 0600 too).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from types import FrameType

from stack.services import ROOT, Service, StackConfig
from stack.teams_secret import development_webhook_secret

WARM_UP_QUESTION = "C'est quoi le PAE?"
PRIVATE = 0o600  # log files and SQLite databases: they may hold personal information


class StackError(RuntimeError):
    """A service exited or did not become ready in time."""


class Stack:
    def __init__(self, config: StackConfig) -> None:
        self.config = config
        self._processes: dict[str, subprocess.Popen[bytes]] = {}
        self.warmed_up = False

    def start(self, timeout_seconds: float = 240.0) -> None:
        self.config.log_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.restrict_existing_files()
        env = self.config.environment()
        try:
            for service in self.config.services():
                self._spawn(service, env)
            deadline = time.monotonic() + timeout_seconds
            for service in self.config.services():
                self._wait_ready(service, deadline)
        except BaseException:
            self.stop()
            raise
        self.warmed_up = self.warm_up(max(30.0, deadline - time.monotonic()))

    def restrict_existing_files(self) -> None:
        """Log files and SQLite databases created before the 0600 rule become owner-only too."""
        for path in [*self.config.var_dir.glob("*.db"), *self.config.log_dir.glob("*.log")]:
            os.chmod(path, PRIVATE)

    def warm_up(self, timeout_seconds: float) -> bool:
        """Ask each Rasa replica one knowledge question, so the action server loads the search
        index and the embedding models now, not on the first person's question (which would
        then wait past the gateway's 3-second timeout). Leaves one conversation named
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
                print(f"Préchauffage de {url} impossible : {error}", flush=True)
                ok = False
        return ok

    def _spawn(self, service: Service, env: dict[str, str]) -> None:
        path = self.config.log_dir / f"{service.name}.log"
        log = os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE), "ab")
        os.chmod(path, PRIVATE)  # also a log file created before this rule
        self._processes[service.name] = subprocess.Popen(
            service.command,
            cwd=ROOT,
            env=service.environment(env),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            umask=0o077,  # the tracker database, the tickets database: owner only
        )
        log.close()

    def _wait_ready(self, service: Service, deadline: float) -> None:
        process = self._processes[service.name]
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise StackError(
                    f"{service.name} exited with code {process.returncode}; "
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

    def exited(self) -> dict[str, int]:
        """The services that have stopped on their own, with their exit codes."""
        return {
            name: code
            for name, process in self._processes.items()
            if (code := process.poll()) is not None
        }

    def kill(self, name: str) -> None:
        """Stop one service (tests use it to check the crisis path without it)."""
        process = self._processes.pop(name, None)
        if process is not None:
            _terminate(process)

    def stop(self) -> None:
        for name in reversed(list(self._processes)):
            _terminate(self._processes.pop(name))


def _terminate(process: subprocess.Popen[bytes], grace_seconds: float = 10.0) -> None:
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


def main() -> None:
    config = StackConfig.from_environment()
    webhook_secret = development_webhook_secret(config.var_dir, os.environ)
    if webhook_secret is not None:
        config.extra_env["RELAIS_TEAMS_WEBHOOK_SECRET_FILE"] = str(webhook_secret)
    stack = Stack(config)

    def stop(signum: int, _frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        print("Démarrage de Relais (Rasa prend environ une minute et demie)…", flush=True)
        stack.start()
        print(f"Relais est prêt : ouvrez {stack.config.gateway_url}", flush=True)
        print(f"Journaux : {stack.config.log_dir}/ — Ctrl-C pour arrêter.", flush=True)
        if stack.config.agent_keys.startswith("demo:"):
            key = stack.config.agent_keys.removeprefix("demo:")
            print(f"Console des intervenants : {stack.config.gateway_url}/agent (nom « demo », clé {key})", flush=True)
        if webhook_secret is not None:
            print(
                f"Webhook sortant Teams (développement) : {stack.config.gateway_url}/api/teams/webhook, "
                f"secret (base64) dans {webhook_secret}",
                flush=True,
            )
        while True:
            time.sleep(1)
            for name, code in stack.exited().items():
                print(f"{name} s'est arrêté (code {code}); arrêt de Relais.", flush=True)
                raise KeyboardInterrupt
    except KeyboardInterrupt:
        pass
    finally:
        stack.stop()
        print("Relais est arrêté.", flush=True)
