"""Rule reading of one comment: lexicon hits shaped by negation, degree, hedges and contrast."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.domain.sentiment import lexicon as lx
from bot.domain.sentiment.hits import Cue, Hit
from bot.domain.sentiment.patterns import (
    match_duration,
    match_hedge,
    match_obligation,
    match_phrase,
    match_silence,
)
from bot.domain.sentiment.tokens import DAMPING, Token, in_scope

_EXCLAMATION = 0.292  # VADER's empirical emphasis per "!", up to four
_PURPOSE_WORDS = 6  # the longest purpose clause after a wait that is claimed with it
_DETERMINERS = lx.words("a an the our their my his her your its this that these those")
_CLAUSE_WORDS = (
    lx.CONTRAST_WORDS
    | lx.CONCESSION_WORDS
    | lx.CLAUSE_CONTRAST_WORDS
    | {"even", "said", "reality", "practice"}
)


@dataclass(slots=True)
class Reading:
    """Rule hits over a comment, and the words no rule claimed, grouped by clause weight."""

    hits: list[Hit] = field(default_factory=list)
    leftover: list[tuple[float, list[str]]] = field(default_factory=list)
    # Valence read in the clause that decides ("A but B": B), when there is a contrast.
    deciding: float = 0.0

    @property
    def valence(self) -> float:
        """Sum of the hits' valences (VADER scale)."""
        return sum(hit.valence for hit in self.hits)


def clause_weights(words: list[str], tokens: list[Token]) -> list[float]:
    """0.5 before "but" and 1.5 after it; 0.5 inside an "although ..." clause, 1.5 outside.

    A concession word after a clause break ("fine, though it lands late", "good effort
    even if half is out of date") opens the clause that decides, like "but".
    """
    weights = [1.0] * len(words)
    if _CLAUSE_WORDS.isdisjoint(words):
        return weights
    last = len(words) - 1
    for i, word in enumerate(words):
        after_break = i > 0 and tokens[i - 1].boundary
        contrast = (
            word in lx.CONTRAST_WORDS
            or (word in lx.CLAUSE_CONTRAST_WORDS and after_break)
            or (word in lx.LATE_CONCESSION_WORDS and i > 1 and after_break)
            or (word == "even" and i > 1 and i < last and words[i + 1] in {"if", "though"})
            # "Rough week. That said, the team recovered well."
            or (word == "said" and i > 1 and words[i - 1] == "that" and tokens[i - 2].boundary)
            # "Fine on paper; in practice nothing has moved."
            or (
                word in {"reality", "practice"}
                and i > 1
                and words[i - 1] == "in"
                and tokens[i - 2].boundary
            )
        )
        if contrast and 0 < i < last:
            # "shame", "pity" carry the verdict themselves; "but" only points at it.
            own = 1.5 if word in lx.CLAUSE_CONTRAST_WORDS and word in lx.SERVICE_VERDICTS else 1.0
            return [0.5] * i + [own] + [1.5] * (last - i)
        if word in lx.CONCESSION_WORDS and i < last:
            end = i
            while end < last and not tokens[end].boundary:
                end += 1
            if end == last and i == 0:
                return weights
            return [0.5 if i <= j <= end else 1.5 for j in range(len(words))]
    return weights


def _shape(
    valence: float, tokens: list[Token], words: list[str], i: int, all_caps: bool, scope: list[int]
) -> tuple[float, bool]:
    """Apply capitals, degree words, excess, counterfactuals and negation before position i.

    `scope` is `in_scope(tokens, i)`, which the caller has at hand.

    Returns:
        The shaped valence, and whether a rule TextBlob lacks (excess, counterfactual)
        changed the word's meaning, in which case TextBlob must not read that word.
    """
    if tokens[i].caps and not all_caps:
        valence += lx.CAPS_BOOST if valence > 0 else -lx.CAPS_BOOST
    # One walk over the scope: degree words, and whether an excess word is among the two
    # nearest, "been" is there (a counterfactual may be) and a negator is.
    excess = been = negated = False
    for distance, j in enumerate(scope):
        word = words[j]
        degree = lx.INTENSIFIERS.get(word)
        if word in lx.EXCESS_WORDS:
            excess = excess or distance < 2
            if valence < 0:
                degree = lx.INTENSIFIERS["very"]
        if degree is not None:
            step = degree * DAMPING[distance]
            if tokens[j].caps and not all_caps:
                step += lx.CAPS_BOOST if degree > 0 else -lx.CAPS_BOOST
            valence += step if valence > 0 else -step
        been = been or word == "been"
        negated = negated or tokens[j].negator
    if excess and valence > 0:
        return valence * lx.NEGATION_SCALAR, True  # "not too cute" is no compliment either
    counterfactual = been and _counterfactual(words, tokens, scope)
    if counterfactual:
        valence *= lx.NEGATION_SCALAR
    if negated:
        valence *= lx.NEGATION_SCALAR
    return valence, excess or counterfactual


def _counterfactual(words: list[str], tokens: list[Token], scope: list[int]) -> bool:
    """ "should have been on time", "could've been worse": the modal past of a verdict.

    `scope` is `in_scope(tokens, i)` of the verdict's position i.
    """
    before = [words[j] for j in scope]
    if "been" not in before:
        return False
    # Two more words before the earliest one in scope: "should not have been".
    before += [words[j] for j in in_scope(tokens, scope[-1])][:2]
    return any(word in lx.COUNTERFACTUAL_MODALS for word in before)


def _leftover(
    tokens: list[Token], claimed: list[bool], weights: list[float]
) -> list[tuple[float, list[str]]]:
    """Unclaimed words per clause, with "don't" split so TextBlob sees its negation."""
    if weights[0] == weights[-1] == 1.0:  # no contrast: one clause
        pairs = zip(tokens, claimed, strict=True)
        group = [part for token, taken in pairs if not taken for part in token.parts]
        return [(1.0, group)] if group else []
    groups: list[tuple[float, list[str]]] = []
    for token, taken, weight in zip(tokens, claimed, weights, strict=True):
        if not groups or groups[-1][0] != weight:
            groups.append((weight, []))
        if not taken:
            groups[-1][1].extend(token.parts)
    return [(weight, group) for weight, group in groups if group]


# The multi-word rules tried after the service phrases, in order, with their names.
_MATCHERS = (("hedge", match_hedge), ("obligation", match_obligation), ("waiting", match_duration))


def _purpose_end(tokens: list[Token], start: int) -> int:
    """Where the purpose clause after a wait ends ("took nine days | to open one port"),
    or start when none follows.

    What was waited for is not praise: in "takes too long to get a straight answer" the
    straight answer is what did not come.
    """
    if start + 1 >= len(tokens) or tokens[start].word != "to" or tokens[start - 1].boundary:
        return start
    if tokens[start + 1].word in _DETERMINERS:
        return start  # "lost the morning to a broken build": a cause, not a purpose
    end = start + 1
    while end < len(tokens) and end - start < _PURPOSE_WORDS and not tokens[end - 1].boundary:
        end += 1
    return end


def _word_rule(word: str) -> str:
    """Which lexicon a single word's valence came from, for explanations."""
    return "service event" if word in lx.SERVICE_EVENTS else "lexicon"


def read(tokens: list[Token], cues: list[Cue] | None = None) -> Reading:
    """Hits (VADER scale) of lexicon words, phrases, patterns and cues; words left for TextBlob.

    Cues are counted first and claim their words, which are then not read one by one.
    """
    words = [token.word for token in tokens]
    if not words:
        return Reading()
    lexicon = lx.combined_lexicon()
    all_caps = all(token.caps for token in tokens if token.word.isalpha())
    weights = clause_weights(words, tokens)
    repeated = not lx.REPETITION_WORDS.isdisjoint(words)
    claimed = [word in lx.COURTESY_WORDS for word in words]
    reading = Reading()
    for cue in cues or ():
        phrase = " ".join(words[cue.start : cue.end])
        reading.hits.append(Hit(cue.rule, phrase, cue.valence * weights[cue.start]))
        if weights[cue.start] > 1.0:
            reading.deciding += cue.valence
        claimed[cue.start : cue.end] = [True] * (cue.end - cue.start)
        if cue.rule == "waiting":
            purpose = _purpose_end(tokens, cue.end)
            claimed[cue.end : purpose] = [True] * (purpose - cue.end)
    count = len(words)
    end = 0
    # Only words with a lexicon valence or that may open a pattern can produce a hit.
    for i in [i for i, token in enumerate(tokens) if token.valence or token.starter]:
        if i < end or claimed[i]:
            continue
        token, word = tokens[i], words[i]
        rule = "phrase"
        matched: tuple[int, float] | None = None
        shaped = False
        if token.starter:
            matched = match_phrase(words, i)
            shaped = matched is not None
            for name, match in _MATCHERS:
                if matched is None:
                    matched, rule = match(words, i), name
            if matched is None:
                matched, rule = match_silence(words, tokens, i), "silence"
            if matched is not None and any(claimed[i : matched[0]]):
                # A cue has read part of it already: in "waiting for three weeks" the
                # wait is the cue's "for three weeks", not a second wait.
                matched, rule, shaped = None, "phrase", False
            if matched is not None and rule == "phrase" and "if" in words[max(0, i - 3) : i]:
                # "shout if any dates don't work": a condition, not an event.
                matched, shaped = None, False
        valence = 0.0
        if matched is not None:
            end, valence = matched
            if rule == "waiting":
                end = _purpose_end(tokens, end)
            if shaped:
                valence, _ = _shape(valence, tokens, words, i, all_caps, in_scope(tokens, i))
            claimed[i:end] = [True] * (end - i)
        else:
            end = i + 1
            if not token.valence:
                continue
            if token.valence < 0 and end < count and words[end] in lx.PROCESS_NAMES:
                # "backlog review", "incident bridge", "defect triage": the name of a
                # meeting or a document, not an event.
                continue
            rule = _word_rule(word)
            modifies_next = (
                word in lx.INTENSIFIERS
                and end < count
                and (tokens[end].valence or words[end] in lexicon or words[end] in lx.INTENSIFIERS)
            )
            if not token.negator and not modifies_next:
                scope = in_scope(tokens, i)
                valence, claimed[i] = _shape(token.valence, tokens, words, i, all_caps, scope)
                # Degree words are already counted; TextBlob scores some of them
                # as opinions of their own ("extremely" is -0.125 there).
                for j in scope:
                    claimed[j] = claimed[j] or words[j] in lx.INTENSIFIERS
        if valence:
            if repeated and valence < 0:
                valence *= lx.REPETITION_BOOST
            reading.hits.append(Hit(rule, " ".join(words[i:end]), valence * weights[i]))
            if weights[i] > 1.0:
                reading.deciding += valence
    reading.leftover = _leftover(tokens, claimed, weights)
    return reading


def emphasis(text: str, valence: float) -> Hit | None:
    """Each "!" (up to four) pushes a reading that has a sign further the same way."""
    marks = min(text.count("!"), 4)
    if not valence or not marks:
        return None
    return Hit("emphasis", "!" * marks, marks * _EXCLAMATION * (1 if valence > 0 else -1))
