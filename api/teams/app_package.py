"""`make teams-app`: the Teams app package an IT team uploads (var/teams/relais-teams.zip).

manifest.json (French, with an English localization file), the bot in personal and team
scopes, valid domains from RELAIS_PUBLIC_URL, and the two icons drawn by api/teams/icons.py.
The emergency number comes from the registry. The outgoing webhook of a team channel is not in the package: a team owner creates it in Teams.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from api.settings import ROOT, Settings
from api.teams import icons
from directory.loader import load_registry
from directory.models import Registry

MANIFEST_VERSION = "1.29"
SCHEMA = f"https://developer.microsoft.com/json-schemas/teams/v{MANIFEST_VERSION}/MicrosoftTeams.schema.json"
LOCALIZATION_SCHEMA = f"https://developer.microsoft.com/json-schemas/teams/v{MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json"
APP_VERSION = "1.0.0"
DEFAULT_OUT = ROOT / "var" / "teams" / "relais-teams.zip"

FRENCH = {
    "name.short": "Relais",
    "name.full": "Relais : soutien au personnel du réseau de la santé",
    "description.short": "Trouver le bon soutien : PAE, BQVT, lignes d'écoute, une personne.",
    "description.full": (
        "Relais aide le personnel du réseau de la santé et des services sociaux du Québec à trouver "
        "le bon soutien : le PAE (programme d'aide aux employés), le BQVT (bureau de la qualité de "
        "vie au travail), les lignes d'écoute et d'urgence, ou une personne. Écrivez-lui en "
        "conversation privée pour une question personnelle : votre nom n'est pas conservé. Dans un "
        "canal d'équipe, tout le monde voit la question : gardez-y les questions générales. "
        "En cas de danger immédiat, composez le {emergency}."
    ),
    "commands": [
        ("PAE", "Comment joindre le programme d'aide aux employés"),
        ("Parler à quelqu'un", "Qui peut vous parler maintenant"),
        ("Aider un employé", "Pour les gestionnaires : soutenir un membre de l'équipe"),
    ],
}
ENGLISH = {
    "name.short": "Relais",
    "name.full": "Relais: support for health network staff",
    "description.short": "Find the right support: EAP, work-life office, listening lines, a person.",
    "description.full": (
        "Relais helps the staff of Quebec's health and social services network find the right "
        "support: the EAP (employee assistance program), the work-life quality office, listening "
        "and emergency lines, or a person. Write to it in a private chat for a personal question: "
        "your name is not kept. In a team channel everyone sees the question: keep it general. "
        "In immediate danger, call {emergency}."
    ),
    "commands": [
        ("EAP", "How to reach the employee assistance program"),
        ("Talk to someone", "Who can talk to you now"),
        ("Help an employee", "For managers: support a team member"),
    ],
}


class PackageError(ValueError):
    """The settings cannot make a package Teams accepts (the message says which, in French)."""


def manifest(app_id: str, public_url: str, emergency: str) -> dict[str, Any]:
    host = urlparse(public_url).hostname
    if not app_id:
        raise PackageError(
            "RELAIS_TEAMS_APP_ID est vide : indiquez l'ID d'application du bot Azure."
        )
    if not public_url.startswith("https://") or not host:
        raise PackageError(
            "RELAIS_PUBLIC_URL doit être l'adresse https publique de Relais (celle du mandataire "
            f"inverse), pas {public_url!r}."
        )
    return {
        "$schema": SCHEMA,
        "manifestVersion": MANIFEST_VERSION,
        "version": APP_VERSION,
        "id": app_id,
        "localizationInfo": {
            "defaultLanguageTag": "fr-ca",
            "additionalLanguages": [{"languageTag": "en", "file": "en.json"}],
        },
        "developer": {
            "name": "Relais",
            "websiteUrl": public_url,
            "privacyUrl": public_url,
            "termsOfUseUrl": public_url,
        },
        "name": {"short": FRENCH["name.short"], "full": FRENCH["name.full"]},
        "description": {
            "short": FRENCH["description.short"],
            "full": str(FRENCH["description.full"]).format(emergency=emergency),
        },
        "icons": {"color": "color.png", "outline": "outline.png"},
        "accentColor": "#{:02X}{:02X}{:02X}".format(*icons.ACCENT),
        "bots": [
            {
                "botId": app_id,
                "scopes": ["personal", "team"],
                "supportsFiles": False,
                "isNotificationOnly": False,
                "commandLists": [
                    {
                        "scopes": ["personal"],
                        "commands": [
                            {"title": title, "description": description}
                            for title, description in FRENCH["commands"]
                        ],
                    }
                ],
            }
        ],
        "validDomains": [host],
    }


def english_localization(emergency: str) -> dict[str, Any]:
    strings: dict[str, Any] = {
        "$schema": LOCALIZATION_SCHEMA,
        "name.short": ENGLISH["name.short"],
        "name.full": ENGLISH["name.full"],
        "description.short": ENGLISH["description.short"],
        "description.full": str(ENGLISH["description.full"]).format(emergency=emergency),
    }
    for position, (title, description) in enumerate(ENGLISH["commands"]):
        strings[f"bots[0].commandLists[0].commands[{position}].title"] = title
        strings[f"bots[0].commandLists[0].commands[{position}].description"] = description
    return strings


def build(app_id: str, public_url: str, registry: Registry) -> bytes:
    emergency = registry.emergency_line().phone or ""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "manifest.json",
            json.dumps(manifest(app_id, public_url, emergency), ensure_ascii=False, indent=2),
        )
        archive.writestr(
            "en.json", json.dumps(english_localization(emergency), ensure_ascii=False, indent=2)
        )
        archive.writestr("color.png", icons.color_icon())
        archive.writestr("outline.png", icons.outline_icon())
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the Teams app package of Relais.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    # Only what the package needs: building it must not require the gateway's secrets.
    fields = Settings.model_fields
    env = {name: os.environ.get(f"RELAIS_{name.upper()}") for name in ("teams_app_id", "public_url")}
    try:
        registry = load_registry(
            os.environ.get("RELAIS_RESOURCES_FILE", str(fields["resources_file"].default)),
            os.environ.get("RELAIS_ESTABLISHMENTS_FILE", str(fields["establishments_file"].default)),
        )
        package = build(
            (env["teams_app_id"] or "").strip(),
            (env["public_url"] or str(fields["public_url"].default)).rstrip("/"),
            registry,
        )
    except PackageError as error:
        print(f"Paquet Teams non créé : {error}", file=sys.stderr)
        return 2
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(package)
    print(f"Paquet Teams écrit : {args.out} (à téléverser dans le centre d'administration Teams)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
