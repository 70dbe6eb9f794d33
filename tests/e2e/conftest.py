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

from collections.abc import Iterator

import httpx
import pytest

from stack.launcher import Stack
from tests.conversation_tokens import sign_conversations
from tests.e2e.stacks import OWN_STACKS, SHARED_BASE, StartingStack, e2e_config

# The one PostgreSQL cluster of the session (the scale-out stack and a stack of its own use it).
from tests.postgres import postgres  # noqa: F401 (fixture)

SHARED_FIXTURES = {"stack", "gateway", "rasa_api"}


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


@pytest.fixture(scope="session")
def rasa_api(stack: Stack) -> Iterator[httpx.Client]:
    with rasa_client(stack) as client:
        yield client


def gateway_client(stack: Stack) -> httpx.Client:
    client = httpx.Client(base_url=stack.config.gateway_url, timeout=30)
    # As the holder of the conversation secret (tests/conversation_tokens.py).
    sign_conversations(client, stack.config.conversation_secret)
    return client


def rasa_client(stack: Stack) -> httpx.Client:
    url = f"http://127.0.0.1:{stack.config.rasa_port}"
    return httpx.Client(base_url=url, timeout=30, params={"token": stack.config.rasa_token})
