"""Erase and purge Rasa's tracker events, on SQLite and on a real PostgreSQL cluster."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from privacy.tracker import EVENTS, TrackerEvents, create_events_table, create_tracker_engine
from tests.postgres import PostgresCluster, postgres  # noqa: F401  (the session fixture)

ROOT = Path(__file__).resolve().parents[2]
DAY = 86_400.0


@pytest.fixture(params=["sqlite", "postgresql"])
def tracker_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'tracker.db'}"
    else:
        cluster: PostgresCluster = request.getfixturevalue("postgres")
        # Rasa's own form of the URL (psycopg2): the gateway reads it with psycopg 3.
        yield cluster.new_database().replace("postgresql+psycopg://", "postgresql://")


def add_events(url: str, sender: str, ages_in_days: list[float], text: str = "bonjour") -> None:
    engine = create_tracker_engine(url)
    create_events_table(engine)
    now = time.time()
    with engine.begin() as connection:
        for age in ages_in_days:
            connection.execute(
                sa.insert(EVENTS).values(
                    sender_id=sender, type_name="user", timestamp=now - age * DAY,
                    data=json.dumps({"event": "user", "text": text}),
                )
            )  # fmt: skip
    engine.dispose()


def test_erase_removes_one_conversation_and_nothing_else(tracker_url: str) -> None:
    add_events(tracker_url, "conversation-a", [0, 0.1, 2])
    add_events(tracker_url, "conversation-b", [0])
    events = TrackerEvents(create_tracker_engine(tracker_url))
    assert events.erase("conversation-a") == 3
    assert events.count("conversation-a") == 0 and events.count("conversation-b") == 1
    assert events.erase("never-seen") == 0


def test_purge_removes_events_older_than_the_retention(tracker_url: str) -> None:
    add_events(tracker_url, "old", [45, 31])
    add_events(tracker_url, "mixed", [40, 29, 1])
    events = TrackerEvents(create_tracker_engine(tracker_url))
    assert events.purge(30) == 3
    assert events.count("old") == 0 and events.count("mixed") == 2
    print(f"\n{tracker_url.split(':')[0]}: 3 events older than 30 days purged, 2 recent kept")


def test_a_store_without_the_table_has_nothing_to_delete(tmp_path: Path) -> None:
    events = TrackerEvents(create_tracker_engine(f"sqlite:///{tmp_path / 'empty.db'}"))
    assert events.erase("x") == 0 and events.purge(30) == 0


def test_sqlite_erasure_overwrites_the_text(tmp_path: Path) -> None:
    """secure_delete: the erased text is not left in the file's free pages."""
    path = tmp_path / "tracker.db"
    secret = "Julie-Gagnon-SECRET-" * 20
    add_events(f"sqlite:///{path}", "conversation-a", [0], text=secret)
    assert secret.encode() in path.read_bytes()
    TrackerEvents(create_tracker_engine(f"sqlite:///{path}")).erase("conversation-a")
    assert secret[:20].encode() not in path.read_bytes()
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM events").fetchone() == (0,)


def test_sqlite_erasure_empties_the_write_ahead_log(tmp_path: Path) -> None:
    """Rasa writes its SQLite store ahead in a log and keeps a connection open (bot/rasa_tuning.py):
    the erased text leaves the log too, not only the database file."""
    path = tmp_path / "tracker.db"
    secret = "Julie-Gagnon-SECRET-" * 20
    add_events(f"sqlite:///{path}", "conversation-a", [0])
    keeper = sqlite3.connect(path)  # as Rasa's: the log is not checkpointed when others close
    keeper.execute("PRAGMA journal_mode=WAL")
    keeper.execute("SELECT count(*) FROM events").fetchone()
    add_events(f"sqlite:///{path}", "conversation-a", [0], text=secret)
    log = tmp_path / "tracker.db-wal"
    assert secret.encode() in log.read_bytes()
    assert TrackerEvents(create_tracker_engine(f"sqlite:///{path}")).erase("conversation-a") == 2
    assert secret[:20].encode() not in log.read_bytes()
    assert secret[:20].encode() not in path.read_bytes()
    keeper.close()


def test_a_busy_write_ahead_log_is_tried_again_and_said(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A reader in the middle of a transaction (Rasa at that instant) keeps the log busy: the
    checkpoint is tried again, then the log says so; once free, the erased text leaves the log."""
    path = tmp_path / "tracker.db"
    secret = "Julie-Gagnon-SECRET-" * 20
    add_events(f"sqlite:///{path}", "conversation-a", [0])
    keeper = sqlite3.connect(path, isolation_level=None)
    keeper.execute("PRAGMA journal_mode=WAL")
    add_events(f"sqlite:///{path}", "conversation-a", [0], text=secret)
    keeper.execute("BEGIN")
    keeper.execute("SELECT count(*) FROM events").fetchone()  # holds a snapshot: log busy
    events = TrackerEvents(sa.create_engine(f"sqlite:///{path}", connect_args={"timeout": 0.05}))
    with caplog.at_level("WARNING", logger="relais.privacy"):
        assert events.erase("conversation-a") == 2
    assert "stayed busy" in caplog.text
    keeper.execute("COMMIT")
    assert events._checkpoint() is True
    assert secret[:20].encode() not in (tmp_path / "tracker.db-wal").read_bytes()
    keeper.close()


def test_the_purge_command_for_cron(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    add_events(url, "old", [60])
    add_events(url, "new", [1])
    done = subprocess.run(
        [sys.executable, "-m", "privacy.purge", "--tracker-url", url, "--days", "30"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1 tracker event(s) deleted"
    assert TrackerEvents(create_tracker_engine(url)).count() == 1
    refused = subprocess.run(
        [sys.executable, "-m", "privacy.purge", "--tracker-url", url, "--days", "0"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert refused.returncode == 2


def test_the_purge_command_reads_its_url_from_the_environment(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    add_events(url, "old", [60])
    env = {**os.environ, "RELAIS_TRACKER_URL": url}
    done = subprocess.run(
        [sys.executable, "-m", "privacy.purge", "--days", "30"],
        cwd=ROOT, capture_output=True, text=True, check=False, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert TrackerEvents(create_tracker_engine(url)).count() == 0
    env.pop("RELAIS_TRACKER_URL")
    missing = subprocess.run(
        [sys.executable, "-m", "privacy.purge", "--days", "30"],
        cwd=ROOT, capture_output=True, text=True, check=False, env=env,
    )  # fmt: skip
    assert missing.returncode == 2 and "RELAIS_TRACKER_URL" in missing.stderr
