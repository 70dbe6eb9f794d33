"""The held-out batch stays held out: no close paraphrase of it in design or development data.

Issue 10 found 11 of the former held-out split's 151 messages paraphrased in a design file
(token Jaccard >= 0.5): its figure measured memory, not generalisation. A failure names line
numbers only, never a held-out text.

Texts of one or two words ("ok merci", "oui") are left out of the check: any two such texts
share half their words without being a paraphrase. When the 2026-12 batch arrived, the design
and development messages it flagged (near-duplicates of held-out texts of 3 words or more) were
removed from design and development data, never the other way round: the held-out batch stays
as its author wrote it.
"""

from __future__ import annotations

import re
from collections import defaultdict

import yaml

from risk_classifier.data import design_files, load_examples
from tests.crisis_dataset import (
    DEVELOPMENT_FILE,
    HOLDOUT_FILE,
    design_paths,
    load_conversations,
    load_conversations_file,
    load_file,
    load_set,
)

NEAR_DUPLICATE = 0.5  # token Jaccard
MIN_TOKENS = 3  # shorter held-out texts are not checked
_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> frozenset[str]:
    return frozenset(_TOKEN.findall(text.lower()))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def _seen_texts() -> list[tuple[str, int, str]]:
    """(file, line, text) of every design and development text, conversation turns included."""
    seen = []
    for path in [*design_paths(with_chat=True), DEVELOPMENT_FILE]:
        seen += [(path.name, m.line, m.text) for m in load_file(path)]
        seen += [
            (path.name, c.line, turn) for c in load_conversations_file(path) for turn in c.turns
        ]
    return seen


def near_duplicates(held: list[tuple[int, str]], seen: list[tuple[str, int, str]]) -> list[str]:
    """'held-out line N ~ file:line (J=…)' for each pair at or over the threshold."""
    index: dict[str, list[int]] = defaultdict(list)
    seen_tokens = [tokens(text) for _, _, text in seen]
    for row, words in enumerate(seen_tokens):
        for word in words:
            index[word].append(row)
    found = []
    for line, text in held:
        words = tokens(text)
        if len(words) < MIN_TOKENS:
            continue
        candidates = {row for word in words for row in index.get(word, ())}
        for row in sorted(candidates):
            score = jaccard(words, seen_tokens[row])
            if score >= NEAR_DUPLICATE:
                name, seen_line, _ = seen[row]
                found.append(f"held-out line {line} ~ {name}:{seen_line} (J={score:.2f})")
    return found


def test_the_holdout_batch_is_untouched_by_design_data() -> None:
    held = [(m.line, m.text) for m in load_set("holdout_2026_12")]
    held += [(c.line, turn) for c in load_conversations("holdout_2026_12") for turn in c.turns]
    assert len(held) >= 250
    found = near_duplicates(held, _seen_texts())
    assert not found, found  # line numbers only


def test_the_holdout_batch_is_well_formed() -> None:
    content = yaml.safe_load(HOLDOUT_FILE.read_text(encoding="utf-8"))
    assert content["split"] == "holdout"
    labels = [m.label for m in load_set("holdout_2026_12")]
    assert (labels.count("crisis"), labels.count("distress"), labels.count("none")) == (120, 50, 80)
    conversations = load_conversations("holdout_2026_12")
    assert len(conversations) == 24
    for conversation in conversations:
        risk = conversation.risk_turn
        assert (risk is not None) == (conversation.label == "crisis"), conversation.line
        assert risk is None or 1 <= risk <= len(conversation.turns), conversation.line


def test_the_classifier_never_trains_on_development_or_holdout_data() -> None:
    trained = {example.text for example in load_examples(design_files())}
    for name in ("development", "holdout_2026_12"):
        leaked = [m.line for m in load_set(name) if m.text in trained]
        assert not leaked, f"{name}: lines {leaked} are in the training data"


def test_the_detector_catches_a_near_duplicate() -> None:
    # The check itself can fail: a reordered paraphrase is found, an unrelated text is not.
    seen = [("design.yml", 7, "je pense à en finir ce soir après mon quart")]
    assert near_duplicates([(3, "ce soir après mon quart je pense à en finir")], seen)
    assert not near_duplicates([(3, "où trouver le formulaire de vacances")], seen)
