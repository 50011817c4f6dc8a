"""Every sentence Rapport says to people, reviewed in one place."""

from __future__ import annotations

UNBALANCED_QUOTE = (
    "There's an opening quote without its closing one. Put names with spaces in quotes, "
    'like `setup "Acme deal" client:"Acme"`.'
)
TOO_LONG = "That command is too long (over {limit} characters). `/rapport help` shows the forms."
UNKNOWN_SUBCOMMAND = "I don't know `{word}`. `/rapport help` lists what I can do."
TAKES_NO_ARGUMENTS = '`/rapport {name}` takes no arguments (except `in:"name"`).'
NOT_A_MENTION = "I couldn't read `{value}` as a person. Type `@` and pick them from the list, so Slack turns it into a mention."
CHANNEL_NOT_PERSON = "{value} is a channel, and I need a person there. Mention them with `@`."
PERSON_NOT_CHANNEL = "{value} is a person, and I need a channel there, like `channel:#acme-globex`."
NOT_A_CHANNEL = "I couldn't read `{value}` as a channel. Type `#` and pick it from the list, like `channel:#acme-globex`."
EMPTY_NAME = "The {what} is empty."
NAME_TOO_LONG = "The {what} is too long: keep it under {limit} characters."
NAME_MARKUP = "The {what} can't contain `<`, `>`, `*` or backticks."
SETUP_USAGE = (
    'Setup reads: `/rapport setup "Acme deal" client:"Acme" provider:"Globex" '
    "channel:#acme-globex` — or just `/rapport setup` for a form."
)
SETUP_MISSING = "Setup is missing: {missing}. " + SETUP_USAGE
ADD_USAGE = (
    "Add reads: `/rapport add @ana @ben client` (or `provider`), optionally `lead` or `sponsor`."
)
ADD_NO_USERS = "Who should I add? Mention them: `/rapport add @ana @ben client`."
ADD_NO_SIDE = "Which side are they on? End with `client` or `provider`: `/rapport add @ana client`."
ADD_UNKNOWN_WORD = "I don't understand `{word}` here. Sides are `client` and `provider`; roles are `member`, `lead` and `sponsor`."
ADD_TOO_MANY = "That's more than 50 people at once; add them in smaller groups."
BAD_WEIGHT = "A stake weight is a number from 0.1 to 10, not `{value}`."
REMOVE_USAGE = "Remove reads: `/rapport remove @ben` — one person at a time."

NO_ENGAGEMENT = "You're not part of any engagement yet. Start one with `/rapport setup`, or ask a lead to add you."
UNKNOWN_ENGAGEMENT = (
    'There\'s no engagement called "{name}" here. Check the name in `/rapport members`.'
)
CHOOSE_ENGAGEMENT = (
    'You\'re part of several engagements ({names}). Say which one with `in:"name"`, or run '
    "the command in its shared channel."
)
CHANNEL_SHARED = (
    'Several engagements post to this channel ({names}). Say which one with `in:"name"`.'
)
LEADS_ONLY = "Only a lead of *{engagement}* can do that. Its leads: {leads}."
NOT_A_MEMBER = "You're not on *{engagement}*, so I can't show you that."
ENGAGEMENT_GONE = "That engagement no longer exists."
ENGAGEMENT_EXISTS = 'An engagement called "{name}" already exists in this workspace.'
SETUP_CHANNEL_TAKEN = "<#{channel}> is already the alert channel of another engagement. Pick a channel of its own for this one."
SETUP_NOT_IN_CHANNEL = "You're not in <#{channel}>, so you can't make it an engagement's alert channel. Join it first, or ask someone in it to set up."
SETUP_CHANNEL_UNSEEN = "I couldn't check who is in <#{channel}> ({error}). If it is private, invite me there with `/invite @Rapport`, then set up again. Nothing was saved."

SETUP_DONE = "*{name}* is set up: {client} (client) and {provider} (provider), alerts in <#{channel}>. You're its lead. Next: `/rapport add @people client` and `/rapport add @people provider`."
ANNOUNCE = "Rapport is now looking after *{name}* — {client} and {provider}. Both sides will get a short pulse by DM; this channel hears about it when the two sides stop seeing the relationship the same way. Nobody's individual answers are shown."
NOT_IN_CHANNEL = "I couldn't post in <#{channel}> ({error}). Invite me there with `/invite @Rapport`, or I can't post alerts."
ADDED = "Added to the {side} side of *{engagement}*: {people}."
ADD_REFUSED = "Not added: {reasons}."
MOVED = "{person} moved to the {side} side"
FROM_NEXT_PULSE = (
    " This applies from the next pulse; closed pulses keep the figures they were published with."
)
REMOVED = "{person} is off *{engagement}*. Published figures stay as they are; they can't answer any more, and an answer to a pulse still open won't count."
FORGOTTEN = "Forgotten: {person} on {engagements}. Erased: {comments}, deleted; their membership, removed; the link between them and their {answers}, cut. What stays: the side figures already published (they never showed anyone's answer), with those answers counted in them without a name; alerts and SLA records posted in the shared channel."
FORGOTTEN_COMMENTS = ("{count} comment", "{count} comments")
FORGOTTEN_ANSWERS = ("{count} answer", "{count} answers")
FORGET_NOTHING = "There was nothing to forget: {person} isn't on any engagement here."
FORGET_YOU = "you"
FORGET_LAST_LEAD = (
    "That's the last lead of *{engagement}*. Make someone else a lead first, then forget."
)
FORGET_USAGE = "Forget reads: `/rapport forget @ana` — one person at a time; it erases their comments and membership (leads only)."
FORGOTTEN_DM = "Your data on this engagement was erased at your or a lead's request, so this pulse no longer takes your answer."
FORGET_ME_BUTTON = "Forget me"
FORGET_ME_CONFIRM_TITLE = "Forget me?"
FORGET_ME_CONFIRM = "Your comments are deleted, your answers lose your name and you leave every engagement here. Published side figures stay as they are. This can't be undone."
FORGET_ME_CONFIRM_YES = "Forget me"
FORGET_ME_CONFIRM_NO = "Keep my data"
ARCHIVED = "*{engagement}* is archived: no more pulses, alerts or digests, and it no longer shows in commands or App Home. An operator can delete it for good with `rapport purge`."
ARCHIVE_PULSE_OPEN = (
    "A pulse for *{engagement}* is still open. Close it with `/rapport close` first, then archive."
)
LAST_LEAD = "That's the last lead of *{engagement}*. Make someone else a lead first."
NOT_ON_ENGAGEMENT = "{person} isn't on *{engagement}*."
UNKNOWN_USER = "I can't find {person} in Slack"
LOOKUP_FAILED = "Slack didn't answer about {person} ({reason}); add them again in a minute"
BOT_USER = "{person} is a bot"
DEACTIVATED_USER = "{person}'s account is deactivated"

MEMBERS_EMPTY = "*{engagement}* has nobody on it yet. Add people with `/rapport add @ana client`."

PULSE_ALREADY_OPEN = "A pulse for *{engagement}* is already open; it closes {closes}."
PULSE_NOBODY = "Nobody on *{engagement}* receives pulses yet. Add people with `/rapport add`."
PULSE_SENDING = "Sending the pulse for *{engagement}* to {count} people…"
PULSE_SENT = "Pulse for *{engagement}* sent to {sent} of {total} people."
PULSE_RETRYING = " Not sent yet to {count} ({reasons}): Rapport keeps trying, without sending anyone a second DM, until the pulse closes."
PULSE_UNREACHABLE = " Couldn't reach: {people}."
PULSE_THIN_SIDE = (
    " The {side} side has fewer than {minimum} people, so its figures will be withheld."
)

STATUS_OPEN = "A pulse for *{engagement}* is open (since {opened}, closes {closes}). Answered: client {client_answered} of {client_total}, provider {provider_answered} of {provider_total}."
STATUS_AWAY = " Away this week: {away}."
STATUS_NONE = "No pulse is open for *{engagement}*. {last}"
STATUS_LAST = "The last one closed {closed}."
STATUS_NEVER = "None has been sent yet: `/rapport send` asks everyone now."

PULSE_QUESTION = "How satisfied are you with the *{relationship}* relationship this week?"
PULSE_SCALE = "1 = very dissatisfied · 5 = very satisfied"
PULSE_GUESS = "How do you think *{other}* would rate it? (optional)"
PULSE_INTRO = "Quick pulse for *{engagement}* — one tap is enough."
PULSE_FALLBACK = "How satisfied are you with {relationship} this week? Answer with the buttons."
PULSE_CHOSEN = "You answered *{rating}*{guess}. You can change it until the pulse closes {closes}."
PULSE_CHOSEN_GUESS = ", and guessed *{guess}* for {other}"
PULSE_ONLY_GUESS = "You guessed *{guess}* for {other}. Add your own rating too."
PULSE_COMMENTED = "Comment saved — thank you."
PULSE_CLOSES = "Closes {closes}. Only totals per side are shown; never who said what."
ANSWER_NOT_SAVED = (
    "Your answer was not saved: something went wrong on our side. Please tap it again."
)
COMMENT_NOT_SAVED = (
    "Your comment was not saved: something went wrong on our side. Please send it again."
)
SAVED_NOT_SHOWN = "Saved. Slack didn't let me update the message above just now, so it may still show your earlier answer; what you chose is kept all the same."
COMMENT_FORM_NOT_OPENED = (
    "I couldn't open the comment form: Slack didn't answer in time. Please tap it again."
)
PULSE_CLOSED = "This pulse has closed, so that answer wasn't recorded."
PULSE_NOT_YOURS = "This pulse wasn't sent to you, so I can't record an answer from you."
PULSE_NO_LONGER_MEMBER = "You are no longer on {relationship}; nothing was saved."
COMMENT_BUTTON = "Add a comment"
AWAY_BUTTON = "Away this week"
PULSE_AWAY = "Marked away this week: you count as absent, not silent, and get no reminder. Back after all? Answer any time before it closes {closes}."
PULSE_REMINDER = "A gentle reminder: this pulse closes {closes}. One tap above is enough — or press *Away this week* if you were out."
COMMENT_TITLE = "Add a comment"
COMMENT_LABEL = "What's behind your answer? (optional; never shown with your name)"
COMMENT_TOO_LONG = "Keep it under {limit} characters."
COMMENT_EMPTY = "Write something, or close the form."

SETUP_MODAL_TITLE = "Set up an engagement"
SETUP_MODAL_NAME = "Engagement name"
SETUP_MODAL_CLIENT = "Client organisation"
SETUP_MODAL_PROVIDER = "Provider organisation"
SETUP_PICK_CHANNEL = "Pick the channel where alerts should go."
SETUP_MODAL_CHANNEL = "Shared alert channel"

SOMETHING_WRONG = (
    "Something went wrong on our side and nothing was changed. Please try again in a minute."
)

ALERT_TITLES = {
    "divergence": "The two sides see the relationship differently",
    "gap": "Wide gap between the sides",
    "both_below": "Both sides below their tolerance",
    "decline": "Satisfaction is falling",
    "silence": "A side is going quiet",
    "blind_spot": "A side misjudges how the other feels",
    "watermelon": "Watermelon: SLAs green, client unhappy",
}
ALERT_STATE_OPEN = "Open since {opened}"
ALERT_STATE_ACKED = "Acknowledged by <@{who}>"
ALERT_OWNER = "owner <@{owner}>"
ALERT_NO_OWNER = "no owner yet"
ALERT_RESOLVED = "Resolved {when}."
ALERT_ACK_BUTTON = "Acknowledge"
ALERT_ASSIGN_BUTTON = "Assign owner"
ALERT_ASSIGN_TITLE = "Assign an owner"
ALERT_ASSIGN_LABEL = "Who owns the follow-up?"
ALERT_GONE = "That alert no longer exists."
ALERT_ALREADY_RESOLVED = "That alert is already resolved."
FIGURES_SIDE = "{side} {index} (tolerance {tolerance})"
FIGURES_WITHHELD = "{side} withheld (fewer than {minimum} answered)"
TREND_SIDE = "{side} {change:+d}"
TREND_LINE = "Since the last pulse: {trends}."
ANSWERED_LINE = "Answered: client {client_answered} of {client_eligible}, provider {provider_answered} of {provider_eligible}."

CLOSED = "Closed the pulse for *{engagement}*. Now: {figures}. {alerts}"
CLOSED_ALERTS = "Alerts: {summary}."
CLOSED_POSTS_WAITING = " The alert message could not be posted in the channel yet ({reasons}): Rapport tries again, never posting it twice, and DMs it to the leads if it still can't within a day."
CLOSED_POSTS_REFUSED = (
    " The alert message could not be posted in the channel ({reasons}): the leads have it by DM."
)
CLOSED_NO_ALERTS = "No alerts: the two sides are within their tolerances."
NO_OPEN_PULSE = "There's no open pulse for *{engagement}* to close."
ALERTS_HEADER = "*{engagement}* — open alerts"
ALERTS_NONE = "No open alerts for *{engagement}*."
ALERTS_LINE = "• {title} — {state}, {age} old, {owner}"
SLA_RECORDED = "SLA status for *{engagement}* recorded as *{status}*{note}."
SLA_USAGE = "SLA reads: `/rapport sla green|amber|red [note]`, for example `/rapport sla green all targets met`, or `/rapport sla token` for a feed token."
SLA_NEW_FEED_KEY = "New SLA feed token for *{engagement}* — shown only this once, so copy it now; it replaces any earlier one:\n`{token}`\nSend facts with `POST {path}` and `Authorization: Bearer <token>` (see docs/alerts.md)."
SLA_FEED_REFUSED = (
    "missing or unknown SLA token: send `Authorization: Bearer <token>` from `/rapport sla token`"
)
SLA_FEED_SIGNATURE = "the X-Rapport-Signature header does not match the body"
SLA_FEED_STALE = "X-Rapport-Signature needs an X-Rapport-Timestamp (unix seconds) within 5 minutes of now; a signed body is never accepted twice later"
SLA_FEED_DEEP = "the body is nested too deeply to be an SLA fact"
SLA_FEED_HISTORY = "recorded as history: its period is before the latest closed pulse, whose published figures and SLA status stay as they were"
SLA_FEED_SHAPE = 'the body must be a JSON object: {"status": "green"|"amber"|"red", "note": "…"} or {"metric": "…", "value": 97.1, "target": 99.5, "higher_is_better": true}'
SLA_FEED_JSON = "the body is not JSON"
SLA_FEED_STATUS = "status must be green, amber or red"
SLA_FEED_NUMBER = "{field} must be a number"
SLA_FEED_BOOLEAN = "higher_is_better must be true or false"
SLA_FEED_TEXT = "{field} must be text of 1 to {limit} characters, on one line"
SLA_FEED_UNKNOWN = "{field} is not a field of an SLA fact"
SLA_FEED_PERIOD = "period must be a date like 2026-11-23, not in the future"
SLA_IMPORT_ROW = "{file}, row {row}: {reason}. Nothing was imported."
SLA_IMPORTED = "Imported {count} SLA facts into {engagement}."
WEIGHT_USAGE = "Weight reads: `/rapport weight @ana 2` — a stake weight from 0.1 to 10."
WEIGHT_SET = "{person}'s stake weight on *{engagement}* is now {weight:g}."
CONFIG_USAGE = (
    "Config reads: `/rapport config client_tolerance=70 provider_tolerance=60 gap=15 anonymity=3` "
    'or `/rapport config schedule="weekly tue 10:00" timezone=Europe/Berlin window=72h reminder=24h '
    'digest="mon 08:00"`. Tolerances and the gap are points from 0 to 100; anonymity is at least 3. '
    "`/rapport config` alone opens a form."
)
CONFIG_UNKNOWN = "I don't know the setting `{key}`. " + CONFIG_USAGE
CONFIG_BAD_VALUE = "`{key}` must be {what}, not `{value}`."
CONFIG_REMINDER_AFTER_CLOSE = "The reminder ({reminder}h before closing) must come before the window ({window}h) ends, so keep `reminder` shorter than `window`."
CONFIG_SHOW = "*{engagement}* settings: pulses `{schedule}` ({timezone}), open for {window_hours} with a reminder {reminder_hours} before closing; digest `{digest_schedule}`; client tolerance {client_tolerance}, provider tolerance {provider_tolerance}, gap {gap_threshold}, anonymity minimum {anonymity_min}; comments kept {retention_days}; an unacknowledged alert is raised again after {ack_within_minutes}, and escalated to the sponsors after {escalate_after_minutes} or {escalate_pulses} pulses without improving."
ANONYMITY_FLOOR = "The anonymity minimum can't go below {floor}: with fewer, people could work out each other's answers."
CONFIG_MODAL_TITLE = "Engagement settings"
SETTING_LABELS = {
    "schedule": "Pulse schedule (weekly tue 10:00, fortnightly …, monthly 1 10:00, or cron)",
    "timezone": "Time zone (IANA name, e.g. Europe/Berlin)",
    "window": "Pulse stays open for (e.g. 72h)",
    "reminder": "Remind non-responders this long before closing (e.g. 24h)",
    "digest": "Sponsor digest day and time (e.g. mon 08:00)",
    "client_tolerance": "Client tolerance (0–100)",
    "provider_tolerance": "Provider tolerance (0–100)",
    "gap": "Gap threshold (points)",
    "retention": "Delete comments after (days, e.g. 365d)",
    "anonymity": "Anonymity minimum (at least 3)",
    "ack_within": "Raise an unacknowledged alert again after (e.g. 3d)",
    "escalate_after": "Escalate a live alert to the sponsors after (e.g. 14d)",
    "escalate_pulses": "…or after this many pulses without improving",
}
SCHEDULE_FORMS = "`daily 10:00`, `weekly tue 10:00`, `fortnightly tue 10:00`, `monthly 1 10:00`, `monthly last fri 10:00`, or a 5-field cron expression such as `30 9 * * 1-5`"
SCHEDULE_UNREADABLE = "I can't read `{value}` as a schedule. Use " + SCHEDULE_FORMS + "."
SCHEDULE_BAD_CRON = (
    "I can't read `{value}` as a cron expression ({error}). Use " + SCHEDULE_FORMS + "."
)
SCHEDULE_NEVER_DUE = "`{value}` never falls due."
SCHEDULE_BAD_MONTH_DAY = "The day of the month must be 1 to 31, not `{value}`."
SCHEDULE_BAD_DAY_TIME = (
    "I can't read `{value}` as a day and time. Use a day and a 24-hour time, such as `mon 08:00`."
)
SCHEDULE_BAD_TIMEZONE = "`{value}` is not a time zone I know. Use an IANA name such as `Europe/Berlin`, `America/New_York` or `UTC`."
SCHEDULE_BAD_DURATION = "I can't read `{value}` as a duration. Use days, hours and minutes such as `72h`, `3d`, `90m` or `1d12h`."
SCHEDULE_DURATION_RANGE = "A duration must be between {shortest} and {longest}; `{value}` is not."
SCHEDULE_BAD_TIME = "`{value}` is not a time. Use 24-hour time such as `09:30`."
SCHEDULE_BAD_DAY = "`{value}` is not a day. Use `mon` to `sun` or `monday` to `sunday`."
SETTING_WHOLE_NUMBER = "a whole number from {low} to {high}"
SETTING_RETENTION = "a number of days from {low} to {high}, like `365d`"
SETTING_WHOLE_HOURS = "use whole hours, like `72h` or `3d`, not `{value}`."
STATUS_NEXT = " Next pulse: {when} (`{schedule}`, {timezone})."
CONFIG_DONE = "Saved. " + CONFIG_SHOW + FROM_NEXT_PULSE

DIGEST_READERS_ONLY = "Only the leads and sponsors of *{engagement}* can see its digest and export."
DIGEST_PREVIEW_SENT = "I've sent you this week's digest of *{engagement}* in our DM, as its sponsors get it. Only you can see it."
DIGEST_NOT_SENT = "I couldn't send you the digest of *{engagement}* ({error}). Please try again."
EXPORT_SENT = "I've sent you *{engagement}*'s figures per pulse as a CSV in our DM ({pulses} pulses; side figures only, never anyone's answer)."
BASELINE_USAGE = "Baseline reads: `/rapport baseline 2026-09-01` (a date) or `/rapport baseline default` (the first four pulses)."
BASELINE_SET = "*{engagement}*'s baseline now counts from {start}: the first four pulses closed on or after it. Digests and App Home compare with it."
BASELINE_DEFAULT = "*{engagement}*'s baseline is the first four closed pulses again."
EXPORT_NOT_SENT = "I couldn't send you the export of *{engagement}* ({error}). Please try again."

HOME_NO_ENGAGEMENT = "You're not on any engagement yet. Set one up, or ask a lead to add you."
HOME_ENGAGEMENT = (
    "*{name}* — {client} (client) and {provider} (provider)\nYou: {role} on the {side} side."
)
HOME_PULSE_OPEN = "Pulse open, closes {closes}. Answered so far: client {client_answered} of {client_asked}, provider {provider_answered} of {provider_asked}."
HOME_NO_PULSE_OPEN = "No pulse open."
HOME_PENDING = ":wave: A pulse is waiting for your answer; it closes {closes}. The buttons are in your DM with me."
HOME_ANSWERED = "You've answered the open pulse ({rating}); you can change it in your DM until it closes {closes}."
HOME_YOUR_ANSWERS = "*Your last answers* (only you see these)"
HOME_ANSWER_LINE = "• {day}: {rating}{guess}{comment}"
HOME_NO_ANSWERS = "_You haven't answered a closed pulse yet._"
HOME_MORE = '…and {count} more engagements: use `/rapport digest in:"name"`.'
HOME_DIGEST_BUTTON = "Preview digest"
HOME_EXPORT_BUTTON = "Export CSV"
HOME_SETUP_BUTTON = "Set up an engagement"
HOME_HELP = "`/rapport help` lists every command."

# Why a person cannot get pulse DMs, as `/rapport members` shows it (by Slack's code).
UNREACHABLE_REASONS = {
    "invalid_user_combination": "invalid_user_combination — in another workspace and not in "
    "a channel shared with Rapport; invite them back to it, or have their company install Rapport",
    "user_not_visible": "user_not_visible — Rapport cannot see them; have their company install it",
    "not_installed": "not_installed — neither their workspace nor the engagement's has Rapport",
}
WORKSPACE_LEFT = (  # distributed mode: a workspace uninstalled Rapport or revoked its tokens
    "The {team} workspace removed Rapport (or revoked its access) for *{engagement}*. Its people "
    "are reached through the shared channel where Slack allows; anyone it cannot reach shows as "
    "unreachable in `/rapport members`. Ask them to install Rapport again to restore it."
)
CHANNEL_UNSHARED = (
    "<#{channel}>, the alert channel of *{engagement}*, is no longer shared with the other "
    "company: they no longer see its alerts. Share it again, or choose another with `/rapport config`."
)
