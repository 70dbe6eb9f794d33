"""The scale-out path for real: two Rasa replicas sharing a PostgreSQL tracker store and a Redis
lock store (bot/endpoints.scaled.yml), behind the gateway's sticky routing by conversation; then
two gateways on one Redis (RELAIS_REDIS_URL, api/shared/): a person on one, a counsellor on the
other, and the first gateway killed while the conversation goes on.

Run as deployed (deploy/): Redis with deploy's users (redis-users.acl.example: the default user
off, the gateways as relais-gateway, Rasa's lock store as relais-rasa), PostgreSQL with the roles of
deploy/postgres-init.sql (Rasa and the gateways' tracker access as relais_tracker, the tickets as
relais_tickets, none a superuser): what passes here passes with those rights and no more.

One stack for the module (the session's trained model and index); the test that kills gateway A
comes last."""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import Iterator
from dataclasses import replace

import httpx
import psycopg
import pytest
import redis

from api.chat.rasa_client import RasaClient
from stack.launcher import Stack
from stack.services import ROOT
from tests.conversation_tokens import sign_conversations
from tests.e2e.stacks import SCALED_BASE, e2e_config
from tests.e2e.test_conversations import all_text, chat, new_id
from tests.postgres import PostgresCluster  # the `postgres` fixture: tests/e2e/conftest.py
from tests.postgres_roles import ROLES, DeployRoles, deploy_roles
from tests.redis_server import ADMIN, PASSWORDS, RedisServer, start_redis

pytestmark = pytest.mark.e2e
# RELAIS_E2E_PORT_OFFSET moves the ports when another stack (another worktree) holds them.
OFFSET = int(os.environ.get("RELAIS_E2E_PORT_OFFSET", "0"))


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    # Deploy's users; the default user off as deployed, an administrator for the test's checks.
    server = start_redis(tmp_path_factory.mktemp("redis"), admin_default=False)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def redis_port(redis_server: RedisServer) -> int:
    return redis_server.port


def login(port: int, user: str, password: str) -> redis.Redis:
    return redis.Redis(port=port, username=user, password=password, socket_timeout=5)


@pytest.fixture(scope="module")
def roles(postgres: PostgresCluster) -> DeployRoles:
    return deploy_roles(postgres)  # deploy/postgres-init.sql, run by psql


@pytest.fixture(scope="module")
def scaled(
    roles: DeployRoles,
    redis_server: RedisServer,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Stack, str]]:
    tracker_url = roles.tracker_url  # Rasa (psycopg2) and the gateways, as relais_tracker
    config = e2e_config(
        tmp_path_factory, "var-scaled", SCALED_BASE, rasa_replicas=2,
        endpoints=ROOT / "bot" / "endpoints.scaled.yml", tracker_url=tracker_url,
        extra_env={
            "RELAIS_REDIS_HOST": "127.0.0.1", "RELAIS_REDIS_PORT": str(redis_server.port),
            "RELAIS_REDIS_LOCK_USERNAME": "relais-rasa",
            "RELAIS_REDIS_LOCK_PASSWORD": PASSWORDS["relais-rasa"],
            # The gateways' shared state, in another database than Rasa's locks, as their user.
            "RELAIS_REDIS_URL": redis_server.gateway_url(2),
            # The callback tickets and indicators as relais_tickets (migrated at start).
            "RELAIS_DATABASE_URL": roles.tickets_url,
        },
    )  # fmt: skip
    running = Stack(config)
    running.start(timeout_seconds=420)
    yield running, tracker_url
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
    admin = login(redis_port, *ADMIN)
    admin.acl_log_reset()
    commands_before = admin.info("stats")["total_commands_processed"]
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
    # The replicas took their conversation locks in Redis, logged in as relais-rasa (database 1),
    # the gateways as relais-gateway (database 2), and nothing either sent was refused.
    assert admin.info("stats")["total_commands_processed"] > commands_before + 4
    clients = {(c["user"], int(c["db"])) for c in admin.client_list()}
    assert {("relais-rasa", 1), ("relais-gateway", 2)} <= clients, clients
    refused = [entry for entry in admin.acl_log() if entry["object"] != "client|setinfo"]
    assert refused == [], refused  # redis-py 5+ sends CLIENT SETINFO, optional (Redis 7.2+)


def test_each_redis_user_reaches_only_its_own_keys(
    scaled: tuple[Stack, str], redis_server: RedisServer
) -> None:
    """Redis ACLs cannot restrict a database: the users are held to their keys and commands."""
    port = redis_server.port
    admin = login(port, *ADMIN)
    admin.set("relais:probe", "gateway data")
    admin.set("rasa:lock:probe", "{}")
    rasa = login(port, "relais-rasa", PASSWORDS["relais-rasa"])
    gateway = login(port, "relais-gateway", PASSWORDS["relais-gateway"])
    assert rasa.get("rasa:lock:probe") == b"{}" and gateway.get("relais:probe") == b"gateway data"
    for client, key in ((rasa, "relais:probe"), (rasa, "relais:live:ids"), (gateway, "rasa:lock:probe")):
        with pytest.raises(redis.exceptions.NoPermissionError):
            client.get(key)
    for call in (
        lambda: gateway.flushall(), lambda: gateway.flushdb(), lambda: gateway.keys("*"),
        lambda: gateway.config_set("appendonly", "yes"), lambda: rasa.config_get("save"),
        lambda: rasa.set("relais:probe", "overwritten"), lambda: gateway.acl_list(),
        lambda: gateway.script_flush(), lambda: gateway.eval("return 1", 0),
    ):  # fmt: skip
        with pytest.raises(redis.exceptions.NoPermissionError):
            call()
    with pytest.raises(redis.exceptions.AuthenticationError):  # the default user is off
        redis.Redis(port=port, socket_timeout=5).ping()
    with pytest.raises(redis.exceptions.AuthenticationError):
        login(port, "relais-rasa", "wrong").ping()
    admin.delete("relais:probe", "rasa:lock:probe")


def test_rasa_and_the_gateways_run_on_non_superuser_roles(
    scaled: tuple[Stack, str], roles: DeployRoles
) -> None:
    """Rasa created its tracker table as relais_tracker, a gateway migrated the tickets' tables as
    relais_tickets; neither role is a superuser nor reaches the other's database."""
    with psycopg.connect(roles.tracker_url) as connection:
        owners = set(connection.execute("SELECT tableowner FROM pg_tables WHERE schemaname = 'public'").fetchall())
        supers = connection.execute(
            "SELECT rolname FROM pg_roles WHERE rolname = ANY(%s) AND rolsuper", (list(ROLES),)
        ).fetchall()  # fmt: skip
    assert owners == {("relais_tracker",)} and supers == []
    tickets = roles.tickets_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(tickets) as connection:
        tables = dict(connection.execute(
            "SELECT tablename, tableowner FROM pg_tables WHERE schemaname = 'public'"
        ).fetchall())  # fmt: skip
    assert tables.get("callback_tickets") == "relais_tickets", tables
    assert set(tables.values()) == {"relais_tickets"}
    with pytest.raises(psycopg.OperationalError, match="permission denied"):
        psycopg.connect(roles.url("relais_tracker", "relais", "postgresql")).close()


GATEWAY_B_PORT = 18001 + SCALED_BASE + OFFSET  # beside the scaled stack's gateway
CRISIS_LINE = "1 866 277-3553"


@pytest.fixture(scope="module")
def gateway_b(scaled: tuple[Stack, str]) -> str:
    """A second gateway, as the launcher starts the first (same command, environment, Redis)."""
    stack, _ = scaled
    first = next(s for s in stack.config.services() if s.name == "gateway")
    port = str(stack.config.gateway_port)
    command = [str(GATEWAY_B_PORT) if part == port else part for part in first.command]
    url = f"http://127.0.0.1:{GATEWAY_B_PORT}"
    second = replace(first, name="gateway-b", command=command, ready_url=f"{url}/readyz")
    stack.supervisor.spawn(second)
    stack._wait_ready(second, time.monotonic() + 120)
    return url


def events(client: httpx.Client, path: str, after: int, **headers: str) -> dict:
    answer = client.get(path, params={"after": after}, headers=headers)
    assert answer.status_code == 200, answer.text
    return answer.json()  # type: ignore[no-any-return]


def test_two_gateways_share_the_live_chat_and_one_can_die(
    scaled: tuple[Stack, str], gateway_b: str
) -> None:
    stack, _ = scaled
    name, _, key = stack.config.agent_keys.partition(":")
    a = httpx.Client(base_url=stack.config.gateway_url, timeout=30)
    b = httpx.Client(base_url=gateway_b, timeout=30)
    for gateway in (a, b):
        ready = gateway.get("/readyz").json()
        # "ok", not "persistent": the ACL user may read the configuration (CONFIG GET).
        assert ready["shared_state"] == "ok", ready
    # The person starts on gateway A, as a browser would: the token comes from the reply.
    first = a.post("/api/chat", json={"message": "Bonjour"}).json()
    conversation, token = first["conversation_id"], first["conversation_token"]
    person = {"X-Conversation-Token": token}
    asked = a.post(f"/api/live/{conversation}/request", headers=person)
    assert asked.status_code == 200 and asked.json()["state"] == "waiting", asked.text

    # A counsellor signs in on gateway B and sees the person waiting on A.
    signed = b.post("/api/agent/session", json={"name": name, "key": key})
    assert signed.status_code == 200, signed.text
    agent = {"Authorization": f"Bearer {signed.json()['token']}"}
    waiting = b.get("/api/agent/conversations", headers=agent).json()["waiting"]
    assert conversation in [w["conversation_id"] for w in waiting]
    assert b.post(f"/api/agent/conversations/{conversation}/take", headers=agent).status_code == 200
    # Gateway A knows at once: the person's page polls A.
    seen = events(a, f"/api/live/{conversation}/events", 0, **person)
    assert seen["state"] == "with_counsellor" and seen["agent"] == name

    # Both ways: the person on A, the counsellor on B.
    relayed = a.post(
        "/api/chat",
        json={"conversation_id": conversation, "message": "J'ai eu une nuit difficile"},
        headers=person,
    ).json()
    assert relayed["messages"] == [] and relayed["live"]["state"] == "with_counsellor"
    said = b.post(
        f"/api/agent/conversations/{conversation}/messages",
        json={"text": "Je vous écoute."},
        headers=agent,
    )
    assert said.status_code == 200, said.text
    counsellor_view = events(b, f"/api/agent/conversations/{conversation}/events", 0, **agent)
    assert "J'ai eu une nuit difficile" in [e["text"] for e in counsellor_view["events"]]
    person_view = events(a, f"/api/live/{conversation}/events", 0, **person)
    assert "Je vous écoute." in [e["text"] for e in person_view["events"]]
    last_seen = max(e["seq"] for e in person_view["events"])

    # A crisis message on A: the static crisis reply at once, the banner for the counsellor on B.
    crisis = a.post(
        "/api/chat",
        json={"conversation_id": conversation, "message": "je veux mourir"},
        headers=person,
    ).json()
    assert crisis["crisis"] is True and CRISIS_LINE in all_text(crisis)
    mine = b.get("/api/agent/conversations", headers=agent).json()["mine"]
    assert [(m["conversation_id"], m["crisis"]) for m in mine] == [(conversation, True)]
    kinds = [
        e["kind"]
        for e in events(b, f"/api/agent/conversations/{conversation}/events", 0, **agent)["events"]
    ]
    assert "crisis" in kinds

    # Gateway A dies; the person goes on through B with the same conversation and token.
    stack.crash("gateway")
    stack.supervisor.process("gateway").wait(timeout=10)  # type: ignore[union-attr]
    with pytest.raises(httpx.TransportError):
        a.get("/healthz")
    relayed = b.post(
        "/api/chat",
        json={"conversation_id": conversation, "message": "Vous êtes encore là?"},
        headers=person,
    ).json()
    assert relayed["live"] == {"state": "with_counsellor", "position": None, "agent": name}
    counsellor_view = events(b, f"/api/agent/conversations/{conversation}/events", 0, **agent)
    assert "Vous êtes encore là?" in [e["text"] for e in counsellor_view["events"]]
    b.post(
        f"/api/agent/conversations/{conversation}/messages",
        json={"text": "Oui, toujours."},
        headers=agent,
    )
    b.post(f"/api/agent/conversations/{conversation}/end", headers=agent)
    later = events(b, f"/api/live/{conversation}/events", last_seen, **person)
    assert [e["text"] for e in later["events"] if e["kind"] == "message"] == ["Oui, toujours."]
    assert later["state"] == "ended"
    # Back with the bot on B, the risk disclosed on A still shows: the lines stay in view.
    after = b.post(
        "/api/chat", json={"conversation_id": conversation, "message": "merci"}, headers=person
    ).json()
    assert CRISIS_LINE in all_text(after)
    # Without the token, B refuses as A did: the secret is shared, not the process.
    refused = b.post("/api/chat", json={"conversation_id": conversation, "message": "merci"})
    assert refused.status_code == 401
    a.close()
    b.close()
