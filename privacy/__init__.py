"""Personal-information redaction (Quebec Law 25), shared by the gateway and the actions."""

from privacy.redaction import redact

__all__ = ["redact"]
