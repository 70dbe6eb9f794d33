"""POST /api/feedback `{conversation_id, article_id, helpful}`: "did this article help?", counted
per article and week (api/indicators/recorder.py), once per conversation and article (a repeat
answers 204 and counts nothing); nothing else is kept.

The conversation's `X-Conversation-Token` is checked as on every other call about a conversation
(api/conversations/tokens.py): 401 `conversation_unauthorized` without the token the gateway issued.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Request, Response
from pydantic import BaseModel, ConfigDict, Field, StrictBool

from api.chat.schemas import CONVERSATION_ID_PATTERN, ErrorResponse
from api.conversations.tokens import ConversationTokensDep
from api.deps import IndicatorsDep
from api.errors import GatewayError
from api.indicators.articles import ArticleInfo

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


def _articles(request: Request) -> dict[str, ArticleInfo]:
    return request.app.state.articles  # type: ignore[no-any-return]


@router.post(
    "/feedback",
    status_code=204,
    responses={401: {"model": ErrorResponse}, 422: {"model": ErrorResponse}},
)
async def feedback(
    body: FeedbackRequest,
    tokens: ConversationTokensDep,
    recorder: IndicatorsDep,
    articles: Annotated[dict[str, ArticleInfo], Depends(_articles)],
    x_conversation_token: Annotated[str | None, Header()] = None,
) -> Response:
    article = articles.get(body.article_id)
    if article is None:
        raise UnknownArticle()
    tokens.require(body.conversation_id, x_conversation_token)
    recorder.feedback(body.conversation_id, article.id, article.topic, body.helpful)
    return Response(status_code=204)
