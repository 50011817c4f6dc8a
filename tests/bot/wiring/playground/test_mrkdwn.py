"""Slack's mrkdwn drawn as safe HTML: styles, mentions, links, dates, quotes and code."""

from __future__ import annotations

from bot.wiring.playground.blockkit import Directory
from bot.wiring.playground.mrkdwn import plain_to_html, to_html

NAMES = {"U0ANA": "Ana Lima", "C0DEAL": "acme-deal"}
DIRECTORY = Directory(names=lambda some_id: NAMES.get(some_id, some_id))


def test_mrkdwn_styles_mentions_links_and_dates() -> None:
    drawn = to_html(
        "*Acme deal* is _down_ ~up~ `code` — <@U0ANA> in <#C0DEAL> "
        "<https://example.com/a?b=1&amp;c=2|the doc> <!date^1736500000^{date_short}|Jan 10>"
    )
    assert "<b>Acme deal</b>" in drawn and "<i>down</i>" in drawn and "<s>up</s>" in drawn
    assert "<code>code</code>" in drawn
    assert '<a href="https://example.com/a?b=1&amp;c=2"' in drawn and ">the doc</a>" in drawn
    assert "Jan 10, 2025" in drawn
    named = to_html("<@U0ANA> in <#C0DEAL>", DIRECTORY.names)
    assert "@Ana Lima" in named and "#acme-deal" in named


def test_mrkdwn_never_lets_text_become_markup() -> None:
    drawn = to_html('&lt;script&gt;alert(1)&lt;/script&gt; <javascript:alert(1)|x> "q"')
    assert "<script" not in drawn and "href" not in drawn
    assert "&lt;script&gt;" in drawn


def test_quotes_code_blocks_and_lines() -> None:
    drawn = to_html("&gt; quoted\nplain\n```a *b*\nc```")
    assert "<blockquote>quoted</blockquote>" in drawn
    assert "plain<br>" in drawn
    assert "<pre>a *b*\nc</pre>" in drawn


def test_plain_text_is_escaped_and_keeps_its_lines() -> None:
    drawn = plain_to_html("*not bold* <b>\nnext")
    assert "<b>" not in drawn and "&lt;b&gt;" in drawn and "*not bold*" in drawn
    assert "next" in drawn and drawn.index("next") > drawn.index("&lt;b&gt;")
