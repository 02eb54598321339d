"""The Slack front end: a Bolt App over the MovieService, run in Socket Mode (no public URL).

`build_app` wires the listeners; `serve` connects and runs until its stop event is set, which
is how `moviebot slack` (and `moviebot serve`, beside the other front ends) runs it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from bot.settings import Settings, SettingsError
from bot.slack.deps import SlackDeps
from bot.slack.listeners import register_listeners

if TYPE_CHECKING:
    from agent.service import MovieService

log = logging.getLogger(__name__)

REFIT_MINUTES = 30


class SlackUnreachable(ConnectionError):
    """Slack could not be reached at start-up; the message says so in one line."""


def build_app(service: MovieService, settings: Settings, *, client: WebClient | None = None,
              deps: SlackDeps | None = None) -> App:  # fmt: skip
    """A Bolt App with every listener. Blocking: it checks the bot token with auth.test (a
    SettingsError when Slack rejects it). `client` replaces the WebClient (tests point one at a
    mock Web API); `deps` the listeners' dependencies (tests wait on its work pool)."""
    if client is None:
        bot_token, _ = settings.slack_tokens()
        client = WebClient(token=bot_token)
        client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=2))  # nine reactions a pick add up
    deps = deps or SlackDeps(service)
    identity = _auth_test(client)
    deps.bot_user_id = identity.get("user_id")
    # process_before_response: a listener only acks and hands its work to deps.work, so the
    # envelope is answered as soon as the work is queued, and nothing runs on Bolt's own pool.
    app = App(client=client, token_verification_enabled=False, process_before_response=True, name="moviebot")

    @app.middleware
    def provide(context, next):
        context["moviebot"] = deps
        next()

    @app.error
    def failed(error, body):
        log.error("Slack listener failed on %s: %s", body.get("type") or body.get("command"), error, exc_info=error)

    register_listeners(app)
    return app


def verify(settings: Settings) -> dict:
    """Blocking. Checks the bot token with Slack (auth.test) before anything slow is loaded;
    Slack's answer (bot user id, team), or SettingsError / SlackUnreachable in one line."""
    bot_token, _ = settings.slack_tokens()
    return _auth_test(WebClient(token=bot_token))


@contextlib.contextmanager
def _quiet_sdk():
    """slack_sdk logs each failed request at ERROR before raising; the exception says it in one line."""
    logger = logging.getLogger("slack_sdk.web.base_client")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _auth_test(client: WebClient) -> dict:
    try:
        with _quiet_sdk():
            return client.auth_test().data
    except SlackApiError as exc:
        raise SettingsError(
            f"Slack rejected SLACK_BOT_TOKEN ({exc.response.get('error')}): copy the Bot User OAuth Token "
            "from the app's OAuth & Permissions page"
        ) from None
    except OSError as exc:
        raise SlackUnreachable(f"cannot reach Slack ({_reason(exc)}); check the network and try again") from None


def _reason(exc: OSError) -> str:
    return str(getattr(exc, "reason", None) or exc.strerror or exc)


def _connect(handler: SocketModeHandler) -> None:
    try:
        with _quiet_sdk():
            handler.connect()
    except SlackApiError as exc:
        raise SettingsError(
            f"Slack rejected SLACK_APP_TOKEN ({exc.response.get('error')}): create an app-level token with the "
            "connections:write scope (Basic Information > App-Level Tokens) and enable Socket Mode"
        ) from None
    except OSError as exc:
        raise SlackUnreachable(f"cannot reach Slack ({_reason(exc)}); check the network and try again") from None


async def serve(service: MovieService, settings: Settings, stop: asyncio.Event, *,
                client: WebClient | None = None, refit_minutes: float = REFIT_MINUTES) -> None:  # fmt: skip
    """Runs the bot in Socket Mode until `stop` is set; then disconnects and finishes the work
    already acknowledged. Raises SettingsError (missing, malformed or rejected tokens) or
    SlackUnreachable before connecting; once connected, slack_sdk reconnects by itself.
    `client` replaces the WebClient (tests point it at a mock Web API). While it runs, the
    learning re-ranker is refitted from the store every `refit_minutes` (0: never), which folds
    in removed reactions exactly."""
    _, app_token = settings.slack_tokens()
    deps = SlackDeps(service)
    handler = None
    refitting = None
    try:
        app = await asyncio.to_thread(build_app, service, settings, client=client, deps=deps)
        handler = SocketModeHandler(app, app_token)
        await asyncio.to_thread(_connect, handler)
        log.info("connected to Slack in Socket Mode as %s", deps.bot_user_id)
        if refit_minutes:
            refitting = asyncio.create_task(_refit_every(service, refit_minutes, stop))
        await stop.wait()
        log.info("disconnecting from Slack")
    finally:
        if refitting is not None:
            refitting.cancel()
        if handler is not None:
            await asyncio.to_thread(handler.close)
        await asyncio.to_thread(deps.close)


async def _refit_every(service: MovieService, minutes: float, stop: asyncio.Event) -> None:
    while not stop.is_set():
        try:
            await asyncio.to_thread(service.refit)
        except Exception:
            log.exception("refitting the re-ranker failed")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), minutes * 60)
