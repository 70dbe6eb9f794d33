"""Guided paths: every step is short and tied to a real article."""

from __future__ import annotations

import pytest

from knowledge_base.guides import GUIDES_DIR, GuideError, load_guide, load_guides
from knowledge_base.loader import load_articles

ARTICLES = GUIDES_DIR.parent / "articles"


@pytest.fixture(scope="module")
def articles():
    return load_articles(ARTICLES)


def test_the_manager_path_covers_the_pae_confidentiality_the_bqvt_and_follow_up(articles):
    guide = load_guides(GUIDES_DIR, articles)["gestionnaire"]
    titles = " ".join(step.title.lower() for step in guide.steps)
    for theme in ("pae", "confidentialité", "demander", "bqvt", "suivi"):
        assert theme in titles
    assert {a.id for a in guide.articles} >= {"gestionnaire-suggerer-le-pae", "bqvt-soutien-apres-crise"}
    assert len(guide.articles) == len({a.id for a in guide.articles})


def test_an_unknown_article_or_a_long_step_is_reported(tmp_path, articles):
    path = tmp_path / "guide.yml"
    path.write_text(
        "intro: Bonjour.\nclosing: Merci.\nsteps:\n"
        "  - {title: Un, text: Court., article: pas-un-article}\n"
        f"  - {{title: Deux, text: {'x' * 300}, article: pae-c-est-quoi}}\n",
        encoding="utf-8",
    )
    with pytest.raises(GuideError) as caught:
        load_guide(path, articles)
    problems = "\n".join(caught.value.problems)
    assert "steps[1]: article: no article with id 'pas-un-article'" in problems
    assert "steps[2]: text: 300 characters" in problems
