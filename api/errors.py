"""Domain exceptions and their translation to clear, bilingual HTTP error bodies, in one place."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse


class GatewayError(Exception):
    status_code = 400
    code = "bad_request"
    message_fr = "La requête est invalide."
    message_en = "The request is invalid."


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


def error_response(status_code: int, code: str, message_fr: str, message_en: str) -> JSONResponse:
    body = {"error": {"code": code, "message_fr": message_fr, "message_en": message_en}}
    return JSONResponse(status_code=status_code, content=body)


def _describe_validation(error: RequestValidationError) -> tuple[str, str, str]:
    for problem in error.errors():
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


def register_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(GatewayError)
    async def handle_gateway_error(_: Request, error: GatewayError) -> JSONResponse:
        return error_response(error.status_code, error.code, error.message_fr, error.message_en)

    @app.exception_handler(RequestValidationError)
    async def handle_validation(_: Request, error: RequestValidationError) -> JSONResponse:
        code, message_fr, message_en = _describe_validation(error)
        return error_response(422, code, message_fr, message_en)
