"""Subcommands of `moviebot` for one feature; see bot.cli.FEATURE_MODULES."""

from __future__ import annotations

import argparse


def add_parsers(sub, eval_sub, common: argparse.ArgumentParser) -> None:
    """Registers this feature's subcommands (filled in by the feature's work)."""
