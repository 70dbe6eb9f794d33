"""Counsellors see only the conversations and tickets of the establishments they serve.

A conversation's establishment is what Rasa's tracker store says (privacy/tracker.py: the
`establishment` slot, else the one the page sent with a message); a conversation with none known,
or whose store does not answer, is visible to every counsellor (nobody waiting is hidden for
lack of a label). A ticket always has its establishment. Out of scope answers as absent: 404 with
the usual bilingual body, so a counsellor learns nothing of other establishments.

These functions take the queue's sessions and the records as they are handed to them: where the
sessions are kept (memory, Redis) is not their business.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from api.conversations.records import ConversationRecords
from api.counsellors.audit import AuditLog
from api.deps import AgentDep, SettingsDep
from api.errors import CallbackTicketNotFound, LiveChatNotFound
from api.live.queue import LiveSession
from directory.models import Registry
from privacy.tracker import TrackerStoreError

logger = logging.getLogger("relais.agent")


@dataclass(frozen=True)
class CounsellorScope:
    counsellor: str
    establishments: frozenset[str] | None  # None: every establishment
    # The registry's establishment ids: anything else the store holds ("aucun" from the form's
    # "Je préfère ne pas le dire", a name typed and not recognised) is no establishment at all.
    registry_ids: frozenset[str] | None = None

    def covers(self, establishment: str | None) -> bool:
        """Unknown establishments are everyone's: nobody waiting is hidden for lack of a label."""
        if self.establishments is None or establishment is None:
            return True
        if self.registry_ids is not None and establishment not in self.registry_ids:
            return True
        return establishment in self.establishments


async def establishments_of(records: ConversationRecords, conversation_ids: list[str]) -> dict[str, str]:
    """Each conversation's establishment when known; {} when the tracker store does not answer."""
    try:
        return await records.establishments(conversation_ids)
    except TrackerStoreError as error:
        logger.warning("establishments of the waiting conversations unknown: %s", error)
        return {}


def visible(
    sessions: Sequence[LiveSession], scope: CounsellorScope, known: dict[str, str]
) -> list[LiveSession]:
    """The sessions this counsellor may see; `known`: the establishments the store knows."""
    return [s for s in sessions if scope.covers(known.get(s.conversation_id))]


async def require_conversation(
    conversation_id: str, scope: CounsellorScope, records: ConversationRecords
) -> str | None:
    """The conversation's establishment, or LiveChatNotFound (404) when out of scope."""
    establishment = (await establishments_of(records, [conversation_id])).get(conversation_id)
    if not scope.covers(establishment):
        raise LiveChatNotFound()
    return establishment


def require_ticket(establishment_id: str, scope: CounsellorScope) -> None:
    """CallbackTicketNotFound (404) for a ticket of an establishment this counsellor does not serve."""
    if not scope.covers(establishment_id):
        raise CallbackTicketNotFound()


def check_counsellor_establishments(scopes: dict[str, frozenset[str]], registry: Registry) -> None:
    """The gateway does not start with an id in RELAIS_AGENT_KEYS that the registry does not know:
    a typo would silently hide that establishment's people from its counsellors."""
    unknown = sorted({e for ids in scopes.values() for e in ids if registry.establishment(e) is None})
    if unknown:
        raise ValueError(
            f"RELAIS_AGENT_KEYS names establishments the registry does not know: {', '.join(unknown)}"
        )


def _audit(request: Request) -> AuditLog:
    return request.app.state.audit  # type: ignore[no-any-return]


AuditDep = Annotated[AuditLog, Depends(_audit)]


async def _scope(agent: AgentDep, settings: SettingsDep, request: Request) -> CounsellorScope:
    registry: Registry = request.app.state.registry
    ids = frozenset(establishment.id for establishment in registry.establishments)
    return CounsellorScope(agent, settings.agent_establishments.get(agent), ids)


# The signed-in counsellor with the establishments they serve (401 without a valid session).
CounsellorScopeDep = Annotated[CounsellorScope, Depends(_scope)]
