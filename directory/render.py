"""One way to show a resource, for every channel: the bot's list, the live chat, the error
messages, the callback notice, the page's banner and the Teams cards.

`phone` is what a person reads ("1 866 277-3553"); `tel` is the link ("tel:+18662773553").
French, vouvoiement; the English forms are for English error bodies, notices and replies to people
who write in English.
"""

from __future__ import annotations

from html import escape
from typing import Any

from directory.models import Availability, Registry, Resource
from directory.opening_hours import ALWAYS_TEXT


def reach(resource: Resource, language: str = "fr") -> list[str]:
    """How to reach it: ["811, option 2"], ["1 866 277-3553", "texto au 535353", "clavardage sur
    suicide.ca"] ("text 535353", "chat at suicide.ca" in English)."""
    english = language == "en"
    parts: list[str] = []
    if resource.phone:
        option = f", option {resource.phone_option}" if resource.phone_option else ""
        parts.append(f"{resource.phone}{option}")
    if resource.sms:
        parts.append(f"{'text' if english else 'texto au'} {resource.sms}")
    if resource.chat_url:
        parts.append(f"{'chat at' if english else 'clavardage sur'} {chat_host(resource)}")
    return parts


def chat_host(resource: Resource) -> str:
    return (resource.chat_url or "").removeprefix("https://").rstrip("/")


def spoken(resource: Resource) -> str:
    """How a sentence names it: "1 866 APPELLE (1 866 277-3553)", "911"."""
    name = resource.short_name or resource.name
    if resource.phone and resource.phone not in name:
        return f"{name} ({resource.phone})"
    return name


def describe_line(resource: Resource, language: str = "fr") -> str:
    """ "Info-Social 811 (811, option 2)", "le 911 en cas de danger immédiat" ("911 if you are in
    immediate danger"), or the name and how to reach it."""
    if resource.kind == "emergency":
        if language == "en":
            return f"{resource.phone} if you are in immediate danger"
        return f"le {resource.phone} en cas de danger immédiat"
    return _named(resource, resource.name, language)


def _named(resource: Resource, name: str, language: str = "fr") -> str:
    parts = reach(resource, language)
    if resource.phone and resource.phone in name:  # "Info-Social 811": only the option is news
        option = f"option {resource.phone_option}" if resource.phone_option else ""
        parts[0] = "" if option in name else option
    parts = [part for part in parts if part]
    return f"{name} ({', '.join(parts)})" if parts else name


def describe_availability(availability: Availability, language: str = "fr") -> str:
    """One line of the bot's list: name, how to reach it, hours and whether it is open now (in
    English: the frame and the status; other hours than 24/7 stay as the registry writes them)."""
    resource = availability.resource
    opening = availability.next_opening
    hours = availability.hours_text
    if language == "en":
        status = "open now" if availability.open_now else "closed right now"
        status += f", reopens {opening:%d/%m at %H:%M}" if opening is not None else ""
        hours = "24/7" if hours == ALWAYS_TEXT else hours
        return f"• {resource.name}: {' · '.join(reach(resource, language))} ({hours}; {status})"
    status = "ouvert maintenant" if availability.open_now else "fermé en ce moment"
    if opening is not None:
        status += f", rouvre {opening:%d/%m à %H h %M}"
    return f"• {resource.name} : {' · '.join(reach(resource))} ({hours}; {status})"


def lines_sentence(resources: list[Resource], language: str = "fr") -> str:
    described = [describe_line(r, language) for r in resources]
    if not described:
        return ""
    english = language == "en"
    last = "; or " if english else "; ou "
    listed = described[0] if len(described) == 1 else "; ".join(described[:-1]) + last + described[-1]
    if english:
        return f"If you need to talk to someone now, day or night: {listed}."
    return f"Si vous avez besoin de parler à quelqu'un maintenant, jour et nuit : {listed}."


def handoff_entry(resource: Resource, open_now: bool | None, hours: str | None) -> dict[str, Any]:
    """The `handoff.resources[]` item of the chat API, the same from the bot and the gateway."""
    return {
        "name": resource.name,
        "phone": resource.phone,
        "tel": resource.tel_uri,
        "phone_option": resource.phone_option,
        "sms": resource.sms,
        "sms_uri": resource.sms_uri,
        "url": resource.chat_url,
        "open_now": open_now,
        "hours": hours,
    }


def availability_entry(availability: Availability) -> dict[str, Any]:
    return handoff_entry(availability.resource, availability.open_now, availability.hours_text)


def line_entry(resource: Resource) -> dict[str, Any]:
    """A 24/7 line: open now by definition."""
    return handoff_entry(resource, True, resource.hours_text)


def line_words(registry: Registry) -> dict[str, str]:
    """The words error messages and notices fill in: `{crisis_line}` ("1 866 APPELLE
    (1 866 277-3553)") and `{emergency}` ("911")."""
    return {"crisis_line": spoken(registry.crisis_line()), "emergency": registry.emergency_line().phone or ""}


def risk_reminder(registry: Registry, language: str = "fr") -> str:
    """The short reminder under a knowledge answer that showed risk: the 24/7 lines but 911."""
    lines = [r for r in registry.lines_24_7() if r.kind != "emergency"]
    parts = [_named(r, r.short_name or r.name, language) for r in lines]
    lead = "The lines stay open day and night: " if language == "en" else (
        "Les lignes restent ouvertes jour et nuit : "
    )
    return lead + "; ".join(parts) + "."


def banner_html(registry: Registry) -> str:
    """The page's crisis banner: each 24/7 line as a tap-to-call link (HTML, escaped)."""
    parts = []
    for line in registry.lines_24_7():
        link = f'<a href="{escape(line.tel_uri or "")}">'
        if line.kind == "emergency":
            parts.append(f"danger immédiat : {link}{escape(line.phone or '')}</a>")
            continue
        parts.append(f"{link}{escape(_label(line))}</a>")
        if line.sms:
            parts.append(f'texto <a href="{escape(line.sms_uri or "")}">{escape(line.sms)}</a>')
    return "Besoin d'aide maintenant? " + " · ".join(parts)


def lines_text(registry: Registry, resources: list[Resource] | None = None) -> str:
    """The 24/7 lines in a few words, for places without links: "1 866 APPELLE (1 866 277-3553),
    Info-Social 811, option 2, 911" (`resources`: the same lines in another order)."""
    lines = registry.lines_24_7() if resources is None else resources
    return ", ".join(_label(r) for r in lines)


def _label(resource: Resource) -> str:
    """The short name with its number when the short name lacks it, else the full name."""
    if resource.short_name and resource.phone and resource.phone not in resource.short_name:
        return spoken(resource)
    return resource.name


def short_numbers(registry: Registry) -> list[str]:
    """The short public numbers as written ("811", "911", "9-8-8"), for a page to link them."""
    return sorted({r.phone for r in registry.resources if r.phone and " " not in r.phone})


def public_lines(registry: Registry) -> dict[str, Any]:
    """The 24/7 lines for a page or the widget to show (`GET /api/lines`): each line as in
    `line_entry`, with its `kind` ("crisis", "emergency") and the short `label` the banner links;
    the short numbers as written, for linking them in a reply's text."""
    return {
        "lines": [
            {**line_entry(r), "kind": r.kind, "label": _label(r)} for r in registry.lines_24_7()
        ],
        "short_numbers": short_numbers(registry),
    }
