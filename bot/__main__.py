"""`python -m bot` runs the `rapport` command."""

import sys

from bot.cli import main

sys.exit(main())
