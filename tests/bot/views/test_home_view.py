"""The App Home: a lead's view of the numbers, your own pulse and answers, within Slack's limits."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from bot.domain import reply_text
from bot.domain.digest import OpenAlert
from bot.services.home_state import membership
from bot.views import kit
from bot.views.home_view import (
    DIGEST_BUTTON,
    EXPORT_BUTTON,
    SETUP_BUTTON,
    OpenPulse,
    PastAnswer,
    engagement_heading,
    home_tab,
    own_answer_blocks,
    pending_blocks,
    state_blocks,
)
from bot.views.mrkdwn import slack_date
from bot.views.status_view import SideCount
from tests.support import models
from tests.support.blockkit import button_labels, buttons, check_view, slack_unescape, text_of
from tests.support.digests import CLIENT, PROVIDER, START, digest, points

CLOSES = START + timedelta(weeks=6, hours=72)


def lead_view(open_pulse: bool = True, **overrides: object) -> list[dict[str, Any]]:
    counts = {
        "client": SideCount(asked=9, answered=4, away=1),
        "provider": SideCount(asked=6, answered=6, away=0),
    }
    return state_blocks(
        7,
        digest(points(CLIENT, PROVIDER), **overrides),
        OpenPulse(CLOSES, counts) if open_pulse else None,
    )


def test_a_lead_sees_the_digest_numbers_the_open_pulse_and_two_buttons() -> None:
    blocks = lead_view()
    text = text_of(blocks)
    assert text.startswith("*Acme deal* — client 54 (below its 70), provider 81")
    # Away members are not counted as asked.
    assert (
        f"Pulse open, closes {slack_date(CLOSES)}. Answered so far: client 4 of 8, provider 6 of 6."
    ) in text
    assert button_labels(blocks) == ["Preview digest", "Export CSV"]
    assert [b["action_id"] for b in buttons(blocks)] == [DIGEST_BUTTON, EXPORT_BUTTON]
    assert all(b["value"] == "7" for b in buttons(blocks))


def test_without_an_open_pulse_the_home_says_so() -> None:
    text = text_of(lead_view(open_pulse=False))
    assert "No pulse open." in text
    assert "Pulse open" not in text


def test_many_long_open_alerts_still_fit_a_section() -> None:
    alerts = [
        OpenAlert("gap", "The client is far below the provider. " * 10, START, "U0PRO1")
        for _ in range(40)
    ]
    blocks = lead_view(open_alerts=alerts)
    assert all(len(b["text"]["text"]) <= 3000 for b in blocks if b["type"] == "section")
    check_view({"type": "home", "blocks": blocks})


def test_my_open_pulse_waits_for_me_or_shows_my_answer() -> None:
    closes = slack_date(CLOSES)
    waiting = text_of(pending_blocks(None, CLOSES))
    assert waiting == reply_text.HOME_PENDING.format(closes=closes)
    answered = text_of(pending_blocks(4, CLOSES))
    assert answered == (
        "You've answered the open pulse (4); "
        f"you can change it in your DM until it closes {closes}."
    )


def answer(
    days: int, rating: int | None, guess: int | None = None, comment: str | None = None
) -> PastAnswer:
    closed = START + timedelta(days=days, hours=10)  # 16:00 UTC + 10h: the next day in Paris
    return PastAnswer(closed, rating, guess, comment)


def test_my_last_answers_show_day_rating_guess_and_my_comment() -> None:
    answers = [
        answer(7, 4, 2, "Calls run <late> & long"),
        answer(0, None),
        PastAnswer(None, 3, None, None),
    ]
    text = text_of(own_answer_blocks(answers, "Europe/Paris"))
    assert text.splitlines() == [
        "*Your last answers* (only you see these)",
        "• 11 Mar: 4, guessed 2 for the other side — “Calls run &lt;late&gt; &amp; long”",
        "• 4 Mar: no rating",
        "• ?: 3",
    ]


def test_a_long_comment_is_cut_to_eighty_characters_with_an_ellipsis() -> None:
    text = text_of(own_answer_blocks([answer(0, 5, None, "a" * 200)], "UTC"))
    shown = text.split("“")[1].rstrip("”")
    assert shown == "a" * 79 + "…"


def test_no_answers_yet_says_so() -> None:
    text = text_of(own_answer_blocks([], "UTC"))
    assert text.splitlines()[1] == reply_text.HOME_NO_ANSWERS


@given(st.text(min_size=1, max_size=300))
def test_any_comment_is_escaped_and_reads_back_as_typed(comment: str) -> None:
    (block,) = own_answer_blocks([answer(0, 3, None, comment)], "UTC")
    text = block["text"]["text"]
    assert "<" not in text and ">" not in text
    shown = slack_unescape(text.split(" — “", 1)[1].removesuffix("”"))
    expected = comment if len(comment) <= 80 else comment[:79] + "…"
    assert shown == expected


def test_the_heading_names_the_engagement_both_parties_and_my_part() -> None:
    heading = engagement_heading(
        membership(models.engagement(), models.member("provider", role="lead"))
    )
    assert heading["text"]["text"] == (
        "*Acme deal* — Acme (client) and Globex (provider)\nYou: lead on the provider side."
    )


@given(st.text(min_size=1, max_size=80), st.text(min_size=1, max_size=80))
def test_any_name_in_the_heading_is_escaped(name: str, org: str) -> None:
    engagement = models.engagement(name=name, client_org=org, provider_org=org)
    text = engagement_heading(membership(engagement, models.member()))["text"]["text"]
    assert "<" not in text and ">" not in text
    assert slack_unescape(text).startswith(f"*{name}* — {org} (client)")


def test_nobody_on_any_engagement_is_invited_to_set_one_up() -> None:
    view = home_tab([], count=0, shown=10)
    check_view(view)
    assert view["type"] == "home"
    text = text_of(view["blocks"])
    assert text.startswith("Rapport\n")
    assert reply_text.HOME_NO_ENGAGEMENT in text
    assert [b["action_id"] for b in buttons(view["blocks"])] == [SETUP_BUTTON]
    assert text.endswith(reply_text.HOME_HELP)


def test_the_fullest_home_fits_slacks_hundred_blocks_and_counts_the_rest() -> None:
    body: list[dict[str, Any]] = []
    for _ in range(10):  # bot.services.home shows at most ten engagements
        body.append(engagement_heading(membership(models.engagement(), models.member(role="lead"))))
        body += lead_view()
        body += pending_blocks(3, CLOSES)
        body += own_answer_blocks([answer(d, 4, 3, "é<" * 100) for d in range(5)], "UTC")
        body.append(kit.divider())
    view = home_tab(body, count=25, shown=10)
    check_view(view)
    assert len(view["blocks"]) <= 100
    assert '…and 15 more engagements: use `/rapport digest in:"name"`.' in text_of(view["blocks"])
    assert reply_text.HOME_NO_ENGAGEMENT not in text_of(view["blocks"])


def test_all_engagements_shown_means_no_more_line() -> None:
    view = home_tab(
        [engagement_heading(membership(models.engagement(), models.member()))], count=1, shown=10
    )
    assert "more engagements" not in text_of(view["blocks"])
