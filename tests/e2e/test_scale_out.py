"""The scale-out path for real: two Rasa replicas sharing a PostgreSQL tracker store and a Redis
lock store (bot/endpoints.scaled.yml), behind the gateway's sticky routing by conversation."""

from __future__ import annotations

import asyncio
import json
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
from stack.services import ROOT, StackConfig
from tests.availability import unavailable
from tests.conversation_tokens import sign_conversations
from tests.e2e.test_conversations import all_text, chat, new_id
from tests.postgres import PostgresCluster, _free_port, postgres  # noqa: F401 (fixture)

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
    postgres: PostgresCluster,  # noqa: F811
    redis_port: int,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Stack, str]]:
    database = postgres.new_database()
    tracker_url = database.replace("postgresql+psycopg://", "postgresql://")  # Rasa uses psycopg2
    config = StackConfig(
        gateway_port=18200, rasa_port=15205, rasa_replicas=2, action_port=15255,
        var_dir=tmp_path_factory.mktemp("var-scaled"), index_dir=ROOT / "var" / "index",
        endpoints=ROOT / "bot" / "endpoints.scaled.yml", tracker_url=tracker_url,
        extra_env={"RELAIS_REDIS_HOST": "127.0.0.1", "RELAIS_REDIS_PORT": str(redis_port)},
    )  # fmt: skip
    running = Stack(config)
    running.start(timeout_seconds=420)
    yield running, database
    running.stop()


def conversations_on_each_replica(urls: list[str]) -> dict[str, str]:
    """One new conversation id per replica, as the gateway's sticky routing assigns them."""
    client = RasaClient(urls, 3.0)
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
    # ...so the risk flag each one set is in the shared store, where the other replica reads it
    # (Rasa's HTTP API is off: the store itself is read).
    with psycopg.connect(database.replace("postgresql+psycopg://", "postgresql://")) as connection:
        for conversation in placed.values():
            slots = [
                json.loads(row[0]) for row in connection.execute(
                    "SELECT data FROM events WHERE sender_id = %s AND type_name = 'slot' ORDER BY id",
                    (conversation,),
                )
            ]  # fmt: skip
            assert any(slot["name"] == "at_risk" and slot["value"] is True for slot in slots)
    # The replicas took their conversation locks in Redis.
    commands_after = _redis_command(redis_port, "INFO", "stats").decode()

    def processed(info: str) -> int:
        line = next(x for x in info.splitlines() if x.startswith("total_commands_processed:"))
        return int(line.split(":")[1])

    assert processed(commands_after) > processed(commands_before) + 4
