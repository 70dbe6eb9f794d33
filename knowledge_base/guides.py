"""Guided paths: a few short steps, each tied to the article it comes from (knowledge_base/guides/).

`load_guide` returns a `Guide` whose steps carry their `Article` (for the source and its review
date), or raises `GuideError` listing every problem, as "<file>: <field>: <message>".
Pure Python: paths and articles are arguments.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from knowledge_base.documents import Article

GUIDES_DIR = Path(__file__).resolve().parent / "guides"
MAX_STEP_CHARS = 240


@dataclass(frozen=True)
class GuideStep:
    title: str
    text: str
    article: Article


@dataclass(frozen=True)
class Guide:
    intro: str
    steps: tuple[GuideStep, ...]
    closing: str

    @property
    def articles(self) -> list[Article]:
        """The steps' articles, each once, in order of first use."""
        return list({step.article.id: step.article for step in self.steps}.values())


class GuideError(ValueError):
    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


def load_guide(path: Path, articles: Iterable[Article]) -> Guide:
    by_id = {article.id: article for article in articles}
    problems: list[str] = []
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise GuideError([f"{path.name}: file: {error}"]) from error
    if not isinstance(raw, dict):
        raise GuideError([f"{path.name}: file: expected a mapping with intro, steps, closing"])
    steps = [
        _step(path.name, n, entry, by_id, problems)
        for n, entry in enumerate(raw.get("steps") or [])
    ]
    if not steps:
        problems.append(f"{path.name}: steps: expected at least one step")
    for key in ("intro", "closing"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            problems.append(f"{path.name}: {key}: expected a sentence")
    if problems:
        raise GuideError(problems)
    return Guide(raw["intro"].strip(), tuple(s for s in steps if s), raw["closing"].strip())


def load_guides(folder: Path, articles: Iterable[Article]) -> dict[str, Guide]:
    """Every guide of `folder`, by file stem; GuideError lists the problems of all of them."""
    articles, guides, problems = list(articles), {}, []
    for path in sorted(folder.glob("*.yml")):
        try:
            guides[path.stem] = load_guide(path, articles)
        except GuideError as error:
            problems += error.problems
    if problems:
        raise GuideError(problems)
    return guides


def _step(
    file: str, position: int, entry: Any, articles: dict[str, Article], problems: list[str]
) -> GuideStep | None:
    where = f"{file}: steps[{position + 1}]"
    if not isinstance(entry, dict):
        problems.append(f"{where}: expected title, text and article")
        return None
    title, text, article_id = (
        str(entry.get(k) or "").strip() for k in ("title", "text", "article")
    )
    found = len(problems)
    if not title or not text:
        problems.append(f"{where}: title and text are required")
    if len(text) > MAX_STEP_CHARS:
        problems.append(f"{where}: text: {len(text)} characters, keep it under {MAX_STEP_CHARS}")
    if article_id not in articles:
        problems.append(f"{where}: article: no article with id {article_id!r}")
    return None if len(problems) > found else GuideStep(title, text, articles[article_id])
