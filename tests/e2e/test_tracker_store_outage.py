"""Rasa's silent fallback made visible: with its PostgreSQL tracker store stopped, Rasa 3.6 keeps
answering from an in-memory store and only logs an error. bot/channels.py notices (a read of the
database every 10 s, and a count of each fallback Rasa makes); the gateway's /readyz says
"tracker_store_unreachable" and /metrics `relais_rasa_tracker_store_ok 0`. Crises are answered
throughout; once PostgreSQL is back, the replica reports "ok" again and what was stored before the
outage is still there."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import psycopg
import pytest

from stack.launcher import Stack
from stack.services import StackConfig
from tests.e2e.conftest import gateway_client
from tests.e2e.stacks import (
    TRACKER_OUTAGE_BASE,
    StartingStack,
    e2e_config,
    own_stack,
    stack_of_its_own,
)
from tests.e2e.test_conversations import all_text, chat, new_id
from tests.postgres import PostgresCluster  # the `postgres` fixture: tests/e2e/conftest.py

pytestmark = [pytest.mark.e2e, pytest.mark.resilience]
MODULE = __name__.rsplit(".", 1)[-1]

ENDPOINTS = """\
action_endpoint:
  url: ${RELAIS_ACTION_ENDPOINT_URL}
tracker_store:
  type: SQL
  dialect: "postgresql"
  url: ${RELAIS_TRACKER_URL}
"""


@own_stack(MODULE)
def on_postgres_config(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> StackConfig:
    """Its own stack (tests/e2e/stacks.py), its tracker store a new database of the session's cluster."""
    cluster: PostgresCluster = request.getfixturevalue("postgres")
    database = cluster.new_database().replace("postgresql+psycopg://", "postgresql://")
    config = e2e_config(tmp_path_factory, "var-tracker-outage", TRACKER_OUTAGE_BASE, tracker_url=database)
    config.endpoints = config.var_dir / "endpoints.yml"
    config.endpoints.write_text(ENDPOINTS, encoding="utf-8")
    return config


@pytest.fixture(scope="module")
def on_postgres(stacks: dict[str, StartingStack]) -> Iterator[tuple[Stack, str]]:
    for running in stack_of_its_own(stacks, MODULE):
        yield running, running.config.tracker_url


def _wait_for_rasa(gateway: httpx.Client, state: str, seconds: float) -> dict:
    deadline = time.monotonic() + seconds
    while True:
        body = gateway.get("/readyz").json()
        if body["rasa"] == state or time.monotonic() > deadline:
            return body
        time.sleep(1.0)


def test_a_stopped_tracker_database_is_reported_not_silent(
    on_postgres: tuple[Stack, str], postgres: PostgresCluster
) -> None:
    stack, database = on_postgres
    with gateway_client(stack) as gateway:  # holds the conversation secret
        assert gateway.get("/readyz").json()["rasa"] == "ok"
        stored = new_id()
        chat(gateway, "Bonjour", stored)
        postgres.stop()
        try:
            # Rasa still answers (from memory): this is the silent part.
            answered = chat(gateway, "Bonjour", new_id())
            assert answered["messages"]
            body = _wait_for_rasa(gateway, "tracker_store_unreachable", 30)
            assert body["rasa"] == "tracker_store_unreachable" and body["degraded"] is True, body
            assert gateway.get("/readyz").status_code == 200  # the gateway still answers
            crisis = chat(gateway, "j'ai envie de mourir", new_id())
            assert crisis["crisis"] is True and "1 866 277-3553" in all_text(crisis)
            metrics = gateway.get("/metrics").text
            assert 'relais_rasa_tracker_store_ok{replica="rasa-1"} 0.0' in metrics
            fallbacks = next(
                line for line in metrics.splitlines()
                if line.startswith('relais_rasa_tracker_store_fallbacks{replica="rasa-1"}')
            )  # fmt: skip
            assert float(fallbacks.split()[-1]) >= 1
        finally:
            postgres.start()
        assert _wait_for_rasa(gateway, "ok", 60)["rasa"] == "ok"
    with psycopg.connect(database) as connection:
        rows = connection.execute("SELECT count(*) FROM events WHERE sender_id = %s", (stored,))
        assert rows.fetchone()[0] > 0  # type: ignore[index]
    log = (stack.config.log_dir / "rasa.log").read_text(encoding="utf-8")
    assert "RELAIS_TRACKER_STORE_FALLBACK" in log or "RELAIS_TRACKER_STORE_UNREACHABLE" in log
