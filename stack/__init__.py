"""Starts and stops Relais's three services on loopback (used by `make run` and the e2e tests)."""
