"""Every listener, registered on one Bolt App (the bolt starter template's shape)."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.listeners import actions, commands, events, messages


def register_listeners(app: App) -> None:
    actions.register(app)
    commands.register(app)
    events.register(app)
    messages.register(app)
