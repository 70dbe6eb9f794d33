"""The establishments each counsellor serves, written in `RELAIS_AGENT_KEYS` beside their name.

    RELAIS_AGENT_KEYS=Julie@cisss-laval+cisss-des-laurentides:<key>,Marc:<key>

`name@id+id:key`: Julie serves the two establishments (ids of directory/establishments.yml);
`name:key` (the format before, still valid): Marc serves every establishment. Pure: no settings,
no registry (api/counsellors/scope.py checks the ids against the registry at start).
"""

from __future__ import annotations

import re

SCOPE_SEPARATOR = "@"
ESTABLISHMENT_SEPARATOR = "+"
_ESTABLISHMENT_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,99}")


def split_name(written: str) -> tuple[str, frozenset[str] | None]:
    """`Julie@a+b` -> ("Julie", {"a", "b"}); `Marc` -> ("Marc", None): every establishment.
    ValueError for an empty list or an id that cannot be one."""
    name, separator, scope = written.partition(SCOPE_SEPARATOR)
    name = name.strip()
    if not separator:
        return name, None
    ids = [part.strip() for part in scope.split(ESTABLISHMENT_SEPARATOR)]
    if not ids or not all(_ESTABLISHMENT_ID.fullmatch(part) for part in ids):
        raise ValueError(
            "RELAIS_AGENT_KEYS: after `name@` come establishment ids joined by `+` "
            "(e.g. Julie@cisss-laval+cisss-des-laurentides:<key>)"
        )
    return name, frozenset(ids)


def split_scopes(keys: dict[str, str]) -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """The keys by plain name, and the establishments of the counsellors who have a list."""
    plain: dict[str, str] = {}
    scopes: dict[str, frozenset[str]] = {}
    for written, key in keys.items():
        name, scope = split_name(written)
        if name in plain:
            raise ValueError("RELAIS_AGENT_KEYS takes unique `name:key` pairs, comma-separated")
        plain[name] = key
        if scope is not None:
            scopes[name] = scope
    return plain, scopes
