"""A counsellor's side of a live chat, delivered to a person in Teams as proactive messages.

The web page polls `GET /api/live/{id}/events`; a Teams chat cannot, so this relay looks every
second for new counsellor events of the Teams people it knows and sends them with the
conversation reference kept from the person's last message (api/teams/stores.py: in memory, like
the live transcripts, or in Redis with several gateways, so any gateway can deliver what a
counsellor wrote on any other). A delivery is claimed first (the seq moved forward atomically: two
gateways never send the same message) and given back if it could not be sent, to be retried.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time

from microsoft_agents.activity import ConversationReference
from microsoft_agents.hosting.core import TurnContext
from microsoft_agents.hosting.fastapi import CloudAdapter

from api.errors import SharedStateUnavailable
from api.live import texts as live_texts
from api.live.queue import LiveChat, LiveSession
from api.metrics import Metrics
from api.teams import texts
from api.teams.connector import UntrustedServiceUrl
from api.teams.messages import with_tel_links
from api.teams.stores import REFERENCE_TTL_SECONDS, MemoryReferences, ReferenceStore
from api.teams.tokens import TokenUnavailable

logger = logging.getLogger("relais.teams")

WATCH_EVERY_SECONDS = 1.0
# A Teams chat has no open page to poll: the person counts as present in the live chat queue for
# this long after their last message (the web's page counts while it is open).
PRESENCE_SECONDS = 2 * 3600.0


class LiveRelay:
    def __init__(
        self,
        live: LiveChat,
        adapter: CloudAdapter,
        app_id: str,
        links: tuple[re.Pattern[str], dict[str, str]] | None,
        metrics: Metrics,
        store: ReferenceStore | None = None,
    ) -> None:
        self._live = live
        self._adapter = adapter
        self._app_id = app_id
        self._links = links
        self._metrics = metrics
        self._store: ReferenceStore = store or MemoryReferences()
        self._delivering = asyncio.Lock()  # one delivery round at a time in this gateway

    @property
    def references(self) -> dict[str, tuple[ConversationReference, float]]:
        """Each person's reference and when they last wrote (every gateway's, with Redis)."""
        return {person: (reference, at) for person, reference, at in self._store.all()}

    def remember(self, person: str, reference: ConversationReference) -> None:
        """Kept to write back; the person's display name is dropped (not needed)."""
        if reference.user is not None:
            reference.user = reference.user.model_copy(update={"name": None})
        try:
            self._store.remember(person, reference, time.time())
        except SharedStateUnavailable:
            logger.warning("teams: conversation reference not kept, shared state unavailable")

    def requested(self, person: str, session: LiveSession) -> None:
        """A new live chat request: only what the counsellor says from now on is sent."""
        self._store.start_at(person, session.last_seq)

    async def watch(self) -> None:
        while True:
            await asyncio.sleep(WATCH_EVERY_SECONDS)
            try:
                await self.deliver()
            except Exception as error:  # noqa: BLE001 - keep watching
                logger.error("teams: live chat delivery failed (%s)", type(error).__name__)

    async def deliver(self) -> int:
        """Send each Teams person the counsellor's new events; returns how many were sent."""
        async with self._delivering:
            return await self._deliver_round()

    async def _deliver_round(self) -> int:
        sent = 0
        now = time.time()
        for person, reference, seen_at in self._store.all():
            session = self._live.session(person, person=now - seen_at < PRESENCE_SECONDS)
            if session is None:
                if now - seen_at > REFERENCE_TTL_SECONDS:
                    self._store.forget(person)
                continue
            delivered = self._store.delivered(person)
            events = [e for e in session.after(delivered) if e.author == "counsellor"]
            if not events:
                if session.last_seq != delivered:
                    self._store.move(person, delivered, session.last_seq)
                continue
            if not self._store.move(person, delivered, events[-1].seq):
                continue  # another gateway is sending them
            language = session.language
            agent = session.agent or live_texts.COUNSELLOR_FALLBACK_NAME[language]
            lines = [
                texts.COUNSELLOR_SAYS[language].format(agent=agent, text=e.text)
                if e.kind == "message"
                else e.text
                for e in events
            ]
            done = False
            try:
                done = await self._send(
                    reference, [with_tel_links(line, self._links) for line in lines]
                )
            finally:
                if not done:  # given back, to be sent at a next round
                    self._store.move(person, events[-1].seq, delivered)
            if done:
                self._metrics.count("teams_live_messages_delivered", len(lines))
                sent += len(lines)
        return sent

    async def _send(self, reference: ConversationReference, messages: list[str]) -> bool:
        async def send(context: TurnContext) -> None:
            for message in messages:
                await context.send_activity(message)

        try:
            await self._adapter.continue_conversation(
                self._app_id, reference.get_continuation_activity(), send
            )
            return True
        except TokenUnavailable as error:
            self._metrics.count("teams_token_failures")
            logger.error("teams: counsellor message not delivered yet, no token: %s", error)
        except UntrustedServiceUrl as error:
            logger.error("teams: counsellor message not delivered: %s", error)
        return False
