"""Delete expired callback tickets: `python -m tickets.purge --database-url URL --days N`.

The gateway already purges every hour; this is for a cron job, or to apply a shorter retention at
once. A ticket goes when its promised deletion date has come or when it is older than N days.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from tickets.database import create_database_engine, upgrade
from tickets.store import TicketStore


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tickets.purge", description=__doc__)
    parser.add_argument(
        "--database-url", required=True, help="e.g. sqlite:////srv/relais/var/relais.db"
    )
    parser.add_argument("--days", type=int, required=True, help="delete tickets older than this")
    args = parser.parse_args(argv)
    if args.days < 1:
        parser.error("--days must be at least 1")
    upgrade(args.database_url)
    engine = create_database_engine(args.database_url)
    try:
        deleted = TicketStore(engine).purge(datetime.now(UTC), retention_days=args.days)
    finally:
        engine.dispose()
    print(f"{deleted} ticket(s) deleted")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
