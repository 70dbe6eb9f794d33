"""Reads and validates resources.yml and establishments.yml into a `Registry`.

`load_registry` returns a `Registry` or raises `RegistryError` listing every problem of both
files, each as "<file>: <entry id>: <field>: <message>" (for `knowledge_base.check`).
Pure Python: paths and the current date are arguments; nothing reads the environment.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from directory import opening_hours as oh
from directory.models import (
    AUDIENCES,
    ESTABLISHMENT_KINDS,
    KINDS,
    SHORT_PHONES,
    Establishment,
    Registry,
    RegistryError,
    Resource,
)
from directory.phones import WELL_FORMED

RESOURCES_FILE = Path(__file__).resolve().parent / "resources.yml"
ESTABLISHMENTS_FILE = Path(__file__).resolve().parent / "establishments.yml"
_RESOURCE_KEYS = frozenset((
    "id", "name", "kind", "phone", "phone_option", "sms", "chat_url", "hours", "exceptions",
    "audience", "languages", "establishment", "source", "last_verified", "note", "short_name",
    "offered_24_7",
))  # fmt: skip
_ESTABLISHMENT_KEYS = frozenset(
    (
        "id",
        "name",
        "region",
        "region_code",
        "kind",
        "local_resources",
        "source",
        "fictional",
        "aliases",
    )
)
_HTTPS = (r"https://[^\s/]+\.\S+", "expected an https URL")
_PHONE = "|".join((WELL_FORMED.pattern, *map(re.escape, SHORT_PHONES)))
_FORMATS = {  # field -> (pattern, what to write instead)
    "id": (r"[a-z0-9]+(?:-[a-z0-9]+)*", "expected a kebab-case slug"),
    "phone": (_PHONE, 'write it like "514 555-0100", "1 866 277-3553", 811, 911 or 9-8-8'),
    "phone_option": (r"\d+", "expected digits"),
    "sms": (r"\d+", "expected digits only, e.g. 535353"),
    "chat_url": _HTTPS,
    "source": _HTTPS,
    "region_code": (r"0[1-9]|1[0-8]", 'expected a health region number "01" to "18", quoted'),
}
_FICTIONAL_PHONE = r"(?:1 )?\d{3} 555-01\d\d"


def load_registry(
    resources_path: Path | str = RESOURCES_FILE,
    establishments_path: Path | str = ESTABLISHMENTS_FILE,
    today: date | None = None,
) -> Registry:
    """Read and validate both files (RegistryError lists every problem); `today` (default: the
    current date) bounds last_verified."""
    today, problems = today or date.today(), list[str]()
    resources_file, establishments_file = Path(resources_path), Path(establishments_path)
    resources = [
        _resource(raw, _where(resources_file, raw, position), None, today, problems)
        for position, raw in enumerate(_entries(resources_file, "resources", problems))
    ]
    establishments = [
        _establishment(raw, _where(establishments_file, raw, position), today, problems)
        for position, raw in enumerate(_entries(establishments_file, "establishments", problems))
    ]
    seen: dict[str, str] = {}
    for file, ids in (
        (resources_file.name, [r.id for r in resources if r]),
        (establishments_file.name, [r.id for e in establishments if e for r in e.local_resources]),
        (establishments_file.name, [e.id for e in establishments if e]),
    ):
        for entry_id in ids:
            if entry_id in seen:
                problems.append(f"{file}: {entry_id}: id: duplicate id (also in {seen[entry_id]})")
            seen[entry_id] = file
    if problems:
        raise RegistryError(problems)
    return Registry(tuple(r for r in resources if r), tuple(e for e in establishments if e))


def _where(path: Path, raw: Any, position: int) -> str:
    """The start of a problem line: "<file>: <entry id>: " (the position when id is missing)."""
    entry_id = raw.get("id") if isinstance(raw, dict) else None
    return f"{path.name}: {entry_id if isinstance(entry_id, str) and entry_id else f'#{position + 1}'}: "


def _entries(path: Path, key: str, problems: list[str]) -> list[Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        problems.append(f"{path.name}: -: file: {error}")
        return []
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        problems.append(f"{path.name}: -: {key}: expected a top-level list '{key}:'")
        return []
    return list(data[key])


class _Fields:
    """One YAML mapping under validation: reads its fields and collects (field, message)."""

    def __init__(self, raw: dict[Any, Any], allowed: frozenset[str]) -> None:
        self.raw = raw
        self.found: oh.Problems = [(str(k), "unknown key") for k in raw if k not in allowed]

    def text(self, key: str, required: bool = True, choices: tuple[str, ...] = ()) -> str | None:
        """The field as text (YAML numbers too), checked against _FORMATS and `choices`."""
        value = self.raw.get(key)
        text = "" if value is None or isinstance(value, bool) else str(value).strip()
        pattern, hint = _FORMATS.get(key, ("", ""))
        if not text or isinstance(value, list | dict):
            if required or text:
                self.found.append((key, "expected a single value" if text else "required"))
            return None
        if choices and text not in choices:
            self.found.append((key, f"{text!r} is not one of {', '.join(choices)}"))
        elif pattern and not re.fullmatch(pattern, text):
            self.found.append((key, f"{text!r}: {hint}"))
        return text

    def day(self, key: str, today: date) -> date:
        value = self.raw.get(key)
        try:
            if isinstance(value, datetime) or not isinstance(value, date | str):
                raise ValueError
            day = value if isinstance(value, date) else date.fromisoformat(value)
        except ValueError:
            self.found.append((key, f"expected a date YYYY-MM-DD, got {value!r}"))
            return today
        if day > today:
            self.found.append((key, f"{day} is in the future"))
        return day

    def report(self, where: str, problems: list[str]) -> bool:
        """Add the problems found to `problems`, each prefixed by `where`; True if none."""
        problems.extend(f"{where}{field}: {message}" for field, message in self.found)
        return not self.found


def _resource(
    raw: Any, where: str, establishment: Establishment | None, today: date, problems: list[str]
) -> Resource | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}entry: expected a mapping")
        return None
    fields = _Fields(raw, _RESOURCE_KEYS)
    phone, sms, chat_url = (fields.text(k, required=False) for k in ("phone", "sms", "chat_url"))
    if not (phone or sms or chat_url):
        fields.found.append(("phone", "give at least one of phone, sms, chat_url"))
    fictional = bool(phone and re.fullmatch(_FICTIONAL_PHONE, phone))
    if phone and fictional != bool(establishment and establishment.fictional):
        fields.found.append(("phone", "555-01xx numbers belong to fictional establishments"))
    expected = establishment.id if establishment else None
    if raw.get("establishment", expected) != expected:
        fields.found.append(("establishment", f"expected {expected or 'null'} in this file"))
    languages = [str(code) for code in raw.get("languages") or ()]
    if not languages or not all(re.fullmatch(r"[a-z]{2}", code) for code in languages):
        fields.found.append(("languages", "expected a list of two-letter codes, e.g. [fr, en]"))
    hours = oh.parse_hours(raw.get("hours"), fields.found)
    offered_24_7 = raw.get("offered_24_7", False)
    if not isinstance(offered_24_7, bool):
        fields.found.append(("offered_24_7", "expected true or false"))
    elif offered_24_7 and (establishment is not None or not hours.always):
        fields.found.append(("offered_24_7", "only for national lines open 24/7 (hours: {always: true})"))
    resource = Resource(
        id=fields.text("id") or "",
        name=fields.text("name") or "",
        kind=fields.text("kind", choices=KINDS) or "",
        phone=phone,
        sms=sms,
        chat_url=chat_url,
        hours=hours,
        exceptions=oh.parse_exceptions(raw.get("exceptions"), hours, fields.found),
        audience=fields.text("audience", choices=AUDIENCES) or "",
        languages=tuple(languages),
        establishment=expected,
        source=fields.text("source") or "",
        last_verified=fields.day("last_verified", today),
        phone_option=fields.text("phone_option", required=False),
        note=fields.text("note", required=False),
        short_name=fields.text("short_name", required=False),
        offered_24_7=offered_24_7 is True,
    )
    return resource if fields.report(where, problems) else None


def _establishment(raw: Any, where: str, today: date, problems: list[str]) -> Establishment | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}entry: expected a mapping")
        return None
    fields = _Fields(raw, _ESTABLISHMENT_KEYS)
    if not isinstance(raw.get("fictional", False), bool):
        fields.found.append(("fictional", "expected true or false"))
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        fields.found.append(("aliases", "expected a list of names"))
        aliases = []
    local = raw.get("local_resources")
    if not isinstance(local, dict):
        fields.found.append(("local_resources", "expected a mapping ({} when not configured)"))
        local = {}
    establishment = Establishment(
        id=fields.text("id") or "",
        name=fields.text("name") or "",
        region_code=fields.text("region_code") or "",
        region=fields.text("region") or "",
        kind=fields.text("kind", choices=ESTABLISHMENT_KINDS) or "",
        source=fields.text("source") or "",
        fictional=raw.get("fictional") is True,
        aliases=tuple(a.strip() for a in aliases),
    )
    valid, resources = fields.report(where, problems), []
    for key, entry in local.items():
        inner = f"{where}local_resources.{key}."
        entry = {"id": key, **entry} if isinstance(entry, dict) else entry  # copy: YAML aliases
        if isinstance(entry, dict) and entry["id"] != key:
            problems.append(f"{inner}id: must equal its key {key!r}")
            valid = False
        resources.append(_resource(entry, inner, establishment, today, problems))
    if not valid or not all(resources):
        return None
    return replace(establishment, local_resources=tuple(r for r in resources if r))
