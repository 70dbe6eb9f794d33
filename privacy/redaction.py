"""Removes personal information from text before anything is stored or logged.

What it catches: e-mail addresses, phone numbers, social insurance numbers (NAS), Quebec health
insurance numbers (NAM/RAMQ) and postal codes. Public support and crisis numbers are kept as
they are (the registry's, directory/resources.yml): a conversation must never lose a crisis line. Names and street addresses are not
reliably detectable with patterns; the assistant never asks for them outside the consented
callback form.
"""

from __future__ import annotations

import re
from functools import lru_cache

from directory.loader import load_registry


@lru_cache(maxsize=1)
def public_numbers() -> frozenset[str]:
    """The registry's public lines (directory/resources.yml), digits only, with and without
    the leading 1: they must survive redaction."""
    numbers = load_registry().public_numbers()
    return numbers | {number[1:] for number in numbers if len(number) == 11}

_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_NAM = re.compile(r"\b[A-Za-z]{4}[ -]?\d{4}[ -]?\d{4}\b")
_NAS = re.compile(r"\b\d{3}[ -]\d{3}[ -]\d{3}\b|\b\d{9}\b")
_PHONE = re.compile(
    r"(?<![\w])(?:\+?1[ .-]?)?(?:\(\d{3}\)|\d{3})[ .-]?\d{3}[ .-]?\d{4}(?:\s*(?:poste|p\.|ext\.?|x)\s*\d{1,6})?(?![\w])",
    re.IGNORECASE,
)
_POSTAL_CODE = re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d\b", re.IGNORECASE)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _phone(match: re.Match[str]) -> str:
    number = _digits(match.group(0).split("poste")[0].split("ext")[0])
    public = public_numbers()
    if number in public or number[:11] in public or number[:10] in public:
        return match.group(0)
    return "[téléphone]"


def redact(text: str) -> str:
    """Return `text` with personal information replaced by bracketed labels."""
    text = _EMAIL.sub("[courriel]", text)
    text = _NAM.sub("[NAM]", text)
    text = _PHONE.sub(_phone, text)
    text = _NAS.sub("[NAS]", text)
    return _POSTAL_CODE.sub("[code postal]", text)
