"""Delete Rasa tracker events older than N days:
`python -m privacy.purge --tracker-url URL --days N`.

The gateway already purges every hour (RELAIS_CONVERSATION_RETENTION_DAYS); this is for a cron job,
or to apply a shorter retention at once. URL: Rasa's (`sqlite:////srv/relais/var/tracker.db`,
`postgresql://user@host/db`).
"""

from __future__ import annotations

from privacy.purge_command import purge_command
from privacy.tracker import TrackerEvents, create_tracker_engine


def purge(tracker_url: str, days: int) -> int:
    engine = create_tracker_engine(tracker_url)
    try:
        return TrackerEvents(engine).purge(days)
    finally:
        engine.dispose()


def main(argv: list[str] | None = None) -> int:
    return purge_command(
        argv, prog="python -m privacy.purge", description=__doc__, url_option="--tracker-url", url_env="RELAIS_TRACKER_URL",
        url_help="Rasa's tracker store URL", what="tracker event(s)", purge=purge,
    )  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
