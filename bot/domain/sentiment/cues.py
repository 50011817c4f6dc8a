"""Find the event and pattern cues of one comment over its words."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from bot.domain.sentiment.cue_patterns import PATTERNS
from bot.domain.sentiment.event_patterns import EVENTS
from bot.domain.sentiment.figures import (
    from_to_direction,
    metric_at,
    metric_sign,
    then_now_reading,
)
from bot.domain.sentiment.good_news_patterns import GOOD_NEWS
from bot.domain.sentiment.guarded_regex import compile_guarded
from bot.domain.sentiment.hits import Cue
from bot.domain.sentiment.kind_patterns import KINDS
from bot.domain.sentiment.lexicon import words
from bot.domain.sentiment.risk_patterns import RISKS
from bot.domain.sentiment.tokens import Token


@dataclass(frozen=True, slots=True)
class _Compiled:
    rule: str
    valence: float
    regex: re.Pattern[str]
    triggers: frozenset[str]
    requires: frozenset[str]
    scope: str
    direction: int
    needs_metric: bool


_WORD = re.compile(r"\w+")
_COMPILED = tuple(
    _Compiled(
        p.rule,
        p.valence,
        compile_guarded(p.regex),
        frozenset(p.triggers.split()),
        frozenset(p.requires.split()),
        p.scope,
        p.direction,
        p.needs_metric,
    )
    for p in (*PATTERNS, *EVENTS, *GOOD_NEWS, *KINDS, *RISKS)
)

# Trigger word -> bit set of the patterns (by index in _COMPILED) it lets through, and
# required word -> bit set of the patterns that name it.
_TRIGGERED: dict[str, int] = {}
_REQUIRED: dict[str, int] = {}
_NAMES_REQUIRED = 0  # the patterns that name required words
for _index, _pattern in enumerate(_COMPILED):
    for _word in _pattern.triggers:
        _TRIGGERED[_word] = _TRIGGERED.get(_word, 0) | 1 << _index
    for _word in _pattern.requires:
        _REQUIRED[_word] = _REQUIRED.get(_word, 0) | 1 << _index
    if _pattern.requires:
        _NAMES_REQUIRED |= 1 << _index

# Both bit sets of each word seen, worked out once: (triggered, required). The cache stops
# growing at a size that holds the vocabulary of a busy workspace, as the tokens' does.
_CACHE_LIMIT = 200_000
_word_masks: dict[str, tuple[int, int]] = {}


def _masks(word: str) -> tuple[int, int]:
    """The patterns a word triggers, and those one of whose required words it is or holds."""
    required = _REQUIRED.get(word, 0)
    for inner in _WORD.findall(word):  # "hours...and", "owner's": \b stops inside a word
        required |= _REQUIRED.get(inner, 0)
    found = (_TRIGGERED.get(word, 0), required)
    if len(_word_masks) < _CACHE_LIMIT:
        _word_masks[word] = found
    return found


def _clause(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """Widen a token span to the clause around it (clauses end at , . ; : ! ?)."""
    while start > 0 and not tokens[start - 1].boundary:
        start -= 1
    while end < len(tokens) and not tokens[end - 1].boundary:
        end += 1
    return start, end


def find_cues(tokens: list[Token]) -> list[Cue]:
    """Every pattern that matches, once per place it matches, with its token span."""
    # A pattern is tried only if one of its trigger words is a token of the comment and,
    # when it names required words, one of those is a token or a word inside one
    # ("hours...and", "owner's"): a regex's \b also stops at inner punctuation.
    mask = required = 0
    masks = _word_masks
    for token in tokens:
        triggered, holds = masks.get(token.word) or _masks(token.word)
        mask |= triggered
        required |= holds
    mask &= required | ~_NAMES_REQUIRED
    if not mask:
        return []
    # Clause ends stay in as commas, so that no pattern reaches across one.
    words = [token.spaced for token in tokens]
    joined = " ".join(words)
    cues: list[Cue] = []
    starts: list[int] = []
    while mask:
        lowest = mask & -mask
        mask ^= lowest
        pattern = _COMPILED[lowest.bit_length() - 1]
        for match in pattern.regex.finditer(joined):
            if match.end() == match.start():
                continue
            if not starts:
                starts = [0, *accumulate(len(word) + 1 for word in words[:-1])]
            start = bisect_right(starts, match.start()) - 1
            end = bisect_right(starts, match.end() - 1)
            rule, valence = pattern.rule, pattern.valence
            if pattern.direction == 3:
                # "Escalations this month: 3, last month: 11": the metric named before
                # the figures is part of the news, not a complaint of its own.
                good, metric_at = then_now_reading([t.word for t in tokens], start, end)
                if good == 0:
                    continue
                if good < 0:
                    rule, valence = "worse figures", -valence
                start = min(start, metric_at)
            elif pattern.direction:
                good, metric_at = _figure_news(pattern, tokens, start, end)
                if good == 0:
                    continue
                if good < 0:
                    rule, valence = "worse figures", -valence
                start = min(start, metric_at)
            if pattern.scope == "clause":
                start, end = _clause(tokens, start, end)
            cues.append(Cue(rule, start, end, valence))
    if len(cues) < 2:  # most comments: no pattern matched, or one
        return cues
    return _strongest(_within_figures(cues))


def _figure_news(pattern: _Compiled, tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """+1 if a moved figure is good news, -1 if bad, 0 if it cannot be told; and where
    the news starts (before start when the metric is named in the clause before)."""
    words = [token.word for token in tokens]
    direction = pattern.direction
    if direction == 2:
        direction = from_to_direction(words, start, end)
        if direction == 0:
            return 0, start
    if words[start] in {"improved", "improving"}:
        return 1, start
    clause_start, clause_end = _clause(tokens, start, end)
    metric = 0
    if start + 1 < end and words[start + 1] in _OBJECT_OPENERS:
        # "the script reduced the manual effort": the verb's object is what moved.
        metric = metric_sign(words, start, start + 1, clause_end)
    metric = metric or metric_sign(words, start, clause_start, clause_end)
    if metric == 0 and words[start] not in pattern.triggers:
        # "Abandon rate under 3 all week": the match opens with the metric, not a verb.
        metric = metric_at(words, start)
    named_at = start
    if metric == 0 and start == clause_start > 0:
        # "CSAT 88%, up three points": a move said straight after a comma is the move
        # of the metric the clause before names.
        metric, named_at = _metric_before(tokens, words, start)
    if metric == 0:
        return (0 if pattern.needs_metric or pattern.direction == 2 else 1), start
    if pattern.needs_metric and not _RISING.isdisjoint(words[start:end]):
        direction = 1
    return (1 if direction * metric > 0 else -1), named_at


def _metric_before(tokens: list[Token], words: list[str], start: int) -> tuple[int, int]:
    """The sign of the metric the clause ending before start names, and where it is."""
    opening, _ = _clause(tokens, start - 1, start)
    for j in range(start - 1, opening - 1, -1):
        if sign := metric_at(words, j):
            return sign, j
    return 0, start


_OBJECT_OPENERS = frozenset(
    ["the", "our", "their", "its", "your", "most", "much", "all", "a", "overnight", "manual"]
)
_RISING = words("rising climbing increasing growing crept creeping up hit reached peaked")


_FIGURE_RULES = frozenset({"improvement", "worse figures", "no bad news", "paralysis"})
# Rules whose span names what did not happen: they reach only past their first word.
_ABSENCE_RULES = frozenset({"no bad news", "paralysis"})


def _within_figures(cues: list[Cue]) -> list[Cue]:
    """Drop cues of the other sign inside a moved figure's or an absence's span: in "4
    days, used to be same day" the "same day" is the earlier figure, in "without us
    having to chase" the chase is what did not happen, and in "nobody owns it" the
    owning."""
    figures = [cue for cue in cues if cue.rule in _FIGURE_RULES]
    if not figures:
        return cues
    # An absence reaches only what follows its "no" or "without": "their fix broke"
    # is no fix of a break.
    return [cue for cue in cues if not any(_explains(f, cue) for f in figures)]


def _explains(figure: Cue, cue: Cue) -> bool:
    """Whether a figure or absence cue already reads the words of a cue of the other sign.

    A figure explains what lies inside it; an absence what starts after its first word
    ("nobody on your side owns it": the owning), but not its own first word.
    """
    if figure.valence * cue.valence >= 0:
        return False
    if figure.rule in _ABSENCE_RULES:
        return figure.start < cue.start < figure.end
    return figure.start <= cue.start and cue.end <= figure.end


def _strongest(cues: list[Cue]) -> list[Cue]:
    """One cue per family per place: "sixth nudge" is one chase, not a nudge and a sixth."""
    kept: list[Cue] = []
    for cue in sorted(cues, key=lambda c: (-abs(c.valence), c.start)):
        if not any(k.rule == cue.rule and k.start < cue.end and cue.start < k.end for k in kept):
            kept.append(cue)
    return sorted(kept, key=lambda c: c.start)
