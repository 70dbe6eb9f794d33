"""Delete expired callback tickets: `python -m tickets.purge --database-url URL --days N`.

The gateway already purges every hour; this is for a cron job, or to apply a shorter retention at
once. A ticket goes when its promised deletion date has come or when it is older than N days.
"""

from __future__ import annotations

from datetime import UTC, datetime

from privacy.purge_command import purge_command
from tickets.database import create_database_engine, upgrade
from tickets.store import TicketStore


def purge(database_url: str, days: int) -> int:
    upgrade(database_url)
    engine = create_database_engine(database_url)
    try:
        return TicketStore(engine).purge(datetime.now(UTC), retention_days=days)
    finally:
        engine.dispose()


def main(argv: list[str] | None = None) -> int:
    return purge_command(
        argv, prog="python -m tickets.purge", description=__doc__, url_option="--database-url", url_env="RELAIS_DATABASE_URL",
        url_help="e.g. sqlite:////srv/relais/var/relais.db", what="ticket(s)", purge=purge,
    )  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
