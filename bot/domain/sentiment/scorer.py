"""Service-feedback scorer: Slack markup, service-event rules and TextBlob, blended.

Why two libraries. TextBlob's pattern analyzer reads adjectives ("slow", "great") well
and averages them, but it has no idea of events ("missed the SLA", "escalated"), of
"but", or of hedged complaints ("could be better" scores +0.5). VADER's lexicon
(about 7,500 human-rated words and emoticons, shipped inside the vaderSentiment wheel,
no download) covers verbs and nouns and slang; its rules for negation, degree words,
capitals and "!" are reimplemented here over that lexicon plus a service-event
lexicon, so the same rules apply to "not late" as to "not good". The two readings
disagree in useful ways, so the result is a weighted average with one vote per
lexicon: rules 2/3 and TextBlob 1/3 when a service event or pattern was read, rules
0.55 and TextBlob 0.45 when the rules saw only general words; when only one of them
found any opinion, that one is used alone, since averaging with a silent reader would
only pull every verdict towards neutral; beside an account event, TextBlob reading only
neutral, objective words is silent too. Words a rule has re-read (hedges, "too
cute", "should have been fixed", service phrases) are hidden from TextBlob, which
would read them literally.
"""

from __future__ import annotations

from bot.domain.sentiment.contribution import Contribution
from bot.domain.sentiment.cues import find_cues
from bot.domain.sentiment.hits import Hit
from bot.domain.sentiment.markup import clean
from bot.domain.sentiment.result import Sentiment, label_for
from bot.domain.sentiment.rules import emphasis, read
from bot.domain.sentiment.sarcasm import celebration_turned, turn
from bot.domain.sentiment.stance import errand_marker, stance_marker
from bot.domain.sentiment.textblob_reader import pattern_sentiment
from bot.domain.sentiment.tokens import tokenize
from bot.domain.sentiment.verdict import damp, norm, settle_contrast

# One vote per lexicon: the rule reader carries two (VADER's general words and the
# service events), TextBlob's pattern lexicon one.
_RULES_WEIGHT = 2 / 3
# With no service event or pattern, the rules read only VADER's general words: about
# one lexicon's vote against TextBlob's one (a little more, for VADER's negation,
# degree, emphasis and emoji rules, which TextBlob lacks).
_GENERAL_WEIGHT = 0.55
_GENERAL_RULES = frozenset({"lexicon"})
# TextBlob's reading when every word it knows is neutral and objective ("the board has
# asked procurement to ... next year"): beside an account event that is silence, not a
# vote for neutral. Beside general words alone it still counts: there it tempers what
# VADER's words make of ordinary prose.
_NO_OPINION = (0.0, 0.0)
# Rules that find a stance whatever the grammar: a question or a dated note that
# carries one is not neutral ("third reminder: where is the report?").
_STANCE_RULES = frozenset(
    {
        *("waiting", "chasing", "repeated", "own work", "threat", "paralysis", "careless"),
        *(
            "improvement",
            "worse figures",
            "value",
            "no bad news",
            "sarcasm",
            "scare quotes",
            "faint praise",
        ),
        *("silence", "hedge", "obligation", "phrase"),
        *("heroics", "polite complaint", "impact"),
    }
)
# Opinion words strong enough that a comment with one is not an errand ("love", "awful").
_STRONG_WORD = 2.0
_STRONG_TEXTBLOB = 0.5
_STRONG_WORD_IN_ASK = 2.5
# Requests and notices in account chat are short; a longer text with a date or a
# question in it is prose that says what it thinks (editorials, reviews).
_CHAT_LENGTH = 30


def _textblob_reading(leftover: list[tuple[float, list[str]]]) -> tuple[float, float] | None:
    """TextBlob polarity and subjectivity of the unclaimed words, clause-weighted."""
    polarity = subjectivity = total = 0.0
    for weight, words in leftover:
        score = pattern_sentiment(words)
        if score.assessed:
            polarity += weight * score.polarity
            subjectivity += weight * score.subjectivity
            total += weight
    if total == 0.0:
        return None
    return polarity / total, subjectivity / total


def _takes_stance(hits: list[Hit], textblob: tuple[float, float] | None, ask: bool) -> bool:
    """Whether a rule found an event, a pattern or a strong opinion word.

    Then no question mark, date or "please" makes the comment neutral: "third reminder:
    where is the report?" is a complaint, "the launch will be amazing" an opinion. A
    question or request needs an event or pattern, or a very strong word ("awful"):
    "can you share the latest version?" and "quick question: ..." are errands.
    """
    if ask:
        # "Is the renewal on track?": a hopeful phrase in a question is no verdict.
        return any(
            (hit.rule in _STANCE_RULES and not (hit.rule == "phrase" and hit.valence > 0))
            or abs(hit.valence) >= _STRONG_WORD_IN_ASK
            for hit in hits
        )
    return (textblob is not None and abs(textblob[0]) >= _STRONG_TEXTBLOB) or any(
        hit.rule in _STANCE_RULES
        or abs(hit.valence) >= _STRONG_WORD
        or (hit.rule == "service event" and abs(hit.valence) >= 1.0)
        for hit in hits
    )


def _score(text: str) -> tuple[Sentiment, list[Contribution]]:
    """The sentiment of one comment and every rule's share of its polarity."""
    plain = clean(text)
    tokens = tokenize(plain.text)
    cues = find_cues(tokens)
    reading = read(tokens, cues)
    hits = reading.hits
    leftover = reading.leftover
    turned = turn(plain.text, hits, plain.eye_rolls)
    deciding = reading.deciding
    if turned is not None:
        hits, leftover, deciding = turned, [], 0.0  # TextBlob would read the surface literally
    # Without a "!" or an emoji (most comments) neither step has anything to add.
    stress = emphasis(plain.text, sum(h.valence for h in hits)) if "!" in plain.text else None
    hits = [*hits, *([stress] if stress else [])]
    if plain.emoji:
        hits += celebration_turned(
            [Hit("emoji", name, v) for v, name in zip(plain.emoji, plain.emoji_names, strict=True)],
            sum(h.valence for h in hits if h.valence < 0),
            plain.text,
        )
    valence = sum(hit.valence for hit in hits)
    divisor = norm(valence)
    textblob = _textblob_reading(leftover)
    if not valence and textblob is None:
        return Sentiment(0.0, 0.0, label_for(0.0)), []
    events = any(hit.rule not in _GENERAL_RULES for hit in hits)
    if events and textblob == _NO_OPINION:
        textblob = None
    rules_weight = (
        1.0
        if textblob is None
        else 0.0
        if not valence
        else _RULES_WEIGHT
        if events
        else _GENERAL_WEIGHT
    )
    contributions = [
        Contribution(h.rule, h.phrase, rules_weight * h.valence / divisor) for h in hits
    ]
    polarity = rules_weight * valence / divisor
    if textblob is None:
        subjectivity = abs(polarity)
    else:
        polarity += (1 - rules_weight) * textblob[0]
        subjectivity = textblob[1]
        words = " ".join(w for _, group in leftover for w in group)
        contributions.append(Contribution("textblob", words, (1 - rules_weight) * textblob[0]))
    polarity, settled = settle_contrast(polarity, deciding)
    contributions += settled
    marker = None
    # An ask needs the most to take a stance; when even that holds, no marker matters.
    if len(tokens) <= _CHAT_LENGTH and not _takes_stance(hits, textblob, True):
        found = stance_marker(plain.text)
        if found is not None and (found[0] == "ask" or not _takes_stance(hits, textblob, False)):
            marker = found[1]
    elif len(tokens) <= _CHAT_LENGTH:
        # "Happy to walk you through it": the offer's own words are no verdict.
        errand = errand_marker(plain.text)
        if errand and not _takes_stance([h for h in hits if h.phrase not in errand], None, True):
            marker = errand
    polarity, damped = damp(polarity, marker)
    contributions += damped
    polarity = max(-1.0, min(1.0, polarity))
    subjectivity = max(0.0, min(1.0, subjectivity))
    return Sentiment(polarity, subjectivity, label_for(polarity)), contributions


def score_text(text: str) -> Sentiment:
    """Score one comment (Slack markup allowed); the same function backs `rapport score`."""
    return _score(text)[0]


def explain_text(text: str) -> tuple[Sentiment, list[Contribution]]:
    """Score one comment and list what moved it: each rule, the words it read, its effect.

    The effects add up to the polarity (before clamping to -1..1): the rule reading's
    share is split between its hits in proportion to their valences, TextBlob's share
    is one entry, and a request or announcement's damping is one entry.
    """
    return _score(text)
