"""The gateway: wires settings, the Rasa client, static replies and the routers. Nothing else."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI, Request, Response
from fastapi.responses import FileResponse

from api.agent_auth import AgentAuth
from api.callback_worker import open_callbacks
from api.chat_service import ChatService
from api.crisis_check import CrisisCheck, shared_detector
from api.errors import BodyTooLarge, error_response, register_error_handlers
from api.live_chat import LiveChat
from api.metrics import Metrics
from api.rasa_client import RasaClient
from api.routers import agent, agent_tickets, callback, chat, establishments, health, live
from api.settings import Settings, get_settings
from api.static_replies import load_static_replies
from knowledge_base.registry_loader import load_registry


def create_app(
    settings: Settings | None = None, rasa_transport: httpx.AsyncBaseTransport | None = None
) -> FastAPI:
    """`rasa_transport` lets tests put a scripted Rasa behind the real HTTP client."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        rasa = RasaClient(
            settings.rasa_urls, settings.rasa_token, settings.rasa_timeout_seconds, rasa_transport
        )
        replies = load_static_replies(settings.domain_dir, settings.rules_dir)
        app.state.rasa = rasa
        app.state.registry = load_registry(settings.resources_file, settings.establishments_file)
        app.state.metrics = Metrics()
        app.state.agent_auth = AgentAuth(settings.agent_keys, settings.agent_session_hours)
        app.state.live_chat = LiveChat()
        detector = (
            await asyncio.to_thread(shared_detector, settings.crisis_weights_file)
            if settings.crisis_classifier
            else None
        )
        app.state.chat_service = ChatService(
            rasa,
            replies,
            app.state.metrics,
            app.state.live_chat,
            counsellors_present=lambda: bool(app.state.agent_auth.present()),
            crisis_check=CrisisCheck(detector),
        )
        async with open_callbacks(settings, app.state.registry, app.state.metrics) as callbacks:
            app.state.callbacks = callbacks
            yield
        await rasa.close()

    app = FastAPI(title="Relais", version="0.1.0", lifespan=lifespan)
    app.dependency_overrides[get_settings] = lambda: settings
    register_error_handlers(app)

    @app.middleware("http")
    async def limit_body_size(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > settings.max_body_bytes:
            error = BodyTooLarge()
            return error_response(error.status_code, error.code, error.message_fr, error.message_en)
        return await call_next(request)

    app.include_router(chat.router)
    app.include_router(establishments.router)
    app.include_router(health.router)
    app.include_router(live.router)
    app.include_router(agent.router)
    app.include_router(callback.router)
    app.include_router(agent_tickets.router)

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(settings.static_dir / "index.html", media_type="text/html")

    logging.getLogger("relais").setLevel(logging.INFO)
    return app
