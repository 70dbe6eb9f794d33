"""Liveness, readiness and metrics."""

from __future__ import annotations

import hmac

import httpx
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, PlainTextResponse

from api.deps import MetricsDep, RasaDep, SettingsDep
from api.errors import MetricsUnauthorized

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(rasa: RasaDep, settings: SettingsDep) -> JSONResponse:
    checks = {"rasa_model_loaded": await rasa.model_loaded(), "action_server": False}
    try:
        async with httpx.AsyncClient(timeout=2.0) as client:
            response = await client.get(f"{settings.action_server_url}/health")
            checks["action_server"] = response.status_code == 200
    except httpx.HTTPError:
        pass
    ready = all(checks.values())
    return JSONResponse(status_code=200 if ready else 503, content={"ready": ready, **checks})


@router.get("/metrics", response_class=PlainTextResponse, include_in_schema=False)
async def metrics(registry: MetricsDep, settings: SettingsDep, request: Request) -> str:
    """Behind `Authorization: Bearer <RELAIS_METRICS_TOKEN>` when set; off in production without
    a token (404), open in development without one."""
    if settings.metrics_token:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        expected = settings.metrics_token.encode("utf-8")
        if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode("utf-8"), expected):
            raise MetricsUnauthorized()
    elif settings.environment != "development":
        raise HTTPException(status_code=404)
    return registry.render()
