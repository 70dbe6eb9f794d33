"""Callback requests ("être rappelé"): tickets stored by the gateway, a Teams notification for the
team that calls back, and the purge. Never reads the environment; only `api` imports it."""
