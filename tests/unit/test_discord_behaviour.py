"""Discord passes the behaviour test every front end passes (tests/frontend_behaviour.py)."""

from __future__ import annotations

from tests.frontend_behaviour import check_front_end
from tests.unit.test_discord_harness import DiscordWorld

pytest_plugins = ("tests.unit.test_discord_harness",)  # the world fixture

EMOJI = {"like": "👍", "dislike": "👎", "watched": "✅", "dismiss": "🙈",
         "one": "1️⃣", "two": "2️⃣", "three": "3️⃣", "four": "4️⃣", "five": "5️⃣"}  # fmt: skip


class DiscordFrontEnd:
    def __init__(self, world: DiscordWorld):
        self.world, self.service = world, world.service
        self.members: dict = {}
        self.last: tuple | None = None

    def member(self, user: str):
        if user not in self.members:
            self.members[user] = self.world.member(user)
        return self.members[user]

    def key(self, user: str) -> str:
        return f"discord:{self.member(user).id}"

    async def ask(self, user: str, text: str) -> list[int]:
        before = len(self.world.api.sent)
        await self.world.cog("Recommend").on_message(self.world.message(self.member(user), text, mention_bot=True))
        return [sent.id for sent in self.world.api.sent[before:] if sent.embeds]

    async def react(self, user: str, message: int, meaning: str, *, added: bool = True) -> None:
        self.last = (message, self.member(user), EMOJI[meaning], added)
        await self.redeliver()

    async def redeliver(self) -> None:
        message, member, emoji, added = self.last
        await self.world.react(message, member, emoji, added=added)

    async def rate(self, user: str, title: str, stars: float) -> str:
        cog, interaction = self.world.cog("Ratings"), self.world.interaction(self.member(user))
        await cog.rate.callback(cog, interaction, title=title, stars=stars)
        return interaction.calls[0].content

    async def watched_add(self, user: str, title: str) -> str:
        cog, interaction = self.world.cog("Watched"), self.world.interaction(self.member(user))
        await cog.add.callback(cog, interaction, title=title, rating=None)
        return interaction.calls[0].content

    def message_key(self, message: int) -> tuple[str, int]:
        return "discord", message


async def test_discord_passes_the_front_end_behaviour_test(world):
    await check_front_end(DiscordFrontEnd(world))
