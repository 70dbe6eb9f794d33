"""Query the knowledge base: `KnowledgeBase.load(index_dir).search(query, audience, k)`.

Ranking: the dense cosine of every passage is standardised within the query (z-score), so
the settings below mean the same thing whatever the embedder's score band (e5 cosines sit
in 0.80-0.88, USE's spread over 0-0.7). The optional BM25 signal is standardised the same way
and added with `lexical_weight`. The asker's audience then shifts articles: a manager's
question lifts manager articles by `manager_boost`; an employee's question lowers
manager-only articles by `employee_demotion` (both in standard deviations). A section of an
article for everyone whose heading starts with "Gestionnaire :" counts as a manager's.

Confidence: the result is `confident` when the best article's raw cosine similarity reaches
`threshold`, calibrated on in-scope and off-topic queries (see `knowledge_base.calibration`)
and stored in the index manifest. With a query adapter (`query_adapter`), the adapted query
vector ranks the passages and the raw one still gives the cosine the threshold reads: a hit's
similarity is then the best raw cosine of any passage of its article.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
from knowledge_base.normalize import standardize
from knowledge_base.query_adapter import QueryAdapter, load_adapter

if TYPE_CHECKING:
    from knowledge_base.known_words import Vocabulary

AUDIENCES = ("employee", "manager", "all")  # "all": an asker of unknown role, like None


@dataclass(frozen=True)
class SearchSettings:
    threshold: float | None = None  # None: never confident (uncalibrated index)
    lexical_weight: float = 0.0
    manager_boost: float = 1.0
    employee_demotion: float = 1.0
    # An asker of unknown role is most often an employee: manager-only articles are lowered by
    # this much, less than for a known employee, so they still win when nothing else fits.
    unknown_demotion: float = 0.0
    # A follow-up ("pis c'est gratuit?") is searched in the conversation's context: passages of
    # the current article and of its topic are lifted by these (standard deviations).
    context_article_boost: float = 0.0
    context_topic_boost: float = 0.0
    # ... and the follow-up is also embedded with the topic's name in front ("le PAE ... pis
    # c'est gratuit?"): its cosine decides the confidence (a bare "c'est gratuit?" is far from
    # every passage), and its ranking weighs this much against the bare question's.
    context_query_weight: float = 0.0
    # ... but a follow-up is confident on its spelled-out cosine only when that cosine reaches
    # the threshold plus this margin AND is no lower than the context's title alone would get
    # on the same passage: "et c'est quand la paie?" after a PAE answer scores high only
    # because of the title it was given (see `search`). None: the spelled-out cosine counts
    # like the bare question's (the behaviour before 2026-12-04).
    context_confidence_margin: float | None = None
    # ... with this slack on the title: the spelled-out cosine may sit this much under what the
    # context's title alone gets on the same passage.
    context_title_slack: float = 0.0
    # A question with a word that neither the articles nor this list of question words use
    # (knowledge_base/known_words.py; a bare name or a path) is never sent a likely answer, and a
    # follow-up with one is not confident either ("ok mais mon talon de paie?" after a PAE
    # answer). None: no such check.
    known_words: str | None = None
    # An article is ranked by its best passage plus this share of its second best.
    second_passage_weight: float = 0.0
    # A question in joual or SMS spelling is also embedded in standard French
    # (knowledge_base.normalize): its dense ranking weighs this much against the raw one's.
    standard_query_weight: float = 0.0
    # ... and BM25 reads the standard French form instead of the raw one.
    standard_lexical: bool = False
    # A trained query-side adapter (knowledge_base/query_adapter.py; a bare name is read from the
    # knowledge_base folder): the adapted query vector ranks the passages, the raw one decides the
    # confidence (the best raw cosine of the top article's passages). None, a missing file or one
    # trained for another embedder: the raw vector ranks.
    query_adapter: str | None = None
    # Just under the threshold (within this margin of it, on the question's own cosine) the
    # best article is sent all the same, said to be a likely answer (`SearchResult.likely`).
    # None: below the threshold the bot only offers articles.
    hedge_margin: float | None = None

    @classmethod
    def from_manifest(cls, threshold: float | None, values: dict[str, Any]) -> SearchSettings:
        known = {item.name for item in fields(cls)} - {"threshold"}
        return cls(threshold=threshold, **{k: v for k, v in values.items() if k in known})

    def to_manifest(self) -> dict[str, Any]:
        values = asdict(self)
        values.pop("threshold")
        return values


# The shipped settings, chosen by measurement on the development set (see the figures in
# knowledge_base/evaluate.py): BM25 at 0.3 adds 4 points of recall@3; boosts of 1.5 to 2
# standard deviations share the best recall@3, 1.0 the best recall@1 (one query apart).
# An unknown asker lowered by 1.0 sd: plain R@1 0.85 -> 0.88, nothing lost. Follow-ups
# (30 dev queries): R@1 0.53 -> 0.80, R@3 0.83 -> 1.00, 97% confident (was 75%), with the
# title spelled out at weight 0.5 and boosts of 0.5 sd; a new question mid-conversation kept
# its answer (6 dev queries). With 112 articles, ranking an article by its best passage plus
# 0.1 of its second best: R@1 0.725 -> 0.754, R@3 0.880 -> 0.884, off-topic still all rejected
# (0.2 and 0.5 no better). Tried and dropped (no gain on the dev set): the crisis normaliser
# (safety.normalize) before BM25 (R@1 -0.007); the summary in every passage (R@1 +0.007 but
# R@3 -0.004 and 5% of off-topic queries confident).
# 2026-12-03, 105 articles after the merges; chosen on data/kb/queries.yml (284, tuned on), then
# confirmed on data/kb/queries_2026_12.yml (361, never tuned on): the joual/SMS question also
# embedded in standard French (knowledge_base.normalize) at 0.5: dev R@1 0.771 -> 0.775, R@3
# 0.894 -> 0.901, fact present 0.867 -> 0.880 (0.3 the same); confirmation R@1 0.753 -> 0.767,
# R@3 0.889 the same; off-topic unchanged. BM25 on the standard form too: no gain on dev (dropped).
# 2026-12-04, measured with bench/kb_split.py: tuned on queries.yml + half A of kb_test_2026_12b
# (453, threshold recalibrated on that side with off-topic half A), checked on half B (164) and
# queries_2026_12 (361), never tuned on. Second passage at 0.3 with BM25 on the standard form:
# tune topic@1 0.894 -> 0.914, R@3 0.914 -> 0.921; half B topic@1 0.902 -> 0.915, answered
# right 0.787 -> 0.799; queries_2026_12 R@3 0.889 -> 0.909, topic@1 0.886 -> 0.900; off-topic
# half B the same (2 of 22 over the tune side's threshold). 0.2-0.7 all within a query or two.
# A follow-up's spelled-out cosine needs the threshold + 0.04 and to beat its context's title
# alone (context_confidence_margin: margin chosen by Youden's J, in-scope follow-ups of the tune
# side against off-topic half A asked after six articles): off-topic follow-ups confident 76% ->
# 11% (half A), 70% -> 6% (half B); in-scope follow-ups confident 0.96 -> 0.87 (tune).
# 2026-12-04 (issue 11), the query adapter (knowledge_base/adapter.py), leave-one-set-out over the
# five development sets (1638 questions): mean R@3 0.908 -> 0.972, topic@1 0.891 -> 0.949, R@1
# 0.765 -> 0.896, answered right 0.662 -> 0.726, fact present 0.703 -> 0.719, confident 0.82 ->
# 0.79; off-topic confident 0/44 and 21/134 -> 1/44 and 14-17/134 (threshold calibrated without
# the adapter; the confidence reads the best raw cosine of the top article's passages).
# 2026-12-04, with the adapter the loss is the threshold: on kb_test_2026_12e (330, measured once
# before this choice) topic@1 0.976 but 78 % confident. A likely band 0.02 under the threshold
# (the widest keeping the calibration off-topic set's answered share, confident or likely, under
# 15 %: 6/44) holds 33 of its questions, all 33 on the right topic; off-topic answered (most of
# them said to be likely) 1/44 -> 6/44 and 15/134 -> 28/134. 0.03: 42/43 right, 8/44 and 38/134.
# 2026-12-05, a follow-up that changes the subject (knowledge_base/known_words.py), first version
# (the review below changed it): with a word neither the articles nor the development questions
# use, it is neither confident nor likely;
# that guard let the spelled-out rule loosen (margin 0.04 -> 0.02, title slack 0.02). On the
# development follow-ups (453 in-scope, each set's words left out of the list when its own
# follow-ups are read; 117 off-topic follow-ups of 12j and 12k): confident 310 -> 383 (topic
# right 300 -> 366), off-topic follow-ups answered 28 -> 10. Margin 0.04 with slack 0.02: 349
# right, 10; slack 0.04: 366-384 right but 13-16 off-topic.
# Then the same list for the likely band of every question (a question with an unknown word is
# never sent a likely answer), which let the band widen 0.02 -> 0.04; after a review, the list
# forgives digits, redacted names, one letter off (six letters or more), joual the standard form
# resolves, English questions, the establishments, days, months and family words, and a
# follow-up confident on its own words stays so. On the development sets (each set's words left
# out of the list when its own questions are read), questions asked on their own (3,406 in-scope,
# 178 off-topic): answered on the right topic (confident or likely) 2,972 -> 3,085 (0.873 ->
# 0.906); off-topic answered 6/44 -> 4/44 (calibration set) and 28/134 -> 30/134 (0.05: 3,132 but
# 37/134). Follow-ups (453 in-scope, 117 off-topic of 12j and 12k): answered on the right topic
# 305 -> 385 (on a wrong one 13 -> 22), off-topic follow-ups answered 28 -> 20.
DEFAULT_SETTINGS = SearchSettings(
    lexical_weight=0.3,
    manager_boost=1.5,
    employee_demotion=1.5,
    unknown_demotion=1.0,
    context_article_boost=0.5,
    context_topic_boost=0.5,
    context_query_weight=0.5,
    second_passage_weight=0.3,
    standard_query_weight=0.5,
    standard_lexical=True,
    context_confidence_margin=0.02,
    context_title_slack=0.02,
    known_words="question_words.txt",
    query_adapter="query_adapter.npz",
    hedge_margin=0.04,
)


@dataclass(frozen=True)
class _PassageScores:
    similarity: np.ndarray  # the larger of `own` and `context`: each hit's similarity
    own: np.ndarray  # the question's cosine (its standard-French form's when higher)
    context: np.ndarray | None  # the spelled-out follow-up's cosine, if any
    ranking: np.ndarray  # standardised ranking score
    off_the_known_words: bool = False  # a word that no article nor question uses


@dataclass(frozen=True)
class _Readings:
    raw: np.ndarray | None  # cosines per text (rows: query, context query, standard form)
    cosines: np.ndarray | None  # the same with the query adapter, for ranking
    use_standard: bool  # the last row is the standard-French form's
    lexical: np.ndarray | None  # BM25 scores
    off_the_known_words: bool


@dataclass(frozen=True)
class SearchResult:
    hits: tuple[Hit, ...]
    confident: bool
    likely: bool = False  # not confident, but just under the threshold (`hedge_margin`)

    @property
    def top_similarity(self) -> float:
        return self.hits[0].similarity if self.hits else float("-inf")


class KnowledgeBase:
    def __init__(
        self,
        index: Index,
        embedder: Embedder | None,
        settings: SearchSettings | None = None,
        adapter: QueryAdapter | None = None,
    ) -> None:
        self.index = index
        self.embedder = embedder
        self.settings = settings or SearchSettings.from_manifest(
            index.manifest.threshold, index.manifest.search
        )
        if adapter is None and embedder is not None:
            adapter = load_adapter(self.settings.query_adapter, embedder.name)
        self.adapter = adapter
        if embedder is None and self.settings.lexical_weight <= 0:
            raise ValueError("a knowledge base needs an embedder or a lexical weight")
        self._lexical = (
            LexicalIndex([passage.embedded_text for passage in index.passages])
            if self.settings.lexical_weight > 0
            else None
        )
        self._article_of = [passage.article_id for passage in index.passages]
        owners = np.array(self._article_of)
        self._rows_of = {a: np.flatnonzero(owners == a) for a in set(self._article_of)}
        self._title_vectors: dict[str, np.ndarray] = {}  # a context's title, embedded once
        # The passages' unit vectors as one matrix: every cosine of a query is one product
        # (a flat inner-product search for all passages sorts them too, for nothing).
        vectors = index.vectors  # None for a lexical-only base
        self._passage_matrix = (
            np.ascontiguousarray(vectors.reconstruct_n(0, vectors.ntotal), dtype=np.float32)
            if vectors is not None and vectors.ntotal
            else np.zeros((0, vectors.d if vectors is not None else 0), dtype=np.float32)
        )
        self._vocabulary: Vocabulary | None = None
        if self.settings.known_words is not None:
            # Imported here: `python -m knowledge_base.known_words` runs that module as __main__.
            from knowledge_base.known_words import Vocabulary, article_words, load_known_words

            self._vocabulary = Vocabulary(
                load_known_words(self.settings.known_words)
                | article_words([p.text for p in index.passages] + [a.title for a in index.articles.values()])
            )
        self._manager_rows = np.array(
            [
                index.articles[p.article_id].audience == "manager" or is_manager_section(p.heading)
                for p in index.passages
            ],
            dtype=np.float32,
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
        redirects: dict[str, str] | None = None,
    ) -> KnowledgeBase:
        """An in-memory knowledge base (tests, evaluation); `embedder=None` is BM25 only.
        `redirects`: merged article id -> kept id (knowledge_base.redirects)."""
        settings = settings or DEFAULT_SETTINGS
        if embedder is None:
            passages = build_passages(articles)
            manifest = Manifest("bm25", 0, "", "", None, len(articles), len(passages))
            index = Index({article.id: article for article in articles}, passages, None, manifest)
        else:
            index = build_index(articles, embedder, threshold=settings.threshold)
        index.redirects = dict(redirects or {})
        return cls(index, embedder, settings)

    def with_settings(self, **changes: Any) -> KnowledgeBase:
        """The same index and embedder with other settings (no re-embedding)."""
        return KnowledgeBase(
            self.index, self.embedder, replace(self.settings, **changes), self.adapter
        )

    def with_adapter(self, adapter: QueryAdapter | None) -> KnowledgeBase:
        """The same index, embedder and settings with another query adapter, or none."""
        settings = self.settings
        if adapter is None:  # not the settings' file either
            settings = replace(settings, query_adapter=None)
        return KnowledgeBase(self.index, self.embedder, settings, adapter)

    def search(
        self,
        query: str,
        audience: str | None = None,
        k: int = 3,
        context: Article | None = None,
        context_query: str | None = None,
        query_vector: np.ndarray | None = None,
    ) -> SearchResult:
        """The best passage of each of the (at most) `k` best articles for `query`.

        `audience`: "employee", "manager", or None / "all" for an asker of unknown role.
        `context`: the conversation's current article when `query` is a follow-up, and
        `context_query` the follow-up with its context spelled out (see `context_query_weight`).
        `query_vector`: `query` already embedded by this base's embedder (not embedded again), or
        the rows of `embedded_texts(query, context_query)`.
        """
        if audience is not None and audience not in AUDIENCES:
            raise ValueError(f"audience must be one of {AUDIENCES} or None, not {audience!r}")
        if not self.index.passages or not query.strip():
            return SearchResult((), False)
        return self.ranked(self.scores(query, context_query, query_vector), audience, k, context)

    def ranked(
        self,
        measured: _PassageScores,
        audience: str | None = None,
        k: int = 3,
        context: Article | None = None,
    ) -> SearchResult:
        """`search`'s result from the query's `scores()` (`measured`), computed once for several
        audiences (the gateway relays three: knowledge_base/relayed.py)."""
        if audience is not None and audience not in AUDIENCES:
            raise ValueError(f"audience must be one of {AUDIENCES} or None, not {audience!r}")
        similarity, ranking = measured.similarity, measured.ranking
        ranking = ranking + self._audience_shift(audience)
        if context is not None:
            ranking = ranking + self._context_shift(context)
        best: dict[str, int] = {}
        second: dict[str, float] = {}
        weight = self.settings.second_passage_weight
        for row in np.argsort(-ranking, kind="stable"):
            article_id = self._article_of[row]
            if article_id not in best:
                best[article_id] = int(row)
            elif article_id not in second:
                second[article_id] = float(ranking[row])
            if weight <= 0 and len(best) == k:
                break
        scores = {
            article_id: float(ranking[row]) + weight * second.get(article_id, 0.0)
            for article_id, row in best.items()
        }
        chosen = sorted(best, key=lambda article_id: -scores[article_id])[:k]
        # With an adapter, a hit's similarity is its article's best raw cosine: the adapted
        # ranking may pick a passage the raw question is further from (knowledge_base/adapter.py).
        measured_row = dict(best)
        if self.adapter is not None:
            for article_id in chosen:
                rows = self._rows_of[article_id]
                measured_row[article_id] = int(rows[int(np.argmax(similarity[rows]))])
        hits = tuple(
            Hit(
                article=self.index.articles[article_id],
                passage=self.index.passages[best[article_id]],
                score=scores[article_id],
                similarity=float(similarity[measured_row[article_id]]),
            )
            for article_id in chosen
        )
        unknown_word = measured.off_the_known_words
        confident = bool(hits) and self._confident(measured, measured_row[chosen[0]], context)
        likely = (
            bool(hits)
            and not confident
            and not unknown_word
            and self._likely(measured, measured_row[chosen[0]])
        )
        return SearchResult(hits, confident, likely)

    def off_the_known_words(self, question: str) -> bool:
        """Whether `question` has a word that neither the articles nor the development questions
        use (False without the list: `known_words` None)."""
        return self._vocabulary is not None and bool(self._vocabulary.unknown(question))

    def _likely(self, scores: _PassageScores, row: int) -> bool:
        """Within `hedge_margin` under the threshold, on the question's own cosine (a follow-up's
        spelled-out cosine never counts here: its context's title lifts it)."""
        threshold, margin = self.settings.threshold, self.settings.hedge_margin
        if threshold is None or margin is None:
            return False
        return bool(scores.own[row] >= threshold - margin)

    def _confident(self, scores: _PassageScores, row: int, context: Article | None) -> bool:
        """The best passage's cosine reaches the threshold; for a follow-up spelled out with its
        context's title, the bare question's cosine, or the spelled-out one with the margin and
        no lower than what the title alone gets, less `context_title_slack`
        (`context_confidence_margin`)."""
        threshold = self.settings.threshold
        margin = self.settings.context_confidence_margin
        if threshold is None:
            return False
        if scores.context is None or margin is None or context is None:
            return bool(scores.similarity[row] >= threshold)
        if scores.own[row] >= threshold:
            return True
        if scores.off_the_known_words:  # lifted by its context's title only: not on its own words
            return False
        spelled = float(scores.context[row])
        title = self._title_similarity(context, row)
        return spelled >= threshold + margin and spelled >= title - self.settings.context_title_slack

    def _title_similarity(self, context: Article, row: int) -> float:
        """The cosine of the context article's title alone (as a query) with passage `row`."""
        if self.embedder is None:
            return float("-inf")
        if context.id not in self._title_vectors:
            self._title_vectors[context.id] = self.embedder.embed_queries([context.title])[0]
        return float(np.dot(self._title_vectors[context.id], self._passage_matrix[row]))

    def article(self, article_id: str) -> Article | None:
        """The article with this id, or the one it was merged into (redirects), or None."""
        found = self.index.articles.get(article_id)
        if found is None and article_id in self.index.redirects:
            found = self.index.articles.get(self.index.redirects[article_id])
        return found

    def lead_hit(self, article: Article) -> Hit:
        """The article's first passage as a hit: the answer when a person picks an article."""
        passage = next(p for p in self.index.passages if p.article_id == article.id)
        return Hit(article=article, passage=passage, score=1.0, similarity=1.0)

    def scores(
        self, query: str, context_query: str | None = None, query_vector: np.ndarray | None = None
    ) -> _PassageScores:
        """Every passage's scores for `query`, in passage order, to rank once per audience with
        `ranked`: the raw similarity (the dense cosine, or the BM25 score without an embedder) and
        the standardised ranking score. With a `context_query`, both are embedded in one batch:
        the similarity is the larger of the two cosines, the dense ranking a mix
        (`context_query_weight`)."""
        return self._assemble(self._readings(query, context_query, query_vector), context_query)

    def scores_with_context(
        self, query: str, context_query: str, query_vector: np.ndarray | None = None
    ) -> tuple[_PassageScores, _PassageScores]:
        """`scores(query)` and `scores(query, context_query)` from one embedding batch and one
        BM25 pass: the arrays of two calls (to float rounding: a matrix product over three rows
        instead of one moves a cosine by about 1e-7), without embedding the standard-French form
        or scoring the words twice (the gateway relays both readings of a follow-up)."""
        readings = self._readings(query, context_query, query_vector)
        return self._assemble(readings, None), self._assemble(readings, context_query)

    def embedded_texts(self, query: str, context_query: str | None = None) -> list[str]:
        """The texts `scores(query, context_query)` embeds, in the order of its rows: the query,
        the context query (if any), the standard-French form (when it differs and is searched);
        none without an embedder. A caller that embeds them itself, in one batch, passes the rows
        as `query_vector`."""
        if self.embedder is None:
            return []
        texts = [query] if context_query is None else [query, context_query]
        if self.settings.standard_query_weight > 0:
            standard = standardize(query)
            if standard != query:
                texts.append(standard)
        return texts

    def _readings(
        self, query: str, context_query: str | None, query_vector: np.ndarray | None
    ) -> _Readings:
        """What `scores` combines: each text's cosines (raw, and adapted for ranking) in the order
        of `embedded_texts`; the BM25 scores. `query_vector`: the rows of `embedded_texts`
        already embedded (the gateway's), all of them or the first ones; the rest are embedded
        here, in one batch."""
        settings = self.settings
        raw = cosines = None
        use_standard = False
        if self.embedder is not None:
            texts = self.embedded_texts(query, context_query)
            use_standard = len(texts) > (1 if context_query is None else 2)
            if query_vector is None:
                vectors = self.embedder.embed_queries(texts)
            else:
                vectors = np.atleast_2d(np.asarray(query_vector, dtype=np.float32))
                if len(vectors) != len(texts):  # rows of other texts: only the first is sure
                    vectors = vectors[:1]
                if len(vectors) < len(texts):
                    rest = self.embedder.embed_queries(texts[len(vectors) :])
                    vectors = np.vstack([vectors, rest])
            # The adapted query vectors rank; the confidence (and a hit's similarity) reads the
            # raw ones, so the threshold keeps its meaning (see knowledge_base/adapter.py).
            raw = self._cosines(vectors)
            cosines = raw if self.adapter is None else self._cosines(self.adapter.apply(vectors))
        lexical_text = standardize(query) if settings.standard_lexical else query
        lexical = self._lexical.scores(lexical_text) if self._lexical is not None else None
        return _Readings(raw, cosines, use_standard, lexical, self.off_the_known_words(query))

    def _assemble(self, readings: _Readings, context_query: str | None) -> _PassageScores:
        """The scores of the query alone, or read with `context_query` (row 1 of the readings)."""
        settings = self.settings
        raw, cosines, lexical = readings.raw, readings.cosines, readings.lexical
        if raw is None or cosines is None:
            assert lexical is not None
            return _PassageScores(
                lexical, lexical, None, _standardize(lexical), readings.off_the_known_words
            )
        dense = raw[0]
        dense_rank = _standardize(cosines[0])
        if readings.use_standard:
            weight = np.float32(settings.standard_query_weight)
            dense_rank = (1 - weight) * dense_rank + weight * _standardize(cosines[-1])
            dense = np.maximum(dense, raw[-1])
        context = None
        if context_query is not None:
            weight = np.float32(settings.context_query_weight)
            dense_rank = (1 - weight) * dense_rank + weight * _standardize(cosines[1])
            context = raw[1]
        ranking = dense_rank
        if lexical is not None:
            ranking = ranking + settings.lexical_weight * _standardize(lexical)
        similarity = dense if context is None else np.maximum(dense, context)
        return _PassageScores(similarity, dense, context, ranking, readings.off_the_known_words)

    def _cosines(self, vectors: np.ndarray) -> np.ndarray:
        """Every passage's cosine with each row of `vectors`, in passage order."""
        return np.asarray(vectors, dtype=np.float32) @ self._passage_matrix.T

    def _context_shift(self, context: Article) -> np.ndarray:
        settings = self.settings
        same_topic = np.array(
            [self.index.articles[a].topic == context.topic for a in self._article_of],
            dtype=np.float32,
        )
        same_article = np.array([a == context.id for a in self._article_of], dtype=np.float32)
        return same_topic * np.float32(settings.context_topic_boost) + same_article * np.float32(
            settings.context_article_boost
        )

    def _audience_shift(self, audience: str | None) -> np.ndarray:
        if audience is None or audience == "all":
            return self._manager_rows * np.float32(-self.settings.unknown_demotion)
        if audience == "manager":
            return self._manager_rows * np.float32(self.settings.manager_boost)
        return self._manager_rows * np.float32(-self.settings.employee_demotion)


def is_manager_section(heading: str) -> bool:
    """A section written for managers inside an article for everyone: its heading starts with
    "Gestionnaire :" (the articles' convention); the audience shifts treat it like a manager
    article's section."""
    return (
        heading.strip().lower().startswith(("gestionnaire :", "gestionnaire:", "gestionnaires :"))
    )


def _standardize(values: np.ndarray) -> np.ndarray:
    spread = float(values.std())
    return ((values - values.mean()) / (spread if spread > 1e-9 else 1.0)).astype(np.float32)
