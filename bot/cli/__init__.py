"""`moviebot`, the command line: commands.py (parser and entry point), base.py (errors, output,
opening the service), and one module per command family, each registering its subcommands:
catalog (ingest, search, catalog), conversation (chat, ask; terminal.py draws the answers),
history (rate, watched, profile, import, user), eval_redial and eval_learning (eval ...),
bots (discord), slack, serve (every configured front end in one process)."""


def main(argv: list[str] | None = None) -> int:
    """The `moviebot` script's entry point (bot.cli:main), kept where installed scripts look for it."""
    from bot.cli.commands import main as run

    return run(argv)
