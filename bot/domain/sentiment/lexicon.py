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

VADER_PACKAGE = "vaderSentiment"


def words(text: str) -> frozenset[str]:
    """A word set written as one space-separated string."""
    return frozenset(text.split())


# Valences use VADER's scale (-4..+4, human-rated means) so that domain words and
# general words add up on the same footing. Values below were set by comparison with
# VADER neighbours of similar strength ("missed" next to "failed", "outage" next to
# "broken"), not fitted to any evaluation set.
SERVICE_EVENTS: dict[str, float] = {
    # Missed commitments and delay.
    "missed": -1.8,
    "miss": -1.4,
    "misses": -1.6,
    "missing": -1.2,
    "late": -1.5,
    "lateness": -1.6,
    "overdue": -1.8,
    "delay": -1.6,
    "delays": -1.6,
    "delayed": -1.6,
    "delaying": -1.5,
    "slipped": -1.4,
    "slipping": -1.4,
    "slippage": -1.5,
    "postponed": -1.2,
    "slow": -1.5,
    "slower": -1.6,
    "slowest": -1.8,
    "slowly": -1.1,
    "sluggish": -1.6,
    "behind": -0.6,
    "overrun": -1.6,
    "overruns": -1.6,
    "overbudget": -1.7,
    "noshow": -2.0,
    "no-show": -2.0,
    "no-shows": -2.0,
    # Escalation, breakdowns and rework.
    "escalate": -1.8,
    "escalated": -1.8,
    "escalating": -1.8,
    "escalation": -1.8,
    "escalations": -1.9,
    "outage": -2.5,
    "outages": -2.5,
    "downtime": -2.0,
    "incident": -1.2,
    "incidents": -1.3,
    "breach": -2.2,
    "breached": -2.2,
    "breaches": -2.2,
    "regression": -1.8,
    "regressions": -1.8,
    "rework": -1.6,
    "reworked": -1.4,
    "redo": -1.3,
    "reopened": -1.4,
    "rollback": -1.2,
    "backlog": -1.0,
    "backlogs": -1.0,
    "bug": -0.8,
    "bugs": -1.0,
    "buggy": -1.8,
    "crash": -2.0,
    "crashed": -2.0,
    "crashes": -2.0,
    "crashing": -2.0,
    "down": -0.6,
    "blocker": -1.5,
    "blockers": -1.5,
    "blocked": -1.4,
    "stuck": -1.5,
    "unresponsive": -2.0,
    "unreachable": -1.8,
    "unanswered": -1.7,
    "ignored": -1.8,
    "chasing": -1.3,
    "chased": -1.2,
    "nagging": -1.4,
    "firefighting": -1.6,
    "understaffed": -1.8,
    "turnover": -0.9,
    "attrition": -1.1,
    "churn": -1.2,
    "workaround": -0.5,
    "workarounds": -0.6,
    "hotfix": -0.4,
    "sloppy": -2.0,
    "unclear": -1.1,
    "vague": -1.2,
    "inconsistent": -1.4,
    "unreliable": -2.0,
    "flaky": -1.6,
    "defects": -1.4,
    "defect": -1.3,
    "penalty": -1.4,
    "penalties": -1.5,
    "issue": -0.6,
    "issues": -0.8,
    # Names of departments, not verdicts: "thanks, support team" praises nobody twice.
    "support": 0.0,
    "helpdesk": 0.0,
    # Delivered commitments.
    "fixed": 1.2,
    "fix": 0.6,
    "fixes": 0.8,
    "resolved": 1.6,
    "solved": 1.6,
    "shipped": 1.2,
    "delivered": 1.4,
    "responsive": 1.6,
    "proactive": 1.8,
    "proactively": 1.7,
    "prompt": 1.3,
    "promptly": 1.4,
    "quick": 1.2,
    "quickly": 1.2,
    "fast": 1.1,
    "faster": 1.2,
    "speedy": 1.4,
    "smooth": 1.5,
    "smoothly": 1.5,
    "seamless": 1.8,
    "reliable": 1.7,
    "stable": 1.2,
    "thorough": 1.4,
    "transparent": 1.3,
    "accountable": 1.2,
    "unblocked": 1.3,
    "works": 1.0,
    "unblocking": 1.2,
    "streamlined": 1.3,
}

# Multi-word events, matched on lower-cased tokens before single words are looked up.
SERVICE_PHRASES: dict[tuple[str, ...], float] = {
    ("on", "time"): 1.4,
    ("on", "schedule"): 1.4,
    ("on", "track"): 1.2,
    ("ahead", "of", "schedule"): 2.0,
    ("behind", "schedule"): -1.8,
    ("under", "control"): 1.6,
    ("out", "of", "control"): -2.0,
    ("no", "show"): -2.0,
    ("over", "budget"): -1.7,
    ("on", "budget"): 1.0,
    ("dropped", "the", "ball"): -2.2,
    ("drop", "the", "ball"): -2.0,
    ("fell", "through", "the", "cracks"): -2.0,
    ("above", "and", "beyond"): 2.6,
    ("went", "down"): -1.8,
    ("goes", "down"): -1.6,
    ("up", "and", "running"): 1.3,
    ("still", "waiting"): -1.8,
    ("kept", "waiting"): -1.8,
    ("no", "response"): -1.8,
    ("no", "reply"): -1.8,
    ("no", "answer"): -1.6,
    ("no", "update"): -1.4,
    ("no", "updates"): -1.4,
    ("heard", "nothing"): -1.8,
    ("radio", "silence"): -2.0,
    ("thanks", "for", "nothing"): -2.5,
    ("thank", "you", "for", "nothing"): -2.5,
    ("room", "for", "improvement"): -1.2,
    ("needs", "improvement"): -1.4,
    ("need", "improvement"): -1.4,
    ("leaves", "a", "lot", "to", "be", "desired"): -2.2,
    ("left", "a", "lot", "to", "be", "desired"): -2.2,
    ("bug", "fix"): 0.0,
    ("bug", "fixes"): 0.0,
    ("root", "cause"): 0.0,
    ("follow", "up"): 0.0,
    ("no", "problem"): 1.2,
    ("no", "problems"): 1.2,
    ("no", "issues"): 1.2,
    ("no", "worries"): 1.0,
    # Excess with no sentiment word to lean on: "takes too long", "too many tickets".
    ("is", "down"): -1.8,
    ("was", "down"): -1.8,
    ("are", "down"): -1.8,
    ("were", "down"): -1.8,
    ("showed", "up"): 1.0,
    ("show", "up"): 1.0,
    ("turned", "up"): 1.0,
    ("too", "long"): -1.3,
    ("too", "many"): -1.0,
    ("too", "much"): -1.0,
    ("too", "often"): -1.0,
}

# Things a client expects to receive; "no"/"never"/"without" in front of one is a complaint.
EXPECTED_SERVICE: frozenset[str] = words(
    "reply replies response responses answer answers update updates feedback callback "
    "acknowledgement acknowledgment eta estimate ownership documentation docs notice "
    "warning heads-up communication visibility follow-up followup help support"
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
