"""Importing a history file on Slack: a slash command cannot carry a file, so `/import` says how, and
a file shared in the app's direct messages (or in a channel message that mentions the bot) is the
import. The bot reads the file's details with files.info and downloads it from its url_private with the
bot token, as Slack asks of apps; the checks and the report's words are Discord's (bot.history_files).

Everything here blocks and runs on SlackDeps.work. Nothing is imported from a file refused for its
size, its kind or its contents, and each refusal says why.
"""

from __future__ import annotations

import logging
import re
import urllib.error
import urllib.request
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from slack_sdk.errors import SlackApiError

from agent.service import ServiceError
from bot.history_files import (
    MAX_IMPORT_BYTES,
    NOTHING_IMPORTED,
    SHOW_SKIPPED,
    import_file,
    not_an_export,
    report_lines,
    skipped_heading,
    skipped_line,
    stored,
    too_big,
    without_temp_dir,
)
from bot.slack.blocks import import_message, text_message
from bot.slack.talk import reporting

if TYPE_CHECKING:
    from agent.service import ImportReport
    from bot.slack.deps import SlackDeps

log = logging.getLogger(__name__)

IMPORT_HOW = (
    "To import your Letterboxd or IMDb history (or the file `/export` gave you), send me the file in a direct "
    "message: Letterboxd's export .zip, or its ratings.csv, watched.csv or diary.csv; IMDb's ratings.csv. "
    f"Up to {MAX_IMPORT_BYTES // 1_048_576} MB. In a channel, share it in a message that mentions me and says "
    "import, e.g. “@moviebot import”; only you see my answer there. A slash command can't carry a file, so `/import` "
    "itself imports nothing."
)
ONE_FILE = f"Send me one file at a time (Letterboxd's export .zip holds all of its lists). {NOTHING_IMPORTED}"
NOT_HOSTED = (
    "That file lives outside Slack (a link to Google Drive or the like), so I can't download it: upload the "
    f"file itself. {NOTHING_IMPORTED}"
)
NO_SCOPE = (
    "Slack won't let me read files shared with me: the app needs the `files:read` scope (whoever runs "
    f"moviebot can add it from the manifest in its README and reinstall the app). {NOTHING_IMPORTED}"
)
UNREACHABLE = f"I couldn't download that file from Slack; try sending it again. {NOTHING_IMPORTED}"
TIMEOUT = 30
_IMPORT = re.compile(r"\bimport", re.I)


class Refused(Exception):
    """A shared file the bot will not import; the message says why, to the person who shared it."""


def asks_import(text: str) -> bool:
    """A channel message sharing a file is an import when it says so ("@moviebot import my Letterboxd"):
    a screenshot shared with "@moviebot what film is this?" is a question, not a history."""
    return _IMPORT.search(text) is not None


def import_how(ack) -> None:
    """/import: how to import, in the acknowledgement itself (there is nothing slow to do)."""
    ack(response_type="ephemeral", **text_message(IMPORT_HOW))


def import_shared(deps: SlackDeps, client, *, team: str | None, user_id: str, channel: str, ts: str,
                  thread_ts: str | None, files: list[dict], is_dm: bool) -> ImportReport | None:  # fmt: skip
    """Imports the one file a message shared; the report goes back in the DM, or in a channel to the
    sharer alone (their history is theirs). The report, or None when nothing was read."""

    where = {"channel": channel, **({"thread_ts": thread_ts} if thread_ts else {})}  # where the file was shared

    def reply(message: dict) -> None:
        if is_dm:
            client.chat_postMessage(**where, **message)
        else:
            client.chat_postEphemeral(**where, user=user_id, **message)

    with reporting(reply, "importing a shared file"):
        try:
            key = deps.user(client, team, user_id, channel)
            name, data = fetch(client, files)
            if refused := not_an_export(data, key, command="I"):
                raise Refused(refused)
            report = import_file(deps.service, key, name, data, None)
        except Refused as exc:
            reply(text_message(str(exc)))
            return None
        except ServiceError as exc:
            said = without_temp_dir(exc.message).removesuffix(NOTHING_IMPORTED).rstrip()
            reply(import_message([f"I couldn't read that file: {said}"], [], footer=NOTHING_IMPORTED))
            return None
        log.info("imported %s history for %s: %d rated, %d watched, %d skipped", report.format, key, report.rated,
                 report.watched, len(report.skipped))  # fmt: skip
        reply(report_message(report))
        return report
    return None


def report_message(report: ImportReport) -> dict:
    skipped = [skipped_line(row) for row in report.skipped[:SHOW_SKIPPED]]
    more = max(0, len(report.skipped) - SHOW_SKIPPED)
    return import_message(report_lines(report), skipped, heading=skipped_heading(report), more=more,
                          footer="" if stored(report) else NOTHING_IMPORTED)  # fmt: skip


def fetch(client, files: list[dict]) -> tuple[str, bytes]:
    """(name, bytes) of the one file shared, checked before and after downloading; Refused otherwise."""
    if len(files) != 1:
        raise Refused(ONE_FILE)
    info = file_info(client, files[0])
    if info.get("mode") in ("external", "tombstone") or info.get("is_external"):
        raise Refused(NOT_HOSTED)
    if refused := too_big(int(info.get("size") or 0)):
        raise Refused(f"{refused} {NOTHING_IMPORTED}")
    data = download(client, info.get("url_private_download") or info.get("url_private") or "")
    if refused := too_big(len(data)):
        raise Refused(f"{refused} {NOTHING_IMPORTED}")
    return info.get("name") or info.get("title") or "export.csv", data


def file_info(client, shared: dict) -> dict:
    """The file's details from files.info: an event may carry only its id ("file_access":
    "check_file_info"), and what it carries is the sharer's word, not Slack's."""
    try:
        return client.files_info(file=shared["id"])["file"]
    except SlackApiError as exc:
        error = exc.response.get("error")
        log.info("files.info for %s failed: %s", shared.get("id"), error)
        if error in ("missing_scope", "not_allowed_token_type", "no_permission"):
            raise Refused(NO_SCOPE) from None
        raise Refused(f"Slack wouldn't tell me about that file ({error}). {NOTHING_IMPORTED}") from None
    except (OSError, KeyError):
        raise Refused(UNREACHABLE) from None


def download(client, url: str) -> bytes:
    """The file at its url_private, fetched with the bot token in the Authorization header (never
    sent to a host that is not Slack's, nor after a redirect away from one); at most one byte past
    the limit is read, so a lying size costs nothing."""
    if not url or not _slack_host(client, url):
        raise Refused(UNREACHABLE)
    opener = urllib.request.build_opener(_StayOnSlack(client))
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {client.token}"})
    try:
        with opener.open(request, timeout=TIMEOUT) as answer:
            if "text/html" in (answer.headers.get("Content-Type") or ""):  # Slack's sign-in page: no files:read
                raise Refused(NO_SCOPE)
            return answer.read(MAX_IMPORT_BYTES + 1)
    except (urllib.error.URLError, OSError) as exc:
        log.info("downloading %s failed: %s", urlsplit(url).path, exc)
        raise Refused(UNREACHABLE) from None


def _slack_host(client, url: str) -> bool:
    """Slack's own hosts, or the host of the Web API the client talks to (a test's mock on loopback)."""
    host = urlsplit(url).hostname or ""
    return host == "slack.com" or host.endswith(".slack.com") or host == urlsplit(client.base_url).hostname


class _StayOnSlack(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to Slack, so the bot token goes nowhere else."""

    def __init__(self, client):
        self.client = client

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not _slack_host(self.client, newurl):
            raise Refused(UNREACHABLE)
        return super().redirect_request(req, fp, code, msg, headers, newurl)
