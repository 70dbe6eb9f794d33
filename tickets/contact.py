"""How a person can be reached: one North American phone number (with an optional extension) or
one e-mail address, checked and written the same way every time."""

from __future__ import annotations

import re
from dataclasses import dataclass

_EXTENSION = re.compile(
    r"\s*(?:,|;)?\s*(?:poste|post\.?|p\.|ext\.?|extension|x|#)\s*(\d{1,6})\s*$", re.I
)
_PHONE_CHARS = re.compile(r"[\s().\-]")
# NANP: area code and exchange never start with 0 or 1.
_NANP = re.compile(r"(?:\+?1)?([2-9]\d{2})([2-9]\d{2})(\d{4})")
_EMAIL = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
MAX_EMAIL_CHARS = 254


class InvalidContact(ValueError):
    """Neither a 10-digit North American phone number nor an e-mail address."""


@dataclass(frozen=True)
class Contact:
    kind: str  # "phone" or "email"
    value: str  # "514 555-0100", "514 555-0100, poste 1234", "marie@exemple.ca"


def parse_contact(text: str) -> Contact:
    """Normalise a phone number to "514 555-0100[, poste 123]" or an e-mail to its lower-case
    domain; raise `InvalidContact` otherwise. Idempotent on its own output."""
    text = text.strip()
    if "@" in text:
        if len(text) > MAX_EMAIL_CHARS or not _EMAIL.fullmatch(text):
            raise InvalidContact("not an e-mail address")
        local, domain = text.rsplit("@", 1)
        if local.startswith(".") or local.endswith(".") or ".." in local:
            raise InvalidContact("not an e-mail address")
        return Contact("email", f"{local}@{domain.lower()}")
    extension = None
    found = _EXTENSION.search(text)
    if found:
        extension = found.group(1)
        text = text[: found.start()]
    digits = _PHONE_CHARS.sub("", text)
    match = _NANP.fullmatch(digits)
    if not match:
        raise InvalidContact("not a 10-digit phone number")
    area, exchange, line = match.groups()
    value = f"{area} {exchange}-{line}"
    return Contact("phone", f"{value}, poste {extension}" if extension else value)
