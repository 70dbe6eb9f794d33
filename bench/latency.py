"""The service targets of issue 13 (and the sequential knowledge latency of issue 11), in one run.

    .venv/app/bin/python bench/latency.py          # about 5 minutes on an idle 2-core machine

Starts its own stack on spare loopback ports with a trained model and a built index (or uses a
running one with --gateway/--rasa: then no cold start and no memory figure), and measures:

- cold start: from launching the three services to "prêt" (every service ready, one question
  answered end to end: what `make run` waits for before it prints "Relais est prêt");
- sequential: knowledge questions, greetings and crisis messages one at a time, through the
  gateway and straight to Rasa (p50/p95 per kind);
- concurrency 8, 200 messages (40 conversations x 5 turns), straight to Rasa then through the
  gateway, in the same run: throughput, p50/p95/p99, errors, fallback replies (the gateway's
  outcomes `rasa_unavailable` and `empty_bot_reply` from its /metrics), the throughput ratio;
- concurrency 32 for 60 s (bounded: no new message after 60 s, the ones in flight are
  awaited): errors, and whether every crisis message got the crisis reply;
- memory: the resident set of the three services (each service's whole process group).

The machine's load average is printed beside every figure (a 2-core machine shared with other
work gives slower figures than an idle one). The summary is printed and written to
var/bench/latency-summary.txt (--summary). Figures only: nothing here is asserted. The stack
started here raises the per-address rate limits (all the load comes from 127.0.0.1).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.gateway import Conversation, bench_config, own_stack, post_chat  # noqa: E402
from bench.timing import load, percentile  # noqa: E402
from stack.launcher import Stack  # noqa: E402

TURNS = [
    "Bonjour",
    "c'est quoi le PAE?",
    "est-ce que c'est confidentiel?",
    "comment joindre le BQVT",
    "merci",
]
KNOWLEDGE = [
    "c'est quoi le PAE?",
    "Le PAE est-il gratuit pour ma famille?",
    "comment joindre le BQVT",
    "je suis épuisée, c'est quoi les signes d'un burnout?",
    "j'ai un conflit avec une collègue, je fais quoi?",
    "est-ce que Relais garde ce que j'écris?",
    "je suis gestionnaire, comment annoncer un décès à mon équipe?",
    "c'est quoi la différence entre le 811 et le 9-8-8?",
    "le programme d'aide aux médecins, c'est pour qui?",
    "how do I reach the employee assistance program?",
]
GREETINGS = ["Bonjour", "merci", "bonsoir", "allo"]
# Crisis messages the lexicon recognises (design-style wording, not held-out texts).
CRISIS = [
    "je pense à en finir",
    "j'ai plus envie de vivre",
    "mon chum me frappe pis j'ai peur qu'il me tue ce soir",
    "je veux mourir",
]
FALLBACK_OUTCOMES = ("rasa_unavailable", "empty_bot_reply")
SendFn = Callable[["Conversation", str], Awaitable["Answer"]]


@dataclass
class Answer:
    seconds: float
    ok: bool
    crisis: bool = False


@dataclass
class Run:
    answers: list[Answer] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def latencies(self) -> list[float]:
        return [answer.seconds for answer in self.answers if answer.ok]

    @property
    def errors(self) -> int:
        return sum(not answer.ok for answer in self.answers)

    @property
    def throughput(self) -> float:
        return len(self.answers) / self.elapsed if self.elapsed else 0.0


def ms(values: list[float], fraction: float) -> str:
    return f"{percentile(values, fraction) * 1000:.0f} ms"


class Report:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def say(self, line: str) -> None:
        print(line, flush=True)
        self.lines.append(line)

    def target(self, name: str, value: str, met: bool | None) -> None:
        mark = "" if met is None else ("  [atteint]" if met else "  [MANQUÉ]")
        self.say(f"  {name:48s} {value}{mark}   ({load()})")


class Client:
    def __init__(self, http: httpx.AsyncClient, gateway_url: str, rasa_url: str) -> None:
        self.http = http
        self.gateway_url = gateway_url
        self.rasa_url = rasa_url

    async def gateway(self, conversation: Conversation, text: str) -> Answer:
        reply = await post_chat(self.http, self.gateway_url, conversation, text)
        return Answer(reply.seconds, reply.ok, bool(reply.body.get("crisis")))

    async def rasa(self, conversation: Conversation, text: str) -> Answer:
        started = time.perf_counter()
        try:
            response = await self.http.post(
                f"{self.rasa_url}/webhooks/rest/webhook",
                json={"sender": conversation.sender, "message": text},
            )
            return Answer(time.perf_counter() - started, response.status_code == 200)
        except httpx.HTTPError:
            return Answer(time.perf_counter() - started, False)

    async def outcomes(self) -> dict[str, float]:
        """How the gateway answered, from its /metrics (relais_chat_outcomes_total)."""
        text = (await self.http.get(f"{self.gateway_url}/metrics")).text
        found: dict[str, float] = {}
        for line in text.splitlines():
            if line.startswith("relais_chat_outcomes_total{"):
                labels, value = line.rsplit(" ", 1)
                outcome = labels.split('outcome="', 1)[1].split('"', 1)[0]
                found[outcome] = found.get(outcome, 0.0) + float(value)
        return found


async def conversations(send: SendFn, count: int, concurrency: int) -> Run:
    run = Run()
    semaphore = asyncio.Semaphore(concurrency)

    async def one() -> None:
        conversation = Conversation()
        async with semaphore:
            for text in TURNS:
                run.answers.append(await send(conversation, text))

    started = time.perf_counter()
    await asyncio.gather(*(one() for _ in range(count)))
    run.elapsed = time.perf_counter() - started
    return run


async def bounded(client: Client, concurrency: int, seconds: float) -> tuple[Run, int, int]:
    """`concurrency` workers, each holding conversations of a few turns with one crisis message,
    until `seconds` have passed. Returns the run, the crisis messages sent and those that got
    the crisis reply."""
    run = Run()
    crisis_sent = crisis_answered = 0
    deadline = time.perf_counter() + seconds

    async def worker(number: int) -> None:
        nonlocal crisis_sent, crisis_answered
        turn = 0
        while time.perf_counter() < deadline:
            conversation = Conversation()
            script = [*TURNS[:2], CRISIS[(number + turn) % len(CRISIS)], *TURNS[3:]]
            for text in script:
                if time.perf_counter() >= deadline:
                    return
                answer = await client.gateway(conversation, text)
                run.answers.append(answer)
                if text in CRISIS:
                    crisis_sent += 1
                    crisis_answered += answer.ok and answer.crisis
            turn += 1

    started = time.perf_counter()
    await asyncio.gather(*(worker(n) for n in range(concurrency)))
    run.elapsed = time.perf_counter() - started
    return run, crisis_sent, crisis_answered


async def sequential(report: Report, client: Client) -> None:
    report.say("Séquentiel (un message à la fois, modèles chauds):")
    for kind, texts in (
        ("knowledge", KNOWLEDGE * 3),
        ("greeting", GREETINGS * 3),
        ("crisis", CRISIS * 3),
    ):
        for path, send in (("gateway", client.gateway), ("rasa", client.rasa)):
            latencies = []
            for text in texts:
                answer = await send(Conversation(), text)
                if answer.ok:
                    latencies.append(answer.seconds)
            value = f"p50 {ms(latencies, 0.5)}, p95 {ms(latencies, 0.95)} (n={len(latencies)})"
            met = None
            if kind == "knowledge" and path == "gateway":
                met = percentile(latencies, 0.5) <= 0.150 and percentile(latencies, 0.95) <= 0.250
            report.target(f"{kind} via {path} (cible p50 ≤ 150, p95 ≤ 250 ms)" if met is not None
                          else f"{kind} via {path}", value, met)  # fmt: skip


async def measure(report: Report, client: Client, long_seconds: float) -> None:
    for text in TURNS + KNOWLEDGE[:3] + CRISIS[:1]:  # warm both paths (pools, caches)
        await client.gateway(Conversation(), text)
        await client.rasa(Conversation(), text)
    await sequential(report, client)

    report.say(
        "Concurrence 8, 200 messages (40 conversations x 5 tours), Rasa seul puis passerelle:"
    )
    rasa = await conversations(client.rasa, 40, 8)
    report.target("Rasa seul", f"{rasa.throughput:.1f} msg/s, p95 {ms(rasa.latencies, 0.95)}, "
                  f"{rasa.errors} erreurs", None)  # fmt: skip
    before = await client.outcomes()
    gateway = await conversations(client.gateway, 40, 8)
    after = await client.outcomes()
    fallbacks = sum(after.get(o, 0) - before.get(o, 0) for o in FALLBACK_OUTCOMES)
    report.target("passerelle: débit (cible ≥ 20 msg/s)", f"{gateway.throughput:.1f} msg/s",
                  gateway.throughput >= 20)  # fmt: skip
    report.target("passerelle: p95 (cible ≤ 500 ms)",
                  f"{ms(gateway.latencies, 0.95)} (p50 {ms(gateway.latencies, 0.5)}, p99 "
                  f"{ms(gateway.latencies, 0.99)})", percentile(gateway.latencies, 0.95) <= 0.5)  # fmt: skip
    report.target("passerelle: erreurs, réponses de repli (cible 0, 0)",
                  f"{gateway.errors}, {fallbacks:.0f}", gateway.errors == 0 and fallbacks == 0)  # fmt: skip
    ratio = gateway.throughput / rasa.throughput if rasa.throughput else 0.0
    report.target("débit passerelle / Rasa seul (cible ≥ 0.95)", f"{ratio:.2f}", ratio >= 0.95)
    changed = {k: after[k] - before.get(k, 0) for k in after if after[k] != before.get(k, 0)}
    report.say(f"  issues de la passerelle: {changed}")

    report.say(
        f"Concurrence 32 pendant {long_seconds:.0f} s (bornée), un message de crise par conversation:"
    )
    run, sent, answered = await bounded(client, 32, long_seconds)
    report.target("messages, débit, p95",
                  f"{len(run.answers)} messages, {run.throughput:.1f} msg/s, p95 {ms(run.latencies, 0.95)}",
                  None)  # fmt: skip
    report.target("erreurs (cible 0)", str(run.errors), run.errors == 0)
    report.target("crises avec la réponse de crise (cible toutes)", f"{answered}/{sent}",
                  sent > 0 and answered == sent)  # fmt: skip


def resident_mb(stack: Stack) -> dict[str, float]:
    """Resident memory of each service's whole process group (Rasa forks workers), in MB."""
    groups: dict[int, str] = {}
    for name in stack.states():
        process = stack.supervisor.process(name)
        if process is not None and process.poll() is None:
            groups[os.getpgid(process.pid)] = name
    sizes = dict.fromkeys(groups.values(), 0.0)
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            pgrp = int(stat.rsplit(")", 1)[1].split()[2])
            if pgrp in groups:
                pages = int((entry / "statm").read_text().split()[1])
                sizes[groups[pgrp]] += pages * page / 1e6
        except (OSError, ValueError, IndexError):
            continue
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gateway", help="URL of a running gateway (no cold start, no memory)")
    parser.add_argument("--rasa", help="URL of the running Rasa behind it")
    parser.add_argument("--seconds", type=float, default=60.0, help="the concurrency-32 run")
    parser.add_argument("--port-offset", type=int, default=0, help="when ports 18100… are taken")
    parser.add_argument(
        "--summary", type=Path, default=ROOT / "var" / "bench" / "latency-summary.txt"
    )
    args = parser.parse_args()
    report = Report()
    report.say(
        f"Relais, bench/latency.py, {time.strftime('%Y-%m-%d %H:%M:%S %Z')}; avant: {load()}"
    )
    if args.gateway and args.rasa:
        asyncio.run(run_against(report, args.gateway, args.rasa, args.seconds))
    else:
        run_own_stack(report, args.seconds, args.port_offset)
    args.summary.parent.mkdir(parents=True, exist_ok=True)
    args.summary.write_text("\n".join(report.lines) + "\n", encoding="utf-8")
    print(f"(résumé écrit dans {args.summary})")


async def run_against(report: Report, gateway_url: str, rasa_url: str, seconds: float) -> None:
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    async with httpx.AsyncClient(timeout=30, limits=limits) as http:
        await measure(report, Client(http, gateway_url, rasa_url), seconds)


def run_own_stack(report: Report, seconds: float, offset: int = 0) -> None:
    var_dir = Path(tempfile.mkdtemp(prefix="relais-bench-"))
    config = bench_config(var_dir, 18100 + offset, 15105 + offset, 15155 + offset)
    with own_stack(config) as (stack, cold):
        report.say("Démarrage à froid (modèle entraîné, index construit):")
        report.target("jusqu'à « prêt » (cible ≤ 60 s)", f"{cold:.1f} s", cold <= 60)
        sizes = resident_mb(stack)
        total = sum(sizes.values())
        detail = ", ".join(f"{name} {size:.0f} MB" for name, size in sizes.items())
        report.target(
            "mémoire résidente après démarrage", f"{total / 1000:.2f} GB ({detail})", None
        )
        asyncio.run(
            run_against(report, config.gateway_url, f"http://127.0.0.1:{config.rasa_port}", seconds)
        )
        sizes = resident_mb(stack)
        total = sum(sizes.values())
        detail = ", ".join(f"{name} {size:.0f} MB" for name, size in sizes.items())
        report.target("mémoire résidente après la charge (cible ≤ 3 GB)",
                      f"{total / 1000:.2f} GB ({detail})", total <= 3000)  # fmt: skip


if __name__ == "__main__":
    main()
