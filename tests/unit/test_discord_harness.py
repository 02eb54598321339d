"""A Discord world without Discord: the real MovieBot and real discord.py objects, with only the
REST transport replaced.

Guilds, channels, threads, members, messages and raw reaction events are built by discord.py
itself from gateway payload dicts. Everything the bot sends goes through discord.py's own
HTTPClient methods down to `request`, which FakeDiscordAPI answers like Discord would and
records; so a test sees the exact JSON discord.py would put on the wire (allowed_mentions
merged with the Bot's, message references, embeds). Interactions are the one fake: a small
class whose response/followup methods are checked against the signatures of the real ones.

dpytest is not used: it is stale against discord.py 2.7 (its reaction payload has no "type").
"""

from __future__ import annotations

import inspect
import itertools
import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

import discord
import pytest

from agent.bandit import Ranker
from agent.deps import AgentConfig, Deps
from agent.recommender import Recommender
from agent.service import MovieService
from bot.discord.app import Cooldown, MovieBot
from bot.settings import Settings
from store.catalog import Catalog
from store.profiles import ProfileStore

BOT_ID = 1_300_000_000_000_000_001
APP_ID = 1_300_000_000_000_000_002
GUILD_ID = 1_300_000_000_000_000_010
CHANNEL_ID = 1_300_000_000_000_000_020  # #movies: listed in settings.discord_channels
GENERAL_ID = 1_300_000_000_000_000_021  # #general: answers only when mentioned
TEST_GUILD_ID = 1_300_000_000_000_000_099
NO_PINGS = {"parse": []}
TIMESTAMP = "2026-11-24T12:00:00+00:00"


def member_fields() -> dict:
    """What a gateway member payload carries besides its user."""
    return {"roles": [], "joined_at": TIMESTAMP, "deaf": False, "mute": False, "nick": None, "flags": 0}


def user_payload(user_id: int, name: str, *, bot: bool = False) -> dict:
    return {
        "id": str(user_id),
        "username": name,
        "global_name": name.title(),
        "discriminator": "0",
        "avatar": None,
        "bot": bot,
    }


@dataclass
class Sent:
    """One message the bot posted through the REST API."""

    id: int
    channel_id: int
    payload: dict  # the JSON discord.py sent

    @property
    def content(self) -> str:
        return self.payload.get("content") or ""

    @property
    def embeds(self) -> list[discord.Embed]:
        return [discord.Embed.from_dict(e) for e in self.payload.get("embeds") or []]

    @property
    def allowed_mentions(self) -> dict | None:
        return self.payload.get("allowed_mentions")

    @property
    def reply_to(self) -> int | None:
        reference = self.payload.get("message_reference")
        return int(reference["message_id"]) if reference else None


@dataclass
class FakeDiscordAPI:
    """Answers HTTPClient.request for the routes the bot uses; any other route fails the test."""

    bot_user: dict
    ids: Any = field(default_factory=lambda: itertools.count(1_400_000_000_000_000_000))
    sent: list[Sent] = field(default_factory=list)
    reactions: list[tuple[int, str]] = field(default_factory=list)  # (message id, emoji)
    typing: list[int] = field(default_factory=list)
    synced: list[tuple[str, list[dict]]] = field(default_factory=list)  # ("global" or guild id, commands)
    guild_of: dict[int, int] = field(default_factory=dict)  # channel id -> guild id

    async def request(self, route, *, files=None, form=None, **kwargs):
        method, path = route.method, route.path
        if method == "POST" and path == "/channels/{channel_id}/messages":
            payload = kwargs.get("json")
            if payload is None:  # multipart: the JSON part comes first
                payload = json.loads(next(p["value"] for p in form if p["name"] == "payload_json"))
            return self.message_created(int(route.channel_id), payload)
        if method == "PUT" and path.endswith("/reactions/{emoji}/@me"):
            match = re.search(r"/messages/(\d+)/reactions/([^/]+)/@me$", route.url)
            self.reactions.append((int(match.group(1)), unquote(match.group(2))))
            return None
        if method == "POST" and path == "/channels/{channel_id}/typing":
            self.typing.append(int(route.channel_id))
            return None
        if method == "PUT" and path == "/applications/{application_id}/commands":
            self.synced.append(("global", kwargs["json"]))
            return [self._command(c) for c in kwargs["json"]]
        if method == "PUT" and path == "/applications/{application_id}/guilds/{guild_id}/commands":
            self.synced.append((str(route.guild_id), kwargs["json"]))
            return [self._command(c, route.guild_id) for c in kwargs["json"]]
        raise AssertionError(f"unexpected Discord API call: {method} {route.url}")

    def message_created(self, channel_id: int, payload: dict) -> dict:
        message_id = next(self.ids)
        self.sent.append(Sent(message_id, channel_id, payload))
        data = message_payload(
            message_id,
            channel_id,
            self.bot_user,
            payload.get("content") or "",
            guild_id=self.guild_of.get(channel_id),
            embeds=payload.get("embeds") or [],
        )
        return data

    def _command(self, payload: dict, guild_id: int | None = None) -> dict:
        data = {
            "id": str(next(self.ids)),
            "application_id": str(APP_ID),
            "version": "1",
            "type": 1,
            "description": "",
            **payload,
        }
        if guild_id is not None:
            data["guild_id"] = str(guild_id)
        return data

    def sent_to(self, channel_id: int) -> list[Sent]:
        return [s for s in self.sent if s.channel_id == channel_id]

    def reactions_on(self, message_id: int) -> list[str]:
        return [emoji for mid, emoji in self.reactions if mid == message_id]


def message_payload(
    message_id: int,
    channel_id: int,
    author: dict,
    content: str,
    *,
    guild_id: int | None = None,
    embeds: list | None = None,
    mentions: list[dict] = (),
    member: bool = True,
) -> dict:
    data = {
        "id": str(message_id),
        "channel_id": str(channel_id),
        "author": author,
        "content": content,
        "timestamp": TIMESTAMP,
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": list(mentions),
        "mention_roles": [],
        "attachments": [],
        "embeds": embeds or [],
        "pinned": False,
        "type": 0,
        "flags": 0,
    }
    if guild_id is not None:
        data["guild_id"] = str(guild_id)
        if member:
            data["member"] = member_fields()
    return data


# -- interactions ------------------------------------------------------------------------


@dataclass
class Call:
    """One call an interaction handler made, with every argument bound to the real signature."""

    kind: str  # send_message, defer, edit_message, followup, edit_original_response, delete_original_response
    args: dict
    private: bool | None = None  # a followup's visibility as Discord applies it (see FakeFollowup.send)

    def get(self, name: str, default=None):
        value = self.args.get(name, default)
        return default if value is discord.utils.MISSING else value

    @property
    def content(self) -> str:
        return self.get("content") or ""

    @property
    def embeds(self) -> list[discord.Embed]:
        embed = self.get("embed")
        return [embed] if embed is not None else list(self.get("embeds") or [])

    @property
    def ephemeral(self) -> bool:
        return bool(self.get("ephemeral", False))

    @property
    def only_for_caller(self) -> bool:
        """Whether only the person who ran the command saw it: a followup's own flag, except that the
        first one after a deferral takes the deferral's (Discord ignores its flag)."""
        return self.private if self.private is not None else self.ephemeral

    @property
    def view(self):
        return self.get("view")

    @property
    def allowed_mentions(self) -> dict | None:
        mentions = self.get("allowed_mentions")
        return None if mentions is None else mentions.to_dict()


def _bind(real, *args, **kwargs) -> dict:
    """The arguments as the real discord.py method would receive them; a wrong name is a TypeError."""
    bound = inspect.signature(real).bind(None, *args, **kwargs)
    bound.apply_defaults()
    arguments = dict(bound.arguments)
    arguments.pop("self", None)
    return arguments


class FakeResponse:
    def __init__(self, interaction: FakeInteraction):
        self._interaction = interaction
        self._done = False
        self.deferred_ephemeral: bool | None = None

    def is_done(self) -> bool:
        return self._done

    def _respond(self, kind: str, real, *args, **kwargs) -> None:
        call = Call(kind, _bind(real, *args, **kwargs))
        if self._done:
            raise AssertionError(f"{kind}: this interaction was already answered")
        self._done = True
        self._interaction.calls.append(call)

    async def send_message(self, *args, **kwargs) -> None:
        self._respond("send_message", discord.InteractionResponse.send_message, *args, **kwargs)

    async def defer(self, *args, **kwargs) -> None:
        self._respond("defer", discord.InteractionResponse.defer, *args, **kwargs)
        self.deferred_ephemeral = self._interaction.calls[-1].get("ephemeral")

    async def edit_message(self, *args, **kwargs) -> None:
        if self._interaction.type is not discord.InteractionType.component:
            raise AssertionError("edit_message answers a button or menu, not a command")
        self._respond("edit_message", discord.InteractionResponse.edit_message, *args, **kwargs)


class FakeFollowup:
    def __init__(self, interaction: FakeInteraction):
        self._interaction = interaction

    async def send(self, *args, **kwargs):
        interaction = self._interaction
        if not interaction.response.is_done():
            raise AssertionError("followup.send before the interaction was answered or deferred")
        call = Call("followup", _bind(discord.Webhook.send, *args, **kwargs))
        if interaction.still_thinking():  # this followup resolves the deferral and is as private as it
            call.private = bool(interaction.response.deferred_ephemeral)
        interaction.calls.append(call)
        if not call.get("wait"):
            return None
        payload = {"content": call.content, "embeds": [e.to_dict() for e in call.embeds]}
        data = interaction.world.api.message_created(interaction.channel.id, payload)
        return interaction.world.state.create_message(channel=interaction.channel, data=data)


class FakeInteraction:
    """What cog callbacks read from an Interaction, and a record of how they answered."""

    def __init__(
        self,
        world: DiscordWorld,
        user: discord.abc.User,
        channel,
        *,
        type: discord.InteractionType = discord.InteractionType.application_command,
    ):
        self.world = world
        self.client = world.bot
        self.user = user
        self.channel = channel
        self.guild = getattr(channel, "guild", None)
        self.guild_id = self.guild.id if self.guild else None
        self.channel_id = channel.id
        self.type = type
        self.command = None
        self.calls: list[Call] = []
        self.response = FakeResponse(self)
        self.followup = FakeFollowup(self)

    async def edit_original_response(self, *args, **kwargs):
        if not self.response.is_done():
            raise AssertionError("edit_original_response before the interaction was answered or deferred")
        self.calls.append(
            Call("edit_original_response", _bind(discord.Interaction.edit_original_response, *args, **kwargs))
        )

    async def delete_original_response(self) -> None:
        if not self.response.is_done():
            raise AssertionError("delete_original_response before the interaction was answered or deferred")
        self.calls.append(Call("delete_original_response", {}))

    def still_thinking(self) -> bool:
        """Deferred, and nothing has yet taken the place of Discord's "thinking..." message."""
        kinds = [c.kind for c in self.calls]
        return kinds[:1] == ["defer"] and not {"followup", "edit_original_response"} & set(kinds)

    def answers(self) -> list[Call]:
        """Everything visible that was sent (deferrals left out)."""
        return [c for c in self.calls if c.kind != "defer"]

    @property
    def ephemeral(self) -> bool:
        """Whether what the user saw was only for them."""
        first = self.calls[0]
        return bool(self.response.deferred_ephemeral) if first.kind == "defer" else first.ephemeral


async def press(view: discord.ui.View, item: discord.ui.Item, interaction: FakeInteraction, values=None) -> bool:
    """A click on a button (or a choice in a menu) as discord.py's view dispatch runs it."""
    if values is not None:
        item._refresh_state(interaction, {"custom_id": item.custom_id, "component_type": 3, "values": values})
    if not await view.interaction_check(interaction):
        return False
    await item.callback(interaction)
    return True


# -- the world ---------------------------------------------------------------------------


class DiscordWorld:
    def __init__(
        self,
        *,
        catalog: Catalog,
        profiles: ProfileStore,
        tmp_path,
        test_guild: int | None = None,
        cooldown: Cooldown | None = None,
        config: AgentConfig | None = None,
        chart=None,
    ):
        self.profiles = profiles
        self.catalog = catalog
        self.ranker = Ranker(profiles, seed=7)
        deps = Deps(
            catalog=catalog,
            profiles=profiles,
            ranker=self.ranker,
            config=config or AgentConfig(explore=False),
        )  # the real clock: suggestions and reactions are stamped with it, and rewards read them against it
        self.recommender = Recommender(deps)
        self.service = MovieService(self.recommender, chart=chart)
        self.settings = Settings(
            home=tmp_path / "home", discord_test_guild_id=test_guild, discord_channels=(CHANNEL_ID,)
        )
        self.bot = MovieBot(
            settings=self.settings, service=self.service, cooldown=cooldown or Cooldown(burst=1000, per=1.0)
        )
        self.api = FakeDiscordAPI(user_payload(BOT_ID, "moviebot", bot=True))
        self.bot.http.request = self.api.request
        self.state = self.bot._connection
        self.message_ids = itertools.count(1_500_000_000_000_000_000)
        self.user_ids = itertools.count(1_600_000_000_000_000_000)

    async def start(self) -> DiscordWorld:
        """What login and READY would do, then the real setup_hook (cogs and command sync)."""
        await self.bot._async_setup_hook()
        self.state.user = discord.ClientUser(state=self.state, data=user_payload(BOT_ID, "moviebot", bot=True))
        self.state.application_id = APP_ID
        self.guild = discord.Guild(
            data={
                "id": str(GUILD_ID),
                "name": "Film Club",
                "owner_id": str(BOT_ID),
                "members": [],
                "channels": [],
                "roles": [],
            },
            state=self.state,
        )
        self.state._add_guild(self.guild)
        self.movies_channel = self.text_channel(CHANNEL_ID, "movies")
        self.general = self.text_channel(GENERAL_ID, "general")
        await self.bot.setup_hook()
        return self

    async def stop(self) -> None:
        await self.bot.close()

    def cog(self, name: str):
        return self.bot.get_cog(name)

    def text_channel(self, channel_id: int, name: str) -> discord.TextChannel:
        channel = discord.TextChannel(
            state=self.state,
            guild=self.guild,
            data={
                "id": str(channel_id),
                "type": 0,
                "name": name,
                "position": 0,
                "guild_id": str(GUILD_ID),
                "permission_overwrites": [],
                "nsfw": False,
                "parent_id": None,
            },
        )
        self.guild._add_channel(channel)
        self.api.guild_of[channel.id] = GUILD_ID
        return channel

    def thread(self, parent: discord.TextChannel, owner_id: int, name: str = "movie talk") -> discord.Thread:
        thread_id = next(self.user_ids)
        thread = discord.Thread(
            guild=self.guild,
            state=self.state,
            data={
                "id": str(thread_id),
                "guild_id": str(GUILD_ID),
                "parent_id": str(parent.id),
                "owner_id": str(owner_id),
                "name": name,
                "type": 11,
                "message_count": 0,
                "member_count": 1,
                "rate_limit_per_user": 0,
                "thread_metadata": {
                    "archived": False,
                    "auto_archive_duration": 1440,
                    "archive_timestamp": TIMESTAMP,
                    "locked": False,
                },
            },
        )
        self.guild._add_thread(thread)
        self.api.guild_of[thread.id] = GUILD_ID
        return thread

    def member(self, name: str, *, bot: bool = False) -> discord.Member:
        user_id = next(self.user_ids)
        member = discord.Member(
            data={"user": user_payload(user_id, name, bot=bot), **member_fields()},
            guild=self.guild,
            state=self.state,
        )
        self.guild._add_member(member)
        return member

    def dm_channel(self, user: discord.abc.User) -> discord.DMChannel:
        channel = discord.DMChannel(
            me=self.state.user,
            state=self.state,
            data={
                "id": str(next(self.user_ids)),
                "type": 1,
                "recipients": [user_payload(user.id, user.name)],
            },
        )
        self.state._add_private_channel(channel)
        return channel

    def message(
        self,
        author: discord.abc.User,
        content: str,
        channel=None,
        *,
        mention_bot: bool = False,
        mentions: list[discord.abc.User] = (),
    ) -> discord.Message:
        """A message as MESSAGE_CREATE would deliver it; mention_bot prefixes <@bot>."""
        channel = channel or self.general
        people = list(mentions)
        if mention_bot:
            content = f"<@{BOT_ID}> {content}"
            people.insert(0, self.state.user)
        guild_id = channel.guild.id if getattr(channel, "guild", None) else None
        data = message_payload(
            next(self.message_ids),
            channel.id,
            user_payload(author.id, author.name),
            content,
            guild_id=guild_id,
            mentions=[user_payload(p.id, p.name, bot=p.bot) for p in people],
        )
        return self.state.create_message(channel=channel, data=data)

    def reaction(
        self,
        message_id: int,
        user: discord.abc.User | int,
        emoji: str,
        *,
        added: bool = True,
        channel_id: int = GENERAL_ID,
        burst: bool = False,
    ) -> discord.RawReactionActionEvent:
        """A MESSAGE_REACTION_ADD / _REMOVE gateway payload, parsed the way ConnectionState parses it."""
        user_id = user if isinstance(user, int) else user.id
        data = {
            "type": 1 if burst else 0,
            "burst": burst,
            "user_id": str(user_id),
            "channel_id": str(channel_id),
            "message_id": str(message_id),
            "guild_id": str(GUILD_ID),
            "emoji": {"id": None, "name": emoji},
        }
        if added:
            data["message_author_id"] = str(BOT_ID)
            data["burst_colors"] = []
        partial = discord.PartialEmoji.from_dict(data["emoji"])
        return discord.RawReactionActionEvent(data, partial, "REACTION_ADD" if added else "REACTION_REMOVE")

    def interaction(self, user: discord.abc.User, channel=None, **kwargs) -> FakeInteraction:
        return FakeInteraction(self, user, channel or self.general, **kwargs)

    async def react(self, message_id: int, user, emoji: str, *, added: bool = True, **kwargs):
        event = self.reaction(message_id, user, emoji, added=added, **kwargs)
        ratings = self.cog("Ratings")
        handler = ratings.on_raw_reaction_add if added else ratings.on_raw_reaction_remove
        await handler(event)


# -- fixtures (imported by the Discord test modules) -------------------------------------


@pytest.fixture
def starter_catalog(starter) -> Catalog:
    return starter


@pytest.fixture
def profile_store(tmp_path) -> ProfileStore:
    store = ProfileStore(tmp_path / "moviebot.sqlite")
    yield store
    store.close()


@pytest.fixture
async def world(starter_catalog, profile_store, tmp_path) -> DiscordWorld:
    world = await DiscordWorld(catalog=starter_catalog, profiles=profile_store, tmp_path=tmp_path).start()
    yield world
    await world.stop()


def assert_no_pings(payload_mentions: dict | None) -> None:
    assert payload_mentions is not None, "allowed_mentions missing: Discord would apply its default and ping"
    assert payload_mentions.get("parse") == [], payload_mentions
    assert not payload_mentions.get("users") and not payload_mentions.get("roles")
    assert payload_mentions.get("replied_user", False) is False


# -- the harness itself ------------------------------------------------------------------


async def test_a_sent_message_goes_through_discord_py_to_the_fake_api(world):
    ana = world.member("ana")
    sent = await world.general.send("hello @everyone")
    assert isinstance(sent, discord.Message) and sent.author.id == BOT_ID
    [record] = world.api.sent
    assert record.id == sent.id and record.channel_id == GENERAL_ID and record.content == "hello @everyone"
    assert_no_pings(record.allowed_mentions)  # the Bot's default, merged in by discord.py
    message = world.message(ana, "hi", mention_bot=True)
    assert message.guild == world.guild and world.state.user in message.mentions


async def test_reaction_events_are_parsed_by_discord_py(world):
    event = world.reaction(42, 7, "👍")
    assert (event.message_id, event.user_id, event.emoji.name, event.event_type) == (42, 7, "👍", "REACTION_ADD")
    assert event.type is discord.ReactionType.normal and event.message_author_id == BOT_ID
    removal = world.reaction(42, 7, "👍", added=False)
    assert removal.event_type == "REACTION_REMOVE" and removal.message_author_id is None


async def test_fake_interaction_rejects_arguments_the_real_api_does_not_take(world):
    interaction = world.interaction(world.member("ana"))
    with pytest.raises(TypeError):
        await interaction.response.send_message("x", ephemeral=True, mention_author=False)
    await interaction.response.send_message("x", ephemeral=True)
    with pytest.raises(AssertionError):
        await interaction.response.send_message("twice")
