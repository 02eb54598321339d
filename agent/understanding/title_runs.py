"""Runs of Capitalised words where a bare title may be typed ("Star Wars marathon tonight"), for the
title reader (agent.understanding.titles)."""

from __future__ import annotations

from agent.understanding.text import TITLE_CONNECTORS, Scan, Tok, abbreviated


def unusual(word: str) -> bool:
    return any(c.isdigit() for c in word) or not word.isascii() or any(c.isupper() for c in word[1:])


_PRONOUN_I = frozenset({"i", "i'm", "i've", "i'd", "i'll"})


def _capital_next(scan: Scan, toks: list[Tok], k: int) -> bool:
    return k + 1 < len(toks) and toks[k + 1].is_word and scan.capitalised(toks[k + 1]) and toks[k].text.isdigit()


def capitalised_runs(scan: Scan, toks: list[Tok]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    start = None
    last_cap = None
    for k, tok in enumerate(toks):
        capital = tok.is_word and scan.capitalised(tok) and tok.text not in _PRONOUN_I
        if capital and start is not None and tok.start in scan.title_year_starts:  # "Ghostbusters (2016) Had ..."
            runs.append((start, k + 1))
            start = None
        elif capital and (start is not None or not tok.text[0].isdigit() or _capital_next(scan, toks, k)):
            # "the 90s" starts no title, "50 First Dates" does
            start = k if start is None else start
            last_cap = k
        elif start is not None and (tok.text == ":" or (tok.is_word and tok.text in TITLE_CONNECTORS)
                                    or abbreviated(toks, k, start)):  # fmt: skip
            continue
        else:
            if start is not None:
                runs.append((start, last_cap + 1))
            start = None
    if start is not None:
        runs.append((start, last_cap + 1))
    return runs


# "Thanks for the recommendations Merry Christmas": a sign-off, not Joyeux Noël by its English title
_SIGN_OFFS = frozenset(
    [
        "merry christmas",
        "happy holidays",
        "happy new year",
        "happy thanksgiving",
        "happy halloween",
        "happy easter",
        "happy birthday",
        "good night",
        "good morning",
        "good evening",
        "good afternoon",
        "good luck",
        "take care",
        "best wishes",
        "god bless",
        "cheers",
    ]
)


def sign_off(typed: str) -> bool:
    """A greeting typed in Title Case, which a title bare of any cue is not taken to be."""
    return " ".join(typed.lower().split()).strip(" !.,") in _SIGN_OFFS
