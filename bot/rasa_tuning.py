"""Costs Rasa 3.6 pays on its event loop for every message, removed without changing what it does
(issue 13: profiled with py-spy under `bench/latency.py`, concurrency 8, through the gateway).

Rasa handles a message on its single event loop (parsing, policies, the tracker store): whatever
it does there is paid once per message, serially, whatever the concurrency. Five of those costs
were not Relais's work at all:

- **The action server's answer is checked against a fixed JSON schema** with
  `jsonschema.validate`, which first validates the *schema itself* against its meta-schema on
  every call: a fifth of Rasa's time. The schema is a constant: it is checked once here, and
  every answer is validated with that one validator (the same errors, the same message).
- **spaCy's named-entity recogniser** ran on every message (Rasa's SpacyNLP disables only the
  parser): over half of spaCy's time, and nothing in the pipeline reads its entities (no
  SpacyEntityExtractor; the tokenizer reads lemmas and tags, the featurizer static vectors). It is
  disabled when the model loads: tokens, lemmas, tags and vectors are the same with and without
  it on every training example (tests/bot/test_rasa_tuning.py), so the trained model is unchanged.
- **TensorFlow's thread pools.** DIET predicts one message at a time: a small graph that two
  intra-op threads split into pieces too small to pay for their hand-overs, while the gateway
  and the action server want the same two cores. On one thread each (unless Rasa's own
  `TF_INTRA_OP_PARALLELISM_THREADS` / `TF_INTER_OP_PARALLELISM_THREADS` say otherwise), Rasa's
  CPU per message fell from 30-38 ms to 26 ms at concurrency 8 through the gateway (bench of
  2026-12-04, 400 messages each). The trained model is the same.
- **Every event read back walked Rasa's whole class tree.** `Event.resolve_by_type` (which turns
  a stored event's type name into its class) lists every subclass of `Event`, recursively, with
  `inspect.isabstract` on each, for every event of every tracker read from the store or returned
  by the action server: about 70 µs an event, 2-3 ms for a five-turn conversation's tracker, most
  of the tracker store's reading time. The classes do not change once imported: the names are
  looked up in a table, built from the same walk in the same order (the first class with a name
  wins, as before), and rebuilt once when a name is missing (a class imported later); an unknown
  name then behaves as before ("topic", the default, or the same ValueError).
- **The tracker store's two queries went through SQLAlchemy's ORM** (`Query.count()` before each
  save, `Query.all()` for each read): about 0.7 ms each in building and compiling the query, for a
  few microseconds of SQL. The same SQL is built once as a Core statement (the events after the
  latest `session_started`, or all of them; their count) and run with the sender's id bound:
  0.04-0.08 ms. The rows, their order and the trackers are the same; SQLite and PostgreSQL alike.
- **SQLite commits** (the embedded tracker store, `make run`) waited for the disk on every turn
  (about 18 ms each here) in SQLite's default rollback journal. In write-ahead-log mode with
  `synchronous=NORMAL` a commit does not wait for the disk: a crash of Rasa cannot lose a turn
  nor corrupt the database; a power cut may lose the last turns written (the conversation goes
  on from the one before). Only SQLite connections are touched: PostgreSQL (scale-out) is left
  as it is. Readers (the gateway's history and establishment reads) are no longer blocked by
  Rasa's writes.

`install()` is called when Rasa loads `bot/channels.py` (listed in `bot/credentials.yml`, before
the model loads), so it applies to `rasa run` wherever it is started, and never to `rasa train`.
"""

from __future__ import annotations

import logging
import os
from typing import Any

logger = logging.getLogger("relais.rasa")

_installed = False


def install() -> None:
    """Apply the six changes once per process (idempotent)."""
    global _installed
    if _installed:
        return
    _installed = True
    _tensorflow_on_one_thread()
    _validate_action_results_with_one_validator()
    _spacy_without_entities()
    _events_resolved_by_a_table()
    _tracker_queries_built_once()
    _sqlite_write_ahead_log()


def _tracker_queries_built_once() -> None:
    import itertools
    import json

    import sqlalchemy as sa
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.events import SessionStarted
    from rasa.shared.core.trackers import DialogueStateTracker

    built: dict[Any, tuple[Any, Any, Any]] = {}

    def statements(store: SQLTrackerStore) -> tuple[Any, Any, Any]:
        """(count of the latest session's events, their data, every session's data), as Rasa's
        `_event_query` builds them, for this store's table."""
        table = store.SQLEvent.__table__
        if table not in built:
            sender = sa.bindparam("sender_id")
            start = (
                sa.select(sa.func.max(table.c.timestamp).label("session_start"))
                .where(table.c.sender_id == sender, table.c.type_name == SessionStarted.type_name)
                .subquery()
            )
            latest = sa.and_(
                table.c.sender_id == sender,
                sa.or_(table.c.timestamp >= start.c.session_start, start.c.session_start.is_(None)),
            )
            built[table] = (
                sa.select(sa.func.count()).select_from(table).select_from(start).where(latest),
                sa.select(table.c.data).select_from(table).select_from(start).where(latest)
                .order_by(table.c.id),
                sa.select(table.c.data).where(table.c.sender_id == sender).order_by(table.c.id),
            )
        return built[table]

    async def _retrieve(
        self: SQLTrackerStore, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> DialogueStateTracker | None:
        _, latest, every = statements(self)
        with self.session_scope() as session:
            rows = session.execute(
                every if fetch_events_from_all_sessions else latest, {"sender_id": sender_id}
            )
            events = [json.loads(data) for (data,) in rows]
            if self.domain and events:
                return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
            return None

    def _additional_events(self: SQLTrackerStore, session: Any, tracker: DialogueStateTracker) -> Any:
        count, _, _ = statements(self)
        stored = session.execute(count, {"sender_id": tracker.sender_id}).scalar()
        return itertools.islice(tracker.events, stored, len(tracker.events))

    SQLTrackerStore._retrieve = _retrieve  # type: ignore[method-assign]
    SQLTrackerStore._additional_events = _additional_events  # type: ignore[method-assign]


def _events_resolved_by_a_table() -> None:
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    resolve_by_walking = Event.resolve_by_type
    table: dict[str, type[Event]] = {}

    def build() -> dict[str, type[Event]]:
        nonlocal table
        fresh: dict[str, type[Event]] = {}
        for cls in all_subclasses(Event):  # Rasa's own order: the first class with a name wins
            fresh.setdefault(cls.type_name, cls)
        table = fresh  # swapped whole: a reader never sees it half built
        return fresh

    def resolve_by_type(
        type_name: str, default: type[Event] | None = None
    ) -> type[Event] | None:
        found = table.get(type_name)
        if found is None:
            found = build().get(type_name)  # a class imported since the table was built
        if found is not None:
            return found
        return resolve_by_walking(type_name, default)  # "topic", the default, or its ValueError

    Event.resolve_by_type = staticmethod(resolve_by_type)  # type: ignore[method-assign,assignment]


def _validate_action_results_with_one_validator() -> None:
    from jsonschema import ValidationError
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.constants import DOCS_BASE_URL

    schema = RemoteAction.action_response_format_spec()
    validator_class: Any = validator_for(schema)
    validator_class.check_schema(schema)  # what jsonschema.validate did on every call
    validator = validator_class(schema)

    def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
        try:
            validator.validate(result)
            return True
        except ValidationError as error:  # Rasa's own wording
            error.message += (
                f". Failed to validate Action server response from API, "
                f"make sure your response from the Action endpoint is valid. "
                f"For more information about the format visit "
                f"{DOCS_BASE_URL}/custom-actions"
            )
            raise error

    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]


# Rasa's own settings (rasa/constants.py), read by `rasa` before this module is loaded.
TENSORFLOW_THREAD_SETTINGS = ("TF_INTRA_OP_PARALLELISM_THREADS", "TF_INTER_OP_PARALLELISM_THREADS")


def _tensorflow_on_one_thread() -> None:
    """One intra-op and one inter-op thread, unless Rasa's variables set them. Must run before
    TensorFlow executes its first operation (the model loads after this module)."""
    if any(os.environ.get(name) for name in TENSORFLOW_THREAD_SETTINGS):
        return
    import tensorflow as tf

    try:
        tf.config.threading.set_intra_op_parallelism_threads(1)
        tf.config.threading.set_inter_op_parallelism_threads(1)
    except RuntimeError:  # TensorFlow already started: its pools stay as they are
        logger.warning("TensorFlow already initialised: its thread pools are left as they are")


# spaCy pipes nothing in config.yml reads (SpacyNLP already leaves out the parser).
UNUSED_SPACY_PIPES = ("ner",)


def without_unused_pipes(language: Any) -> Any:
    """`language` (a spaCy pipeline) with UNUSED_SPACY_PIPES disabled, where it has them."""
    for name in UNUSED_SPACY_PIPES:
        if name in language.pipe_names:
            language.disable_pipe(name)
    return language


def _spacy_without_entities() -> None:
    from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP

    load_model = SpacyNLP.load_model

    def _load_model(spacy_model_name: str) -> SpacyModel:
        model = load_model(spacy_model_name)
        without_unused_pipes(model.model)
        return model

    SpacyNLP.load_model = staticmethod(_load_model)  # type: ignore[method-assign]


# One open connection per SQLite database file, for the life of the process (see below).
_keepers: dict[str, Any] = {}


def _sqlite_write_ahead_log() -> None:
    """WAL with synchronous=NORMAL on every SQLite connection of this process.

    Rasa opens a new connection for each read and each write (SQLAlchemy 1.4's NullPool for
    SQLite files), and closing the last connection to a WAL database checkpoints it and waits for
    the disk: one connection per database file is therefore kept open here (it has read the
    schema, so it holds the WAL index), and commits no longer wait for the disk (18 ms -> 0.1 ms
    per commit measured here). The WAL is checkpointed every 1,000 pages as usual; the gateway's
    erasure checkpoints it at once (privacy/tracker.py), so an erased text does not stay there."""
    import sqlite3

    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    @event.listens_for(Engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        if not isinstance(dbapi_connection, sqlite3.Connection):
            return
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            files = [row[2] for row in cursor.execute("PRAGMA database_list") if row[1] == "main"]
        except sqlite3.Error as error:  # a read-only database: keep the defaults
            logger.warning("SQLite tracker store left in its default mode (%s)", type(error).__name__)
            return
        finally:
            cursor.close()
        if files and files[0] and files[0] not in _keepers:  # not an in-memory database
            keeper = sqlite3.connect(files[0], check_same_thread=False)
            keeper.execute("SELECT count(*) FROM sqlite_master").fetchone()
            _keepers[files[0]] = keeper
