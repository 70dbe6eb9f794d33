"""The crisis detector, through its public entry point `safety.assess`.

Figures are asserted per set (tests/crisis_dataset.py holds the lexicon's floors,
`LEXICON_TARGETS`: design, development, the 2026-12 held-out batch), and per design file the
lexicon was written or extended with. Per-message checks use the design files the lexicon was
first written with. Failure messages list design texts only: held-out and development texts
must not leak back into tuning.
"""

from __future__ import annotations

import pytest

from safety import Assessment, RiskCategory, RiskLevel, assess
from tests.crisis_dataset import (
    LEXICON_FILES,
    LEXICON_TARGETS,
    LEXICON_TUNED_FILES,
    SETS,
    LabelledMessage,
    check_targets,
    load_messages,
)
from tests.runtimes import PYTHON_IDS, PYTHONS, run_probe

LABELS = {"crisis", "distress", "none"}


def _design() -> list[LabelledMessage]:
    """The whole design split: every design file."""
    return load_messages("design")


def _lexicon_design() -> list[LabelledMessage]:
    """The design files the lexicon was written with."""
    return load_messages("design", LEXICON_FILES)


def _says_crisis(text: str) -> bool:
    return assess(text).is_crisis


# Per design file: crisis recall, false alarms on `none`, and `distress` taken for a crisis
# (not a safety failure, but it changes the reply).
FILE_MIN_RECALL = 0.99
FILE_MAX_FALSE_POSITIVE_RATE = 0.03
FILE_MAX_DISTRESS_FLAGGED = 0.03


# --- the labelled datasets ----------------------------------------------------------


def test_design_split_is_well_formed() -> None:
    messages = _design()
    assert len(messages) >= 220
    assert {m.split for m in messages} == {"design"}
    assert {m.label for m in messages} <= LABELS
    categories = {c.value for c in RiskCategory}
    for m in messages:
        assert (m.category in categories) if m.label == "crisis" else m.category is None, m.text
    share = {label: sum(m.label == label for m in messages) / len(messages) for label in LABELS}
    assert 0.40 <= share["crisis"] <= 0.60, share
    assert 0.15 <= share["distress"] <= 0.30, share
    assert 0.15 <= share["none"] <= 0.35, share
    # The fresh batch's author, who never saw the other files, wrote two short messages already
    # in them, with the same label: a text may repeat across files, never with another label.
    for name in {m.source for m in messages}:
        texts = [m.text for m in load_messages("design", (name,))]
        assert len(set(texts)) == len(texts), f"duplicate texts in {name}"
    labelled = {(m.text, m.label, m.category) for m in messages}
    assert len(labelled) == len({m.text for m in messages}), "a text with two labels"


@pytest.mark.parametrize("set_name", SETS)
def test_crisis_targets_per_set(set_name: str) -> None:
    problems = check_targets(_says_crisis, "safety.assess", LEXICON_TARGETS, set_name)
    assert not problems, problems


@pytest.mark.parametrize("name", LEXICON_TUNED_FILES)
def test_crisis_figures_per_design_file(name: str) -> None:
    messages = load_messages("design", (name,))

    def flagged(label: str) -> tuple[list[str], float]:
        texts = [m.text for m in messages if m.label == label]
        hits = [t for t in texts if _says_crisis(t)]
        return hits, len(hits) / len(texts)

    found, recall = flagged("crisis")
    false_alarms, false_positive_rate = flagged("none")
    distress_flagged, distress_rate = flagged("distress")
    print(
        f"\n{name}: recall {recall:.3f}, false-positive rate {false_positive_rate:.3f}, "
        f"distress flagged {distress_rate:.3f}"
    )
    missed = [m.text for m in messages if m.label == "crisis" and m.text not in found]
    assert recall >= FILE_MIN_RECALL, missed
    assert false_positive_rate <= FILE_MAX_FALSE_POSITIVE_RATE, false_alarms
    assert distress_rate <= FILE_MAX_DISTRESS_FLAGGED, distress_flagged


def test_design_crisis_messages_get_their_category() -> None:
    crisis = [m for m in _lexicon_design() if m.label == "crisis"]
    wrong = [
        m.text for m in crisis if m.category not in {c.value for c in assess(m.text).categories}
    ]
    print(f"\ncategory found for {len(crisis) - len(wrong)}/{len(crisis)} design crisis messages")
    assert not wrong


def test_distress_is_told_apart_from_none_on_the_design_split() -> None:
    # Not a safety target (a distress message taken for a crisis still gets help),
    # but the level drives the tone of the reply.
    messages = [m for m in _lexicon_design() if m.label in ("distress", "none")]
    right = sum(assess(m.text).level.value == m.label for m in messages)
    print(f"\ndistress/none level right for {right}/{len(messages)} design messages")
    assert right / len(messages) >= 0.95


# --- targeted behaviour --------------------------------------------------------------

IDIOMS_AND_PROFESSIONAL_USAGE = [
    ("cellule de crise", "professional"),
    ("crise du logement", "idiom"),
    ("crise budgétaire", "idiom"),
    ("mort de rire", "idiom"),
    ("ce formulaire me tue", "idiom"),
    ("je suis mort de fatigue", "idiom"),
    ("on a tué ça au triage à soir", "idiom"),
    ("the whole night team was killing it", "idiom"),
    ("formation sentinelle en prévention du suicide", "professional"),
    ("comment évaluer le risque suicidaire d'un patient", "professional"),
    ("protocole suicide à l'urgence", "professional"),
    (
        "un patient a fait une tentative de suicide, quelles sont les ressources pour l'équipe",
        "professional",
    ),
    # Choice: a request for a crisis line's number is an information question (NONE,
    # "professional" context); the knowledge base answers it with the same number.
    ("c'est quoi le numéro de la ligne de prévention du suicide", "professional"),
]


@pytest.mark.parametrize(("text", "context"), IDIOMS_AND_PROFESSIONAL_USAGE)
def test_idioms_and_professional_usage_are_not_a_crisis(text: str, context: str) -> None:
    assessment = assess(text)
    assert not assessment.is_crisis
    assert assessment.categories == frozenset()
    assert assessment.context == context


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("chu pu capable, j'pense à en finir", RiskCategory.SUICIDE),
        ("je veux pu me réveiller", RiskCategory.SUICIDE),
        ("tout le monde serait mieux sans moi", RiskCategory.SUICIDE),
        ("j'ai écrit mes lettres", RiskCategory.SUICIDE),
        ("je vais sauter", RiskCategory.SUICIDE),
        ("à quoi bon continuer", RiskCategory.SUICIDE),
        ("I want to die", RiskCategory.SUICIDE),
        ("kms", RiskCategory.SUICIDE),
        ("je pense pas que je vais passer la nuit", RiskCategory.SUICIDE),
        ("je me scarifie", RiskCategory.SELF_HARM),
        ("j'ai envie de me faire mal", RiskCategory.SELF_HARM),
        ("j'ai envie de le tuer, je suis sérieux", RiskCategory.HARM_TO_OTHERS),
        ("je vais faire un malheur", RiskCategory.HARM_TO_OTHERS),
    ],
)
def test_first_person_risk_is_a_crisis(text: str, category: RiskCategory) -> None:
    assessment = assess(text)
    assert assessment.level is RiskLevel.CRISIS
    assert category in assessment.categories
    assert assessment.context is None


@pytest.mark.parametrize(
    "text",
    [
        "est-ce que ça fait mal de se pendre",
        "quelle dose de tylenol pour ne pas se réveiller",
        "combien de pilules",
        "combien de pilules faut prendre pour mourir",
        "c'est quoi la dose létale de morphine",  # even if asked by a clinician
        "how many pills to overdose",
    ],
)
def test_methods_questions_are_a_crisis_with_means(text: str) -> None:
    assert RiskCategory.MEANS in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "mon collègue dit qu'il va se tuer",
        "ma collègue parle de s'enlever la vie",
        "my coworker told me she wants to kill herself",
        "ma soeur se fait battre par son chum",
    ],
)
def test_someone_else_at_risk_is_third_person(text: str) -> None:
    assert RiskCategory.THIRD_PERSON in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "mon chum me frappe",
        "j'ai peur qu'il me tue ce soir",
        "il m'a menacée",
        "mon conjoint m'a étranglée hier",
        "he hits me when he drinks",
    ],
)
def test_domestic_violence_is_immediate_danger(text: str) -> None:
    assert RiskCategory.IMMEDIATE_DANGER in assess(text).categories


def test_first_person_risk_wins_over_a_professional_context() -> None:
    text = "je suis infirmière en psychiatrie et moi-même je pense au suicide"
    assert assess(text) == Assessment(RiskLevel.CRISIS, frozenset({RiskCategory.SUICIDE}))


def test_first_person_risk_wins_over_an_idiom() -> None:
    assert assess("ce formulaire me tue, pis j'ai envie de me tuer pour vrai").is_crisis
    assert assess("je vais me tuer ça suffit").is_crisis  # "tuer ça" (aced it) needs no "me"


@pytest.mark.parametrize(
    "variants",
    [
        [
            "j'ai envie de mourir",
            "J'AI ENVIE DE MOURIR",
            "jai envie de mourrir",
            "g envi de mourir",
        ],
        ["je veux plus vivre", "JE VEUX PU VIVRE", "jveux pu vivre", "je veu pus vivre!!!"],
        ["je pense à me suicider", "je pense a me suicider", "JPENSE A ME SUICIDÉ"],
        ["je suis à boutte", "JE SUIS À BOUTTE", "chu a boutte"],
        ["ce formulaire me tue", "CE FORMULAIRE ME TUE", "ce formulair me tu"],
    ],
)
def test_case_accents_and_typos_do_not_change_the_level(variants: list[str]) -> None:
    assert len({assess(text).level for text in variants}) == 1, [
        (text, assess(text).level) for text in variants
    ]


@pytest.mark.parametrize(
    "text", ["je suis à boutte", "j'en peux plus de mes shifts", "I'm so stressed"]
)
def test_distress_without_risk_is_distress(text: str) -> None:
    assert assess(text) == Assessment(RiskLevel.DISTRESS)


def test_a_denied_risk_is_distress_not_none() -> None:
    assert assess("je suis pas suicidaire, juste vidée").level is RiskLevel.DISTRESS


@pytest.mark.parametrize("text", ["", " ", "\n\t  \n"])
def test_empty_and_whitespace_are_none(text: str) -> None:
    assert assess(text) == Assessment(RiskLevel.NONE, frozenset(), None)


def test_a_10000_character_message_is_handled() -> None:
    filler = "Bonjour, je vous écris au sujet de mon horaire de la semaine prochaine. "
    benign = (filler * (10_000 // len(filler) + 1))[:10_000]
    assert assess(benign) == Assessment(RiskLevel.NONE)
    risky = benign[: 10_000 - 40] + " je veux mourir ce soir"
    assert assess(risky).is_crisis


def test_same_message_same_assessment() -> None:
    text = "mon collègue dit qu'il va se tuer"
    assert assess(text) == assess(text)
    assert hash(assess(text)) == hash(assess(text))


# --- packaging -----------------------------------------------------------------------

_IMPORT_PROBE = (
    "import sys; sys.path.insert(0, sys.argv[1]); before = set(sys.modules); import safety; "
    "print('\\n'.join(sorted(set(sys.modules) - before)))"
)


@pytest.mark.parametrize("python", PYTHONS, ids=PYTHON_IDS)
def test_safety_imports_only_the_standard_library(python: str) -> None:
    loaded = run_probe(python, _IMPORT_PROBE).split()
    assert "safety" in loaded
    stdlib = set(run_probe(python, "import sys; print(' '.join(sys.stdlib_module_names))").split())
    outside = [m for m in loaded if m.split(".")[0] not in stdlib | {"safety"}]
    assert not outside
    assert not {"numpy", "yaml", "spacy", "torch"} & {m.split(".")[0] for m in loaded}


@pytest.mark.parametrize("text", ["je suis pas en danger en ce moment", "je ne suis pas en danger"])
def test_saying_you_are_not_in_danger_is_not_a_crisis(text: str) -> None:
    assert not assess(text).is_crisis


@pytest.mark.parametrize(
    ("text", "variant"),
    [
        (
            "un patient a un couteau au poste des infirmières et menace ma collègue, maintenant",
            "violence_staff",
        ),
        ("le conjoint d'une patiente menace de revenir avec une arme", "violence_staff"),
        ("mon chum me frappe pis j'ai peur qu'il me tue ce soir", "violence"),
        ("mon chum me frappe quand je rentre de mon quart", "violence"),
    ],
)
def test_violence_against_staff_gets_its_own_variant(text: str, variant: str) -> None:
    from safety.reply_variant import reply_variant

    assessment = assess(text)
    assert assessment.is_crisis and reply_variant(assessment) == variant
