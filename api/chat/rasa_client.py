"""Async client for Rasa's REST channel and the Relais health channel, with a hard timeout.

Rasa runs without its HTTP API (README "Rasa's surface", CVE-2024-49375): the gateway talks to it
only through channel webhooks, and reads the conversations from the tracker store itself
(privacy/tracker.py). No token: there is no API to protect.

Each conversation sticks to one Rasa replica (chosen from a stable hash of its id), because the
open-source Redis lock store races when two replicas handle the same conversation.
"""

from __future__ import annotations

import hashlib
from typing import Any

import httpx


class RasaUnavailable(RuntimeError):
    """Rasa did not answer in time, or answered with an error."""


class RasaClient:
    def __init__(
        self,
        urls: list[str],
        timeout_seconds: float,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        if not urls:
            raise ValueError("at least one Rasa URL is needed")
        self._urls = urls
        self._http = httpx.AsyncClient(timeout=httpx.Timeout(timeout_seconds), transport=transport)

    def replica_for(self, conversation_id: str) -> str:
        digest = hashlib.sha256(conversation_id.encode("utf-8")).digest()
        return self._urls[int.from_bytes(digest[:8], "big") % len(self._urls)]

    async def send(
        self, conversation_id: str, text: str, metadata: dict[str, Any]
    ) -> list[dict[str, Any]]:
        url = f"{self.replica_for(conversation_id)}/webhooks/rest/webhook"
        body = {"sender": conversation_id, "message": text, "metadata": metadata}
        try:
            response = await self._http.post(url, json=body)
            response.raise_for_status()
            replies = response.json()
        except (httpx.HTTPError, ValueError) as error:
            raise RasaUnavailable(type(error).__name__) from error
        if not isinstance(replies, list):
            raise RasaUnavailable("unexpected reply shape")
        return replies

    @property
    def urls(self) -> list[str]:
        return list(self._urls)

    async def replica_health(self, url: str, timeout_seconds: float = 2.0) -> dict[str, Any] | None:
        """What a replica says of itself at /webhooks/relais/health (bot/channels.py): warmed,
        tracker store; None when it does not answer (503 while warming is an answer)."""
        try:
            response = await self._http.get(
                f"{url}/webhooks/relais/health", timeout=timeout_seconds
            )
            body = response.json()
        except (httpx.HTTPError, ValueError):
            return None
        return body if isinstance(body, dict) and response.status_code in (200, 503) else None

    async def close(self) -> None:
        await self._http.aclose()
