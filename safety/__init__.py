"""Crisis-risk detector shared by the Rasa NLU component and the API gateway.

Pure Python (standard library only, Python 3.10+), deterministic, stateless:

    >>> from safety import assess
    >>> assess("chu pu capable, j'pense à en finir").is_crisis
    True
"""

from .assessment import Assessment, RiskCategory, RiskLevel
from .detector import assess

__all__ = ["assess", "Assessment", "RiskCategory", "RiskLevel"]
