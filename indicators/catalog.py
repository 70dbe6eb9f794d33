"""The counters kept per ISO week × establishment × channel × topic (and article, for feedback),
and the wait buckets of the live chat, from which a median is computed without finer timestamps.

`NO_VALUE` fills a dimension an event does not have (a callback has no topic; only feedback
has an article); `UNKNOWN_ESTABLISHMENT` is the establishment of a conversation that never named one.
"""

from __future__ import annotations

import math

NO_VALUE = "-"
UNKNOWN_ESTABLISHMENT = "unknown"

# name → French definition (the README and the report's HTML show these).
COUNTERS: dict[str, str] = {
    "conversations": "Conversations commencées (compte une fois par conversation).",
    "conversations_topic": "Conversations ayant touché ce thème (une fois par conversation et par thème).",
    "answered": "Questions auxquelles la base de connaissances a répondu avec confiance.",
    "unsure": "Questions répondues avec une confiance faible (« je ne suis pas certain »).",
    "unanswered": "Questions restées sans réponse (base ou robot indisponible).",
    "out_of_scope": "Questions hors sujet.",
    "handoff_lines": "Réponses montrant des lignes d'aide à joindre.",
    "handoff_callback": "Réponses proposant d'être rappelé.",
    "handoff_live_chat": "Réponses proposant de clavarder avec un intervenant.",
    "callbacks_created": "Demandes de rappel enregistrées.",
    "callbacks_handled": "Demandes de rappel traitées par l'équipe.",
    "live_requested": "Demandes de clavardage avec un intervenant.",
    "live_taken": "Clavardages pris en charge par un intervenant.",
    "crisis_replies": "Réponses de crise envoyées.",
    "distress_replies": "Réponses de soutien à une détresse sans risque immédiat.",
    "feedback_yes": "Rétroactions « oui, cet article m'a aidé ».",
    "feedback_no": "Rétroactions « non, cet article ne m'a pas aidé ».",
}

# Upper bound of each live-chat wait bucket in seconds, and its counter name.
WAIT_BUCKETS: tuple[tuple[float, str], ...] = (
    (60.0, "live_wait_0_1min"),
    (120.0, "live_wait_1_2min"),
    (300.0, "live_wait_2_5min"),
    (600.0, "live_wait_5_10min"),
    (900.0, "live_wait_10_15min"),
    (1800.0, "live_wait_15_30min"),
    (3600.0, "live_wait_30_60min"),
    (math.inf, "live_wait_60min_plus"),
)
WAIT_COUNTERS = tuple(name for _, name in WAIT_BUCKETS)
ALL_COUNTERS = (*COUNTERS, *WAIT_COUNTERS)


def wait_bucket(seconds: float) -> str:
    for upper, name in WAIT_BUCKETS:
        if seconds < upper:
            return name
    return WAIT_BUCKETS[-1][1]


def median_wait_minutes(buckets: dict[str, int]) -> float | None:
    """The median wait in minutes, interpolated inside its bucket; None without any wait.
    A median in the open last bucket is given as its lower bound (60)."""
    total = sum(buckets.get(name, 0) for name in WAIT_COUNTERS)
    if total == 0:
        return None
    half = total / 2
    lower, seen = 0.0, 0
    for upper, name in WAIT_BUCKETS:
        count = buckets.get(name, 0)
        if count and seen + count >= half:
            if math.isinf(upper):
                return lower / 60
            return (lower + (upper - lower) * (half - seen) / count) / 60
        seen += count
        lower = upper
    return lower / 60
