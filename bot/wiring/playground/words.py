"""What `rapport playground` says to the person who started it, one line each."""

from typing import Final

PORT_TAKEN: Final = (
    "cannot serve the page on 127.0.0.1:{port}: {reason}. "
    "Choose another with --port (0: any free port)."
)
READY: Final = "Rapport playground: {url}"
PULSE_SHORT: Final = "Only {sent} of {people} pulse DMs arrived in time; the rest may still come."
STOP: Final = "The database is in {folder}. Press Ctrl+C to stop."
