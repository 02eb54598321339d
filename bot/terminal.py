"""`moviebot chat`: the recommender in a terminal."""

from __future__ import annotations

import sys
import textwrap
from typing import TextIO

from bot.runtime import Runtime

BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


def format_answer(result: dict, *, color: bool, width: int = 88) -> str:
    """Picks as a numbered list: title line in bold, the explanation wrapped under it."""
    bold, dim, reset = (BOLD, DIM, RESET) if color else ("", "", "")
    recommendations = result.get("recommendations") or []
    if not recommendations:
        return result.get("reply", "")
    lines = [result.get("intro", ""), ""]
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


def run_chat(runtime: Runtime, user: str, *, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
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
            result = runtime.recommender.ask(message, user=user, channel="terminal")
        except Exception:  # a turn that fails must not end the session
            import logging

            logging.getLogger(__name__).exception("turn failed")
            print("Sorry, something went wrong with that one. Try rephrasing?", file=stdout)
            continue
        print(("\n" if interactive else "") + format_answer(result, color=color), file=stdout)
    print("Enjoy the movie!", file=stdout)
    return 0
