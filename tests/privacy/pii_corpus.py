"""Scores a redaction function on tests/privacy/data/pii_corpus.yml.

The corpus (468 cases) was written by an author who never saw the redaction code; the patterns
were then tuned on it, so it is a development set, not a held-out one.

An item counts as caught when every word of its value (``\\w+`` after NFKC and case folding) has
lost, in the redacted text, at least as many whole-word occurrences as the value contains: a half
masked number ("514 555-[téléphone]") is a miss. A public string survives when it is still in the
redacted text (both compared after NFKC, which redaction applies).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data"
CORPUS = DATA / "pii_corpus.yml"


def newest_holdout() -> Path | None:
    """The newest held-out corpus (data/pii_holdout_*.yml, by name): written by an author who never
    saw the redaction code nor the other corpora, measured once, then folded into development."""
    found = sorted(DATA.glob("pii_holdout_*.yml"))
    return found[-1] if found else None
STRUCTURED = ("phone", "email", "nas", "nam", "postal_code", "date_of_birth", "address", "employee_number")
NAMES = ("name",)
_WORD = re.compile(r"\w+")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(_fold(text)))


@dataclass
class Score:
    found: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    public_total: int = 0
    public_lost: list[str] = field(default_factory=list)
    public_numbers_total: int = 0
    public_numbers_lost: list[str] = field(default_factory=list)

    def recall(self, kinds: tuple[str, ...] | str) -> float:
        kinds = (kinds,) if isinstance(kinds, str) else kinds
        total = sum(self.total[k] for k in kinds)
        return sum(self.found[k] for k in kinds) / total if total else 1.0

    def lines(self) -> list[str]:
        rows = [f"{kind:16} {self.found[kind]:4}/{self.total[kind]:<4} recall {self.recall(kind):.3f}"
                for kind in sorted(self.total)]
        rows.append(f"{'structured':16} recall {self.recall(STRUCTURED):.3f}")
        rows.append(f"{'names':16} recall {self.recall(NAMES):.3f}")
        rows.append(f"public strings lost {len(self.public_lost)}/{self.public_total}; "
                    f"public numbers lost {len(self.public_numbers_lost)}/{self.public_numbers_total}")
        return rows


def cases(path: Path = CORPUS) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]


def caught(original: str, redacted: str, value: str) -> bool:
    before, after = _words(original), _words(redacted)
    return all(after[word] <= before[word] - count for word, count in _words(value).items())


def score(redact: Callable[[str], str], path: Path = CORPUS) -> Score:
    result = Score()
    for case in cases(path):
        text = case["text"]
        redacted = redact(text)
        for item in case.get("pii") or []:
            result.total[item["type"]] += 1
            result.found[item["type"]] += caught(text, redacted, item["value"])
        for public in case.get("public") or []:
            kept = _fold(public) in _fold(redacted)
            result.public_total += 1
            if not kept:
                result.public_lost.append(public)
            if re.search(r"\d", public):
                result.public_numbers_total += 1
                if not kept:
                    result.public_numbers_lost.append(public)
    return result
