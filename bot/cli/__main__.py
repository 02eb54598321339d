"""`python -m bot.cli`: the same as the `moviebot` script."""

import sys

from bot.cli.commands import main

sys.exit(main())
