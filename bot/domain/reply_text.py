"""The replies and messages Rapport says to people, reviewed in one place; the other
sentence modules beside it end in `_text` (alerts, people, follow-up, help, operator,
portfolio, site, digest)."""

from __future__ import annotations

from bot.domain.i18n import N_, localised
from bot.domain.i18n import deferred as _

# fmt: off
# One sentence per line, as the text reads: ruff leaves the wrapped strings where they are.

UNBALANCED_QUOTE = _(
    "There's an opening quote without its closing one. Put names with spaces in quotes, "
    'like `setup "Acme deal" client:"Acme"`.'
)
TOO_LONG = _("That command is too long (over {limit} characters). `/rapport help` shows the forms.")
UNKNOWN_SUBCOMMAND = _("I don't know `{word}`. `/rapport help` lists what I can do.")
TAKES_NO_ARGUMENTS = _('`/rapport {name}` takes no arguments (except `in:"name"`).')
NOT_A_MENTION = _("I couldn't read `{value}` as a person. Type `@` and pick them from the list, so Slack turns it into a mention.")
CHANNEL_NOT_PERSON = _("{value} is a channel, and I need a person there. Mention them with `@`.")
PERSON_NOT_CHANNEL = _("{value} is a person, and I need a channel there, like `channel:#acme-globex`.")
NOT_A_CHANNEL = _("I couldn't read `{value}` as a channel. Type `#` and pick it from the list, like `channel:#acme-globex`.")
EMPTY_NAME = _("The {what} is empty.")
NAME_TOO_LONG = _("The {what} is too long: keep it under {limit} characters.")
NAME_MARKUP = _("The {what} can't contain `<`, `>`, `*` or backticks.")
SETUP_USAGE = _(
    'Setup reads: `/rapport setup "Acme deal" client:"Acme" provider:"Globex" '
    "channel:#acme-globex` — or just `/rapport setup` for a form."
)
SETUP_MISSING = _(
    'Setup is missing: {missing}. Setup reads: `/rapport setup "Acme deal" client:"Acme" provider:"Globex" channel:#acme-globex` — or just `/rapport setup` for a form.'
)
ADD_USAGE = _("Add reads: `/rapport add @ana @ben client` (or `provider`), optionally `lead` or `sponsor`.")
ADD_NO_USERS = _("Who should I add? Mention them: `/rapport add @ana @ben client`.")
ADD_NO_SIDE = _("Which side are they on? End with `client` or `provider`: `/rapport add @ana client`.")
ADD_UNKNOWN_WORD = _("I don't understand `{word}` here. Sides are `client` and `provider`; roles are `member`, `lead` and `sponsor`.")
ADD_TOO_MANY = _("That's more than 50 people at once; add them in smaller groups.")
BAD_WEIGHT = _("A stake weight is a number from 0.1 to 10, not `{value}`.")
REMOVE_USAGE = _("Remove reads: `/rapport remove @ben` — one person at a time.")

NO_ENGAGEMENT = _("You're not part of any engagement yet. Start one with `/rapport setup`, or ask a lead to add you.")
UNKNOWN_ENGAGEMENT = _(
    'There\'s no engagement called "{name}" here. Check the name in `/rapport members`.'
)
CHOOSE_ENGAGEMENT = _(
    'You\'re part of several engagements ({names}). Say which one with `in:"name"`, or run '
    "the command in its shared channel."
)
CHANNEL_SHARED = _(
    'Several engagements post to this channel ({names}). Say which one with `in:"name"`.'
)
LEADS_ONLY = _("Only a lead of *{engagement}* can do that. Its leads: {leads}.")
NOT_A_MEMBER = _("You're not on *{engagement}*, so I can't show you that.")
ENGAGEMENT_GONE = _("That engagement no longer exists.")
ENGAGEMENT_EXISTS = _('An engagement called "{name}" already exists in this workspace.')
SETUP_CHANNEL_TAKEN = _("<#{channel}> is already the alert channel of another engagement. Pick a channel of its own for this one.")
SETUP_NOT_IN_CHANNEL = _("You're not in <#{channel}>, so you can't make it an engagement's alert channel. Join it first, or ask someone in it to set up.")
SETUP_CHANNEL_UNSEEN = _("I couldn't check who is in <#{channel}> ({error}). If it is private, invite me there with `/invite @Rapport`, then set up again. Nothing was saved.")

SETUP_DONE = _("*{name}* is set up: {client} (client) and {provider} (provider), alerts in <#{channel}>. You're its lead. Next: `/rapport add @people client` and `/rapport add @people provider`.")
ANNOUNCE = _("Rapport is now looking after *{name}* — {client} and {provider}. Both sides will get a short pulse by DM; this channel hears about it when the two sides stop seeing the relationship the same way. Nobody's individual answers are shown.")
NOT_IN_CHANNEL = _("I couldn't post in <#{channel}> ({error}). Invite me there with `/invite @Rapport`, or I can't post alerts.")
ADDED = _("Added to the {side} side of *{engagement}*: {people}.")
ADD_REFUSED = _("Not added: {reasons}.")
MOVED = _("{person} moved to the {side} side")
FROM_NEXT_PULSE = _(" This applies from the next pulse; closed pulses keep the figures they were published with.")
REMOVED = _("{person} is off *{engagement}*. Published figures stay as they are; they can't answer any more, and an answer to a pulse still open won't count.")
FORGOTTEN = _("Forgotten: {person} on {engagements}. Erased: {comments}, deleted; their membership, removed; the link between them and their {answers}, cut. What stays: the side figures already published (they never showed anyone's answer), with those answers counted in them without a name; alerts and SLA records posted in the shared channel.")
FORGOTTEN_COMMENTS = N_(
    "{count} comment",
    "{count} comments",
)
FORGOTTEN_ANSWERS = N_(
    "{count} answer",
    "{count} answers",
)
FORGET_NOTHING = _("There was nothing to forget: {person} isn't on any engagement here.")
FORGET_YOU = _("you")
FORGET_LAST_LEAD = _("That's the last lead of *{engagement}*. Make someone else a lead first, then forget.")
FORGET_USAGE = _("Forget reads: `/rapport forget @ana` — one person at a time; it erases their comments and membership (leads only).")
FORGOTTEN_DM = _("Your data on this engagement was erased at your or a lead's request, so this pulse no longer takes your answer.")
FORGET_ME_BUTTON = _("Forget me")
FORGET_ME_CONFIRM_TITLE = _("Forget me?")
FORGET_ME_CONFIRM = _("Your comments are deleted, your answers lose your name and you leave every engagement here. Published side figures stay as they are. This can't be undone.")
FORGET_ME_CONFIRM_YES = _("Forget me")
FORGET_ME_CONFIRM_NO = _("Keep my data")
ARCHIVED = _("*{engagement}* is archived: no more pulses, alerts or digests, and it no longer shows in commands or App Home. An operator can delete it for good with `rapport purge`.")
ARCHIVE_PULSE_OPEN = _("A pulse for *{engagement}* is still open. Close it with `/rapport close` first, then archive.")
LAST_LEAD = _("That's the last lead of *{engagement}*. Make someone else a lead first.")
NOT_ON_ENGAGEMENT = _("{person} isn't on *{engagement}*.")
UNKNOWN_USER = _("I can't find {person} in Slack")
LOOKUP_FAILED = _("Slack didn't answer about {person} ({reason}); add them again in a minute")
BOT_USER = _("{person} is a bot")
DEACTIVATED_USER = _("{person}'s account is deactivated")

MEMBERS_EMPTY = _("*{engagement}* has nobody on it yet. Add people with `/rapport add @ana client`.")

PULSE_ALREADY_OPEN = _("A pulse for *{engagement}* is already open; it closes {closes}.")
PULSE_NOBODY = _("Nobody on *{engagement}* receives pulses yet. Add people with `/rapport add`.")
PULSE_SENDING = _("Sending the pulse for *{engagement}* to {count} people…")
PULSE_SENT = _("Pulse for *{engagement}* sent to {sent} of {total} people.")
PULSE_RETRYING = _(" Not sent yet to {count} ({reasons}): Rapport keeps trying, without sending anyone a second DM, until the pulse closes.")
PULSE_UNREACHABLE = _(" Couldn't reach: {people}.")
PULSE_THIN_SIDE = _(" The {side} side has fewer than {minimum} people, so its figures will be withheld.")

STATUS_OPEN = _("A pulse for *{engagement}* is open (since {opened}, closes {closes}). Answered: client {client_answered} of {client_total}, provider {provider_answered} of {provider_total}.")
STATUS_AWAY = _(" Away this week: {away}.")
STATUS_NONE = _("No pulse is open for *{engagement}*. {last}")
STATUS_LAST = _("The last one closed {closed}.")
STATUS_NEVER = _("None has been sent yet: `/rapport send` asks everyone now.")

PULSE_QUESTION = _("How satisfied are you with the *{relationship}* relationship this week?")
PULSE_SCALE = _("1 = very dissatisfied · 5 = very satisfied")
PULSE_GUESS = _("How do you think *{other}* would rate it? (optional)")
PULSE_INTRO = _("Quick pulse for *{engagement}* — one tap is enough.")
PULSE_FALLBACK = _("How satisfied are you with {relationship} this week? Answer with the buttons.")
PULSE_CHOSEN = _("You answered *{rating}*{guess}. You can change it until the pulse closes {closes}.")
PULSE_CHOSEN_GUESS = _(", and guessed *{guess}* for {other}")
PULSE_ONLY_GUESS = _("You guessed *{guess}* for {other}. Add your own rating too.")
PULSE_COMMENTED = _("Comment saved — thank you.")
PULSE_CLOSES = _("Closes {closes}. Only totals per side are shown; never who said what.")
ANSWER_NOT_SAVED = _("Your answer was not saved: something went wrong on our side. Please tap it again.")
COMMENT_NOT_SAVED = _("Your comment was not saved: something went wrong on our side. Please send it again.")
SAVED_NOT_SHOWN = _("Saved. Slack didn't let me update the message above just now, so it may still show your earlier answer; what you chose is kept all the same.")
COMMENT_FORM_NOT_OPENED = _("I couldn't open the comment form: Slack didn't answer in time. Please tap it again.")
PULSE_CLOSED = _("This pulse has closed, so that answer wasn't recorded.")
PULSE_NOT_YOURS = _("This pulse wasn't sent to you, so I can't record an answer from you.")
PULSE_NO_LONGER_MEMBER = _("You are no longer on {relationship}; nothing was saved.")
COMMENT_BUTTON = _("Add a comment")
AWAY_BUTTON = _("Away this week")
PULSE_AWAY = _("Marked away this week: you count as absent, not silent, and get no reminder. Back after all? Answer any time before it closes {closes}.")
PULSE_REMINDER = _("A gentle reminder: this pulse closes {closes}. One tap above is enough — or press *Away this week* if you were out.")
COMMENT_TITLE = _("Add a comment")
COMMENT_LABEL = _("What's behind your answer? (optional; never shown with your name)")
COMMENT_TOO_LONG = _("Keep it under {limit} characters.")
COMMENT_EMPTY = _("Write something, or close the form.")

SETUP_MODAL_TITLE = _("Set up an engagement")
SETUP_MODAL_NAME = _("Engagement name")
SETUP_MODAL_CLIENT = _("Client organisation")
SETUP_MODAL_PROVIDER = _("Provider organisation")
SETUP_PICK_CHANNEL = _("Pick the channel where alerts should go.")
SETUP_MODAL_CHANNEL = _("Shared alert channel")

SOMETHING_WRONG = _("Something went wrong on our side and nothing was changed. Please try again in a minute.")

ALERT_STATE_OPEN = _("Open since {opened}")
ALERT_STATE_ACKED = _("Acknowledged by <@{who}>")
ALERT_OWNER = _("owner <@{owner}>")
ALERT_NO_OWNER = _("no owner yet")
ALERT_RESOLVED = _("Resolved {when}.")
ALERT_ACK_BUTTON = _("Acknowledge")
ALERT_ASSIGN_BUTTON = _("Assign owner")
ALERT_ASSIGN_TITLE = _("Assign an owner")
ALERT_ASSIGN_LABEL = _("Who owns the follow-up?")
ALERT_GONE = _("That alert no longer exists.")
ALERT_ALREADY_RESOLVED = _("That alert is already resolved.")
FIGURES_SIDE = _("{side} {index} (tolerance {tolerance})")
FIGURES_WITHHELD = _("{side} withheld (fewer than {minimum} answered)")
TREND_SIDE = _("{side} {change:+d}")
TREND_LINE = _("Since the last pulse: {trends}.")
ANSWERED_LINE = _("Answered: client {client_answered} of {client_eligible}, provider {provider_answered} of {provider_eligible}.")

CLOSED = _("Closed the pulse for *{engagement}*. Now: {figures}. {alerts}")
CLOSED_ALERTS = _("Alerts: {summary}.")
CLOSED_POSTS_WAITING = _(" The alert message could not be posted in the channel yet ({reasons}): Rapport tries again, never posting it twice, and DMs it to the leads if it still can't within a day.")
CLOSED_POSTS_QUEUED = _(" The alert message is queued for the channel: it appears there as soon as a worker is free.")
CLOSED_POSTS_REFUSED = _(" The alert message could not be posted in the channel ({reasons}): the leads have it by DM.")
CLOSED_NO_ALERTS = _("No alerts: the two sides are within their tolerances.")
NO_OPEN_PULSE = _("There's no open pulse for *{engagement}* to close.")
CLOSE_QUEUED = _("The close of *{engagement}* is queued, but no worker has taken it in {minutes} min. It runs as soon as one does, and the alert message, if there is one, then appears in the channel.")
ALERTS_HEADER = _("*{engagement}* — open alerts")
ALERTS_NONE = _("No open alerts for *{engagement}*.")
ALERTS_LINE = _("• {title} — {state}, {age} old, {owner}")
SLA_RECORDED = _("SLA status for *{engagement}* recorded as *{status}*{note}.")
SLA_USAGE = _("SLA reads: `/rapport sla green|amber|red [note]`, for example `/rapport sla green all targets met`, or `/rapport sla token` for a feed token.")
SLA_NEW_FEED_KEY = _("New SLA feed token for *{engagement}* — shown only this once, so copy it now; it replaces any earlier one:\n`{token}`\nSend facts with `POST {path}` and `Authorization: Bearer <token>` (see docs/alerts.md).")
SLA_FEED_REFUSED = _("missing or unknown SLA token: send `Authorization: Bearer <token>` from `/rapport sla token`")
SLA_FEED_SIGNATURE = _("the X-Rapport-Signature header does not match the body")
SLA_FEED_SHAPE = _(
    'the body must be a JSON object: {"status": "green"|"amber"|"red", "note": "…"} or {"metric": "…", "value": 97.1, "target": 99.5, "higher_is_better": true}'
)
SLA_FEED_STALE = _("X-Rapport-Signature needs an X-Rapport-Timestamp (unix seconds) within 5 minutes of now; a signed body is never accepted twice later")
SLA_FEED_DEEP = _("the body is nested too deeply to be an SLA fact")
SLA_FEED_HISTORY = _("recorded as history: its period is before the latest closed pulse, whose published figures and SLA status stay as they were")
SLA_FEED_JSON = _("the body is not JSON")
SLA_FEED_STATUS = _("status must be green, amber or red")
SLA_FEED_NUMBER = _("{field} must be a number")
SLA_FEED_BOOLEAN = _("higher_is_better must be true or false")
SLA_FEED_TEXT = _("{field} must be text of 1 to {limit} characters, on one line")
SLA_FEED_UNKNOWN = _("{field} is not a field of an SLA fact")
SLA_FEED_PERIOD = _("period must be a date like 2026-11-23, not in the future")
SLA_IMPORT_ROW = _("{file}, row {row}: {reason}. Nothing was imported.")
SLA_IMPORTED = _("Imported {count} SLA facts into {engagement}.")
WEIGHT_USAGE = _("Weight reads: `/rapport weight @ana 2` — a stake weight from 0.1 to 10.")
WEIGHT_SET = _("{person}'s stake weight on *{engagement}* is now {weight:g}.")
CONFIG_USAGE = _(
    "Config reads: `/rapport config client_tolerance=70 provider_tolerance=60 gap=15 anonymity=3` "
    'or `/rapport config schedule="weekly tue 10:00" timezone=Europe/Berlin window=72h reminder=24h '
    'digest="mon 08:00"`. Tolerances and the gap are points from 0 to 100; anonymity is at least 3. '
    "`/rapport config` alone opens a form."
)
CONFIG_UNKNOWN = _(
    'I don\'t know the setting `{key}`. Config reads: `/rapport config client_tolerance=70 provider_tolerance=60 gap=15 anonymity=3` or `/rapport config schedule="weekly tue 10:00" timezone=Europe/Berlin window=72h reminder=24h digest="mon 08:00"`. Tolerances and the gap are points from 0 to 100; anonymity is at least 3. `/rapport config` alone opens a form.'
)
CONFIG_BAD_VALUE = _("`{key}` must be {what}, not `{value}`.")
CONFIG_REMINDER_AFTER_CLOSE = _("The reminder ({reminder}h before closing) must come before the window ({window}h) ends, so keep `reminder` shorter than `window`.")
CONFIG_SHOW = _("*{engagement}* settings: pulses `{schedule}` ({timezone}), open for {window_hours} with a reminder {reminder_hours} before closing; digest `{digest_schedule}`; client tolerance {client_tolerance}, provider tolerance {provider_tolerance}, gap {gap_threshold}, anonymity minimum {anonymity_min}; comments kept {retention_days}; an unacknowledged alert is raised again after {ack_within_minutes}, and escalated to the sponsors after {escalate_after_minutes} or {escalate_pulses} pulses without improving.")
ANONYMITY_FLOOR = _("The anonymity minimum can't go below {floor}: with fewer, people could work out each other's answers.")
CONFIG_MODAL_TITLE = _("Engagement settings")
SETTING_LABELS = {
    "schedule": _("Pulse schedule (weekly tue 10:00, fortnightly …, monthly 1 10:00, or cron)"),
    "timezone": _("Time zone (IANA name, e.g. Europe/Berlin)"),
    "window": _("Pulse stays open for (e.g. 72h)"),
    "reminder": _("Remind non-responders this long before closing (e.g. 24h)"),
    "digest": _("Sponsor digest day and time (e.g. mon 08:00)"),
    "client_tolerance": _("Client tolerance (0–100)"),
    "provider_tolerance": _("Provider tolerance (0–100)"),
    "gap": _("Gap threshold (points)"),
    "retention": _("Delete comments after (days, e.g. 365d)"),
    "anonymity": _("Anonymity minimum (at least 3)"),
    "ack_within": _("Raise an unacknowledged alert again after (e.g. 3d)"),
    "escalate_after": _("Escalate a live alert to the sponsors after (e.g. 14d)"),
    "escalate_pulses": _("…or after this many pulses without improving"),
    "language": _("Shared channel language (en, de, fr, es or pt_BR)"),
}
SCHEDULE_FORMS = _("`daily 10:00`, `weekly tue 10:00`, `fortnightly tue 10:00`, `monthly 1 10:00`, `monthly last fri 10:00`, or a 5-field cron expression such as `30 9 * * 1-5`")
SCHEDULE_UNREADABLE = _("I can't read `{value}` as a schedule. Use `daily 10:00`, `weekly tue 10:00`, `fortnightly tue 10:00`, `monthly 1 10:00`, `monthly last fri 10:00`, or a 5-field cron expression such as `30 9 * * 1-5`.")
SCHEDULE_BAD_CRON = _("I can't read `{value}` as a cron expression ({error}). Use `daily 10:00`, `weekly tue 10:00`, `fortnightly tue 10:00`, `monthly 1 10:00`, `monthly last fri 10:00`, or a 5-field cron expression such as `30 9 * * 1-5`.")
SCHEDULE_NEVER_DUE = _("`{value}` never falls due.")
SCHEDULE_BAD_MONTH_DAY = _("The day of the month must be 1 to 31, not `{value}`.")
SCHEDULE_BAD_DAY_TIME = _("I can't read `{value}` as a day and time. Use a day and a 24-hour time, such as `mon 08:00`.")
SCHEDULE_BAD_TIMEZONE = _("`{value}` is not a time zone I know. Use an IANA name such as `Europe/Berlin`, `America/New_York` or `UTC`.")
SCHEDULE_BAD_DURATION = _("I can't read `{value}` as a duration. Use days, hours and minutes such as `72h`, `3d`, `90m` or `1d12h`.")
SCHEDULE_DURATION_RANGE = _("A duration must be between {shortest} and {longest}; `{value}` is not.")
SCHEDULE_BAD_TIME = _("`{value}` is not a time. Use 24-hour time such as `09:30`.")
SCHEDULE_BAD_DAY = _("`{value}` is not a day. Use `mon` to `sun` or `monday` to `sunday`.")
SETTING_WHOLE_NUMBER = _("a whole number from {low} to {high}")
SETTING_RETENTION = _("a number of days from {low} to {high}, like `365d`")
SETTING_LANGUAGE = _("one of {languages}")
SETTING_WHOLE_HOURS = _("use whole hours, like `72h` or `3d`, not `{value}`.")
STATUS_NEXT = _(" Next pulse: {when} (`{schedule}`, {timezone}).")
CONFIG_DONE = _("Saved. *{engagement}* settings: pulses `{schedule}` ({timezone}), open for {window_hours} with a reminder {reminder_hours} before closing; digest `{digest_schedule}`; client tolerance {client_tolerance}, provider tolerance {provider_tolerance}, gap {gap_threshold}, anonymity minimum {anonymity_min}; comments kept {retention_days}; an unacknowledged alert is raised again after {ack_within_minutes}, and escalated to the sponsors after {escalate_after_minutes} or {escalate_pulses} pulses without improving. This applies from the next pulse; closed pulses keep the figures they were published with.")

DIGEST_READERS_ONLY = _("Only the leads and sponsors of *{engagement}* can see its digest and export.")
DIGEST_PREVIEW_SENT = _("I've sent you this week's digest of *{engagement}* in our DM, as its sponsors get it. Only you can see it.")
DIGEST_NOT_SENT = _("I couldn't send you the digest of *{engagement}* ({error}). Please try again.")
EXPORT_SENT = _("I've sent you *{engagement}*'s figures per pulse as a CSV in our DM ({pulses} pulses; side figures only, never anyone's answer).")
BASELINE_USAGE = _("Baseline reads: `/rapport baseline 2026-09-01` (a date) or `/rapport baseline default` (the first four pulses).")
BASELINE_SET = _("*{engagement}*'s baseline now counts from {start}: the first four pulses closed on or after it. Digests and App Home compare with it.")
BASELINE_DEFAULT = _("*{engagement}*'s baseline is the first four closed pulses again.")
EXPORT_NOT_SENT = _("I couldn't send you the export of *{engagement}* ({error}). Please try again.")

HOME_NO_ENGAGEMENT = _("You're not on any engagement yet. Set one up, or ask a lead to add you.")
HOME_ENGAGEMENT = _("*{name}* — {client} (client) and {provider} (provider)\nYou: {role} on the {side} side.")
HOME_PULSE_OPEN = _("Pulse open, closes {closes}. Answered so far: client {client_answered} of {client_asked}, provider {provider_answered} of {provider_asked}.")
HOME_NO_PULSE_OPEN = _("No pulse open.")
HOME_PENDING = _(":wave: A pulse is waiting for your answer; it closes {closes}. The buttons are in your DM with me.")
HOME_ANSWERED = _("You've answered the open pulse ({rating}); you can change it in your DM until it closes {closes}.")
HOME_YOUR_ANSWERS = _("*Your last answers* (only you see these)")
HOME_ANSWER_LINE = _("• {day}: {rating}{guess}{comment}")
HOME_NO_ANSWERS = _("_You haven't answered a closed pulse yet._")
HOME_MORE = _('…and {count} more engagements: use `/rapport digest in:"name"`.')
HOME_DIGEST_BUTTON = _("Preview digest")
HOME_EXPORT_BUTTON = _("Export CSV")
HOME_SETUP_BUTTON = _("Set up an engagement")
HOME_HELP = _("`/rapport help` lists every command.")

# Why a person cannot get pulse DMs, as `/rapport members` shows it (by Slack's code).
UNREACHABLE_REASONS = {
    "invalid_user_combination": _(
        "invalid_user_combination — in another workspace and not in "
        "a channel shared with Rapport; invite them back to it, or have their company install Rapport"
    ),
    "user_not_visible": _("user_not_visible — Rapport cannot see them; have their company install it"),
    "not_installed": _("not_installed — neither their workspace nor the engagement's has Rapport"),
}
WORKSPACE_LEFT = _(  # distributed mode: a workspace uninstalled Rapport or revoked its tokens
    "The {team} workspace removed Rapport (or revoked its access) for *{engagement}*. Its people "
    "are reached through the shared channel where Slack allows; anyone it cannot reach shows as "
    "unreachable in `/rapport members`. Ask them to install Rapport again to restore it."
)
CHANNEL_UNSHARED = _(
    "<#{channel}>, the alert channel of *{engagement}*, is no longer shared with the other "
    "company: they no longer see its alerts. Share it again, or choose another with `/rapport config`."
)

# fmt: on

localised(__name__)
