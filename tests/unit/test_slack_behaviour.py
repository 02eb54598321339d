"""Slack passes the behaviour test every front end passes (tests/frontend_behaviour.py)."""

from __future__ import annotations

import itertools

from bot.slack.listeners import commands, events
from tests.frontend_behaviour import check_front_end
from tests.unit.test_slack_harness import ANA, BEN, Ack, Respond, command, key, mention, reaction

pytest_plugins = ("tests.unit.test_slack_harness",)

USERS = {"ana": ANA, "ben": BEN}
NAMES = {"like": "+1", "dislike": "-1", "watched": "white_check_mark", "dismiss": "see_no_evil",
         "one": "one", "two": "two", "three": "three", "four": "four", "five": "five"}  # fmt: skip


class SlackFrontEnd:
    def __init__(self, deps, client, context):
        self.service, self.client, self.context = deps.service, client, context
        self.clock = itertools.count(1)
        self.last: tuple | None = None

    def key(self, user: str) -> str:
        return key(USERS[user])

    async def ask(self, user: str, text: str) -> list[str]:
        before = len(self.client.calls)
        events.app_mention(mention(text, user=USERS[user], ts=f"1699990000.{next(self.clock):06d}"), self.client,
                           self.context)  # fmt: skip
        posted = [kwargs for name, kwargs in self.client.calls[before:] if name == "reactions_add"]
        return list(dict.fromkeys(f"{r['channel']}:{r['timestamp']}" for r in posted))

    async def react(self, user: str, message: str, meaning: str, *, added: bool = True) -> None:
        stamp = f"1700000000.{next(self.clock):06d}"
        event = reaction(NAMES[meaning], message, user=USERS[user], added=added, event_ts=stamp)
        self.last = (event, added)
        await self.redeliver()

    async def redeliver(self) -> None:
        event, added = self.last
        (events.reaction_added if added else events.reaction_removed)(dict(event), self.client, self.context)

    def _command(self, name: str, text: str, user: str) -> str:
        ack, respond = Ack(), Respond()
        handler = {"/rate": commands.rate, "/watched": commands.watched}[name]
        handler(ack=ack, command=command(name, text, user=USERS[user]), respond=respond, client=self.client,
                context=self.context)  # fmt: skip
        return respond.last["text"]

    async def rate(self, user: str, title: str, stars: float) -> str:
        return self._command("/rate", f"{title} {stars:g}", user)

    async def watched_add(self, user: str, title: str) -> str:
        return self._command("/watched", f"add {title}", user)

    def message_key(self, message: str) -> tuple[str, str]:
        return "slack", message


async def test_slack_passes_the_front_end_behaviour_test(deps, client, context):
    await check_front_end(SlackFrontEnd(deps, client, context))
