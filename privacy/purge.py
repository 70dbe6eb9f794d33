"""Delete Rasa tracker events older than N days:
`python -m privacy.purge --tracker-url URL --days N`.

The gateway already purges every hour (RELAIS_CONVERSATION_RETENTION_DAYS); this is for a cron job,
or to apply a shorter retention at once. URL: Rasa's (`sqlite:////srv/relais/var/tracker.db`,
`postgresql://user@host/db`).
"""

from __future__ import annotations

import argparse

from privacy.tracker import TrackerEvents, create_tracker_engine


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m privacy.purge", description=__doc__)
    parser.add_argument("--tracker-url", required=True, help="Rasa's tracker store URL")
    parser.add_argument("--days", type=int, required=True, help="delete events older than this")
    args = parser.parse_args(argv)
    if args.days < 1:
        parser.error("--days must be at least 1")
    engine = create_tracker_engine(args.tracker_url)
    try:
        deleted = TrackerEvents(engine).purge(args.days)
    finally:
        engine.dispose()
    print(f"{deleted} tracker event(s) deleted")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
