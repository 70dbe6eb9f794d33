"""Article parsing and validation: every problem is reported with its file and field."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from directory.phones import malformed_phone_numbers
from knowledge_base.check import main as check_main
from knowledge_base.loader import ArticleError, load_articles
from tests.knowledge_base.conftest import ARTICLES, SEEDS, WriteArticle

TODAY = date(2026, 11, 23)


def problems(folder: Path, seeds: Path | None = None) -> list[str]:
    with pytest.raises(ArticleError) as caught:
        load_articles(folder, seeds=seeds, today=TODAY)
    return [str(problem) for problem in caught.value.problems]


def test_a_good_article_is_parsed_into_sections(write_article: WriteArticle, tmp_path: Path):
    write_article(
        "crise",
        "crise-988",
        "## Le 9-8-8\nTexte ou appel, en tout temps.\n\n### Détail\nSuite.\n\n"
        "## Au Québec\nLe 1 866 277-3553 répond aussi.\n",
        keywords="[988, 9-8-8, suicide]",
        establishment="ciusss-x",
        sources="[ampq-memoire-smet-pae-bqvt.txt, https://988.ca]",
    )
    [article] = load_articles(tmp_path / "articles", seeds=SEEDS, today=TODAY)
    assert article.id == "crise-988"
    assert article.topic == "crise"
    assert article.last_reviewed == date(2026, 1, 15)
    assert article.keywords == ("988", "9-8-8", "suicide")
    assert article.establishment == "ciusss-x"
    assert [s.heading for s in article.sections] == ["Le 9-8-8", "Au Québec"]
    assert "### Détail" in article.sections[0].text
    first, second = article.passages()
    assert article.title in first.embedded_text and article.summary in first.embedded_text
    assert article.summary not in second.embedded_text
    assert second.embedded_text.startswith(f"{article.title}\nAu Québec\n")


BAD_ARTICLES = [
    # (file name, front matter changes or body, expected "<field>: <message part>")
    ({"title": None}, "title: required"),
    ({"summary": '"  "'}, "summary: required"),
    ({"file_name": "autre-nom"}, "id: must equal the file name 'autre-nom'"),
    ({"article_id": "Pae_Gratuit", "file_name": "Pae_Gratuit"}, "id: must be kebab-case"),
    ({"topic": "sports"}, "topic: 'sports' is not one of"),
    ({"topic": "crise"}, "topic: 'crise' differs from the folder 'pae'"),
    ({"audience": "everyone"}, "audience: must be one of employee, manager, all"),
    ({"last_reviewed": "2026-02-30"}, "last_reviewed: '2026-02-30' is not a date"),
    ({"last_reviewed": "2027-01-01"}, "last_reviewed: 2027-01-01 is in the future"),
    ({"sources": "[]"}, "sources: required"),
    ({"sources": "[http://exemple.ca/page]"}, "sources: 'http://exemple.ca/page' must be an https"),
    ({"sources": "[inconnu.txt]"}, "sources: 'inconnu.txt' is neither an https URL nor a file"),
    ({"summary": '"' + "x" * 401 + '"'}, "summary: 401 characters, at most 400"),
    ({"body": "Pas de section.\n"}, "body: needs at least one '## ' section"),
    ({"body": "Intro.\n\n## Section\nTexte.\n"}, "body: text before the first '## ' section"),
    ({"body": "## Vide\n\n## Pleine\nTexte.\n"}, "body: section 'Vide' is empty"),
    (
        {"body": "## Appeler\nComposez le 514-397-0888.\n"},
        "body: malformed phone number '514-397-0888'",
    ),
    ({"summary": '"Au (514) 397-0888."'}, "summary: malformed phone number '(514) 397-0888'"),
    ({"keywords": "pae"}, "keywords: must be a list of non-empty texts"),
    ({"categorie": "pae"}, "categorie: unknown key"),
]


@pytest.mark.parametrize(("changes", "expected"), BAD_ARTICLES, ids=[e for _, e in BAD_ARTICLES])
def test_each_problem_names_the_file_and_the_field(
    write_article: WriteArticle, tmp_path: Path, changes: dict[str, str | None], expected: str
):
    changes = dict(changes)
    article_id = changes.pop("article_id", None) or "pae-gratuit"
    kwargs = {"body": changes.pop("body")} if "body" in changes else {}
    path = write_article("pae", article_id, **kwargs, **changes)
    found = problems(tmp_path / "articles", seeds=SEEDS)
    assert any(p.startswith(f"pae/{path.name}: {expected}") for p in found), found


def test_all_problems_of_all_files_are_reported_together(write_article: WriteArticle, tmp_path):
    write_article("pae", "pae-a", audience="everyone", last_reviewed="hier")
    write_article("pae", "pae-b", sources="[http://exemple.ca]")
    write_article("crise", "crise-c")
    assert problems(tmp_path / "articles") == [
        "pae/pae-a.md: audience: must be one of employee, manager, all",
        "pae/pae-a.md: last_reviewed: 'hier' is not a date (YYYY-MM-DD)",
        "pae/pae-b.md: sources: 'http://exemple.ca' must be an https:// URL",
    ]


def test_duplicate_ids_across_folders_are_reported(write_article: WriteArticle, tmp_path: Path):
    write_article("pae", "meme-id")
    write_article("crise", "meme-id")
    write_article("pae", "autre-id", audience="everyone")
    write_article("crise", "autre-id")
    assert problems(tmp_path / "articles") == [
        "pae/autre-id.md: audience: must be one of employee, manager, all",
        "pae/autre-id.md: id: 'autre-id' is also used by crise/autre-id.md",
        "pae/meme-id.md: id: 'meme-id' is also used by crise/meme-id.md",
    ]


def test_broken_front_matter_is_reported(tmp_path: Path):
    path = tmp_path / "articles" / "pae" / "pae-x.md"
    path.parent.mkdir(parents=True)
    path.write_text("---\nid: [pae-x\n---\n## S\nT\n", encoding="utf-8")
    [problem] = problems(tmp_path / "articles")
    assert problem.startswith("pae/pae-x.md: front matter: ")
    path.write_text("## S\nPas d'en-tête.\n", encoding="utf-8")
    assert problems(tmp_path / "articles") == [
        "pae/pae-x.md: front matter: the file must start with a '---' front matter block"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Appelez le 1 866 277-3553 (1 866 APPELLE) ou le 514 397-0888.",
        "SOS violence conjugale : 1 800 363-9010, 24/7.",
        "Le 811 option 2, le 911, le 9-8-8 ou le texto 535353.",
        "Entre 2024-2029 et le 2026-11-23, 1 200 000 $ ou 5,0 M$; article 28.1.2.",
        "Voir https://exemple.ca/514-397-0888/2024 ou (1 866 277-3553).",
        "Au 1\u00a0866\u00a0277-3553 (espaces insécables).",
    ],
)
def test_well_formed_numbers_and_other_figures_pass(text: str):
    assert malformed_phone_numbers(text) == []


@pytest.mark.parametrize(
    "number",
    [
        "514-397-0888",
        "(514) 397-0888",
        "514.397.0888",
        "1-866-277-3553",
        "1 866 277-355",
        "1 866 2773553",
        "5143970888",
        "+1 514 397 0888",
        "514 397 0888",
        "397-0888",
        "514 397\u20130888",
    ],
)
def test_malformed_phone_numbers_are_flagged(number: str):
    assert malformed_phone_numbers(f"Appelez le {number} aujourd'hui.") == [number]


def test_check_command_prints_ok_or_every_problem(
    write_article: WriteArticle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    write_article("pae", "pae-a")
    write_article("crise", "crise-b")
    (tmp_path / "guides").mkdir()
    args = ["--articles", str(tmp_path / "articles"), "--guides", str(tmp_path / "guides")]
    assert check_main(args) == 0
    assert capsys.readouterr().out.splitlines()[:2] == ["2 articles OK", "0 guided path(s) OK"]
    write_article("crise", "crise-c", audience="tous", body="## S\nLe 514-397-0888.\n")
    assert check_main(args) == 1
    assert capsys.readouterr().out.splitlines()[-2:] == [
        "crise/crise-c.md: audience: must be one of employee, manager, all",
        "crise/crise-c.md: body: malformed phone number '514-397-0888' (write '514 555-0100' or '1 8xx xxx-xxxx')",
    ]


def test_the_shipped_articles_are_valid():
    seeds = SEEDS if SEEDS.is_dir() else None
    try:
        articles = load_articles(ARTICLES, seeds=seeds)
    except ArticleError as error:
        pytest.fail(f"invalid articles:\n{error}")
    assert len(articles) >= 30
