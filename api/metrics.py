"""The gateway's metrics, with prometheus-client, served as Prometheus text at GET /metrics.

Only counts, durations and sizes: never a message, a conversation id or anything a person wrote.
One registry per app (tests build many apps in one process).

Names (unchanged from the hand-made version, so dashboards keep working):
- `relais_<name>_total` counters: chat_turns, crisis_replies, crisis_replies_<channel>,
  crisis_safety_net, rasa_unavailable, empty_bot_replies, live_*, callback_*, agent_sign_in_failures…
- `relais_chat_latency_seconds`: end to end, as before, but now a histogram (…_bucket, and the
  same …_sum and …_count): it was a summary without quantiles.
Added:
- `relais_rasa_latency_seconds`, `relais_crisis_decision_seconds` histograms;
- `relais_chat_outcomes_total{outcome, channel}`: bot, crisis_bot, crisis_safety_net,
  rasa_unavailable, empty_bot_reply, counsellor, counsellor_crisis;
- `relais_live_waiting`, `relais_counsellors_online` gauges (read at each scrape);
- `relais_part_up{part}` (1/0, set by /readyz and /metrics: rasa-1…, actions, crisis_classifier)
  and `relais_rasa_tracker_store_ok{replica}`, `relais_rasa_tracker_store_fallbacks{replica}`
  (Rasa's silent fallback to an in-memory store, bot/channels.py);
- `process_*` (CPU, memory, open files) and `python_*` from prometheus-client.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    PlatformCollector,
    ProcessCollector,
    disable_created_metrics,
    generate_latest,
)

disable_created_metrics()  # no `…_created` series: they double the output for nothing here

# Seconds: the gateway's budget for Rasa is 3 s; crisis decisions are tens of milliseconds.
LATENCY_BUCKETS = (0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0)
CRISIS_BUCKETS = (0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1.0, 3.0)
OUTCOMES = (
    "bot", "crisis_bot", "crisis_safety_net", "rasa_unavailable", "empty_bot_reply",
    "counsellor", "counsellor_crisis",
)  # fmt: skip


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self._lock = threading.Lock()
        self._counters: dict[str, Counter] = {}
        ProcessCollector(registry=self.registry)
        PlatformCollector(registry=self.registry)
        self.chat_latency = Histogram(
            "relais_chat_latency_seconds", "A chat turn, end to end, in the gateway",
            buckets=LATENCY_BUCKETS, registry=self.registry,
        )  # fmt: skip
        self.rasa_latency = Histogram(
            "relais_rasa_latency_seconds", "Rasa's REST webhook, as the gateway waits for it",
            buckets=LATENCY_BUCKETS, registry=self.registry,
        )  # fmt: skip
        self.crisis_decision = Histogram(
            "relais_crisis_decision_seconds", "The gateway's crisis decision (lexicon, classifier)",
            buckets=CRISIS_BUCKETS, registry=self.registry,
        )  # fmt: skip
        self.outcomes = Counter(
            "relais_chat_outcomes", "Chat turns by how they were answered",
            ["outcome", "channel"], registry=self.registry,
        )  # fmt: skip
        self.part_up = Gauge(
            "relais_part_up", "1 when the part answered the last check", ["part"],
            registry=self.registry,
        )  # fmt: skip
        self.tracker_store_ok = Gauge(
            "relais_rasa_tracker_store_ok",
            "1 when the replica's tracker store is its database (not Rasa's in-memory fallback)",
            ["replica"], registry=self.registry,
        )  # fmt: skip
        self.tracker_store_fallbacks = Gauge(
            "relais_rasa_tracker_store_fallbacks",
            "Times the replica kept a conversation in memory because its database failed",
            ["replica"], registry=self.registry,
        )  # fmt: skip
        self._live_waiting = Gauge(
            "relais_live_waiting", "People waiting for a counsellor", registry=self.registry
        )
        self._counsellors_online = Gauge(
            "relais_counsellors_online", "Counsellors seen at the console in the last minute",
            registry=self.registry,
        )  # fmt: skip

    def watch(self, waiting: Callable[[], int], counsellors_online: Callable[[], int]) -> None:
        """The two gauges are read at each scrape from the live chat and the counsellors."""
        self._live_waiting.set_function(lambda: _read(waiting))
        self._counsellors_online.set_function(lambda: _read(counsellors_online))

    def count(self, name: str, amount: int = 1) -> None:
        with self._lock:
            counter = self._counters.get(name)
            if counter is None:
                counter = Counter(f"relais_{name}", name.replace("_", " "), registry=self.registry)
                self._counters[name] = counter
        counter.inc(amount)

    def outcome(self, outcome: str, channel: str) -> None:
        self.outcomes.labels(outcome=outcome, channel=channel).inc()

    def observe_latency(self, seconds: float) -> None:
        self.chat_latency.observe(seconds)

    def value(self, name: str) -> int:
        return int(self.registry.get_sample_value(f"relais_{name}_total") or 0)

    def render(self) -> str:
        return generate_latest(self.registry).decode("utf-8")


def _read(gauge: Callable[[], int]) -> float:
    """A gauge's value, NaN when it cannot be read (the shared state is down): a scrape never fails."""
    try:
        return float(gauge())
    except Exception:  # noqa: BLE001 - the scrape must answer; /readyz says what is down
        return math.nan
