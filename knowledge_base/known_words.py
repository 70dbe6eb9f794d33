"""The words a question about this knowledge base is made of, to tell a follow-up that changes
the subject: `python -m knowledge_base.known_words` rewrites the list.

A follow-up is read in the context of the last answer ("pis c'est gratuit?" after a PAE answer).
"et la cafétéria ferme à quelle heure?" is read there too, and its context's title lifts it
close to the PAE's passages: it was answered with a PAE article. What gives it away is a word
that neither the articles nor the staff's in-scope questions ever use ("talon de paie",
"hockey"). A follow-up with such a word is not confident on its context's title (only on its
own words, as any question), and no question with one is sent a likely answer
(knowledge_base/search.py, `known_words`): the bot offers articles and says it is not sure.

Known words: the normalised words (knowledge_base.lexical.tokenize, three letters or more) of
the articles' passages and titles, read when the index loads (an article added by the BQVT lead
brings its own words), plus KNOWN_WORDS_FILE, written here: the words of the development question
sets (DEVELOPMENT_SETS: in-scope questions and their contexts, never an off-topic set, never the
newest test set that tests/knowledge_base/test_evaluation.py asserts on), of the establishments'
names and regions (directory/establishments.yml), of the days and months (CALENDAR) and of family
(FAMILY).

What never counts as unknown (`Vocabulary.unknown`): a question in English (the list is French:
too few English questions to know their words), a word with a digit, what the redaction puts in
place of a name or a number (the check reads the redacted text, as the action server does), a
word within one letter of a known one (six letters or more: "sceances"), and a word whose
joual or SMS spelling the standard form resolves ("jpeux" -> "je peux").

The figures are in knowledge_base/search.py, beside DEFAULT_SETTINGS.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import yaml

from directory.loader import load_registry
from knowledge_base.lexical import tokenize
from knowledge_base.normalize import is_english, standardize
from privacy import redact

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parent
KNOWN_WORDS_FILE = "question_words.txt"
MIN_LENGTH = 3  # shorter words ("et", "pi", "ok") say nothing about the subject
TYPO_MIN_LENGTH = 6  # from this length, one letter off a known word still counts as known
# In-scope development sets only (each held-out set joins once it has been measured, except the
# newest one, which test_evaluation.py asserts on: its words stay unknown to the list).
DEVELOPMENT_SETS = (
    ROOT / "data" / "kb" / "queries.yml",
    ROOT / "data" / "kb" / "queries_2026_12.yml",
    ROOT / "data" / "kb" / "queries_small.yml",
    ROOT / "data" / "kb" / "followups_2026_12l.yml",
    *(ROOT / "tests" / "data" / f"kb_test_2026_12{letter}.yml" for letter in "bcdefghijkmno"),
)
CALENDAR = """lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril mai juin
    juillet aout septembre octobre novembre decembre fin semaine ferie feries noel paques
    monday tuesday wednesday thursday friday saturday sunday january february march april june
    july august september october november december weekend holiday holidays christmas easter"""
# Who the PAE covers, said the ways people say it (a family word is never a change of subject).
FAMILY = """famille conjoint conjointe mari femme epoux epouse blonde chum enfant enfants fils fille
    garcon ado adolescent adolescente bebe parent pere mere papa maman frere soeur grand-mere
    grand-pere belle-mere beau-pere belle-fille beau-fils demi-frere demi-soeur neveu niece cousin
    cousine oncle tante family spouse husband wife partner child children son daughter kid kids
    teenager baby parents father mother brother sister"""


def content_words(text: str) -> list[str]:
    return [word for word in tokenize(text) if len(word) >= MIN_LENGTH]


def article_words(texts: Iterable[str]) -> set[str]:
    return {word for text in texts for word in content_words(text)}


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class Vocabulary:
    """The known words, and the question words that are not (see the module docstring)."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(words)
        # One letter added, dropped or changed: the words' deletions meet the word's own.
        self._deleted: set[str] = set()
        for word in self.words:
            if len(word) >= TYPO_MIN_LENGTH - 1:
                self._deleted |= _deletions(word)

    def knows(self, word: str) -> bool:
        if word in self.words or any(char.isdigit() for char in word):
            return True
        if len(word) < TYPO_MIN_LENGTH:
            return False
        deleted = _deletions(word)
        return word in self._deleted or bool(deleted & self.words) or bool(deleted & self._deleted)

    def unknown(self, text: str) -> list[str]:
        """The words of `text` this vocabulary does not know; [] for an English question."""
        if is_english(text):
            return []
        text = redact(text)
        unknown = [word for word in content_words(text) if not self.knows(word)]
        if unknown:
            standard = standardize(text)
            if standard != text and all(self.knows(w) for w in content_words(standard)):
                return []
        return unknown


@lru_cache(maxsize=4)
def load_known_words(name: str) -> frozenset[str]:
    """The list `name` (a bare name is read from the knowledge_base folder). A list that is
    named but missing is an error: an empty one would make every question unknown."""
    path = Path(name) if Path(name).is_absolute() else PACKAGE_DIR / name
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def establishment_words() -> set[str]:
    establishments = load_registry().establishments
    return article_words(
        text for e in establishments for text in (e.name, e.region, *e.aliases)
    )


def question_words(paths: Iterable[Path]) -> set[str]:
    words: set[str] = set()
    for path in paths:
        entries = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("queries") or []
        for entry in entries:
            for key in ("text", "context", "previous"):
                if isinstance(entry.get(key), str):
                    words.update(content_words(entry[key]))
    return words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge_base.known_words", description=__doc__)
    parser.add_argument("--out", type=Path, default=PACKAGE_DIR / KNOWN_WORDS_FILE)
    args = parser.parse_args(argv)
    words = sorted(
        question_words(DEVELOPMENT_SETS) | establishment_words() | article_words([CALENDAR, FAMILY])
    )
    header = (
        "# Normalised words of the in-scope development questions, the establishments' names and\n"
        "# regions, the days and months, family (knowledge_base/known_words.py).\n"
        "# Written by `python -m knowledge_base.known_words`; not edited by hand.\n"
    )
    args.out.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(words)} words from {len(DEVELOPMENT_SETS)} sets")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
