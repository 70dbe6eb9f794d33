"""Query the knowledge base: `KnowledgeBase.load(index_dir).search(query, audience, k)`.

Ranking: the dense cosine of every passage is standardised within the query (z-score), so
the settings below mean the same thing whatever the embedder's score band (e5 cosines sit
in 0.80-0.88, USE's spread over 0-0.7). The optional BM25 signal is standardised the same way
and added with `lexical_weight`. The asker's audience then shifts articles: a manager's
question lifts manager articles by `manager_boost`; an employee's question lowers
manager-only articles by `employee_demotion` (both in standard deviations).

Confidence: the result is `confident` when the best article's raw cosine similarity reaches
`threshold`, calibrated on in-scope and off-topic queries (see `knowledge_base.calibration`)
and stored in the index manifest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

import numpy as np

from embeddings.models import Embedder, create_embedder
from knowledge_base.documents import Article, Hit
from knowledge_base.index import (
    Index,
    IndexLoadError,
    Manifest,
    build_index,
    build_passages,
    load_index,
)
from knowledge_base.lexical import LexicalIndex

AUDIENCES = ("employee", "manager", "all")  # "all": an asker of unknown role, like None


@dataclass(frozen=True)
class SearchSettings:
    threshold: float | None = None  # None: never confident (uncalibrated index)
    lexical_weight: float = 0.0
    manager_boost: float = 1.0
    employee_demotion: float = 1.0

    @classmethod
    def from_manifest(cls, threshold: float | None, values: dict[str, Any]) -> SearchSettings:
        known = {item.name for item in fields(cls)} - {"threshold"}
        return cls(threshold=threshold, **{k: v for k, v in values.items() if k in known})

    def to_manifest(self) -> dict[str, Any]:
        values = asdict(self)
        values.pop("threshold")
        return values


# The shipped settings, chosen by measurement (see the figures in knowledge_base/evaluate.py):
# BM25 at 0.3 adds 4 points of recall@3; boosts of 1.5 to 2 standard deviations share the
# best recall@3, 1.0 the best recall@1 (one query apart).
DEFAULT_SETTINGS = SearchSettings(lexical_weight=0.3, manager_boost=1.5, employee_demotion=1.5)


@dataclass(frozen=True)
class SearchResult:
    hits: tuple[Hit, ...]
    confident: bool

    @property
    def top_similarity(self) -> float:
        return self.hits[0].similarity if self.hits else float("-inf")


class KnowledgeBase:
    def __init__(
        self,
        index: Index,
        embedder: Embedder | None,
        settings: SearchSettings | None = None,
    ) -> None:
        self.index = index
        self.embedder = embedder
        self.settings = settings or SearchSettings.from_manifest(
            index.manifest.threshold, index.manifest.search
        )
        if embedder is None and self.settings.lexical_weight <= 0:
            raise ValueError("a knowledge base needs an embedder or a lexical weight")
        self._lexical = (
            LexicalIndex([passage.embedded_text for passage in index.passages])
            if self.settings.lexical_weight > 0
            else None
        )
        self._article_of = [passage.article_id for passage in index.passages]
        self._manager_rows = np.array(
            [index.articles[a].audience == "manager" for a in self._article_of], dtype=np.float32
        )

    @classmethod
    def load(cls, index_dir: Path | str, embedder: Embedder | None = None) -> KnowledgeBase:
        """Load a built index; the embedder is created from the manifest when not given."""
        index = load_index(index_dir)
        manifest = index.manifest
        embedder = embedder or create_embedder(manifest.embedder)
        if embedder.name != manifest.embedder or embedder.dimension != manifest.dimension:
            raise IndexLoadError(
                f"{index_dir}: built with {manifest.embedder} ({manifest.dimension}), "
                f"queried with {embedder.name} ({embedder.dimension}): rebuild the index"
            )
        return cls(index, embedder)

    @classmethod
    def from_articles(
        cls,
        articles: Sequence[Article],
        embedder: Embedder | None,
        settings: SearchSettings | None = None,
    ) -> KnowledgeBase:
        """An in-memory knowledge base (tests, evaluation); `embedder=None` is BM25 only."""
        settings = settings or DEFAULT_SETTINGS
        if embedder is None:
            passages = build_passages(articles)
            manifest = Manifest("bm25", 0, "", "", None, len(articles), len(passages))
            index = Index({article.id: article for article in articles}, passages, None, manifest)
        else:
            index = build_index(articles, embedder, threshold=settings.threshold)
        return cls(index, embedder, settings)

    def with_settings(self, **changes: Any) -> KnowledgeBase:
        """The same index and embedder with other settings (no re-embedding)."""
        return KnowledgeBase(self.index, self.embedder, replace(self.settings, **changes))

    def search(self, query: str, audience: str | None = None, k: int = 3) -> SearchResult:
        """The best passage of each of the (at most) `k` best articles for `query`.

        `audience`: "employee", "manager", or None / "all" for an asker of unknown role.
        """
        if audience is not None and audience not in AUDIENCES:
            raise ValueError(f"audience must be one of {AUDIENCES} or None, not {audience!r}")
        if not self.index.passages or not query.strip():
            return SearchResult((), False)
        similarity, ranking = self.passage_scores(query)
        ranking = ranking + self._audience_shift(audience)
        best: dict[str, int] = {}
        for row in np.argsort(-ranking, kind="stable"):
            best.setdefault(self._article_of[row], int(row))
            if len(best) == k:
                break
        hits = tuple(
            Hit(
                article=self.index.articles[article_id],
                passage=self.index.passages[row],
                score=float(ranking[row]),
                similarity=float(similarity[row]),
            )
            for article_id, row in best.items()
        )
        threshold = self.settings.threshold
        confident = bool(hits) and threshold is not None and hits[0].similarity >= threshold
        return SearchResult(hits, confident)

    def article(self, article_id: str) -> Article | None:
        return self.index.articles.get(article_id)

    def lead_hit(self, article: Article) -> Hit:
        """The article's first passage as a hit: the answer when a person picks an article."""
        passage = next(p for p in self.index.passages if p.article_id == article.id)
        return Hit(article=article, passage=passage, score=1.0, similarity=1.0)

    def passage_scores(self, query: str) -> tuple[np.ndarray, np.ndarray]:
        """(raw similarity, standardised ranking score) of every passage, in passage order.

        The raw similarity is the dense cosine, or the BM25 score without an embedder.
        """
        count = len(self.index.passages)
        dense = None
        if self.embedder is not None:
            vector = self.embedder.embed_queries([query])
            values, rows = self.index.vectors.search(vector, count)
            dense = np.empty(count, dtype=np.float32)
            dense[rows[0]] = values[0]
        lexical = self._lexical.scores(query) if self._lexical is not None else None
        if dense is None:
            assert lexical is not None
            return lexical, _standardize(lexical)
        ranking = _standardize(dense)
        if lexical is not None:
            ranking = ranking + self.settings.lexical_weight * _standardize(lexical)
        return dense, ranking

    def _audience_shift(self, audience: str | None) -> np.ndarray:
        if audience is None or audience == "all":
            return np.zeros(len(self._manager_rows), dtype=np.float32)
        if audience == "manager":
            return self._manager_rows * np.float32(self.settings.manager_boost)
        return self._manager_rows * np.float32(-self.settings.employee_demotion)


def _standardize(values: np.ndarray) -> np.ndarray:
    spread = float(values.std())
    return ((values - values.mean()) / (spread if spread > 1e-9 else 1.0)).astype(np.float32)
