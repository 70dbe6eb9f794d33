"""Build, save and load the passage index (FAISS inner product over unit vectors = cosine).

An index folder holds:
- index.faiss      one vector per passage, in passage order;
- passages.json    the articles (metadata and sections) and the passages;
- manifest.json    embedder name and dimension, content hash of the article files, build time,
                   the calibrated confidence threshold and the search settings.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np

from embeddings.models import Embedder
from knowledge_base.documents import Article, Passage, Section

INDEX_FILE = "index.faiss"
PASSAGES_FILE = "passages.json"
MANIFEST_FILE = "manifest.json"
FORMAT_VERSION = 1


class IndexLoadError(RuntimeError):
    """The index folder is missing, incomplete or inconsistent."""


@dataclass(frozen=True)
class Manifest:
    embedder: str
    dimension: int
    content_hash: str
    built_at: str
    threshold: float | None
    article_count: int
    passage_count: int
    search: dict[str, Any] = field(default_factory=dict)
    calibration: dict[str, Any] = field(default_factory=dict)
    format_version: int = FORMAT_VERSION

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Manifest:
        known = set(cls.__dataclass_fields__)
        return cls(**{key: value for key, value in data.items() if key in known})


@dataclass
class Index:
    articles: dict[str, Article]
    passages: list[Passage]
    vectors: Any  # faiss.IndexFlatIP
    manifest: Manifest
    redirects: dict[str, str] = field(default_factory=dict)  # merged article id -> kept id


def build_passages(articles: Iterable[Article]) -> list[Passage]:
    return [passage for article in articles for passage in article.passages()]


def build_index(
    articles: Sequence[Article],
    embedder: Embedder,
    content_hash: str = "",
    threshold: float | None = None,
    search: dict[str, Any] | None = None,
) -> Index:
    """Embed every passage of `articles` with `embedder` into a new in-memory index."""
    import faiss

    passages = build_passages(articles)
    vectors = embedder.embed_passages([passage.embedded_text for passage in passages])
    flat = faiss.IndexFlatIP(embedder.dimension)
    if len(passages):
        flat.add(np.ascontiguousarray(vectors, dtype=np.float32))
    manifest = Manifest(
        embedder=embedder.name,
        dimension=embedder.dimension,
        content_hash=content_hash,
        built_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        threshold=threshold,
        article_count=len(articles),
        passage_count=len(passages),
        search=dict(search or {}),
    )
    return Index({article.id: article for article in articles}, passages, flat, manifest)


def save_index(index: Index, folder: Path | str) -> None:
    import faiss

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    faiss.write_index(index.vectors, str(out / INDEX_FILE))
    records = {
        "articles": [_article_record(article) for article in index.articles.values()],
        "passages": [asdict(passage) for passage in index.passages],
        "redirects": index.redirects,
    }
    _write_json(out / PASSAGES_FILE, records)
    _write_json(out / MANIFEST_FILE, asdict(index.manifest))  # last: marks a complete index


def read_manifest(folder: Path | str) -> Manifest | None:
    """The manifest of an index folder, or None when there is no readable one."""
    path = Path(folder) / MANIFEST_FILE
    try:
        return Manifest.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def load_index(folder: Path | str) -> Index:
    import faiss

    root = Path(folder)
    manifest = read_manifest(root)
    if manifest is None:
        raise IndexLoadError(f"{root}: no readable {MANIFEST_FILE}; build the index first")
    try:
        records = json.loads((root / PASSAGES_FILE).read_text(encoding="utf-8"))
        vectors = faiss.read_index(str(root / INDEX_FILE))
    except (OSError, ValueError, RuntimeError) as error:
        raise IndexLoadError(f"{root}: cannot read the index: {error}") from error
    articles = [_article_from_record(record) for record in records["articles"]]
    passages = [Passage(**record) for record in records["passages"]]
    if vectors.ntotal != len(passages) or vectors.d != manifest.dimension:
        raise IndexLoadError(
            f"{root}: {vectors.ntotal} vectors of dimension {vectors.d} for "
            f"{len(passages)} passages of dimension {manifest.dimension}"
        )
    redirects = {str(k): str(v) for k, v in (records.get("redirects") or {}).items()}
    return Index(
        {article.id: article for article in articles}, passages, vectors, manifest, redirects
    )


def content_hash(folder: Path | str) -> str:
    """SHA-256 over the relative paths and bytes of every article file under `folder` (and of
    its redirects.yml)."""
    root = Path(folder)
    digest = hashlib.sha256()
    for path in sorted([*root.rglob("*.md"), *root.glob("redirects.yml")]):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def _article_record(article: Article) -> dict[str, Any]:
    record = asdict(article)
    record["last_reviewed"] = article.last_reviewed.isoformat()
    record["path"] = str(article.path)
    return record


def _article_from_record(record: dict[str, Any]) -> Article:
    return Article(
        **{
            **record,
            "sources": tuple(record["sources"]),
            "keywords": tuple(record["keywords"]),
            "last_reviewed": date.fromisoformat(record["last_reviewed"]),
            "path": Path(record["path"]),
            "sections": tuple(Section(**section) for section in record["sections"]),
        }
    )


def _write_json(path: Path, data: Any) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)
