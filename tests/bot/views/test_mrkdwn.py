"""Slack's markup pieces: dates every reader sees in their own zone, mentions, escaped text."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from bot.views.mrkdwn import escape, mention, slack_date
from tests.support.blockkit import slack_unescape

# What Slack reads as markup inside mrkdwn: a <…> sequence (mention, link, date, broadcast).
CONTROL = re.compile(r"<[^>]*>")


def test_a_date_is_slack_date_markup_with_the_epoch_and_a_utc_fallback() -> None:
    when = datetime(2025, 3, 7, 10, 0, tzinfo=UTC)
    assert slack_date(when) == (
        "<!date^1741341600^{date_short_pretty} at {time}|Fri 07 Mar 10:00 UTC>"
    )


def test_the_same_instant_in_another_zone_is_the_same_epoch() -> None:
    utc = datetime(2025, 3, 7, 10, 0, tzinfo=UTC)
    paris = utc.astimezone(timezone(timedelta(hours=1)))
    assert slack_date(paris).split("|")[0] == slack_date(utc).split("|")[0]


def test_a_mention_is_the_user_id_in_angle_brackets() -> None:
    assert mention("U0CLI1") == "<@U0CLI1>"


def test_escape_turns_slack_control_characters_into_entities() -> None:
    assert escape("R&D <@U0BOSS> <!channel> 5 > 3") == (
        "R&amp;D &lt;@U0BOSS&gt; &lt;!channel&gt; 5 &gt; 3"
    )


def test_escape_leaves_plain_text_alone() -> None:
    assert escape("Acme – Globex, 100% “fine”") == "Acme – Globex, 100% “fine”"


def test_an_entity_someone_typed_shows_as_typed() -> None:
    # "&lt;" typed by a person must not be shown as "<".
    assert escape("&lt;b&gt;") == "&amp;lt;b&amp;gt;"


@given(st.text())
def test_escaped_text_never_opens_markup_and_reads_back_as_typed(text: str) -> None:
    escaped = escape(text)
    assert "<" not in escaped and ">" not in escaped
    assert CONTROL.search(escaped) is None
    assert slack_unescape(escaped) == text
