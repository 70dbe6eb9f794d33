"""Crisis detection speed: `python bench/crisis.py`.

Prints the time to load the combined detector (weights file only), to warm it up (loading the
embedding models), and the per-message latency (p50/p95, one message at a time, models warm) of
the lexicon alone and of the combined detector, over the design messages (never the held-out
ones), and over the long ones (risk read sentence by sentence). Figures only: nothing here is
asserted.

Two paths (issue 13, one embedding per message):
- the detector embeds the message itself (`GuardedDetector.decide`: the Rasa component without
  the gateway's metadata, the gateway today);
- the caller already embedded it with the knowledge base's embedder for the search
  (`GuardedDetector.decide_with_vector`): the crisis decision adds the lexicon, the n-grams
  sentence by sentence and the linear heads only. The embedding's own time is printed apart: on
  that path it is paid once, for the search and the crisis decision together.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.timing import load, percentiles  # noqa: E402
from embeddings.models import DEFAULT_EMBEDDER, create_embedder, reweigh  # noqa: E402
from risk_classifier import GuardedDetector, load_combined  # noqa: E402
from risk_classifier.combined import classifier_may_decide  # noqa: E402
from risk_classifier.data import design_files, load_examples  # noqa: E402
from safety import assess  # noqa: E402


def timed(function: Callable[[str], object], texts: list[str]) -> list[float]:
    samples = []
    for text in texts:
        started = time.perf_counter()
        function(text)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=400, help="design messages timed")
    args = parser.parse_args()
    design = [example.text for example in load_examples(design_files(with_chat=False))]
    texts = design[:: max(1, len(design) // args.limit)]  # spread over every design file

    started = time.perf_counter()
    detector = load_combined()
    print(f"load_combined() (reads the weights): {(time.perf_counter() - started) * 1000:.0f} ms")
    started = time.perf_counter()
    detector.warm_up()
    print(f"warm_up() (loads e5 and USE):       {time.perf_counter() - started:.1f} s")

    asked = [t for t in texts if classifier_may_decide(assess(t))]
    print(f"lexicon alone, every message:    {percentiles(timed(assess, texts), digits=2)}")
    print(
        f"combined, every message:         {percentiles(timed(detector.assess, texts), digits=2)}"
    )
    if asked:
        share = f"{len(asked) / len(texts):.0%}"
        print(
            f"combined, the {share} it embeds:   {percentiles(timed(detector.assess, asked), digits=2)}"
        )
    if asked:
        # The gateway's path (issue 13): the message embedded once by the index's embedder, the
        # vector reweighed to the classifier's mix, then the decision without a model run.
        index_embedder = create_embedder(DEFAULT_EMBEDDER, reuse=detector.classifier.embedder)
        vectors = {t: index_embedder.embed_queries([t])[0] for t in asked}
        target = detector.classifier.embedder

        def from_vector(text: str) -> object:
            return detector.assess(text, None, reweigh(vectors[text], index_embedder, target))

        print(
            f"combined, from the gateway's vector: {percentiles(timed(from_vector, asked), digits=2)}"
        )
    long = [t for t in design if len(t) >= 300 and classifier_may_decide(assess(t))][: args.limit]
    if long:
        # One embedding per message whatever its length; the sentences are scored by n-grams only.
        print(
            f"combined, {len(long)} long messages (>= 300 chars): {percentiles(timed(detector.assess, long), digits=2)}"
        )

    # The one-embedding path: the vector comes from the caller (the knowledge base's embedder).
    guarded = GuardedDetector(detector)
    spec = guarded.embedder_spec or ""
    embedder = detector.classifier.embedder
    vectors = {text: embedder.embed_queries([text])[0] for text in texts + long}
    print(f"\nthe classifier's embedder: {spec}")
    print(f"embedding alone, every message:  {percentiles(timed(lambda t: embedder.embed_queries([t]), texts), digits=2)}")
    decide = lambda text: guarded.decide_with_vector(text, vectors[text], spec)  # noqa: E731
    print(f"decision given the vector, every message: {percentiles(timed(decide, texts), digits=2)}")
    if asked:
        print(f"decision given the vector, the {share} it asks the classifier: {percentiles(timed(decide, asked), digits=2)}")
    if long:
        print(f"decision given the vector, {len(long)} long messages: {percentiles(timed(decide, long), digits=2)}")
    print(f"({load()})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
