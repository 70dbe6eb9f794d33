"""The counsellors' audit log: who read which conversation's history, took or ended which
conversation, read, closed or deleted which callback ticket.

One JSON line each on the `relais.audit` logger (api/logs.py), with an `audit` object:
    {"logger": "relais.audit", "event": "conversation_history_read", "audit": {"action":
     "conversation_history_read", "counsellor": "Julie", "conversation_ref": "k3j…",
     "establishment": "cisss-laval"}, ...}
Never a message's text, never a person's name or contact. A conversation is named by
`conversation_ref`, an HMAC of its id under the conversation secret (not the id, not its token):
whoever holds RELAIS_CONVERSATION_SECRET finds a conversation's lines with
`python -m api.counsellors.audit <conversation id>`. Tickets are named by their reference.

Listing the open tickets shows their contacts, so it is a read: each ticket is written once per
counsellor per hour (the console lists them every few seconds).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import sys
import time
from collections.abc import Callable, Iterable

from api.conversations.tokens import ConversationTokens

logger = logging.getLogger("relais.audit")
AUDIT_PURPOSE = "audit"
RELIST_SECONDS = 3600.0


def conversation_ref(secret: bytes, conversation_id: str) -> str:
    digest = hmac.new(secret, b"audit:" + conversation_id.encode("utf-8"), hashlib.sha256).digest()
    return base64.b32encode(digest[:10]).decode("ascii").lower()


class AuditLog:
    def __init__(self, tokens: ConversationTokens, clock: Callable[[], float] = time.time) -> None:
        self._secret = tokens.derived_key(AUDIT_PURPOSE)
        self._clock = clock
        self._listed: dict[tuple[str, str], float] = {}

    def conversation(
        self, action: str, counsellor: str, conversation_id: str, establishment: str | None
    ) -> None:
        self._write(
            action,
            counsellor=counsellor,
            conversation_ref=conversation_ref(self._secret, conversation_id),
            establishment=establishment,
        )

    def ticket(self, action: str, counsellor: str, reference: str, establishment: str) -> None:
        self._write(action, counsellor=counsellor, ticket=reference, establishment=establishment)

    def tickets_listed(self, counsellor: str, tickets: Iterable[tuple[str, str]]) -> None:
        """`tickets`: (reference, establishment) of each ticket shown."""
        now = self._clock()
        self._listed = {k: t for k, t in self._listed.items() if now - t < RELIST_SECONDS}
        for reference, establishment in tickets:
            if (counsellor, reference) not in self._listed:
                self._listed[(counsellor, reference)] = now
                self.ticket("callback_ticket_listed", counsellor, reference, establishment)

    @staticmethod
    def _write(action: str, **fields: str | None) -> None:
        logger.info(action, extra={"audit": {"action": action, **fields}})


def main(argv: list[str]) -> int:
    """Print the `conversation_ref` of each conversation id given (RELAIS_CONVERSATION_SECRET)."""
    secret = os.environ.get("RELAIS_CONVERSATION_SECRET", "")
    if not secret or not argv:
        print("usage: RELAIS_CONVERSATION_SECRET=… python -m api.counsellors.audit <conversation id>…")
        return 2
    key = ConversationTokens(secret).derived_key(AUDIT_PURPOSE)
    for conversation_id in argv:
        print(conversation_id, conversation_ref(key, conversation_id))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
