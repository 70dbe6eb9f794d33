"""Spot phone numbers that do not follow the house style.

House style for North American numbers: "1 866 277-3553" (long distance) or "514 397-0888".
Short numbers "811", "911", "9-8-8" and the text line "535353" are written as is.
Anything else that looks like a phone number (seven digits or more in groups, or a bare run
of ten or eleven digits) is reported, while dates, year ranges and amounts written with
French thousands separators ("1 200 000 $") are left alone.
"""

from __future__ import annotations

import re

WELL_FORMED = re.compile(r"(?:1 )?\d{3} \d{3}-\d{4}")
SHORT_NUMBERS = frozenset({"811", "911", "9-8-8", "535353"})

_SEPARATORS = " .\\-\u2013"
# Non-breaking spaces and hyphens are fine typography: compare them as plain ones.
_TYPOGRAPHY = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2011": "-"})
# Digit groups joined by one or two separators, maybe with a parenthesised area code or a
# leading "+"; never glued to letters, other digits, "/" (URLs, "24/7") or "," (decimals).
_GROUP = r"(?:\(\d{3}\)|\d+)"
_CANDIDATE = re.compile(
    rf"(?<![\w/,.+-])\+?{_GROUP}(?:[{_SEPARATORS}]{{1,2}}{_GROUP})+(?![\w/-]|[.,]\d)"
)
_BARE_DIGITS = re.compile(r"(?<![\w/,.+-])\+?\d{10,11}(?![\w/-]|[.,]\d)")
_URL = re.compile(r"https?://\S+|\]\([^)]*\)")
_NOT_PHONES = (
    re.compile(r"\d{4}-\d{2}-\d{2}"),  # ISO date
    re.compile(r"\d{1,2}[-.]\d{1,2}[-.]\d{4}"),  # day-month-year
    re.compile(r"\d{4} ?[-\u2013] ?\d{4}"),  # year range
    re.compile(r"\d{1,3}(?: \d{3})+"),  # French thousands: 1 200 000
)


def malformed_phone_numbers(text: str) -> list[str]:
    """Return every phone-looking string in `text` that is not written in house style."""
    text = _URL.sub(" ", text.translate(_TYPOGRAPHY))
    found: list[str] = []
    for match in _CANDIDATE.finditer(text):
        candidate = match.group(0).strip()
        if _is_acceptable(candidate):
            continue
        digits = re.sub(r"\D", "", candidate)
        if len(digits) >= 7:
            found.append(candidate)
    for match in _BARE_DIGITS.finditer(text):
        if match.group(0) not in found:
            found.append(match.group(0))
    return found


def _is_acceptable(candidate: str) -> bool:
    if candidate in SHORT_NUMBERS or WELL_FORMED.fullmatch(candidate):
        return True
    return any(pattern.fullmatch(candidate) for pattern in _NOT_PHONES)
