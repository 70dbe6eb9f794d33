"""Percentiles of timings in milliseconds, as the bench scripts print them."""

from __future__ import annotations

import os
import statistics
from pathlib import Path


def percentiles(samples_ms: list[float], digits: int = 1) -> str:
    ordered = sorted(samples_ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"p50 {statistics.median(ordered):6.{digits}f} ms   p95 {p95:6.{digits}f} ms   (n={len(ordered)})"


def load() -> str:
    """The load average (1, 5, 15 minutes), as `uptime` prints it: figures depend on it."""
    one, five, fifteen = Path("/proc/loadavg").read_text().split()[:3]
    return f"load {one} {five} {fifteen} on {os.cpu_count()} cores"


def percentile(values: list[float], fraction: float) -> float:
    """The value at `fraction` (0.95 for p95) of `values`, nearest rank; nan when empty."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]
