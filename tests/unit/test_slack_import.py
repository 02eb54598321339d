"""Importing a history on Slack, through a real Bolt App: `/import` says how, and a file shared in the
app's DM (or in a channel message mentioning the bot) is downloaded with the bot token from a mock
Slack Web API on 127.0.0.1 and imported, the report in Block Kit. Before, Slack had no import at all:
a file sent to the bot was dropped unread.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from dataclasses import dataclass, field

import pytest
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_sdk import WebClient
from slack_sdk.socket_mode.request import SocketModeRequest

from bot.history_files import MAX_IMPORT_BYTES
from bot.settings import Settings
from bot.slack.app import build_app
from bot.slack.deps import SlackDeps
from tests.slack_web_api import BOT_USER, SlackWebAPI, SocketRecorder
from tests.unit.test_slack_harness import ANA, CHANNEL, NAMES, TEAM, command, envelope, event_callback, key

pytest_plugins = ("tests.unit.test_slack_harness",)

BOT_TOKEN = "xoxb-0000-test-token"
DM = "D0ANA"
LETTERBOXD = ("Date", "Name", "Year", "Letterboxd URI", "Rating")


def csv_bytes(*rows) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


@dataclass
class World:
    api: SlackWebAPI
    deps: SlackDeps
    handler: SocketModeHandler
    socket: SocketRecorder = field(default_factory=SocketRecorder)
    ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    def deliver(self, kind: str, payload: dict):
        body = envelope(kind, payload, envelope_id=f"env-{next(self.ids)}")
        before = len(self.socket.sent)
        self.handler.handle(self.socket, SocketModeRequest.from_dict(body))
        [ack] = self.socket.sent[before:]
        self.deps.settle()
        return ack

    def share(self, files: list[dict], *, text: str = "", channel: str = DM, mention: bool = False):
        """Ana shares `files` in the app's DM, or in a channel with a message mentioning the bot."""
        ts = f"1699990000.{next(self.ids):06d}"
        event = {"type": "message", "subtype": "file_share", "user": ANA, "text": text, "ts": ts, "channel": channel,
                 "event_ts": ts, "channel_type": "im" if channel.startswith("D") else "channel", "team": TEAM,
                 "files": files, "upload": True}  # fmt: skip
        if mention:  # Slack sends both events for a channel message mentioning the bot
            said = {**event, "type": "app_mention", "text": f"<@{BOT_USER}> {text}"}
            said.pop("subtype")
            self.deliver("events_api", event_callback(said, event_id=f"Ev{next(self.ids)}"))
            event["text"] = said["text"]
        self.deliver("events_api", event_callback(event, event_id=f"Ev{next(self.ids)}"))

    def answers(self) -> list[dict]:
        """What the bot posted back, in the DM or to Ana alone in a channel."""
        return [c.payload for c in self.api.calls if c.method in ("chat.postMessage", "chat.postEphemeral")]

    def said(self) -> str:
        """The last answer as Ana reads it: every block's text."""
        blocks = self.answers()[-1]["blocks"]
        return "\n".join(b["text"]["text"] if "text" in b else b["elements"][0]["text"] for b in blocks)


@pytest.fixture
def world(slack_service):
    api = SlackWebAPI(users={user: {"display_name": name} for user, name in NAMES.items()},
                      bot_token=BOT_TOKEN).start()  # fmt: skip
    client = WebClient(token=BOT_TOKEN, base_url=api.api_url)
    deps = SlackDeps(slack_service)
    app = build_app(slack_service, Settings(), client=client, deps=deps)
    handler = SocketModeHandler(app, app_token="xapp-0000-test-token", web_client=client)
    try:
        yield World(api, deps, handler)
    finally:
        handler.close()
        deps.close()
        api.stop()


def ratings(world: World) -> dict:
    return world.deps.service.profiles.ratings(key(ANA))


def test_the_import_command_says_how_to_send_the_file(world):
    ack = world.deliver("slash_commands", command("/import"))
    assert ack.payload["response_type"] == "ephemeral"
    assert "send me the file in a direct message" in ack.payload["text"]
    assert ratings(world) == {}


def test_a_letterboxd_file_sent_in_the_dm_is_downloaded_with_the_bot_token_and_imported(world):
    data = csv_bytes(LETTERBOXD, ("2024-03-01", "Se7en", 1995, "https://boxd.it/a", 4.5),
                     ("2024-03-02", "Heat", 1995, "https://boxd.it/b", 3),
                     ("2024-03-03", "A Film Nobody Made", 2001, "https://boxd.it/c", 2))  # fmt: skip
    world.share([{"id": world.api.share("ratings.csv", data)["id"], "file_access": "check_file_info"}])

    assert [c.payload["file"] for c in world.api.of("files.info")] == ["F000001"]
    [download] = world.api.of("download")
    assert download.token == BOT_TOKEN
    [answer] = world.answers()
    assert answer["channel"] == DM and answer["blocks"][0]["type"] == "section"
    said = world.said()
    assert said.startswith("Imported from Letterboxd: 2 ratings and 2 watched films.")
    assert (
        "*Skipped 1 of 3 rows:*" in said and "ratings.csv line 4: A Film Nobody Made (2001): not in the catalog" in said
    )
    assert "Nothing was imported" not in said
    assert ratings(world) == {"se7en-1995": 4.5, "heat-1995": 3.0}


def test_a_file_shared_in_a_channel_mentioning_the_bot_is_imported_and_answered_to_the_sharer_alone(world):
    data = csv_bytes(("Const", "Your Rating", "Date Rated", "Title", "Year"),
                     ("tt0468569", 9, "2024-01-05", "The Dark Knight", 2008))  # fmt: skip
    world.share([world.api.share("ratings.csv", data)], text="import", channel=CHANNEL, mention=True)
    assert len(world.api.of("download")) == 1  # the message event and the mention: one import
    [answer] = world.answers()
    assert answer["channel"] == CHANNEL and answer["user"] == ANA  # chat.postEphemeral: only Ana sees it
    assert "thread_ts" not in answer  # where she shared it, not in a thread she would have to open
    assert world.said().startswith("Imported from IMDb: 1 rating and 1 watched film.")
    assert ratings(world) == {"the-dark-knight-2008": 4.5}


@pytest.mark.parametrize(
    "name, data, expected",
    [
        ("poster.png", b"\x89PNG\r\n\x1a\n" + bytes(100), "That file isn't a CSV export (it looks like a PNG image)."),
        ("notes.bin", b"\x01\x02\x00\x03" * 50, "That file isn't a CSV export (it looks like a binary file)."),
        ("ratings.csv", b"userId,movieId,rating,timestamp\n1,1,4.0,964982703\n", "That's a MovieLens ratings file"),
        ("list.csv", b"colour,shape\nred,square\n", "I couldn't read that file: "),
    ],
)
def test_a_file_that_is_no_export_is_refused_with_a_reason_and_imports_nothing(world, name, data, expected):
    world.share([world.api.share(name, data, mimetype="application/octet-stream")])
    said = world.said()
    assert said.startswith(expected) and said.rstrip().endswith("Nothing was imported.")
    assert "\x00" not in said and "Traceback" not in said
    assert ratings(world) == {} and world.deps.service.profiles.watched(key(ANA)) == []


def test_a_file_too_big_is_refused_before_it_is_downloaded(world):
    data = csv_bytes(LETTERBOXD, ("2024-03-01", "Se7en", 1995, "https://boxd.it/a", 4.5))
    world.share([world.api.share("ratings.csv", data, size=MAX_IMPORT_BYTES + 1)])
    assert world.said().startswith("That file is 25.1 MB; I take exports up to 25 MB.")  # not "25 MB" against 25
    assert world.api.of("download") == [] and ratings(world) == {}


def test_several_files_at_once_or_a_file_slack_will_not_hand_over_are_explained(world):
    data = csv_bytes(LETTERBOXD, ("2024-03-01", "Se7en", 1995, "https://boxd.it/a", 4.5))
    world.share([world.api.share("ratings.csv", data), world.api.share("watched.csv", data)])
    assert world.said().startswith("Send me one file at a time")
    world.api.bot_token = "xoxb-another-token"  # the download answered with Slack's sign-in page
    world.share([world.api.share("ratings.csv", data)])
    assert "needs the `files:read` scope" in world.said()
    world.api.failures["files.info"] = "missing_scope"
    world.share([world.api.share("ratings.csv", data)])
    assert "needs the `files:read` scope" in world.said()
    assert ratings(world) == {}


def test_the_file_export_gave_imports_back(world):
    service = world.deps.service
    user = service.register("slack", f"{TEAM}:{ANA}", "Ana")
    service.rate(user, "Se7en", 4.5)
    data = json.dumps(service.export(user)).encode()
    service.forget(user)
    world.share([world.api.share("moviebot-export.json", data, mimetype="application/json")])
    assert world.said().startswith("Imported from moviebot: 1 rating and 1 watched film.")
    assert ratings(world) == {"se7en-1995": 4.5}


def test_a_file_shared_with_a_question_in_a_channel_is_no_import(world):
    """Only a message that says import imports: "@moviebot what film is this?" with a screenshot is chat."""
    world.share([world.api.share("still.png", b"\x89PNG\r\n\x1a\n" + bytes(64))], text="what film is this?",
                channel=CHANNEL, mention=True)  # fmt: skip
    assert world.api.of("download") == [] and world.api.of("files.info") == []
    assert not any("CSV export" in str(answer) for answer in world.answers())
