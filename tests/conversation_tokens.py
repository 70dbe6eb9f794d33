"""Tests that drive the gateway as the holder of its conversation secret.

`sign_conversations(client, secret)` adds to every call about a conversation (`/api/chat` with a
`conversation_id`, `/api/live/<id>/…`, `/api/conversations/<id>`) the X-Conversation-Token the
gateway would have issued for that id, unless the call already carries one. Tests of the token
itself (tests/security/) use a client without it.
"""

from __future__ import annotations

import json
import re

import httpx

from api.conversations.tokens import HEADER, ConversationTokens

_PATH = re.compile(r"^/api/(?:live|conversations)/([^/]+)")


def conversation_of(request: httpx.Request) -> str | None:
    found = _PATH.match(request.url.path)
    if found:
        return found.group(1)
    if request.url.path == "/api/chat" and request.method == "POST":
        try:
            body = json.loads(request.content or b"{}")
        except ValueError:
            return None
        if isinstance(body, dict) and isinstance(body.get("conversation_id"), str):
            return body["conversation_id"]
    return None


def sign_conversations(client: httpx.Client, secret: str) -> None:
    tokens = ConversationTokens(secret)

    def add_token(request: httpx.Request) -> None:
        conversation_id = conversation_of(request)
        if conversation_id is not None and HEADER not in request.headers:
            request.headers[HEADER] = tokens.issue(conversation_id)

    client.event_hooks = {**client.event_hooks, "request": [*client.event_hooks["request"], add_token]}
