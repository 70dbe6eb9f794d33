"""Unanswered questions for the content editor: off by default; when an establishment turns them
on, only redacted "pas certain" and "hors sujet" questions are kept, never one with crisis or
distress signals, never with a conversation id; purged after the retention period."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import inspect

from indicators.models import UnansweredQuestion
from tests.api.indicators.gateway import ESTABLISHMENT, OTHER, gateway, recorder, say


def _stored(client) -> list[UnansweredQuestion]:  # type: ignore[no-untyped-def]
    recorder(client).flush()
    store = recorder(client).store
    weeks = [recorder(client).clock().strftime("%G-W%V")]
    clusters = store.clusters([ESTABLISHMENT, OTHER], weeks, examples=50)
    return clusters  # type: ignore[return-value]


def test_off_by_default_nothing_is_kept(tmp_path: Path) -> None:
    with gateway(tmp_path) as client:
        for _ in range(6):
            say(client, "incertain : comment changer mon horaire?", establishment=ESTABLISHMENT)
            say(client, "horssujet : quelle météo demain?", establishment=ESTABLISHMENT)
        assert _stored(client) == []
        assert recorder(client).store.question_count() == 0


def test_on_for_one_establishment_keeps_redacted_questions_grouped_by_nearest_article(
    tmp_path: Path,
) -> None:
    with gateway(tmp_path, unanswered_establishments=ESTABLISHMENT) as client:
        conversation = say(
            client, "incertain : Marie Tremblay au 514 555-0199 demande si le PAE couvre les couples",
            establishment=ESTABLISHMENT,
        )["conversation_id"]  # fmt: skip
        say(client, "horssujet : quelle météo demain?", establishment=ESTABLISHMENT)
        say(client, "confiant : le PAE?", establishment=ESTABLISHMENT)  # answered: not kept
        say(client, "incertain : une question d'ailleurs", establishment=OTHER)  # not turned on
        clusters = {c.article_id: c for c in _stored(client)}
        assert set(clusters) == {"pae-c-est-quoi", "-"}
        kept = clusters["pae-c-est-quoi"].examples[0]
        assert "514 555-0199" not in kept and "couples" in kept
        assert clusters["-"].examples == ["horssujet : quelle météo demain?"]
        engine = recorder(client).store._engine  # type: ignore[union-attr]
        columns = {c["name"] for c in inspect(engine).get_columns("unanswered_questions")}
        assert columns == {
            "id",
            "week",
            "establishment_id",
            "article_id",
            "outcome",
            "text",
            "purge_after",
        }
        assert all(conversation not in text for c in clusters.values() for text in c.examples)


def test_never_a_crisis_or_distress_message(tmp_path: Path) -> None:
    with gateway(tmp_path, unanswered_establishments=ESTABLISHMENT) as client:
        crisis = say(
            client,
            "incertain : je veux mourir, j'ai tout prévu pour ce soir",
            establishment=ESTABLISHMENT,
        )
        assert crisis["crisis"] is True
        say(
            client,
            "incertain : je suis à bout, je pleure tous les soirs",
            establishment=ESTABLISHMENT,
        )
        say(client, "detresse : je n'en peux plus", establishment=ESTABLISHMENT)
        assert _stored(client) == []
        assert recorder(client).store.question_count() == 0


def test_questions_are_purged_after_the_retention_period(tmp_path: Path) -> None:
    with gateway(
        tmp_path, unanswered_establishments=ESTABLISHMENT, unanswered_retention_days=30
    ) as client:
        say(client, "incertain : comment changer mon horaire?", establishment=ESTABLISHMENT)
        recorder(client).flush()
        today = recorder(client).clock().date()
        assert recorder(client).purge(today + timedelta(days=29)) == 0
        assert recorder(client).store.question_count() == 1
        assert recorder(client).purge(today + timedelta(days=38)) == 1
        assert recorder(client).store.question_count() == 0
