"""The gateway: wires settings, the Rasa client, static replies and the routers. Nothing else."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse

from api import health
from api.body_limit import DeclaredBodyLimit, install_body_limit
from api.callbacks import console as callback_console
from api.callbacks import router as callbacks
from api.callbacks.worker import open_callbacks
from api.chat import router as chat
from api.chat.answered import AnsweredArticles
from api.chat.crisis_check import CrisisCheck, load_knowledge, shared_detector
from api.chat.rasa_client import RasaClient
from api.chat.replies import load_static_replies
from api.chat.service import ChatService
from api.conversations import router as conversations
from api.conversations.records import open_records
from api.conversations.tokens import ConversationTokens
from api.counsellors.audit import AuditLog
from api.counsellors.availability import CounsellorAvailability
from api.counsellors.scope import check_counsellor_establishments
from api.errors import UnexpectedErrors, register_error_handlers
from api.establishments import router as establishments
from api.headers import add_security_headers
from api.indicators import feedback
from api.indicators import router as indicators
from api.indicators.articles import load_article_catalog
from api.indicators.worker import flushing, indicator_recorder
from api.live import console as live_console
from api.live import router as live
from api.live.auth import AgentAuth
from api.live.queue import LiveChat
from api.logs import RequestIdMiddleware, configure_logging
from api.metrics import Metrics
from api.pages import page
from api.settings import Settings, get_settings
from api.shared.state import SharedState
from api.teams import router as teams
from api.teams.runtime import open_teams
from api.throttling import Throttle
from api.widget import router as widget
from api.widget.cors import allow_widget_origins
from directory.loader import load_registry
from directory.matching import establishment_name_test
from privacy.files import restrict_sqlite_file


def create_app(
    settings: Settings | None = None, rasa_transport: httpx.AsyncBaseTransport | None = None
) -> FastAPI:
    """`rasa_transport` lets tests put a scripted Rasa behind the real HTTP client."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        rasa = RasaClient(settings.rasa_urls, settings.rasa_timeout_seconds, rasa_transport)
        replies = load_static_replies(settings.domain_dir, settings.rules_dir)
        app.state.rasa = rasa
        app.state.registry = load_registry(settings.resources_file, settings.establishments_file)
        app.state.metrics = Metrics()
        shared = app.state.shared = SharedState.from_url(settings.redis_url)  # memory or Redis
        app.state.agent_auth = AgentAuth(
            settings.agent_keys, settings.agent_session_hours, store=shared.agent_sessions("agent")
        )
        app.state.live_chat = LiveChat(store=shared.live_sessions())
        app.state.conversation_tokens = ConversationTokens(settings.conversation_secret or None)
        app.state.audit = AuditLog(app.state.conversation_tokens)
        check_counsellor_establishments(settings.agent_establishments, app.state.registry)
        availability = app.state.counsellor_availability = CounsellorAvailability(
            app.state.agent_auth,
            settings.agent_establishments,
            frozenset(e.id for e in app.state.registry.establishments),
        )
        app.state.throttle = Throttle(settings, shared.redis)
        app.state.indicators = indicator_recorder(settings, shared.indicator_contexts())
        app.state.articles = load_article_catalog(settings.articles_dir)
        bqvt_keys = {name: lead.key for name, lead in settings.bqvt_keys.items()}
        app.state.bqvt_auth = AgentAuth(
            bqvt_keys, settings.agent_session_hours, store=shared.agent_sessions("bqvt")
        )
        app.state.metrics.watch(
            lambda: len(app.state.live_chat.waiting()), lambda: len(app.state.agent_auth.present())
        )
        detector = await asyncio.to_thread(
            shared_detector, settings.crisis_weights_file, settings.crisis_classifier
        )
        # The index too, on the classifier's models: one embedding per message (issue 13).
        knowledge = await asyncio.to_thread(load_knowledge, settings.index_dir, detector)
        counsellors_present = app.state.agent_auth.anyone_present
        app.state.chat_service = ChatService(
            rasa,
            replies,
            app.state.metrics,
            app.state.live_chat,
            counsellors_present=counsellors_present,
            crisis_check=CrisisCheck(detector, knowledge),
            indicators=app.state.indicators,
            risk_store=shared.risks(),
            counsellors_for=availability.for_conversation,
            names_establishment=establishment_name_test(app.state.registry.establishments),
            # One gateway only: an erasure must reach every memory that holds the conversation.
            answered=AnsweredArticles() if shared.redis is None else None,
        )
        async with (
            open_callbacks(settings, app.state.registry, app.state.metrics) as callbacks,
            open_teams(
                settings,
                app.state.registry,
                app.state.chat_service,
                app.state.live_chat,
                CrisisCheck(detector),
                counsellors_present,
                app.state.metrics,
                shared.redis,
                availability,
            ) as app.state.teams,
            open_records(
                settings, app.state.live_chat, app.state.metrics, app.state.chat_service.forget
            ) as records,
            flushing(app.state.indicators, settings.indicators_flush_seconds),
        ):
            app.state.callbacks = callbacks
            app.state.conversation_records = availability.records = records
            restrict_sqlite_file(settings.database_url)  # tickets hold names and numbers
            yield
        await rasa.close()
        shared.close()

    # No /docs, /redoc or /openapi.json outside development.
    docs = settings.environment == "development"
    app = FastAPI(
        title="Relais",
        version="0.1.0",
        lifespan=lifespan,
        docs_url="/docs" if docs else None,
        redoc_url="/redoc" if docs else None,
        openapi_url="/openapi.json" if docs else None,
    )
    app.dependency_overrides[get_settings] = lambda: settings
    register_error_handlers(app)
    install_body_limit(app, settings.max_body_bytes)  # first: innermost; chunked bodies too
    # before reading; inside CORS, so a widget on another origin can read the 413
    app.add_middleware(DeclaredBodyLimit, max_bytes=settings.max_body_bytes)
    # an unexpected error's 500 in the same bilingual form, inside CORS and the security headers
    app.add_middleware(UnexpectedErrors)
    allow_widget_origins(app, settings)

    add_security_headers(app, settings)  # added last: outermost, so every answer gets them

    for module in (
        chat, establishments, health, live, live_console, callbacks, callback_console, conversations,
        teams, widget,
    ):
        app.include_router(module.router)
    app.include_router(feedback.router)
    app.include_router(indicators.router)

    @app.get("/", include_in_schema=False)
    async def index(request: Request) -> HTMLResponse:
        return page(settings.static_dir / "index.html", request.app.state.registry)

    app.add_middleware(RequestIdMiddleware)
    configure_logging()
    return app
