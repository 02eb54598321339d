"""`moviebot chat | ask`: talking to the recommender from a terminal or a script, through the
service. `ask --json` prints Turn.to_json(), the contract other tools rely on."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.cli.base import UserError, emit_json, open_service, user_key
from bot.settings import Settings


def register(sub, eval_sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("chat", parents=[common], help="talk to moviebot in the terminal")
    p.add_argument("--user", default="me", help="whose profile and history to use")
    p.add_argument("--jsonl", action="store_true", help="one message per line in, one JSON object per line out")
    p.add_argument("--channel", default="terminal", help="which conversation (the interactive chat's by default)")
    p.set_defaults(run=cmd_chat)

    p = sub.add_parser("ask", parents=[common], help="one turn: a request in, picks out")
    p.add_argument("text", nargs="*")
    p.add_argument("--user", default="me")
    p.add_argument("--k", type=int, default=None, help="how many picks (default 3)")
    p.add_argument("--batch", type=Path, help="JSON Lines of conversations to answer")
    p.add_argument("--out", type=Path, help="where --batch writes its results (default stdout)")
    p.set_defaults(run=cmd_ask)


def _register(service, name: str) -> str:
    platform, _, platform_user_id = user_key(name).partition(":")
    return service.register(platform, platform_user_id)


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


def ask_batch(args: argparse.Namespace, settings: Settings) -> int:
    """One JSON object per line in, one result per line out, models loaded once.

    A bad line gets an {"id", "error"} result and the batch goes on.
    """
    source = Path(args.batch)
    if not source.exists():
        raise UserError(f"{source}: no such file")
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout  # noqa: SIM115 - closed below
    app = open_service(args, settings, memory=False)
    failures = 0
    try:
        with source.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                result = _batch_line(app.service, line, number, args.k)
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


def _batch_line(service, line: str, number: int, default_k: int | None) -> dict:
    """One line's result, or {"id", "error": {"code", "message"}} saying what is wrong with it."""
    from agent.service import ServiceError

    def error(code: str, message: str, line_id=None) -> dict:
        line_id = number if line_id is None else line_id
        return {"id": line_id, "error": {"code": code, "message": f"line {number}: {message}"}}

    try:
        item = json.loads(line)
        messages = item["messages"]
        if not isinstance(messages, list) or not messages:
            raise ValueError("messages must be a non-empty list")
        last_user = max(i for i, m in enumerate(messages) if m.get("role") == "user")
    except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as exc:
        return error("bad_line", str(exc) or "bad line", _line_id(line, number))
    line_id = item.get("id", number)
    k = item["k"] if item.get("k") is not None else default_k
    try:
        k = service.check_k(k)
    except ServiceError as exc:
        return error("bad_k", exc.message, line_id)
    user = user_key(str(item.get("user") or "batch"))
    context = [{"role": m.get("role", "user"), "text": str(m.get("text", ""))} for m in messages[:last_user]]
    try:
        turn = service.chat(
            user,
            str(messages[last_user].get("text", "")),
            channel="batch",
            k=k,
            context=context,
            remember=False,
            always_recommend=True,
            unattended=True,
        )
    except ServiceError as exc:
        return error("invalid_input", exc.message, line_id)
    return {"id": line_id, **turn.to_json()}


def _line_id(line: str, number: int):
    try:
        return json.loads(line).get("id", number)
    except (json.JSONDecodeError, AttributeError):
        return number
