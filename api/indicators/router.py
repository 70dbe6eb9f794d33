"""GET /indicateurs: the BQVT leads' page (sign-in form, then the dashboard of their
establishments); GET /indicateurs/donnees: the same figures as JSON. Both are suppressed below 5.

Sign-in: a form POSTs name and key (RELAIS_BQVT_KEYS) to /indicateurs/connexion; the session is an
HttpOnly, SameSite=Strict cookie path-scoped to /indicateurs. Counsellors' keys and tokens open
nothing here. `?etablissement=<id>` narrows the page to one of the lead's establishments.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse

from api.deps import IndicatorsDep, RegistryDep, SettingsDep
from api.errors import GatewayError
from api.establishments.access import visible
from api.indicators.dashboard import dashboard
from api.indicators.leads import ALL_ESTABLISHMENTS, BqvtLead
from api.indicators.page import STYLE, dashboard_page, sign_in_page
from api.indicators.recorder import IndicatorRecorder
from api.live.auth import AgentAuth, BadCredentials
from api.settings import Settings
from api.throttling import ThrottleDep, client_of
from directory.models import Registry
from indicators.catalog import UNKNOWN_ESTABLISHMENT

router = APIRouter(prefix="/indicateurs", include_in_schema=False)
COOKIE = "relais_bqvt"
ESTABLISHMENT_QUERY = r"^[a-z0-9-]{1,64}$"
# Served with every page: no script, no outside resource, no framing.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class IndicatorsUnauthorized(GatewayError):
    status_code = 401
    code = "indicators_unauthorized"
    message_fr = "Connexion requise : connectez-vous à la page /indicateurs avec votre clé du BQVT."
    message_en = "Sign-in required: sign in on the /indicateurs page with your BQVT key."


class EstablishmentNotInScope(GatewayError):
    status_code = 403
    code = "establishment_not_in_scope"
    message_fr = "Vous n'avez pas accès aux indicateurs de cet établissement."
    message_en = "You do not have access to this establishment's indicators."


def _auth(request: Request) -> AgentAuth:
    return request.app.state.bqvt_auth  # type: ignore[no-any-return]


def _lead(request: Request) -> str | None:
    token = request.cookies.get(COOKIE)
    return _auth(request).agent_for(token) if token else None


Recorder = IndicatorsDep
Establishment = Annotated[str | None, Query(alias="etablissement", pattern=ESTABLISHMENT_QUERY)]


def _scope(lead: BqvtLead, registry: Registry, settings: Settings) -> list[str]:
    known = [e.id for e in registry.establishments if visible(e, settings)]
    if ALL_ESTABLISHMENTS in lead.establishments:
        known.append(UNKNOWN_ESTABLISHMENT)
    return lead.scope(known)


def _data(
    name: str, chosen: str | None, recorder: IndicatorRecorder, request: Request,
    settings: Settings, registry: Registry,
) -> tuple[dict[str, Any], list[str]] | None:  # fmt: skip
    """The dashboard's data and the names of its establishments; None if `chosen` is not in scope."""
    scope = _scope(settings.bqvt_keys[name], registry, settings)
    if chosen is not None:
        if chosen not in scope:
            return None
        scope = [chosen]
    unanswered_on = [e for e in scope if e in settings.unanswered_establishments]
    data = dashboard(
        recorder.store,  # type: ignore[arg-type]
        scope, unanswered_on, request.app.state.articles, recorder.clock().date(),
    )  # fmt: skip
    names = [
        (e.name if (e := registry.establishment(i)) else "Établissement non précisé") for i in scope
    ]
    return data, names


@router.get("/style.css")
async def style() -> Response:
    return Response(STYLE, media_type="text/css", headers={"Cache-Control": "max-age=3600"})


@router.get("")
async def page(
    request: Request, recorder: Recorder, settings: SettingsDep, registry: RegistryDep,
    etablissement: Establishment = None,
) -> HTMLResponse:  # fmt: skip
    name = _lead(request)
    if name is None or name not in settings.bqvt_keys:
        return HTMLResponse(sign_in_page(), headers=SECURITY_HEADERS)
    found = await asyncio.to_thread(
        _data, name, etablissement, recorder, request, settings, registry
    )
    if found is None:
        return HTMLResponse(
            sign_in_page(EstablishmentNotInScope.message_fr),
            status_code=403,
            headers=SECURITY_HEADERS,
        )
    data, names = found
    return HTMLResponse(dashboard_page(data, name, names), headers=SECURITY_HEADERS)


@router.get("/donnees")
async def data(
    request: Request, recorder: Recorder, settings: SettingsDep, registry: RegistryDep,
    etablissement: Establishment = None,
) -> JSONResponse:  # fmt: skip
    name = _lead(request)
    if name is None or name not in settings.bqvt_keys:
        raise IndicatorsUnauthorized()
    found = await asyncio.to_thread(
        _data, name, etablissement, recorder, request, settings, registry
    )
    if found is None:
        raise EstablishmentNotInScope()
    return JSONResponse(found[0], headers={"Cache-Control": "no-store"})


@router.post("/connexion")
async def sign_in(request: Request, settings: SettingsDep, throttle: ThrottleDep) -> Response:
    """As the counsellors' sign-in: every failure alike, throttled per client address, never per
    name (a stranger cannot lock a BQVT lead out)."""
    client = client_of(request)
    if throttle.refused("sign_in", client) is not None or (
        throttle.refused("sign_in_failure", client, count=False) is not None
    ):
        message = "Trop d'essais depuis ce poste. Patientez quelques minutes avant de réessayer."
        return HTMLResponse(sign_in_page(message), status_code=429, headers=SECURITY_HEADERS)
    form = parse_qs((await request.body()).decode("utf-8", "replace"), max_num_fields=4)
    name = (form.get("name") or [""])[0].strip()
    key = (form.get("key") or [""])[0]
    try:
        session = await asyncio.to_thread(_auth(request).sign_in, name, key)
    except BadCredentials:
        throttle.refused("sign_in_failure", client)  # counts this failure
        message = "Nom ou clé incorrects. Vérifiez-les et réessayez."
        return HTMLResponse(sign_in_page(message), status_code=401, headers=SECURITY_HEADERS)
    response = RedirectResponse("/indicateurs", status_code=303)
    response.set_cookie(
        COOKIE, session.token, expires=session.expires_at, path="/indicateurs", httponly=True,
        samesite="strict", secure=settings.public_url.startswith("https://"),
    )  # fmt: skip
    return response


@router.post("/deconnexion")
async def sign_out(request: Request) -> Response:
    token = request.cookies.get(COOKIE)
    if token:
        _auth(request).sign_out(token)
    response = RedirectResponse("/indicateurs", status_code=303)
    response.delete_cookie(COOKIE, path="/indicateurs")
    return response
