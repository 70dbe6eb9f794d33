"""What the person reads around the callback form, in one place (French with vouvoiement, and
English): the consent statement and the confirmation."""

from __future__ import annotations

from datetime import datetime

from api.callbacks.schemas import CallbackNotice, TimeWindowOption
from tickets.models import TIME_WINDOW_LABELS
from tickets.notifier import MONTREAL, french_date

TIME_WINDOW_LABELS_EN = {
    "matin": "Morning (8 a.m. to noon)",
    "apres-midi": "Afternoon (noon to 5 p.m.)",
    "soir": "Evening (5 p.m. to 8 p.m.)",
    "des-que-possible": "As soon as possible",
}
WHEN_FR = {
    "matin": "en matinée",
    "apres-midi": "en après-midi",
    "soir": "en soirée",
    "des-que-possible": "dès que possible",
}


def notice(retention_days: int, lines: dict[str, str]) -> CallbackNotice:
    """`lines`: directory.render.line_words(registry)."""
    days = f"{retention_days} jour" + ("s" if retention_days > 1 else "")
    days_en = f"{retention_days} day" + ("s" if retention_days > 1 else "")
    return CallbackNotice(
        retention_days=retention_days,
        statement_fr=[
            "Ce que nous gardons : votre prénom (ou un pseudonyme), votre numéro de téléphone ou "
            "votre courriel, le moment qui vous convient et votre établissement. Rien d'autre : "
            "votre demande n'est pas reliée à votre conversation avec Relais.",
            "Qui y a accès : seulement les intervenantes et intervenants de l'équipe responsable "
            "des rappels, dans leur console sécurisée. L'avis envoyé à l'équipe dans Teams ne "
            "contient ni votre nom ni vos coordonnées.",
            f"Quand tout est effacé : automatiquement après {days}. Vous pouvez aussi demander à la "
            "personne qui vous rappelle de tout effacer plus tôt; donnez-lui votre numéro de "
            "référence.",
            "Ce n'est pas un service d'urgence. Si vous pensez au suicide, appelez le "
            f"{lines['crisis_line']}, jour et nuit. En cas de danger immédiat, faites le "
            f"{lines['emergency']}.",
        ],
        statement_en=[
            "What we keep: your first name (or a pseudonym), your phone number or e-mail, the time "
            "that suits you and your establishment. Nothing else: your request is not linked to "
            "your conversation with Relais.",
            "Who sees it: only the counsellors of the team responsible for callbacks, in their "
            "secure console. The notice sent to the team in Teams has neither your name nor your "
            "contact details.",
            f"When it is deleted: automatically after {days_en}. You can ask the person who calls "
            "you back to delete it sooner, with your reference number.",
            "This is not an emergency service. If you are thinking about suicide, call "
            f"{lines['crisis_line']}, day and night. In immediate danger, dial {lines['emergency']}.",
        ],
        consent_label_fr="J'accepte que Relais garde ces renseignements pour qu'on me rappelle.",
        consent_label_en="I agree that Relais keeps this information so that someone can call me back.",
        time_windows=[
            TimeWindowOption(value=value, label_fr=label, label_en=TIME_WINDOW_LABELS_EN[value])  # type: ignore[arg-type]
            for value, label in TIME_WINDOW_LABELS.items()
        ],
    )


def confirmation_fr(
    reference: str, time_window: str, deleted_by: datetime, lines: dict[str, str]
) -> str:
    return (
        f"Merci, c'est noté. Une personne de l'équipe vous rappellera {WHEN_FR[time_window]}. "
        f"Votre référence : {reference}. Vos coordonnées seront effacées au plus tard le "
        f"{french_date(deleted_by)}. Si ça ne peut pas attendre, le {lines['crisis_line']} "
        "répond jour et nuit."
    )


def confirmation_en(
    reference: str, time_window: str, deleted_by: datetime, lines: dict[str, str]
) -> str:
    when = TIME_WINDOW_LABELS_EN[time_window].split(" (")[0].lower()
    local = deleted_by.astimezone(MONTREAL)
    return (
        f"Thank you, it's noted. Someone from the team will call you back ({when}). "
        f"Your reference: {reference}. Your details will be deleted by "
        f"{local:%B} {local.day}, {local.year} at the latest. If it can't wait, "
        f"{lines['crisis_line']} answers day and night."
    )
