"""The gateway's reading of one message: the lexicon of safety/ at once, then ONE embedding (in a
worker thread) that serves both the crisis classifier of risk_classifier/ and the knowledge-base
search (issue 13). The decision and the search results (ids and scores, never the vector) go to
Rasa in the message's metadata, so neither the bot's CrisisOverride nor the action server embeds
the message again (risk_classifier/relayed.py, knowledge_base/relayed.py).

The same decision, and the same fallback to the lexicon, as the bot's CrisisOverride component
(risk_classifier.GuardedDetector). The message is embedded by the index's embedder; the
classifier gets that vector reweighed to its own combination of the same models
(embeddings.models.reweigh). Without an index, or when the classifier's models are not parts of
the index's, the classifier embeds the message itself and the action server searches itself:
slower, never wrong.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from embeddings.models import create_embedder, reweigh
from knowledge_base.conversation import only_small_talk
from knowledge_base.index import IndexLoadError, load_index
from knowledge_base.relayed import METADATA_KEY as SEARCH_KEY
from knowledge_base.relayed import embedded_texts, relay
from knowledge_base.search import KnowledgeBase
from risk_classifier import Decision, GuardedDetector
from risk_classifier.combined import classifier_may_decide, lexicon_decision, lexicon_settles
from risk_classifier.relayed import METADATA_KEY as CRISIS_KEY
from risk_classifier.relayed import decision_metadata
from safety import Assessment, assess

logger = logging.getLogger("relais.chat")
# A reading stuck behind a saturated thread pool (a hung database read, say) must not hold a
# message: past this, the lexicon decides alone and Rasa's component runs its own classifier.
READ_TIMEOUT_SECONDS = 2.0
# The vectors of greetings and thanks alone ("Bonjour", "merci!", "ok merci"), embedded once:
# frequent, identical texts that carry nothing personal (knowledge_base.conversation
# `only_small_talk`: no other word, no digit). The same vector, so the same decision and results.
SMALL_TALK_VECTORS = 256


@lru_cache(maxsize=2)
def shared_detector(weights_file: Path, use_classifier: bool = True) -> GuardedDetector:
    """Loaded once per process (the embedding models take a few seconds)."""
    return GuardedDetector.load(weights_file, use_classifier)


@lru_cache(maxsize=2)
def load_knowledge(index_dir: Path, detector: GuardedDetector) -> KnowledgeBase | None:
    """The search index, queried with the classifier's own models where the index uses them
    (one copy of each model in memory); None when there is no usable index (logged). Loaded
    once per process, like the detector (read-only once loaded)."""
    try:
        index = load_index(index_dir)
        embedder = create_embedder(index.manifest.embedder, reuse=detector.embedder)
        knowledge = KnowledgeBase(index, embedder)
        knowledge.search("programme d'aide aux employés", None, 1)  # warms what is not yet
        return knowledge
    except (IndexLoadError, OSError, ValueError, RuntimeError) as error:
        logger.warning(
            "search index %s unavailable in the gateway (%s): the action server searches itself",
            index_dir,
            type(error).__name__,
        )
        return None


@dataclass(frozen=True)
class Reading:
    """The crisis decision, and what Rasa gets in the message's metadata."""

    decision: Decision
    metadata: dict[str, Any] = field(default_factory=dict)


class CrisisCheck:
    def __init__(self, detector: GuardedDetector, knowledge: KnowledgeBase | None = None) -> None:
        self._detector = detector
        self._knowledge = knowledge
        self._shares_vector = knowledge is not None and self._vector_fits(knowledge, detector)
        self._small_talk: dict[str, np.ndarray] = {}
        self._small_talk_lock = threading.Lock()

    @staticmethod
    def _vector_fits(knowledge: KnowledgeBase, detector: GuardedDetector) -> bool:
        if knowledge.embedder is None or detector.embedder is None:
            return False
        probe = np.ones(knowledge.embedder.dimension, dtype=np.float32)
        try:
            reweigh(probe, knowledge.embedder, detector.embedder)
            return True
        except ValueError as error:
            logger.warning("each message is embedded twice: %s", error)
            return False

    @property
    def classifier_available(self) -> bool:
        return self._detector.classifier_available

    @property
    def detector(self) -> GuardedDetector:
        return self._detector

    async def decide(self, text: str) -> Decision:
        """The decision alone (no search): Teams channels, messages over a rate limit."""
        assessment = assess(text)
        if lexicon_settles(assessment) or not self._detector.classifier_available:
            return self._detector.decide(text, assessment)  # the lexicon alone: no thread
        return await asyncio.to_thread(self._detector.decide, text, assessment)

    def start(self, text: str) -> asyncio.Task[Decision]:
        """Begin deciding now; await the task when the answer is needed."""
        return asyncio.create_task(self.decide(text))

    async def read(
        self, text: str, audience: str | None = None, context_id: str | None = None
    ) -> Reading:
        """The decision and the search results from one embedding of `text` (none at all when
        the lexicon already says crisis: the bot answers with its crisis reply, no search);
        `context_id`: the article the conversation was last answered with, for a follow-up
        (knowledge_base/relayed.py)."""
        assessment = assess(text)
        if lexicon_settles(assessment):
            return self._reading(self._detector.decide(text, assessment), None)
        try:
            return await asyncio.wait_for(
                asyncio.to_thread(self._read, text, assessment, audience, context_id),
                READ_TIMEOUT_SECONDS,
            )
        except TimeoutError:
            logger.error("message reading took over %.1f s: the lexicon decides alone", READ_TIMEOUT_SECONDS)
            return Reading(lexicon_decision(assessment))

    def _read(
        self, text: str, assessment: Assessment, audience: str | None, context_id: str | None
    ) -> Reading:
        knowledge = self._knowledge
        vectors = None
        context = None
        if knowledge is not None and knowledge.embedder is not None and text.strip():
            try:
                context = knowledge.article(context_id) if context_id else None
                vectors = self._embedded(knowledge, embedded_texts(knowledge, text, context))
            except Exception:  # the classifier still decides, the action server searches
                logger.exception("embedding failed in the gateway")
        for_classifier = None
        if vectors is not None and self._shares_vector and classifier_may_decide(assessment):
            assert knowledge is not None and knowledge.embedder is not None
            for_classifier = reweigh(vectors[0], knowledge.embedder, self._detector.embedder)  # type: ignore[arg-type]
        decision = self._detector.decide(text, assessment, for_classifier)
        search = None
        if vectors is not None and knowledge is not None:
            try:
                search = relay(knowledge, text, vectors, audience, context=context)
            except Exception:  # the action server searches itself
                logger.exception("search failed in the gateway")
        return self._reading(decision, search)

    def _embedded(self, knowledge: KnowledgeBase, texts: list[str]) -> np.ndarray:
        """`texts` (the message first) embedded by the index's embedder in one batch, one row
        each; a greeting or thanks alone only once."""
        assert knowledge.embedder is not None
        small_talk = len(texts) == 1 and only_small_talk(texts[0])
        if small_talk:
            with self._small_talk_lock:
                if texts[0] in self._small_talk:
                    return self._small_talk[texts[0]]
        vectors: np.ndarray = knowledge.embedder.embed_queries(texts)
        if small_talk:
            with self._small_talk_lock:
                if len(self._small_talk) < SMALL_TALK_VECTORS:
                    self._small_talk[texts[0]] = vectors
        return vectors

    def _reading(self, decision: Decision, search: dict[str, Any] | None) -> Reading:
        metadata: dict[str, Any] = {
            CRISIS_KEY: decision_metadata(decision, self._detector.classifier_available)
        }
        if search is not None:
            metadata[SEARCH_KEY] = search
        return Reading(decision, metadata)
