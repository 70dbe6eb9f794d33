"""One knowledge turn of a conversation: who is asking, whether it follows up, what to search.

`ask(kb, text, audience=..., remembered_audience=..., context_id=...)` is what the bot's action
and the evaluation both call, so the figures measure what people get:

- the audience comes from the message's own words first ("mon employé", "je suis
  gestionnaire"), then from the page or Teams profile, then from the conversation;
- a short question, or one that starts like a follow-up ("pis c'est gratuit?", "et pour ma
  famille?"), is searched in the context of the conversation's current article, unless it names
  another program;
- the result says which article the follow-up was read against, so the answer can say which
  program it is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge_base.answers import Answer, compose_answer
from knowledge_base.audience import resolve_audience
from knowledge_base.documents import Article
from knowledge_base.lexical import fold, tokenize
from knowledge_base.search import KnowledgeBase, SearchResult

FOLLOWUP_MAX_WORDS = 6
_CONNECTORS = re.compile(
    r"^\s*(?:et|pis|puis|mais|aussi|ok|okay|ah|donc|sinon|alors|pour|"
    r"and|also|what\s+about|how\s+about|so)\b"
)
# A message naming a program is read on its own, unless it is the current article's program.
_PROGRAMS: dict[str, re.Pattern[str]] = {
    "pae": re.compile(r"\b(?:pae|eap|programme d'aide aux employ|employee assistance)"),
    "bqvt": re.compile(r"\b(?:bqvt|qualite de vie au travail|quality of work ?life)"),
    "medecins": re.compile(r"\b(?:pamq|programme d'aide aux medecins)"),
    "ecoute": re.compile(r"\b(?:811|info-?social|ligne d'ecoute|pairs? aidants?)"),
    "crise": re.compile(r"\b(?:988|9-8-8|911|1 ?866|prevention du suicide)"),
    "relations_de_travail": re.compile(r"\b(?:syndicat|cnesst|lettre d'entente|harcelement)"),
    "confidentialite": re.compile(r"\b(?:relais|loi 25)"),
}
_WORD = re.compile(r"[\w']+")
# A question up to ANAPHORA_MAX_WORDS long that points back at what was just said ("combien de
# fois je peux y aller?", "comment j'en trouve un?", "ça marche aussi pour les temps
# partiels?", "does it cover my kids?") is a follow-up too: French and English pronouns
# and demonstratives that need an antecedent (general grammar, no question set's words).
ANAPHORA_MAX_WORDS = 10
_ANAPHORA = re.compile(
    r"(?:^|\s)(?:ca|cela|celui-la|celle-la|ceux-la|ce programme|ce service|ce bureau|"
    r"cette ligne|ce document|y aller|y en a|j'en|l'en|en trouve|en parler|"
    r"it|that|this|they|them)(?=[\s?!.,]|$)"
)

# What a follow-up is about, by topic of the answered article: "Au sujet du PAE (...) :".
TOPIC_LABELS: dict[str, str] = {
    "pae": "du PAE (programme d'aide aux employés)",
    "bqvt": "du bureau de la qualité de vie au travail (BQVT)",
    "ecoute": "des lignes d'écoute et du soutien entre collègues",
    "crise": "des ressources d'aide en situation de crise",
    "gestionnaire": "de votre rôle de gestionnaire",
    "sante_au_travail": "de la santé au travail",
    "relations_de_travail": "des relations de travail",
    "medecins": "du soutien aux médecins (PAMQ)",
    "confidentialite": "de la confidentialité de Relais",
}


# Words that carry no question on their own: "Bonjour, merci!" is a dialogue act, "Bonjour,
# c'est quoi le PAE?" is a question.
_SMALL_TALK_TEXT = """bonjour bonsoir salut allo hello hi hey merci thanks thank you beaucoup ok
    okay parfait super cool bye revoir au bonne journee soiree nuit la madame monsieur relais svp
    stp please"""
_SMALL_TALK = frozenset(_SMALL_TALK_TEXT.split())
_INTERROGATIVE = re.compile(
    r"^(?:est-ce|c'est quoi|c quoi|cest quoi|qu'est-ce|quoi|comment|combien|ou|quand|pourquoi|"
    r"qui|quel|quelle|quels|quelles|peut-on|puis-je|dois-je|y a-t-il|ya-tu|y'a-tu|a qui|"
    r"what|how|when|where|who|why|which|is|are|can|could|do|does|should)\b"
)


def has_content(text: str) -> bool:
    """Words beyond greetings, thanks and "ok" ("pae?" has, "ok merci" has not)."""
    if text.startswith("/"):
        return False
    words = [w for w in _WORD.findall(fold(text)) if w not in _SMALL_TALK]
    return bool(tokenize(" ".join(words)))


def only_small_talk(text: str) -> bool:
    """Greetings, thanks and "ok" alone ("Bonjour!", "merci beaucoup"): no other word, no digit."""
    words = _WORD.findall(fold(text))
    return bool(words) and all(word in _SMALL_TALK for word in words) and not any(
        character.isdigit() for character in text
    )


def looks_like_question(text: str) -> bool:
    """A message that asks something beyond greetings and thanks (for the knowledge base)."""
    if text.startswith("/"):
        return False
    words = [w for w in _WORD.findall(fold(text)) if w not in _SMALL_TALK]
    if len(words) < 2:
        return False
    rest = " ".join(words)
    return "?" in text or bool(_INTERROGATIVE.search(rest)) or len(words) >= 6


@dataclass(frozen=True)
class Turn:
    result: SearchResult
    audience: str | None
    followup_of: Article | None  # the context article when the question was read as a follow-up


def named_topics(text: str) -> set[str]:
    folded = fold(text).replace("’", "'")
    return {topic for topic, pattern in _PROGRAMS.items() if pattern.search(folded)}


def is_followup(text: str, context: Article | None) -> bool:
    """A question to read in `context`: short or starting with "et", "pis", "and"..., and not
    naming another program than the context's."""
    if context is None or text.startswith("/"):
        return False
    named = named_topics(text)
    if named and context.topic not in named:
        return False
    folded = fold(text).replace("’", "'")
    if _CONNECTORS.search(folded):
        return True
    words = len(_WORD.findall(folded))
    return words <= FOLLOWUP_MAX_WORDS or (
        words <= ANAPHORA_MAX_WORDS and bool(_ANAPHORA.search(folded))
    )


def ask(
    kb: KnowledgeBase,
    text: str,
    *,
    audience: str | None = None,
    remembered_audience: str | None = None,
    context_id: str | None = None,
    k: int = 3,
) -> Turn:
    """Search `text` as one turn of a conversation (see the module docstring)."""
    resolved = resolve_audience(text, audience, remembered_audience)
    context = kb.article(context_id) if context_id else None
    followup = context if is_followup(text, context) else None
    spelled = spelled_out(text, followup) if followup is not None else None
    result = kb.search(text, audience=resolved, k=k, context=followup, context_query=spelled)
    return Turn(result, resolved, followup)


def spelled_out(text: str, context: Article) -> str:
    """A follow-up with its context spelled out: the current article's title, then the question."""
    return f"{context.title} {text}"


def reply(
    turn: Turn, *, confident_only: bool = True, likely: bool = True, lead: str | None = None
) -> Answer | None:
    """The answer the bot sends for `turn` (actions/knowledge.py sends this very text): the best
    hit's answer, said to be about the context's program after a follow-up, and said to be a
    likely answer when the search is just under its threshold (`likely`; False: confident
    answers only); None otherwise (the bot then says it is not sure), unless
    `confident_only=False` (the best hit's answer whatever the confidence, introduced by `lead`
    when it is neither confident nor said to be likely)."""
    result = turn.result
    hedged = likely and result.likely
    if not result.hits or (confident_only and not result.confident and not hedged):
        return None
    best = result.hits[0]
    about = TOPIC_LABELS.get(best.article.topic) if turn.followup_of is not None else None
    related = [hit.article for hit in result.hits[1:]]
    unsure_lead = lead if not result.confident and not hedged else None
    return compose_answer(best, related=related, about=about, hedged=hedged, lead=unsure_lead)
