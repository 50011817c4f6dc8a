"""`rapport score`: one comment per line in, one JSON sentiment object per line out."""

from __future__ import annotations

import json
from typing import TextIO

from bot.domain.sentiment.scorer import score_text


def run_score(stdin: TextIO, stdout: TextIO) -> int:
    """Score each line of stdin with the bot's own scorer and write JSON lines to stdout.

    Every input line gives exactly one output line, blank lines included (they score as
    neutral), so outputs can be pasted next to inputs. Returns the exit code, 0.
    """
    for line in stdin:
        sentiment = score_text(line.rstrip("\r\n"))
        record = {
            "polarity": sentiment.polarity,
            "subjectivity": sentiment.subjectivity,
            "label": sentiment.label,
        }
        stdout.write(json.dumps(record) + "\n")
        stdout.flush()
    return 0
