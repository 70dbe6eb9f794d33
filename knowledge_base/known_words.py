"""The words a question about this knowledge base is made of, to tell a follow-up that changes
the subject: `python -m knowledge_base.known_words` rewrites the list.

A follow-up is read in the context of the last answer ("pis c'est gratuit?" after a PAE answer).
"et la cafétéria ferme à quelle heure?" is read there too, and its context's title lifts it
close to the PAE's passages: it was answered with a PAE article. What gives it away is a word
that neither the articles nor the staff's in-scope questions ever use ("talon de paie",
"hockey"). A follow-up with such a word is neither confident nor said to be likely, and no
question with one is sent a likely answer (knowledge_base/search.py, `known_words`): the bot
offers articles and says it is not sure. A question on its own can still be confident.

Known words: the normalised words (knowledge_base.lexical.tokenize, three letters or more) of
the articles' passages and titles, read when the index loads (an article added by the BQVT lead
brings its own words), plus KNOWN_WORDS_FILE: the words of the development question sets
(DEVELOPMENT_SETS: in-scope questions and their contexts, never an off-topic set), written here.

Measured 2026-12-05 on the development follow-ups (453 in-scope read as follow-ups, 117
off-topic follow-ups of kb 12j and 12k), each set's in-scope words left out of the list when its
own follow-ups are read: with the guard and the spelled-out rule loosened (margin 0.04 -> 0.02,
title slack 0.02), in-scope follow-ups confident 310 -> 383 (topic right 300 -> 366), off-topic
follow-ups answered (confident or likely) 28 -> 10 of 117. The likely band of every question
then widened 0.02 -> 0.05 (figures in knowledge_base/search.py).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import yaml

from knowledge_base.lexical import tokenize

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parent
KNOWN_WORDS_FILE = "question_words.txt"
MIN_LENGTH = 3  # shorter words ("et", "pi", "ok") say nothing about the subject
# In-scope development sets only (each held-out set joins once it has been measured).
DEVELOPMENT_SETS = (
    ROOT / "data" / "kb" / "queries.yml",
    ROOT / "data" / "kb" / "queries_2026_12.yml",
    ROOT / "data" / "kb" / "queries_small.yml",
    *(ROOT / "tests" / "data" / f"kb_test_2026_12{letter}.yml" for letter in "bcdefghijk"),
)


def content_words(text: str) -> list[str]:
    return [word for word in tokenize(text) if len(word) >= MIN_LENGTH]


def article_words(texts: Iterable[str]) -> set[str]:
    return {word for text in texts for word in content_words(text)}


@lru_cache(maxsize=4)
def load_known_words(name: str) -> frozenset[str]:
    """The list `name` (a bare name is read from the knowledge_base folder); empty if missing."""
    path = Path(name) if Path(name).is_absolute() else PACKAGE_DIR / name
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


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
    words = sorted(question_words(DEVELOPMENT_SETS))
    header = (
        "# Normalised words of the in-scope development questions (knowledge_base/known_words.py).\n"
        "# Written by `python -m knowledge_base.known_words`; not edited by hand.\n"
    )
    args.out.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(words)} words from {len(DEVELOPMENT_SETS)} sets")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
