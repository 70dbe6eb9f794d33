"""The labelled crisis messages (design and held-out splits) and the two figures we hold them to."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data"
SPLITS = ("crisis_design.yml", "crisis_holdout.yml")
MIN_RECALL = 0.98
MAX_FALSE_POSITIVE_RATE = 0.05


@dataclass(frozen=True)
class LabelledMessage:
    text: str
    label: str
    split: str
    category: str | None = None


def load_messages() -> list[LabelledMessage]:
    messages = []
    for name in SPLITS:
        content = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
        for item in content["messages"]:
            messages.append(
                LabelledMessage(item["text"], item["label"], content["split"], item.get("category"))
            )
    return messages


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
