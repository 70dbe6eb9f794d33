"""The conversation secret: only whoever started a conversation can continue, follow or erase it.

A new conversation's reply carries `conversation_token` beside `conversation_id`; every later
call about it sends `X-Conversation-Token`. The token is an HMAC of the id under a server secret
(RELAIS_CONVERSATION_SECRET; a random one per process in development), so the gateway keeps no
table of tokens, ids the server did not issue have no valid token, and every replica agrees.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from typing import Annotated

from fastapi import Depends, Request

from api.chat.schemas import CONVERSATION_ID_PATTERN
from api.errors import ConversationUnauthorized

HEADER = "X-Conversation-Token"


class ConversationTokens:
    def __init__(self, secret: str | bytes | None = None) -> None:
        if isinstance(secret, str):
            secret = secret.encode("utf-8")
        self._key = secret or secrets.token_bytes(32)

    def issue(self, conversation_id: str) -> str:
        digest = hmac.new(self._key, b"conversation:" + conversation_id.encode("utf-8"), hashlib.sha256)
        return base64.urlsafe_b64encode(digest.digest()).rstrip(b"=").decode("ascii")

    def derived_key(self, purpose: str) -> bytes:
        """A key for another use of the same secret (the audit log's conversation references)."""
        return hmac.new(self._key, b"derive:" + purpose.encode("utf-8"), hashlib.sha256).digest()

    def valid(self, conversation_id: str, token: str | None) -> bool:
        if not token:
            return False
        return hmac.compare_digest(self.issue(conversation_id).encode(), token.strip().encode("utf-8", "replace"))

    def require(self, conversation_id: str, token: str | None) -> None:
        """ConversationUnauthorized (401, bilingual) unless `token` was issued for this id."""
        if not self.valid(conversation_id, token):
            raise ConversationUnauthorized()


def _tokens(request: Request) -> ConversationTokens:
    return request.app.state.conversation_tokens  # type: ignore[no-any-return]


async def _verified_conversation(request: Request) -> str:
    """The path's conversation id, once its X-Conversation-Token is checked."""
    conversation_id = str(request.path_params.get("conversation_id", ""))
    if not re.fullmatch(CONVERSATION_ID_PATTERN, conversation_id):
        return conversation_id  # the path's own validation answers 422
    _tokens(request).require(conversation_id, request.headers.get(HEADER))
    return conversation_id


ConversationTokensDep = Annotated[ConversationTokens, Depends(_tokens)]
# Add to a route with a {conversation_id} path parameter: 401 without its token.
VerifiedConversation = Depends(_verified_conversation)
