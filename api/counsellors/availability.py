"""Whether a person may be offered a live chat: a counsellor who serves the person's establishment
is at the console (signed in and active in the last minute, api/live/auth.py).

A counsellor with no list in RELAIS_AGENT_KEYS serves every establishment; a person with no known
establishment (or one the registry does not know) is everyone's, as in the console's queue
(api/counsellors/scope.py): the offer follows exactly who would see the person waiting. The
person's establishment is the one Rasa's tracker store holds (the slot the bot asked, else the one
the page sent), else the one sent with the current message.

Presence is read from the sign-in store (memory, or Redis shared by the gateways); the scopes come
from the settings, the same on every gateway. Shared state down: nobody is available (no false
hope; the person gets the callback and the 24/7 lines).
"""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import Depends, Request

from api.conversations.records import ConversationRecords
from api.counsellors.scope import CounsellorScope, establishments_of
from api.errors import SharedStateUnavailable
from api.live.auth import AgentAuth

logger = logging.getLogger("relais.agent")


class CounsellorAvailability:
    def __init__(
        self,
        auth: AgentAuth,
        scopes: dict[str, frozenset[str]],
        registry_ids: frozenset[str],
    ) -> None:
        self._auth = auth
        self._scopes = dict(scopes)
        self._registry_ids = registry_ids
        # Set by the lifespan once the tracker store is open (api/main.py).
        self.records: ConversationRecords | None = None

    def present(self) -> list[str]:
        """The counsellors at the console; none when the shared state does not answer."""
        try:
            return self._auth.present()
        except SharedStateUnavailable:
            return []

    def covers(self, establishment: str | None, present: list[str] | None = None) -> bool:
        """A counsellor at the console (`present`, read now if not given) serves this
        establishment (None: not known)."""
        names = self.present() if present is None else present
        return any(
            CounsellorScope(name, self._scopes.get(name), self._registry_ids).covers(establishment)
            for name in names
        )

    async def establishment_of(self, conversation_id: str, sent: str | None = None) -> str | None:
        """The conversation's establishment as the console sees it; `sent`: the current message's."""
        known: dict[str, str] = {}
        if self.records is not None:
            known = await establishments_of(self.records, [conversation_id])
        return known.get(conversation_id) or sent or None

    async def for_conversation(self, conversation_id: str, sent: str | None = None) -> bool:
        """A live chat may be offered to (and requested by) this conversation now."""
        present = self.present()
        if not present:  # nobody at all: no need to read the tracker store
            return False
        return self.covers(await self.establishment_of(conversation_id, sent), present)


def _availability(request: Request) -> CounsellorAvailability:
    return request.app.state.counsellor_availability  # type: ignore[no-any-return]


AvailabilityDep = Annotated[CounsellorAvailability, Depends(_availability)]
