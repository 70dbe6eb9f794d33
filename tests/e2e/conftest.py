"""One real stack for the end-to-end tests: trained model, action server, gateway, on spare ports."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from privacy.tracker import TrackerEvents, create_tracker_engine
from stack.launcher import Stack
from stack.services import ROOT, StackConfig
from tests.conversation_tokens import sign_conversations

MODEL = ROOT / "models" / "relais.tar.gz"
INDEX = ROOT / "var" / "index" / "manifest.json"
RASA_PYTHON = ROOT / ".venv" / "rasa" / "bin" / "python"


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    missing = [str(path) for path in (MODEL, INDEX) if not path.exists()]
    if missing:
        pytest.fail(f"run `make train index` first; missing {missing}")
    var_dir: Path = tmp_path_factory.mktemp("var")
    # RELAIS_E2E_PORT_OFFSET moves the ports when another stack (another worktree) holds them.
    offset = int(os.environ.get("RELAIS_E2E_PORT_OFFSET", "0"))
    config = StackConfig(
        gateway_port=18000 + offset, rasa_port=15005 + offset, action_port=15055 + offset,
        var_dir=var_dir,
        index_dir=ROOT / "var" / "index",
    )
    running = Stack(config)
    running.start(timeout_seconds=300, supervise=True)
    yield running
    running.stop()


@pytest.fixture(scope="session")
def gateway(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.config.gateway_url, timeout=30) as client:
        # As the holder of the conversation secret (tests/conversation_tokens.py).
        sign_conversations(client, stack.config.conversation_secret)
        yield client


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


def tracker_events(stack: Stack) -> TrackerEvents:
    """The stack's tracker store, read as the gateway reads it (Rasa's HTTP API is off)."""
    return TrackerEvents(create_tracker_engine(stack.config.own_environment()["RELAIS_TRACKER_URL"]))
