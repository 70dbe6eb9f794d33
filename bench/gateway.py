"""What the bench scripts that talk to the gateway share: a conversation as a browser holds it,
one POST /api/chat, and a stack of their own on loopback ports (trained model, built index) with
the per-address rate limits raised, since all their load comes from 127.0.0.1.
"""

from __future__ import annotations

import socket
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from stack.launcher import Stack
from stack.services import ROOT, StackConfig

MODEL = ROOT / "models" / "relais.tar.gz"
INDEX = ROOT / "var" / "index" / "manifest.json"
RAISED_RATE_LIMITS = {
    "RELAIS_RATE_CHAT_CLIENT": "100000/minute",
    "RELAIS_RATE_CHAT_GLOBAL": "100000/minute",
}


class Conversation:
    """One person's conversation: the gateway gives its id and token in its first reply (as a
    browser gets them); Rasa alone takes any sender id."""

    def __init__(self) -> None:
        self.sender = uuid.uuid4().hex
        self.id: str | None = None
        self.token: str | None = None


@dataclass
class ChatReply:
    seconds: float
    status: int | None  # None: no HTTP answer at all
    body: dict[str, Any] = field(default_factory=dict)  # the ChatResponse, when status is 200

    @property
    def ok(self) -> bool:
        return self.status == 200


async def post_chat(
    http: httpx.AsyncClient,
    gateway_url: str,
    conversation: Conversation,
    text: str,
    **fields: str,
) -> ChatReply:
    """Send one message in `conversation` (its id and token once the gateway gave them);
    `fields`: other ChatRequest fields (audience, establishment)."""
    started = time.perf_counter()
    body: dict[str, str] = {"message": text, **fields}
    headers = {}
    if conversation.id is not None:
        body["conversation_id"] = conversation.id
        headers["X-Conversation-Token"] = conversation.token or ""
    try:
        response = await http.post(f"{gateway_url}/api/chat", json=body, headers=headers)
        reply = response.json() if response.status_code == 200 else {}
    except (httpx.HTTPError, ValueError):
        return ChatReply(time.perf_counter() - started, None)
    if conversation.id is None and reply.get("conversation_token"):
        conversation.id, conversation.token = reply["conversation_id"], reply["conversation_token"]
    return ChatReply(time.perf_counter() - started, response.status_code, reply)


def spare_ports(count: int) -> list[int]:
    """`count` loopback ports free right now (the system picks them)."""
    probes = [socket.socket() for _ in range(count)]
    try:
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in probes]
    finally:
        for probe in probes:
            probe.close()


def bench_config(var_dir: Path, gateway_port: int, rasa_port: int, action_port: int) -> StackConfig:
    """A development stack on these ports, its files in `var_dir`, the rate limits raised."""
    missing = [str(path) for path in (MODEL, INDEX) if not path.exists()]
    if missing:
        raise SystemExit(f"run `make train index` first; missing {missing}")
    return StackConfig(
        gateway_port=gateway_port, rasa_port=rasa_port, action_port=action_port,
        var_dir=var_dir, relais_environment="development", extra_env=dict(RAISED_RATE_LIMITS),
    )  # fmt: skip


@contextmanager
def own_stack(config: StackConfig, timeout_seconds: float = 300) -> Iterator[tuple[Stack, float]]:
    """The stack started and ready, with its cold start in seconds; stopped on the way out."""
    stack = Stack(config)
    started = time.perf_counter()
    stack.start(timeout_seconds=timeout_seconds)
    try:
        yield stack, time.perf_counter() - started
    finally:
        stack.stop()
