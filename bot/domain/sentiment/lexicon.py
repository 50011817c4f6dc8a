"""Word lists: VADER's general lexicon plus the service-event lexicon and rule vocabularies."""

from __future__ import annotations

from functools import cache
from importlib import resources

from vaderSentiment.vaderSentiment import (
    B_DECR,
    B_INCR,
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
)

from bot.domain.sentiment.service_lexicon import SERVICE_EVENTS as SERVICE_EVENTS
from bot.domain.sentiment.service_lexicon import SERVICE_PHRASES as SERVICE_PHRASES

VADER_PACKAGE = "vaderSentiment"


def words(text: str) -> frozenset[str]:
    """A word set written as one space-separated string."""
    return frozenset(text.split())


# Things a client expects to receive; "no"/"never"/"without" in front of one is a complaint.
EXPECTED_SERVICE: frozenset[str] = words(
    "reply replies response responses answer answers update updates feedback callback "
    "acknowledgement acknowledgment eta estimate ownership documentation docs notice "
    "warning heads-up communication visibility follow-up followup help support explanation "
    "justification rationale"
)

NEGATORS: frozenset[str] = frozenset(NEGATE) | {"no", "nobody", "neither", "lack"}

# Degree adverbs; VADER's list with the ones service chat uses that it lacks.
INTENSIFIERS: dict[str, float] = {
    **{word: float(v) for word, v in BOOSTER_DICT.items() if " " not in word},
    "super": B_INCR,
    "way": B_INCR,
    "painfully": B_INCR,
    "insanely": B_INCR,
    "ridiculously": B_INCR,
    "seriously": B_INCR,
    "terribly": B_INCR,
    "horribly": B_INCR,
    "consistently": B_INCR,
    "much": B_INCR,
    "bit": B_DECR,
}
NEGATION_SCALAR: float = N_SCALAR
# "too" before a good word turns it into a fault ("too manipulative" is already bad,
# "too cute" becomes bad); before a bad word it only intensifies.
EXCESS_WORDS: frozenset[str] = frozenset({"too", "overly", "excessively"})
# "should have been fixed": a counterfactual says the opposite of what happened.
COUNTERFACTUAL_MODALS: frozenset[str] = words(
    "should could would might must should've could've would've might've must've "
    "shouldn't couldn't wouldn't"
)
CAPS_BOOST: float = C_INCR

# Contrast: "A but B" weighs B over A (VADER's 0.5 / 1.5); a concession
# ("although A, B") weighs its own clause down the same way.
CONTRAST_WORDS: frozenset[str] = frozenset({"but", "however", "nevertheless", "nonetheless"})
CONCESSION_WORDS: frozenset[str] = frozenset({"although", "though", "despite"})
# "yet" is a contrast only after a clause break: "responsive, yet the fixes drag".
CLAUSE_CONTRAST_WORDS: frozenset[str] = frozenset({"yet", "whereas", "shame", "pity"})
SERVICE_VERDICTS: frozenset[str] = frozenset({"shame", "pity"})
# "fine, though it lands late": after a clause break these open the deciding clause.
LATE_CONCESSION_WORDS: frozenset[str] = frozenset({"though", "although"})

# Hedged complaints: "could be (a lot) better", "should have been faster".
HEDGE_MODALS: frozenset[str] = frozenset({"could", "should", "would", "might", "needs", "need"})
HEDGE_COMPARATIVES: frozenset[str] = words(
    "better faster quicker clearer smoother sooner earlier tighter stronger simpler easier "
    "improved improve more"
)

# "again", "yet another": a repeated failure is worse than a single one.
REPETITION_WORDS: frozenset[str] = frozenset(
    {"again", "another", "repeatedly", "constantly", "always", "twice", "still", "usual"}
)
REPETITION_BOOST: float = 1.3

DURATION_UNITS: dict[str, float] = {
    "minute": -0.3,
    "minutes": -0.3,
    "hour": -0.6,
    "hours": -0.8,
    "day": -1.0,
    "days": -1.3,
    "week": -1.5,
    "weeks": -1.8,
    "month": -2.0,
    "months": -2.2,
    "ages": -2.0,
    "long": -1.5,
    "forever": -2.2,
    "eternity": -2.2,
    "year": -2.2,
    "years": -2.3,
}
WAITING_VERBS: frozenset[str] = words(
    "took take takes taking waited wait waiting waits spent needed"
)
# Nouns that make a problem word before them the name of a process or a document.
# Courtesies that a reader takes for praise ("kindly" is +0.6 in TextBlob, "please" +1.3
# in VADER): in account chat they open a request, often a complaint ("kindly note ...
# still unanswered", "please prepare the exit plan"). "Honestly" and "frankly" announce
# a verdict of either sign ("honestly, the delivery was a disaster").
COURTESY_WORDS: frozenset[str] = words("kindly honestly frankly please")
PROCESS_NAMES: frozenset[str] = words(
    "review reviews meeting meetings bridge triage matrix path process procedure "
    "template form policy contacts management plan dashboard register log tracker "
    "channel rota workshop playbook runbook pack refinement grooming"
)
QUANTITIES: frozenset[str] = words(
    "a an one two three four five six seven eight nine ten eleven twelve several few "
    "couple many multiple"
)
# Words that can open a service phrase, hedge, obligation, duration or silence; with
# "n't" words and digits, the only places the multi-word matchers need to be tried.
PATTERN_STARTERS: frozenset[str] = frozenset(
    (
        *(phrase[0] for phrase in SERVICE_PHRASES),
        *HEDGE_MODALS,
        *("couldnt", "wouldnt", "shouldnt", "should", "should've"),
        *WAITING_VERBS,
        *QUANTITIES,
        *NEGATORS,
        "zero",
    )
)


@cache
def general_lexicon() -> dict[str, float]:
    """VADER's human-rated lexicon (shipped inside the vaderSentiment wheel), loaded once."""
    text = resources.files(VADER_PACKAGE).joinpath("vader_lexicon.txt").read_text("utf-8")
    lexicon: dict[str, float] = {}
    for line in text.splitlines():
        word, _, rest = line.partition("\t")
        if rest:
            lexicon[word] = float(rest.split("\t", 1)[0])
    return lexicon


@cache
def combined_lexicon() -> dict[str, float]:
    """General lexicon with the service events laid over it (domain meaning wins)."""
    return {**general_lexicon(), **SERVICE_EVENTS}
