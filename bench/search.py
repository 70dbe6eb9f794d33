"""Knowledge-base search speed with the default embedder: `python bench/search.py`.

Prints the index build time (validate + embed every passage + calibrate + save), then the
query-embedding and whole-search latencies (p50/p95, one query at a time, model warm) over
the evaluation queries. Figures only: nothing here is asserted.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.timing import load, percentiles  # noqa: E402
from embeddings.models import DEFAULT_EMBEDDER  # noqa: E402
from knowledge_base.build import DEV_DATA, PACKAGE_DIR, build, default_queries_file  # noqa: E402
from knowledge_base.calibration import Query, load_queries  # noqa: E402
from knowledge_base.conversation import ask, reply  # noqa: E402
from knowledge_base.relayed import relay  # noqa: E402
from knowledge_base.search import KnowledgeBase  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--embedder", default=DEFAULT_EMBEDDER)
    parser.add_argument("--articles", type=Path, default=PACKAGE_DIR / "articles")
    parser.add_argument("--queries", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=2, help="passes over the queries")
    parser.add_argument(
        "--index", type=Path, default=None, help="a built index (make index): no rebuild"
    )
    args = parser.parse_args()
    queries = load_queries(args.queries or default_queries_file())
    if args.index is not None:
        return measure(KnowledgeBase.load(args.index), queries, args.repeat)
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        report = build(
            args.articles,
            folder,
            args.embedder,
            queries=default_queries_file(),
            offtopic=DEV_DATA / "offtopic.yml",
            force=True,
        )
        build_s = time.perf_counter() - started
        kb = KnowledgeBase.load(folder)
    assert kb.embedder is not None
    manifest = report.manifest
    print(
        f"embedder {manifest.embedder}: {manifest.article_count} articles, "
        f"{manifest.passage_count} passages"
    )
    print(
        f"index build (embed, calibrate on {manifest.calibration.get('in_scope_count')} + "
        f"{manifest.calibration.get('off_topic_count')} queries, save): {build_s:.1f} s"
    )
    return measure(kb, queries, args.repeat)


def measure(kb: KnowledgeBase, queries: list[Query], repeat: int) -> int:
    """Query embedding, search, and a whole knowledge turn as the action runs it (audience,
    follow-up context, the answer's text), one query at a time, model warm."""
    assert kb.embedder is not None
    kb.search("réchauffement")  # warm-up
    embed_ms, search_ms, given_ms, relay_ms, turn_ms = [], [], [], [], []
    for _ in range(repeat):
        for query in queries:
            started = time.perf_counter()
            vector = kb.embedder.embed_queries([query.text])[0]
            embed_ms.append(1000 * (time.perf_counter() - started))
            started = time.perf_counter()
            kb.search(query.text, audience=query.audience, k=3)
            search_ms.append(1000 * (time.perf_counter() - started))
            started = time.perf_counter()
            kb.search(query.text, audience=query.audience, k=3, query_vector=vector)
            given_ms.append(1000 * (time.perf_counter() - started))
            started = time.perf_counter()
            relay(kb, query.text, vector)  # the gateway's: the three audiences, one vector
            relay_ms.append(1000 * (time.perf_counter() - started))
            context = query.context if query.context and kb.article(query.context) else None
            started = time.perf_counter()
            reply(ask(kb, query.text, audience=query.audience, context_id=context))
            turn_ms.append(1000 * (time.perf_counter() - started))
    print(f"query embedding ({len(embed_ms)} calls): {percentiles(embed_ms)}")
    print(f"search, embedding included ({len(search_ms)} calls): {percentiles(search_ms)}")
    print(f"search from the message's vector ({len(given_ms)} calls): {percentiles(given_ms)}")
    print(f"gateway relay, 3 audiences from one vector ({len(relay_ms)}): {percentiles(relay_ms)}")
    print(f"knowledge turn, ask + reply ({len(turn_ms)} calls): {percentiles(turn_ms)}")
    print(f"({load()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
