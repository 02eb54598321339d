"""`moviebot chat | ask`: talking to the recommender from a terminal or a script, through the
service. `ask --json` prints Turn.to_json(), the contract other tools rely on."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.cli.base import UserError, emit_json, is_utf8, open_service, user_key
from bot.settings import Settings


def register(sub, eval_sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("chat", parents=[common], help="talk to moviebot in the terminal")
    p.add_argument("--user", default="me", help="whose profile and history to use")
    p.add_argument("--jsonl", action="store_true", help="one message per line in, one JSON object per line out")
    p.add_argument("--channel", default="terminal", help="which conversation (the interactive chat's by default)")
    p.set_defaults(run=cmd_chat)

    p = sub.add_parser("ask", parents=[common], help="one turn: a request in, picks out")
    p.add_argument("text", nargs="*", help='the request, e.g. "a heist movie like Heat but shorter"')
    p.add_argument("--user", default="me", help="whose profile and history to use")
    p.add_argument("--k", type=int, default=None, help="how many picks (default 3)")
    p.add_argument("--batch", type=Path, help="JSON Lines of conversations to answer")
    p.add_argument("--out", type=Path, help="where --batch writes its results (default stdout)")
    p.set_defaults(run=cmd_ask)

    p = sub.add_parser("movienight", parents=[common], help="one pick for several people none of them has seen")
    p.add_argument("text", nargs="*", help='what the group feels like, e.g. "a horror comedy" (optional)')
    p.add_argument("--user", default="me", help="you")
    p.add_argument("--with", dest="others", action="append", default=[], metavar="USER", required=True,
                   help="someone else watching (repeat for each)")  # fmt: skip
    p.add_argument("--k", type=int, default=1, help="how many picks (default 1)")
    p.set_defaults(run=cmd_movienight)


def _register(service, name: object) -> str:
    key = user_key(name)
    platform, _, platform_user_id = key.partition(":")
    display = name.strip() if isinstance(name, str) and key.startswith("cli:") else None
    return service.register(platform, platform_user_id, display)


def _members(service, names: list[str]) -> list[str]:
    """The group's user keys; only people the bot already knows are registered (their name kept up
    to date), so "--with nobody", a typo, creates no user that `user export` would then show."""
    keys = [user_key(name) for name in names]
    known = service.profiles.known_users(keys)
    return [_register(service, name) if key in known else key for name, key in zip(names, keys, strict=True)]


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    from bot.cli.terminal import run_chat, run_jsonl

    app = open_service(args, settings, serving=True)
    try:
        if args.jsonl:
            return run_jsonl(app.service, _register(app.service, args.user), channel=args.channel)
        return run_chat(app.service, _register(app.service, args.user), channel=args.channel)
    finally:
        app.close()


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    if args.batch:
        return ask_batch(args, settings)
    text = " ".join(args.text).strip()
    if not text:
        raise UserError("nothing to ask: give the request as text, or --batch FILE")
    user_key(args.user)  # a name nothing can be made of is refused before the models load
    from agent.service import ServiceError
    from bot.cli.terminal import format_answer

    app = open_service(args, settings)
    try:
        try:
            k = app.service.check_k(args.k)
        except ServiceError as exc:
            raise UserError(f"--k: {exc.message}") from None
        turn = app.service.chat(_register(app.service, args.user), text, channel="cli", k=k)
        if args.json:
            emit_json(turn.to_json())
        else:
            print(format_answer(turn, color=sys.stdout.isatty()))
    finally:
        app.close()
    return 0


def cmd_movienight(args: argparse.Namespace, settings: Settings) -> int:
    """The service's group pick (Discord's /movienight): a film nobody in the group has seen, and why for each."""
    names = [args.user, *args.others]
    for name in names:
        user_key(name)  # a name nothing can be made of is refused before the models load
    from agent.service import ServiceError

    app = open_service(args, settings)
    try:
        try:
            k = app.service.check_k(args.k)
            turn = app.service.group_pick(_members(app.service, names), " ".join(args.text), count=k)
        except ServiceError as exc:
            raise UserError(exc.message) from None
        if args.json:  # the ask contract, and each pick's reason for each person
            answer = turn.to_json()
            for rec, full in zip(answer["recommendations"], turn.recommendations, strict=True):
                rec["per_person"] = full.get("per_person") or {}
            emit_json(answer)
        else:
            print(turn.reply)
    finally:
        app.close()
    return 0


def ask_batch(args: argparse.Namespace, settings: Settings) -> int:
    """One JSON object per line in, one result per line out, models loaded once.

    A bad line (not UTF-8, not JSON, a field of the wrong shape, a user or k nothing can be made
    of) gets {"id", "line", "error": {"code", "message"}} and the batch goes on; every line written
    is valid UTF-8 JSON.
    """
    source = Path(args.batch)
    if not source.exists():
        raise UserError(f"{source}: no such file")
    if source.is_dir():
        raise UserError(f"{source}: is a folder; give the file of requests, one JSON object per line")
    if args.out and Path(args.out).exists() and Path(args.out).resolve() == source.resolve():
        raise UserError(f"{args.out}: that is the batch file itself; write the answers to another file")
    try:
        out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout  # noqa: SIM115 - closed below
    except OSError as exc:
        raise UserError(f"{args.out}: {exc.strerror}") from exc
    app = open_service(args, settings, memory=False)
    failures = 0
    try:
        with source.open("rb") as handle:
            for number, raw in enumerate(handle, 1):
                if not raw.strip():
                    continue
                result = _batch_line(app.service, raw, number, args.k)
                failures += "error" in result
                out.write(json.dumps(result, ensure_ascii=False) + "\n")
                out.flush()
    finally:
        app.close()
        if out is not sys.stdout:
            out.close()
    if failures:
        print(f'{failures} line(s) could not be answered; see their "error" fields.', file=sys.stderr)
    return 0


class BadLine(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def _batch_line(service, raw: bytes | str, number: int, default_k: int | None) -> dict:
    """One line's result, or {"id", "line", "error": {"code", "message"}} saying what is wrong with it."""
    from agent.service import ServiceError

    line_id: object = number
    try:
        item = _read_line(raw)
        line_id = item.get("id", number)
        if not _is_id(line_id):
            line_id = number
            raise BadLine("bad_id", '"id" must be a string or a number of valid UTF-8 text')
        user, context, text = _conversation(item)
        k = item["k"] if item.get("k") is not None else default_k
        try:
            k = service.check_k(k)
        except ServiceError as exc:
            raise BadLine("bad_k", exc.message) from None
        turn = service.chat(user, text, channel="batch", k=k, context=context, remember=False,
                            always_recommend=True, unattended=True)  # fmt: skip
    except BadLine as exc:
        return _error(line_id, number, exc.code, exc.message)
    except ServiceError as exc:
        return _error(line_id, number, "invalid_input", exc.message)
    return {"id": line_id, **turn.to_json()}


def _error(line_id: object, number: int, code: str, message: str) -> dict:
    return {"id": line_id, "line": number, "error": {"code": code, "message": f"line {number}: {message}"}}


def _read_line(raw: bytes | str) -> dict:
    try:
        line = raw if isinstance(raw, str) else raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadLine("bad_utf8", f"not valid UTF-8 (byte {exc.start + 1})") from None
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadLine("bad_json", f"not JSON: {exc}") from None
    if not isinstance(item, dict):
        raise BadLine("bad_line", f"a line must be a JSON object, not {type(item).__name__}")
    return item


def _is_id(value: object) -> bool:
    if isinstance(value, str):
        return is_utf8(value)
    return isinstance(value, int | float) and not isinstance(value, bool)


def _conversation(item: dict) -> tuple[str, list[dict], str]:
    """The user key, the turns before the last user message, and that message."""
    name = item.get("user", "batch")  # only a missing user is the batch's own; "" or 5 is a mistake
    if not isinstance(name, str) or not name.strip():
        from agent.service_types import as_json

        raise BadLine("bad_user", f'"user" must be a non-empty name, got {as_json(name)}')
    try:
        user = user_key(name)
    except UserError as exc:
        raise BadLine("bad_user", str(exc)) from None
    messages = item.get("messages")
    if not isinstance(messages, list) or not messages:
        raise BadLine("bad_messages", '"messages" must be a non-empty list of {"role", "text"} objects')
    for index, message in enumerate(messages):
        if not isinstance(message, dict) or message.get("role", "user") not in ("user", "assistant"):
            raise BadLine("bad_messages", f'message {index + 1} must be {{"role": "user"|"assistant", "text": "..."}}')
        if not isinstance(message.get("text", ""), str):
            from agent.service_types import as_json

            raise BadLine("bad_text", f"message {index + 1}'s text must be a string, not {as_json(message['text'])}")
        if not is_utf8(message.get("text", "")):
            raise BadLine("bad_text", f"message {index + 1}'s text is not valid UTF-8")
    users = [i for i, m in enumerate(messages) if m.get("role", "user") == "user"]
    if not users:
        raise BadLine("bad_messages", "no message has the role user")
    last = users[-1]
    context = [{"role": m.get("role", "user"), "text": m.get("text", "")} for m in messages[:last]]
    return user, context, messages[last].get("text", "")
