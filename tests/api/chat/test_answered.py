"""The gateway's memory of the article each conversation was last answered with
(api/chat/answered.py): article ids only, an hour after the last answer at most, bounded."""

from __future__ import annotations

from api.chat.answered import AnsweredArticles


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_an_article_is_forgotten_an_hour_after_its_answer_even_if_never_asked_again() -> None:
    clock = Clock()
    answered = AnsweredArticles(ttl_seconds=3600, clock=clock)
    answered.answered("a", "pae-c-est-quoi")
    clock.now = 1800
    answered.answered("b", "bqvt-joindre")
    assert answered.get("a") == "pae-c-est-quoi" and len(answered) == 2
    clock.now = 3601
    # Another conversation's message sweeps "a" out: nobody asks for it again.
    assert answered.get("b") == "bqvt-joindre" and len(answered) == 1
    answered.answered("b", "pae-joindre")  # a new answer restarts its hour
    clock.now = 1800 + 3601
    assert answered.get("b") == "pae-joindre"
    clock.now = 3601 + 3601
    assert answered.get(None) is None and len(answered) == 0


def test_the_memory_is_bounded_and_erasure_forgets_at_once() -> None:
    answered = AnsweredArticles(limit=2)
    for conversation in ("a", "b", "c"):
        answered.answered(conversation, f"article-{conversation}")
    assert answered.get("a") is None and len(answered) == 2  # the least recently answered went
    answered.forget("b")
    assert answered.get("b") is None and answered.get("c") == "article-c"
