"""`rapport score`: one comment per line in, one JSON sentiment object per line out."""

from __future__ import annotations

import json
from typing import TextIO

from bot.domain.sentiment.scorer import explain_text


def run_score(stdin: TextIO, stdout: TextIO, explain: bool = False) -> int:
    """Score each line of stdin with the bot's own scorer and write JSON lines to stdout.

    Every input line gives exactly one output line, blank lines included (they score as
    neutral), so outputs can be pasted next to inputs. With explain, each line also
    carries an "explain" list: every rule that moved the score, the words it read and
    its effect on the polarity, largest first. Returns the exit code, 0.
    """
    for line in stdin:
        sentiment, contributions = explain_text(line.rstrip("\r\n"))
        record: dict[str, object] = {
            "polarity": sentiment.polarity,
            "subjectivity": sentiment.subjectivity,
            "label": sentiment.label,
        }
        if explain:
            ranked = sorted(contributions, key=lambda c: -abs(c.effect))
            record["explain"] = [
                {"rule": c.rule, "phrase": c.phrase, "effect": round(c.effect, 3)} for c in ranked
            ]
        stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        stdout.flush()
    return 0
