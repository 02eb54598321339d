"""`moviebot chat`: the service's chat turns in a terminal."""

from __future__ import annotations

import contextlib
import json
import logging
import sys
import textwrap
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

from store.movie import MAIN_GENRES

if TYPE_CHECKING:
    from agent.service import MovieService, Turn

BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


def format_answer(turn: Turn, *, color: bool, width: int = 88) -> str:
    """Picks as a numbered list: title line in bold, the explanation wrapped under it."""
    bold, dim, reset = (BOLD, DIM, RESET) if color else ("", "", "")
    recommendations = turn.recommendations
    if not recommendations or turn.intent == "group":  # a movie night's reply says why for each member
        return turn.reply
    lines = [turn.intro, ""]
    for n, rec in enumerate(recommendations, 1):
        facts = [", ".join(rec["genres"][:MAIN_GENRES])]
        if rec.get("runtime"):
            facts.append(f"{rec['runtime']} min")
        if rec.get("rating") is not None:
            facts.append(f"★ {rec['rating']:.1f}")
        if rec.get("directors"):
            facts.append(", ".join(rec["directors"][:2]))
        year = f" ({rec['year']})" if rec.get("year") else ""
        lines.append(f"{bold}{n}. {rec['title']}{year}{reset}  {dim}{' · '.join(f for f in facts if f)}{reset}")
        lines += textwrap.wrap(rec["explanation"], width=width, initial_indent="   ", subsequent_indent="   ")
        lines.append("")
    return "\n".join(lines).rstrip()


LLM_TROUBLE = "(the language model isn't answering well; I'm using my own reading for now)"


class _Noticed(logging.Handler):
    """Notes that the model failed, in place of printing its log lines into the conversation."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.failed = False

    def emit(self, record: logging.LogRecord) -> None:
        self.failed = True


@contextlib.contextmanager
def _llm_trouble_noticed() -> Iterator[_Noticed | None]:
    """agent.llm's warnings held back for the chat to say once in its own words; with --verbose
    (DEBUG) they print as logged."""
    logger = logging.getLogger("agent.llm")
    if logger.isEnabledFor(logging.DEBUG):
        yield None
        return
    noticed, propagate = _Noticed(), logger.propagate
    logger.addHandler(noticed)
    logger.propagate = False
    try:
        yield noticed
    finally:
        logger.removeHandler(noticed)
        logger.propagate = propagate


NOT_UTF8 = "That line is not valid UTF-8, so I couldn't read it; re-type it or fix the terminal's encoding."


def not_utf8(message: str) -> bool:
    """Bytes that are not UTF-8 reach Python's stdin as lone surrogates ("Am\\xe9lie" typed in Latin-1)."""
    return any("\udc80" <= c <= "\udcff" for c in message)


def run_jsonl(service: MovieService, user: str, *, channel: str = "terminal", stdin: TextIO | None = None,
              stdout: TextIO | None = None) -> int:  # fmt: skip
    """A scripted conversation: each line a message, each answer one JSON object (the `ask --json`
    contract plus `recorded`), in the same memory as the interactive chat. A turn that fails
    answers {"error"} and the conversation goes on."""
    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout  # the streams of the moment, not of the import
    for line in stdin:
        message = line.strip()
        if not message:
            continue
        if not_utf8(message):
            stdout.write(json.dumps({"error": NOT_UTF8}) + "\n")
            stdout.flush()
            continue
        try:
            turn = service.chat(user, message, channel=channel)
            answer = {**turn.to_json(), "recorded": turn.recorded}
        except Exception as error:  # one bad turn must not end the script
            logging.getLogger(__name__).exception("turn failed")
            answer = {"error": f"that turn failed ({type(error).__name__}); the conversation goes on"}
        stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
        stdout.flush()
    return 0


def run_chat(service: MovieService, user: str, *, channel: str = "terminal", stdin: TextIO | None = None,
             stdout: TextIO | None = None) -> int:  # fmt: skip
    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout
    print("moviebot — tell me what you feel like watching. 'help' for ideas, 'quit' to leave.", file=stdout)
    with _llm_trouble_noticed() as noticed:
        _converse(service, user, channel, stdin, stdout, noticed)
    print("Enjoy the movie!", file=stdout)
    return 0


def _converse(service: MovieService, user: str, channel: str, stdin: TextIO, stdout: TextIO,
              noticed: _Noticed | None) -> None:  # fmt: skip
    color = stdout.isatty()
    interactive = stdin.isatty()
    while True:
        if interactive:
            stdout.write("\nyou> ")
            stdout.flush()
        line = stdin.readline()
        if not line:
            break
        message = line.strip()
        if message.lower() in ("quit", "exit", "bye", ":q"):
            break
        if not message:
            continue
        if not_utf8(message):
            print(NOT_UTF8, file=stdout)
            continue
        try:
            turn = service.chat(user, message, channel=channel)
        except Exception:  # a turn that fails must not end the session
            logging.getLogger(__name__).exception("turn failed")
            print("Sorry, something went wrong with that one. Try rephrasing?", file=stdout)
            continue
        if noticed is not None and noticed.failed:
            print(("\n" if interactive else "") + LLM_TROUBLE, file=stdout)
            noticed = None  # said once a session
        print(("\n" if interactive else "") + format_answer(turn, color=color), file=stdout)
