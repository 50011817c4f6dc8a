"""Sentences of the grouped alert message, its trends, resolutions and the escalation ladder.

Kept beside `reply_text.py` (which holds every other reply and message) so that the
alert wording is reviewed in one place. What belongs to one rule (its title, finding,
headline, next step, trend and resolution) is on its record in `bot/domain/alerts/rules/`.
"""

from __future__ import annotations

from typing import Final

from bot.domain.i18n import N_, localised
from bot.domain.i18n import deferred as _

# fmt: off
# One sentence per line, as the text reads: ruff leaves the wrapped strings where they are.

# Headlines when no rule leads the message (each rule's own is on its record).
HEADLINE_ALL_RESOLVED: Final = _("Resolved: every finding in this message is behind us")
HEADLINE_SUPERSEDED: Final = _("Continued in a newer message")
MESSAGE_SUPERSEDED: Final = _(":arrow_down: New findings opened {when}; the findings still open here moved with them to the newer message below.")

# The next step, chosen from its live findings by bot/domain/alert_message.py.
NEXT_STEP_LABEL: Final = _("*Next step:* {step}")

# The grouped message.
MESSAGE_TITLE: Final = _("{icon} *{headline}* — {engagement}")
MESSAGE_SIDE: Final = _("*{label}* ({org})\n*{index}* · tolerance {tolerance}\n{answered} of {eligible} answered")
MESSAGE_SIDE_WITHHELD: Final = _("*{label}* ({org})\nwithheld: fewer than {minimum} answered\n{answered} of {eligible} answered")
# Each side's name over its figures.
SIDE_LABELS: Final = {"client": _("Client"), "provider": _("Provider")}
MESSAGE_FINDING: Final = _("{icon} *{title}* — {sentence}")
MESSAGE_TREND: Final = _("_{trend}_")
MESSAGE_RESOLVED_LINE: Final = _(":white_check_mark: ~{title}~ resolved {when}: {reason}")
MESSAGE_FALLBACK: Final = _("{headline} — {engagement}: {titles}")

# Trends: how a finding's compared quantity moved since the last pulse (each rule's
# sentences are on its record).
TREND_OPENED: Final = _("New this pulse.")

# Why a finding was resolved (said in the message's thread, the digest and simulate):
# what several rules say alike; each rule's own reasons are in its module.
WHY_WITHHELD: Final = _("the {side} side's score is withheld this pulse (fewer than {minimum} answered), so nothing can be said about it")
WHY_BACK_ABOVE: Final = _("{side} back at {index}, at or above its {tolerance}")
WHY_NOT_FOUND: Final = _("the check no longer finds it")
MESSAGE_NOT_POSTED: Final = _("I couldn't post an alert for *{engagement}* in <#{channel}> ({error}). Invite me there with `/invite @Rapport`. The alert:\n{message}")
MESSAGE_NOT_UPDATED: Final = _("I couldn't update the alert for *{engagement}* in <#{channel}> ({error}), so it no longer shows the latest findings. If I was removed from the channel, invite me back with `/invite @Rapport`. The alert as it stands now:\n{message}")
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

# fmt: on

localised(__name__)
