"""Which establishments the gateway accepts: the registry's, the fictional demo only in development."""

from __future__ import annotations

from api.errors import UnknownEstablishment
from api.settings import Settings
from directory.models import Establishment, Registry


def visible(establishment: Establishment, settings: Settings) -> bool:
    return not establishment.fictional or settings.environment == "development"


def require_establishment(registry: Registry, settings: Settings, establishment_id: str) -> Establishment:
    """The establishment, or UnknownEstablishment (422) for an unknown or hidden one."""
    establishment = registry.establishment(establishment_id)
    if establishment is None or not visible(establishment, settings):
        raise UnknownEstablishment()
    return establishment
