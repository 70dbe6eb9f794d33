"""Liveness, readiness and metrics."""

from __future__ import annotations

import httpx
from fastapi import APIRouter
from fastapi.responses import JSONResponse, PlainTextResponse

from api.deps import MetricsDep, RasaDep, SettingsDep

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


@router.get("/metrics", response_class=PlainTextResponse)
async def metrics(registry: MetricsDep) -> str:
    return registry.render()
