"""Removes personal information from text before anything is stored or logged.

What it catches (after NFKC normalisation, so no-break and narrow no-break spaces, full-width
digits and non-breaking hyphens look like their plain forms): e-mail addresses, including
obfuscated ones ("nom (at) domaine (dot) com", "nom arobase domaine point ca", "nom{at}domaine",
"nom 'arobas' domaine", "nom . prenom @ domaine . ca"); phone numbers with any separator (spaces,
two spaces, dots, slashes, dashes of every kind, "514 555 12 34", digit by digit "5 1 4 5 5 5…",
seven digits after "tél."/"cell"/"fixe"); social insurance numbers (NAS, with or without dots or
dashes, and nine digits grouped in any way after "NAS"/"SIN"); Quebec health insurance numbers
(NAM, and any 4 letters + 8 digits after "RAMQ"/"NAM"/"carte soleil"); postal codes; dates of
birth (any date after "né le", "date de naissance", "DDN", "DOB"…, month first or day first, and
any full date more than 14 years old); street addresses (a civic number, with a letter or a unit
before it, and a street type; the street's name may be in lower case) and post-office boxes;
employee numbers (after "matricule", "numéro d'employé", "employee ID", "#emp"…, also spaced
digit by digit or in three groups); and names (privacy/names.py).

Public support and crisis numbers are kept as they are (the registry's, directory/resources.yml):
a conversation must never lose a crisis line.

Measured on tests/privacy/data/pii_corpus.yml, pii_holdout_2026_12b.yml and 12c (development sets:
these patterns were tuned on them); `python -m pytest tests/privacy -s -k pii` prints recall per
type, `python bench/redaction.py` the false masking of ordinary messages and the time per message.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from functools import lru_cache

from directory.loader import load_registry
from privacy.names import redact_names


@lru_cache(maxsize=1)
def public_numbers() -> frozenset[str]:
    """The registry's public lines (directory/resources.yml), digits only, with and without
    the leading 1: they must survive redaction."""
    numbers = load_registry().public_numbers()
    return numbers | {number[1:] for number in numbers if len(number) == 11}


# A separator between digit groups: nothing, spaces, or one of . / - (any dash) with spaces.
_SEP = r"(?:[ \t]{0,3}[./\-\u2010-\u2015\u2212][ \t]{0,3}|[ \t]{1,3})?"
_DASHES = "\u2010-\u2015\u2212"

# E-mail: a literal @ (spaces allowed around it), or a spelled or bracketed "at" with a spelled
# or bracketed "dot" and a common top-level domain.
_AT_WORD = (
    r"(?:\s*[\(\[{'\"]\s*(?:at|arobase?|a)\s*[\)\]}'\"]\s*|\s+(?:at|arobase?|arrobas?e?)\s+)"
)
_DOT_WORD = r"(?:\s*[\(\[{'\"]\s*(?:dot|point)\s*[\)\]}'\"]\s*|\s+(?:dot|point)\s+)"
_TLD = r"(?:com|ca|fr|net|org|info|be|ch|us|io|edu|gouv|qc)"
_EMAIL = re.compile(
    r"(?<![\w.+-])[\w+-]+(?:[ \t]?\.[ \t]?[\w+-]+)*[ \t]?@[ \t]?[\w-]+(?:[ \t]?\.[ \t]?[\w-]+)*[ \t]?\.[ \t]?[A-Za-z]{2,}\b"
    rf"|(?i:(?<![\w.+-])[\w+-]+(?:(?:\.|{_DOT_WORD})[\w+-]+)*{_AT_WORD}[\w-]+(?:(?:\.|{_DOT_WORD})[\w-]+)*(?:\.|{_DOT_WORD}){_TLD}\b)"
)
# NAM: 4 letters, then year, month (01-12, or 51-62 for women) and day digits.
_NAM = re.compile(
    rf"\b[A-Za-z]{{4}}{_SEP}\d{{2}}(?:0[1-9]|1[0-2]|5[1-9]|6[0-2]){_SEP}\d{{4}}\b"
)
_PHONE = re.compile(
    rf"(?<![\w])(?:\+?1{_SEP})?(?:\(\d{{3}}\)|\d{{3}}){_SEP}\d{{3}}{_SEP}(?:\d{{4}}|\d{{2}}{_SEP}\d{{2}})"
    r"(?:,?\s*(?:poste|p\.|ext\.?|x)\s*\d{1,6})?(?![\w])",
    re.IGNORECASE,
)
_NAS = re.compile(rf"(?<![\w$])\d{{3}}{_SEP}\d{{3}}{_SEP}\d{{3}}(?![\w])(?!\s*\$)")
_NAS_CUE = re.compile(
    r"(?i:\b(?:nas|sin|social\s+insurance(?:\s+number)?|assurance[ -]sociale)\b[^\d\n]{0,25}?)"
    r"(?P<id>(?<![\w])\d(?:[ .\-]?\d){8})(?![\w])"
)
_NAM_CUE = re.compile(
    r"(?i:\b(?:nam|ramq|assurance[ -]maladie|carte\s+soleil|health\s+card)\b[^\n]{0,40}?)"
    r"(?P<id>(?<![\w])[A-Za-z]{4}[ \t]?\d{4}[ \t]?\d{4})(?![\w])"
)
# A phone number spelled digit by digit ("5 1 4 5 5 5 0 1 2 3"), and a local one after a phone
# cue ("le fixe 555-0145").
_SPACED_PHONE = re.compile(r"(?<![\w])(?:1[ \t])?\d(?:[ \t]\d){9}(?![\w])")
_LOCAL_PHONE = re.compile(
    r"(?i:\b(?:t[ée]l[ée]phone|t[ée]l\.?|cell(?:ulaire)?|fixe|phone|num[ée]ro|no\.?)\b[^\d\n]{0,20}?)"
    r"(?P<id>(?<![\w-])\d{3}[ \t]?[.\-\u2010-\u2015][ \t]?\d{4})(?![\w-])"
)
_POSTAL_CODE = re.compile(
    rf"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z](?:[ \t]|[-{_DASHES}])?\d[ABCEGHJ-NPRSTV-Z]\d\b",
    re.IGNORECASE,
)

# Dates of birth.
_MONTH = (
    r"(?:janvier|janv\.?|f[ée]vrier|f[ée]vr?\.?|mars|avril|avr\.?|mai|juin|juillet|juil\.?|ao[uû]t"
    r"|septembre|sept\.?|octobre|oct\.?|novembre|nov\.?|d[ée]cembre|d[ée]c\.?"
    r"|january|jan\.?|february|feb\.?|march|mar\.?|april|apr\.?|may|june|jun\.?|july|jul\.?"
    r"|august|aug\.?|september|sep\.?|october|november|december|dec\.?)"
)
_UNITS = r"(?:un|deux|trois|quatre|cinq|six|sept|huit|neuf)"
_SPELLED_DAY = (
    rf"(?:premier|(?:vingt|trente)(?:[- ]et[- ]un|-{_UNITS})?|dix-(?:sept|huit|neuf)"
    rf"|onze|douze|treize|quatorze|quinze|seize|dix|{_UNITS})"
)
_DAY = rf"(?:1er|[0-3]?\d|{_SPELLED_DAY})"
_TEXT_DATE = (
    rf"(?:{_DAY}\s+{_MONTH}\s+(?P<y1>(?:19|20)\d\d|'?\d\d)"
    rf"|{_MONTH}\s+[0-3]?\d(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d))"
)
_NUMERIC_DATE = (
    r"(?:[0-3]?\d[-/. ][0-3]?\d[-/. ](?P<y3>(?:19|20)\d\d|\d\d)"
    r"|(?P<y4>(?:19|20)\d\d)[-/.][01]?\d[-/.][0-3]?\d|(?P<y5>(?:19|20)\d\d)[01]\d[0-3]\d)"
)
_DATE = rf"(?<![\w/.-])(?:{_TEXT_DATE}|{_NUMERIC_DATE})(?![\w/-])"
_BIRTH_CUE = (
    r"(?:\bn[ée]e?\b(?:\s*\(e\))?|\bnaissance\b|\bddn\b|\bdob\b|\bbirth\w*|\bborn\b|\bma f[êe]te\b)"
)
_CUED_DATE = re.compile(rf"(?i:(?P<cue>{_BIRTH_CUE})(?P<gap>[^\d\n.!?]{{0,30}}?))(?i:{_DATE})")
_ANY_DATE = re.compile(rf"(?i:{_DATE})")
_ADULT_YEARS = 14  # a full date older than this is taken for a date of birth

# Employee numbers: after a cue, an identifier with at least four digits.
_EMPLOYEE_CUE = (
    r"(?:\bmatricule\b|\bmatr?\.|\bmat\.|\bcarte\s+d['’]\s*employ[ée]e?"
    r"|(?:\bnum[ée]ro|\bno\b\.?|n°|#)\s*(?:de\s+)?d?['’]?\s*employ[ée]e?"
    r"|\bid\s+employ[ée]e?|\bemploy[ée]e?\s*(?:#|:|id\b|number\b|no\b)|\bstaff\s+id\b|\bemp\s*#|#\s*emp\b|\bemployee\s+(?=\d))"
)
_EMPLOYEE = re.compile(
    rf"(?i:(?P<cue>{_EMPLOYEE_CUE})(?P<gap>[^\d\n.!?]{{0,25}}?))"
    r"(?P<id>(?<![\w])(?:[A-Za-z]{1,3}-?)?\d{2,}(?:[- ]\d{2,}){0,2}|\d(?:[ \t]\d){3,9})(?![\w])"
)
_EMPLOYEE_CODE = re.compile(r"\bEMP-?\d{4,}\b")

# Street addresses: an optional unit, a civic number, a street type and the street's name.
_STREET_TYPE = (
    r"(?i:rue|avenue|av\.|av|ave\.?|boulevard|boul\.|boul|blvd\.?|chemin|ch\.|rang|mont[ée]e|route"
    r"|rte|place|croissant|impasse|all[ée]e|c[ôo]te|promenade|terrasse|carr[ée]|square)"
)
_UNIT = r"(?i:app\.?|apt\.?|appartement|log\.?|logement|unit[ée]|suite|bureau|#)"
_PARTICLE = r"(?i:de\s+la|de|du|des|d['’]|l['’]|la|le|les)"
_NAME_WORD = r"(?:[A-ZÀ-Ý][\w'’.]*(?:-[\w'’.]+)*|(?i:st|ste|saint|sainte)-[\w-]+)"
_STREET_NAME = rf"(?:{_PARTICLE}\s*)?{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s*)?{_NAME_WORD}){{0,3}}"
_CIVIC = r"(?<![\w,])(?:\d{1,5}-)?\d{1,6}[A-Za-z]?"
_DIRECTION = r"(?:\s+(?i:est|ouest|nord|sud|east|west|north|south)\b|\s+[EONSW]\.?(?![\w]))?"
_UNIT_AFTER = rf"(?:,?\s*{_UNIT}\s*\d+[A-Za-z]?|,\s*\d+(?:er|e)\s+(?i:étage))?"
# After a street type, the street's name may be written in lower case ("7 rue hébert").
_LOWER_STREET = r"(?!(?i:et|ou|pis|à|a|de|du|des|la|le|les|en|au)\b)[a-zà-ÿ][\w'’-]{2,}"
_ADDRESS = re.compile(
    rf"(?:{_UNIT}\s*\d+[A-Za-z]?\s*(?:,|\s[-\u2010-\u2015]\s*)\s*)?{_CIVIC},?\s+"
    rf"(?:{_STREET_TYPE}\s+(?:{_STREET_NAME}|{_LOWER_STREET})"
    rf"|\d+(?:e|er)\s+(?i:avenue|rue|rang)"
    rf"|{_STREET_NAME}\s+(?i:street|st\.?|avenue|ave\.?|road|rd\.?|boulevard|blvd\.?|drive|dr\.?))"
    rf"{_DIRECTION}{_UNIT_AFTER}(?![\w])"
)


_PO_BOX = re.compile(r"(?i:\b(?:bo[îi]te|case)\s+postale|\bc\.\s?p\.|\bp\.?\s?o\.?\s+box)\s*\d{1,6}\b")


# What the articles (knowledge_base/articles/confidentialite/) say is masked, each with an example
# the redaction masks: tests/privacy/test_articles_match_the_code.py holds them to each other.
MASKED: dict[str, str] = {
    "un nom": "je m'appelle Julie Gagnon",
    "un numéro de téléphone": "514 555-0199",
    "une adresse courriel": "julie.gagnon@exemple.ca",
    "une adresse postale": "1234, rue Saint-Denis",
    "un code postal": "H2X 1Y4",
    "une date de naissance": "née le 3 mars 1984",
    "un numéro d'assurance sociale (NAS)": "123 456 789",
    "un numéro d'assurance maladie": "TREM 8501 0112",
    "un matricule": "matricule 482913",
}


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _phone(match: re.Match[str]) -> str:
    number = _digits(re.split(r"(?i)poste|p\.|ext|x", match.group(0))[0])
    public = public_numbers()
    if number in public or number[:11] in public or number[:10] in public:
        return match.group(0)
    return "[téléphone]"


def _cued_date(match: re.Match[str]) -> str:
    return f"{match.group('cue')}{match.group('gap')}[date de naissance]"


def _old_date(match: re.Match[str]) -> str:
    years = [match.group(f"y{i}") for i in range(1, 6)]
    year = next((y for y in years if y and len(y) == 4), None)
    if year is None or int(year) > date.today().year - _ADULT_YEARS:
        return match.group(0)
    return "[date de naissance]"


def _employee(match: re.Match[str]) -> str:
    if len(_digits(match.group("id"))) < 4:
        return match.group(0)
    return f"{match.group('cue')}{match.group('gap')}[matricule]"


def _cued(label: str) -> Callable[[re.Match[str]], str]:
    """Replace only the identifier after a cue ("NAS : 477 55 22 69" -> "NAS : [NAS]")."""

    def replace(match: re.Match[str]) -> str:
        start, end = match.span("id")
        whole = match.group(0)
        offset = match.start()
        return whole[: start - offset] + label + whole[end - offset:]

    return replace


def redact(text: str) -> str:
    """Return `text` (NFKC-normalised) with personal information replaced by bracketed labels."""
    text = unicodedata.normalize("NFKC", text)
    text = _EMAIL.sub("[courriel]", text)
    text = _NAM_CUE.sub(_cued("[NAM]"), text)
    text = _NAM.sub("[NAM]", text)
    text = _NAS_CUE.sub(_cued("[NAS]"), text)
    text = _CUED_DATE.sub(_cued_date, text)
    text = _EMPLOYEE.sub(_employee, text)
    text = _EMPLOYEE_CODE.sub("[matricule]", text)
    text = _PHONE.sub(_phone, text)
    text = _SPACED_PHONE.sub(_phone, text)
    text = _LOCAL_PHONE.sub(_cued("[téléphone]"), text)
    text = _NAS.sub("[NAS]", text)
    text = _ANY_DATE.sub(_old_date, text)
    text = _ADDRESS.sub("[adresse]", text)
    text = _PO_BOX.sub("[adresse]", text)
    text = _POSTAL_CODE.sub("[code postal]", text)
    return redact_names(text)
