"""One real stack for the end-to-end tests: trained model, action server, gateway, on spare ports."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from stack.launcher import Stack
from stack.services import ROOT, StackConfig
from tests.conversation_tokens import sign_conversations

MODEL = ROOT / "models" / "relais.tar.gz"
INDEX = ROOT / "var" / "index" / "manifest.json"


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


@pytest.fixture(scope="session")
def rasa_api(stack: Stack) -> Iterator[httpx.Client]:
    url = f"http://127.0.0.1:{stack.config.rasa_port}"
    with httpx.Client(base_url=url, timeout=30, params={"token": stack.config.rasa_token}) as client:
        yield client
