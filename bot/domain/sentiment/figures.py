"""Which way a figure moved, and whether that way is good for the thing measured.

"Backlog down to 40" is good news and "CSAT down to 71" bad: the verb gives the
direction, the metric word nearest to it (the head of "error rate", "handle time")
says whether more is better. "from 40 to 12" gives its direction by the numbers.
"""

from __future__ import annotations

import re

from bot.domain.sentiment.lexicon import words

HIGHER_IS_BETTER: frozenset[str] = words(
    "csat nps satisfaction quality accuracy uptime availability resolution first-contact "
    "fcr score scores coverage automation adoption productivity utilisation utilization "
    "retention savings collections cash compliance attendance engagement throughput "
    "morale sla-compliance on-time-delivery straight-through touchless hit first-time "
    "accuracy yield velocity"
)
LOWER_IS_BETTER: frozenset[str] = words(
    "backlog backlogs time times aht handle wait waits queue queues cost costs price "
    "prices fees fee estimate estimates bill bills spend abandon abandonment abandoned "
    "debt aged overdue tickets calls complaints churn attrition turnover dso dpo errors "
    "error defects defect incidents incident breaches outages downtime escalations rework "
    "exceptions variances write-offs latency minutes hours days weeks months seconds "
    "mins hrs failures bugs issues delays penalties overtime reopens reopened duplicates "
    "misses headcount unmatched unreconciled aging ageing ticket call quote quotes "
    "quotation rate-card"
)
_COUNTS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
)
_NUMBER_WORDS = {word: float(i) for i, word in enumerate(_COUNTS.split())}
_NUMBER_WORDS |= {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
_NUMBER_WORDS |= {"eighty": 80, "ninety": 90, "hundred": 100, "half": 0.5}
_FIGURE = re.compile(r"^\d[\d,]*(?:\.\d+)?")
# Words that carry no metric meaning between a metric and its verb.
_SKIP = words("is are was were has have had been now the our their its rate rates level")


def number(word: str) -> float | None:
    """A count written in figures ("1,200", "45%") or words ("nineteen"), else None."""
    match = _FIGURE.match(word)
    if match:
        return float(match.group(0).replace(",", ""))
    return _NUMBER_WORDS.get(word)


def metric_sign(words_: list[str], verb: int, start: int, end: int) -> int:
    """+1 if more of the measured thing is better, -1 if less is, 0 if no metric is named.

    The nearest metric word before the verb decides ("error rate fell": error); if
    there is none, the first one after it ("down to five minutes": minutes).
    """
    for j in range(verb - 1, start - 1, -1):
        word = words_[j]
        if word in HIGHER_IS_BETTER:
            return 1
        if word in LOWER_IS_BETTER:
            return -1
    for j in range(verb + 1, end):
        word = words_[j]
        if word in HIGHER_IS_BETTER:
            return 1
        if word in LOWER_IS_BETTER:
            return -1
    return 0


def from_to_direction(words_: list[str], start: int, end: int) -> int:
    """+1 or -1 as "from A to B" rises or falls, 0 if the two figures are not both read."""
    figures: list[float] = []
    for j in range(start, end):
        if words_[j] in {"from", "to"} and j + 1 < end:
            value = number(words_[j + 1].rstrip(",%"))
            if value is not None:
                figures.append(value)
    if len(figures) < 2 or figures[0] == figures[1]:
        return 0
    return 1 if figures[1] > figures[0] else -1
