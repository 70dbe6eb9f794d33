"""The knowledge-base figures as a user sees them, through the gateway: `python bench/kb_gateway.py`.

    .venv/app/bin/python bench/kb_gateway.py [--queries FILE] [--gateway URL] [--misses]

knowledge_base/evaluate.py calls the search alone; here every query of a query file (the format of
knowledge_base/calibration.py `load_queries`; default the newest tests/data/kb_test_*.yml) is
sent to the gateway (POST /api/chat), as outside reviewers measure it, so what the dialogue does
counts too: a question DIET routes elsewhere (out_of_scope, a guided path), "pas certain", the
crisis reply. Each query is a fresh conversation; a follow-up (`context` or `previous`) first
sends its context question (an article id: that article's title), then the follow-up in the same
conversation; only the last turn is scored. The query's `audience` is sent as a page that knows
it would (`--no-audience`: never).

Each scored reply is read as the widget reads the ChatResponse, and classed:
- `crisis`: the gateway's crisis reply (`crisis: true`);
- `knowledge`: an answer citing articles (`sources`, from actions/knowledge.py `send`);
- `unsure`: "pas certain" (the knowledge action's, or the bot's "pas certain d'avoir compris");
- `out_of_scope`: the bot's "hors sujet" reply;
- `error`: no reply, an HTTP error, or the apology the gateway or the action server gives when a
  part is down;
- `other`: anything else (an intent's reply, the manager's guided path, a handoff...).

Scores: topic right (a cited article's topic is one of the right articles' topics; a crisis
reply counts as the topic `crise`, whose articles give the crisis lines it carries), article
right (a right article is cited; ids through knowledge_base/articles/redirects.yml), fact present
(`contains_fact` on all the reply's texts, for the queries with a `fact`), answered right (topic
right and, when there is a fact, the fact present); the share of each reply class; p50/p95 of the
scored turn. By kind and overall. Figures only, nothing asserted; a question text is never
printed (the test sets are held out): `--misses` lists each miss as its number in the file, kind,
expected id, reply class and cited ids (else the bot's responses by name: utter_..., "?" for a
text not in bot/domain, such as a composed answer; for "pas certain", the articles it offers).

Starts its own stack on spare loopback ports (bench/gateway.py: trained model, built index, rate
limits raised; its files in a temporary folder, removed after) unless `--gateway` names a running
one (whose rate limits then apply: a 429 counts as `error`).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from api.chat.replies import load_static_replies  # noqa: E402
from bench.gateway import Conversation, bench_config, own_stack, post_chat, spare_ports  # noqa: E402
from bench.timing import load, percentile  # noqa: E402
from knowledge_base.answers import compose_unsure, contains_fact  # noqa: E402
from knowledge_base.calibration import Query, load_queries  # noqa: E402
from knowledge_base.documents import Article  # noqa: E402
from knowledge_base.english import in_english  # noqa: E402
from knowledge_base.evaluate import newest_test_set  # noqa: E402
from knowledge_base.loader import load_articles  # noqa: E402
from knowledge_base.redirects import REDIRECTS_NAME, load_redirects  # noqa: E402

ARTICLES = ROOT / "knowledge_base" / "articles"
CLASSES = ("knowledge", "crisis", "unsure", "out_of_scope", "other", "error")
CRISIS_TOPIC = "crise"  # the crisis reply's topic: these articles give the lines it carries
AUDIENCES = ("employee", "manager")  # what ChatRequest.audience takes


@dataclass(frozen=True)
class Scored:
    number: int  # 1-based, in the query file
    query: Query
    reply_class: str
    cited: tuple[str, ...]
    topic_right: bool
    article_right: bool
    fact_present: bool | None  # None: the query names no fact
    offered: tuple[str, ...]  # the articles its buttons offer ("pas certain")
    offered_right: bool  # "pas certain": a right article is among its buttons
    seconds: float
    responses: tuple[str, ...] = ()  # the bot's responses recognised in the reply (utter_...)

    @property
    def answered_right(self) -> bool:
        return self.topic_right and self.fact_present is not False


class Reader:
    """Reads a ChatResponse as the widget shows it, against the articles and the bot's texts."""

    def __init__(self, articles: Sequence[Article], redirects: dict[str, str]) -> None:
        self.articles = {article.id: article for article in articles}
        self.redirects = redirects
        static = load_static_replies(ROOT / "bot" / "domain", ROOT / "bot" / "rules")
        unsure = [compose_unsure([]), compose_unsure(list(articles[:1]))]
        unsure += [in_english(answer) for answer in unsure]
        # A response is known in both languages (English questions get bot/english.yml's text).
        named = [*static.responses.items(), *static.english.items()]
        self.unsure_texts = {answer.text for answer in unsure}
        self.unsure_texts |= {m.text for name, m in named if name == "utter_default"}
        self.out_of_scope_texts = {m.text for name, m in named if name == "utter_out_of_scope"}
        self.error_texts = {
            m.text
            for name, m in named
            if name in ("utter_service_unavailable", "utter_knowledge_unavailable")
        }
        self.response_names = {message.text: name for name, message in named}

    def article(self, article_id: str) -> Article | None:
        return self.articles.get(self.redirects.get(article_id, article_id))

    def classify(self, body: dict[str, Any], ok: bool) -> str:
        texts = {str(message.get("text", "")) for message in body.get("messages") or []}
        if not ok or not texts:
            return "error"
        if body.get("crisis"):
            return "crisis"
        if body.get("sources"):
            return "knowledge"
        for name, known in (
            ("unsure", self.unsure_texts),
            ("out_of_scope", self.out_of_scope_texts),
            ("error", self.error_texts),
        ):
            if texts & known:
                return name
        return "other"

    def score(self, number: int, query: Query, body: dict[str, Any], ok: bool, seconds: float) -> Scored:
        reply_class = self.classify(body, ok)
        cited = tuple(str(source.get("id")) for source in body.get("sources") or [])
        right = [a for i in query.right_ids() if (a := self.article(i)) is not None]
        right_ids = {article.id for article in right}
        right_topics = {article.topic for article in right}
        cited_articles = [a for i in cited if (a := self.article(i)) is not None]
        topic_right = any(article.topic in right_topics for article in cited_articles) or (
            reply_class == "crisis" and CRISIS_TOPIC in right_topics
        )
        messages = body.get("messages") or []
        fact_present = None
        if query.fact:
            text = "\n".join(str(message.get("text", "")) for message in messages)
            fact_present = contains_fact(text, query.fact)
        offered: list[str] = []
        for message in messages:
            for button in message.get("buttons") or []:
                payload = str(button.get("payload", ""))
                if payload.startswith("/ask_article{"):
                    try:
                        offered.append(str(json.loads(payload[len("/ask_article") :])["article_id"]))
                    except (ValueError, KeyError, TypeError):
                        continue
        return Scored(
            number, query, reply_class, cited,
            topic_right=topic_right,
            article_right=any(article.id in right_ids for article in cited_articles),
            fact_present=fact_present,
            offered=tuple(offered),
            offered_right=reply_class == "unsure"
            and any((a := self.article(i)) is not None and a.id in right_ids for i in offered),
            seconds=seconds,
            responses=tuple(self.response_names.get(str(m.get("text")), "?") for m in messages),
        )  # fmt: skip

    def context_question(self, query: Query) -> str | None:
        """What a follow-up's conversation starts with: its previous question, or the title of
        its context article (a `context` that is no article id is a question)."""
        if query.previous:
            return query.previous
        if query.context:
            article = self.article(query.context)
            return article.title if article is not None else query.context
        return None


async def run(
    reader: Reader, gateway_url: str, queries: Sequence[Query], audience: bool
) -> list[Scored]:
    scored = []
    async with httpx.AsyncClient(timeout=60) as http:
        await post_chat(http, gateway_url, Conversation(), "Bonjour")  # warm the path
        for number, query in enumerate(queries, start=1):
            conversation = Conversation()
            fields = {"audience": query.audience} if audience and query.audience in AUDIENCES else {}
            context = reader.context_question(query)
            if context is not None:
                await post_chat(http, gateway_url, conversation, context, **fields)
            reply = await post_chat(http, gateway_url, conversation, query.text, **fields)
            scored.append(reader.score(number, query, reply.body, reply.ok, reply.seconds))
            if number % 50 == 0:
                print(f"  … {number}/{len(queries)} ({load()})", flush=True)
    return scored


def share(count: int, total: int) -> str:
    return f"{count / total:.3f}" if total else "-"


def table(scored: Sequence[Scored]) -> None:
    kinds = sorted({s.query.kind for s in scored})
    groups = [(kind, [s for s in scored if s.query.kind == kind]) for kind in kinds]
    groups.append(("all", list(scored)))
    print("| kind | n | topic right | article right | fact present (n) | answered right | "
          + " | ".join(CLASSES) + " | p50 | p95 |")  # fmt: skip
    print("|---" * (8 + len(CLASSES)) + "|")
    for name, group in groups:
        n = len(group)
        facts = [s for s in group if s.fact_present is not None]
        classes = Counter(s.reply_class for s in group)
        seconds = [s.seconds for s in group if s.reply_class != "error"]
        cells = [
            name, str(n),
            share(sum(s.topic_right for s in group), n),
            share(sum(s.article_right for s in group), n),
            f"{share(sum(bool(s.fact_present) for s in facts), len(facts))} ({len(facts)})",
            share(sum(s.answered_right for s in group), n),
            *(share(classes[c], n) for c in CLASSES),
            f"{percentile(seconds, 0.5) * 1000:.0f} ms", f"{percentile(seconds, 0.95) * 1000:.0f} ms",
        ]  # fmt: skip
        print("| " + " | ".join(cells) + " |")


def miss_counts(scored: Sequence[Scored]) -> None:
    misses = [s for s in scored if not s.answered_right]
    print(f"\nMisses (not answered right): {len(misses)} of {len(scored)}")
    reasons: Counter[str] = Counter()
    for s in misses:
        if s.reply_class == "knowledge":
            reasons["knowledge, wrong topic" if not s.topic_right else "knowledge, right topic, fact absent"] += 1
        elif s.reply_class == "unsure":
            reasons["unsure, a right article among its buttons" if s.offered_right
                    else "unsure, no right article among its buttons"] += 1  # fmt: skip
        elif s.reply_class == "crisis":
            reasons["crisis" + (", fact absent" if s.topic_right else ", topic not crise")] += 1
        else:
            reasons[f"{s.reply_class}: {' + '.join(s.responses)}"] += 1
    for reason, count in reasons.most_common():
        print(f"  {reason:48s} {count}")
    through_crisis = sum(s.answered_right and s.reply_class == "crisis" for s in scored)
    print(f"Answered right through the crisis reply: {through_crisis}")


def list_misses(scored: Sequence[Scored]) -> None:
    print("\n| # | kind | expected | reply class | cited or responses |")
    print("|---|---|---|---|---|")
    for s in scored:
        if not s.answered_right:
            expected = "|".join(s.query.right_ids()) or "-"
            cited = ", ".join(s.cited) or " + ".join(s.responses) or "-"
            if s.reply_class == "unsure":
                cited = "offers " + (", ".join(s.offered) or "none")
            print(f"| {s.number} | {s.query.kind} | {expected} | {s.reply_class} | {cited} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=Path, help="a query file (default: the newest "
                        "tests/data/kb_test_*.yml)")  # fmt: skip
    parser.add_argument("--gateway", help="URL of a running gateway (else a stack of its own)")
    parser.add_argument("--no-audience", action="store_true", help="never send `audience`")
    parser.add_argument("--misses", action="store_true", help="list the misses (ids, no text)")
    args = parser.parse_args(argv)
    path = args.queries or newest_test_set()
    if path is None:
        parser.error("no tests/data/kb_test_*.yml: give --queries")
    queries = [query for query in load_queries(path) if query.right_ids()]
    articles = load_articles(ARTICLES)
    redirects = load_redirects(ARTICLES / REDIRECTS_NAME, [article.id for article in articles])
    reader = Reader(articles, redirects)
    follow_ups = sum(reader.context_question(query) is not None for query in queries)
    print(f"Relais, bench/kb_gateway.py, {time.strftime('%Y-%m-%d %H:%M:%S %Z')}; {load()}")
    print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {len(queries)} "
          f"queries with an expected article, {follow_ups} follow-ups, "
          f"audience {'never sent' if args.no_audience else 'sent when given'}")  # fmt: skip
    if args.gateway:
        scored = asyncio.run(run(reader, args.gateway, queries, not args.no_audience))
    else:
        with tempfile.TemporaryDirectory(prefix="relais-kb-gateway-") as var_dir:
            config = bench_config(Path(var_dir), *spare_ports(3))
            with own_stack(config) as (_, cold):
                print(f"stack ready in {cold:.0f} s on {config.gateway_url}")
                scored = asyncio.run(run(reader, config.gateway_url, queries, not args.no_audience))
    print(f"after: {load()}\n")
    table(scored)
    miss_counts(scored)
    if args.misses:
        list_misses(scored)
    return 0


if __name__ == "__main__":
    sys.exit(main())
