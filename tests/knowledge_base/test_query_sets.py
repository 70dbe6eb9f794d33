"""Query-set format (also, fact), the newest test set, merged-article redirects and fact present."""

from __future__ import annotations

from pathlib import Path

import pytest

from embeddings.models import HashingEmbedder
from knowledge_base.answers import contains_fact
from knowledge_base.calibration import Metrics, load_queries, run_queries
from knowledge_base.evaluate import newest_test_set
from knowledge_base.loader import load_articles
from knowledge_base.redirects import RedirectError, load_redirects
from knowledge_base.search import KnowledgeBase, SearchSettings


def test_the_newest_test_set_is_read(tmp_path: Path):
    assert newest_test_set(tmp_path) is None
    for name in ("kb_test_2026_12.yml", "kb_test_2026_12b.yml", "kb_dev.yml"):
        (tmp_path / name).write_text("queries: []\n", encoding="utf-8")
    assert newest_test_set(tmp_path) == tmp_path / "kb_test_2026_12b.yml"


def test_facts_ignore_case_accents_apostrophes_and_spacing():
    text = "Le PAE est gratuit.  Appelez le 811 option 2, c’est ouvert 24/7 — même la nuit."
    assert contains_fact(text, "GRATUIT")
    assert contains_fact(text, "c'est ouvert 24/7")
    assert contains_fact(text, "meme la  nuit")
    assert not contains_fact(text, "payant")
    assert not contains_fact(text, "  ")


def test_redirects_follow_chains_and_are_checked(tmp_path: Path):
    path = tmp_path / "redirects.yml"
    assert load_redirects(path) == {}
    path.write_text("redirects:\n  a: b\n  b: c\n", encoding="utf-8")
    assert load_redirects(path, ["c"]) == {"a": "c", "b": "c"}
    with pytest.raises(RedirectError, match="no article"):
        load_redirects(path, ["b"])
    with pytest.raises(RedirectError, match="still an article"):
        load_redirects(path, ["a", "c"])
    path.write_text("redirects:\n  a: b\n  b: a\n", encoding="utf-8")
    with pytest.raises(RedirectError, match="loop"):
        load_redirects(path)


def test_also_fact_and_redirected_ids_are_scored(small_kb_folder: Path, tmp_path: Path):
    kb = KnowledgeBase.from_articles(
        load_articles(small_kb_folder),
        HashingEmbedder(),
        SearchSettings(threshold=-1.0, lexical_weight=0.0),
        redirects={"pae-ancien-gratuit": "pae-gratuit"},
    )
    assert kb.article("pae-ancien-gratuit") is kb.article("pae-gratuit")
    queries = tmp_path / "q.yml"
    queries.write_text(
        "queries:\n"
        '  - {text: "le programme est gratuit pour la famille", expected: pae-ancien-gratuit,'
        " fact: \"GRATUIT\"}\n"
        '  - {text: "le programme est gratuit pour la famille", expected: crise-violence-conjugale,'
        " also: [pae-gratuit], fact: \"1 800 363-9010\"}\n"
        '  - {text: "le programme est gratuit pour la famille", expected: crise-violence-conjugale}\n',
        encoding="utf-8",
    )
    loaded = load_queries(queries)
    assert loaded[1].also == ("pae-gratuit",) and loaded[1].fact == "1 800 363-9010"
    outcomes = run_queries(kb, loaded)
    assert [o.rank for o in outcomes[:2]] == [1, 1]
    assert outcomes[2].rank != 1 and not outcomes[2].topic_right
    assert [o.fact_present for o in outcomes] == [True, False, None]
    metrics = Metrics.of(outcomes)
    assert metrics.fact_count == 2 and metrics.fact_present == 0.5
    unsure = run_queries(kb.with_settings(threshold=2.0), loaded[:1])[0]
    assert unsure.fact_in_top and not unsure.fact_present  # "pas certain" carries no fact


def test_joual_and_sms_questions_are_read_in_standard_french():
    from knowledge_base.normalize import standardize

    assert standardize("chu tannée, j'ai-tu droit au pae pis c'est-tu gratis?") == (
        "je suis épuisée, j'ai droit au pae et c'est gratuit?"
    )
    assert standardize("ma chum de travail file pas") == "ma collègue ne va pas bien"
    assert standardize("Le PAE est-il gratuit?") == "Le PAE est-il gratuit?"  # nothing to do
    assert standardize("mon boss va-tu le savoir") == "mon gestionnaire va le savoir"
    assert standardize("j'pète ma coche sur mes kids après mon shift") == (
        "je perds patience sur mes enfants après mon quart de travail"
    )
    assert standardize("l'union peut-tu m'aider avec les RH?") == (
        "le syndicat peut m'aider avec les ressources humaines?"
    )


def test_an_english_question_is_not_read_as_french_anglicisms():
    from knowledge_base.normalize import is_english, standardize

    assert standardize("Tips for night shift fatigue with my kids") == (
        "Tips for night shift fatigue with my kids"
    )
    assert is_english("Is the EAP free for my staff?")
    assert not is_english("le PAE, c'est-tu gratis pour mon staff?")


def test_a_trimmed_section_keeps_the_sentence_with_the_key_fact():
    from knowledge_base.answers import trim

    first = "Le programme vous accompagne dans une période difficile de votre vie. "
    filler = "Vous pouvez en parler avec une personne de confiance au travail. " * 6
    text = first + filler + "Il est gratuit, au 811 option 2. Merci."
    trimmed = trim(text, 200)
    assert len(trimmed) <= 200
    assert trimmed.startswith("Le programme") and "811 option 2" in trimmed
    assert trim("mot " * 200, 40).endswith("…")


def test_a_manager_section_of_an_article_for_everyone_is_shifted_like_a_manager_article(
    write_article,
):
    from knowledge_base.search import is_manager_section

    assert is_manager_section("Gestionnaire : répartir le TSO")
    assert not is_manager_section("Vos droits")
    folder = write_article(
        "sante_au_travail",
        "tso",
        "## Vos heures de TSO\nNotez vos heures de temps supplémentaire.\n\n"
        "## Gestionnaire : répartir le TSO\nRépartissez le temps supplémentaire dans l'équipe.\n\n"
        "## Les pauses\nPrenez vos pauses et vos repas à l'heure prévue.\n\n"
        "## Le sommeil\nDormez dans une chambre sombre et fraîche.\n",
    ).parent.parent
    kb = KnowledgeBase.from_articles(
        load_articles(folder), HashingEmbedder(), SearchSettings(threshold=0.0, lexical_weight=0.0)
    )
    query = "le temps supplémentaire"
    assert kb.search(query, audience="manager").hits[0].passage.heading.startswith("Gestionnaire")
    assert kb.search(query, audience="employee").hits[0].passage.heading == "Vos heures de TSO"


def test_the_off_topic_confirmation_set_is_off_topic_and_kept_out_of_the_calibration():
    """The build calibrates on offtopic.yml alone; offtopic_2026_12.yml only measures (make eval):
    merging them would move the threshold without anyone deciding it."""
    import inspect

    from knowledge_base import build
    from knowledge_base.evaluate import OFFTOPIC_CONFIRM

    confirm = load_queries(OFFTOPIC_CONFIRM)
    calibrated = load_queries(build.DEV_DATA / "offtopic.yml")
    assert len(confirm) >= 100
    assert all(q.expected is None and not q.also and q.fact is None for q in confirm)
    assert not {q.text for q in confirm} & {q.text for q in calibrated}
    assert "offtopic_2026_12" not in inspect.getsource(build)
