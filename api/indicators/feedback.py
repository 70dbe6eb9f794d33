"""POST /api/feedback `{conversation_id, article_id, helpful}`: "did this article help?", counted
per article and week (api/indicators/recorder.py), once per conversation and article (a repeat
answers 204 and counts nothing); nothing else is kept.

The conversation token of the privacy work (`X-Conversation-Token`) is checked by a swappable
dependency, `conversation_guard`: until the gateway issues tokens, `AnyConversation` accepts every
conversation; the privacy code installs its checker with
`app.dependency_overrides[conversation_guard] = lambda: <its guard>` (or by replacing
`app.state.conversation_guard`), and a refused token answers 403.
"""

from __future__ import annotations

from typing import Annotated, Protocol

from fastapi import APIRouter, Depends, Header, Request, Response
from pydantic import BaseModel, ConfigDict, Field, StrictBool

from api.chat.schemas import CONVERSATION_ID_PATTERN, ErrorResponse
from api.errors import GatewayError
from api.indicators.articles import ArticleInfo
from api.indicators.recorder import IndicatorRecorder

router = APIRouter(prefix="/api", tags=["feedback"])
ARTICLE_ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,119}$"


class FeedbackRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, strict=True)

    conversation_id: str = Field(pattern=CONVERSATION_ID_PATTERN)
    article_id: str = Field(pattern=ARTICLE_ID_PATTERN)
    helpful: StrictBool


class UnknownArticle(GatewayError):
    status_code = 422
    code = "unknown_article"
    message_fr = "Cet article est inconnu. Vérifiez son identifiant (celui de la source affichée)."
    message_en = "Unknown article. Check its id (the one of the source shown)."


class ConversationForbidden(GatewayError):
    status_code = 403
    code = "conversation_forbidden"
    message_fr = "Cette conversation ne peut pas être confirmée : rechargez la page et réessayez."
    message_en = "This conversation could not be verified: reload the page and try again."


class ConversationGuard(Protocol):
    def allows(self, conversation_id: str, token: str | None) -> bool: ...


class AnyConversation:
    """Accepts every conversation: the gateway does not issue conversation tokens (yet)."""

    def allows(self, conversation_id: str, token: str | None) -> bool:
        return True


def conversation_guard(request: Request) -> ConversationGuard:
    guard = getattr(request.app.state, "conversation_guard", None)
    return guard if guard is not None else AnyConversation()


def _recorder(request: Request) -> IndicatorRecorder:
    return request.app.state.indicators  # type: ignore[no-any-return]


def _articles(request: Request) -> dict[str, ArticleInfo]:
    return request.app.state.articles  # type: ignore[no-any-return]


@router.post(
    "/feedback",
    status_code=204,
    responses={403: {"model": ErrorResponse}, 422: {"model": ErrorResponse}},
)
async def feedback(
    body: FeedbackRequest,
    guard: Annotated[ConversationGuard, Depends(conversation_guard)],
    recorder: Annotated[IndicatorRecorder, Depends(_recorder)],
    articles: Annotated[dict[str, ArticleInfo], Depends(_articles)],
    x_conversation_token: Annotated[str | None, Header()] = None,
) -> Response:
    if not guard.allows(body.conversation_id, x_conversation_token):
        raise ConversationForbidden()
    article = articles.get(body.article_id)
    if article is None:
        raise UnknownArticle()
    recorder.feedback(body.conversation_id, article.id, article.topic, body.helpful)
    return Response(status_code=204)
