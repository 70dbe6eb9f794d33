"""Index save/load round trip, content hash and incremental builds (fast fake embedder)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from embeddings.models import HashingEmbedder
from knowledge_base.build import build
from knowledge_base.build import main as build_main
from knowledge_base.index import (
    MANIFEST_FILE,
    IndexLoadError,
    build_index,
    content_hash,
    load_index,
    save_index,
)
from knowledge_base.loader import ArticleError, load_articles
from knowledge_base.search import KnowledgeBase
from tests.knowledge_base.conftest import DATA, WriteArticle


def test_save_then_load_gives_the_same_index(small_kb_folder: Path, tmp_path: Path):
    articles = load_articles(small_kb_folder)
    index = build_index(articles, HashingEmbedder(), content_hash(small_kb_folder), threshold=0.3)
    save_index(index, tmp_path / "index")
    assert sorted(p.name for p in (tmp_path / "index").iterdir()) == [
        "index.faiss",
        "manifest.json",
        "passages.json",
    ]
    loaded = load_index(tmp_path / "index")
    assert loaded.manifest == index.manifest
    assert loaded.articles == index.articles  # dates, tuples, paths and sections survive
    assert loaded.passages == index.passages
    assert loaded.vectors.ntotal == len(index.passages) == 6
    original = index.vectors.reconstruct_n(0, index.vectors.ntotal)
    assert np.array_equal(loaded.vectors.reconstruct_n(0, loaded.vectors.ntotal), original)
    manifest = json.loads((tmp_path / "index" / MANIFEST_FILE).read_text(encoding="utf-8"))
    assert manifest["embedder"] == "hashing" and manifest["dimension"] == 256
    assert manifest["content_hash"] == content_hash(small_kb_folder)
    assert manifest["threshold"] == 0.3 and manifest["built_at"]


def test_a_loaded_knowledge_base_answers_like_the_built_one(small_kb_folder: Path, tmp_path):
    articles = load_articles(small_kb_folder)
    built = KnowledgeBase.from_articles(articles, HashingEmbedder())
    save_index(built.index, tmp_path / "index")
    loaded = KnowledgeBase.load(tmp_path / "index")  # embedder re-created from the manifest
    for query in ("programme gratuit", "violence conjugale"):
        assert [h.passage for h in loaded.search(query).hits] == [
            h.passage for h in built.search(query).hits
        ]


def test_loading_refuses_a_missing_index_or_another_embedder(small_kb_folder: Path, tmp_path):
    with pytest.raises(IndexLoadError, match="build the index first"):
        KnowledgeBase.load(tmp_path / "nowhere")
    index = build_index(load_articles(small_kb_folder), HashingEmbedder())
    save_index(index, tmp_path / "index")
    with pytest.raises(IndexLoadError, match="rebuild the index"):
        KnowledgeBase.load(tmp_path / "index", embedder=HashingEmbedder(dimension=64))


def test_content_hash_follows_the_article_files(small_kb_folder: Path):
    first = content_hash(small_kb_folder)
    assert content_hash(small_kb_folder) == first
    path = small_kb_folder / "pae" / "pae-gratuit.md"
    path.write_text(path.read_text(encoding="utf-8") + "Une phrase de plus.\n", encoding="utf-8")
    second = content_hash(small_kb_folder)
    assert second != first
    path.rename(small_kb_folder / "crise" / "pae-gratuit.md")
    assert content_hash(small_kb_folder) not in (first, second)


def test_build_rebuilds_only_when_something_changed(small_kb_folder: Path, tmp_path: Path):
    out = tmp_path / "index"
    calibration = {"queries": DATA / "queries_small.yml", "offtopic": DATA / "offtopic.yml"}
    first = build(small_kb_folder, out, "hashing", **calibration)
    assert first.rebuilt and first.manifest.threshold is not None
    assert "off_topic_rejected" in first.manifest.calibration
    assert not build(small_kb_folder, out, "hashing", **calibration).rebuilt
    assert build(small_kb_folder, out, "hashing", force=True, **calibration).rebuilt
    assert build(small_kb_folder, out, "hashing", threshold=0.5).manifest.threshold == 0.5
    assert not build(small_kb_folder, out, "hashing", threshold=0.5).rebuilt
    path = small_kb_folder / "crise" / "crise-violence-conjugale.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n## Texto\nAussi par texto.\n")
    changed = build(small_kb_folder, out, "hashing", threshold=0.5)
    assert changed.rebuilt and changed.manifest.passage_count == 7
    assert KnowledgeBase.load(out).search("texto").hits[0].passage.heading == "Texto"


def test_build_command_validates_and_reports(
    small_kb_folder: Path,
    write_article: WriteArticle,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
):
    args = [
        "--articles",
        str(small_kb_folder),
        "--out",
        str(tmp_path / "index"),
        "--embedder",
        "hashing",
        "--threshold",
        "0.4",
    ]
    assert build_main(args) == 0
    assert capsys.readouterr().out.startswith(f"built {tmp_path / 'index'}: 4 articles, 6 passages")
    assert build_main(args) == 0
    assert "is up to date (4 articles, hashing" in capsys.readouterr().out
    write_article("pae", "pae-cassee", audience="tous")
    assert build_main(args) == 1
    assert capsys.readouterr().out.strip() == (
        "pae/pae-cassee.md: audience: must be one of employee, manager, all"
    )
    with pytest.raises(ArticleError):
        build(small_kb_folder, tmp_path / "index", "hashing", threshold=0.4)
