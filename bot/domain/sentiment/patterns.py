"""Multi-word patterns: service phrases, hedged complaints, waiting times and silence."""

from __future__ import annotations

from bot.domain.sentiment import lexicon as lx
from bot.domain.sentiment.tokens import SCOPE, Token

_QUANTITIES = lx.QUANTITIES
_DURATION_FILLERS = _QUANTITIES | lx.words(
    "us me them him her for over almost nearly about around more than another at least "
    "the whole entire full of so too way"
)
_LATE_AFTER_DURATION = frozenset({"later", "late", "overdue", "behind"})
_HEDGE_FILLERS = lx.words(
    "be have been to a lot lots much far way bit little some definitely really certainly "
    "use get do with"
)
_HEDGE_MILD = frozenset({"bit", "little", "slightly", "somewhat"})
_HEDGE_STRONG = frozenset({"lot", "lots", "much", "far", "way", "definitely", "really"})
_HEDGE_VALENCE = -1.5
_NEGATED_HEDGE_VALENCE = 2.5  # "couldn't be better"
_WISH_VALENCE = -0.8  # "would be nice if they answered"
_OBLIGATION_VALENCE = -1.2  # "should have told us"
_SILENCE_VALENCE = -1.6  # "never got a reply", "without notice"


def _phrase_index() -> dict[str, list[tuple[tuple[str, ...], float]]]:
    index: dict[str, list[tuple[tuple[str, ...], float]]] = {}
    for words, valence in sorted(lx.SERVICE_PHRASES.items(), key=lambda kv: -len(kv[0])):
        index.setdefault(words[0], []).append((words, valence))
    return index


_PHRASES = _phrase_index()


def match_phrase(words: list[str], i: int) -> tuple[int, float] | None:
    for phrase, valence in _PHRASES.get(words[i], ()):
        if tuple(words[i : i + len(phrase)]) == phrase:
            return i + len(phrase), valence
    return None


def match_hedge(words: list[str], i: int) -> tuple[int, float] | None:
    """ "could be (a lot) better", "should have been faster", "would be nice if"."""
    negated = words[i].endswith("n't") or words[i] in {"couldnt", "wouldnt", "shouldnt"}
    if words[i] not in lx.HEDGE_MODALS and not negated:
        return None
    scale, j = 1.0, i + 1
    while j < len(words) and j - i <= 5 and (words[j] in _HEDGE_FILLERS or words[j] == "not"):
        negated = negated or words[j] == "not"
        scale = 0.7 if words[j] in _HEDGE_MILD else 1.3 if words[j] in _HEDGE_STRONG else scale
        j += 1
    if j >= len(words):
        return None
    if words[j] in lx.HEDGE_COMPARATIVES or words[j].startswith("improv"):
        end = j + 2 if words[j] == "more" and j + 1 < len(words) else j + 1
        return end, _NEGATED_HEDGE_VALENCE if negated else _HEDGE_VALENCE * scale
    wish = lx.combined_lexicon().get(words[j], 0.0) > 0 and j + 1 < len(words)
    if wish and words[i] == "would" and words[j + 1] in {"if", "to"} and not negated:
        return j + 1, _WISH_VALENCE
    return None


def match_duration(words: list[str], i: int) -> tuple[int, float] | None:
    """ "took three weeks", "waited for days", "two weeks later"."""
    if words[i] in lx.WAITING_VERBS:
        j = i + 1
        while (
            j < len(words) and j - i <= 6 and (words[j] in _DURATION_FILLERS or words[j].isdigit())
        ):
            j += 1
        if j < len(words) and words[j] in lx.DURATION_UNITS:
            return j + 1, lx.DURATION_UNITS[words[j]]
    elif words[i] in _QUANTITIES or words[i].isdigit():
        unit = words[i + 1] if i + 1 < len(words) else ""
        after = words[i + 2] if i + 2 < len(words) else ""
        if unit in lx.DURATION_UNITS and after in _LATE_AFTER_DURATION:
            # "two weeks late": the lateness, made worse by how long it was.
            return i + 3, lx.DURATION_UNITS[unit] + lx.combined_lexicon().get(after, 0.0)
    return None


def match_silence(words: list[str], tokens: list[Token], i: int) -> tuple[int, float] | None:
    """A negator before something a client expects: "never got a reply", "no ETA"."""
    if words[i] not in lx.NEGATORS and words[i] != "zero" and not words[i].endswith("n't"):
        return None
    for j in range(i + 1, min(i + 1 + SCOPE, len(words))):
        if words[j] in lx.EXPECTED_SERVICE:
            return j + 1, _SILENCE_VALENCE
        if tokens[j].boundary:
            break
    return None


def match_obligation(words: list[str], i: int) -> tuple[int, float] | None:
    """ "should have been sent", "should've told us": a duty that was not done.

    Only when no sentiment word follows; "should have been faster" is a hedge and
    "should have been on time" is read as a counterfactual of "on time".
    """
    if words[i] not in {"should", "should've"}:
        return None
    j = i + 1 if words[i] == "should've" else i + 2
    if words[i] == "should" and words[i + 1 : i + 2] != ["have"]:
        return None
    if words[j : j + 1] == ["been"]:
        j += 1
    if (
        j >= len(words)
        or words[j] in lx.combined_lexicon()
        or (words[j], *words[j + 1 : j + 2]) in lx.SERVICE_PHRASES
    ):
        return None
    return j + 1, _OBLIGATION_VALENCE
