"""Sentences about following a finding up: the drivers behind the feeling, and actions."""

from __future__ import annotations

from typing import Final

# The pulse DM's follow-up, in the order it lists them (key → what people read).
DRIVER_LABELS: Final = {
    "delivery": "Delivery quality",
    "responsiveness": "Responsiveness",
    "communication": "Communication",
    "expectations": "Expectations vs what was promised",
    "people": "People and continuity",
    "value": "Commercial / value",
    "ways_of_working": "Ways of working",
}
# The same in a sentence: "client: responsiveness, 5 of 7".
DRIVER_SHORT: Final = {
    "delivery": "delivery quality",
    "responsiveness": "responsiveness",
    "communication": "communication",
    "expectations": "expectations",
    "people": "people and continuity",
    "value": "commercial/value",
    "ways_of_working": "ways of working",
}
DRIVERS_QUESTION = "*What is driving this most?* (optional — one or two)"
DRIVERS_PLACEHOLDER = "Pick one or two"
DRIVERS_CHOSEN = "Driving it most: {drivers}."
DRIVERS_UNREADABLE = "Pick at most two of the listed drivers."

DRIVERS_LINE = "What is driving it — {parts}{verdict}."
DRIVERS_SIDE = "{side}: {drivers}, {people} of {of}"
DRIVERS_SIDE_TIED = "{side}: {drivers}, {people} of {of} each"
DRIVERS_WITHHELD = "{side}: not shown (fewer than {minimum} named a driver)"
DRIVERS_SPLIT = " — you are not arguing about the same thing"
DRIVERS_SAME = " — both sides point at {drivers}"

ACTION_ADD_BUTTON = "Add action"
ACTION_DONE_BUTTON = "Done: {text}"
ACTION_MODAL_TITLE = "Add an action"
ACTION_MODAL_SUBMIT = "Add"
ACTION_TEXT_LABEL = "What will be done?"
ACTION_TEXT_PLACEHOLDER = "Joint 30-minute review of response times"
ACTION_OWNER_LABEL = "Owner (from either side)"
ACTION_DUE_LABEL = "Due by"
ACTION_TEXT_EMPTY = "Say in a few words what will be done."
ACTION_TEXT_TOO_LONG = "Keep it under {limit} characters."
ACTION_OWNER_MISSING = "Pick who owns it."
ACTION_OWNER_NOT_ON = (
    "{person} isn't on either side of *{engagement}*. Pick someone from the client or "
    "provider side."
)
ACTION_DUE_MISSING = "Pick a due date."
ACTION_DUE_PAST = "The due date has passed. Pick today or a later day."
ACTION_GONE = "That action no longer exists."
ACTION_DONE_REFUSED = "Only the action's owner or a lead of *{engagement}* can mark it done."
ACTIONS_HEADER = "*Actions*"
ACTION_LINE_OPEN = "• {text} — {owner}, due {due}"
ACTION_LINE_OVERDUE = "• :warning: *Overdue:* {text} — {owner}, was due {due}"
ACTION_LINE_DONE = "• ~{text}~ — done by {done_by}"
ACTION_LINE_CLOSED = (
    "• {text} — {owner}, due {due}; closed when its finding resolved, not marked done"
)
ACTIONS_MORE = "…and {count} more."
ACTIONS_OPEN_HEADER = "*Open actions* ({count}, {overdue} overdue)"
ACTIONS_OVERDUE_HEADER = "*Overdue actions* ({count})"
ACTIONS_YOURS = "*Your actions* (the owner or a lead marks them done on the alert)"
ACTION_FOR = " · for: {title}"
ACTIONS_NOTE = "_Done actions do not resolve a finding: only the figures at a pulse's close do._"
