"""Search results computed once, where the message is embedded, and relayed to the bot's
actions in the message's metadata (issue 13: one embedding per message).

The gateway embeds each message once (for the crisis decision) and searches with that vector
(`relay`); the action server rebuilds the results from the ids and scores (`relayed_turn`) and
searches again itself only when they do not fit: a follow-up read in another context than
the one the gateway searched in (or in none), an audience the gateway did not know, another
index, or no metadata at all (a channel that does not go through the gateway). Only article
ids, passage positions and scores travel: never the vector, never the text.

    {"index": "<content hash>@<built at>", "k": 3,
     "results": {"all": {"confident": true, "hits": [{"article": "pae-gratuit", "position": 0,
                                                      "score": 2.1, "similarity": 0.84}]},
                 "employee": {...}, "manager": {...}},
     "context": {"article": "pae-services", "results": {"all": {...}, ...}}}

"context" is there only for a question that follows up on the article the caller (the gateway)
last saw the conversation answered with: the same search in that article's context.

"all" is the asker of unknown role (audience None). When the gateway knows the audience (the
message's own words or the page), only that audience is searched; otherwise all three, because
the conversation may remember one (three searches cost a few milliseconds, an embedding tens).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from knowledge_base.audience import resolve_audience
from knowledge_base.conversation import (
    Turn,
    has_content,
    is_followup,
    looks_like_question,
    spelled_out,
)
from knowledge_base.documents import Article, Hit
from knowledge_base.search import KnowledgeBase, SearchResult

METADATA_KEY = "relais_search"
UNKNOWN = "all"  # the key of the results for an asker of unknown role (audience None)


def index_key(kb: KnowledgeBase) -> str:
    """Which index the results come from: the action server reuses them only from its own."""
    manifest = kb.index.manifest
    return f"{manifest.content_hash}@{manifest.built_at}"


def embedded_texts(kb: KnowledgeBase, text: str, context: Article | None = None) -> list[str]:
    """The texts `relay(kb, text, …, context=context)` reads embedded, `text` first: with the
    spelled-out form of a follow-up and the standard-French form of a joual or SMS message, when
    they are searched. The gateway embeds them in one batch (one wait for the embedder instead
    of two for a follow-up) and passes the rows to `relay`."""
    if not text.strip() or text.startswith("/"):
        return [text]
    return kb.embedded_texts(text, _context_query(text, context)) or [text]


def relay(
    kb: KnowledgeBase,
    text: str,
    vector: np.ndarray,
    audience: str | None = None,
    k: int = 3,
    context: Article | None = None,
) -> dict[str, Any] | None:
    """Search `text`, already embedded by `kb.embedder`, for the audiences the bot may use; None
    for an empty message or a button payload (the bot asks its own question). `vector`: the
    message's vector, or the rows of `embedded_texts(kb, text, context)` (the others are
    embedded here).

    `context`: the conversation's current article as the caller last saw it. When `text` is a
    question that follows up on it, it is also searched in that context (its spelled-out form
    is the one more text embedded), under "context", so the action server does not embed the
    question again; it uses them only if its own current article is the same."""
    if not text.strip() or text.startswith("/"):
        return None
    resolved = resolve_audience(text, audience)
    audiences: list[str | None] = (
        [resolved] if resolved is not None else [None, "employee", "manager"]
    )
    in_context = None
    context_query = _context_query(text, context)
    if context_query is not None:
        scores, in_context = kb.scores_with_context(text, context_query, vector)
    else:
        scores = kb.scores(text, None, vector)  # the same for every audience: once
    relayed: dict[str, Any] = {
        "index": index_key(kb),
        "k": k,
        "results": _results(kb, scores, audiences, k),
    }
    if context is not None and in_context is not None:
        relayed["context"] = {
            "article": context.id,
            "results": _results(kb, in_context, audiences, k, context),
        }
    return relayed


def _context_query(text: str, context: Article | None) -> str | None:
    """The spelled-out form of `text` searched in `context`, when `text` follows up on it."""
    if context is not None and is_followup(text, context) and _searched_by_the_bot(text):
        return spelled_out(text, context)
    return None


def _searched_by_the_bot(text: str) -> bool:
    """A question the bot's knowledge actions will search: worth embedding its spelled-out
    form. "oui", "merci" or "d'accord" are short enough to read as follow-ups, but the bot
    answers them in its dialogue, and their spelled-out form would be embedded for nothing."""
    return looks_like_question(text) or ("?" in text and has_content(text))


def _results(
    kb: KnowledgeBase,
    scores: Any,
    audiences: list[str | None],
    k: int,
    context: Article | None = None,
) -> dict[str, Any]:
    results = {}
    for each in audiences:
        result = kb.ranked(scores, audience=each, k=k, context=context)
        results[each or UNKNOWN] = {
            "confident": result.confident,
            "likely": result.likely,
            "hits": [
                {
                    "article": hit.article.id,
                    "position": hit.passage.position,
                    "score": round(hit.score, 6),
                    "similarity": round(hit.similarity, 6),
                }
                for hit in result.hits
            ],
        }
    return results


def relayed_result(
    kb: KnowledgeBase,
    relayed: Any,
    audience: str | None,
    k: int = 3,
    context_id: str | None = None,
) -> SearchResult | None:
    """The relayed result for `audience` (searched in the context of article `context_id`, if
    given), or None when there is none that fits."""
    if not isinstance(relayed, Mapping) or relayed.get("index") != index_key(kb):
        return None
    if relayed.get("k") != k:
        return None
    if context_id is not None:
        searched_in = relayed.get("context")
        if not isinstance(searched_in, Mapping) or searched_in.get("article") != context_id:
            return None
        relayed = searched_in
    found = (relayed.get("results") or {}).get(audience or UNKNOWN)
    if not isinstance(found, Mapping) or not isinstance(found.get("hits"), list):
        return None
    hits = []
    try:
        for item in found["hits"]:
            article = kb.index.articles[item["article"]]
            passage = next(
                p
                for p in kb.index.passages
                if p.article_id == article.id and p.position == item["position"]
            )
            hits.append(Hit(article, passage, float(item["score"]), float(item["similarity"])))
    except (KeyError, TypeError, ValueError, StopIteration):
        return None
    confident = bool(found.get("confident")) and bool(hits)
    likely = bool(found.get("likely")) and bool(hits) and not confident
    return SearchResult(tuple(hits), confident, likely)


def relayed_turn(
    kb: KnowledgeBase,
    text: str,
    metadata: Mapping[str, Any] | None,
    *,
    audience: str | None = None,
    remembered_audience: str | None = None,
    context_id: str | None = None,
    k: int = 3,
) -> Turn | None:
    """The turn `knowledge_base.conversation.ask` would give, from the relayed results; None
    when they do not fit (no metadata, another index, another audience, or a follow-up that
    was not searched in this conversation's current article): then call `ask`."""
    if not metadata or text.startswith("/"):
        return None
    context = kb.article(context_id) if context_id else None
    followup = context if is_followup(text, context) else None
    resolved = resolve_audience(text, audience, remembered_audience)
    searched_in = followup.id if followup is not None else None
    result = relayed_result(kb, metadata.get(METADATA_KEY), resolved, k, searched_in)
    return Turn(result, resolved, followup) if result is not None else None
