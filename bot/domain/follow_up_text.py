"""Sentences about following a finding up: the drivers behind the feeling, and actions."""

from __future__ import annotations

from typing import Final

from bot.domain.i18n import deferred as _

# fmt: off
# One sentence per line, as the text reads: ruff leaves the wrapped strings where they are.
from bot.domain.i18n import localised

# The pulse DM's follow-up, in the order it lists them (key → what people read).
DRIVER_LABELS: Final = {
    "delivery": _("Delivery quality"),
    "responsiveness": _("Responsiveness"),
    "communication": _("Communication"),
    "expectations": _("Expectations vs what was promised"),
    "people": _("People and continuity"),
    "value": _("Commercial / value"),
    "ways_of_working": _("Ways of working"),
}
# The same in a sentence: "client: responsiveness, 5 of 7".
DRIVER_SHORT: Final = {
    "delivery": _("delivery quality"),
    "responsiveness": _("responsiveness"),
    "communication": _("communication"),
    "expectations": _("expectations"),
    "people": _("people and continuity"),
    "value": _("commercial/value"),
    "ways_of_working": _("ways of working"),
}
DRIVERS_QUESTION = _("*What is driving this most?* (optional — one or two)")
DRIVERS_PLACEHOLDER = _("Pick one or two")
DRIVERS_CHOSEN = _("Driving it most: {drivers}.")
DRIVERS_UNREADABLE = _("Pick at most two of the listed drivers.")

DRIVERS_LINE = _("What is driving it — {parts}{verdict}.")
DRIVERS_SIDE = _("{side}: {drivers}, {people} of {of}")
DRIVERS_SIDE_TIED = _("{side}: {drivers}, {people} of {of} each")
DRIVERS_WITHHELD = _("{side}: not shown (fewer than {minimum} named a driver)")
DRIVERS_SPLIT = _(" — you are not arguing about the same thing")
DRIVERS_SAME = _(" — both sides point at {drivers}")

ACTION_ADD_BUTTON = _("Add action")
ACTION_DONE_BUTTON = _("Done: {text}")
ACTION_MODAL_TITLE = _("Add an action")
ACTION_MODAL_SUBMIT = _("Add")
ACTION_TEXT_LABEL = _("What will be done?")
ACTION_TEXT_PLACEHOLDER = _("Joint 30-minute review of response times")
ACTION_OWNER_LABEL = _("Owner (from either side)")
ACTION_DUE_LABEL = _("Due by")
ACTION_TEXT_EMPTY = _("Say in a few words what will be done.")
ACTION_TEXT_TOO_LONG = _("Keep it under {limit} characters.")
ACTION_OWNER_MISSING = _("Pick who owns it.")
ACTION_OWNER_NOT_ON = _(
    "{person} isn't on either side of *{engagement}*. Pick someone from the client or "
    "provider side."
)
ACTION_DUE_MISSING = _("Pick a due date.")
ACTION_DUE_PAST = _("The due date has passed. Pick today or a later day.")
ACTION_GONE = _("That action no longer exists.")
ACTION_DONE_REFUSED = _("Only the action's owner or a lead of *{engagement}* can mark it done.")
ACTIONS_HEADER = _("*Actions*")
ACTION_LINE_OPEN = _("• {text} — {owner}, due {due}")
ACTION_LINE_OVERDUE = _("• :warning: *Overdue:* {text} — {owner}, was due {due}")
ACTION_LINE_DONE = _("• ~{text}~ — done by {done_by}")
ACTION_LINE_CLOSED = _("• {text} — {owner}, due {due}; closed when its finding resolved, not marked done")
ACTIONS_MORE = _("…and {count} more.")
ACTIONS_OPEN_HEADER = _("*Open actions* ({count}, {overdue} overdue)")
ACTIONS_OVERDUE_HEADER = _("*Overdue actions* ({count})")
ACTIONS_YOURS = _("*Your actions* (the owner or a lead marks them done on the alert)")
ACTION_FOR = _(" · for: {title}")
ACTIONS_NOTE = _("_Done actions do not resolve a finding: only the figures at a pulse's close do._")

# fmt: on

localised(__name__)
