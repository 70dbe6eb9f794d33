"""The gateway: wires settings, the Rasa client, static replies and the routers. Nothing else."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI, Request, Response
from fastapi.responses import HTMLResponse

from api import health
from api.callbacks import console as callback_console
from api.callbacks import router as callbacks
from api.callbacks.worker import open_callbacks
from api.chat import router as chat
from api.chat.crisis_check import CrisisCheck, shared_detector
from api.chat.rasa_client import RasaClient
from api.chat.replies import load_static_replies
from api.chat.service import ChatService
from api.errors import BodyTooLarge, error_response, register_error_handlers
from api.establishments import router as establishments
from api.live import console as live_console
from api.live import router as live
from api.live.auth import AgentAuth
from api.live.queue import LiveChat
from api.logs import RequestIdMiddleware, configure_logging
from api.metrics import Metrics
from api.pages import page
from api.settings import Settings, get_settings
from directory.loader import load_registry


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
        app.state.metrics.watch(
            lambda: len(app.state.live_chat.waiting()), lambda: len(app.state.agent_auth.present())
        )
        detector = await asyncio.to_thread(
            shared_detector, settings.crisis_weights_file, settings.crisis_classifier
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

    for module in (chat, establishments, health, live, live_console, callbacks, callback_console):
        app.include_router(module.router)

    @app.get("/", include_in_schema=False)
    async def index(request: Request) -> HTMLResponse:
        return page(settings.static_dir / "index.html", request.app.state.registry)

    app.add_middleware(RequestIdMiddleware)
    configure_logging()
    return app
