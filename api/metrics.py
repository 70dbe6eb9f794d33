"""In-process counters and latency figures, served as Prometheus text at GET /metrics.

Only counts and durations: never a message, a conversation id or anything a person wrote.
"""

from __future__ import annotations

import threading
from collections import Counter


class Metrics:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counters: Counter[str] = Counter()
        self._latency_sum = 0.0
        self._latency_count = 0

    def count(self, name: str, amount: int = 1) -> None:
        with self._lock:
            self._counters[name] += amount

    def observe_latency(self, seconds: float) -> None:
        with self._lock:
            self._latency_sum += seconds
            self._latency_count += 1

    def value(self, name: str) -> int:
        with self._lock:
            return self._counters[name]

    def render(self) -> str:
        with self._lock:
            lines = []
            for name in sorted(self._counters):
                lines.append(f"# TYPE relais_{name}_total counter")
                lines.append(f"relais_{name}_total {self._counters[name]}")
            lines.append("# TYPE relais_chat_latency_seconds summary")
            lines.append(f"relais_chat_latency_seconds_sum {self._latency_sum:.6f}")
            lines.append(f"relais_chat_latency_seconds_count {self._latency_count}")
        return "\n".join(lines) + "\n"
