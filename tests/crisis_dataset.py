"""The labelled crisis messages and the figures each split is held to.

Splits: `design` and `holdout`. Design files: crisis_design.yml and crisis_design_extra.yml,
written together with the lexicon in safety/, and crisis_design_more.yml, a fresh batch of 434
messages written 2026-11-23 by an author who never saw the lexicon nor the held-out file, added to
the design split (risk_classifier/ trains on all three). Held-out file: crisis_holdout.yml, written
independently: its authors never saw the lexicon, and the lexicon's authors never saw it. Held-out
texts are never printed: a failure shows held-out counts only, so nobody tunes anything on them by
accident.

Targets: issue 5 asks for crisis recall >= 0.98 and a false-positive rate <= 0.05 on the whole
set (`MIN_RECALL`, `MAX_FALSE_POSITIVE_RATE`), asserted for the combined detector (`TARGETS`,
key "whole"): measured 2026-11-23, recall 0.994 and false-positive rate 0.004. That figure is
mostly in-sample: the lexicon was extended on every design file and the classifier trained on
them. What generalises is the held-out split, measured once for the final configuration:
combined detector recall 0.929 (65/70), false-positive rate 0.044 (2/45); the lexicon alone
0.657. 0.98 is not reached on held-out data: its floor sits just under what was measured.
Before the second layer and the lexicon's extension, the lexicon alone measured 0.614 on the
held-out split and 0.400 on crisis_design_more.yml (false-positive rate 0.047 there).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parents[1] / "data" / "crisis"
# The design files the lexicon in safety/ was written with (it is tuned on them).
LEXICON_FILES = ("design.yml", "design_extra.yml")
DESIGN_FILES = (*LEXICON_FILES, "design_more.yml")
HOLDOUT_FILES = ("development_2026_11.yml",)
FILES = DESIGN_FILES + HOLDOUT_FILES
MIN_RECALL = 0.98  # issue 5's target: met on the whole set, not on the held-out split
MAX_FALSE_POSITIVE_RATE = 0.05


@dataclass(frozen=True)
class Target:
    min_recall: float
    max_false_positive_rate: float


# The combined detector (risk_classifier.load_combined): design recall 1.000 and false-positive
# rate 0.000 in-sample; held-out recall 0.929 (65/70), false-positive rate 0.044 (2/45); whole
# set 0.994 and 0.004 (measured once with the configuration frozen, 2026-11-23).
TARGETS = {
    "design": Target(0.99, MAX_FALSE_POSITIVE_RATE),
    "holdout": Target(0.92, MAX_FALSE_POSITIVE_RATE),
    "whole": Target(MIN_RECALL, MAX_FALSE_POSITIVE_RATE),
}
# The lexicon alone (safety.assess), after it was extended on the fresh batch (2026-11-23):
# design recall 1.000, false-positive rate 0.000 (in-sample: it was written with these files;
# before the extension 0.831 and 0.011, 0.400 on crisis_design_more.yml); held-out recall 0.657
# (0.614 before), false-positive rate 0.022.
LEXICON_TARGETS = {
    "design": Target(0.99, MAX_FALSE_POSITIVE_RATE),
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


def load_messages(
    split: str | None = None, files: tuple[str, ...] = FILES
) -> list[LabelledMessage]:
    messages = [m for name in files for m in load_file(name)]
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


def check_targets(
    says_crisis: Callable[[str], bool], path_name: str, targets: dict[str, Target]
) -> list[str]:
    """Print the figures of every split and of the whole set; return the targets missed.

    Design texts are named in the problems; held-out ones only counted.
    """
    problems = []
    decisions: dict[str, bool] = {}

    def cached(text: str) -> bool:
        if text not in decisions:
            decisions[text] = says_crisis(text)
        return decisions[text]

    for split, target in targets.items():
        figures = measure(load_messages(None if split == "whole" else split), cached)
        print("\n" + figures.report(f"{path_name}, {split}"), end="")
        # Never a held-out text: the whole set shows counts only, like the held-out split.
        shown = figures.missed + figures.false_alarms if split == "design" else []
        if figures.recall < target.min_recall:
            problems.append(f"{split}: recall {figures.recall:.3f} < {target.min_recall} {shown}")
        if figures.false_positive_rate > target.max_false_positive_rate:
            problems.append(
                f"{split}: false-positive rate {figures.false_positive_rate:.3f} > "
                f"{target.max_false_positive_rate} {shown}"
            )
    if "whole" not in targets:
        print("\n" + measure(load_messages(), cached).report(f"{path_name}, whole set"), end="")
    print()
    return problems
