"""Dependency aliases: the objects created once by the lifespan, handed to the routers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.chat_service import ChatService
from api.metrics import Metrics
from api.rasa_client import RasaClient
from api.settings import Settings, get_settings
from knowledge_base.resources import Registry


def _chat_service(request: Request) -> ChatService:
    return request.app.state.chat_service  # type: ignore[no-any-return]


def _rasa(request: Request) -> RasaClient:
    return request.app.state.rasa  # type: ignore[no-any-return]


def _registry(request: Request) -> Registry:
    return request.app.state.registry  # type: ignore[no-any-return]


def _metrics(request: Request) -> Metrics:
    return request.app.state.metrics  # type: ignore[no-any-return]


SettingsDep = Annotated[Settings, Depends(get_settings)]
ChatServiceDep = Annotated[ChatService, Depends(_chat_service)]
RasaDep = Annotated[RasaClient, Depends(_rasa)]
MetricsDep = Annotated[Metrics, Depends(_metrics)]
RegistryDep = Annotated[Registry, Depends(_registry)]
