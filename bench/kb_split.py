"""Knowledge-base figures on development data split so nothing in-sample is called held out:
`python -m bench.kb_split [--dump]`.

Tuning side: data/kb/queries.yml (284) and half A of tests/data/kb_test_2026_12b.yml (every
other question of each kind, the first one included), calibrated with half A of
data/kb/offtopic.yml. Checking side, never tuned on: half B of kb_test_2026_12b, half B of the
off-topic questions, and data/kb/queries_2026_12.yml. Prints each side's figures by kind;
`--dump` lists, for the tuning side only, the misses by kind (ids and scores, never a text).
Query and passage vectors are cached in var/bench/kb_vectors.npz (the models are slow here).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from embeddings.models import DEFAULT_EMBEDDER, Embedder, create_embedder
from knowledge_base.calibration import (
    Metrics,
    Outcome,
    Query,
    calibrate,
    describe_threshold,
    load_queries,
    run_queries,
)
from knowledge_base.loader import load_articles
from knowledge_base.redirects import REDIRECTS_NAME, load_redirects
from knowledge_base.search import DEFAULT_SETTINGS, KnowledgeBase

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "data" / "kb"
SPLIT_SET = ROOT / "tests" / "data" / "kb_test_2026_12b.yml"
CACHE = ROOT / "var" / "bench" / "kb_vectors.npz"


class DiskCachedEmbedder:
    """Remembers every vector on disk, keyed by a hash of (kind, text)."""

    def __init__(self, inner: Embedder, path: Path) -> None:
        self.inner, self.path, self.name = inner, path, inner.name
        self._cache: dict[str, np.ndarray] = {}
        if path.exists():
            with np.load(path) as data:
                self._cache = {key: data[key] for key in data.files}
        self._dirty = False

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    def _key(self, kind: str, text: str) -> str:
        return hashlib.sha1(f"{self.name}\0{kind}\0{text}".encode()).hexdigest()

    def _embed(self, texts: Sequence[str], kind: str) -> np.ndarray:
        keys = [self._key(kind, t) for t in texts]
        missing = {k: t for k, t in zip(keys, texts, strict=True) if k not in self._cache}
        if missing:
            embed = self.inner.embed_queries if kind == "q" else self.inner.embed_passages
            vectors = embed(list(missing.values()))
            self._cache.update(zip(missing, vectors, strict=True))
            self._dirty = True
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([self._cache[k] for k in keys])

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, "q")

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, "p")

    def save(self) -> None:
        if self._dirty:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            np.savez(self.path, **self._cache)
            self._dirty = False


def halves(queries: Sequence[Query]) -> tuple[list[Query], list[Query]]:
    """Every other query of each kind: the 1st, 3rd... in A, the 2nd, 4th... in B."""
    seen: dict[str, int] = {}
    a, b = [], []
    for query in queries:
        position = seen.get(query.kind, 0)
        seen[query.kind] = position + 1
        (a if position % 2 == 0 else b).append(query)
    return a, b


def answered_right(outcomes: Sequence[Outcome]) -> float:
    """Topic right at rank 1 and, when the query names a fact, the fact in the sent reply;
    a query without a fact counts when its topic is right and the search was confident."""
    good = 0
    for o in outcomes:
        if o.fact_present is not None:
            good += o.topic_right and o.fact_present
        else:
            good += o.topic_right and o.confident
    return good / max(len(outcomes), 1)


def table(label: str, outcomes: Sequence[Outcome]) -> None:
    confident = sum(o.confident for o in outcomes) / max(len(outcomes), 1)
    print(f"\n{label}: {len(outcomes)} queries, {confident:.0%} confident")
    print("| kind | n | R@1 | R@3 | topic@1 | conf | fact n | fact sent | fact top | right |")
    kinds = sorted({o.query.kind for o in outcomes})
    for kind, items in [("all", list(outcomes))] + [
        (k, [o for o in outcomes if o.query.kind == k]) for k in kinds
    ]:
        m = Metrics.of(items)
        conf = sum(o.confident for o in items) / max(len(items), 1)
        facts = (
            f"{m.fact_count} | {m.fact_present:.3f} | {m.fact_in_top:.3f}"
            if m.fact_count
            else "0 | - | -"
        )
        print(
            f"| {kind} | {m.count} | {m.recall_at_1:.3f} | {m.recall_at_3:.3f} | "
            f"{m.topic_at_1:.3f} | {conf:.2f} | {facts} | {answered_right(items):.3f} |"
        )


def dump(outcomes: Sequence[Outcome], kb: KnowledgeBase) -> None:
    from knowledge_base.conversation import ask

    for o in outcomes:
        bad = (not o.topic_right) or (o.rank != 1) or (o.fact_present is False) or not o.confident
        if not bad:
            continue
        turn = ask(kb, o.query.text, audience=o.query.audience, k=3)
        top = [(h.article.id, round(h.score, 2), h.passage.heading[:30]) for h in turn.result.hits]
        print(
            f"[{o.query.kind}] exp={o.query.expected} rank={o.rank} topic={o.topic_right} "
            f"conf={o.confident} sim={o.top_similarity:.3f} fact={o.fact_present}/{o.fact_in_top}"
            f"\n    top={top}"
        )


# Articles a conversation may have just answered, one per topic's most asked question.
CONTEXTS = (
    "pae-c-est-quoi",
    "bqvt-c-est-quoi",
    "confidentialite-anonymat",
    "ecoute-pairs-aidants",
    "gestionnaire-reconnaissance-sans-budget",
    "crise-988",
)


def offtopic_as_follow_ups(kb: KnowledgeBase, queries: Sequence[Query]) -> tuple[int, int]:
    """Off-topic questions asked right after an answer, as is and with "et " in front: how many
    are read as follow-ups, and how many of those the search is confident about (it should not)."""
    from knowledge_base.conversation import ask

    asked = confident = 0
    for query in queries:
        for context in CONTEXTS:
            for text in (query.text, "et " + query.text[0].lower() + query.text[1:]):
                turn = ask(kb, text, context_id=context)
                if turn.followup_of is not None:
                    asked += 1
                    confident += turn.result.confident
    return asked, confident


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.kb_split")
    parser.add_argument("--dump", action="store_true")
    parser.add_argument("--texts", action="store_true", help="with --dump: development texts")
    args = parser.parse_args(argv)
    articles_dir = ROOT / "knowledge_base" / "articles"
    articles = load_articles(articles_dir)
    redirects = load_redirects(articles_dir / REDIRECTS_NAME, [a.id for a in articles])
    embedder = DiskCachedEmbedder(create_embedder(DEFAULT_EMBEDDER), CACHE)
    kb = KnowledgeBase.from_articles(articles, embedder, DEFAULT_SETTINGS, redirects)
    half_a, half_b = halves(load_queries(SPLIT_SET))
    off_a, off_b = halves(load_queries(DEV / "offtopic.yml"))
    tune = load_queries(DEV / "queries.yml") + half_a
    tune_outcomes = run_queries(kb, tune)
    calibration = calibrate(tune_outcomes, run_queries(kb, off_a))
    print(f"threshold (tuning side, off-topic half A): {calibration}")
    kb = kb.with_settings(threshold=calibration.threshold)
    for label, items in (
        ("TUNE dev queries.yml", load_queries(DEV / "queries.yml")),
        ("TUNE 12b half A", half_a),
        ("CHECK 12b half B (never tuned on)", half_b),
        ("CHECK queries_2026_12 (never tuned on)", load_queries(DEV / "queries_2026_12.yml")),
    ):
        outcomes = run_queries(kb, items)
        table(label, outcomes)
        if args.dump and label.startswith("TUNE"):
            dump(outcomes, kb)
    off = describe_threshold(calibration.threshold, [], run_queries(kb, off_b))
    print(f"\noff-topic half B rejected: {off.off_topic_rejected:.0%} of {off.off_topic_count}")
    for label, items in (("A (tuning side)", off_a), ("B (checking side)", off_b)):
        asked, confident = offtopic_as_follow_ups(kb, items)
        print(
            f"off-topic half {label} asked after an answer, read as follow-ups: "
            f"{confident} of {asked} confident"
        )
    embedder.save()
    return 0


if __name__ == "__main__":
    sys.exit(main())
