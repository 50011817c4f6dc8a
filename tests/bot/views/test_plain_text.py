"""Slack mrkdwn as plain text: dates, people, channels and links as Slack shows them."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.views.mrkdwn import escape, mention, slack_date
from bot.views.plain_text import plain


def test_dates_become_their_fallback_and_people_their_names() -> None:
    when = slack_date(datetime(2025, 2, 7, 9, 0, tzinfo=UTC))
    text = f"{mention('U0LEAD')} {mention('U0NEW')} — nobody has acknowledged *Gap* since {when}."
    assert plain(text, {"U0LEAD": "Dana (Acme lead)"}) == (
        "@Dana (Acme lead) @U0NEW — nobody has acknowledged *Gap* since Fri 07 Feb 09:00 UTC."
    )


def test_channels_links_specials_and_entities() -> None:
    assert plain("<#C0ALERTS>, <#C0OTHER|acme-globex>", {"C0ALERTS": "alerts"}) == (
        "#alerts, #acme-globex"
    )
    assert plain("<https://example.com|the guide> <https://example.com>") == (
        "the guide (https://example.com) https://example.com"
    )
    assert plain("<!here> <!subteam^S0LEADS|@leads>") == "@here @leads"
    assert plain(escape("a < b & c > d")) == "a < b & c > d"
    assert plain(escape("&lt;")) == "&lt;"


def test_emphasis_and_emoji_stay_as_they_read() -> None:
    text = ":white_check_mark: ~Gap~ resolved: *bold* and _italic_"
    assert plain(text) == text
