"""The people staff can reach: national lines (resources.yml) and each establishment's own
resources (establishments.yml), with `Registry.who_can_talk_now` for the hand-off to a person.

The files are read and validated by `directory.loader.load_registry`.
Pure Python: paths and the current date are arguments; nothing reads the environment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from directory import opening_hours as oh
from directory.opening_hours import HoursExceptions, WeeklyHours

KINDS = ("crisis", "listening", "pae", "bqvt", "peer_support", "physicians", "emergency")
AUDIENCES = ("employee", "manager", "physician", "all")
ESTABLISHMENT_KINDS = ("cisss", "ciusss", "non_fusionne", "nordique")
SHORT_PHONES = ("811", "911", "9-8-8")
# Who a requested audience reaches: managers are employees too; physicians are not employees.
AUDIENCE_REACH = {
    "employee": {"employee", "all"},
    "manager": {"employee", "manager", "all"},
    "physician": {"physician", "all"},
    "all": {"all"},
}


@dataclass(frozen=True)
class Resource:
    id: str
    name: str
    kind: str
    phone: str | None
    sms: str | None
    chat_url: str | None
    hours: WeeklyHours
    exceptions: HoursExceptions
    audience: str
    languages: tuple[str, ...]
    establishment: str | None  # None: a national resource
    source: str
    last_verified: date
    phone_option: str | None = None  # e.g. "2" for Info-Social at 811
    note: str | None = None  # short French note shown with the number
    short_name: str | None = None  # "1 866 APPELLE": how a sentence names it
    offered_24_7: bool = False  # offered whenever nobody else can answer (see resources.yml)

    @property
    def tel_uri(self) -> str | None:
        """`tel:` link for tap-to-call: "tel:+18662773553", "tel:811", "tel:988"."""
        if self.phone is None:
            return None
        digits = re.sub(r"\D", "", self.phone)
        if len(digits) == 10:
            digits = "1" + digits
        return f"tel:+{digits}" if len(digits) == 11 else f"tel:{digits}"

    @property
    def sms_uri(self) -> str | None:
        return f"sms:{self.sms}" if self.sms else None

    @property
    def hours_text(self) -> str:
        return oh.describe(self.hours, self.exceptions)

    def is_open(self, now: datetime) -> bool:
        return oh.is_open(self.hours, self.exceptions, now)

    def next_opening(self, now: datetime) -> datetime | None:
        return oh.next_opening(self.hours, self.exceptions, now)


@dataclass(frozen=True)
class Establishment:
    id: str
    name: str
    region_code: str  # région sociosanitaire, "01" to "18"
    region: str
    kind: str
    source: str
    local_resources: tuple[Resource, ...] = ()
    fictional: bool = False
    aliases: tuple[str, ...] = ()  # what staff also call it: "CHUM", "Sainte-Justine"

    @property
    def local_configured(self) -> bool:
        return bool(self.local_resources)


@dataclass(frozen=True)
class Availability:
    resource: Resource
    open_now: bool
    hours_text: str  # French: "24 h sur 24, 7 jours sur 7", "lun.–ven. 8 h 30 à 16 h 30"
    next_opening: datetime | None  # aware, America/Montreal; None when open or hours unknown


class RegistryError(ValueError):
    """resources.yml or establishments.yml is invalid; `problems` lists every problem."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class Registry:
    resources: tuple[Resource, ...]  # national, in file order (the order they are offered)
    establishments: tuple[Establishment, ...]

    def establishment(self, establishment_id: str | None) -> Establishment | None:
        return next((e for e in self.establishments if e.id == establishment_id), None)

    def local_configured(self, establishment_id: str | None) -> bool:
        """False for an unknown establishment or one without local resources yet: the bot then
        says "le numéro local n'est pas encore configuré"."""
        found = self.establishment(establishment_id)
        return found is not None and found.local_configured

    def lines_24_7(self) -> list[Resource]:
        """The lines offered whenever nobody else can answer, in file order (911 last)."""
        return [r for r in self.resources if r.offered_24_7 and r.hours.always]

    def crisis_line(self) -> Resource:
        """The crisis line named in error messages and notices: the first 24/7 crisis line."""
        return _first([r for r in self.lines_24_7() if r.kind == "crisis"], "an offered_24_7 crisis line")

    def emergency_line(self) -> Resource:
        return _first([r for r in self.resources if r.kind == "emergency"], "an emergency line")

    def public_numbers(self) -> frozenset[str]:
        """The digits of every public number (phone and text line) of the registry."""
        numbers = {r.phone for r in self.resources if r.phone} | {r.sms for r in self.resources if r.sms}
        return frozenset(re.sub(r"\D", "", number) for number in numbers)

    def who_can_talk_now(
        self, establishment_id: str | None, now: datetime, audience: str = "employee"
    ) -> list[Availability]:
        """Open local resources, open national ones (crisis lines whatever the audience),
        resources whose hours are to verify, closed local ones by next opening, closed national
        ones, and 911 (danger immédiat) last. An unknown establishment gives the national ones.

        `now` must be timezone-aware (ValueError otherwise).
        """
        oh.local_wall_time(now)  # refuses a naive datetime
        if audience not in AUDIENCE_REACH:
            raise ValueError(f"unknown audience {audience!r}: one of {', '.join(AUDIENCES)}")
        reach = AUDIENCE_REACH[audience]
        found = self.establishment(establishment_id)
        pool = found.local_resources if found else ()
        local = [_availability(r, now) for r in pool if r.audience in reach]
        national = [
            _availability(r, now)
            for r in self.resources
            if r.audience in reach or r.kind in ("crisis", "emergency")
        ]
        last = [a for a in national if a.resource.kind == "emergency"]
        national = [a for a in national if a.resource.kind != "emergency"]

        def closed(rows: list[Availability]) -> list[Availability]:
            rows = [a for a in rows if not a.open_now and not a.resource.hours.unknown]
            return sorted(rows, key=lambda a: (a.next_opening is None, a.next_opening or now))

        unknown = [a for a in local + national if a.resource.hours.unknown]
        opened = [a for a in local + national if a.open_now]  # local first: stable order
        return opened + unknown + closed(local) + closed(national) + last


def _first(resources: list[Resource], what: str) -> Resource:
    if not resources:
        raise LookupError(f"resources.yml needs {what}")
    return resources[0]


def _availability(resource: Resource, now: datetime) -> Availability:
    hours_text, next_opening = resource.hours_text, resource.next_opening(now)
    return Availability(resource, resource.is_open(now), hours_text, next_opening)
