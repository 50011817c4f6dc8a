"""One reason a comment scored as it did: the rule, the words it read, and its valence."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule that fired on some words, with its valence on VADER's -4..+4 scale."""

    rule: str
    phrase: str
    valence: float


@dataclass(frozen=True, slots=True)
class Cue:
    """An event or pattern found over the words of a comment (token indices end-exclusive).

    A cue claims its span: the words in it are not read again one by one. In "defects
    down to six" the defects are the good news, not a complaint.
    """

    rule: str
    start: int
    end: int
    valence: float
