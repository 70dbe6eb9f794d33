"""The Teams routes' errors, answered with the gateway's bilingual body (api/errors.py)."""

from __future__ import annotations

from api.errors import GatewayError


class TeamsNotConfigured(GatewayError):
    status_code = 503
    code = "teams_not_configured"
    message_fr = (
        "Relais n'est pas configuré pour Microsoft Teams sur ce serveur. "
        "L'équipe informatique doit fournir les paramètres RELAIS_TEAMS_* (voir le README)."
    )
    message_en = (
        "Relais is not configured for Microsoft Teams on this server. "
        "IT must provide the RELAIS_TEAMS_* settings (see the README)."
    )


class TeamsUnauthorized(GatewayError):
    status_code = 401
    code = "teams_unauthorized"
    message_fr = "Signature ou jeton Teams absent ou invalide : la requête est refusée."
    message_en = "Missing or invalid Teams signature or token: the request is refused."


class TeamsStaleActivity(GatewayError):
    status_code = 401
    code = "teams_stale_activity"
    message_fr = "Ce message Teams est trop ancien ou daté dans le futur : il est refusé."
    message_en = "This Teams message is too old or dated in the future: it is refused."


class TeamsReplayedActivity(GatewayError):
    status_code = 409
    code = "teams_replayed_activity"
    message_fr = "Ce message Teams a déjà été reçu : il n'est pas traité une deuxième fois."
    message_en = "This Teams message was already received: it is not processed twice."


class TeamsBadActivity(GatewayError):
    status_code = 400
    code = "teams_bad_activity"
    message_fr = "Le message Teams est illisible (JSON invalide ou champs manquants)."
    message_en = "The Teams message cannot be read (invalid JSON or missing fields)."


class TeamsUntrustedServiceUrl(GatewayError):
    status_code = 401
    code = "teams_untrusted_service_url"
    message_fr = (
        "L'adresse de réponse (serviceUrl) de ce message n'est pas un service Teams autorisé."
    )
    message_en = "The reply address (serviceUrl) of this message is not an allowed Teams service."
