"""A follow-up that changes the subject ("ok mais mon talon de paie?" after a PAE answer) uses a
word neither the articles nor the staff's in-scope questions use: it is neither confident nor
likely, while a follow-up in known words keeps its answer; a question on its own with such a word
keeps its confidence but is never sent a likely answer (knowledge_base/known_words.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge_base.conversation import ask
from knowledge_base.known_words import DEVELOPMENT_SETS, KNOWN_WORDS_FILE, main
from knowledge_base.search import KnowledgeBase

pytestmark = pytest.mark.slow
PACKAGE = Path(__file__).resolve().parents[2] / "knowledge_base"
CONTEXT = "pae-c-est-quoi"
CHANGED_SUBJECT = "ok mais mon talon de paie?"


def test_a_follow_up_changing_the_subject_is_not_answered(real_kb: KnowledgeBase) -> None:
    assert real_kb.off_the_known_words(CHANGED_SUBJECT)
    guarded = ask(real_kb, CHANGED_SUBJECT, context_id=CONTEXT)
    assert guarded.followup_of is not None
    assert not guarded.result.confident and not guarded.result.likely
    # Without the list, the PAE's title lifts it to a confident PAE answer: the list decides.
    unguarded = ask(real_kb.with_settings(known_words=None), CHANGED_SUBJECT, context_id=CONTEXT)
    assert unguarded.result.confident or unguarded.result.likely


def test_a_follow_up_in_known_words_keeps_its_answer(real_kb: KnowledgeBase) -> None:
    turn = ask(real_kb, "pis pour ma blonde?", context_id=CONTEXT)
    assert not real_kb.off_the_known_words("pis pour ma blonde?")
    assert turn.result.confident and turn.result.hits[0].article.id == "pae-famille-conjoint"


def test_a_question_on_its_own_keeps_its_ranking_and_confidence(real_kb: KnowledgeBase) -> None:
    question = "est-ce que le PAE paie les lunettes de mon talon?"
    assert real_kb.off_the_known_words(question)
    guarded = ask(real_kb, question).result
    unguarded = ask(real_kb.with_settings(known_words=None), question).result
    assert guarded.hits == unguarded.hits and guarded.confident == unguarded.confident


def test_a_follow_up_confident_on_its_own_words_stays_confident(real_kb: KnowledgeBase) -> None:
    question = "Pour le PAE, ma fille peut-elle appeler de Tombouctou?"
    assert real_kb.off_the_known_words(question)
    turn = ask(real_kb, question, context_id=CONTEXT)
    assert turn.followup_of is not None and turn.result.confident


@pytest.mark.parametrize(
    "question",
    [
        "and what about my daughter?",  # English: the list is French
        "c'est combien de sceances?",  # one letter off
        "le PAE est-tu ouvert le samedi en juillet 2027?",  # days, months, digits
        "Ma collègue Josée Tremblay peut appeler au 514 555-0199?",  # redacted name and number
        "pis pour ma belle-mère pis mon garçon?",  # family
        "y a-tu un PAE au CISSS de Lanaudière?",  # establishments and regions
    ],
)
def test_words_a_person_uses_for_an_in_scope_question_are_known(
    real_kb: KnowledgeBase, question: str
) -> None:
    assert not real_kb.off_the_known_words(question)


def test_the_list_is_what_the_development_sets_give(tmp_path: Path) -> None:
    assert all(path.exists() for path in DEVELOPMENT_SETS)
    written = tmp_path / "words.txt"
    main(["--out", str(written)])
    assert written.read_text(encoding="utf-8") == (PACKAGE / KNOWN_WORDS_FILE).read_text(encoding="utf-8")
