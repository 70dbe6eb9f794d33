"""Latency through the gateway vs straight to Rasa's REST channel, in the same run.

Starts its own stack on spare loopback ports (or uses a running one with --gateway/--rasa), sends
N conversations of a few turns at concurrency C to each, and prints p50/p95/p99 latency, messages
per second and the gateway/Rasa ratio. Figures only: nothing here is asserted.

    .venv/app/bin/python bench/latency.py --conversations 40 --concurrency 4
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from stack.launcher import Stack  # noqa: E402
from stack.services import StackConfig  # noqa: E402

TURNS = [
    "Bonjour",
    "c'est quoi le PAE?",
    "est-ce que c'est confidentiel?",
    "comment joindre le BQVT",
    "merci",
]


async def run_load(
    send: callable, conversations: int, concurrency: int  # type: ignore[valid-type]
) -> tuple[list[float], float]:
    latencies: list[float] = []
    semaphore = asyncio.Semaphore(concurrency)

    async def conversation() -> None:
        conversation_id = uuid.uuid4().hex
        async with semaphore:
            for text in TURNS:
                started = time.perf_counter()
                await send(conversation_id, text)
                latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(conversation() for _ in range(conversations)))
    return latencies, time.perf_counter() - started


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def describe(name: str, latencies: list[float], elapsed: float) -> float:
    p50 = percentile(latencies, 0.50) * 1000
    print(
        f"{name:8s} p50 {p50:7.1f} ms  p95 {percentile(latencies, 0.95) * 1000:7.1f} ms  "
        f"p99 {percentile(latencies, 0.99) * 1000:7.1f} ms  mean {statistics.mean(latencies) * 1000:7.1f} ms  "
        f"{len(latencies) / elapsed:6.1f} msg/s"
    )
    return p50


async def measure(gateway_url: str, rasa_url: str, conversations: int, concurrency: int) -> None:
    async with httpx.AsyncClient(timeout=60) as client:

        async def via_gateway(conversation_id: str, text: str) -> None:
            response = await client.post(
                f"{gateway_url}/api/chat", json={"conversation_id": conversation_id, "message": text}
            )
            response.raise_for_status()

        async def via_rasa(conversation_id: str, text: str) -> None:
            response = await client.post(
                f"{rasa_url}/webhooks/rest/webhook", json={"sender": conversation_id, "message": text}
            )
            response.raise_for_status()

        # Warm up both paths (model, index and HTTP pools) so neither pays first-call costs.
        for text in TURNS:
            await via_gateway("warm-up-gateway", text)
            await via_rasa("warm-up-rasa", text)
        print(f"{conversations} conversations x {len(TURNS)} turns, concurrency {concurrency}")
        rasa_latencies, rasa_elapsed = await run_load(via_rasa, conversations, concurrency)
        rasa_p50 = describe("rasa", rasa_latencies, rasa_elapsed)
        before = await outcomes(client, gateway_url)
        latencies, elapsed = await run_load(via_gateway, conversations, concurrency)
        gateway_p50 = describe("gateway", latencies, elapsed)
        after = await outcomes(client, gateway_url)
        print(f"gateway/rasa p50 ratio: {gateway_p50 / rasa_p50:.2f}  "
              f"throughput ratio: {(len(latencies) / elapsed) / (len(rasa_latencies) / rasa_elapsed):.2f}")  # fmt: skip
        changed = {name: after[name] - before.get(name, 0) for name in after if after[name] != before.get(name, 0)}
        print(f"gateway outcomes (relais_chat_outcomes_total): {changed}")


async def outcomes(client: httpx.AsyncClient, gateway_url: str) -> dict[str, float]:
    """How the gateway answered, from its /metrics: bot, rasa_unavailable (a fallback reply)…"""
    text = (await client.get(f"{gateway_url}/metrics")).text
    found: dict[str, float] = {}
    for line in text.splitlines():
        if line.startswith("relais_chat_outcomes_total{"):
            labels, value = line.rsplit(" ", 1)
            outcome = labels.split('outcome="', 1)[1].split('"', 1)[0]
            found[outcome] = found.get(outcome, 0.0) + float(value)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=40)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--gateway", help="URL of a running gateway")
    parser.add_argument("--rasa", help="URL of the running Rasa behind it")
    args = parser.parse_args()
    if args.gateway and args.rasa:
        asyncio.run(measure(args.gateway, args.rasa, args.conversations, args.concurrency))
        return
    var_dir = Path(tempfile.mkdtemp(prefix="relais-bench-"))
    stack = Stack(
        StackConfig(gateway_port=18100, rasa_port=15105, action_port=15155, var_dir=var_dir)
    )
    stack.start()
    try:
        asyncio.run(
            measure(
                stack.config.gateway_url,
                f"http://127.0.0.1:{stack.config.rasa_port}",
                args.conversations,
                args.concurrency,
            )
        )
    finally:
        stack.stop()


if __name__ == "__main__":
    main()
