"""POST /api/teams/webhook (team channels, outgoing webhook) and POST /api/teams/messages
(the personal chat, Bot Framework activities from Azure Bot Service)."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from api.chat.schemas import ErrorResponse
from api.teams.errors import TeamsBadActivity, TeamsNotConfigured
from api.teams.runtime import Teams

router = APIRouter(prefix="/api/teams", tags=["teams"])

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse} for code in (400, 401, 409, 413, 503)
}


def _teams(request: Request) -> Teams:
    return request.app.state.teams  # type: ignore[no-any-return]


def _json_object(body: bytes) -> dict[str, Any]:
    try:
        activity = json.loads(body)
    except ValueError:
        raise TeamsBadActivity() from None
    if not isinstance(activity, dict):
        raise TeamsBadActivity()
    return activity


@router.post("/webhook", responses=ERRORS)
async def channel_webhook(request: Request) -> JSONResponse:
    """An @mention in a team channel: signed, answered once, within 5 seconds."""
    channel = _teams(request).channel
    if channel is None:
        raise TeamsNotConfigured()
    body = await request.body()
    channel.verify(request.headers.get("authorization"), body)
    activity = _json_object(body)
    channel.accept(activity)
    return JSONResponse(await channel.answer(activity))


@router.post("/messages", status_code=202, responses=ERRORS)
async def personal_messages(request: Request) -> Response:
    """An activity of the personal chat: authenticated, then answered in the background (202)."""
    personal = _teams(request).personal
    if personal is None:
        raise TeamsNotConfigured()
    claims = await personal.authenticate(request.headers.get("authorization"))
    activity = _json_object(await request.body())
    personal.accept(claims, activity)
    return Response(status_code=202)
