"""`/rapport help`: its introduction, its sections, and each subcommand's lines."""

from __future__ import annotations

from bot.domain.i18n import deferred as _

# fmt: off
# One sentence per line, as the text reads: ruff leaves the wrapped strings where they are.
from bot.domain.i18n import localised

HELP_INTRO = _("""*Rapport* asks both sides of an outsourcing deal how the relationship feels, \
and tells the shared channel when they stop seeing it the same way.""")

# Sections of `/rapport help`, in order; each subcommand's record names its section.
HELP_GROUPS = {
    "setup": _("*Set up* (the person who sets up an engagement becomes its lead)"),
    "people": _("*People* (leads only, except `members`)"),
    "pulses": _("*Pulses* (they also go out on the engagement's schedule, every Tuesday 10:00 by default)"),
    "alerts": _("*Alerts* (posted in the shared channel when the two sides diverge)"),
    "settings": _("*Settings* (leads only)"),
    "digest": _("*Digest* (leads and sponsors)"),
    "choose": _("""*Which engagement?* In an engagement's shared channel, commands apply to it. \
Elsewhere they apply to the one you lead; if you lead several, add `in:"Acme deal"`."""),
}
HELP_MORE = _("*More*")

# Each subcommand's lines in `/rapport help`.
HELP_LINES = {
    "help": _("• `/rapport help` — this message"),
    "setup": _("""• `/rapport setup` — opens a form
• `/rapport setup "Acme deal" client:"Acme" provider:"Globex" channel:#acme-globex` — the same, typed (add `side:provider` if you are on the provider side)"""),
    "add": _("""• `/rapport add @ana @ben client` — put people on the client side (or `provider`)
• `/rapport add @cleo provider lead` — make someone a lead (or `sponsor`: reads the digest, gets no pulses); `weight:2` gives someone a larger stake"""),
    "remove": _("• `/rapport remove @ben` — take someone off; published figures stay as they are, and they can no longer answer"),
    "forget": _("• `/rapport forget @ben` — erase someone: their comments are deleted, their answers lose their name (leads only)"),
    "archive": _("• `/rapport archive` — stop an engagement's pulses, alerts and digests and hide it (leads only)"),
    "members": _("• `/rapport members` — who is on each side"),
    "send": _("• `/rapport send` — ask everyone now (leads only); each person gets one DM"),
    "status": _("• `/rapport status` — is a pulse open, how many answered on each side (never who said what), and when the next one goes"),
    "close": _("• `/rapport close` — close the open pulse now and post what it shows (leads only)"),
    "alerts": _("""• `/rapport alerts` — the open alerts, their age and owner, and the actions not yet done (overdue first); each close's findings are one message in the alert channel
• On an alert in the shared channel, leads of either side press *Add action* (what, an owner from either side, a due date); the owner or a lead presses *Done*. Done actions never resolve an alert: only the figures do; an action not done when its alert resolves is closed with it"""),
    "sla": _("• `/rapport sla green|amber|red [note]` — record the SLA status, the facts next to the feeling (leads only)"),
    "config": _("""• `/rapport config` — opens the settings form; or type them: `client_tolerance=70 provider_tolerance=60 gap=15 anonymity=3`
• `/rapport config schedule="weekly tue 10:00" timezone=Europe/Berlin window=72h reminder=24h digest="mon 08:00" retention=365d` — schedule forms: `daily 10:00`, `weekly tue 10:00`, `fortnightly tue 10:00`, `monthly 1 10:00`, `monthly last fri 10:00`, or cron like `30 9 * * 1-5`
• `/rapport config ack_within=3d escalate_after=14d escalate_pulses=3` — the escalation ladder: an alert nobody acknowledges is raised again in its thread to both sides' leads, then one still open is DMed to every sponsor (`m`, `h` or `d`)
• `/rapport config language=de` — the shared channel's language (`en`, `de`, `fr`, `es`, `pt_BR`); each person reads Rapport in their own Slack language"""),
    "weight": _("• `/rapport weight @ana 2` — a stake weight from 0.1 to 10 (nobody carries more than half a side)"),
    "digest": _("• `/rapport digest` — this week's digest with its chart, sent only to you, as sponsors get it every week"),
    "export": _("• `/rapport export` — the figures per pulse as a CSV in your DM (side figures only, never anyone's answer)"),
    "portfolio": _("• `/rapport portfolio` — every engagement you lead or sponsor, most in need of attention first, with both sides' latest figures, the gap, open findings and the next pulse; `csv` sends it to your DM as a CSV"),
    "digest-time": _("• `/rapport digest-time mon 08:00` — sponsors of several engagements get one digest a week for all of them, at the first of their digest times; choose your own day and time here (your Slack time zone, or add `tz:Europe/Berlin`); `default` goes back"),
    "baseline": _("• `/rapport baseline 2026-09-01` — count the baseline from the first four pulses closed on or after that date; `default` goes back to the first four (leads only)"),
}

# fmt: on

localised(__name__)
