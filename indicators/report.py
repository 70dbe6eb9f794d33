"""The quarterly report for the BQVT and the observatory:

    python -m indicators.report --quarter 2026-Q4 --database-url URL [--output var/indicators]

writes `<output>/<quarter>/network.csv` and `network.html` (every establishment and the network
total, `establishment_id` = `reseau`), and the same pair per establishment (`<id>.csv`, `<id>.html`).
One row per establishment × indicator × quarter; every count under 5, and every ratio or median
computed from one, is suppressed (empty `value`, `status` = `suppressed`). Columns: see COLUMNS
and the README ("Indicators").
"""

from __future__ import annotations

import argparse
import csv
import html
from collections import Counter
from collections.abc import Iterable
from dataclasses import astuple, dataclass
from pathlib import Path

from indicators.catalog import COUNTERS, NO_VALUE, UNKNOWN_ESTABLISHMENT
from indicators.models import IndicatorCount
from indicators.store import IndicatorStore
from indicators.summary import answer_rate, by, median_wait
from indicators.suppression import SUPPRESSED_LABEL, secondary, shown
from indicators.weeks import quarter_weeks

NETWORK = "reseau"
COLUMNS = (
    "quarter",
    "establishment_id",
    "establishment_name",
    "indicator",
    "value",
    "unit",
    "status",
)
DERIVED = {
    "answer_rate": (
        "percent",
        "Part des questions répondues avec confiance (sur toutes les questions).",
    ),
    "live_wait_median": (
        "minutes",
        "Attente médiane avant qu'un intervenant prenne le clavardage.",
    ),
}
TOPIC_PREFIX = "conversations_topic."


@dataclass(frozen=True)
class Row:
    quarter: str
    establishment_id: str
    establishment_name: str
    indicator: str
    value: str  # empty when suppressed
    unit: str
    status: str  # "ok" or "suppressed"


def raw_counts(rows: Iterable[IndicatorCount]) -> Counter[str]:
    """Every count indicator of the report (topic ones included), before suppression."""
    rows = list(rows)
    counts: Counter[str] = Counter()
    for count in rows:
        counts[count.indicator] += count.value
    topics = by((r for r in rows if r.topic != NO_VALUE), "topic")
    for topic, topic_counts in topics.items():
        counts[TOPIC_PREFIX + topic] = topic_counts["conversations_topic"]
    return counts


def establishment_rows(
    quarter: str, establishment_id: str, name: str, counts: Counter[str], hidden: set[str]
) -> list[Row]:
    """The rows of one establishment; `hidden`: the counts to suppress (see `suppression_plan`)."""

    def row(indicator: str, value: float | None, unit: str) -> Row:
        text = "" if value is None else (f"{value:.1f}" if unit != "count" else str(int(value)))
        status = "suppressed" if value is None else "ok"
        return Row(quarter, establishment_id, name, indicator, text, unit, status)

    def count_row(indicator: str) -> Row:
        return row(indicator, None if indicator in hidden else counts[indicator], "count")

    out = [count_row(indicator) for indicator in COUNTERS]
    rate = answer_rate(counts)
    out.append(row("answer_rate", None if rate is None else 100 * rate, "percent"))
    out.append(row("live_wait_median", median_wait(counts), "minutes"))
    out.extend(count_row(i) for i in sorted(counts) if i.startswith(TOPIC_PREFIX))
    return out


def suppression_plan(raw: dict[str, Counter[str]]) -> dict[str, set[str]]:
    """establishment → the counts to suppress: every count under 5, then, until nothing changes,
    what a shown total would give away (establishments against the network, topics against
    `conversations_topic`)."""
    shown_names = [*COUNTERS, *{i for c in raw.values() for i in c if i.startswith(TOPIC_PREFIX)}]
    hidden = {e: {i for i in shown_names if shown(c[i]) is None} for e, c in raw.items()}
    changed = True
    while changed:
        changed = False
        for indicator in shown_names:
            if NETWORK in raw and indicator not in hidden[NETWORK]:
                cells = {e: c[indicator] for e, c in raw.items() if e != NETWORK}
                done = {e for e in cells if indicator in hidden[e]}
                for extra in secondary(cells, done):
                    hidden[extra].add(indicator)
                    changed = True
        for establishment, counts in raw.items():
            if "conversations_topic" in hidden[establishment]:
                continue
            cells = {i: counts[i] for i in counts if i.startswith(TOPIC_PREFIX)}
            for extra in secondary(cells, cells.keys() & hidden[establishment]):
                hidden[establishment].add(extra)
                changed = True
    return hidden


def quarter_report(
    store: IndicatorStore, quarter: str, names: dict[str, str]
) -> dict[str, list[Row]]:
    """establishment id (and `reseau`) → its rows, for every establishment with any count."""
    counts = store.counts(quarter_weeks(quarter))
    grouped: dict[str, list[IndicatorCount]] = {NETWORK: counts}
    for count in counts:
        grouped.setdefault(count.establishment_id, []).append(count)
    raw = {establishment: raw_counts(rows) for establishment, rows in grouped.items()}
    hidden = suppression_plan(raw)
    names = {**names, NETWORK: "Réseau (tous les établissements)"}
    return {
        establishment: establishment_rows(
            quarter,
            establishment,
            _name(establishment, names),
            raw[establishment],
            hidden[establishment],
        )  # fmt: skip
        for establishment in sorted(raw)
    }


def write_report(report: dict[str, list[Row]], quarter: str, output: Path) -> Path:
    folder = output / quarter
    folder.mkdir(parents=True, exist_ok=True)
    every = [row for establishment in sorted(report) for row in report[establishment]]
    _write_pair(folder / "network", every, quarter, "Réseau")
    for establishment, rows in report.items():
        if establishment != NETWORK:
            _write_pair(folder / establishment, rows, quarter, rows[0].establishment_name)
    return folder


def _write_pair(stem: Path, rows: list[Row], quarter: str, title: str) -> None:
    with stem.with_suffix(".csv").open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(COLUMNS)
        writer.writerows(astuple(row) for row in rows)
    stem.with_suffix(".html").write_text(_html(rows, quarter, title), encoding="utf-8")


def definition(indicator: str) -> str:
    if indicator in COUNTERS:
        return COUNTERS[indicator]
    if indicator in DERIVED:
        return DERIVED[indicator][1]
    if indicator.startswith(TOPIC_PREFIX):
        return f"Conversations ayant touché le thème « {indicator.removeprefix(TOPIC_PREFIX)} »."
    return ""


def _html(rows: list[Row], quarter: str, title: str) -> str:
    body = []
    for row in rows:
        value = html.escape(row.value) if row.status == "ok" else SUPPRESSED_LABEL
        body.append(
            "<tr>"
            f"<td>{html.escape(row.establishment_name)}</td>"
            f"<td><code>{html.escape(row.indicator)}</code><br><small>{html.escape(definition(row.indicator))}</small></td>"
            f'<td class="n">{html.escape(value)}</td><td>{html.escape(row.unit)}</td></tr>'
        )
    return f"""<!doctype html>
<html lang="fr-CA"><head><meta charset="utf-8">
<title>Indicateurs Relais, {html.escape(quarter)} : {html.escape(title)}</title>
<style>body{{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}}table{{border-collapse:collapse}}
td,th{{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}}.n{{text-align:right}}
small{{color:#444}}</style></head><body>
<h1>Indicateurs Relais, {html.escape(quarter)} : {html.escape(title)}</h1>
<p>Données agrégées et anonymes : aucun texte, aucun identifiant de conversation, rien de plus fin
que la semaine. Toute valeur inférieure à 5, et tout taux ou médiane calculé à partir d'une telle
valeur, est masquée ({SUPPRESSED_LABEL}).</p>
<table><caption>Une ligne par établissement et par indicateur</caption>
<thead><tr><th scope="col">Établissement</th><th scope="col">Indicateur</th><th scope="col">Valeur</th><th scope="col">Unité</th></tr></thead>
<tbody>
{chr(10).join(body)}
</tbody></table></body></html>
"""


def _name(establishment: str, names: dict[str, str]) -> str:
    if establishment == UNKNOWN_ESTABLISHMENT:
        return "Établissement non précisé"
    return names.get(establishment, establishment)


def main(argv: list[str] | None = None) -> int:
    from directory.loader import ESTABLISHMENTS_FILE, RESOURCES_FILE, load_registry
    from tickets.database import create_database_engine, upgrade

    parser = argparse.ArgumentParser(prog="python -m indicators.report", description=__doc__)
    parser.add_argument("--quarter", required=True, help="e.g. 2026-Q4")
    parser.add_argument(
        "--database-url", required=True, help="e.g. sqlite:////srv/relais/var/relais.db"
    )
    parser.add_argument("--output", type=Path, default=Path("var/indicators"))
    parser.add_argument("--resources-file", type=Path, default=RESOURCES_FILE)
    parser.add_argument("--establishments-file", type=Path, default=ESTABLISHMENTS_FILE)
    args = parser.parse_args(argv)
    try:
        quarter_weeks(args.quarter)
    except ValueError as error:
        parser.error(str(error))
    registry = load_registry(args.resources_file, args.establishments_file)
    names = {e.id: e.name for e in registry.establishments}
    upgrade(args.database_url)
    engine = create_database_engine(args.database_url)
    try:
        report = quarter_report(IndicatorStore(engine), args.quarter, names)
    finally:
        engine.dispose()
    folder = write_report(report, args.quarter, args.output)
    print(f"{folder}: network.csv, network.html and {len(report) - 1} establishment(s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
