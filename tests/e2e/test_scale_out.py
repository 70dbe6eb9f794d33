"""The scale-out path for real: two Rasa replicas sharing a PostgreSQL tracker store and a Redis
lock store (bot/endpoints.scaled.yml), behind the gateway's sticky routing by conversation."""

from __future__ import annotations

import asyncio
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg
import pytest

from api.chat.rasa_client import RasaClient
from stack.launcher import Stack
from stack.services import ROOT
from tests.availability import unavailable
from tests.conversation_tokens import sign_conversations
from tests.e2e.stacks import SCALED_BASE, e2e_config
from tests.e2e.test_conversations import all_text, chat, new_id
from tests.postgres import (  # the `postgres` fixture: tests/e2e/conftest.py
    PostgresCluster,
    _free_port,
)

pytestmark = pytest.mark.e2e


def _redis_command(port: int, *words: str) -> bytes:
    request = f"*{len(words)}\r\n" + "".join(f"${len(w)}\r\n{w}\r\n" for w in words)
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(request.encode())
        return connection.recv(65536)


@pytest.fixture(scope="module")
def redis_port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    binary = shutil.which("redis-server")
    if binary is None:
        message = "redis-server not found: `apt-get install redis-server` (.ci/run does)"
        unavailable(message)
    port = _free_port()
    folder: Path = tmp_path_factory.mktemp("redis")
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                if _redis_command(port, "PING").startswith(b"+PONG"):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def scaled(
    postgres: PostgresCluster,
    redis_port: int,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Stack, str]]:
    database = postgres.new_database()
    tracker_url = database.replace("postgresql+psycopg://", "postgresql://")  # Rasa uses psycopg2
    config = e2e_config(
        tmp_path_factory, "var-scaled", SCALED_BASE, rasa_replicas=2,
        endpoints=ROOT / "bot" / "endpoints.scaled.yml", tracker_url=tracker_url,
        extra_env={"RELAIS_REDIS_HOST": "127.0.0.1", "RELAIS_REDIS_PORT": str(redis_port)},
    )  # fmt: skip
    running = Stack(config)
    running.start(timeout_seconds=420)
    yield running, database
    running.stop()


def conversations_on_each_replica(urls: list[str]) -> dict[str, str]:
    """One new conversation id per replica, as the gateway's sticky routing assigns them."""
    client = RasaClient(urls, "unused", 3.0)
    found: dict[str, str] = {}
    while len(found) < len(urls):
        conversation = new_id()
        found.setdefault(client.replica_for(conversation), conversation)
    asyncio.run(client.close())
    return found


def test_two_replicas_share_the_postgresql_tracker_and_the_redis_lock_store(
    scaled: tuple[Stack, str], redis_port: int
) -> None:
    stack, database = scaled
    urls = stack.config.rasa_urls
    commands_before = _redis_command(redis_port, "INFO", "stats").decode()
    with httpx.Client(base_url=stack.config.gateway_url, timeout=30) as gateway:
        sign_conversations(gateway, stack.config.conversation_secret)  # ids chosen per replica
        placed = conversations_on_each_replica(urls)
        for conversation in placed.values():
            first = chat(gateway, "je veux pu me réveiller demain matin", conversation)
            assert first["crisis"] is True and "1 866 277-3553" in all_text(first)
            # The risk survives to the next turn (the tracker store): one more check-in.
            second = chat(gateway, "/confirm_safe", conversation)
            assert "une dernière fois" in all_text(second)
    # Each replica served its own conversation, and both wrote to the same PostgreSQL store...
    with psycopg.connect(database.replace("postgresql+psycopg://", "postgresql://")) as connection:
        senders = {row[0] for row in connection.execute("SELECT DISTINCT sender_id FROM events")}
    assert set(placed.values()) <= senders
    # ...so either replica reads any conversation's state, here the risk flag.
    for url, conversation in placed.items():
        other = next(u for u in urls if u != url)
        tracker = httpx.get(
            f"{other}/conversations/{conversation}/tracker",
            params={"token": stack.config.rasa_token}, timeout=30,
        ).json()  # fmt: skip
        assert tracker["slots"]["at_risk"] is True
    # The replicas took their conversation locks in Redis.
    commands_after = _redis_command(redis_port, "INFO", "stats").decode()

    def processed(info: str) -> int:
        line = next(x for x in info.splitlines() if x.startswith("total_commands_processed:"))
        return int(line.split(":")[1])

    assert processed(commands_after) > processed(commands_before) + 4
