"""The quarterly report: one row per establishment × indicator × quarter with documented columns,
network.csv / network.html and the same pair per establishment, every count under 5 suppressed."""

from __future__ import annotations

import csv
from pathlib import Path

from indicators import report
from indicators.catalog import COUNTERS
from indicators.store import CountKey, IndicatorStore
from tickets.database import create_database_engine, upgrade


def _fill(store: IndicatorStore) -> None:
    counts = {
        CountKey("2026-W41", "cisss-laval", "web", "pae", "-", "conversations"): 12,
        CountKey("2026-W41", "cisss-laval", "web", "pae", "-", "conversations_topic"): 12,
        CountKey("2026-W41", "cisss-laval", "web", "pae", "-", "answered"): 20,
        CountKey("2026-W42", "cisss-laval", "web", "pae", "-", "unsure"): 6,
        CountKey("2026-W42", "cisss-laval", "web", "-", "-", "unanswered"): 5,
        CountKey("2026-W42", "cisss-laval", "web", "pae", "-", "crisis_replies"): 3,
        CountKey("2026-W43", "cisss-outaouais", "web", "-", "-", "conversations"): 2,
        CountKey("2026-W43", "cisss-outaouais", "-", "-", "-", "live_wait_2_5min"): 6,
        CountKey("2026-W39", "cisss-laval", "web", "pae", "-", "conversations"): 100,  # Q3
    }
    store.add_counts(counts)


def test_the_report_has_one_row_per_establishment_and_indicator_and_suppresses_under_5(
    store: IndicatorStore, tmp_path: Path
) -> None:
    _fill(store)
    rows = report.quarter_report(store, "2026-Q4", {"cisss-laval": "CISSS de Laval"})
    assert set(rows) == {"cisss-laval", "cisss-outaouais", report.NETWORK}
    laval = {r.indicator: r for r in rows["cisss-laval"]}
    assert len(laval) == len(rows["cisss-laval"])  # one row per indicator
    assert set(COUNTERS) <= set(laval)
    # W39 belongs to Q3; 12 is hidden too, else the network's 14 would give away Outaouais's 2.
    assert laval["conversations"].status == "suppressed"
    assert laval["conversations_topic"].value == "12"
    assert laval["answered"].value == "20"
    assert (laval["crisis_replies"].value, laval["crisis_replies"].status) == ("", "suppressed")
    assert (
        laval["answer_rate"].value == "64.5" and laval["answer_rate"].unit == "percent"
    )  # 20 / 31
    assert laval["conversations_topic.pae"].value == "12"
    outaouais = {r.indicator: r for r in rows["cisss-outaouais"]}
    assert outaouais["conversations"].status == "suppressed"
    assert outaouais["live_wait_median"].value == "3.5"  # 6 waits of 2 to 5 min: the middle, 3.5
    network = {r.indicator: r for r in rows[report.NETWORK]}
    assert network["conversations"].value == "14"

    folder = report.write_report(rows, "2026-Q4", tmp_path)
    assert sorted(p.name for p in folder.iterdir()) == [
        "cisss-laval.csv", "cisss-laval.html", "cisss-outaouais.csv", "cisss-outaouais.html",
        "network.csv", "network.html",
    ]  # fmt: skip
    with (folder / "network.csv").open(encoding="utf-8") as file:
        table = list(csv.DictReader(file))
    assert tuple(table[0]) == report.COLUMNS == (
        "quarter", "establishment_id", "establishment_name", "indicator", "value", "unit", "status",
    )  # fmt: skip
    assert {row["quarter"] for row in table} == {"2026-Q4"}
    assert {row["establishment_id"] for row in table} == {
        "cisss-laval",
        "cisss-outaouais",
        "reseau",
    }
    for row in table:
        if row["unit"] == "count" and row["status"] == "ok":
            assert int(row["value"]) >= 5
        if row["status"] == "suppressed":
            assert row["value"] == ""
    html = (folder / "cisss-laval.html").read_text(encoding="utf-8")
    assert "CISSS de Laval" in html and "&lt;5" in html and "<script" not in html


def test_the_command_writes_the_folder(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'relais.db'}"
    upgrade(url)
    engine = create_database_engine(url)
    _fill(IndicatorStore(engine))
    engine.dispose()
    assert (
        report.main(
            ["--quarter", "2026-Q4", "--database-url", url, "--output", str(tmp_path / "out")]
        )
        == 0
    )
    assert (tmp_path / "out" / "2026-Q4" / "network.csv").exists()
    assert (tmp_path / "out" / "2026-Q4" / "cisss-laval.html").exists()


def test_a_lone_hidden_count_is_not_given_away_by_the_network_total(store: IndicatorStore) -> None:
    store.add_counts(
        {
            CountKey("2026-W41", "cisss-laval", "web", "-", "-", "conversations"): 30,
            CountKey("2026-W41", "cisss-outaouais", "web", "-", "-", "conversations"): 9,
            CountKey("2026-W41", "cisss-gaspesie", "web", "-", "-", "conversations"): 2,
        }
    )
    rows = report.quarter_report(store, "2026-Q4", {})
    value = {e: {r.indicator: r for r in rows[e]}["conversations"] for e in rows}
    assert value[report.NETWORK].value == "41"
    assert value["cisss-gaspesie"].status == "suppressed"
    assert value["cisss-outaouais"].status == "suppressed"  # else 41 - 30 - 9 = 2
    assert value["cisss-laval"].value == "30"


def test_a_hidden_topic_is_not_given_away_by_the_establishments_topic_total(
    store: IndicatorStore,
) -> None:
    def key(topic: str) -> CountKey:
        return CountKey("2026-W41", "cisss-laval", "web", topic, "-", "conversations_topic")

    store.add_counts({key("pae"): 20, key("bqvt"): 8, key("medecins"): 3})
    laval = {r.indicator: r for r in report.quarter_report(store, "2026-Q4", {})["cisss-laval"]}
    assert laval["conversations_topic"].value == "31"
    assert laval["conversations_topic.medecins"].status == "suppressed"
    assert laval["conversations_topic.bqvt"].status == "suppressed"  # else 31 - 20 - 8 = 3
    assert laval["conversations_topic.pae"].value == "20"
