"""`moviebot chat`: the service's chat turns in a terminal."""

from __future__ import annotations

import sys
import textwrap
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from agent.service import MovieService, Turn

BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


def format_answer(turn: Turn, *, color: bool, width: int = 88) -> str:
    """Picks as a numbered list: title line in bold, the explanation wrapped under it."""
    bold, dim, reset = (BOLD, DIM, RESET) if color else ("", "", "")
    recommendations = turn.recommendations
    if not recommendations:
        return turn.reply
    lines = [turn.intro, ""]
    for n, rec in enumerate(recommendations, 1):
        facts = [", ".join(rec["genres"][:3])]
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


def run_chat(service: MovieService, user: str, *, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    color = stdout.isatty()
    interactive = stdin.isatty()
    print("moviebot — tell me what you feel like watching. 'help' for ideas, 'quit' to leave.", file=stdout)
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
        try:
            turn = service.chat(user, message, channel="terminal")
        except Exception:  # a turn that fails must not end the session
            import logging

            logging.getLogger(__name__).exception("turn failed")
            print("Sorry, something went wrong with that one. Try rephrasing?", file=stdout)
            continue
        print(("\n" if interactive else "") + format_answer(turn, color=color), file=stdout)
    print("Enjoy the movie!", file=stdout)
    return 0
