"""Fixtures for the knowledge-base tests: small article folders written on the fly."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from embeddings.models import DEFAULT_EMBEDDER
from knowledge_base.build import build, default_queries_file
from knowledge_base.search import KnowledgeBase

REPO = Path(__file__).resolve().parents[2]
ARTICLES = REPO / "knowledge_base" / "articles"
SEEDS = REPO.parent / "shared" / "seeds"
DATA = REPO / "data" / "kb"
BUILT_INDEX = REPO / "var" / "index"

FRONT_MATTER = {
    "title": '"Un titre"',
    "audience": "all",
    "summary": '"Un résumé qui répond seul à la question."',
    "sources": "[https://suicide.ca]",
    "last_reviewed": "2026-01-15",
}

WriteArticle = Callable[..., Path]


def article_text(article_id: str, folder: str, body: str, **fields: str | None) -> str:
    """A Markdown article (topic = folder unless given); a field set to None is left out."""
    values = {"id": article_id, "topic": folder, **FRONT_MATTER, **fields}
    lines = [f"{key}: {value}" for key, value in values.items() if value is not None]
    return "---\n" + "\n".join(lines) + "\n---\n" + body


@pytest.fixture
def write_article(tmp_path: Path) -> WriteArticle:
    """write_article(folder, id, body, **front_matter) -> path, under tmp_path/articles."""

    def write(
        folder: str,
        article_id: str,
        body: str = "## Une section\nDu texte.\n",
        file_name: str | None = None,
        **fields: str | None,
    ) -> Path:
        path = tmp_path / "articles" / folder / f"{file_name or article_id}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article_text(article_id, folder, body, **fields), encoding="utf-8")
        return path

    return write


@pytest.fixture
def small_kb_folder(write_article: WriteArticle, tmp_path: Path) -> Path:
    """Four short articles with distinct vocabularies, one of them for managers."""
    write_article(
        "pae",
        "pae-gratuit",
        "## Gratuit\nLe programme d'aide aux employés est gratuit et payé par l'employeur.\n\n"
        "## Confidentiel\nVotre gestionnaire ne sait pas que vous consultez le programme.\n\n"
        "## Gratuit aussi pour la famille\nLe programme gratuit couvre parfois la famille.\n",
        title='"Le PAE est-il gratuit?"',
    )
    write_article(
        "pae",
        "pae-orienter-un-employe",
        "## Orienter un employé vers le programme d'aide\n"
        "Comment orienter un employé vers le programme d'aide aux employés avec tact.\n",
        title='"Orienter un employé vers le PAE"',
        audience="manager",
    )
    write_article(
        "pae",
        "pae-joindre",
        "## Orienter un employé vers le programme d'aide\n"
        "Comment un employé peut joindre le programme d'aide aux employés.\n",
        title='"Joindre le PAE"',
        audience="employee",
    )
    write_article(
        "crise",
        "crise-violence-conjugale",
        "## SOS violence conjugale\nAppelez SOS violence conjugale au 1 800 363-9010, "
        "jour et nuit.\n",
        title='"Violence conjugale"',
    )
    return tmp_path / "articles"


@pytest.fixture(scope="session")
def real_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    """The shipped articles indexed with the shipped embedder and settings, like `make index`:
    built once per session into a temporary folder, then loaded from disk. When var/index (built
    by `make index` before the tests) is up to date, build() finds its copy so and keeps it; on
    any difference (articles, embedder, settings, calibration queries) it rebuilds."""
    out = tmp_path_factory.mktemp("kb") / "index"
    if (BUILT_INDEX / "manifest.json").exists():
        shutil.copytree(BUILT_INDEX, out)
    build(
        ARTICLES,
        out,
        DEFAULT_EMBEDDER,
        queries=default_queries_file(),
        offtopic=DATA / "offtopic.yml",
    )
    return KnowledgeBase.load(out)
