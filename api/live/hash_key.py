"""Print the argon2 hash of a counsellor's key, for RELAIS_AGENT_KEYS (`name:<hash>`):
`python -m api.live.hash_key` (reads the key without echoing it)."""

from __future__ import annotations

import getpass
import sys

from argon2 import PasswordHasher


def main() -> int:
    key = getpass.getpass("Clé de l'intervenant (16 caractères ou plus) : ") if sys.stdin.isatty() else sys.stdin.readline().strip()
    if len(key) < 16:
        print("La clé doit avoir au moins 16 caractères.", file=sys.stderr)
        return 2
    print(PasswordHasher().hash(key))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
