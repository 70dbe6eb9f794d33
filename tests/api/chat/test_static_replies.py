"""The gateway's fallback says what the bot says, including when a crisis interrupts a form."""

from __future__ import annotations

from pathlib import Path

import yaml

from api.chat.replies import load_static_replies
from safety.reply_variant import REPLY_VARIANTS

ROOT = Path(__file__).resolve().parents[3]
RULES = ROOT / "bot" / "rules" / "crise.yml"
AFTER_CRISIS = "action_answer_after_crisis"


def test_the_gateway_reads_one_sequence_per_crisis_type():
    replies = load_static_replies(ROOT / "bot" / "domain", ROOT / "bot" / "rules")
    assert set(replies.crisis_sequences) == set(REPLY_VARIANTS)
    assert replies.crisis("violence")[0].text.count("1 800 363-9010") == 1
    assert "1 866 277-3553" in replies.crisis("self")[0].text


def test_a_crisis_inside_any_form_stops_it_and_sends_the_same_replies():
    replies = load_static_replies(ROOT / "bot" / "domain", ROOT / "bot" / "rules")
    forms = {
        name
        for path in (ROOT / "bot" / "domain").glob("*.yml")
        for name in (yaml.safe_load(path.read_text(encoding="utf-8")).get("forms") or {})
    }
    assert forms, "the domain declares no form"
    interrupted: dict[str, set[str]] = {form: set() for form in forms}
    for rule in yaml.safe_load(RULES.read_text(encoding="utf-8"))["rules"]:
        loops = [c["active_loop"] for c in rule.get("condition", []) if "active_loop" in c]
        steps = rule["steps"]
        if not loops or steps[0].get("intent") != "crisis":
            continue
        variant = steps[1]["slot_was_set"][0]["crisis_type"]
        actions = [step["action"] for step in steps if "action" in step]
        assert actions[0] == "action_deactivate_loop", rule["rule"]
        assert tuple(actions[1:]) == (*replies.crisis_sequences[variant], AFTER_CRISIS), rule["rule"]
        interrupted[loops[0]].add(variant)
    for form, variants in interrupted.items():
        assert variants == set(REPLY_VARIANTS), form


def test_every_crisis_rule_sends_its_static_reply_before_any_custom_action():
    # The reply must not wait on the action server: the custom action that may answer the
    # question the message also asked comes last, after the whole static reply.
    replies = load_static_replies(ROOT / "bot" / "domain", ROOT / "bot" / "rules")
    for rule in yaml.safe_load(RULES.read_text(encoding="utf-8"))["rules"]:
        steps = rule["steps"]
        if steps[0].get("intent") != "crisis":
            continue
        variant = steps[1]["slot_was_set"][0]["crisis_type"]
        actions = [step["action"] for step in steps if "action" in step and step["action"] != "action_deactivate_loop"]
        assert actions[-1] == AFTER_CRISIS, rule["rule"]
        assert tuple(actions[:-1]) == replies.crisis_sequences[variant], rule["rule"]
        assert all(name.startswith("utter_") for name in actions[:-1]), rule["rule"]


def test_violence_against_staff_has_its_own_reply_911_and_the_code_first():
    replies = load_static_replies(ROOT / "bot" / "domain", ROOT / "bot" / "rules")
    first, after, check = replies.crisis("violence_staff")
    assert "911" in first.text and "code" in first.text and "sécurité" in first.text
    assert "PAE" in after.text and "BQVT" in after.text and "811" in after.text
    assert check.text == replies.crisis("self")[-1].text  # "Êtes-vous en sécurité…?"
    assert first.text not in {m.text for v in ("self", "violence") for m in replies.crisis(v)}


def test_an_emergency_nobody_caused_gets_911_first_and_no_violence_lines():
    # A fire or a colleague who collapsed: what to do now, not SOS violence conjugale nor the
    # "move away from the person, code blanc" of an assault.
    replies = load_static_replies(ROOT / "bot" / "domain", ROOT / "bot" / "rules")
    first, after, check = replies.crisis("emergency")
    assert first.text.startswith("Faites le 911") and "sortez d'abord" in first.text
    assert "1 800 363-9010" not in first.text and "code blanc" not in first.text
    assert "811" in after.text and any(b.payload == "/request_human" for b in after.buttons)
    assert "1 866 277-3553" in after.text  # someone else's attempt: the line advises the helper
    assert check.text == replies.crisis("self")[-1].text  # "Êtes-vous en sécurité…?", as after any crisis
    assert first.text not in {m.text for v in ("violence", "violence_staff") for m in replies.crisis(v)}


def test_distress_has_a_warm_reply_distinct_from_the_crisis_reply():
    replies = load_static_replies(ROOT / "bot" / "domain", ROOT / "bot" / "rules")
    (distress,) = replies.distress()
    assert "PAE" in distress.text and "811, option 2" in distress.text
    assert "lignes d'écoute" in distress.text
    assert "911" not in distress.text  # not the emergency protocol
    assert distress.text not in {m.text for m in replies.crisis("self")}
