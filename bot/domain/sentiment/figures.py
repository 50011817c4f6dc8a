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
    "morale sla-compliance on-time-delivery straight-through touchless hit first-time otif "
    "in-full picking adherence "
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
    "quotation rate-card bug query queries complaint effort chasing admin leakage failed "
    "damages mis-ships variance shrinkage attrition occupancy transfers recontacts "
    "vulnerabilities findings energy emissions consumption"
)
_COUNTS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
)
_NUMBER_WORDS = {word: float(i) for i, word in enumerate(_COUNTS.split())}
_NUMBER_WORDS |= {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
_NUMBER_WORDS |= {"eighty": 80, "ninety": 90, "hundred": 100, "half": 0.5}
_FIGURE = re.compile(r"^\d[\d,]*(?:\.\d+)?")
# An amount of money: "R4.2m", "$850k", "eur1.1bn" (a bare "5m" is five minutes).
_AMOUNT = re.compile(r"^(?:[$€£]|r|usd|eur|gbp)(\d[\d,]*(?:\.\d+)?)(k|m|bn)?$")
_SCALE = {"": 1.0, "k": 1e3, "m": 1e6, "bn": 1e9}
# Words that carry no metric meaning between a metric and its verb.
_SKIP = words("is are was were has have had been now the our their its rate rates level")


def number(word: str) -> float | None:
    """A count written in figures ("1,200", "45%") or words ("nineteen"), else None."""
    match = _FIGURE.match(word)
    if match:
        return float(match.group(0).replace(",", ""))
    amount = _AMOUNT.match(word)
    if amount:
        return float(amount.group(1).replace(",", "")) * _SCALE[amount.group(2) or ""]
    return _NUMBER_WORDS.get(word)


# Metrics named by two words whose second word alone names none: "service level".
_PAIRED_METRICS = {("service", "level"): 1, ("service", "levels"): 1}


def metric_at(words_: list[str], j: int) -> int:
    """+1 if the word at j names a metric where more is better, -1 if less is, else 0."""
    word = words_[j]
    if word in HIGHER_IS_BETTER:
        return 1
    if word in LOWER_IS_BETTER:
        return -1
    return _PAIRED_METRICS.get((words_[j - 1], word), 0) if j > 0 else 0


def metric_sign(words_: list[str], verb: int, start: int, end: int) -> int:
    """+1 if more of the measured thing is better, -1 if less is, 0 if no metric is named.

    The nearest metric word before the verb decides ("error rate fell": error); if
    there is none, the first one after it ("down to five minutes": minutes).
    """
    for j in range(verb - 1, start - 1, -1):
        if sign := metric_at(words_, j):
            return sign
    for j in range(verb + 1, end):
        if sign := metric_at(words_, j):
            return sign
    return 0


def from_to_direction(words_: list[str], start: int, end: int) -> int:
    """+1 or -1 as "from A to B" rises or falls, 0 if the two figures are not both read."""
    figures: list[tuple[float, float]] = []
    for j in range(start, end):
        if words_[j] in {"from", "to"} and j + 1 < end:
            found = _figure_at(words_, j + 1)
            if found is not None:
                figures.append(found)
    if len(figures) < 2:
        return 0
    return _compare(figures[1], figures[0])


def _compare(now: tuple[float, float], then: tuple[float, float]) -> int:
    """+1 if now is the larger figure, -1 if the smaller; a figure without a unit takes
    the other's ("from 3 days to 4 hours" fell, "from 40 to 12 minutes" too)."""
    unit = now[1] or then[1] or 1.0
    current, earlier = now[0] * (now[1] or unit), then[0] * (then[1] or unit)
    if current == earlier:
        return 0
    return 1 if current > earlier else -1


# Words that name the earlier figure: "2, before it was 9", "4 days (last week 9)".
THEN_WORDS: frozenset[str] = words(
    "instead used earlier before previously compared against last ago was contract "
    "contracted sla target agreed committed"
)
# Words that introduce the figure now after the earlier one or the target: "used to be
# 25, now 4", "the SLA says 99.5%; we had 96.1%".
_NOW_WORDS = words("now had got achieved actual delivered")
# A figure's unit in minutes, so that "ten minutes instead of half a day" compares.
_MINUTES = {
    "second": 1 / 60, "seconds": 1 / 60, "sec": 1 / 60, "secs": 1 / 60,
    "minute": 1.0, "minutes": 1.0, "min": 1.0, "mins": 1.0,
    "hour": 60.0, "hours": 60.0, "hr": 60.0, "hrs": 60.0, "h": 60.0,
    "day": 1440.0, "days": 1440.0, "week": 10080.0, "weeks": 10080.0,
    "month": 43200.0, "months": 43200.0,
}  # fmt: skip
# Counts said in words that NUMBER does not read: "used to be several a week".
_VAGUE = {"several": 3.0, "few": 3.0, "dozen": 12.0, "dozens": 24.0, "same": 1.0, "a": 1.0}


def _figure_at(words_: list[str], j: int) -> tuple[float, float] | None:
    """(count, unit in minutes or 0) of a figure starting at j, else None.

    A unit alone counts one of it ("from minutes to seconds"); "same day" is one day.
    """
    word = words_[j].rstrip(",%")
    value = number(word)
    unit_word = words_[j + 1] if j + 1 < len(words_) else ""
    if value is None and word in _VAGUE and (word not in {"a", "same"} or unit_word in _MINUTES):
        value = _VAGUE[word]
    if value is None:
        counted = j > 0 and (number(words_[j - 1]) is not None or words_[j - 1] in _VAGUE)
        bare = word in _MINUTES and word.endswith("s") and not counted
        return (1.0, _MINUTES[word]) if bare else None
    if unit_word == "a" and j + 2 < len(words_):  # "half a day"
        unit_word = words_[j + 2]
    if unit_word not in _MINUTES and j > 0 and words_[j - 1] == "day":  # "on day 9"
        unit_word = "day"
    return value, _MINUTES.get(unit_word, 0.0)


def then_now_news(words_: list[str], start: int, end: int) -> int:
    """+1 if a figure beside the one it replaced is good news, -1 if bad, 0 if unknown."""
    return then_now_reading(words_, start, end)[0]


def then_now_reading(words_: list[str], start: int, end: int) -> tuple[int, int]:
    """The news of a figure beside the one it replaced, and where its metric is named.

    The metric is the last one named between the figure and the word that names the
    earlier one ("one data quality incident": incident), else the nearest before the
    figure in the comment ("backlog: 41 (last week 97)"), else the first after; with
    none named, a time ("4 days, used to be same day") is better shorter.
    """
    figures = _then_and_now(words_, start, end)
    if figures is None:
        return 0, start
    now, then = figures
    direction = _compare(now, then)
    marker = next((j for j in range(start, end) if words_[j] in THEN_WORDS), end)
    for span in (range(marker - 1, start - 1, -1), range(start - 1, -1, -1), range(marker, end)):
        for j in span:
            if sign := metric_at(words_, j):
                return sign * direction, j
    return (-direction if now[1] or then[1] else 0), start


def _then_and_now(
    words_: list[str], start: int, end: int
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The figure now and the earlier one it is compared with, as (count, minutes or 0).

    The figure before the word that names the earlier one is now ("2, before it was 9");
    after "used to be ..., now" the order is the other way round.
    """
    marker = next((j for j in range(start, end) if words_[j] in THEN_WORDS), None)
    if marker is None:
        return None
    before = [f for j in range(start, marker) if (f := _figure_at(words_, j))]
    then: tuple[float, float] | None = None
    for j in range(marker + 1, end):
        if words_[j] in _NOW_WORDS and then is not None:
            now = next((f for k in range(j + 1, end) if (f := _figure_at(words_, k))), None)
            return None if now is None else (now, then)
        then = then or _figure_at(words_, j)
    if not before or then is None:
        return None
    return before[-1], then
