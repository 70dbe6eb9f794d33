"""Liveness, readiness and metrics.

`GET /readyz` lists each part and how it is:
    {"ready": true, "degraded": true, "rasa": "down", "rasa_replicas": ["down"],
     "actions": "ok", "crisis_classifier": "ok", "crisis_reply": "ok"}
- rasa: "ok", "warming", "down", "tracker_store_unreachable" (Rasa answers but keeps
  conversations in memory: its database does not answer), "in_memory" (started without a tracker
  store), "degraded" (some replicas are not "ok"); `rasa_replicas` gives each one.
- actions: "ok", "warming" (loading the index), "no_index" (knowledge answers say so), "down".
- crisis_classifier: "ok", or "lexicon_only" (the weights or the models did not load).
- shared_state: "memory" (one gateway, no RELAIS_REDIS_URL), "ok", "down" (Redis does not
  answer: the chat and the crisis reply go on, the live chat and the console answer 503 with the
  24/7 lines; degraded, not 503), or "persistent" (Redis may write what it holds to disk, or
  refuses to say: asked again every 30 s, api/shared/redis_client.py; live transcripts are then
  redacted before they are kept; degraded).
- crisis_reply: "ok" when the gateway holds the static crisis reply and the apology with the 24/7
  lines, "missing" otherwise.

What "the chat cannot be answered" means, hence 503: the gateway cannot give the static crisis
reply (crisis_reply "missing"). As long as it can, every message gets an answer: a crisis the
static crisis reply with the real numbers, whatever else the apology with the 24/7 lines while
Rasa is down. So Rasa or the action server down is 200 with "degraded": true, not 503: a load
balancer or Kubernetes must keep sending people to a gateway that still answers crises; it is the
alerting (relais_part_up in /metrics) that must page someone.
"""

from __future__ import annotations

import asyncio
import hmac
from typing import Any

import httpx
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, PlainTextResponse

from api.deps import MetricsDep, RasaDep, SettingsDep
from api.errors import MetricsUnauthorized
from api.metrics import Metrics

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


def _replica_state(health: dict[str, Any] | None) -> str:
    if health is None:
        return "down"
    if not health.get("warmed"):
        return "warming"
    store = health.get("tracker_store")
    if store == "unreachable":
        return "tracker_store_unreachable"
    if store == "in_memory":
        return "in_memory"
    return "ok"


async def _actions_state(url: str) -> str:
    try:
        async with httpx.AsyncClient(timeout=2.0) as client:
            response = await client.get(f"{url}/relais/ready")
    except httpx.HTTPError:
        return "down"
    if response.status_code == 503:
        return "warming"
    try:
        index = response.json().get("index")
    except (ValueError, AttributeError):
        index = None
    return "ok" if response.status_code == 200 and index == "ready" else "no_index"


async def check_parts(request: Request, rasa: Any, settings: Any, metrics: Metrics) -> dict[str, Any]:
    """Every part, checked at once (each with a 2-second limit); updates the part gauges."""
    urls = rasa.urls
    shared = getattr(request.app.state, "shared", None)
    healths, actions, shared_state = await asyncio.gather(
        asyncio.gather(*(rasa.replica_health(url) for url in urls)),
        _actions_state(settings.action_server_url),
        asyncio.to_thread(shared.state) if shared is not None else _memory(),
    )
    replicas = [_replica_state(health) for health in healths]
    if all(state == "ok" for state in replicas):
        rasa_state = "ok"
    elif len(set(replicas)) == 1:
        rasa_state = replicas[0]
    else:
        rasa_state = "degraded"
    service = getattr(request.app.state, "chat_service", None)
    classifier = service.crisis_classifier_available if service is not None else False
    crisis_reply = service is not None and service.can_answer_crisis()
    for n, (_url, health, state) in enumerate(zip(urls, healths, replicas, strict=True), start=1):
        replica = f"rasa-{n}"
        metrics.part_up.labels(part=replica).set(1 if state != "down" else 0)
        if health is not None:
            metrics.tracker_store_ok.labels(replica=replica).set(1 if state == "ok" else 0)
            metrics.tracker_store_fallbacks.labels(replica=replica).set(
                float(health.get("tracker_store_fallbacks") or 0)
            )
    metrics.part_up.labels(part="actions").set(1 if actions == "ok" else 0)
    metrics.part_up.labels(part="crisis_classifier").set(1 if classifier else 0)
    if shared_state != "memory":
        metrics.part_up.labels(part="shared_state").set(1 if shared_state == "ok" else 0)
    parts = {
        "rasa": rasa_state,
        "rasa_replicas": replicas,
        "actions": actions,
        "crisis_classifier": "ok" if classifier else "lexicon_only",
        "crisis_reply": "ok" if crisis_reply else "missing",
        "shared_state": shared_state,
    }
    degraded = (
        rasa_state != "ok" or actions != "ok" or not classifier or shared_state in ("down", "persistent")
    )
    return {"ready": bool(crisis_reply), "degraded": degraded, **parts}


async def _memory() -> str:
    return "memory"


@router.get("/readyz")
async def readyz(
    request: Request, rasa: RasaDep, settings: SettingsDep, metrics: MetricsDep
) -> JSONResponse:
    body = await check_parts(request, rasa, settings, metrics)
    return JSONResponse(status_code=200 if body["ready"] else 503, content=body)


@router.get("/metrics", response_class=PlainTextResponse, include_in_schema=False)
async def metrics(request: Request, rasa: RasaDep, settings: SettingsDep, registry: MetricsDep) -> str:
    """Behind `Authorization: Bearer <RELAIS_METRICS_TOKEN>` when set; off in production without
    a token (404), open in development without one."""
    if settings.metrics_token:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        expected = settings.metrics_token.encode("utf-8")
        if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode("utf-8"), expected):
            raise MetricsUnauthorized()
    elif settings.environment != "development":
        raise HTTPException(status_code=404)
    await check_parts(request, rasa, settings, registry)  # the part gauges, fresh at each scrape
    return registry.render()
