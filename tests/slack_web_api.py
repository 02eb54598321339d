"""A small mock of Slack's Web API on 127.0.0.1 (a free port), for a real slack_sdk WebClient.

It answers the methods moviebot calls with Slack-shaped JSON, records every call with its
payload (form or JSON, as the client sent it), accepts file uploads and response_url posts,
serves the files shared with the bot at their url_private, and can be told to fail a method.
Nothing here knows about moviebot's rules.
"""

from __future__ import annotations

import itertools
import json
import logging
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

TEAM = "T0TEAM"
BOT_USER = "U0BOT"
BOT_ID = "B0BOT"


@dataclass
class Call:
    method: str  # "chat.postMessage", "response_url", "upload"
    payload: dict
    token: str | None = None
    path: str = ""


@dataclass
class SlackWebAPI:
    """Start with `.start()`, point a WebClient at `.api_url`, read `.calls`, `.stop()`."""

    users: dict[str, dict] = field(default_factory=dict)  # user id -> {"name", "real_name", "display_name"}
    failures: dict[str, str] = field(default_factory=dict)  # method -> Slack error code to answer with
    calls: list[Call] = field(default_factory=list)
    socket_url: str | None = None  # what apps.connections.open hands out (a loopback ws:// server)
    files: dict[str, tuple[dict, bytes]] = field(default_factory=dict)  # file id -> (files.info's file, content)
    bot_token: str | None = None  # when set, a download without it gets Slack's sign-in page, as on Slack

    def __post_init__(self):
        self._lock = threading.Lock()
        self._ts = itertools.count(1)
        self._files = itertools.count(1)
        self._server: ThreadingHTTPServer | None = None
        self._threads: dict[tuple[str, str], list[dict]] = {}  # (channel, thread ts) -> messages posted in it

    # -- lifecycle --------------------------------------------------------------------------

    def start(self) -> SlackWebAPI:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                status, answer = api._handle(self.path, self.headers, body)
                data = json.dumps(answer).encode() if isinstance(answer, dict) else answer.encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json" if isinstance(answer, dict) else "text/plain")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):  # conversations.replies and other read methods send their arguments in the query
                path, _, query = self.path.partition("?")
                if path.startswith("/files-pri/"):  # a file's url_private: its bytes, to the bot token only
                    status, kind, data = api._download(path, self.headers.get("Authorization") or "")
                    self.send_response(status)
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                    return
                status, answer = api._handle(path, {"Content-Type": "application/x-www-form-urlencoded",
                                                    "Authorization": self.headers.get("Authorization") or ""},
                                             query.encode())  # fmt: skip
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/api/"

    def response_url(self, name: str) -> str:
        return f"{self.base_url}/respond/{name}"

    # -- reading what was sent ----------------------------------------------------------------

    def of(self, method: str) -> list[Call]:
        with self._lock:
            return [call for call in self.calls if call.method == method]

    def clear(self) -> None:
        with self._lock:
            self.calls.clear()

    # -- files shared with the bot ------------------------------------------------------------

    def share(self, name: str, content: bytes, *, mimetype: str = "text/csv", size: int | None = None,
              **extra) -> dict:  # fmt: skip
        """A file as a message event carries it, and as files.info describes it; `size` may lie."""
        file_id = f"F{next(self._files):06d}"
        url = f"{self.base_url}/files-pri/{TEAM}-{file_id}/download/{name}"
        info = {"id": file_id, "name": name, "title": name, "mimetype": mimetype, "filetype": name.rpartition(".")[2],
                "size": len(content) if size is None else size, "mode": "hosted", "is_external": False,
                "url_private": url, "url_private_download": url, **extra}  # fmt: skip
        with self._lock:
            self.files[file_id] = (info, content)
        return dict(info)

    def _download(self, path: str, authorization: str) -> tuple[int, str, bytes]:
        token = authorization.removeprefix("Bearer ") or None
        self._record(Call("download", {"path": path}, token, path))
        file_id = path.split("/")[2].rpartition("-")[2]
        with self._lock:
            found = self.files.get(file_id)
        if found is None:
            return 404, "text/plain", b"not found"
        if self.bot_token and token != self.bot_token:  # Slack answers a missing or wrong token with its sign-in page
            return 200, "text/html; charset=utf-8", b"<!DOCTYPE html><html><body>Sign in to Slack</body></html>"
        return 200, found[0].get("mimetype") or "application/octet-stream", found[1]

    # -- answering ----------------------------------------------------------------------------

    def _handle(self, path: str, headers, body: bytes) -> tuple[int, dict | str]:
        payload = _decode(headers.get("Content-Type") or "", body)
        token = (headers.get("Authorization") or "").removeprefix("Bearer ") or payload.get("token")
        if path.startswith("/respond/"):
            self._record(Call("response_url", payload, None, path))
            return 200, "ok"
        if path.startswith("/upload/"):
            self._record(Call("upload", {"bytes": len(body)}, None, path))
            return 200, "OK - " + str(len(body))
        method = path.removeprefix("/api/").split("?", 1)[0]
        self._record(Call(method, payload, token, path))
        if method in self.failures:
            return 200, {"ok": False, "error": self.failures[method]}
        return 200, self._answer(method, payload)

    def _record(self, call: Call) -> None:
        with self._lock:
            self.calls.append(call)

    def _answer(self, method: str, payload: dict) -> dict:
        if method == "auth.test":
            return {"ok": True, "url": "https://moviebot-test.slack.com/", "team": "Test", "user": "moviebot",
                    "team_id": TEAM, "user_id": BOT_USER, "bot_id": BOT_ID, "is_enterprise_install": False}  # fmt: skip
        if method == "chat.postMessage":
            channel = payload.get("channel") or ""
            if channel.startswith(("U", "W")):  # posting to a user id opens the app's DM with them
                channel = "D" + channel[1:]
            ts = f"1700000000.{next(self._ts):06d}"
            message = {"type": "message", "user": BOT_USER, "bot_id": BOT_ID, "ts": ts, "text": payload.get("text")}
            if payload.get("thread_ts"):
                message["thread_ts"] = payload["thread_ts"]
                with self._lock:
                    self._threads.setdefault((channel, payload["thread_ts"]), []).append(message)
            return {"ok": True, "channel": channel, "ts": ts, "message": message}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": f"1700000000.{next(self._ts):06d}"}
        if method == "users.info":
            user = payload.get("user") or ""
            known = self.users.get(user)
            if known is None:
                return {"ok": False, "error": "user_not_found"}
            profile = {"real_name": known.get("real_name", ""), "display_name": known.get("display_name", "")}
            return {"ok": True, "user": {"id": user, "team_id": TEAM, "name": known.get("name", user),
                                         "real_name": known.get("real_name", ""), "profile": profile}}  # fmt: skip
        if method == "files.getUploadURLExternal":
            file_id = f"F{next(self._files):06d}"
            return {"ok": True, "upload_url": f"{self.base_url}/upload/{file_id}", "file_id": file_id}
        if method == "files.completeUploadExternal":
            files = payload.get("files")
            files = json.loads(files) if isinstance(files, str) else files or []
            return {"ok": True, "files": [{"id": f["id"], "title": f.get("title", "")} for f in files]}
        if method == "conversations.replies":
            with self._lock:
                replies = list(self._threads.get((payload.get("channel"), payload.get("ts")), []))
            return {"ok": True, "messages": [{"type": "message", "ts": payload.get("ts")}, *replies], "has_more": False}
        if method == "files.info":
            with self._lock:
                found = self.files.get(payload.get("file") or "")
            return {"ok": True, "file": dict(found[0])} if found else {"ok": False, "error": "file_not_found"}
        if method == "apps.connections.open" and self.socket_url:
            return {"ok": True, "url": self.socket_url}
        if method in ("reactions.add", "views.publish", "chat.update", "chat.delete"):
            return {"ok": True}
        return {"ok": False, "error": "unknown_method"}


def _decode(content_type: str, body: bytes) -> dict:
    text = body.decode("utf-8", errors="replace")
    if "json" in content_type:
        return json.loads(text or "{}")
    if "form" in content_type:
        payload = dict(parse_qsl(text, keep_blank_values=True))
        for key in ("blocks", "attachments", "view", "files"):  # the SDK sends these as JSON strings
            if isinstance(payload.get(key), str) and payload[key][:1] in "[{":
                payload[key] = json.loads(payload[key])
        return payload
    return {"raw_bytes": len(body)}


@dataclass
class SocketRecorder:
    """Stands in for the websocket: what Bolt acknowledged, envelope by envelope."""

    logger: logging.Logger = field(default_factory=lambda: logging.getLogger("socket-recorder"))
    sent: list = field(default_factory=list)

    def send_socket_mode_response(self, response) -> None:
        self.sent.append(response)
