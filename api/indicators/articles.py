"""The knowledge base's article ids, titles and topics, read once from the front matter, so the
feedback endpoint can refuse unknown articles and the page can show titles."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from knowledge_base.loader import parse_article


@dataclass(frozen=True)
class ArticleInfo:
    id: str
    title: str
    topic: str


def load_article_catalog(folder: Path) -> dict[str, ArticleInfo]:
    catalog: dict[str, ArticleInfo] = {}
    for path in sorted(folder.glob("*/*.md")):
        front, _, _ = parse_article(path.read_text(encoding="utf-8"))
        article_id = str(front.get("id") or path.stem)
        catalog[article_id] = ArticleInfo(
            article_id,
            str(front.get("title") or article_id),
            str(front.get("topic") or path.parent.name),
        )
    return catalog
