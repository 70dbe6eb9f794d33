"""Erase and retain Rasa's conversations in its SQL tracker store (SQLite or PostgreSQL).

Rasa 3.6's SQLTrackerStore keeps one row per event in the table `events` (`sender_id` is the
conversation id, `timestamp` a Unix time, `data` the event's JSON with the user's text). The
gateway erases a conversation's rows at the person's request and deletes every row older than the
retention period (RELAIS_CONVERSATION_RETENTION_DAYS); `python -m privacy.purge` does the same from
a cron job. On SQLite, `secure_delete` overwrites deleted rows with zeros, so the text does not
stay in free pages of the file, and the write-ahead log Rasa keeps (bot/rasa_tuning.py) is
checkpointed and emptied after each deletion.

Pure: the database URL and the clock are arguments; nothing reads the environment.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Engine

logger = logging.getLogger("relais.privacy")

SECONDS_PER_DAY = 86_400.0

_metadata = sa.MetaData()
# The columns Rasa 3.6 creates (rasa/core/tracker_store.py, SQLTrackerStore.SQLEvent).
EVENTS = sa.Table(
    "events",
    _metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sender_id", sa.String(255), nullable=False, index=True),
    sa.Column("type_name", sa.String(255), nullable=False),
    sa.Column("timestamp", sa.Float),
    sa.Column("intent_name", sa.String(255)),
    sa.Column("action_name", sa.String(255)),
    sa.Column("data", sa.Text),
)


class TrackerStoreError(RuntimeError):
    """The tracker database could not be reached or changed."""


@dataclass(frozen=True)
class TrackerTurn:
    """One thing said in a conversation with the bot, as the tracker store holds it (the person's
    words were redacted by the gateway before Rasa saw them)."""

    author: Literal["person", "bot"]
    text: str
    timestamp: float | None


_AUTHORS: dict[str, Literal["person", "bot"]] = {"user": "person", "bot": "bot"}


def sqlalchemy_url(url: str) -> str:
    """Rasa's URL as SQLAlchemy in the app runtime reads it (psycopg 3 for PostgreSQL)."""
    for prefix in ("postgresql://", "postgres://", "postgresql+psycopg2://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def create_tracker_engine(url: str) -> Engine:
    engine = sa.create_engine(sqlalchemy_url(url), pool_pre_ping=True)
    if engine.dialect.name == "sqlite":

        @sa.event.listens_for(engine, "connect")
        def _secure_delete(connection: Any, _record: Any) -> None:
            cursor = connection.cursor()
            cursor.execute("PRAGMA secure_delete = ON")
            cursor.close()

    return engine


class TrackerEvents:
    """The `events` table of Rasa's tracker store. A missing table means nothing to delete."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def _exists(self) -> bool:
        return sa.inspect(self._engine).has_table("events")

    def erase(self, conversation_id: str) -> int:
        """Delete every event of one conversation; the number of rows deleted."""
        return self._delete(EVENTS.c.sender_id == conversation_id)

    def purge(self, retention_days: float, now: float | None = None) -> int:
        """Delete every event older than `retention_days`; the number of rows deleted."""
        if retention_days <= 0:
            raise ValueError("retention_days must be positive")
        cutoff = (time.time() if now is None else now) - retention_days * SECONDS_PER_DAY
        return self._delete(EVENTS.c.timestamp < cutoff)

    def count(self, conversation_id: str | None = None) -> int:
        if not self._exists():
            return 0
        query = sa.select(sa.func.count()).select_from(EVENTS)
        if conversation_id is not None:
            query = query.where(EVENTS.c.sender_id == conversation_id)
        with self._engine.connect() as connection:
            return int(connection.execute(query).scalar_one())

    def turns(self, conversation_id: str) -> list[TrackerTurn]:
        """What the person and the bot said, oldest first, read from the store itself (Rasa's HTTP
        API is off: README "Rasa's surface")."""
        query = (
            sa.select(EVENTS.c.type_name, EVENTS.c.timestamp, EVENTS.c.data)
            .where(EVENTS.c.sender_id == conversation_id, EVENTS.c.type_name.in_(tuple(_AUTHORS)))
            .order_by(EVENTS.c.id)
        )
        turns = []
        for type_name, timestamp, data in self._read(query):
            text = _field(data, "text")
            if isinstance(text, str) and text:
                turns.append(TrackerTurn(_AUTHORS[type_name], text, timestamp))
        return turns

    def establishments(self, conversation_ids: list[str]) -> dict[str, str]:
        """The establishment each conversation is about, when the store knows it: the last value of
        the `establishment` slot (asked by the bot), else the last `establishment` the gateway sent
        in a message's metadata. Conversations without one are absent from the answer."""
        if not conversation_ids:
            return {}
        query = (
            sa.select(EVENTS.c.sender_id, EVENTS.c.type_name, EVENTS.c.data)
            .where(
                EVENTS.c.sender_id.in_(conversation_ids),
                EVENTS.c.type_name.in_(("slot", "user")),
            )
            .order_by(EVENTS.c.id)
        )
        from_slot: dict[str, str] = {}
        from_metadata: dict[str, str] = {}
        for sender_id, type_name, data in self._read(query):
            event = _parsed(data)
            if type_name == "slot" and event.get("name") == "establishment":
                value = event.get("value")
                if isinstance(value, str) and value:
                    from_slot[sender_id] = value
                else:  # reset by the form (a value it did not recognise): no longer known
                    from_slot.pop(sender_id, None)
            elif type_name == "user":
                metadata = event.get("metadata")
                value = metadata.get("establishment") if isinstance(metadata, dict) else None
                if isinstance(value, str) and value:
                    from_metadata[sender_id] = value
        return {**from_metadata, **from_slot}

    def _read(self, query: sa.Select[Any]) -> list[Any]:
        try:
            if not self._exists():
                return []
            with self._engine.connect() as connection:
                return list(connection.execute(query).all())
        except sa.exc.SQLAlchemyError as error:
            raise TrackerStoreError(f"tracker store: {type(error).__name__}") from None

    def _delete(self, condition: sa.ColumnElement[bool]) -> int:
        try:
            if not self._exists():
                return 0
            with self._engine.begin() as connection:
                deleted = int(connection.execute(sa.delete(EVENTS).where(condition)).rowcount or 0)
            if deleted and self._engine.dialect.name == "sqlite":
                # Rasa writes its SQLite store ahead in a log (bot/rasa_tuning.py): the deleted
                # rows' text is still in tracker.db-wal until a checkpoint copies the zeroed pages
                # back and empties it. Without a log this does nothing. Busy (Rasa writing at that
                # instant, past the driver's busy timeout): tried again, then said in the log.
                self._checkpoint()
            return deleted
        except sa.exc.SQLAlchemyError as error:
            # Without the statement's parameters: they hold a conversation id.
            raise TrackerStoreError(f"tracker store: {type(error).__name__}") from None


    def _checkpoint(self, attempts: int = 5) -> bool:
        """Copy the log's pages into the database and empty it; False if it stayed busy."""
        for attempt in range(attempts):
            with self._engine.connect() as connection:
                row = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").first()
            if row is None or not row[0]:
                return True
            time.sleep(0.2 * (attempt + 1))
        logger.warning("tracker store: the write-ahead log stayed busy; erased rows leave it at "
                       "SQLite's next checkpoint")  # fmt: skip
        return False


def _parsed(data: str | None) -> dict[str, Any]:
    try:
        event = json.loads(data or "{}")
    except ValueError:
        return {}
    return event if isinstance(event, dict) else {}


def _field(data: str | None, name: str) -> Any:
    return _parsed(data).get(name)


def create_events_table(engine: Engine) -> None:
    """For tests and a fresh PostgreSQL: the table as Rasa creates it."""
    _metadata.create_all(engine)
