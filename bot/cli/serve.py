"""`moviebot serve`: the command line around bot.serve."""

from __future__ import annotations

import argparse
import dataclasses
import logging
import sys

from bot.cli.base import UserError, open_service
from bot.settings import Settings

log = logging.getLogger("moviebot")


def register(sub, eval_sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "serve",
        parents=[common],
        help="run every configured front end (Discord, Slack, HTTP API) in one process (the HTTP API in "
        "several with --http-processes)",
        description="Runs, over one catalog and one model load, Discord when DISCORD_TOKEN is set, Slack when "
        "SLACK_BOT_TOKEN and SLACK_APP_TOKEN are set, and the HTTP API when MOVIEBOT_HTTP_PORT is set or "
        "--http PORT is given. Ctrl-C or SIGTERM finishes the turns in flight, then exits.",
    )
    p.add_argument("--http", type=int, metavar="PORT", help="serve the HTTP API on this port")
    p.add_argument("--host", help="the HTTP API's address (default $MOVIEBOT_HTTP_HOST or 127.0.0.1)")
    p.add_argument("--http-processes", type=int, metavar="N",
                   help="processes answering the HTTP API, each with its own model and catalog "
                   "(default $MOVIEBOT_HTTP_PROCESSES or 1)")  # fmt: skip
    p.set_defaults(run=cmd_serve)


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from bot.serve import SWITCH_INTERVAL, describe_llm, plan, run, run_event_loop

    http = settings.http
    if args.http is not None:
        if not 0 < args.http < 65536:
            raise UserError(f"--http takes a port number from 1 to 65535, not {args.http}")
        http = dataclasses.replace(http, port=args.http)
    if args.host:
        http = dataclasses.replace(http, host=args.host)
    if args.http_processes is not None:
        if not 1 <= args.http_processes <= 64:
            raise UserError(f"--http-processes takes a number from 1 to 64, not {args.http_processes}")
        http = dataclasses.replace(http, processes=args.http_processes)
    settings = dataclasses.replace(settings, http=http)
    if http.processes > 1 and settings.vector_index == "chroma" and not settings.chroma_url:
        raise UserError("several HTTP processes cannot query one embedded Chroma store: set MOVIEBOT_CHROMA_URL "
                        "to a Chroma server, or leave MOVIEBOT_VECTOR_INDEX at memory")  # fmt: skip
    front_ends = plan(settings)
    for front in front_ends:
        print(f"{front.name}: {'on' if front.on else 'off'}, {front.reason}", file=sys.stderr)
    print(describe_llm(settings), file=sys.stderr)
    if not any(front.on for front in front_ends):
        raise UserError("nothing to serve: configure at least one front end (see above)")
    if http.port is not None:
        http.check_exposure()
    for name in ("moviebot", "bot", "discord", "slack_bolt", "agent.llm"):  # agent.llm: when the model rests
        logging.getLogger(name).setLevel(logging.DEBUG if args.verbose else logging.INFO)

    app = open_service(args, settings, serving=True)  # warms the model, the index and the caches first
    interval = sys.getswitchinterval()
    try:
        log.info("ready: %d movies in the catalog, the model loaded", len(app.catalog))
        sys.setswitchinterval(SWITCH_INTERVAL)  # the front ends' event loop answers while turns run
        failed = run_event_loop(run(app.service, settings, front_ends))
    finally:
        sys.setswitchinterval(interval)
        app.close()
        log.info("stores closed")
    if failed:
        print(f"moviebot: {', '.join(failed)} failed (see above)", file=sys.stderr)
        return 1
    return 0
