"""The indicator store and report run on SQLite and on a throwaway PostgreSQL cluster."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from indicators.store import IndicatorStore
from tests.postgres import PostgresCluster, postgres  # noqa: F401  (the session fixture)
from tickets.database import create_database_engine, upgrade


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'relais.db'}"
    cluster: PostgresCluster = request.getfixturevalue("postgres")
    return cluster.new_database()


@pytest.fixture
def store(database_url: str) -> Iterator[IndicatorStore]:
    upgrade(database_url)
    engine = create_database_engine(database_url)
    yield IndicatorStore(engine)
    engine.dispose()
