"""The page's Block Kit drawing, on the blocks the app itself builds."""

from __future__ import annotations

import re

from bot.views import pulse_dm as blocks
from bot.wiring.playground.blockkit import Directory, blocks_html, message_html, view_html

NAMES = {"U0ANA": "Ana Lima", "C0DEAL": "acme-deal"}
DIRECTORY = Directory(names=lambda some_id: NAMES.get(some_id, some_id))


def test_the_pulse_dm_is_drawn_with_every_button_and_what_it_sends_back() -> None:
    pulse = blocks.pulse_message(
        pulse_id=7,
        engagement="Acme deal",
        relationship="Acme – Globex",
        other="Globex",
        closes="Tue",
        so_far=blocks.SoFar(rating=4),
    )
    drawn = blocks_html(pulse, DIRECTORY)
    rate = re.findall(r'data-action-id="(pulse\.rate\.\d)"', drawn)
    assert rate == [f"pulse.rate.{n}" for n in range(1, 6)]
    assert len(re.findall(r'data-action-id="pulse\.guess\.\d"', drawn)) == 5
    assert re.search(
        r'class="btn primary" data-kind="button" data-action-id="pulse\.rate\.4" '
        r'data-block-id="pulse\.rate" data-value="\{&quot;p&quot;: 7, &quot;v&quot;: 4\}"',
        drawn,
    )
    # After a rating: what drives it, at most two, as a multi-select the page can pick in.
    assert 'data-kind="multi_static_select" data-action-id="pulse.drivers"' in drawn
    assert 'data-block-id="pulse.drivers.7" data-max="2"' in drawn
    assert 'class="block context"' in drawn
    assert DIRECTORY.unknown == []


def test_the_comment_form_is_drawn_with_its_input() -> None:
    view = blocks.comment_modal(pulse_id=7, channel="D0ANA", ts="1.2")
    drawn = view_html(view, DIRECTORY)
    assert '<textarea data-kind="plain_text_input" data-action-id="text"' in drawn
    assert 'data-block-id="comment"' in drawn
    assert 'class="view-title"' in drawn


def test_header_divider_image_fields_selects_and_an_unknown_block() -> None:
    directory = Directory(people=[("U0ANA", "Ana Lima")], channels=[("C0DEAL", "acme-deal")])
    drawn = blocks_html(
        [
            {"type": "header", "text": {"type": "plain_text", "text": "Digest <b>"}},
            {"type": "divider"},
            {"type": "image", "image_url": "https://x/c.png", "alt_text": "chart"},
            {
                "type": "section",
                "fields": [{"type": "mrkdwn", "text": "*Client*"}],
                "accessory": {"type": "users_select", "action_id": "owner"},
            },
            {
                "type": "input",
                "block_id": "channel",
                "label": {"type": "plain_text", "text": "Channel"},
                "element": {
                    "type": "conversations_select",
                    "action_id": "value",
                    "initial_conversation": "C0DEAL",
                },
            },
            {"type": "video"},
        ],
        directory,
    )
    assert "Digest &lt;b&gt;" in drawn and '<hr class="block divider">' in drawn
    assert '<img src="https://x/c.png" alt="chart">' in drawn
    assert '<div class="field"><b>Client</b></div>' in drawn
    assert '<option value="U0ANA">Ana Lima</option>' in drawn
    assert '<option value="C0DEAL" selected>acme-deal</option>' in drawn
    assert directory.unknown == ["video"]


def test_a_message_without_blocks_shows_its_text() -> None:
    assert "<b>Saved</b>" in message_html("*Saved*", [], DIRECTORY)
