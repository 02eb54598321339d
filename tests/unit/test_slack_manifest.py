"""The app manifest in the README matches what the code listens to: a user who pastes it gets
every command and event the bot handles, with the scopes the issue asks for."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.slack.listeners import register_listeners

README = Path(__file__).resolve().parents[2] / "README.md"
SCOPES = {"app_mentions:read", "chat:write", "reactions:read", "reactions:write", "commands", "im:history",
          "channels:history", "files:read", "files:write", "users:read"}  # fmt: skip
EVENTS = {"app_mention", "message.im", "reaction_added", "reaction_removed", "app_home_opened"}


class Registry:
    """Records what register_listeners asks of a Bolt App."""

    def __init__(self):
        self.commands, self.events, self.actions = [], [], []

    def _record(self, where: list, name):
        where.append(name)
        return lambda fn: fn

    def command(self, name):
        return self._record(self.commands, name)

    def event(self, name):
        return self._record(self.events, name)

    def action(self, name):
        return self._record(self.actions, name)


def manifest() -> dict:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Slack") :]
    block = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert block, "the Slack section has no YAML manifest"
    return yaml.safe_load(block.group(1))


def test_the_readme_manifest_declares_what_the_bot_listens_to():
    app = Registry()
    register_listeners(app)
    data = manifest()
    commands = {c["command"] for c in data["features"]["slash_commands"]}
    assert (
        commands
        == set(app.commands)
        == {"/recommend", "/rate", "/watched", "/profile", "/movienight", "/import", "/export", "/forget"}
    )
    bot_events = set(data["settings"]["event_subscriptions"]["bot_events"])
    assert bot_events >= EVENTS
    listened = set(app.events)
    assert {e.split(".")[0] for e in bot_events} == listened  # message.im and message.channels -> "message"
    assert set(data["oauth_config"]["scopes"]["bot"]) >= SCOPES
    assert data["settings"]["socket_mode_enabled"] is True and data["settings"]["interactivity"]["is_enabled"] is True
    assert data["features"]["app_home"]["home_tab_enabled"] is True
    movienight = next(c for c in data["features"]["slash_commands"] if c["command"] == "/movienight")
    assert movienight["should_escape"] is True  # so "@ana" arrives as <@U…|ana>, which the command reads
