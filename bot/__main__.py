"""`python -m bot` runs the `rapport` command."""

import sys

from bot.wiring.cli import main

sys.exit(main())
