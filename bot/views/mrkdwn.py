"""Slack's own markup for the pieces every message uses: dates, mentions, escaped text."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.domain.i18n import _, moment


def slack_date(when: datetime) -> str:
    """A date Slack shows in each reader's own time zone."""
    epoch = int(when.timestamp())
    # Slack writes the date in the reader's language; the words around it and the
    # fallback (for clients that cannot render the token) come from the catalogue.
    shown = _("{date} at {time}").format(date="{date_short_pretty}", time="{time}")
    # TRANSLATORS: a Babel (CLDR) date pattern for "Tue 24 Nov 10:00" in UTC.
    fallback = moment(when.astimezone(UTC), _("EEE dd MMM HH:mm 'UTC'"))
    return f"<!date^{epoch}^{shown}|{fallback}>"


def mention(user_id: str) -> str:
    """A mention Slack renders as the person's name."""
    return f"<@{user_id}>"


def escape(text: str) -> str:
    """Text people typed, safe inside mrkdwn: `&`, `<` and `>` as Slack's entities."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
