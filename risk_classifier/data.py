"""Training examples for the risk classifier, and the content hash stored with its weights.

The labelled crisis files (data/crisis/design*.yml, paths given as arguments): `crisis` is
positive, `distress` and `none` negative; a crisis message's category gives its reply variant
(safety/reply_variant.py). Only design data may be given: a file whose `split` is not `design` is
refused, so the held-out split cannot train anything by mistake.

Ordinary chat comes from CHAT_FILE, a snapshot of the non-crisis NLU examples: without it the
classifier took short replies ("oui", "allo") for crises. It is a copy, not a link to nlu_data/,
so editing the NLU data does not make the weights stale.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from safety.assessment import Assessment, RiskCategory, RiskLevel
from safety.reply_variant import EMERGENCY, VIOLENCE, reply_variant

DESIGN_SPLIT = "design"
DESIGN_DIR = Path(__file__).resolve().parents[1] / "data" / "crisis"
CHAT_FILE = "design_chat.yml"
CRISIS = "crisis"


class TrainingDataError(ValueError):
    """A training file is not design data, or is malformed."""


@dataclass(frozen=True)
class Example:
    text: str
    label: str  # "crisis", "distress" or "none"
    source: str  # file name
    variant: str | None = None  # reply variant of a crisis message with a category

    @property
    def is_crisis(self) -> bool:
        return self.label == CRISIS


def variant_of(category: str) -> str:
    """The reply variant of one crisis category, as the gateway and the bot pick it, among the
    classifier's four: an emergency (a variant only the lexicon chooses) counts as violence, the
    reply it got before it had its own."""
    variant = reply_variant(Assessment(RiskLevel.CRISIS, frozenset({RiskCategory(category)})))
    return VIOLENCE if variant == EMERGENCY else variant


# libyaml's loader when present: the design files are several megabytes (50 s pure Python).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 (a safe loader)


def load_crisis_file(path: Path) -> list[Example]:
    content = read_yaml(path)
    if content.get("split") != DESIGN_SPLIT:
        raise TrainingDataError(f"{path.name}: only design data may train the classifier")
    examples = []
    for item in content["messages"]:
        category = item.get("category")
        variant = variant_of(category) if item["label"] == CRISIS and category else None
        examples.append(Example(item["text"], item["label"], path.name, variant))
    return examples


# Who wrote each crisis file: the unit of the leave-one-author-out protocol (loao.py) and of the
# cross-validation folds in train.py. design.yml and design_extra.yml were written together, with
# the lexicon; the ordinary chat (CHAT_FILE) has no author and always trains.
AUTHORS: dict[str, str] = {
    "design.yml": "project",
    "design_extra.yml": "project",
    "design_more.yml": "more_2026_11",
    "development_2026_11.yml": "development_2026_11",
    "design_2026_12_english_support.yml": "english_support",
    "design_2026_12_manager_clinician.yml": "manager_clinician",
    "design_2026_12_nurse_resident.yml": "nurse_resident",
    "design_2026_12_pab_allophone.yml": "pab_allophone",
    "design_2026_12_folded_holdout.yml": "holdout_2026_12",
    "design_2026_12c_varied.yml": "varied_personas",
    "design_2026_12d.yml": "design_d_personas",
    "design_2026_12e.yml": "design_e_hard_kinds",
}


def author_of(name: str) -> str | None:
    """The author group of a crisis file (None: the ordinary chat); a file not listed is its
    own author."""
    return None if name == CHAT_FILE else AUTHORS.get(name, name)


def design_files(with_chat: bool = True) -> list[Path]:
    """The design files of data/crisis/, in name order (with or without the ordinary chat)."""
    files = sorted(DESIGN_DIR.glob("design*.yml"))
    return files if with_chat else [path for path in files if path.name != CHAT_FILE]


def load_examples(crisis_files: Sequence[Path]) -> list[Example]:
    """Every message of the files, files taken in name order (the result never depends on
    the order the paths are given in)."""
    ordered = sorted(crisis_files, key=lambda path: path.name)
    return [example for path in ordered for example in load_crisis_file(path)]


def content_hash(examples: Iterable[Example]) -> str:
    """SHA-256 of what training reads (text, label, variant, in order): comments and layout of
    the files do not change it, any edit of a message does."""
    digest = hashlib.sha256()
    for example in examples:
        row = [example.text, example.label, example.variant]
        digest.update(json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n")
    return digest.hexdigest()


def conversation_examples(crisis_files: Sequence[Path]) -> list[Example]:
    """The turns of the design conversations that stand alone: every turn of a safe
    conversation (`none`: "j'ai donné mon chat à ma voisine", then "c'est pour mes vacances"),
    and the turn where a crisis conversation's risk appears (`crisis`). The turns before and after
    the risk need the others to be read and are left out."""
    examples = []
    for path in sorted(crisis_files, key=lambda p: p.name):
        content = read_yaml(path)
        if content.get("split") != DESIGN_SPLIT:
            raise TrainingDataError(f"{path.name}: only design data may train the classifier")
        for conversation in content.get("conversations") or []:
            turns = conversation["turns"]
            if conversation["label"] == CRISIS:
                examples.append(Example(turns[conversation["risk_turn"] - 1], CRISIS, path.name))
            else:
                examples += [Example(turn, "none", path.name) for turn in turns]
    return examples
