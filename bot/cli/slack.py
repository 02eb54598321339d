"""`moviebot slack`: run the Slack bot in Socket Mode until Ctrl-C or SIGTERM."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal

from bot.cli.base import UserError, open_service
from bot.serve import run_event_loop
from bot.settings import Settings

log = logging.getLogger("moviebot")


def register(sub, eval_sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "slack",
        parents=[common],
        help="run the Slack bot (needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN)",
        description="Runs moviebot on Slack in Socket Mode (no public URL needed) until Ctrl-C or SIGTERM. "
        "Needs SLACK_BOT_TOKEN (xoxb-...) and SLACK_APP_TOKEN (xapp-..., with connections:write); "
        "the README's Slack section has the app manifest.",
    )
    p.set_defaults(run=cmd_slack)


def cmd_slack(args: argparse.Namespace, settings: Settings) -> int:
    from bot.slack.app import SlackUnreachable, verify

    try:
        verify(settings)  # a missing, malformed or rejected token is reported before the models load
    except SlackUnreachable as exc:
        raise UserError(str(exc)) from None

    level = logging.DEBUG if args.verbose else logging.INFO
    for name in ("moviebot", "bot", "slack_bolt"):
        logging.getLogger(name).setLevel(level)
    runtime = open_service(args, settings, serving=True)
    try:
        run_event_loop(run_until_signalled(runtime.service, settings))
    except SlackUnreachable as exc:
        raise UserError(str(exc)) from None
    finally:
        runtime.close()
        log.info("stores closed")
    return 0


async def run_until_signalled(service, settings: Settings) -> None:
    from bot.slack.app import serve

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await serve(service, settings, stop)
