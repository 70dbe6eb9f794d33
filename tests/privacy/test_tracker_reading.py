"""The gateway reads Rasa's tracker store itself (Rasa's HTTP API is off): the console's history
and each conversation's establishment, on SQLite and on a real PostgreSQL cluster, from rows
written as Rasa 3.6's SQLTrackerStore writes them."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from privacy.tracker import (
    EVENTS,
    TrackerEvents,
    TrackerStoreError,
    create_events_table,
    create_tracker_engine,
)
from tests.postgres import postgres  # noqa: F401  (the session fixture)
from tests.privacy.test_tracker_retention import tracker_url  # noqa: F401  (the sqlite/postgresql fixture)


def write(url: str, sender: str, events: list[dict]) -> None:
    engine = create_tracker_engine(url)
    create_events_table(engine)
    with engine.begin() as connection:
        for n, event in enumerate(events):
            connection.execute(
                sa.insert(EVENTS).values(
                    sender_id=sender, type_name=event["event"], timestamp=1000.0 + n,
                    intent_name=None, action_name=event.get("name") if event["event"] == "action" else None,
                    data=json.dumps({**event, "timestamp": 1000.0 + n}),
                )
            )  # fmt: skip
    engine.dispose()


CONVERSATION = [
    {"event": "action", "name": "action_session_start"},
    {"event": "user", "text": "c'est quoi le PAE?", "metadata": {"establishment": "cisss-laval"}},
    {"event": "bot", "text": "Le PAE est un programme confidentiel."},
    {"event": "slot", "name": "establishment", "value": "ciusss-estrie-chus"},
    {"event": "user", "text": "merci"},
    {"event": "bot", "text": ""},  # a custom payload only: no text to show
]


def test_turns_in_order_without_other_events(tracker_url: str) -> None:  # noqa: F811
    write(tracker_url, "conv-a", CONVERSATION)
    write(tracker_url, "conv-b", [{"event": "user", "text": "autre"}])
    turns = TrackerEvents(create_tracker_engine(tracker_url)).turns("conv-a")
    assert [(t.author, t.text, t.timestamp) for t in turns] == [
        ("person", "c'est quoi le PAE?", 1001.0),
        ("bot", "Le PAE est un programme confidentiel.", 1002.0),
        ("person", "merci", 1004.0),
    ]


def test_establishments_slot_first_then_the_pages_metadata(tracker_url: str) -> None:  # noqa: F811
    write(tracker_url, "conv-a", CONVERSATION)
    write(tracker_url, "conv-b", [{"event": "user", "text": "x", "metadata": {"establishment": "cisss-laval"}}])
    write(tracker_url, "conv-c", [{"event": "user", "text": "x", "metadata": {}}])
    events = TrackerEvents(create_tracker_engine(tracker_url))
    assert events.establishments(["conv-a", "conv-b", "conv-c", "absent"]) == {
        "conv-a": "ciusss-estrie-chus", "conv-b": "cisss-laval"
    }  # fmt: skip
    assert events.establishments([]) == {}


def test_a_slot_reset_by_the_form_leaves_no_establishment(tracker_url: str) -> None:  # noqa: F811
    # The form's `from_text` mapping stores what was typed, then validation resets it to None.
    write(tracker_url, "typed", [
        {"event": "slot", "name": "establishment", "value": "ciusss machin"},
        {"event": "slot", "name": "establishment", "value": None},
    ])  # fmt: skip
    write(tracker_url, "paged", [
        {"event": "user", "text": "allo", "metadata": {"establishment": "cisss-laval"}},
        {"event": "slot", "name": "establishment", "value": "truc"},
        {"event": "slot", "name": "establishment", "value": None},
    ])  # fmt: skip
    events = TrackerEvents(create_tracker_engine(tracker_url))
    assert events.establishments(["typed", "paged"]) == {"paged": "cisss-laval"}


def test_an_empty_store_and_a_store_that_does_not_answer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    empty = TrackerEvents(create_tracker_engine(f"sqlite:///{tmp_path / 'none.db'}"))
    assert empty.turns("x") == [] and empty.establishments(["x"]) == {}
    down = TrackerEvents(create_tracker_engine("postgresql://relais@127.0.0.1:9/rasa"))
    with pytest.raises(TrackerStoreError):
        down.turns("x")
    with pytest.raises(TrackerStoreError):
        down.establishments(["x"])
