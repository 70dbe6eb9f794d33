"""The agent console: counsellors sign in, take waiting conversations, read the history, chat, end.

Everything but signing in needs `Authorization: Bearer <token>` (AgentDep). GET /agent serves
the console page.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import HTMLResponse

from api.chat.schemas import ANY_CHANNEL_CONVERSATION_ID_PATTERN, ErrorResponse
from api.counsellors.scope import (
    AuditDep,
    CounsellorScopeDep,
    establishments_of,
    require_conversation,
    visible,
)
from api.deps import (
    AgentAuthDep,
    AgentDep,
    ConversationRecordsDep,
    IndicatorsDep,
    LiveChatDep,
    MetricsDep,
    RegistryDep,
    SettingsDep,
    bearer_token,
)
from api.errors import BadAgentCredentials, TooManyRequests
from api.live.auth import BadCredentials
from api.live.queue import LiveSession
from api.live.schemas import (
    AgentConversation,
    AgentConversationsResponse,
    AgentMessageRequest,
    AgentSessionRequest,
    AgentSessionResponse,
    HistoryEntry,
    HistoryResponse,
    LiveEventOut,
    LiveEventsResponse,
)
from api.live.texts import joined, left
from api.pages import page
from api.throttling import ThrottleDep, client_of
from directory import render
from directory.models import Registry
from privacy.tracker import TrackerStoreError

logger = logging.getLogger("relais.agent")
router = APIRouter(tags=["agent console"])

ConversationId = Annotated[str, Path(pattern=ANY_CHANNEL_CONVERSATION_ID_PATTERN)]
Handler = TypeVar("Handler", bound=Callable[..., Any])
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse} for code in (401, 404, 409)
}
def _on_conversation(method: str, action: str, response_model: type[Any]) -> Callable[[Handler], Handler]:
    """A console route about one held or waiting conversation:
    `/api/agent/conversations/{conversation_id}/<action>`, with the console's errors."""
    return router.api_route(
        f"/api/agent/conversations/{{conversation_id}}/{action}",
        methods=[method], response_model=response_model, responses=ERRORS,
    )  # fmt: skip


HISTORY_UNAVAILABLE = (
    "Historique indisponible : la base des conversations ne répond pas pour le moment. "
    "La conversation en direct s'affiche quand même."
)


@router.get("/agent", include_in_schema=False)
async def console(settings: SettingsDep, registry: RegistryDep) -> HTMLResponse:
    return page(settings.static_dir / "agent.html", registry)


@router.post(
    "/api/agent/session",
    response_model=AgentSessionResponse,
    responses={401: {"model": ErrorResponse}, 429: {"model": ErrorResponse}},
)
async def sign_in(
    body: AgentSessionRequest,
    auth: AgentAuthDep,
    metrics: MetricsDep,
    http: Request,
    throttle: ThrottleDep,
) -> AgentSessionResponse:
    """Every failure is the same 401, whether the name exists or not. Failures are throttled per
    client address, never per name: a stranger cannot lock a counsellor out."""
    client = client_of(http)
    throttle.check("sign_in", client)
    wait = throttle.refused("sign_in_failure", client, count=False)
    if wait is not None:
        raise TooManyRequests(wait)
    try:
        session = await asyncio.to_thread(auth.sign_in, body.name, body.key)
    except BadCredentials:
        throttle.refused("sign_in_failure", client)  # counts this failure
        metrics.count("agent_sign_in_failures")
        raise BadAgentCredentials() from None
    return AgentSessionResponse(
        name=session.name, token=session.token, expires_at=session.expires_at
    )


@router.post("/api/agent/logout", status_code=204, responses={401: {"model": ErrorResponse}})
async def sign_out(_: AgentDep, request: Request, auth: AgentAuthDep) -> Response:
    auth.sign_out(bearer_token(request))
    return Response(status_code=204)


@router.get("/api/agent/conversations", response_model=AgentConversationsResponse, responses=ERRORS)
async def conversations(
    scope: CounsellorScopeDep,
    live: LiveChatDep,
    auth: AgentAuthDep,
    records: ConversationRecordsDep,
    registry: RegistryDep,
) -> AgentConversationsResponse:
    """Waiting conversations of the counsellor's establishments (and those of no known one)."""
    now = live.clock()
    waiting, mine = live.waiting(), live.held_by(scope.counsellor)
    known = await establishments_of(records, [s.conversation_id for s in (*waiting, *mine)])
    return AgentConversationsResponse(
        waiting=[
            _summary(s, now, registry, known.get(s.conversation_id))
            for s in visible(waiting, scope, known)
        ],
        mine=[_summary(s, now, registry, known.get(s.conversation_id)) for s in mine],
        counsellors_online=auth.present(),
    )


@_on_conversation("POST", "take", LiveEventsResponse)
async def take(
    conversation_id: ConversationId,
    scope: CounsellorScopeDep,
    live: LiveChatDep,
    metrics: MetricsDep,
    indicators: IndicatorsDep,
    records: ConversationRecordsDep,
    audit: AuditDep,
) -> LiveEventsResponse:
    agent = scope.counsellor
    waiting = live.require(conversation_id)
    was_waiting = waiting.state == "waiting"
    establishment = await require_conversation(conversation_id, scope, records)
    session = live.take(conversation_id, agent, joined(agent, waiting.language))
    audit.conversation("conversation_taken", agent, conversation_id, establishment)
    if was_waiting:
        metrics.count("live_taken")
        indicators.live_taken(conversation_id, (session.taken_at or live.clock()) - session.requested_at)
    return _events(session, after=0)


@_on_conversation("GET", "history", HistoryResponse)
async def history(
    conversation_id: ConversationId,
    scope: CounsellorScopeDep,
    live: LiveChatDep,
    records: ConversationRecordsDep,
    audit: AuditDep,
    registry: RegistryDep,
) -> HistoryResponse:
    """The conversation with the bot, read from Rasa's tracker store (not Rasa's HTTP API, which
    is off), then the live events."""
    establishment = await require_conversation(conversation_id, scope, records)
    session = live.held(conversation_id, scope.counsellor, open_only=False)
    audit.conversation("conversation_history_read", scope.counsellor, conversation_id, establishment)
    try:
        turns = await records.turns(conversation_id)
    except TrackerStoreError as error:
        logger.warning("conversation history unavailable: %s", error)
        turns = None
    return HistoryResponse(
        conversation_id=conversation_id,
        establishment_id=establishment,
        establishment_name=_establishment_name(registry, establishment),
        bot_history_available=turns is not None,
        notice=None if turns is not None else HISTORY_UNAVAILABLE,
        bot=[
            HistoryEntry(author=t.author, text=t.text, at=_when(t.timestamp)) for t in turns or []
        ],
        live=[LiveEventOut.of(event) for event in session.events],
    )


@_on_conversation("POST", "messages", LiveEventOut)
async def send_message(
    conversation_id: ConversationId,
    body: AgentMessageRequest,
    agent: AgentDep,
    live: LiveChatDep,
    metrics: MetricsDep,
) -> LiveEventOut:
    event = live.counsellor_message(conversation_id, agent, body.text)
    metrics.count("live_messages")
    return LiveEventOut.of(event)


@_on_conversation("GET", "events", LiveEventsResponse)
async def agent_events(
    conversation_id: ConversationId,
    agent: AgentDep,
    live: LiveChatDep,
    after: Annotated[int, Query(ge=0)] = 0,
) -> LiveEventsResponse:
    return _events(live.held(conversation_id, agent, open_only=False), after)


@_on_conversation("POST", "end", LiveEventsResponse)
async def end(
    conversation_id: ConversationId,
    agent: AgentDep,
    live: LiveChatDep,
    registry: RegistryDep,
    metrics: MetricsDep,
    records: ConversationRecordsDep,
    audit: AuditDep,
) -> LiveEventsResponse:
    language = live.require(conversation_id).language
    lines = render.lines_sentence(registry.lines_24_7(), language)
    session = live.end(conversation_id, agent, left(agent, lines, language))
    metrics.count("live_ended")
    establishment = (await establishments_of(records, [conversation_id])).get(conversation_id)
    audit.conversation("conversation_ended", agent, conversation_id, establishment)
    return _events(session, after=0)


def _events(session: LiveSession, after: int) -> LiveEventsResponse:
    return LiveEventsResponse(
        conversation_id=session.conversation_id,
        state=session.state,
        position=None,
        agent=session.agent,
        events=[LiveEventOut.of(event) for event in session.after(after)],
    )


def _establishment_name(registry: Registry, establishment: str | None) -> str | None:
    """The registry's name ("CISSS de Laval"), never a raw id or what a person typed."""
    found = registry.establishment(establishment)
    return found.name if found else None


def _summary(
    session: LiveSession, now: float, registry: Registry, establishment: str | None = None
) -> AgentConversation:
    return AgentConversation(
        conversation_id=session.conversation_id,
        state=session.state,
        requested_at=datetime.fromtimestamp(session.requested_at, UTC),
        waiting_seconds=int(now - session.requested_at),
        person_idle_seconds=int(now - session.person_seen_at),
        crisis=session.crisis,
        agent=session.agent,
        establishment_id=establishment,
        establishment_name=_establishment_name(registry, establishment),
    )


def _when(timestamp: float | None) -> datetime | None:
    return datetime.fromtimestamp(timestamp, UTC) if timestamp is not None else None
