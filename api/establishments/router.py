"""GET /api/establishments: the list the callback form offers (the demo only in development)."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from api.deps import RegistryDep, SettingsDep
from api.establishments.access import visible

router = APIRouter(prefix="/api", tags=["establishments"])


class EstablishmentOut(BaseModel):
    id: str
    name: str
    region: str
    local_configured: bool


class EstablishmentList(BaseModel):
    establishments: list[EstablishmentOut]


@router.get("/establishments", response_model=EstablishmentList)
async def establishments(registry: RegistryDep, settings: SettingsDep) -> EstablishmentList:
    shown = [e for e in registry.establishments if visible(e, settings)]
    return EstablishmentList(
        establishments=[
            EstablishmentOut(id=e.id, name=e.name, region=e.region, local_configured=e.local_configured)
            for e in sorted(shown, key=lambda e: e.name)
        ]
    )
