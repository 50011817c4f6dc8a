"""Themes: the short phrases a side keeps raising, counted by distinct people, with their mood.

Method: each comment is split into runs of content words at stop words and punctuation
(the candidate step of RAKE, Rose et al. 2010), and every 1–3 word n-gram inside a run
is a candidate phrase. A phrase counts once per comment and once per person; plurals
are folded ("tickets" and "ticket" are one theme). No corpus or model is needed, so it
runs offline and the same on every machine.

Privacy: a theme is shown only if at least the anonymity minimum of different people
raised it, nothing is shown for a side with fewer respondents than the minimum, no two
shown themes have sets of authors that differ by fewer than the minimum (so one theme's
mood cannot be subtracted from another's to read a few people's), and the output holds
the phrase, the counts and the average polarity, never an author or a comment.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.domain.sentiment.language import FUNCTION_WORDS
from bot.domain.sentiment.markup import clean

MIN_PEOPLE = 2
MAX_WORDS = 3

_STOP_WORDS_TEXT = """
    a about above after again against all almost also although always am among an and
    another any anyone anything are around as at be because been before being below
    between both but by can cannot could did do does doing done down during each either
    else even ever every few for from further get gets getting got had has have having he
    her here hers herself him himself his how however i if in into is it its itself just
    keep kept know last least less let like lot lots made make makes many may me might
    more most much must my myself never next no nor not now of off often ok okay on once
    one only or other others our ours ourselves out over own per please quite rather
    really same say said see seem seems she should since so some something still such
    sure than thank thanks that the their theirs them themselves then there these they
    thing things think this those though through thus to too twice under until up upon
    us use used very via was way we week weeks well were what when where whether which
    while who whom whose why will with within without would yeah yes yet you your yours
    yourself yourselves day days month months today yesterday tomorrow
"""
STOP_WORDS: frozenset[str] = frozenset(_STOP_WORDS_TEXT.split())

_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
_BREAK = re.compile(r"[.,;:!?()\[\]{}\"“”/\\|]+|\s[-–—]+\s")


@dataclass(frozen=True, slots=True)
class Comment:
    """One free-text answer: an opaque author key (never output), its text and polarity."""

    author: str
    text: str
    polarity: float
    language: str = "en"  # themes group comments within one language


@dataclass(frozen=True, slots=True)
class Theme:
    """A phrase raised by `people` distinct people in `mentions` comments."""

    phrase: str
    people: int
    mentions: int
    polarity: float


@dataclass(slots=True)
class _Tally:
    authors: set[str] = field(default_factory=set)
    mentions: int = 0
    polarity_sum: float = 0.0
    spellings: Counter[str] = field(default_factory=Counter)


def _fold(word: str) -> str:
    """Crude plural folding that is right for the nouns people complain about."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def candidate_phrases(text: str, language: str = "en") -> set[tuple[str, ...]]:
    """Surface n-grams (1–3 content words, no stop word inside) of one comment."""
    stop_words = STOP_WORDS | FUNCTION_WORDS.get(language, frozenset())
    found: set[tuple[str, ...]] = set()
    for chunk in _BREAK.split(clean(text).text.lower()):
        run: list[str] = []
        for word in [*_WORD.findall(chunk), ""]:
            # Contractions ("don't", "it's") are function words, not topics.
            content = word and word not in stop_words and "'" not in word and "’" not in word
            if content and not word.isdigit():
                run.append(word)
                continue
            for size in range(1, MAX_WORDS + 1):
                for start in range(len(run) - size + 1):
                    gram = tuple(run[start : start + size])
                    if size > 1 or len(gram[0]) > 2:
                        found.add(gram)
            run = []
    return found


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


def side_themes(
    comments: Sequence[Comment], *, respondents: int, anonymity_min: int, limit: int = 5
) -> list[Theme]:
    """The phrases most people on one side raised, most people first.

    Args:
        comments: the side's comments over a pulse or a period.
        respondents: how many people on the side answered (with or without a comment).
        anonymity_min: below this many respondents the side shows nothing at all, and a
            theme needs at least this many authors.
        limit: at most this many themes.

    Returns:
        Themes raised by at least two people, ordered by people, then mentions; a
        phrase is left out when a longer shown phrase covers it for as many people.
    """
    if respondents < anonymity_min or limit <= 0:
        return []
    people_needed = max(MIN_PEOPLE, anonymity_min)
    tallies: dict[tuple[str, ...], _Tally] = {}
    for comment in comments:
        for gram in candidate_phrases(comment.text, comment.language):
            # The language leads the key: "service" in English and in German are two themes.
            key = (comment.language, *(_fold(word) for word in gram))
            tally = tallies.setdefault(key, _Tally())
            tally.authors.add(comment.author)
            tally.mentions += 1
            tally.polarity_sum += comment.polarity
            tally.spellings[" ".join(gram)] += 1
    ranked = sorted(
        ((key, t) for key, t in tallies.items() if len(t.authors) >= people_needed),
        key=lambda item: (-len(item[1].authors), -len(item[0]), -item[1].mentions, item[0][1:]),
    )
    shown: list[tuple[tuple[str, ...], _Tally]] = []
    for key, tally in ranked:
        covered = any(
            other[0] == key[0]
            and _contains(other[1:], key[1:])
            and len(other_tally.authors) >= len(tally.authors)
            for other, other_tally in shown
        )
        subtractable = any(
            0 < len(tally.authors ^ other_tally.authors) < people_needed for _, other_tally in shown
        )
        if not covered and not subtractable:
            shown.append((key, tally))
        if len(shown) == limit:
            break
    return [
        Theme(
            phrase=min(t.spellings, key=lambda s: (-t.spellings[s], s)),
            people=len(t.authors),
            mentions=t.mentions,
            polarity=max(-1.0, min(1.0, t.polarity_sum / t.mentions)),
        )
        for _, t in shown
    ]
