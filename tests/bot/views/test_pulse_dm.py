"""The pulse DM and its comment form, as people see them."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from bot.domain import reply_text
from bot.domain.vocabulary import COMMENT_MAX
from bot.views.pulse_dm import (
    AWAY_ACTION,
    COMMENT_ACTION,
    COMMENT_VIEW,
    GUESS_ACTION,
    RATE_ACTION,
    SoFar,
    comment_modal,
    pulse_message,
)
from tests.support.blockkit import button_labels, buttons, check_message, check_view, texts

CLOSES = "<!date^1741600800^{date_short_pretty} at {time}|Mon 10 Mar 10:00 UTC>"


def dm(**answer: Any) -> list[dict[str, Any]]:
    return pulse_message(
        pulse_id=41,
        engagement="Acme deal",
        relationship="Acme – Globex",
        other="Globex",
        closes=CLOSES,
        so_far=SoFar(**answer),
    )


def footer(blocks: list[dict[str, Any]]) -> str:
    assert blocks[-1]["type"] == "context"
    return str(blocks[-1]["elements"][0]["text"])


def scale(blocks: list[dict[str, Any]], action: str) -> list[dict[str, Any]]:
    return [b for b in buttons(blocks) if b["action_id"].startswith(action + ".")]


def test_a_fresh_pulse_asks_both_questions_with_a_one_to_five_scale_each() -> None:
    blocks = dm()
    check_message(blocks)
    shown = texts(blocks)
    assert "Quick pulse for *Acme deal* — one tap is enough." in shown
    assert "How satisfied are you with the *Acme – Globex* relationship this week?" in shown
    assert "How do you think *Globex* would rate it? (optional)" in shown
    for action in (RATE_ACTION, GUESS_ACTION):
        rated = scale(blocks, action)
        assert [b["text"]["text"] for b in rated] == ["1", "2", "3", "4", "5"]
        assert [json.loads(b["value"]) for b in rated] == [{"p": 41, "v": n} for n in range(1, 6)]
        assert all("style" not in b for b in rated)
    assert button_labels(blocks)[-2:] == ["Add a comment", "Away this week"]
    assert footer(blocks) == reply_text.PULSE_CLOSES.format(closes=CLOSES)


def test_the_chosen_rating_and_guess_are_highlighted_and_said_in_the_footer() -> None:
    blocks = dm(rating=4, guess=2)
    check_message(blocks)
    assert [b["text"]["text"] for b in scale(blocks, RATE_ACTION) if b.get("style")] == ["4"]
    assert [b["text"]["text"] for b in scale(blocks, GUESS_ACTION) if b.get("style")] == ["2"]
    assert footer(blocks) == (
        f"You answered *4*, and guessed *2* for Globex. "
        f"You can change it until the pulse closes {CLOSES}."
    )


def test_a_rating_without_a_guess_says_only_the_rating() -> None:
    assert footer(dm(rating=1)) == (
        f"You answered *1*. You can change it until the pulse closes {CLOSES}."
    )


def test_a_guess_alone_asks_for_the_persons_own_rating() -> None:
    assert footer(dm(guess=5)) == "You guessed *5* for Globex. Add your own rating too."


def test_a_comment_is_thanked_after_the_answer() -> None:
    assert footer(dm(rating=3, commented=True)).endswith(" Comment saved — thank you.")
    assert footer(dm(commented=True)) == "Comment saved — thank you."


def test_away_is_highlighted_and_explained_until_the_person_rates() -> None:
    away = dm(away=True)
    marked = next(b for b in buttons(away) if b["action_id"] == AWAY_ACTION)
    assert marked["style"] == "primary"
    assert footer(away) == reply_text.PULSE_AWAY.format(closes=CLOSES)
    # Rating after pressing away: the answer counts, the away sentence goes.
    back = footer(dm(rating=2, away=True))
    assert back.startswith("You answered *2*")
    assert "absent" not in back


def test_the_comment_and_away_buttons_carry_the_pulse() -> None:
    blocks = dm()
    for action in (COMMENT_ACTION, AWAY_ACTION):
        button = next(b for b in buttons(blocks) if b["action_id"] == action)
        assert json.loads(button["value"]) == {"p": 41}


def test_the_same_variant_is_built_once_and_different_variants_differ() -> None:
    assert dm(rating=3) is dm(rating=3)
    assert dm(rating=3) != dm(rating=4)


@given(
    rating=st.none() | st.integers(1, 5),
    guess=st.none() | st.integers(1, 5),
    commented=st.booleans(),
    away=st.booleans(),
)
def test_every_answer_state_is_a_valid_message_with_a_footer(
    rating: int | None, guess: int | None, commented: bool, away: bool
) -> None:
    blocks = dm(rating=rating, guess=guess, commented=commented, away=away)
    check_message(blocks)
    assert len(buttons(blocks)) == 12
    assert footer(blocks).strip()
    highlighted = [b["action_id"] for b in buttons(blocks) if b.get("style") == "primary"]
    expected = [f"{RATE_ACTION}.{rating}"] if rating else []
    expected += [f"{GUESS_ACTION}.{guess}"] if guess else []
    expected += [AWAY_ACTION] if away else []
    assert highlighted == expected


def test_comment_modal_keeps_where_the_dm_is_and_limits_the_comment() -> None:
    view = comment_modal(pulse_id=41, channel="D0DM", ts="1741341600.000100")
    check_view(view)
    assert view["callback_id"] == COMMENT_VIEW
    assert json.loads(view["private_metadata"]) == {"p": 41, "c": "D0DM", "ts": "1741341600.000100"}
    assert view["title"]["text"] == reply_text.COMMENT_TITLE
    (block,) = view["blocks"]
    assert block["block_id"] == "comment"
    assert block["label"]["text"] == reply_text.COMMENT_LABEL
    assert block["element"]["multiline"] is True
    assert block["element"]["max_length"] == COMMENT_MAX
