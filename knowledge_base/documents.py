"""The knowledge base's value objects: articles, the passages that get embedded, search hits."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

TOPICS: tuple[str, ...] = (
    "pae",
    "bqvt",
    "ecoute",
    "crise",
    "gestionnaire",
    "sante_au_travail",
    "relations_de_travail",
    "medecins",
    "confidentialite",
)
AUDIENCES: tuple[str, ...] = ("employee", "manager", "all")


@dataclass(frozen=True)
class Section:
    """One H2 section of an article: the unit that search returns."""

    heading: str
    text: str


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    topic: str
    audience: str
    summary: str
    sources: tuple[str, ...]
    last_reviewed: date
    sections: tuple[Section, ...]
    path: Path
    establishment: str | None = None
    keywords: tuple[str, ...] = ()

    def passages(self) -> tuple[Passage, ...]:
        """One passage per H2 section; the first one also carries the summary and keywords."""
        return tuple(
            Passage.from_section(self, section, position)
            for position, section in enumerate(self.sections)
        )


@dataclass(frozen=True)
class Passage:
    article_id: str
    heading: str
    text: str
    embedded_text: str = field(repr=False)
    position: int = 0

    @classmethod
    def from_section(cls, article: Article, section: Section, position: int) -> Passage:
        parts = [article.title, section.heading]
        if position == 0:
            parts.append(article.summary)
        parts.append(section.text)
        if position == 0 and article.keywords:
            parts.append(", ".join(article.keywords))
        return cls(
            article_id=article.id,
            heading=section.heading,
            text=section.text,
            embedded_text="\n".join(part for part in parts if part),
            position=position,
        )


@dataclass(frozen=True)
class Hit:
    """The best passage of one article for a query.

    `score` is the ranking score (dense similarity, fused with the lexical signal and adjusted
    for the asker's audience); `similarity` is the raw cosine similarity of the passage.
    """

    article: Article
    passage: Passage
    score: float
    similarity: float = 0.0
