"""One line of an explanation: a rule, the words it read and how far it moved the score."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Contribution:
    """How much one rule moved a comment's polarity, and the words it read."""

    rule: str
    phrase: str
    effect: float
