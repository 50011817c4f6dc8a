"""`rapport score`: one comment per line in, one JSON sentiment object per line out."""

from __future__ import annotations

import json
from typing import TextIO

from bot.domain.sentiment.reading import read_comment


def run_score(
    stdin: TextIO, stdout: TextIO, explain: bool = False, language: str | None = None
) -> int:
    """Score each line of stdin with the bot's own scorer and write JSON lines to stdout.

    Every input line gives exactly one output line, blank lines included (they score as
    neutral), so outputs can be pasted next to inputs. Each line carries the comment's
    language (detected, or `language` when given); a comment in a language without a
    scorer has no polarity, the label "unscored" and the reason, as the bot stores it.
    With explain, each line also says how the language was found and carries an
    "explain" list: every rule that moved the score, the words it read and its effect
    on the polarity, largest first. Returns the exit code, 0.
    """
    for line in stdin:
        reading = read_comment(line.rstrip("\r\n"), language)
        sentiment = reading.sentiment
        record: dict[str, object] = {
            "polarity": None if sentiment is None else sentiment.polarity,
            "subjectivity": None if sentiment is None else sentiment.subjectivity,
            "label": "unscored" if sentiment is None else sentiment.label,
            "language": reading.language,
        }
        if reading.unscored_reason:
            record["reason"] = reading.unscored_reason
        if explain:
            record["detected_by"] = reading.detected_by
            ranked = sorted(reading.contributions, key=lambda c: -abs(c.effect))
            record["explain"] = [
                {"rule": c.rule, "phrase": c.phrase, "effect": round(c.effect, 3)} for c in ranked
            ]
        stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        stdout.flush()
    return 0
