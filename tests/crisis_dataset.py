"""The labelled crisis messages and the figures each split is held to.

Splits: `design` (crisis_design.yml and crisis_design_extra.yml, written together with the lexicon
in safety/) and `holdout` (crisis_holdout.yml, written independently: its authors never saw the
lexicon, and the lexicon's authors never saw it). Held-out texts are never printed: a failure
shows held-out counts only, so nobody tunes the lexicon on them by accident.

Targets: issue 5 asks for crisis recall >= 0.98 and a false-positive rate <= 0.05 on the whole
set. The design split meets them. The held-out split does not yet (lexicon alone: recall 0.614,
measured 2026-11-23), so it is held to a floor just under what was measured, to catch regressions,
while the gap stays open in issue 5.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data"
FILES = ("crisis_design.yml", "crisis_design_extra.yml", "crisis_holdout.yml")
MIN_RECALL = 0.98
MAX_FALSE_POSITIVE_RATE = 0.05


@dataclass(frozen=True)
class Target:
    min_recall: float
    max_false_positive_rate: float


TARGETS = {
    "design": Target(MIN_RECALL, MAX_FALSE_POSITIVE_RATE),
    "holdout": Target(0.60, MAX_FALSE_POSITIVE_RATE),
}


@dataclass(frozen=True)
class LabelledMessage:
    text: str
    label: str
    split: str
    category: str | None = None


def load_file(name: str) -> list[LabelledMessage]:
    content = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    return [
        LabelledMessage(item["text"], item["label"], content["split"], item.get("category"))
        for item in content["messages"]
    ]


def load_messages(split: str | None = None) -> list[LabelledMessage]:
    messages = [m for name in FILES for m in load_file(name)]
    return [m for m in messages if split is None or m.split == split]


@dataclass(frozen=True)
class Figures:
    recall: float
    false_positive_rate: float
    missed: list[str]
    false_alarms: list[str]

    def report(self, name: str) -> str:
        return (
            f"{name}: crisis recall {self.recall:.3f}, false-positive rate on 'none' "
            f"{self.false_positive_rate:.3f} (missed {len(self.missed)}, false alarms {len(self.false_alarms)})"
        )


def measure(messages: list[LabelledMessage], says_crisis: Callable[[str], bool]) -> Figures:
    crisis = [m for m in messages if m.label == "crisis"]
    none = [m for m in messages if m.label == "none"]
    missed = [m.text for m in crisis if not says_crisis(m.text)]
    false_alarms = [m.text for m in none if says_crisis(m.text)]
    return Figures(
        recall=1 - len(missed) / len(crisis),
        false_positive_rate=len(false_alarms) / len(none),
        missed=missed,
        false_alarms=false_alarms,
    )


def check_targets(says_crisis: Callable[[str], bool], path_name: str) -> list[str]:
    """Print the figures of every split and of the whole set; return the targets missed.

    Design texts are named in the problems; held-out ones only counted.
    """
    problems = []
    decisions: dict[str, bool] = {}

    def cached(text: str) -> bool:
        if text not in decisions:
            decisions[text] = says_crisis(text)
        return decisions[text]

    for split, target in TARGETS.items():
        figures = measure(load_messages(split), cached)
        print("\n" + figures.report(f"{path_name}, {split}"), end="")
        shown = figures.missed + figures.false_alarms if split == "design" else []
        if figures.recall < target.min_recall:
            problems.append(f"{split}: recall {figures.recall:.3f} < {target.min_recall} {shown}")
        if figures.false_positive_rate > target.max_false_positive_rate:
            problems.append(
                f"{split}: false-positive rate {figures.false_positive_rate:.3f} > "
                f"{target.max_false_positive_rate} {shown}"
            )
    print("\n" + measure(load_messages(), cached).report(f"{path_name}, whole set"))
    return problems
