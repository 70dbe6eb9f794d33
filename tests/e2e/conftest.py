"""Real stacks for the end-to-end tests: trained model, action server, gateway, on spare ports.

One SHARED stack serves most e2e tests (session scope). The resilience tests (test_healing.py
crashes services, test_tracker_store_outage.py stops the tracker database) each have a stack of
their own (own ports, var folder and launcher: tests/e2e/stacks.py), so they cannot harm the
shared one. Every stack the session needs is started together, in threads, before the first e2e
test: each Rasa spends most of a minute loading its model in one Python thread, so on two cores
loading them side by side costs little more than loading one. The tests begin once every stack is
ready, so no model still loading slows the shared stack's timed answers.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator

import httpx
import pytest

from privacy.tracker import TrackerEvents, create_tracker_engine
from stack.launcher import Stack
from stack.services import ROOT
from tests.conversation_tokens import sign_conversations
from tests.e2e.stacks import OWN_STACKS, SHARED_BASE, StartingStack, e2e_config

# The one PostgreSQL cluster of the session (the scale-out stack and a stack of its own use it).
from tests.postgres import postgres  # noqa: F401 (fixture)

SHARED_FIXTURES = {"stack", "gateway"}
MODEL = ROOT / "models" / "relais.tar.gz"
RASA_PYTHON = ROOT / ".venv" / "rasa" / "bin" / "python"


@pytest.fixture(scope="session")
def stacks(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, StartingStack]]:
    """The shared stack, if a selected test uses it, and the own stack of each selected module
    that declared one, all started together."""
    items = request.session.items
    modules = {item.module.__name__.rsplit(".", 1)[-1] for item in items if item.get_closest_marker("e2e")}
    starting: dict[str, StartingStack] = {}
    try:
        if any(SHARED_FIXTURES & set(item.fixturenames) for item in items):
            starting["shared"] = StartingStack(e2e_config(tmp_path_factory, "var", SHARED_BASE))
        for module, make in OWN_STACKS.items():
            if module in modules:
                try:
                    config = make(request, tmp_path_factory)
                except BaseException as error:  # no PostgreSQL, say: that module skips or fails, not all
                    starting[module] = StartingStack(None, error)
                else:
                    starting[module] = StartingStack(config)
        for started in starting.values():
            started.wait()
        yield starting
    finally:
        for started in starting.values():
            started.stop()


@pytest.fixture(scope="session")
def stack(stacks: dict[str, StartingStack]) -> Stack:
    return stacks["shared"].ready()


@pytest.fixture(scope="session")
def gateway(stack: Stack) -> Iterator[httpx.Client]:
    with gateway_client(stack) as client:
        yield client


def gateway_client(stack: Stack) -> httpx.Client:
    client = httpx.Client(base_url=stack.config.gateway_url, timeout=30)
    # As the holder of the conversation secret (tests/conversation_tokens.py).
    sign_conversations(client, stack.config.conversation_secret)
    return client


def tracker_events(stack: Stack) -> TrackerEvents:
    """The stack's tracker store, read as the gateway reads it (Rasa's HTTP API is off)."""
    return TrackerEvents(create_tracker_engine(stack.config.own_environment()["RELAIS_TRACKER_URL"]))


class ModelParser:
    """The trained model loaded in Rasa's runtime (tests/e2e/rasa_model.py), one process."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            [str(RASA_PYTHON), str(ROOT / "tests" / "e2e" / "rasa_model.py"), str(MODEL)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false"},
        )  # fmt: skip
        self._until("READY")

    def _until(self, prefix: str) -> str:
        assert self._process.stdout is not None
        for line in self._process.stdout:
            if line.startswith(prefix):
                return line[len(prefix):].strip()
        raise RuntimeError(f"the model process ended (exit {self._process.wait()})")

    def intent(self, text: str) -> str:
        assert self._process.stdin is not None
        self._process.stdin.write(json.dumps(text) + "\n")
        self._process.stdin.flush()
        return str(json.loads(self._until("INTENT ")))

    def close(self) -> None:
        self._process.terminate()
        self._process.wait(timeout=30)


@pytest.fixture(scope="session")
def model_parser() -> Iterator[ModelParser]:
    if not MODEL.exists():
        pytest.fail("run `make train` first; missing models/relais.tar.gz")
    parser = ModelParser()
    yield parser
    parser.close()
