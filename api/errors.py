"""Domain exceptions and their translation to clear, bilingual HTTP error bodies, in one place.

A message may name `{crisis_line}` and `{emergency}`: the handlers fill them from the registry
(directory/render.py `line_words`), so no public number is written here.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from directory import render


class GatewayError(Exception):
    status_code = 400
    code = "bad_request"
    message_fr = "La requête est invalide."
    message_en = "The request is invalid."
    headers: dict[str, str] | None = None


class MessageTooLong(GatewayError):
    status_code = 413
    code = "message_too_long"
    message_fr = "Le message est trop long (2 000 caractères au maximum). Raccourcissez-le et réessayez."
    message_en = "The message is too long (2,000 characters at most). Please shorten it and try again."


class BodyTooLarge(GatewayError):
    status_code = 413
    code = "body_too_large"
    message_fr = "La requête est trop volumineuse."
    message_en = "The request body is too large."


class UnknownEstablishment(GatewayError):
    status_code = 422
    code = "unknown_establishment"
    message_fr = "Cet établissement est inconnu. Vérifiez son identifiant, ou envoyez le message sans établissement."
    message_en = "Unknown establishment. Check its id, or send the message without one."


class AgentUnauthorized(GatewayError):
    status_code = 401
    code = "agent_unauthorized"
    message_fr = "Connexion requise : votre session est absente, expirée ou invalide. Reconnectez-vous."
    message_en = "Sign-in required: your session is missing, expired or invalid. Please sign in again."
    headers = {"WWW-Authenticate": "Bearer"}


class BadAgentCredentials(GatewayError):
    status_code = 401
    code = "bad_credentials"
    message_fr = "Nom ou clé incorrects. Vérifiez-les et réessayez."
    message_en = "Wrong name or key. Check them and try again."


class ConversationUnauthorized(GatewayError):
    status_code = 401
    code = "conversation_unauthorized"
    message_fr = (
        "Cette conversation est introuvable ou sa clé (en-tête X-Conversation-Token) manque ou ne "
        "correspond pas. Recommencez une nouvelle conversation."
    )
    message_en = (
        "This conversation cannot be found, or its key (header X-Conversation-Token) is missing or "
        "does not match. Please start a new conversation."
    )


class ErasureUnavailable(GatewayError):
    status_code = 503
    code = "erasure_unavailable"
    message_fr = (
        "La conversation n'a pas pu être effacée pour l'instant (la conversation en direct, elle, "
        "l'est). Réessayez dans quelques minutes."
    )
    message_en = (
        "The conversation could not be erased right now (the live chat, if any, was). "
        "Please try again in a few minutes."
    )


class UnexpectedError(GatewayError):
    """An error no handler expected (answered by `UnexpectedErrors`, below)."""

    status_code = 500
    code = "internal_error"
    short_fr = "Une erreur imprévue s'est produite de notre côté : réessayez dans un moment."
    short_en = "Something went wrong on our side: please try again in a moment."
    message_fr = short_fr + " {lines_24_7}"
    message_en = (
        short_en + " If you need to talk to someone now, day or night: {crisis_line}, or "
        "{emergency} in an emergency."
    )


class TooManyRequests(GatewayError):
    status_code = 429
    code = "too_many_requests"
    message_fr = "Trop de demandes en peu de temps : réessayez dans un moment. {lines_24_7}"
    message_en = (
        "Too many requests in a short time: please try again in a moment. If you need to talk to "
        "someone now, day or night: {crisis_line}, or {emergency} in an emergency."
    )

    def __init__(self, retry_after_seconds: float) -> None:
        super().__init__()
        self.headers = {"Retry-After": str(max(1, round(retry_after_seconds)))}


class LiveQueueFull(GatewayError):
    status_code = 429
    code = "live_queue_full"
    message_fr = (
        "Beaucoup de personnes attendent une intervenante ou un intervenant en ce moment : votre "
        "demande n'a pas pu être ajoutée à la file. Réessayez dans quelques minutes; l'assistant "
        "continue de vous répondre ici. {lines_24_7}"
    )
    message_en = (
        "Many people are waiting for a counsellor right now: your request could not be added to "
        "the queue. Please try again in a few minutes; the assistant keeps answering here. If you "
        "need to talk to someone now, day or night: {crisis_line}, or {emergency} in an emergency."
    )
    headers = {"Retry-After": "60"}


class NoCounsellorForEstablishment(GatewayError):
    """Counsellors are at the console, but none serves the person's establishment."""

    status_code = 409
    code = "no_counsellor_available"
    message_fr = (
        "Aucune intervenante ni aucun intervenant de votre établissement n'est en ligne en ce "
        "moment : votre demande n'a pas été ajoutée à la file. Si vous le souhaitez, demandez "
        "qu'on vous rappelle avec le formulaire de rappel (« Être rappelé »). L'assistant "
        "continue de vous répondre ici. {lines_24_7}"
    )
    message_en = (
        "No counsellor for your establishment is online right now: your request was not added to "
        "the queue. You can ask for a call back, and the assistant keeps answering here. If you "
        "need to talk to someone now, day or night: {crisis_line}, or {emergency} in an emergency."
    )


class SharedStateUnavailable(GatewayError):
    """The gateways' shared state (Redis) does not answer: the live chat and the console wait."""

    status_code = 503
    code = "live_chat_unavailable"
    message_fr = (
        "La conversation avec une intervenante ou un intervenant est indisponible pour le moment. "
        "L'assistant continue de vous répondre ici. {lines_24_7}"
    )
    message_en = (
        "Chatting with a counsellor is unavailable right now. The assistant keeps answering here. "
        "If you need to talk to someone now, day or night: {crisis_line}, or {emergency} in an "
        "emergency."
    )
    headers = {"Retry-After": "30"}


class MetricsUnauthorized(GatewayError):
    status_code = 401
    code = "metrics_unauthorized"
    message_fr = "Les métriques demandent le jeton (en-tête Authorization: Bearer)."
    message_en = "The metrics need the token (header Authorization: Bearer)."
    headers = {"WWW-Authenticate": "Bearer"}


class LiveChatNotFound(GatewayError):
    status_code = 404
    code = "live_chat_not_found"
    message_fr = "Aucune demande de conversation avec un intervenant n'existe pour cette conversation."
    message_en = "There is no request to chat with a counsellor for this conversation."


class ConversationTaken(GatewayError):
    status_code = 409
    code = "conversation_taken"
    message_fr = "Un autre intervenant a déjà pris cette conversation."
    message_en = "Another counsellor has already taken this conversation."


class LiveChatClosed(GatewayError):
    status_code = 409
    code = "live_chat_closed"
    message_fr = "Cette conversation n'est pas (ou plus) entre vos mains : elle est terminée ou en attente."
    message_en = "This conversation is not (or no longer) yours: it has ended or is still waiting."


class ConsentRequired(GatewayError):
    status_code = 422
    code = "consent_required"
    message_fr = (
        "Sans votre accord, nous ne pouvons pas vous rappeler : rien n'a été conservé. "
        "Vous pouvez toujours appeler le {crisis_line}, jour et nuit, "
        "ou le {emergency} en cas de danger immédiat."
    )
    message_en = (
        "Without your consent we cannot call you back: nothing was kept. "
        "You can still call {crisis_line}, day and night, "
        "or {emergency} in immediate danger."
    )


class InvalidContact(GatewayError):
    status_code = 422
    code = "invalid_contact"
    message_fr = (
        "Ce numéro ou ce courriel ne semble pas valide. Entrez un numéro à 10 chiffres "
        "(par exemple 514 555-0100, poste facultatif) ou une adresse courriel."
    )
    message_en = (
        "This phone number or e-mail does not look valid. Enter a 10-digit number "
        "(for example 514 555-0100, extension optional) or an e-mail address."
    )


class CallbackEstablishmentUnknown(UnknownEstablishment):
    message_fr = "Cet établissement est inconnu. Choisissez le vôtre dans la liste, puis réessayez."
    message_en = "Unknown establishment. Choose yours from the list, then try again."


class CallbackUnavailable(GatewayError):
    status_code = 503
    code = "callback_unavailable"
    message_fr = (
        "Désolé, votre demande n'a pas pu être enregistrée pour l'instant : rien n'a été conservé. "
        "Réessayez dans quelques minutes, ou appelez le {crisis_line}, jour et nuit."
    )
    message_en = (
        "Sorry, your request could not be saved right now: nothing was kept. Try again in a few "
        "minutes, or call {crisis_line}, day and night."
    )


class CallbackTicketNotFound(GatewayError):
    status_code = 404
    code = "ticket_not_found"
    message_fr = "Aucune demande de rappel ne porte cette référence (elle a peut-être été effacée)."
    message_en = "No callback request has this reference (it may have been deleted)."


# Field-level validation problems, by the field and pydantic's error type.
_VALIDATION_MESSAGES: dict[str, tuple[str, str, str]] = {
    "empty_message": (
        "empty_message",
        "Le message est vide. Écrivez votre question, puis envoyez-la.",
        "The message is empty. Type your question, then send it.",
    ),
    "json_invalid": (
        "invalid_json",
        "Le corps de la requête n'est pas du JSON valide.",
        "The request body is not valid JSON.",
    ),
}

# Field checks that raise a pydantic `PydanticCustomError` of these types get their own answer.
_VALIDATION_ERRORS: dict[str, type[GatewayError]] = {
    ConsentRequired.code: ConsentRequired,
    InvalidContact.code: InvalidContact,
}


_HTTP_ERRORS: dict[int, tuple[str, str, str]] = {
    400: (
        "unreadable_body",
        "Le corps de la requête est illisible : du JSON encodé en UTF-8 est attendu.",
        "The request body cannot be read: JSON encoded in UTF-8 is expected.",
    ),
    404: ("not_found", "Cette adresse n'existe pas.", "This address does not exist."),
    405: ("method_not_allowed", "Cette méthode n'est pas permise ici.", "This method is not allowed here."),
    413: ("body_too_large", BodyTooLarge.message_fr, BodyTooLarge.message_en),
}


def error_response(
    status_code: int,
    code: str,
    message_fr: str,
    message_en: str,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = {"error": {"code": code, "message_fr": message_fr, "message_en": message_en}}
    return JSONResponse(status_code=status_code, content=body, headers=headers)


def _describe_validation(error: RequestValidationError) -> tuple[str, str, str]:
    for problem in error.errors():
        specific = _VALIDATION_ERRORS.get(str(problem.get("type")))
        if specific is not None:
            return specific.code, specific.message_fr, specific.message_en
        if problem.get("type") == "json_invalid":
            return _VALIDATION_MESSAGES["json_invalid"]
        if "empty_message" in str(problem.get("msg", "")):
            return _VALIDATION_MESSAGES["empty_message"]
    fields = sorted({".".join(str(part) for part in p.get("loc", ())[1:]) for p in error.errors()})
    names = ", ".join(name for name in fields if name) or "body"
    return (
        "invalid_request",
        f"Champ(s) invalide(s) : {names}. Le message doit être du texte, et les autres champs respecter le format documenté.",
        f"Invalid field(s): {names}. The message must be text and the other fields must follow the documented format.",
    )


def _with_lines(request: Request, text: str) -> str:
    """`text` with `{crisis_line}`, `{emergency}` and `{lines_24_7}` (the sentence of every 24/7
    line) filled from the loaded registry."""
    if "{" not in text:
        return text
    registry = request.app.state.registry
    words = {**render.line_words(registry), "lines_24_7": render.lines_sentence(registry.lines_24_7())}
    return text.format_map(words)


def register_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(GatewayError)
    async def handle_gateway_error(request: Request, error: GatewayError) -> JSONResponse:
        return error_response(
            error.status_code,
            error.code,
            _with_lines(request, error.message_fr),
            _with_lines(request, error.message_en),
            error.headers,
        )

    @app.exception_handler(StarletteHTTPException)
    async def handle_http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        """FastAPI's own errors (an unreadable body, an unknown path or method) in the same
        bilingual form."""
        code, message_fr, message_en = _HTTP_ERRORS.get(
            error.status_code, ("http_error", "La requête n'a pas pu être traitée.", "The request could not be handled.")
        )
        return error_response(error.status_code, code, message_fr, message_en, getattr(error, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def handle_validation(request: Request, error: RequestValidationError) -> JSONResponse:
        code, message_fr, message_en = _describe_validation(error)
        return error_response(422, code, _with_lines(request, message_fr), _with_lines(request, message_en))


class UnexpectedErrors:
    """A plain ASGI middleware: an error that no handler expected gets the same bilingual JSON
    answer as every other error, with the 24/7 lines, from inside the layers that add the security
    headers, the request id and CORS (Starlette's last resort is a plain-text 500 without them).
    The error is raised again once answered, so the server still logs it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking)
        except Exception:
            if not started:
                error = UnexpectedError()
                request = Request(scope)
                try:
                    texts = _with_lines(request, error.message_fr), _with_lines(request, error.message_en)
                except Exception:  # no registry loaded: the message without the lines
                    texts = error.short_fr, error.short_en
                await error_response(500, error.code, *texts)(scope, receive, send)
            raise
