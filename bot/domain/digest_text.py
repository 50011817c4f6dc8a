"""The weekly digest's sentences, one engagement's state as its sponsor reads it."""

from __future__ import annotations

from typing import Final

from bot.domain.i18n import N_, localised
from bot.domain.i18n import deferred as _

# fmt: off
# One sentence per line, as the text reads: ruff leaves the wrapped strings where they are.

TITLE: Final = _("Weekly digest: {engagement}")
FILE_TITLE: Final = _("{engagement} — week of {day}")
PULSES_FILE_TITLE: Final = _("{engagement} — figures per pulse")
CHART_ALT: Final = _("Chart of {engagement}: both sides' index over the last pulses, with each side's tolerance line and the SLA status below.")
NOTHING_CLOSED: Final = _("*{engagement}* — no pulse has closed yet, so there are no figures to show.")
SUMMARY: Final = _("*{engagement}* — {sides}.")
SUMMARY_GAP: Final = {
    "": _("*{engagement}* — {sides}; gap {gap}."),
    "widening": _("*{engagement}* — {sides}; gap {gap}, widening."),
    "narrowing": _("*{engagement}* — {sides}; gap {gap}, narrowing."),
    "unchanged": _("*{engagement}* — {sides}; gap {gap}, unchanged."),
}
SIDE_INDEX: Final = _("{side} {index} ({against})")
SIDE_WITHHELD: Final = _("{side} {withheld}")
WITHHELD: Final = _("withheld (fewer than {minimum} answered)")
AGAINST: Final = {
    "below": _("below its {tolerance}"),
    "at": _("at its {tolerance}"),
    "above": _("above its {tolerance}"),
}
INDEX_TOLERANCE: Final = _("*{index}*, tolerance {tolerance}")
FIRST_PULSE: Final = _("first pulse")
LAST_PULSE_WITHHELD: Final = _("last pulse withheld")
SINCE_LAST_PULSE: Final = _("{change} since last pulse")
BASELINE_FORMING: Final = _("baseline forming ({count} of {total} pulses)")
SINCE_BASELINE: Final = _("{change} since baseline")
SINCE_LAST_QUARTER: Final = _("{change} since last quarter")
ANSWERED: Final = _("{answered} of {eligible} answered ({rate}%)")
NOBODY_ELIGIBLE: Final = _("nobody eligible")
BASELINE_CHOSEN: Final = _("*Baseline* (from the pulse of {start}, chosen by a lead)")
BASELINE_FIRST: Final = _("*Baseline* (from the pulse of {start}, the first pulses)")
BASELINE_STILL_FORMING: Final = _("{head}: forming, {count} of {total} pulses.")
BASELINE_SIDES: Final = _("{head}: {sides}.")
HELD: Final = _("above the baseline at each of the last {count} pulses")
NOT_HELD: Final = _("at or below the baseline at least once in the last {count} pulses")
NOT_AVAILABLE: Final = _("n/a")
GAP_HIDDEN: Final = _("*Gap*: not shown while a side is withheld.")
GAP_LINE: Final = _("*Gap* {gap} (threshold {threshold}).")
GAP_LINE_BEFORE: Final = _("*Gap* {gap} (threshold {threshold}), {before} at the last pulse.")
TOO_HIGH: Final = _("{points} too high")
TOO_LOW: Final = _("{points} too low")
SPOT_ON: Final = _("spot on")
# A guess's change since the pulse before, appended to its verdict ("3 too high, growing").
GROWING: Final = _(", growing")
SHRINKING: Final = _(", shrinking")
WAS_TOO_HIGH: Final = _(", was {points} too high")
WAS_TOO_LOW: Final = _(", was {points} too low")
GUESS: Final = _("{side}'s guess of {other}: {verdict}")
BLIND_SPOTS: Final = _("*Blind spots*: {guesses}.")
BLIND_SPOTS_NONE: Final = _("*Blind spots*: too few guesses to show.")
NO_SLA: Final = _("No SLA status recorded.")
SLA_STATUS: Final = {"green": _("green"), "amber": _("amber"), "red": _("red")}
SLA: Final = _("{emoji} SLAs {status}.")
SLA_WITHHELD: Final = _("{emoji} SLAs {status}, client {withheld}.")
SLA_CLIENT: Final = _("{emoji} SLAs {status}, client {index} — {against}.")
NO_ALERTS: Final = _("*Open alerts*: none.")
ALERTS: Final = _("*Open alerts* ({count})")
NO_OWNER: Final = _("no owner")
ALERT_AGE: Final = _("({age} old, {owner})")
ALERT_AGE_ACKNOWLEDGED: Final = _("({age} old, {owner}, acknowledged)")
MORE_ALERTS: Final = _("…and {count} more: `/rapport alerts`")
THEMES: Final = _("*Themes*")
THEME: Final = N_("{phrase} ({count} person, {mood})", "{phrase} ({count} people, {mood})")
MOODS: Final = {"negative": _("negative"), "positive": _("positive"), "neutral": _("neutral")}
NOTHING_RAISED: Final = _("nothing raised by two or more people")
LATEST_CLOSED: Final = _("latest pulse closed {day}")
NO_PULSE: Final = _("no pulse scheduled")
NEXT_PULSE: Final = _("next pulse {day} {time} ({tz})")

# fmt: on

localised(__name__)
