"""Slack's own markup for the pieces every message uses: dates, mentions, escaped text."""

from __future__ import annotations

from datetime import datetime


def slack_date(when: datetime) -> str:
    """A date Slack shows in each reader's own time zone."""
    epoch = int(when.timestamp())
    fallback = when.strftime("%a %d %b %H:%M UTC")
    return f"<!date^{epoch}^{{date_short_pretty}} at {{time}}|{fallback}>"


def mention(user_id: str) -> str:
    """A mention Slack renders as the person's name."""
    return f"<@{user_id}>"


def escape(text: str) -> str:
    """Text people typed, safe inside mrkdwn: `&`, `<` and `>` as Slack's entities."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
