"""Turns search hits into the short French answer the bot sends: no wall of text.

An answer is the article's summary, then the most relevant section (trimmed), then
"Source : <title> (révisée le <date>)". Up to three follow-up buttons point to related articles
and to a person.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass

from knowledge_base.documents import Article, Hit

MAX_SECTION_CHARS = 450
HUMAN_BUTTON = {"title": "Parler à quelqu'un", "payload": "/request_human"}


@dataclass(frozen=True)
class Answer:
    text: str
    buttons: list[dict[str, str]]
    sources: list[dict[str, str]]
    topic: str


SOURCE_LINE = "Source : {title} (révisée le {date})"


def source_line(article: Article) -> str:
    return SOURCE_LINE.format(title=article.title, date=article.last_reviewed.isoformat())


def source_entry(article: Article) -> dict[str, str]:
    return {
        "id": article.id,
        "title": article.title,
        "topic": article.topic,
        "last_reviewed": article.last_reviewed.isoformat(),
    }


def article_button(article: Article) -> dict[str, str]:
    payload = "/ask_article" + json.dumps({"article_id": article.id}, ensure_ascii=False)
    return {"title": article.title, "payload": payload}


# What a person asked about is most often one of these: a number (a phone line, a delay, a
# count of sessions), the price, the confidentiality, the hours. A trimmed section keeps the
# sentences that carry one.
_KEY_FACT = re.compile(
    r"\d|gratuit|sans frais|confidenti|anonym|24 heures|jour et nuit|en tout temps|7 jours"
    r"|volontaire|obligatoire",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Ý«0-9])")


def trim(text: str, limit: int = MAX_SECTION_CHARS) -> str:
    """At most `limit` characters of whole sentences: the first one, then those that carry a
    key fact (a number, "gratuit", "24 heures"...), then the others, in their original order;
    a text without a sentence end is cut at the last space."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    sentences = _SENTENCE.split(text)
    if len(sentences) < 2 or len(sentences[0]) > limit:
        cut = text[:limit]
        end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
        if end > limit // 2:
            return cut[: end + 1]
        return cut[: cut.rfind(" ")] + "…"
    chosen = {0}
    used = len(sentences[0])
    facts = [i for i in range(1, len(sentences)) if _KEY_FACT.search(sentences[i])]
    others = [i for i in range(1, len(sentences)) if i not in facts]
    for index in facts + others:
        if used + 1 + len(sentences[index]) <= limit:
            chosen.add(index)
            used += 1 + len(sentences[index])
    return " ".join(sentences[i] for i in sorted(chosen))


HEDGE = "Je ne suis pas certain que ce soit exactement votre question, mais voici ce qui s'en rapproche le plus."
# After the support reply to distress, an article the search is not sure of (it is offered, not
# said to answer a question: the person may not have asked one).
DISTRESS_LEAD = "Voici de l'information qui pourrait vous être utile."


def compose_answer(
    best: Hit,
    related: list[Article],
    about: str | None = None,
    hedged: bool = False,
    lead: str | None = None,
) -> Answer:
    """`about`: what a follow-up was about ("du PAE (programme d'aide aux employés)"), said
    first so the person knows which program the answer is about. `hedged`: the search was just
    under its threshold: said first. `lead`: another first sentence (when not hedged)."""
    article = best.article
    parts = [HEDGE] if hedged else [lead] if lead else []
    parts += [f"Au sujet {about} :"] if about else []
    parts.append(article.summary)
    section = trim(best.passage.text)
    if section and section not in article.summary:
        parts.append(section)
    parts.append(source_line(article))
    buttons = [article_button(other) for other in related[:2] if other.id != article.id]
    buttons.append(HUMAN_BUTTON)
    return Answer(
        text="\n\n".join(parts),
        buttons=buttons,
        sources=[source_entry(article)],
        topic=article.topic,
    )


def compose_unsure(candidates: list[Article]) -> Answer:
    """Not confident: say so, offer up to three likely articles and a person."""
    buttons = [article_button(article) for article in candidates[:3]]
    buttons.append(HUMAN_BUTTON)
    text = UNSURE_WITH_TOPICS if candidates else UNSURE_WITHOUT_TOPICS
    return Answer(text=text, buttons=buttons, sources=[], topic="")


UNSURE_WITH_TOPICS = (
    "Je ne suis pas certain d'avoir la bonne réponse. Est-ce que l'un de ces sujets "
    "vous aide? Sinon, je peux vous diriger vers une personne."
)
UNSURE_WITHOUT_TOPICS = (
    "Je ne suis pas certain d'avoir la bonne réponse. Pouvez-vous le dire autrement? "
    "Je peux aussi vous diriger vers une personne."
)


_DASHES = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_DASHES).lower())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.split(r"\s+", plain.strip()))


def contains_fact(text: str, fact: str) -> bool:
    """`fact` appears in `text`, case, accents, apostrophes, dashes and spacing aside."""
    wanted = _folded(fact)
    return bool(wanted) and wanted in _folded(text)
