"""What counsellors may see (their establishments: scope.py, keys.py) and the audit log of what
they read and did (audit.py)."""
