"""Sentences of the grouped alert message, its trends, resolutions and the escalation ladder.

Kept beside `catalogue.py` (which holds every other reply and message) so that the
alert wording is reviewed in one place.
"""

from __future__ import annotations

from typing import Final

from bot.domain.i18n import N_, localised
from bot.domain.i18n import deferred as _

# fmt: off
# One sentence per line, as the text reads: ruff leaves the wrapped strings where they are.

# Headlines, most pressing first (bot/domain/alert_message.py chooses one).
HEADLINE_UNAWARE: Final = _("The {side} side is unhappy and the {other} side doesn't know it")
HEADLINE_UNHAPPY: Final = _("The {side} side is unhappy while the {other} side is content")
HEADLINE_BOTH_BELOW: Final = _("Both sides are unhappy")
HEADLINE_WATERMELON: Final = _("The SLAs are green but the client side is unhappy")
HEADLINE_GAP: Final = _("The two sides are far apart")
HEADLINE_DECLINE: Final = _("The {side} side is sliding")
HEADLINE_DECLINE_BOTH: Final = _("Both sides are sliding")
HEADLINE_BLIND_SPOT: Final = _("The {side} side misreads how the {other} side feels")
HEADLINE_SILENCE: Final = _("The {side} side has gone quiet")
HEADLINE_SILENCE_BOTH: Final = _("Both sides have gone quiet")
HEADLINE_BLIND_SPOT_BOTH: Final = _("Both sides misread how the other feels")
HEADLINE_ALL_RESOLVED: Final = _("Resolved: every finding in this message is behind us")
HEADLINE_SUPERSEDED: Final = _("Continued in a newer message")
MESSAGE_SUPERSEDED: Final = _(":arrow_down: New findings opened {when}; the findings still open here moved with them to the newer message below.")

# One suggested next step per message, chosen from its live findings.
NEXT_STEPS: Final = {
    "watermelon": _(
        "Bring the SLA and the feeling to the same table: both leads go through "
        "the green SLA report with the client side and ask what it does not show."
    ),
    "divergence": _(
        "Hold a joint 30-minute review with both leads this week: each side says "
        "what is driving its score, and you agree one change before the next pulse."
    ),
    "both_below": _(
        "Both leads meet this week and each names one change their side makes "
        "before the next pulse."
    ),
    "blind_spot": _(
        "Each lead asks their side one question this week: how do you think the "
        "other side sees us, and why? Then compare the answers together."
    ),
    "gap": _(
        "Hold a joint 30-minute review with both leads this week: put both sides' "
        "figures on the table and ask where the difference comes from."
    ),
    "decline": _(
        "Each lead asks their side one question before the next pulse: what has "
        "changed since a month ago?"
    ),
    "silence": _(
        "Each lead asks their quiet side one question in person: what would make "
        "the pulse worth answering?"
    ),
}
NEXT_STEP_LABEL: Final = _("*Next step:* {step}")

# The grouped message.
MESSAGE_TITLE: Final = _("{icon} *{headline}* — {engagement}")
MESSAGE_SIDE: Final = _("*{label}* ({org})\n*{index}* · tolerance {tolerance}\n{answered} of {eligible} answered")
MESSAGE_SIDE_WITHHELD: Final = _("*{label}* ({org})\nwithheld: fewer than {minimum} answered\n{answered} of {eligible} answered")
SIDE_TITLE: Final = _("{title} ({side} side)")
# Each side's name over its figures.
SIDE_LABELS: Final = {"client": _("Client"), "provider": _("Provider")}
# A finding's title naming the side it is about (bot/domain/alert_message.py, side_title).
SIDE_TITLES: Final = {
    "divergence": _("The two sides see the relationship differently (the {side} side unhappy)"),
    "gap": _("Wide gap between the sides (the {side} side lower)"),
    "decline": _("Satisfaction is falling on the {side} side"),
    "silence": _("The {side} side is going quiet"),
    "blind_spot": _("The {side} side misjudges how the other feels"),
    "watermelon": _("Watermelon: SLAs green, client unhappy"),
}
MESSAGE_FINDING: Final = _("{icon} *{title}* — {sentence}")
MESSAGE_TREND: Final = _("_{trend}_")
MESSAGE_RESOLVED_LINE: Final = _(":white_check_mark: ~{title}~ resolved {when}: {reason}")
MESSAGE_FALLBACK: Final = _("{headline} — {engagement}: {titles}")

# Trends: how a finding's compared quantity moved since the last pulse.
TREND_OPENED: Final = _("New this pulse.")
TREND_SCORE: Final = {
    "worse": _("Worse: the {side} side fell from {before} to {now}."),
    "better": _("Better: the {side} side rose from {before} to {now}."),
    "same": _("No change: the {side} side is at {now}, as before."),
}
TREND_GAP: Final = {
    "worse": _("Worse: the gap grew from {before} to {now} points."),
    "better": _("Better: the gap narrowed from {before} to {now} points."),
    "same": _("No change: the gap is {now} points, as before."),
}
TREND_BOTH_BELOW: Final = {
    "worse": _("Worse: together the two sides are {now} points below their tolerances, {before} before."),
    "better": _("Better: together the two sides are {now} points below their tolerances, {before} before."),
    "same": _("No change: together the two sides are {now} points below their tolerances, as before."),
}
TREND_SILENCE: Final = {
    "worse": _("Worse: {now}% of the {side} side did not answer, {before}% before."),
    "better": _("Better: {now}% of the {side} side did not answer, {before}% before."),
    "same": _("No change: {now}% of the {side} side did not answer, as before."),
}
TREND_BLIND_SPOT: Final = {
    "worse": _("Worse: the {side} side's guess is {now} points too {direction}, {before} before."),
    "better": _("Better: the {side} side's guess is {now} points too {direction}, {before} before."),
    "same": _("No change: the {side} side's guess is {now} points too {direction}, as before."),
}

# Why a finding was resolved (said in the message's thread, the digest and simulate).
WHY_WITHHELD: Final = _("the {side} side's score is withheld this pulse (fewer than {minimum} answered), so nothing can be said about it")
WHY_BACK_ABOVE: Final = _("{side} back at {index}, at or above its {tolerance}")
WHY_OTHER_BELOW: Final = _("the {other} side is now below its {tolerance} too (at {other_index}): both sides are unhappy, while the {side} side is still at {index}, below its {own}")
WHY_GAP_CLOSED: Final = _("the gap is now {gap} points, under the threshold of {threshold}")
WHY_GAP_FLIPPED: Final = _("the {side} side is no longer the lower one: it is at {index}, the {other} side at {other_index}")
WHY_BOTH_BELOW_ENDED: Final = _("{side} back at {index}, at or above its {tolerance}")
WHY_DECLINE_ENDED: Final = _("the {side} side is at {now}, {change} against {start} two pulses back: less than the {line}-point fall that counts as a decline")
WHY_SILENCE_ENDED: Final = _("{answered} of {eligible} on the {side} side answered ({rate}%), at least half")
WHY_BLIND_SPOT_CLOSED: Final = _("the {side} side's guess of the {other} side ({guess}) is now within {threshold} of the {other} side's score ({index})")
WHY_BLIND_SPOT_FLIPPED: Final = _("the {side} side now guesses the {other} side too {direction} ({guess} against {index}): that is a different finding")
WHY_BLIND_SPOT_NO_GUESS: Final = _("too few guesses from the {side} side, or the {other} side's score is withheld, to compare this pulse")
WHY_SLA_NOT_GREEN: Final = _("SLA now {status}: the watermelon rule no longer applies, but the client is still at {index}, below its {tolerance}")
WHY_SLA_NONE: Final = _("no SLA status is recorded any more: the watermelon rule no longer applies, but the client is still at {index}, below its {tolerance}")
WHY_NOT_FOUND: Final = _("the check no longer finds it")
MESSAGE_NOT_POSTED: Final = _("I couldn't post an alert for *{engagement}* in <#{channel}> ({error}). Invite me there with `/invite @Rapport`. The alert:\n{message}")
RESOLVED_THREAD: Final = _(":white_check_mark: *{title}* resolved {when}: {reason}.")

# The escalation ladder.
RERAISE_THREAD: Final = _("{leads} — nobody has acknowledged *{title}* since {opened}. {sentence} Press *Acknowledge* in the message above once someone has it.")
ESCALATION_DM: Final = _("*Escalated to you: {title}* — {engagement} ({why})\n{sentence}\n*History*\n{history}\n*Owner*: {owner}{extras}\n*What we need from you*: {ask}")
ESCALATION_OPENED: Final = _("• {when}: opened.")
ESCALATION_STEP: Final = _("• {when}: {trend}")
ESCALATION_NO_OWNER: Final = _("nobody yet")
ESCALATION_OWNER_BY_ACTION: Final = N_(
    "nobody assigned yet; {owners} owns the action below",
    "nobody assigned yet; the actions below are with {owners}",
)
ESCALATION_NO_ACTIONS: Final = _("*Actions*: none agreed on this finding yet.")
ESCALATION_ASK: Final = _("talk to the other side's sponsor this week and agree who on each side owns this, and by when the next pulse should show it better.")
ESCALATION_WHY_TIME: Final = _("open for {days} days")
ESCALATION_WHY_PULSES: Final = _("{pulses} pulses without improving")
LADDER_QUARTER: Final = _("{quarter}: {opened} opened, {fixed} fixed at account level, {escalated} escalated, {median}")
LADDER_FINDINGS: Final = N_(
    "{count} finding",
    "{count} findings",
)
LADDER_MEDIAN: Final = _("median {days} days to resolve")
LADDER_MEDIAN_ONE_DAY: Final = _("median 1 day to resolve")
LADDER_NO_MEDIAN: Final = _("none resolved yet")
LADDER_HEADER: Final = _("*Follow-up*")

# Each rule's finding, in a sentence (bot/domain/divergence/rules.py and side_rules.py).
FINDING_DIVERGENCE_ABOVE: Final = _(
    "The {side} side is at {index}, below its tolerance of {tolerance}, while the {other} side "
    "is at {other_index}, above its own {other_tolerance}."
)
FINDING_DIVERGENCE_AT: Final = _(
    "The {side} side is at {index}, below its tolerance of {tolerance}, while the {other} side "
    "is at {other_index}, at its own {other_tolerance}."
)
FINDING_GAP: Final = _(
    "The {side} side is at {index}, {points} points below the {other} side at {other_index}; "
    "the gap threshold is {threshold}."
)
FINDING_BOTH_BELOW: Final = _(
    "Both sides are below their tolerance: the client side is at {client} (tolerance "
    "{client_tolerance}) and the provider side at {provider} (tolerance {provider_tolerance})."
)
FINDING_WATERMELON: Final = _(
    "The SLA status is green, but the client side is at {index}, below its tolerance of "
    "{tolerance}."
)
FINDING_DECLINE: Final = _("The {side} side fell from {start} to {now} over its last three pulses, {points} points down.")
FINDING_SILENT: Final = _("Nobody on the {side} side answered this pulse ({eligible} eligible).")
FINDING_QUIET: Final = _(
    "Only {answered} of {eligible} eligible members of the {side} side answered this pulse "
    "({rate}%), under the {needed}% needed to speak for the side."
)
FINDING_BLIND_SPOT_LOWER: Final = _(
    "The {side} side expects the {other} side to rate the relationship {guess}, but the {other} "
    "side is at {index}, {points} points lower than expected."
)
FINDING_BLIND_SPOT_HIGHER: Final = _(
    "The {side} side expects the {other} side to rate the relationship {guess}, but the {other} "
    "side is at {index}, {points} points higher than expected."
)

# fmt: on

localised(__name__)
