"""BQVT leads, the role that reads the indicators: `RELAIS_BQVT_KEYS` holds
`name:key:establishment|establishment` entries, comma-separated (`*` for every establishment, for
the observatory). Distinct from counsellors (RELAIS_AGENT_KEYS): their sessions are separate, and
a counsellor's token opens nothing here."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field

ALL_ESTABLISHMENTS = "*"
_ESTABLISHMENT = re.compile(r"^[a-z0-9-]{1,64}$")
MIN_KEY_CHARS = 16


class BqvtLead(BaseModel):
    model_config = ConfigDict(frozen=True)

    key: str = Field(repr=False)
    establishments: frozenset[str]  # ids, or {"*"}

    def may_see(self, establishment_id: str) -> bool:
        return ALL_ESTABLISHMENTS in self.establishments or establishment_id in self.establishments

    def scope(self, known: list[str]) -> list[str]:
        """The establishments this lead sees, among `known`, in that order."""
        return [e for e in known if self.may_see(e)]


def parse_bqvt_keys(value: object) -> object:
    """`name:key:est1|est2,…` → {name: BqvtLead}; anything else is left to pydantic."""
    if not isinstance(value, str):
        return value
    leads: dict[str, BqvtLead] = {}
    for entry in (part.strip() for part in value.split(",")):
        if not entry:
            continue
        name, key, scope = (part.strip() for part in (entry.split(":", 2) + ["", ""])[:3])
        establishments = frozenset(e.strip() for e in scope.split("|") if e.strip())
        if not name or name in leads or not establishments:
            raise ValueError(
                "RELAIS_BQVT_KEYS takes unique `name:key:establishment|establishment` entries"
            )
        if len(key) < MIN_KEY_CHARS:
            raise ValueError(
                f"the BQVT key of {name!r} must have at least {MIN_KEY_CHARS} characters"
            )
        for establishment in establishments - {ALL_ESTABLISHMENTS}:
            if not _ESTABLISHMENT.match(establishment):
                raise ValueError(f"RELAIS_BQVT_KEYS: {establishment!r} is not an establishment id")
        leads[name] = BqvtLead(key=key, establishments=establishments)
    return leads
